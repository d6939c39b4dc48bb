// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace Authd {

class DataStore;

struct IssuedToken
{
    QString token;
    QString jti;
    qint64 expires = 0;
};

// What a token of ours says once its signature and times have been checked.
struct TokenClaims
{
    QString sub;
    QString jti;
    qint64 expires = 0;
};

// Signs session tokens (EdDSA, the header names the key's kid) and publishes
// the public key as a JWKS (PROTOCOL.md "Tokens").
class TokenIssuer
{
public:
    static constexpr qsizetype maxTokenLength = 4096; // ours are ~400 bytes

    TokenIssuer(const DataStore &store, QString issuer, qint64 lifetime);

    IssuedToken issue(const QString &user, qint64 now) const;
    QJsonObject jwks() const;
    QByteArray jwksFrame() const { return m_jwksFrame; } // encoded once: answered in every state
    qint64 lifetime() const { return m_lifetime; }

    // The claims of a token this server signed (our kid, EdDSA, our iss and
    // aud, now within nbf..exp); nullopt for anything else. Revocation is
    // the caller's check (DataStore::isRevoked).
    std::optional<TokenClaims> validate(const QString &token, qint64 now) const;

private:
    const DataStore &m_store;
    QString m_issuer;
    qint64 m_lifetime;
    QByteArray m_jwksFrame;
};

} // namespace Authd
