// SPDX-License-Identifier: GPL-3.0-or-later
#include "userdatabase.h"

#include "metrics.h"
#include "throttle.h"

#include "crypto/crypto.h"

#include <QDateTime>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

#include <algorithm>
#include <mutex>

using namespace Qt::StringLiterals;

namespace Authd {

namespace {

constexpr int saltSecretBytes = 32;
constexpr qint64 iterationCountsMaxAge = 60; // seconds: `user add` elsewhere shows soon
// Any constant will do: it only has to be the same in every tidings-authd.
constexpr qint64 schemaLockId = 0x7469646e67730001;
const QString saltSecretName = u"fake-salt-secret"_s;
enum ThrottleKind { UserKind = 0, AddressKind = 1 };

// The schema, one step per version; portable SQL that SQLite and PostgreSQL both run.
const QList<QList<QString>> migrations = {
    // 1: what the first SQLite-only servers created (IF NOT EXISTS: those files have it).
    {
        u"CREATE TABLE IF NOT EXISTS users (name TEXT PRIMARY KEY, verifier TEXT NOT NULL,"
        " disabled INTEGER NOT NULL DEFAULT 0, created BIGINT NOT NULL, updated BIGINT NOT NULL,"
        " last_login BIGINT)"_s,
        u"CREATE TABLE IF NOT EXISTS revoked (jti TEXT PRIMARY KEY, expires BIGINT NOT NULL)"_s,
    },
    // 2: what several instances share besides users.
    {
        u"CREATE INDEX IF NOT EXISTS revoked_expires ON revoked (expires)"_s,
        u"CREATE TABLE IF NOT EXISTS throttle (kind INTEGER NOT NULL, key TEXT NOT NULL,"
        " failures INTEGER NOT NULL, first_failure BIGINT NOT NULL, last_failure BIGINT NOT NULL,"
        " locked_until BIGINT NOT NULL DEFAULT 0, PRIMARY KEY (kind, key))"_s,
        u"CREATE TABLE IF NOT EXISTS settings (name TEXT PRIMARY KEY, value TEXT NOT NULL)"_s,
        u"CREATE TABLE IF NOT EXISTS signing_keys (kid TEXT PRIMARY KEY, x TEXT NOT NULL,"
        " created BIGINT NOT NULL, lifetime BIGINT NOT NULL,"
        " retire_after BIGINT NOT NULL DEFAULT 0)"_s,
    },
};

// SQLite lets one writer in at a time and makes the others sleep and retry
// (milliseconds each); this process's threads queue on a mutex instead
// (std::mutex, not QMutex: ThreadSanitizer sees this one).
std::mutex &sqliteWriter()
{
    static std::mutex writer;
    return writer;
}

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

UserRecord userFrom(const QSqlQuery &q)
{
    // name, verifier, disabled, created, updated, last_login
    return {q.value(0).toString(),
            Scram::Verifier::parse(q.value(1).toString()).value_or(Scram::Verifier()),
            q.value(2).toInt() != 0,
            q.value(3).toLongLong(),
            q.value(4).toLongLong(),
            q.value(5).toLongLong()};
}

} // namespace

UserDatabase::UserDatabase(DatabaseUrl url, Metrics *metrics)
    : m_url(std::move(url))
    , m_metrics(metrics)
    , m_connection(u"authd-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces))
{}

UserDatabase::~UserDatabase()
{
    if (m_open)
        flushLogins();
    dropStatements();
    QSqlDatabase::database(m_connection, false).close();
    QSqlDatabase::removeDatabase(m_connection);
}

void UserDatabase::dropStatements()
{
    m_selectUser.reset();
    m_selectRevoked.reset();
    m_selectThrottle.reset();
    m_updateLogin.reset();
    m_countFailure.reset();
    m_lockKey.reset();
    m_lookupLogin.reset();
}

bool UserDatabase::connect(QString *error)
{
    dropStatements(); // they belong to the connection about to be replaced
    const bool postgresql = m_url.kind == DatabaseUrl::Kind::Postgresql;
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (!db.isValid()) {
        const QString driver = postgresql ? u"QPSQL"_s : u"QSQLITE"_s;
        if (!QSqlDatabase::isDriverAvailable(driver)) {
            *error = postgresql ? u"Qt SQL has no PostgreSQL driver (QPSQL): install Debian's "
                                  "libqt6sql6-psql"_s
                                : u"Qt SQL has no SQLite driver (QSQLITE): install Debian's "
                                  "libqt6sql6-sqlite"_s;
            return false;
        }
        db = QSqlDatabase::addDatabase(driver, m_connection);
        if (postgresql) {
            db.setHostName(m_url.host);
            db.setPort(m_url.port);
            db.setUserName(m_url.user);
            db.setDatabaseName(m_url.database);
            // No password here: libpq takes it from PGPASSWORD or PGPASSFILE.
            // A database that does not answer must not hang a login for long.
            // Nor may a database that vanishes from the network (no reset ever comes):
            // keepalives and tcp_user_timeout end a dead connection within seconds.
            db.setConnectOptions(u"connect_timeout=2;application_name=tidings-authd;keepalives=1;"
                                 "keepalives_idle=5;keepalives_interval=2;keepalives_count=2;"
                                 "tcp_user_timeout=3000"_s);
        } else {
            db.setDatabaseName(m_url.path);
            // Several threads and processes may share the file: wait for a writer, briefly.
            db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
        }
    }
    db.close();
    if (!db.open()) {
        *error = u"cannot open the database %1: %2"_s.arg(m_url.toString(),
                                                          db.lastError().text().trimmed());
        return false;
    }
    QSqlQuery q(db);
    // No NOTICEs on stderr; no statement (or lock wait) longer than a client waits for a login.
    if (postgresql && (!q.exec(u"SET client_min_messages TO warning"_s) ||
                       !q.exec(u"SET statement_timeout = '5s'"_s))) {
        *error = u"cannot prepare the database: %1"_s.arg(q.lastError().text());
        return false;
    }
    if (!postgresql) {
        // WAL + NORMAL: a crash of the process never loses or corrupts a commit;
        // only a power cut can drop the newest ones (no fsync per login).
        if (!q.exec(u"PRAGMA journal_mode=WAL"_s) || !q.exec(u"PRAGMA synchronous=NORMAL"_s)) {
            *error = u"cannot prepare the database: %1"_s.arg(q.lastError().text());
            return false;
        }
        QFile::setPermissions(m_url.path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }
    m_open = true;
    return true;
}

bool UserDatabase::prepareStatements(QString *error)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    m_selectUser = std::make_unique<QSqlQuery>(db);
    m_selectRevoked = std::make_unique<QSqlQuery>(db);
    m_selectThrottle = std::make_unique<QSqlQuery>(db);
    m_updateLogin = std::make_unique<QSqlQuery>(db);
    m_countFailure = std::make_unique<QSqlQuery>(db);
    m_lockKey = std::make_unique<QSqlQuery>(db);
    m_lookupLogin = std::make_unique<QSqlQuery>(db);
    // One statement counts a failure, so that instances failing at once all count:
    // a failure after a quiet window (and no live lock) starts afresh.
    if (!m_countFailure->prepare(
            u"INSERT INTO throttle (kind, key, failures, first_failure, last_failure, locked_until)"
            " VALUES (?, ?, 1, ?, ?, 0) ON CONFLICT (kind, key) DO UPDATE SET"
            " failures = CASE WHEN ? - throttle.first_failure > ? AND throttle.locked_until <= ?"
            "  THEN 1 ELSE throttle.failures + 1 END,"
            " first_failure = CASE WHEN ? - throttle.first_failure > ? AND throttle.locked_until <= ?"
            "  THEN ? ELSE throttle.first_failure END,"
            " last_failure = ? RETURNING failures"_s) ||
        !m_lookupLogin->prepare(
            u"SELECT u.name, u.verifier, u.disabled, u.created, u.updated, u.last_login,"
            " (SELECT max(locked_until) FROM throttle"
            "   WHERE (kind = 0 AND key = ?) OR (kind = 1 AND key = ?)),"
            " (SELECT count(*) FROM throttle WHERE kind = 0 AND key = ?)"
            " FROM (SELECT 1 AS one) AS one LEFT JOIN users u ON u.name = ?"_s) ||
        !m_lockKey->prepare(u"UPDATE throttle SET locked_until = ?"
                            " WHERE kind = ? AND key = ? AND locked_until < ?"_s) ||
        !m_selectUser->prepare(u"SELECT name, verifier, disabled, created, updated, last_login"
                               " FROM users WHERE name = ?"_s) ||
        !m_selectRevoked->prepare(u"SELECT 1 FROM revoked WHERE jti = ?"_s) ||
        !m_selectThrottle->prepare(u"SELECT kind, locked_until FROM throttle"
                                   " WHERE (kind = 0 AND key = ?) OR (kind = 1 AND key = ?)"_s) ||
        !m_updateLogin->prepare(u"UPDATE users SET last_login = ? WHERE name = ?"_s)) {
        *error = u"cannot prepare the database's statements: %1"_s.arg(
            QSqlDatabase::database(m_connection, false).lastError().text());
        return false;
    }
    return true;
}

bool UserDatabase::open(QString *error, const QByteArray &legacySaltSecret)
{
    if (!connect(error) || !migrate(error) || !prepareStatements(error) ||
        !loadSaltSecret(legacySaltSecret, error))
        return false;
    prune(QDateTime::currentSecsSinceEpoch());
    if (m_metrics)
        m_metrics->setDatabaseUp(true);
    return true;
}

bool UserDatabase::migrate(QString *error)
{
    const bool postgresql = m_url.kind == DatabaseUrl::Kind::Postgresql;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    const auto fail = [&] {
        *error = u"cannot bring the database schema up to date: %1"_s.arg(
            q.lastError().text().trimmed());
        q.exec(u"ROLLBACK"_s);
        return false;
    };
    // Instances starting together queue here: the first migrates, the others find it done.
    if (!q.exec(postgresql ? u"BEGIN"_s : u"BEGIN IMMEDIATE"_s))
        return fail();
    if (postgresql && !q.exec(u"SELECT pg_advisory_xact_lock(%1)"_s.arg(schemaLockId)))
        return fail();
    if (!q.exec(u"CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)"_s) ||
        !q.exec(u"SELECT max(version) FROM schema_version"_s))
        return fail();
    const int version = q.next() ? q.value(0).toInt() : 0;
    if (version > schemaVersion) {
        q.exec(u"ROLLBACK"_s);
        *error = u"the database's schema (version %1) is newer than this tidings-authd knows (%2);"
                 " upgrade tidings-authd"_s.arg(version)
                     .arg(schemaVersion);
        return false;
    }
    for (int step = version; step < schemaVersion; ++step)
        for (const QString &sql : migrations[step])
            if (!q.exec(sql))
                return fail();
    if (version < schemaVersion &&
        (!q.exec(u"DELETE FROM schema_version"_s) ||
         !q.exec(u"INSERT INTO schema_version (version) VALUES (%1)"_s.arg(schemaVersion))))
        return fail();
    if (!q.exec(u"COMMIT"_s))
        return fail();
    return true;
}

bool UserDatabase::loadSaltSecret(const QByteArray &candidate, QString *error)
{
    // The first instance's secret wins; every later one reads it: an unknown user
    // gets the same fake salt from every instance.
    const QByteArray mine = candidate.isEmpty() ? Crypto::randomBytes(saltSecretBytes) : candidate;
    QSqlQuery insert = statement(
        u"INSERT INTO settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING"_s);
    insert.addBindValue(saltSecretName);
    insert.addBindValue(QString::fromLatin1(mine.toBase64()));
    QSqlQuery select = statement(u"SELECT value FROM settings WHERE name = ?"_s);
    select.addBindValue(saltSecretName);
    if (!insert.exec() || !select.exec() || !select.next()) {
        *error = u"cannot read the server secret from the database: %1"_s.arg(
            (insert.lastError().isValid() ? insert : select).lastError().text());
        return false;
    }
    m_saltSecret = QByteArray::fromBase64(select.value(0).toString().toLatin1());
    if (m_saltSecret.size() != saltSecretBytes) {
        *error = u"the database's fake-salt-secret is not %1 bytes"_s.arg(saltSecretBytes);
        return false;
    }
    return true;
}

bool UserDatabase::adoptSaltSecret(const QByteArray &secret, QString *error)
{
    QSqlQuery q = statement(u"UPDATE settings SET value = ? WHERE name = ?"_s);
    q.addBindValue(QString::fromLatin1(secret.toBase64()));
    q.addBindValue(saltSecretName);
    if (!q.exec()) {
        *error = q.lastError().text();
        return false;
    }
    m_saltSecret = secret;
    return true;
}

bool UserDatabase::usable()
{
    if (m_open && m_reachable)
        return true;
    // Reconnecting inside a transaction would silently drop its first part and run
    // the rest outside it: the transaction has failed, and stays failed.
    if (m_inTransaction)
        return false;
    if (nowMs() < m_nextAttemptMs)
        return false;
    QString error;
    if (connect(&error) && prepareStatements(&error)) {
        m_reachable = true;
        if (m_metrics) {
            m_metrics->databaseReconnect();
            m_metrics->setDatabaseUp(true);
        }
        return true;
    }
    m_lastError = error;
    m_nextAttemptMs = nowMs() + reconnectPauseMs;
    return false;
}

void UserDatabase::lost(const QSqlQuery &query)
{
    m_lastError = query.lastError().text().trimmed();
    if (m_metrics) {
        m_metrics->databaseError();
        m_metrics->setDatabaseUp(false);
    }
    // The next call reconnects at once; if that fails too, calls pause before trying again.
    m_reachable = false;
    m_nextAttemptMs = 0;
}

bool UserDatabase::run(QSqlQuery &query, Access access)
{
    const bool serialise = access == Access::Write && m_url.kind == DatabaseUrl::Kind::Sqlite;
    if (serialise)
        sqliteWriter().lock();
    const bool done = query.exec();
    if (serialise)
        sqliteWriter().unlock();
    if (done)
        return true;
    lost(query);
    return false;
}

QSqlQuery UserDatabase::statement(const QString &sql)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(sql);
    return q;
}

std::optional<UserRecord> UserDatabase::user(const QString &name)
{
    if (!usable())
        return std::nullopt;
    QSqlQuery &q = *m_selectUser;
    q.bindValue(0, name);
    if (!run(q) || !q.next()) {
        q.finish();
        return std::nullopt;
    }
    UserRecord record = userFrom(q);
    q.finish();
    if (!record.verifier.iterations) // a verifier that does not parse is no account
        return std::nullopt;
    return record;
}

QList<UserRecord> UserDatabase::users(bool *ok)
{
    QList<UserRecord> out;
    const bool connected = usable(); // before preparing: a reconnect makes a new connection
    QSqlQuery q = statement(u"SELECT name, verifier, disabled, created, updated, last_login"
                            " FROM users ORDER BY name"_s);
    const bool done = connected && run(q);
    while (done && q.next())
        out.append(userFrom(q));
    if (ok)
        *ok = done;
    return out;
}

bool UserDatabase::putUser(const QString &name, const Scram::Verifier &verifier, QString *error)
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    QSqlQuery q = statement(
        u"INSERT INTO users (name, verifier, created, updated) VALUES (?, ?, ?, ?)"
        " ON CONFLICT (name) DO UPDATE SET verifier = excluded.verifier, updated = excluded.updated"_s);
    q.addBindValue(name);
    q.addBindValue(verifier.toString());
    q.addBindValue(now);
    q.addBindValue(now);
    if (!q.exec()) {
        *error = q.lastError().text();
        return false;
    }
    return true;
}

