// SPDX-License-Identifier: GPL-3.0-or-later
#include "tokenissuer.h"

#include "datastore.h"


#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Authd {

TokenIssuer::TokenIssuer(const DataStore &store, QString issuer, qint64 lifetime)
    : m_store(store)
    , m_issuer(std::move(issuer))
    , m_lifetime(lifetime)
{
}

IssuedToken TokenIssuer::issue(const QString &user, qint64 now) const
{
    IssuedToken t;
    t.jti = base64Url(Crypto::randomBytes(16));
    t.expires = now + m_lifetime;
    const QJsonObject claims{{u"iss"_s, m_issuer}, {u"sub"_s, user},       {u"aud"_s, u"tidings"_s},
                             {u"iat"_s, now},      {u"nbf"_s, now},        {u"exp"_s, t.expires},
                             {u"jti"_s, t.jti}};
    const QJsonObject header{{u"alg"_s, u"EdDSA"_s}, {u"typ"_s, u"JWT"_s}, {u"kid"_s, m_store.keyId()}};
    // Signed directly with the loaded key (RFC 7515 §5.1): no key parsing per token.
    const QByteArray input = base64Url(QJsonDocument(header).toJson(QJsonDocument::Compact)).toLatin1() + '.'
        + base64Url(QJsonDocument(claims).toJson(QJsonDocument::Compact)).toLatin1();
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

} // namespace Authd
