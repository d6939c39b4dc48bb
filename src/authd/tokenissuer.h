// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "signingkey.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace Authd {

class UserDatabase;

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

// Signs session tokens with this instance's own key (EdDSA, the header names
// its kid) and verifies tokens signed by any instance sharing the database:
// every instance publishes its public key there, and the JWKS is the set of
// published keys that are not retired (PROTOCOL.md "Tokens"). One per thread.
class TokenIssuer
{
public:
    static constexpr qsizetype maxTokenLength = 4096; // ours are ~400 bytes
    static constexpr qint64 refreshSeconds = 2;       // a new instance's key is known this soon

    TokenIssuer(UserDatabase &database, QString dataDirectory, SigningKey key, QString issuer,
                qint64 lifetime);

    IssuedToken issue(const QString &user, qint64 now) const;
    QJsonObject jwks() const;
    QByteArray jwksFrame() const { return m_jwksFrame; } // encoded once per refresh
    qint64 lifetime() const { return m_lifetime; }
    QString keyId() const { return m_key.kid; }

    // The claims of a token signed by a published key (EdDSA, our iss and aud,
    // now within nbf..exp); nullopt for anything else. Revocation is the
    // caller's check (UserDatabase::isRevoked).
    std::optional<TokenClaims> validate(const QString &token, qint64 now);

    // Publishes our key and reloads the published ones when `refreshSeconds`
    // have passed (or at once with `force`). When `key rotate` has retired
    // our key, the new one from the data directory takes over.
    void refreshKeys(qint64 now, bool force = false);

private:
    void rebuildJwks();

    UserDatabase &m_database;
    QString m_directory;
    SigningKey m_key;
    QString m_issuer;
    qint64 m_lifetime;
    bool m_published = false;
    qint64 m_refreshedAt = -1;
    QHash<QString, Crypto::Key> m_verifiers; // kid -> public key
    QHash<QString, QByteArray> m_publicBytes; // kid -> x, for the JWKS
    QByteArray m_jwksFrame;
};

} // namespace Authd