bool UserDatabase::importUser(const UserRecord &user, QString *error)
{
    QSqlQuery q = statement(
        u"INSERT INTO users (name, verifier, disabled, created, updated, last_login)"
        " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET verifier = excluded.verifier,"
        " disabled = excluded.disabled, updated = excluded.updated,"
        " last_login = excluded.last_login"_s);
    q.addBindValue(user.name);
    q.addBindValue(user.verifier.toString());
    q.addBindValue(user.disabled ? 1 : 0);
    q.addBindValue(user.created);
    q.addBindValue(user.updated);
    q.addBindValue(user.lastLogin ? QVariant(user.lastLogin) : QVariant(QMetaType(QMetaType::LongLong)));
    if (!q.exec()) {
        *error = u"cannot copy user \"%1\": %2"_s.arg(user.name, q.lastError().text());
        return false;
    }
    return true;
}

namespace {
// An admin change to one named user: an unknown name is an error, not a silent no-op.
bool changedOneUser(QSqlQuery &q, const QString &name, QString *error)
{
    if (!q.exec()) {
        *error = q.lastError().text();
        return false;
    }
    if (q.numRowsAffected() != 1) {
        *error = u"no user \"%1\""_s.arg(name);
        return false;
    }
    return true;
}
} // namespace

bool UserDatabase::setDisabled(const QString &name, bool disabled, QString *error)
{
    QSqlQuery q = statement(u"UPDATE users SET disabled = ?, updated = ? WHERE name = ?"_s);
    q.addBindValue(disabled ? 1 : 0);
    q.addBindValue(QDateTime::currentSecsSinceEpoch());
    q.addBindValue(name);
    return changedOneUser(q, name, error);
}

