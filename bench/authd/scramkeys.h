// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>

#include <optional>

// The client half of SCRAM-SHA-256 for the load generator. Scram::ClientExchange
// derives the SaltedPassword (PBKDF2, 15000 rounds) on every login; RFC 5802 §5.1
// lets a client keep it per (salt, iteration count), so the keys derived from it
// are cached here and a login costs the client two HMACs. Primitives: src/crypto.
namespace LoadGen {

struct ClientKeys
{
    QByteArray clientKey;
    QByteArray storedKey;
    QByteArray serverKey;
};

class ScramKeyCache
{
public:
    // Keys for this password under this salt and iteration count; derived once.
    const ClientKeys &keys(const QString &password, const QByteArray &salt, int iterations);
    int derivations() const { return m_derivations; }

private:
    QHash<QByteArray, ClientKeys> m_keys;
    int m_derivations = 0;
};

// One login's SCRAM messages, using the cache for the expensive part.
class CachedScramLogin
{
public:
    CachedScramLogin(ScramKeyCache &cache, const QString &user, const QString &password);

    // "n,,n=<user>,r=<nonce>" with a fresh nonce (or the given one, for the RFC 7677
    // test vector); empty if the name cannot be sent.
    QByteArray clientFirst(const QByteArray &nonce = {});
    // The client-final message, or nullopt with *error (same checks as ClientExchange).
    std::optional<QByteArray> clientFinal(const QByteArray &serverFirst, QString *error);
    // v= proves the server knows the verifier (constant-time).
    bool serverFinalValid(const QByteArray &serverFinal) const;

private:
    ScramKeyCache &m_cache;
    QString m_user;
    QString m_password;
    QByteArray m_nonce;
    QByteArray m_clientFirstBare;
    QByteArray m_expectedServerSignature;
};

} // namespace LoadGen
