// SPDX-License-Identifier: GPL-3.0-or-later
#include "tokenissuer.h"

#include "datastore.h"

#include "core/tap/frame.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Authd {

TokenIssuer::TokenIssuer(const DataStore &store, QString issuer, qint64 lifetime)
    : m_store(store)
    , m_issuer(std::move(issuer))
    , m_lifetime(lifetime)
    , m_jwksFrame(Tap::encodeFrame(jwks()))
{}

IssuedToken TokenIssuer::issue(const QString &user, qint64 now) const
{
    IssuedToken t;
    t.jti = base64Url(Crypto::randomBytes(16));
    t.expires = now + m_lifetime;
    const QJsonObject claims{{u"iss"_s, m_issuer}, {u"sub"_s, user}, {u"aud"_s, u"tidings"_s},
                             {u"iat"_s, now},      {u"nbf"_s, now},  {u"exp"_s, t.expires},
                             {u"jti"_s, t.jti}};
    const QJsonObject header{
        {u"alg"_s, u"EdDSA"_s}, {u"typ"_s, u"JWT"_s}, {u"kid"_s, m_store.keyId()}};
    // Signed directly with the loaded key (RFC 7515 §5.1): no key parsing per token.
    const QByteArray input =
        base64Url(QJsonDocument(header).toJson(QJsonDocument::Compact)).toLatin1() + '.' +
        base64Url(QJsonDocument(claims).toJson(QJsonDocument::Compact)).toLatin1();
    const QByteArray signature = Crypto::sign(Crypto::SignatureScheme::EdDsa, Crypto::Hash::Sha512,
                                              m_store.signingKey(), input);
    t.token = QString::fromLatin1(input) + u'.' + base64Url(signature);
    return t;
}

QJsonObject TokenIssuer::jwks() const
{
    const QJsonObject key{{u"kty"_s, u"OKP"_s},
                          {u"crv"_s, u"Ed25519"_s},
                          {u"x"_s, base64Url(ed25519PublicBytes(m_store.signingKey()))},
                          {u"kid"_s, m_store.keyId()},
                          {u"alg"_s, u"EdDSA"_s},
                          {u"use"_s, u"sig"_s}};
    return {{u"type"_s, u"jwks"_s}, {u"keys"_s, QJsonArray{key}}};
}

std::optional<TokenClaims> TokenIssuer::validate(const QString &token, qint64 now) const
{
    if (token.size() > maxTokenLength)
        return std::nullopt;
    const QByteArray bytes = token.toLatin1();
    const QList<QByteArray> parts = bytes.split('.');
    if (parts.size() != 3)
        return std::nullopt;
    const auto decode = [](const QByteArray &part) -> std::optional<QByteArray> {
        const auto result = QByteArray::fromBase64Encoding(
            part, QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
        return result ? std::optional(*result) : std::nullopt;
    };
    const auto header = decode(parts[0]);
    const auto payload = decode(parts[1]);
    const auto signature = decode(parts[2]);
    if (!header || !payload || !signature)
        return std::nullopt;
    // The signature first: nothing of an unsigned token is looked at further.
    if (!Crypto::verify(Crypto::SignatureScheme::EdDsa, Crypto::Hash::Sha512, m_store.signingKey(),
                        parts[0] + '.' + parts[1], *signature))
        return std::nullopt;
    const QJsonObject h = QJsonDocument::fromJson(*header).object();
    const QJsonObject c = QJsonDocument::fromJson(*payload).object();
    if (h.value(u"alg"_s).toString() != u"EdDSA"_s ||
        h.value(u"kid"_s).toString() != m_store.keyId() ||
        c.value(u"iss"_s).toString() != m_issuer || c.value(u"aud"_s).toString() != u"tidings"_s)
        return std::nullopt;
    const qint64 nbf = c.value(u"nbf"_s).toInteger(-1);
    const qint64 exp = c.value(u"exp"_s).toInteger(-1);
    TokenClaims claims{c.value(u"sub"_s).toString(), c.value(u"jti"_s).toString(), exp};
    if (nbf < 0 || exp < 0 || now < nbf || now >= exp || claims.sub.isEmpty() ||
        claims.jti.isEmpty())
        return std::nullopt;
    return claims;
}

} // namespace Authd