bool UserDatabase::removeUser(const QString &name, QString *error)
{
    QSqlQuery q = statement(u"DELETE FROM users WHERE name = ?"_s);
    q.addBindValue(name);
    return changedOneUser(q, name, error);
}

void UserDatabase::recordLogin(const QString &name)
{
    m_pendingLogins.insert(name, QDateTime::currentSecsSinceEpoch());
}

void UserDatabase::flushLogins()
{
    if (m_pendingLogins.isEmpty() || !usable())
        return;
    // One transaction for all of them: SQLite writes its log once, PostgreSQL commits once.
    std::unique_lock<std::mutex> writing;
    if (m_url.kind == DatabaseUrl::Kind::Sqlite)
        writing = std::unique_lock(sqliteWriter());
    if (!transaction())
        return;
    QSqlQuery &q = *m_updateLogin;
    for (auto it = m_pendingLogins.cbegin(); it != m_pendingLogins.cend(); ++it) {
        q.bindValue(0, it.value());
        q.bindValue(1, it.key());
        if (!q.exec()) {
            lost(q);
            rollback();
            return;
        }
    }
    q.finish();
    if (commit())
        m_pendingLogins.clear();
    else
        rollback();
}

std::optional<UserDatabase::LoginLookup> UserDatabase::lookupLogin(const QString &name,
                                                                  const QString &address,
                                                                  qint64 now)
{
    if (!usable())
        return std::nullopt;
    QSqlQuery &q = *m_lookupLogin;
    q.bindValue(0, name);
    q.bindValue(1, address);
    q.bindValue(2, name);
    q.bindValue(3, name);
    if (!run(q) || !q.next()) {
        q.finish();
        return std::nullopt;
    }
    LoginLookup out;
    if (!q.value(0).isNull()) {
        UserRecord record = userFrom(q);
        if (record.verifier.iterations) // a verifier that does not parse is no account
            out.user = std::move(record);
    }
    out.throttle.retryAfter = qMax<qint64>(0, q.value(6).toLongLong() - now);
    out.throttle.userHasFailures = q.value(7).toLongLong() > 0;
    q.finish();
    return out;
}

