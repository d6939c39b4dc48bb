// SPDX-License-Identifier: GPL-3.0-or-later
// Index version 3 (issue 10, item 14): a store whose rows were keyed
// "user@host:port" is found under the mailbox key (user@host) without
// downloading again; copies of one message made over two ports become one.
#include "core/types/mailboxkey.h"
#include "store/keymigration.h"
#include "store/messagestore.h"

#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
const QString Stls = u"alice@Pop.Example.org:110"_s; // how the old code keyed one mailbox twice
const QString Tls = u"alice@pop.example.org:995"_s;
const QString Mailbox = u"alice@pop.example.org"_s;
const QString Bob = u"bob@pop.example.org:995"_s;
const QString AtUser = u"alice@example.org@pop.example.org:995"_s;

// A word per UIDL that full-text search (trigrams: three letters at least) can find.
QString word(const QString &uidl)
{
    return u"migrated-"_s + uidl + u"-message"_s;
}

QByteArray message(const QString &uidl)
{
    return "Subject: " + word(uidl).toUtf8() + "\r\n\r\nbody\r\n";
}

Store::MessageSummary summary(const QString &uidl)
{
    Store::MessageSummary s;
    s.subject = word(uidl);
    return s;
}

// Runs SQL on the index directly, as an older version would have left it.
void rewriteIndex(const QString &dir, const QStringList &statements)
{
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"raw"_s);
        db.setDatabaseName(dir + u"/index.sqlite"_s);
        QVERIFY(db.open());
        QSqlQuery q(db);
        for (const QString &s : statements)
            QVERIFY2(q.exec(s), qPrintable(s));
    }
    QSqlDatabase::removeDatabase(u"raw"_s);
}
} // namespace

