// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/scram/scram.h"
#include "crypto/crypto.h"

#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

class QSqlQuery;

namespace Authd {

struct UserRecord
{
    QString name;
    Scram::Verifier verifier;
    bool disabled = false;
};

// The server's data directory: users and revoked token ids in SQLite (WAL,
// so a crash never leaves it unreadable), the Ed25519 signing key and the
// secret for fake salts in 0600 files written atomically. Passwords are never
// stored, only SCRAM verifiers. One instance per thread (SQLite connections
// are per thread).
class DataStore
{
public:
    explicit DataStore(const QString &directory);
    ~DataStore();
    DataStore(const DataStore &) = delete;
    DataStore &operator=(const DataStore &) = delete;

    // Creates what is missing; false with *error when the directory is unusable.
    bool open(QString *error);

    std::optional<UserRecord> user(const QString &name) const;
    QStringList userNames() const;
    QList<UserRecord> users() const;
    bool putUser(const QString &name, const Scram::Verifier &verifier, QString *error);
    bool setDisabled(const QString &name, bool disabled, QString *error);
    bool removeUser(const QString &name, QString *error);
    void recordLogin(const QString &name);

    bool isRevoked(const QString &jti) const;
    // True when this call revoked it (false when it already was): a resume is one use only.
    bool revoke(const QString &jti, qint64 expires);
    // Revocations are kept until the token would have expired anyway.
    void pruneRevoked(qint64 now);

    // The iteration count an unknown user's fake challenge carries: drawn,
    // stable per name, from the counts real users have, so that `i=` tells
    // nothing either (`fallback` while there are no users).
    int fakeIterations(const QString &name, int fallback) const;

    const Crypto::Key &signingKey() const { return m_signingKey; }
    QString keyId() const { return m_keyId; }
    QByteArray fakeSaltSecret() const { return m_saltSecret; }
    QString directory() const { return m_directory; }

private:
    QString m_directory;
    QString m_connection;
    Crypto::Key m_signingKey;
    QString m_keyId;
    QByteArray m_saltSecret;
    // Prepared once: every login or session request runs these.
    std::unique_ptr<QSqlQuery> m_selectUser;
    std::unique_ptr<QSqlQuery> m_updateLogin;
    std::unique_ptr<QSqlQuery> m_selectRevoked;
    mutable QList<int> m_iterationCounts; // sorted, one per user; reloaded now and then
    mutable qint64 m_iterationCountsAt = -1;
};

// base64url without padding (RFC 7515 §2).
QString base64Url(const QByteArray &bytes);
// The raw 32-byte public key of an Ed25519 key, for its JWK "x".
QByteArray ed25519PublicBytes(const Crypto::Key &key);

} // namespace Authd