bool UserDatabase::isRevoked(const QString &jti)
{
    if (!usable())
        return true; // never let a token through on an error
    QSqlQuery &q = *m_selectRevoked;
    q.bindValue(0, jti);
    const bool revoked = !run(q) || q.next();
    q.finish();
    return revoked;
}

bool UserDatabase::revoke(const QString &jti, qint64 expires)
{
    if (!usable())
        return false;
    QSqlQuery q = statement(
        u"INSERT INTO revoked (jti, expires) VALUES (?, ?) ON CONFLICT (jti) DO NOTHING"_s);
    q.addBindValue(jti);
    q.addBindValue(expires);
    return run(q, Access::Write) && q.numRowsAffected() == 1;
}

QList<Revocation> UserDatabase::revocations(bool *ok)
{
    QList<Revocation> out;
    const bool connected = usable();
    QSqlQuery q = statement(u"SELECT jti, expires FROM revoked ORDER BY jti"_s);
    const bool done = connected && run(q);
    while (done && q.next())
        out.append({q.value(0).toString(), q.value(1).toLongLong()});
    if (ok)
        *ok = done;
    return out;
}

void UserDatabase::prune(qint64 now)
{
    if (!usable())
        return;
    QSqlQuery revoked = statement(u"DELETE FROM revoked WHERE expires < ?"_s);
    revoked.addBindValue(now);
    QSqlQuery failures =
        statement(u"DELETE FROM throttle WHERE locked_until <= ? AND last_failure < ?"_s);
    failures.addBindValue(now);
    failures.addBindValue(now - Throttle::windowSeconds);
    run(revoked, Access::Write) && run(failures, Access::Write);
}

