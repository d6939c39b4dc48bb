// SPDX-License-Identifier: GPL-3.0-or-later
// The local store's promises: a message counts only once its group is
// committed, deleted-here stays deleted, abandoned temporary files go.
#include "store/messagestore.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
const QString Account = u"alice@pop.example.org:995"_s;

QByteArray message(int n)
{
    return "From: a@example.org\r\nSubject: message " + QByteArray::number(n) + "\r\n\r\nbody " + QByteArray::number(n)
        + "\r\n";
}

QStringList filesIn(const QString &dir)
{
    return QDir(dir).entryList(QDir::Files);
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
        QVERIFY(store.setFlags(Account, u"u1"_s, Store::MessageStore::Seen | Store::MessageStore::Flagged));
        QVERIFY(!store.add(Account, u"u1"_s, message(1), &error).isEmpty());
        QCOMPARE(store.flags(Account, u"u1"_s), int(Store::MessageStore::Seen | Store::MessageStore::Flagged));
        QVERIFY(!store.setFlags(Account, u"nope"_s, Store::MessageStore::Seen));
        QCOMPARE(store.flags(Account, u"nope"_s), -1);
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
        QVERIFY(store.addHeaders(Account, u"u2"_s, 1234, "Subject: y\r\n\r\n", &error)); // never downgrades
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
        QVERIFY(old.setFileTime(QDateTime::currentDateTime().addDays(-3), QFileDevice::FileModificationTime));
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
