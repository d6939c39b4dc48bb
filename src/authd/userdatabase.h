// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "databaseurl.h"

#include "core/scram/scram.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

class QSqlDatabase;
class QSqlQuery;

namespace Authd {

class Metrics;

struct UserRecord
{
    QString name;
    Scram::Verifier verifier;
    bool disabled = false;
    qint64 created = 0;
    qint64 updated = 0;
    qint64 lastLogin = 0; // 0: never
};

struct Revocation
{
    QString jti;
    qint64 expires = 0;
};

// The public half of an instance's signing key, as every instance sees it.
struct PublishedKey
{
    QString kid;
    QByteArray x;           // raw Ed25519 public key
    qint64 created = 0;
    qint64 lifetime = 0;    // the longest lifetime of the tokens it signs
    qint64 retireAfter = 0; // 0: in use; else dropped from the JWKS after this time
};

struct ThrottleState
{
    qint64 retryAfter = 0;         // seconds until user or address may try again
    bool userHasFailures = false;  // a success must clear them
};

// Everything instances share, behind one interface over Qt SQL with two
// backends: SQLite (QSQLITE, the default: one file in the data directory,
// WAL) and PostgreSQL (QPSQL, for several instances). Users (SCRAM verifiers
// in PostgreSQL's own format, never passwords), revoked token ids until
// they expire, failure counters and locks per account and per address, the
// secret behind unknown users' fake salts, and the signing keys' public
// halves. The schema is versioned; whichever process opens the database
// first migrates it, under a lock, so instances starting together never race.
//
// One instance per thread (a Qt SQL connection belongs to its thread). When
// the database cannot be reached every call fails safe (no user, revoked,
// nothing written) and reachable() turns false; the next call after a short
// pause reconnects by itself.
class UserDatabase
{
public:
    static constexpr int schemaVersion = 2;
    static constexpr int reconnectPauseMs = 500;

    explicit UserDatabase(DatabaseUrl url, Metrics *metrics = nullptr);
    ~UserDatabase();
    UserDatabase(const UserDatabase &) = delete;
    UserDatabase &operator=(const UserDatabase &) = delete;

    // Connects and brings the schema up to date; false with *error otherwise.
    // `legacySaltSecret`: an older data directory's salt-secret file, adopted
    // when the database has none yet (unknown users keep their fake salts).
    bool open(QString *error, const QByteArray &legacySaltSecret = {});
    // False once a call could not reach the database, until one succeeds again.
    bool reachable() const { return m_reachable; }
    const DatabaseUrl &url() const { return m_url; }
    QString lastError() const { return m_lastError; }

    // Users.
    std::optional<UserRecord> user(const QString &name);
    QList<UserRecord> users(bool *ok = nullptr);
    bool putUser(const QString &name, const Scram::Verifier &verifier, QString *error);
    bool setDisabled(const QString &name, bool disabled, QString *error);
    bool removeUser(const QString &name, QString *error);
    // Remembered and written with others by flushLogins(): one write a second, not one a login.
    void recordLogin(const QString &name);
    void flushLogins();
    // The iteration count an unknown user's fake challenge carries: drawn,
    // stable per name, from the counts real users have, so that `i=` tells
    // nothing either (`fallback` while there are no users).
    int fakeIterations(const QString &name, int fallback);
    QByteArray fakeSaltSecret() const { return m_saltSecret; }

    // Revocations, kept until the token would have expired anyway.
    bool isRevoked(const QString &jti); // true too when the database cannot answer
    // True when this call revoked it (false when it already was): a resume is one use only.
    bool revoke(const QString &jti, qint64 expires);
    void prune(qint64 now); // expired revocations, forgotten failures
    QList<Revocation> revocations(bool *ok = nullptr);

    // What a login needs to know, in one query: the user (none when unknown)
    // and the throttle state. nullopt when the database cannot answer.
    struct LoginLookup
    {
        std::optional<UserRecord> user;
        ThrottleState throttle;
    };
    std::optional<LoginLookup> lookupLogin(const QString &name, const QString &address,
                                           qint64 now);

    // Failure throttling (Throttle's rule), shared by every instance.
    std::optional<ThrottleState> throttle(const QString &user, const QString &address, qint64 now);
    // An empty user counts for the address only. Returns how many keys (account,
    // address) this failure locked.
    int recordFailure(const QString &user, const QString &address, qint64 now);
    void clearFailures(const QString &user);

    // Signing keys' public halves.
    bool publishKey(const PublishedKey &key);
    std::optional<QList<PublishedKey>> keys(qint64 now); // unretired (or not yet retired)
    bool retireKey(const QString &kid, qint64 retireAfter);

    // For `migrate`: copies rows as they are (existing ones are kept).
    bool importUser(const UserRecord &user, QString *error);
    bool adoptSaltSecret(const QByteArray &secret, QString *error);
    bool transaction();
    bool commit();
    void rollback();

private:
    bool connect(QString *error);
    bool prepareStatements(QString *error);
    void dropStatements();
    bool migrate(QString *error);
    bool loadSaltSecret(const QByteArray &candidate, QString *error);
    bool usable();
    enum class Access { Read, Write };
    bool run(QSqlQuery &query, Access access = Access::Read);
    QSqlQuery statement(const QString &sql);
    void lost(const QSqlQuery &query);

    DatabaseUrl m_url;
    Metrics *m_metrics;
    QString m_connection;
    QString m_lastError;
    bool m_open = false;
    bool m_reachable = true;
    bool m_inTransaction = false;
    qint64 m_nextAttemptMs = 0;
    QByteArray m_saltSecret;
    // Prepared once per connection: every login or session request runs these.
    std::unique_ptr<QSqlQuery> m_selectUser;
    std::unique_ptr<QSqlQuery> m_selectRevoked;
    std::unique_ptr<QSqlQuery> m_selectThrottle;
    std::unique_ptr<QSqlQuery> m_updateLogin;
    std::unique_ptr<QSqlQuery> m_countFailure;
    std::unique_ptr<QSqlQuery> m_lockKey;
    std::unique_ptr<QSqlQuery> m_lookupLogin;
    QHash<QString, qint64> m_pendingLogins; // name -> when, not yet written
    QList<int> m_iterationCounts; // sorted, one per user; reloaded now and then
    qint64 m_iterationCountsAt = -1;
};

} // namespace Authd