std::optional<ThrottleState> UserDatabase::throttle(const QString &user, const QString &address,
                                                    qint64 now)
{
    if (!usable())
        return std::nullopt;
    QSqlQuery &q = *m_selectThrottle;
    q.bindValue(0, user);
    q.bindValue(1, address);
    if (!run(q))
        return std::nullopt;
    ThrottleState state;
    while (q.next()) {
        const bool isUser = q.value(0).toInt() == UserKind;
        if (isUser && user.isEmpty())
            continue;
        state.userHasFailures = state.userHasFailures || isUser;
        state.retryAfter = qMax(state.retryAfter, q.value(1).toLongLong() - now);
    }
    q.finish();
    return state;
}

int UserDatabase::recordFailure(const QString &user, const QString &address, qint64 now)
{
    if (!usable())
        return 0;
    int locked = 0;
    const auto count = [&](int kind, const QString &key) {
        QSqlQuery &q = *m_countFailure;
        int i = 0;
        for (const QVariant &v : {QVariant(kind), QVariant(key), QVariant(now), QVariant(now),
                                  QVariant(now), QVariant(Throttle::windowSeconds), QVariant(now),
                                  QVariant(now), QVariant(Throttle::windowSeconds), QVariant(now),
                                  QVariant(now), QVariant(now)})
            q.bindValue(i++, v);
        if (!run(q, Access::Write) || !q.next())
            return;
        const qint64 lock = Throttle::lockSeconds(q.value(0).toInt());
        q.finish();
        if (!lock)
            return;
        QSqlQuery &set = *m_lockKey;
        set.bindValue(0, now + lock);
        set.bindValue(1, kind);
        set.bindValue(2, key);
        set.bindValue(3, now + lock);
        if (run(set, Access::Write) && set.numRowsAffected() > 0)
            ++locked;
        set.finish();
    };
    if (!user.isEmpty())
        count(UserKind, user);
    count(AddressKind, address);
    return locked;
}

