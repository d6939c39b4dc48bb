// SPDX-License-Identifier: GPL-3.0-or-later
// What instances share through the database: lockouts counted by every
// instance, the schema migrated once under a lock, published keys, the
// fake-salt secret. SQLite here; the cluster tests run the same code on PostgreSQL.
#include "databaseurl.h"
#include "throttle.h"
#include "userdatabase.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <thread>
#include <vector>

using namespace Qt::StringLiterals;
using namespace Authd;

namespace {
std::unique_ptr<UserDatabase> openIn(const QTemporaryDir &dir, const QByteArray &legacy = {})
{
    auto db = std::make_unique<UserDatabase>(DatabaseUrl::sqliteIn(dir.path()));
    QString error;
    if (!db->open(&error, legacy)) {
        qWarning() << error;
        return nullptr;
    }
    return db;
}

Scram::Verifier verifier(int iterations = 4096)
{
    return Scram::Verifier::fromPassword(u"pw"_s, "0123456789abcdef", iterations);
}
} // namespace

class TestUserDatabase : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void databaseAddresses()
    {
        QTemporaryDir dir;
        QString error;
        auto url = DatabaseUrl::parse(u"sqlite:"_s + dir.path(), &error);
        QVERIFY(url);
        QCOMPARE(url->path, dir.path() + u"/users.sqlite"_s); // a directory means its users.sqlite
        url = DatabaseUrl::parse(u"sqlite:"_s + dir.path() + u"/other.db"_s, &error);
        QCOMPARE(url->path, dir.path() + u"/other.db"_s);
        url = DatabaseUrl::parse(u"postgresql://tidings@127.0.0.1:5433/auth"_s, &error);
        QVERIFY(url);
        QCOMPARE(url->kind, DatabaseUrl::Kind::Postgresql);
        QCOMPARE(url->user, u"tidings"_s);
        QCOMPARE(url->host, u"127.0.0.1"_s);
        QCOMPARE(url->port, 5433);
        QCOMPARE(url->database, u"auth"_s);
        QCOMPARE(url->toString(), u"postgresql://tidings@127.0.0.1:5433/auth"_s);
        QCOMPARE(DatabaseUrl::parse(u"postgresql://u@db.example/x"_s, &error)->port, 5432);
        QVERIFY(!DatabaseUrl::parse(u"postgresql://u:secret@h:1/x"_s, &error));
        QVERIFY2(error.contains(u"PGPASSFILE"_s), qPrintable(error));
        QVERIFY(!DatabaseUrl::parse(u"postgresql://h:1/x"_s, &error)); // no user
        QVERIFY(!DatabaseUrl::parse(u"postgresql://u@h:1/"_s, &error)); // no database
        QVERIFY(!DatabaseUrl::parse(u"postgresql://u@h:1/x?sslmode=disable"_s, &error));
        QVERIFY(!DatabaseUrl::parse(u"mysql://u@h/x"_s, &error));
        QVERIFY(!DatabaseUrl::parse(u"sqlite:"_s, &error));
    }

    void lockRule()
    {
        for (int i = 0; i < Throttle::freeFailures; ++i)
            QCOMPARE(Throttle::lockSeconds(i), 0);
        QCOMPARE(Throttle::lockSeconds(Throttle::freeFailures), Throttle::firstLockSeconds);
        QCOMPARE(Throttle::lockSeconds(Throttle::freeFailures + 1), 2 * Throttle::firstLockSeconds);
        QCOMPARE(Throttle::lockSeconds(Throttle::freeFailures + 50), Throttle::maxLockSeconds);
    }

    void failuresFromEveryInstanceLockTheAccountOnAll()
    {
        QTemporaryDir dir;
        auto a = openIn(dir);
        auto b = openIn(dir); // a second instance on the same database
        QVERIFY(a && b);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(a->recordFailure(u"bob"_s, u"10.0.0.%1"_s.arg(i), 1000), 0);
        QCOMPARE(b->throttle(u"bob"_s, u"10.0.9.9"_s, 1000)->retryAfter, 0);
        QCOMPARE(b->recordFailure(u"bob"_s, u"10.0.1.1"_s, 1000), 0);
        QCOMPARE(b->recordFailure(u"bob"_s, u"10.0.1.2"_s, 1000), 1); // the fifth locks the account
        QCOMPARE(a->throttle(u"bob"_s, u"10.0.9.9"_s, 1000)->retryAfter,
                 Throttle::firstLockSeconds);
        QCOMPARE(b->throttle(u"bob"_s, u"10.0.9.9"_s, 1010)->retryAfter,
                 Throttle::firstLockSeconds - 10);
        QCOMPARE(a->throttle(u"alice"_s, u"10.0.9.9"_s, 1000)->retryAfter, 0); // others go on
        QVERIFY(a->throttle(u"bob"_s, u"10.0.9.9"_s, 1000)->userHasFailures);
    }

    void addressIsCountedAcrossNames()
    {
        QTemporaryDir dir;
        auto db = openIn(dir);
        QVERIFY(db);
        for (int i = 0; i < Throttle::freeFailures; ++i)
            QCOMPARE(db->recordFailure(u"u%1"_s.arg(i), u"10.0.0.1"_s, 1000),
                     i + 1 == Throttle::freeFailures ? 1 : 0); // the address, no account
        QCOMPARE(db->throttle(u"anyone"_s, u"10.0.0.1"_s, 1000)->retryAfter,
                 Throttle::firstLockSeconds);
        QVERIFY(!db->throttle(u"anyone"_s, u"10.0.0.1"_s, 1000)->userHasFailures);
        // A bad resume token names no user: the address alone pays.
        QVERIFY(db->throttle({}, u"10.0.0.2"_s, 1000)->retryAfter == 0);
        for (int i = 0; i < Throttle::freeFailures; ++i)
            db->recordFailure({}, u"10.0.0.2"_s, 1000);
        QVERIFY(db->throttle({}, u"10.0.0.2"_s, 1000)->retryAfter > 0);
    }

    void successClearsTheAccountNotTheAddress()
    {
        QTemporaryDir dir;
        auto db = openIn(dir);
        QVERIFY(db);
        for (int i = 0; i < Throttle::freeFailures; ++i)
            db->recordFailure(u"bob"_s, u"10.0.0.1"_s, 1000);
        db->clearFailures(u"bob"_s);
        QCOMPARE(db->throttle(u"bob"_s, u"10.0.0.2"_s, 1001)->retryAfter, 0);
        QVERIFY(!db->throttle(u"bob"_s, u"10.0.0.2"_s, 1001)->userHasFailures);
        QVERIFY(db->throttle(u"alice"_s, u"10.0.0.1"_s, 1001)->retryAfter > 0);
    }

    void lockDoublesAndIsCapped()
    {
        QTemporaryDir dir;
        auto db = openIn(dir);
        QVERIFY(db);
        qint64 previous = 0;
        for (int i = 0; i < Throttle::freeFailures + 20; ++i) {
            db->recordFailure(u"bob"_s, u"a"_s, 1000);
            const qint64 wait = db->throttle(u"bob"_s, u"z"_s, 1000)->retryAfter;
            QVERIFY(wait >= previous);
            previous = wait;
        }
        QCOMPARE(previous, Throttle::maxLockSeconds);
    }

    void aQuietWindowStartsAfresh()
    {
        QTemporaryDir dir;
        auto db = openIn(dir);
        QVERIFY(db);
        for (int i = 0; i < Throttle::freeFailures - 1; ++i)
            db->recordFailure(u"bob"_s, u"a"_s, 1000);
        const qint64 later = 1000 + Throttle::windowSeconds + 1;
        QCOMPARE(db->recordFailure(u"bob"_s, u"b"_s, later), 0);
        QCOMPARE(db->throttle(u"bob"_s, u"z"_s, later)->retryAfter, 0);
    }

    void pruneForgetsOldFailuresButKeepsLiveLocks()
    {
        QTemporaryDir dir;
        auto db = openIn(dir);
        QVERIFY(db);
        db->recordFailure(u"once"_s, u"a"_s, 1000);
        for (int i = 0; i < Throttle::freeFailures + 7; ++i)
            db->recordFailure(u"locked"_s, u"b"_s, 1000); // locked for an hour
        db->prune(1000 + Throttle::windowSeconds + 1);
        QSqlQuery q(QSqlDatabase::addDatabase(u"QSQLITE"_s, u"peek"_s));
        {
            QSqlDatabase peek = QSqlDatabase::database(u"peek"_s, false);
            peek.setDatabaseName(dir.path() + u"/users.sqlite"_s);
            QVERIFY(peek.open());
            QSqlQuery keys(peek);
            QVERIFY(keys.exec(u"SELECT key FROM throttle ORDER BY kind, key"_s));
            QStringList left;
            while (keys.next())
                left << keys.value(0).toString();
            QCOMPARE(left, (QStringList{u"locked"_s, u"b"_s}));
        }
        q = QSqlQuery();
        QSqlDatabase::removeDatabase(u"peek"_s);
    }

    void ipv6IsGroupedBySlash64()
    {
        const QString a = Throttle::addressKey(QHostAddress(u"2001:db8:1:2:aaaa::1"_s));
        const QString b = Throttle::addressKey(QHostAddress(u"2001:db8:1:2:ffff:1:2:3"_s));
        const QString c = Throttle::addressKey(QHostAddress(u"2001:db8:1:3::1"_s));
        QCOMPARE(a, b);
        QVERIFY(a != c);
        QCOMPARE(Throttle::addressKey(QHostAddress(u"::ffff:192.0.2.7"_s)), u"192.0.2.7"_s);
        QCOMPARE(Throttle::addressKey(QHostAddress(u"192.0.2.7"_s)), u"192.0.2.7"_s);
    }

    void anOlderFileIsMigratedAndKeepsItsUsersAndSecret()
    {
        QTemporaryDir dir;
        {
            // What the first SQLite-only server wrote: no schema_version, no shared tables.
            QSqlDatabase old = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"old"_s);
            old.setDatabaseName(dir.path() + u"/users.sqlite"_s);
            QVERIFY(old.open());
            QSqlQuery q(old);
            QVERIFY(q.exec(u"CREATE TABLE users (name TEXT PRIMARY KEY, verifier TEXT NOT NULL,"
                           " disabled INTEGER NOT NULL DEFAULT 0, created INTEGER NOT NULL,"
                           " updated INTEGER NOT NULL, last_login INTEGER)"_s));
            QVERIFY(q.exec(u"CREATE TABLE revoked (jti TEXT PRIMARY KEY, expires INTEGER NOT NULL)"_s));
            QVERIFY(q.exec(u"INSERT INTO users VALUES ('alice', '%1', 0, 1, 1, NULL)"_s.arg(
                verifier().toString())));
            old.close();
        }
        QSqlDatabase::removeDatabase(u"old"_s);
        const QByteArray legacy(32, 'k');
        auto db = openIn(dir, legacy);
        QVERIFY(db);
        QCOMPARE(db->user(u"alice"_s)->verifier.toString(), verifier().toString());
        QCOMPARE(db->fakeSaltSecret(), legacy); // unknown users keep their fake salts
        QVERIFY(db->revoke(u"j1"_s, 5000));
        auto again = openIn(dir, QByteArray(32, 'x')); // the database's secret wins from now on
        QCOMPARE(again->fakeSaltSecret(), legacy);
    }

    void instancesStartingTogetherShareOneSchemaAndSecret()
    {
        QTemporaryDir dir;
        constexpr int count = 6;
        QList<QByteArray> secrets(count);
        QList<bool> opened(count, false);
        // std::thread, not QThread: join() is an ordering ThreadSanitizer sees (Qt's wait() is not).
        std::vector<std::thread> threads;
        for (int i = 0; i < count; ++i)
            threads.emplace_back([&, i] {
                UserDatabase db(DatabaseUrl::sqliteIn(dir.path()));
                QString error;
                opened[i] = db.open(&error);
                secrets[i] = db.fakeSaltSecret();
            });
        for (std::thread &t : threads)
            t.join();
        for (int i = 0; i < count; ++i) {
            QVERIFY(opened[i]);
            QCOMPARE(secrets[i], secrets[0]);
        }
        QCOMPARE(secrets[0].size(), 32);
    }

    void keysArePublishedAndRetiredAfterTheirTokens()
    {
        QTemporaryDir dir;
        auto db = openIn(dir);
        QVERIFY(db);
        QVERIFY(db->publishKey({u"k1"_s, QByteArray(32, '\1'), 100, 3600, 0}));
        QVERIFY(db->publishKey({u"k2"_s, QByteArray(32, '\2'), 200, 3600, 0}));
        QVERIFY(db->retireKey(u"k1"_s, 1000));
        auto keys = db->keys(999);
        QCOMPARE(keys->size(), 2); // still verifying what it signed
        QCOMPARE(keys->at(0).x, QByteArray(32, '\1'));
        QCOMPARE(keys->at(0).retireAfter, 1000);
        keys = db->keys(1000);
        QCOMPARE(keys->size(), 1);
        QCOMPARE(keys->at(0).kid, u"k2"_s);
        // Publishing a retired key again does not bring it back.
        QVERIFY(db->publishKey({u"k1"_s, QByteArray(32, '\1'), 100, 3600, 0}));
        QCOMPARE(db->keys(1000)->size(), 1);
    }

    void aRevocationIsOneUseAndForgottenAfterExpiry()
    {
        QTemporaryDir dir;
        auto a = openIn(dir);
        auto b = openIn(dir);
        QVERIFY(a && b);
        QVERIFY(a->revoke(u"j"_s, 2000));
        QVERIFY(!b->revoke(u"j"_s, 2000)); // a replay elsewhere loses
        QVERIFY(b->isRevoked(u"j"_s));
        b->prune(2001);
        QVERIFY(!a->isRevoked(u"j"_s));
    }

    void anUnreachableServerIsAClearErrorNotAHang()
    {
        UserDatabase db(*DatabaseUrl::parse(u"postgresql://nobody@127.0.0.1:1/none"_s, nullptr));
        QString error;
        QElapsedTimer timer;
        timer.start();
        QVERIFY(!db.open(&error));
        QVERIFY2(error.contains(u"cannot open the database postgresql://nobody@127.0.0.1:1/none"_s),
                 qPrintable(error));
        QVERIFY(timer.elapsed() < 5000);
    }
};

QTEST_GUILESS_MAIN(TestUserDatabase)
#include "tst_userdatabase.moc"
