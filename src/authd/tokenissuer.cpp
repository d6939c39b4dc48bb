// SPDX-License-Identifier: GPL-3.0-or-later
#include "tokenissuer.h"

#include "userdatabase.h"

#include "core/tap/frame.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>

#include <algorithm>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcKeys, "tidings.authd.keys", QtInfoMsg)

namespace Authd {

TokenIssuer::TokenIssuer(UserDatabase &database, QString dataDirectory, SigningKey key,
                         QString issuer, qint64 lifetime)
    : m_database(database)
    , m_directory(std::move(dataDirectory))
    , m_key(std::move(key))
    , m_issuer(std::move(issuer))
    , m_lifetime(lifetime)
{
    m_verifiers.insert(m_key.kid, Crypto::Key::fromEd25519(m_key.x));
    m_publicBytes.insert(m_key.kid, m_key.x);
    rebuildJwks();
}

IssuedToken TokenIssuer::issue(const QString &user, qint64 now) const
{
    IssuedToken t;
    t.jti = base64Url(Crypto::randomBytes(16));
    t.expires = now + m_lifetime;
    const QJsonObject claims{{u"iss"_s, m_issuer}, {u"sub"_s, user}, {u"aud"_s, u"tidings"_s},
                             {u"iat"_s, now},      {u"nbf"_s, now},  {u"exp"_s, t.expires},
                             {u"jti"_s, t.jti}};
    const QJsonObject header{{u"alg"_s, u"EdDSA"_s}, {u"typ"_s, u"JWT"_s}, {u"kid"_s, m_key.kid}};
    // Signed directly with the loaded key (RFC 7515 §5.1): no key parsing per token.
    const QByteArray input =
        base64Url(QJsonDocument(header).toJson(QJsonDocument::Compact)).toLatin1() + '.' +
        base64Url(QJsonDocument(claims).toJson(QJsonDocument::Compact)).toLatin1();
    const QByteArray signature =
        Crypto::sign(Crypto::SignatureScheme::EdDsa, Crypto::Hash::Sha512, m_key.key, input);
    t.token = QString::fromLatin1(input) + u'.' + base64Url(signature);
    return t;
}

QJsonObject TokenIssuer::jwks() const
{
    // Sorted by kid: every instance answers the same bytes for the same set.
    QStringList kids = m_publicBytes.keys();
    std::sort(kids.begin(), kids.end());
    QJsonArray keys;
    for (const QString &kid : kids)
        keys.append(QJsonObject{{u"kty"_s, u"OKP"_s},
                                {u"crv"_s, u"Ed25519"_s},
                                {u"x"_s, base64Url(m_publicBytes.value(kid))},
                                {u"kid"_s, kid},
                                {u"alg"_s, u"EdDSA"_s},
                                {u"use"_s, u"sig"_s}});
    return {{u"type"_s, u"jwks"_s}, {u"keys"_s, keys}};
}

void TokenIssuer::rebuildJwks()
{
    m_jwksFrame = Tap::encodeFrame(jwks());
}

void TokenIssuer::refreshKeys(qint64 now, bool force)
{
    if (!force && m_refreshedAt >= 0 && now - m_refreshedAt < refreshSeconds)
        return;
    m_refreshedAt = now;
    if (!m_published)
        m_published = m_database.publishKey({m_key.kid, m_key.x, now, m_lifetime, 0});
    const auto published = m_database.keys(now);
    if (!published)
        return; // the database is away: keep what we know
    const auto ours = std::find_if(published->cbegin(), published->cend(),
                                   [this](const PublishedKey &k) { return k.kid == m_key.kid; });
    if (m_published && (ours == published->cend() || ours->retireAfter != 0)) {
        // `key rotate` retired our key and left a new one in the data directory.
        QString error;
        if (const auto fresh = SigningKey::loadOrCreate(m_directory, &error);
            fresh && fresh->kid != m_key.kid) {
            qCInfo(lcKeys).noquote() << u"event=key-rotated old="_s + m_key.kid
                                     << u"new="_s + fresh->kid;
            m_key = *fresh;
            m_published = m_database.publishKey({m_key.kid, m_key.x, now, m_lifetime, 0});
            return refreshKeys(now, true);
        }
        // Not rotated, yet our row is gone (a restored database): publish it again.
        if (ours == published->cend())
            m_published = false;
    }
    QHash<QString, Crypto::Key> verifiers;
    QHash<QString, QByteArray> publicBytes;
    for (const PublishedKey &k : *published) {
        verifiers.insert(k.kid, m_verifiers.contains(k.kid) ? m_verifiers.value(k.kid)
                                                            : Crypto::Key::fromEd25519(k.x));
        publicBytes.insert(k.kid, k.x);
    }
    // Our own key signs until it is replaced, whatever the database says.
    verifiers.insert(m_key.kid, m_verifiers.value(m_key.kid, Crypto::Key::fromEd25519(m_key.x)));
    publicBytes.insert(m_key.kid, m_key.x);
    m_verifiers = std::move(verifiers);
    if (publicBytes != m_publicBytes) {
        m_publicBytes = std::move(publicBytes);
        rebuildJwks();
    }
}

std::optional<TokenClaims> TokenIssuer::validate(const QString &token, qint64 now)
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
    // The header only picks the key; nothing else of an unsigned token is looked at.
    const QJsonObject h = QJsonDocument::fromJson(*header).object();
    const QString kid = h.value(u"kid"_s).toString();
    if (h.value(u"alg"_s).toString() != u"EdDSA"_s || kid.isEmpty())
        return std::nullopt;
    if (!m_verifiers.contains(kid))
        refreshKeys(now); // a new instance's key, perhaps (at most every refreshSeconds)
    const auto verifier = m_verifiers.constFind(kid);
    if (verifier == m_verifiers.cend() ||
        !Crypto::verify(Crypto::SignatureScheme::EdDsa, Crypto::Hash::Sha512, *verifier,
                        parts[0] + '.' + parts[1], *signature))
        return std::nullopt;
    const QJsonObject c = QJsonDocument::fromJson(*payload).object();
    if (c.value(u"iss"_s).toString() != m_issuer || c.value(u"aud"_s).toString() != u"tidings"_s)
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