void UserDatabase::clearFailures(const QString &user)
{
    if (!usable())
        return;
    QSqlQuery q = statement(u"DELETE FROM throttle WHERE kind = 0 AND key = ?"_s);
    q.addBindValue(user);
    run(q, Access::Write);
}

int UserDatabase::fakeIterations(const QString &name, int fallback)
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    if (m_iterationCountsAt < 0 || now - m_iterationCountsAt > iterationCountsMaxAge) {
        bool ok = false;
        const QList<UserRecord> all = users(&ok);
        if (ok) {
            m_iterationCounts.clear();
            for (const UserRecord &u : all)
                if (u.verifier.iterations)
                    m_iterationCounts.append(u.verifier.iterations);
            std::sort(m_iterationCounts.begin(), m_iterationCounts.end());
            m_iterationCountsAt = now;
        }
    }
    if (m_iterationCounts.isEmpty())
        return fallback;
    const QByteArray pick =
        Crypto::hmac(Crypto::Hash::Sha256, m_saltSecret, "iterations:" + name.toUtf8());
    quint64 n = 0;
    for (int i = 0; i < 8; ++i)
        n = (n << 8) | uchar(pick[i]);
    return m_iterationCounts[qsizetype(n % quint64(m_iterationCounts.size()))];
}

bool UserDatabase::publishKey(const PublishedKey &key)
{
    if (!usable())
        return false;
    QSqlQuery q = statement(u"INSERT INTO signing_keys (kid, x, created, lifetime, retire_after)"
                            " VALUES (?, ?, ?, ?, 0) ON CONFLICT (kid) DO UPDATE SET"
                            " lifetime = excluded.lifetime"
                            " WHERE signing_keys.retire_after = 0"_s);
    q.addBindValue(key.kid);
    q.addBindValue(QString::fromLatin1(
        key.x.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)));
    q.addBindValue(key.created);
    q.addBindValue(key.lifetime);
    return run(q, Access::Write);
}

