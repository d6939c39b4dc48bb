// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>

namespace Authd {

class DataStore;

struct IssuedToken
{
    QString token;
    QString jti;
    qint64 expires = 0;
};

// Signs session tokens (EdDSA, the header names the key's kid) and publishes
// the public key as a JWKS (PROTOCOL.md "Tokens").
class TokenIssuer
{
public:
    TokenIssuer(const DataStore &store, QString issuer, qint64 lifetime);

    IssuedToken issue(const QString &user, qint64 now) const;
    QJsonObject jwks() const;
    qint64 lifetime() const { return m_lifetime; }

private:
    const DataStore &m_store;
    QString m_issuer;
    qint64 m_lifetime;
};

} // namespace Authd
