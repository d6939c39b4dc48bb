// SPDX-License-Identifier: GPL-3.0-or-later
// The local store's promises: a message counts only once its group is
// committed, deleted-here stays deleted, abandoned temporary files go, a
// message the reader refused is kept as received and listed with the reason.
#include "store/messagestore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Qt::StringLiterals;

namespace {
const QString Account = u"alice@pop.example.org:995"_s;

QByteArray message(int n)
{
    return "From: a@example.org\r\nSubject: message " + QByteArray::number(n) + "\r\n\r\nbody " +
           QByteArray::number(n) + "\r\n";
}

QStringList filesIn(const QString &dir)
{
    return QDir(dir).entryList(QDir::Files);
}

int modeOf(const QString &path)
{
    struct stat st;
    return ::lstat(QFile::encodeName(path).constData(), &st) == 0 ? int(st.st_mode & 07777) : -1;
}

int indexVersion(const QString &dir)
{
    int version = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"raw"_s);
        db.setDatabaseName(dir + u"/index.sqlite"_s);
        QSqlQuery q(db);
        if (db.open() && q.exec(u"PRAGMA user_version"_s) && q.next())
            version = q.value(0).toInt();
    }
    QSqlDatabase::removeDatabase(u"raw"_s);
    return version;
}
} // namespace

class TestMessageStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void anUncommittedGroupCountsForNothing()
    {
        QTemporaryDir dir;
        {
            Store::MessageStore store(dir.path());
            QString error;
            QVERIFY(store.open(&error));
            store.beginGroup();
            QVERIFY(!store.add(Account, u"u1"_s, message(1), &error).isEmpty());
            QCOMPARE(store.pendingInGroup(), 1);
            // Gone before commitGroup(): a kill at this moment.
        }
        Store::MessageStore store(dir.path());
        QString error;
        QVERIFY(store.open(&error));
        QVERIFY(!store.contains(Account, u"u1"_s));
        QVERIFY(filesIn(store.maildir() + u"/new"_s).isEmpty());
        store.beginGroup();
        const QString path = store.add(Account, u"u1"_s, message(1), &error);
        QVERIFY(store.commitGroup(&error));
        QVERIFY(store.contains(Account, u"u1"_s));
        QCOMPARE(filesIn(store.maildir() + u"/new"_s).size(), 1);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), message(1));
        // The same UIDL again (a resync after a crash) replaces, never duplicates.
        QVERIFY(!store.add(Account, u"u1"_s, message(1), &error).isEmpty());
        QCOMPARE(filesIn(store.maildir() + u"/new"_s).size(), 1);
        QCOMPARE(store.count(Account), 1);

        // Flags are the user's and survive a re-download of the same message.
        QCOMPARE(store.flags(Account, u"u1"_s), 0);
        QVERIFY(store.setFlags(Account, u"u1"_s,
                               Store::MessageStore::Seen | Store::MessageStore::Flagged));
        QVERIFY(!store.add(Account, u"u1"_s, message(1), &error).isEmpty());
        QCOMPARE(store.flags(Account, u"u1"_s),
                 int(Store::MessageStore::Seen | Store::MessageStore::Flagged));
        QVERIFY(!store.setFlags(Account, u"nope"_s, Store::MessageStore::Seen));
        QCOMPARE(store.flags(Account, u"nope"_s), -1);
    }

    void aFullDiskIsToldApartFromOtherFailures()
    {
#ifndef Q_OS_LINUX
        QSKIP("/dev/full is Linux's");
#else
        QTemporaryDir dir;
        Store::MessageStore store(dir.path());
        QString error;
        QVERIFY(store.open(&error));
        // The store's temporary name for a message (a hash of account and UIDL, and the size).
        const auto tmpName = [&](const QString &uidl, const QByteArray &body) -> QString {
            const QByteArray key = (Account + u'\n' + uidl).toUtf8();
            return store.maildir() + u"/tmp/"_s +
                   QString::fromLatin1(
                       QCryptographicHash::hash(key, QCryptographicHash::Sha256).toHex().left(40)) +
                   u",S=%1"_s.arg(body.size());
        };
        // Every write to /dev/full fails with ENOSPC while the disk itself has room: only the
        // system's code, not the free-space check, tells that this is a full disk.
        QVERIFY(QFile::link(u"/dev/full"_s, tmpName(u"u1"_s, message(1))));
        QVERIFY(store.add(Account, u"u1"_s, message(1), &error).isEmpty());
        QVERIFY2(store.lastFailureWasDiskFull(), qPrintable(error));
        QVERIFY(!store.contains(Account, u"u1"_s));
        // Another failure (a folder where the file goes) is not a full disk.
        QVERIFY(QDir().mkdir(tmpName(u"u2"_s, message(2))));
        QVERIFY(store.add(Account, u"u2"_s, message(2), &error).isEmpty());
        QVERIFY2(!store.lastFailureWasDiskFull(), qPrintable(error));
        // And the next success clears it.
        QVERIFY(!store.add(Account, u"u3"_s, message(3), &error).isEmpty());
        QVERIFY(!store.lastFailureWasDiskFull());
#endif
    }

    void headersThenBodyThenDeletedHere()
    {
        QTemporaryDir dir;
        Store::MessageStore store(dir.path());
        QString error;
        QVERIFY(store.open(&error));
        Store::MessageSummary summary;
        summary.subject = u"项目周报 headers only"_s;
        QVERIFY(store.addHeaders(Account, u"u2"_s, 1234, "Subject: x\r\n\r\n", &error, summary));
        QVERIFY(!store.contains(Account, u"u2"_s)); // headers alone are not the message
        QCOMPARE(store.headerOf(Account, u"u2"_s), QByteArray("Subject: x\r\n\r\n"));
        QCOMPARE(store.search(u"项目周报"_s).size(), 1);
        QVERIFY(!store.add(Account, u"u2"_s, message(2), &error).isEmpty());
        QVERIFY(store.contains(Account, u"u2"_s));
        QVERIFY(store.headerOf(Account, u"u2"_s).isEmpty());
        QVERIFY(store.addHeaders(Account, u"u2"_s, 1234, "Subject: y\r\n\r\n",
                                 &error)); // never downgrades
        QVERIFY(store.contains(Account, u"u2"_s));

        const QString path = store.pathOf(Account, u"u2"_s);
        QVERIFY(QFile::exists(path));
        QVERIFY(store.removeHere(Account, u"u2"_s, &error));
        QVERIFY(!QFile::exists(path));
        QVERIFY(store.contains(Account, u"u2"_s)); // a tombstone: never downloaded again
        QVERIFY(store.states(Account).value(u"u2"_s).deletedHere);
        QVERIFY(store.search(u"项目周报"_s).isEmpty());
        QVERIFY(!store.removeHere(Account, u"no-such"_s, &error));
        QVERIFY(error.contains(u"no-such"_s));

        store.forgetMissing(Account, {}); // gone from the server: the tombstone is no longer needed
        QVERIFY(!store.states(Account).contains(u"u2"_s));
    }

    // Issue 10, "Deliver": the refusal is kept (index version 4), a readable copy clears it.
    void anUnreadableMessageKeepsItsReason()
    {
        QTemporaryDir dir;
        Store::MessageStore store(dir.path());
        QString error;
        QVERIFY(store.open(&error));
        QCOMPARE(indexVersion(dir.path()), 6); // the latest: 6 gave the Outbox a sending state
        Store::MessageSummary refused;
        refused.unreadableKind = u"too-deep"_s;
        refused.unreadable = u"the message is nested deeper than 50 multipart levels"_s;
        const QByteArray hostile = "Content-Type:\r\n multipart/mixed; boundary=b\r\n\r\n--b\r\n";
        const QString path = store.add(Account, u"h"_s, hostile, &error, refused);
        QVERIFY2(!path.isEmpty(), qPrintable(error));
        QVERIFY(!store.add(Account, u"n"_s, message(1), &error).isEmpty());
        const QList<Store::SearchHit> listed = store.messages();
        QCOMPARE(listed.size(), 2);
        QCOMPARE(listed.at(0).uidl, u"h"_s);
        QCOMPARE(listed.at(0).unreadableKind, refused.unreadableKind);
        QCOMPARE(listed.at(0).unreadable, refused.unreadable);
        QCOMPARE(listed.at(0).path, path);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), hostile); // stored as received
        QVERIFY(listed.at(1).unreadableKind.isEmpty());
        QVERIFY(listed.at(1).unreadable.isEmpty());
        QVERIFY(
            !store.add(Account, u"h"_s, message(2), &error).isEmpty()); // a readable re-download
        QVERIFY(store.messages().at(0).unreadableKind.isEmpty());
    }

    // A version 3 index (before the refusal was kept) gains the columns; its rows stay.
    void aVersion3IndexIsMigrated()
    {
        QTemporaryDir dir;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"raw"_s);
            db.setDatabaseName(dir.path() + u"/index.sqlite"_s);
            QVERIFY(db.open());
            QSqlQuery q(db);
            for (const QString &statement :
                 {u"CREATE TABLE messages (account TEXT NOT NULL, uidl TEXT NOT NULL,"
                  " path TEXT NOT NULL, size INTEGER NOT NULL, stored INTEGER NOT NULL,"
                  " subject TEXT, sender TEXT, recipients TEXT, date INTEGER,"
                  " has_attachments INTEGER, snippet TEXT, complete INTEGER NOT NULL DEFAULT 1,"
                  " deleted INTEGER NOT NULL DEFAULT 0, header BLOB,"
                  " flags INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (account, uidl))"_s,
                  u"CREATE VIRTUAL TABLE messages_fts USING fts5(subject, sender, body,"
                  " tokenize = 'trigram')"_s,
                  u"INSERT INTO messages (account, uidl, path, size, stored, subject)"
                  " VALUES ('%1', 'old', 'new/old', 10, 1, 'from before')"_s.arg(Account),
                  u"PRAGMA user_version = 3"_s})
                QVERIFY2(q.exec(statement), qPrintable(statement));
        }
        QSqlDatabase::removeDatabase(u"raw"_s);
        {
            Store::MessageStore store(dir.path());
            QString error;
            QVERIFY2(store.open(&error), qPrintable(error));
            const QList<Store::SearchHit> listed = store.messages();
            QCOMPARE(listed.size(), 1);
            QCOMPARE(listed.at(0).subject, u"from before"_s);
            QVERIFY(listed.at(0).unreadableKind.isEmpty());
        }
        QCOMPARE(indexVersion(dir.path()), 6); // the latest: 6 gave the Outbox a sending state
        Store::MessageStore again(dir.path()); // opening a current index again changes nothing
        QString error;
        QVERIFY2(again.open(&error), qPrintable(error));
        QCOMPARE(again.messages().size(), 1);
    }

    // Mail is the owner's from the start, whatever the umask (like the protocol log, issue 10,
    // item 11).
    void aNewStoreIsPrivate()
    {
        QTemporaryDir dir;
        const mode_t old = ::umask(0);
        const QString root = dir.path() + u"/store"_s;
        QString path;
        {
            Store::MessageStore store(root);
            QString error;
            const bool opened = store.open(&error);
            path = opened ? store.add(Account, u"u1"_s, message(1), &error) : QString();
        }
        ::umask(old);
        QVERIFY(!path.isEmpty());
        for (const QString &folder :
             {u""_s, u"/Maildir"_s, u"/Maildir/tmp"_s, u"/Maildir/new"_s, u"/Maildir/cur"_s})
            QCOMPARE(modeOf(root + folder), 0700);
        QCOMPARE(modeOf(path), 0600);
        QCOMPARE(modeOf(root + u"/index.sqlite"_s), 0600);
    }

    void abandonedTemporaryFilesGo()
    {
        QTemporaryDir dir;
        {
            Store::MessageStore store(dir.path());
            QString error;
            QVERIFY(store.open(&error));
        }
        const QString tmp = dir.path() + u"/Maildir/tmp/"_s;
        QFile old(tmp + u"old"_s);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("left by a crash");
        old.close(); // then age it: closing after a write would touch it again
        QVERIFY(old.open(QIODevice::ReadWrite | QIODevice::Append));
        QVERIFY(old.setFileTime(QDateTime::currentDateTime().addDays(-3),
                                QFileDevice::FileModificationTime));
        old.close();
        QFile recent(tmp + u"recent"_s);
        QVERIFY(recent.open(QIODevice::WriteOnly));
        recent.close();
        Store::MessageStore store(dir.path());
        QString error;
        QVERIFY(store.open(&error));
        QCOMPARE(filesIn(tmp), QStringList{u"recent"_s}); // maybe another sync's, still in progress
    }
};

QTEST_GUILESS_MAIN(TestMessageStore)
#include "tst_messagestore.moc"