std::optional<QList<PublishedKey>> UserDatabase::keys(qint64 now)
{
    if (!usable())
        return std::nullopt;
    QSqlQuery q = statement(u"SELECT kid, x, created, lifetime, retire_after FROM signing_keys"
                            " WHERE retire_after = 0 OR retire_after > ? ORDER BY created, kid"_s);
    q.addBindValue(now);
    if (!run(q))
        return std::nullopt;
    QList<PublishedKey> out;
    while (q.next())
        out.append({q.value(0).toString(),
                    QByteArray::fromBase64(q.value(1).toString().toLatin1(),
                                           QByteArray::Base64UrlEncoding),
                    q.value(2).toLongLong(), q.value(3).toLongLong(), q.value(4).toLongLong()});
    return out;
}

bool UserDatabase::retireKey(const QString &kid, qint64 retireAfter)
{
    if (!usable())
        return false;
    QSqlQuery q =
        statement(u"UPDATE signing_keys SET retire_after = ? WHERE kid = ? AND retire_after = 0"_s);
    q.addBindValue(retireAfter);
    q.addBindValue(kid);
    return run(q, Access::Write);
}

bool UserDatabase::transaction()
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    m_inTransaction =
        q.exec(m_url.kind == DatabaseUrl::Kind::Postgresql ? u"BEGIN"_s : u"BEGIN IMMEDIATE"_s);
    return m_inTransaction;
}

bool UserDatabase::commit()
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    // A connection lost meanwhile has no transaction to commit: that is a failure.
    const bool done = m_reachable && q.exec(u"COMMIT"_s);
    if (done)
        m_inTransaction = false;
    return done;
}

void UserDatabase::rollback()
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.exec(u"ROLLBACK"_s);
    m_inTransaction = false;
}

} // namespace Authd