class TestKeyMigration : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keys()
    {
        QCOMPARE(Types::mailboxKey(u"alice"_s, u"POP.Example.ORG."_s), Mailbox);
        QCOMPARE(Store::mailboxKeyOfLegacy(Stls), Mailbox);
        QCOMPARE(Store::mailboxKeyOfLegacy(Tls), Mailbox);
        QCOMPARE(Store::mailboxKeyOfLegacy(AtUser), u"alice@example.org@pop.example.org"_s);
        QCOMPARE(Store::mailboxKeyOfLegacy(u"alice@::1:995"_s), u"alice@::1"_s);
        QCOMPARE(Store::mailboxKeyOfLegacy(u"no key at all"_s), u"no key at all"_s);
        QCOMPARE(Store::mailboxKeyOfLegacy(u"alice@host:po"_s), u"alice@host:po"_s);
    }

    void oldKeysMergeIntoTheMailbox()
    {
        QTemporaryDir dir;
        QString error;
        {
            Store::MessageStore store(dir.path());
            QVERIFY(store.open(&error));
            // u1 downloaded over both ports (the bug): two files; read under one key, flagged under
            // the other.
            for (const QString &key : {Stls, Tls})
                QVERIFY(
                    !store.add(key, u"u1"_s, message(u"u1"_s), &error, summary(u"u1"_s)).isEmpty());
            QVERIFY(store.setFlags(Stls, u"u1"_s, Store::MessageStore::Seen));
            QVERIFY(store.setFlags(Tls, u"u1"_s, Store::MessageStore::Flagged));
            // u2 once; u3 deleted here as a duplicate; u4 a header row beside the whole message.
            QVERIFY(!store.add(Tls, u"u2"_s, message(u"u2"_s), &error, summary(u"u2"_s)).isEmpty());
            for (const QString &key : {Stls, Tls})
                QVERIFY(
                    !store.add(key, u"u3"_s, message(u"u3"_s), &error, summary(u"u3"_s)).isEmpty());
            QVERIFY(store.removeHere(Stls, u"u3"_s, &error));
            QVERIFY(store.addHeaders(Stls, u"u4"_s, 99, "Subject: u4\r\n\r\n", &error,
                                     summary(u"u4"_s)));
            QVERIFY(!store.add(Tls, u"u4"_s, message(u"u4"_s), &error, summary(u"u4"_s)).isEmpty());
            // u5 only a tombstone; u6 only a header row; other mailboxes stay apart.
            QVERIFY(!store.add(Stls, u"u5"_s, message(u"u5"_s), &error).isEmpty());
            QVERIFY(store.removeHere(Stls, u"u5"_s, &error));
            QVERIFY(store.addHeaders(Tls, u"u6"_s, 99, "Subject: u6\r\n\r\n", &error));
            QVERIFY(!store.add(Bob, u"u1"_s, message(u"u1"_s), &error).isEmpty());
            QVERIFY(!store.add(AtUser, u"u1"_s, message(u"u1"_s), &error).isEmpty());
        }
        QCOMPARE(QDir(dir.path() + u"/Maildir/new"_s).count() - 2,
                 7u); // 7 files, then "." and ".."
        // The copy over 995 came later: the older one (and its time, for "delete after N days")
        // stays.
        rewriteIndex(dir.path(),
                     {u"UPDATE messages SET stored = 1000 WHERE account = '%1'"_s.arg(Stls),
                      u"PRAGMA user_version = 2"_s});

        Store::MessageStore store(dir.path());
        QVERIFY2(store.open(&error), qPrintable(error));
        const QHash<QString, Store::StoredState> states = store.states(Mailbox);
        QCOMPARE(states.size(), 6);
        QVERIFY(states.value(u"u1"_s).complete);
        QCOMPARE(states.value(u"u1"_s).stored, 1000);
        QCOMPARE(store.flags(Mailbox, u"u1"_s),
                 int(Store::MessageStore::Seen | Store::MessageStore::Flagged));
        QVERIFY(states.value(u"u2"_s).complete);
        QVERIFY(states.value(u"u3"_s).complete); // deleting one of two copies keeps the message
        QVERIFY(states.value(u"u4"_s).complete);
        QVERIFY(states.value(u"u5"_s).deletedHere);
        QVERIFY(!states.value(u"u6"_s).complete);
        QCOMPARE(store.headerOf(Mailbox, u"u6"_s), QByteArray("Subject: u6\r\n\r\n"));
        QVERIFY(store.states(Stls).isEmpty());
        QVERIFY(store.states(Tls).isEmpty());
        QCOMPARE(store.count(u"bob@pop.example.org"_s), 1);
        QCOMPARE(store.count(u"alice@example.org@pop.example.org"_s), 1);
        // One file per message: the duplicates went, every remaining row's file is there.
        QCOMPARE(store.count(Mailbox), 4);
        QCOMPARE(QDir(dir.path() + u"/Maildir/new"_s).count() - 2, 6u);
        for (const QString &uidl : {u"u1"_s, u"u2"_s, u"u3"_s, u"u4"_s}) {
            QFile file(store.pathOf(Mailbox, uidl));
            QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(uidl));
            QCOMPARE(file.readAll(), message(uidl));
        }
        // Search finds each message once (the full-text rows of the copies went with them).
        QCOMPARE(store.search(word(u"u1"_s)).size(), 1);
        QCOMPARE(store.search(word(u"u3"_s)).size(), 1);
        QCOMPARE(store.search(word(u"u4"_s)).size(), 1);
        // The same message synced again under the mailbox key is already there.
        QVERIFY(store.contains(Mailbox, u"u1"_s));
    }

    void migratesOnceAndNewKeysStay()
    {
        QTemporaryDir dir;
        QString error;
        {
            Store::MessageStore store(dir.path());
            QVERIFY(store.open(&error));
            // A mailbox key that happens to end like a port (an IPv6 host) is not taken for an old
            // key.
            QVERIFY(!store.add(u"alice@::1"_s, u"u1"_s, message(u"u1"_s), &error).isEmpty());
        }
        Store::MessageStore store(dir.path());
        QVERIFY(store.open(&error));
        QVERIFY(store.contains(u"alice@::1"_s, u"u1"_s));
    }
};

QTEST_GUILESS_MAIN(TestKeyMigration)
#include "tst_keymigration.moc"
