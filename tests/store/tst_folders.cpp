// SPDX-License-Identifier: GPL-3.0-or-later
// Index version 5: stable ids, folders (Inbox per account, Drafts, Outbox, Sent, Trash), delete to
// Trash and back, deleted for good with a tombstone, unread counts, thread links, and a list that
// SQLite orders by walking an index.
#include "store/messagelist.h"
#include "store/messagestore.h"
#include "store/shortterms.h"
#include "store/threads.h"

#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using Types::FolderKind;

namespace {
const QString Alice = u"alice@pop.example.org"_s;
const QString Bob = u"bob@mail.example.net"_s;

QByteArray message(const QByteArray &subject)
{
    return "From: a@example.org\r\nSubject: " + subject + "\r\n\r\nbody of " + subject + "\r\n";
}

Store::MessageSummary summary(const QString &subject, const QString &id = {},
                              const QStringList &references = {})
{
    Store::MessageSummary s;
    s.subject = subject;
    s.sender = u"A <a@example.org>"_s;
    s.body = u"body of "_s + subject;
    s.messageId = id;
    s.references = references;
    return s;
}

const Types::FolderInfo *find(const QList<Types::FolderInfo> &folders, FolderKind kind,
                              const QString &account = {})
{
    for (const Types::FolderInfo &f : folders)
        if (f.kind == kind && f.account == account)
            return &f;
    return nullptr;
}

qint64 idOf(const QString &dir, const QString &account, const QString &uidl)
{
    qint64 id = 0;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"peek"_s);
        db.setDatabaseName(dir + u"/index.sqlite"_s);
        QSqlQuery q(db);
        if (db.open() && q.prepare(u"SELECT id FROM messages WHERE account = ? AND uidl = ?"_s)) {
            q.addBindValue(account);
            q.addBindValue(uidl);
            if (q.exec() && q.next())
                id = q.value(0).toLongLong();
        }
    }
    QSqlDatabase::removeDatabase(u"peek"_s);
    return id;
}

std::vector<qint64> listed(Store::MessageList &list, qint64 folder, const QString &search = {})
{
    std::vector<qint64> ids;
    QString error;
    Store::ListQuery query;
    query.folder = folder;
    query.search = search;
    if (!list.ids(query, &ids, &error))
        qWarning() << error;
    return ids;
}
} // namespace

class TestFolders : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // A version 4 store (as issue 10 left it) gains ids equal to its rowids (its full-text rows
    // keep working), every kept message lands in its account's Inbox, tombstones stay out of
    // every folder and still count as stored.
    void aVersion4StoreIsMigrated()
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
                  " flags INTEGER NOT NULL DEFAULT 0, unreadable_kind TEXT, unreadable TEXT,"
                  " PRIMARY KEY (account, uidl))"_s,
                  u"CREATE VIRTUAL TABLE messages_fts USING fts5(subject, sender, body,"
                  " tokenize = 'trigram')"_s,
                  // rowids with gaps: the migration must keep them, not renumber.
                  u"INSERT INTO messages (rowid, account, uidl, path, size, stored, subject, flags)"
                  " VALUES (7, '%1', 'a1', 'new/a1', 10, 1, 'first of alice', 1)"_s.arg(Alice),
                  u"INSERT INTO messages (rowid, account, uidl, path, size, stored, subject)"
                  " VALUES (12, '%1', 'a2', 'new/a2', 20, 2, 'second of alice')"_s.arg(Alice),
                  u"INSERT INTO messages (rowid, account, uidl, path, size, stored, subject)"
                  " VALUES (30, '%1', 'b1', 'new/b1', 30, 3, 'only of bob')"_s.arg(Bob),
                  u"INSERT INTO messages (rowid, account, uidl, path, size, stored, complete,"
                  " deleted) VALUES (31, '%1', 'gone', '', 0, 4, 0, 1)"_s.arg(Bob),
                  u"INSERT INTO messages_fts (rowid, subject, sender, body)"
                  " VALUES (12, 'second of alice', '', 'quarterly figures')"_s,
                  u"PRAGMA user_version = 4"_s})
                QVERIFY2(q.exec(statement), qPrintable(statement));
        }
        QSqlDatabase::removeDatabase(u"raw"_s);

        Store::MessageStore store(dir.path());
        QString error;
        QVERIFY2(store.open(&error), qPrintable(error));
        QCOMPARE(idOf(dir.path(), Alice, u"a1"_s), 7);
        QCOMPARE(idOf(dir.path(), Alice, u"a2"_s), 12);
        const QList<Types::FolderInfo> folders = store.folders();
        QCOMPARE(folders.size(), 6); // two Inboxes, Drafts, Outbox, Sent, Trash
        QVERIFY(find(folders, FolderKind::Inbox, Alice));
        QCOMPARE(find(folders, FolderKind::Inbox, Alice)->total, 2);
        QCOMPARE(find(folders, FolderKind::Inbox, Alice)->unread, 1); // a1 was Seen
        QCOMPARE(find(folders, FolderKind::Inbox, Bob)->total, 1);    // not the tombstone
        for (FolderKind kind :
             {FolderKind::Drafts, FolderKind::Outbox, FolderKind::Sent, FolderKind::Trash})
            QCOMPARE(find(folders, kind)->total, 0);
        QVERIFY(store.contains(Bob, u"gone"_s));
        QVERIFY(store.states(Bob).value(u"gone"_s).deletedHere);
        // The full-text row still belongs to its message.
        QCOMPARE(store.search(u"quarterly"_s).size(), 1);
        QCOMPARE(store.search(u"quarterly"_s).at(0).uidl, u"a2"_s);
        // New mail after the migration joins the same Inbox, with a new id.
        QString added = store.add(Alice, u"a3"_s, message("third"), &error, summary(u"third"_s));
        QVERIFY2(!added.isEmpty(), qPrintable(error));
        QVERIFY(idOf(dir.path(), Alice, u"a3"_s) > 31);
        QCOMPARE(find(store.folders(), FolderKind::Inbox, Alice)->total, 3);
    }

    // Delete here is a move to Trash that Undo takes back to where each came from; emptying
    // Trash deletes for good: the file goes, a tombstone keeps POP3 from downloading it again.
    void trashRestoreAndEmpty()
    {
        QTemporaryDir dir;
        Store::MessageStore store(dir.path());
        QString error;
        QVERIFY(store.open(&error));
        QStringList files;
        for (int i = 0; i < 4; ++i)
            files << store.add(Alice, u"u%1"_s.arg(i), message("m" + QByteArray::number(i)), &error,
                               summary(u"m%1"_s.arg(i)));
        const qint64 draft =
            store.addLocal(FolderKind::Drafts, message("draft"), summary(u"draft"_s), &error);
        QVERIFY2(draft > 0, qPrintable(error));
        const qint64 u0 = idOf(dir.path(), Alice, u"u0"_s);
        const qint64 u1 = idOf(dir.path(), Alice, u"u1"_s);
        const qint64 inbox = store.folderId(FolderKind::Inbox, Alice);
        const qint64 trash = store.folderId(FolderKind::Trash);
        const qint64 drafts = store.folderId(FolderKind::Drafts);

        QCOMPARE(store.moveToTrash({u0, u1, draft}, &error), (QList<qint64>{u0, u1, draft}));
        QCOMPARE(store.moveToTrash({u0}, &error), QList<qint64>{}); // already there
        QList<Types::FolderInfo> folders = store.folders();
        QCOMPARE(find(folders, FolderKind::Inbox, Alice)->total, 2);
        QCOMPARE(find(folders, FolderKind::Trash)->total, 3);
        QCOMPARE(find(folders, FolderKind::Drafts)->total, 0);
        QVERIFY(store.contains(Alice, u"u0"_s)); // still stored: nothing downloaded again

        QCOMPARE(store.restore({u1, draft}, &error), (QList<qint64>{u1, draft}));
        Store::MessageList list(store.indexPath());
        QVERIFY(list.open(&error));
        QCOMPARE(listed(list, drafts), std::vector<qint64>{draft});
        QCOMPARE(listed(list, trash), std::vector<qint64>{u0});
        QCOMPARE(listed(list, inbox).size(), size_t(3));

        // Empty Trash: u0 (and, when moved there again, the draft) go for good.
        QCOMPARE(store.moveToTrash({draft}, &error).size(), 1);
        QCOMPARE(store.emptyTrash(&error), 2);
        QVERIFY(!QFile::exists(files.at(0)));
        QVERIFY(QFile::exists(files.at(1)));
        QVERIFY(store.contains(Alice, u"u0"_s)); // the tombstone
        QVERIFY(store.states(Alice).value(u"u0"_s).deletedHere);
        QCOMPARE(find(store.folders(), FolderKind::Trash)->total, 0);
        QVERIFY(listed(list, trash).empty());
        QCOMPARE(store.restore({u0}, &error), QList<qint64>{}); // gone for good: no undo
        QCOMPARE(QDir(store.maildir() + u"/new"_s).entryList(QDir::Files).size(), 3);
        // A local message leaves nothing behind.
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"count"_s);
        {
            db.setDatabaseName(store.indexPath());
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(u"SELECT COUNT(*) FROM messages WHERE account = ''"_s) && q.next());
            QCOMPARE(q.value(0).toInt(), 0);
        }
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(u"count"_s);
    }

    // A header row in Trash whose body arrives stays in Trash (the sync does not undo a delete).
    void aBodyArrivingLeavesTheMessageWhereTheUserPutIt()
    {
        QTemporaryDir dir;
        Store::MessageStore store(dir.path());
        QString error;
        QVERIFY(store.open(&error));
        QVERIFY(store.addHeaders(Alice, u"big"_s, 5000000, "Subject: big\r\n", &error,
                                 summary(u"big"_s)));
        const qint64 id = idOf(dir.path(), Alice, u"big"_s);
        QCOMPARE(store.moveToTrash({id}, &error).size(), 1);
        QVERIFY(!store.add(Alice, u"big"_s, message("big"), &error, summary(u"big"_s)).isEmpty());
        QCOMPARE(idOf(dir.path(), Alice, u"big"_s), id);
        QCOMPARE(find(store.folders(), FolderKind::Trash)->total, 1);
        QCOMPARE(find(store.folders(), FolderKind::Inbox, Alice)->total, 0);
    }

    void readAndFlaggedCount()
    {
        QTemporaryDir dir;
        Store::MessageStore store(dir.path());
        QString error;
        QVERIFY(store.open(&error));
        for (int i = 0; i < 5; ++i)
            store.add(Alice, u"u%1"_s.arg(i), message("m"), &error, summary(u"m"_s));
        store.add(Bob, u"b"_s, message("b"), &error, summary(u"b"_s));
        const QList<qint64> two{idOf(dir.path(), Alice, u"u1"_s), idOf(dir.path(), Alice, u"u3"_s)};
        QVERIFY(store.setFlag(two, Store::MessageStore::Seen, true, &error));
        QCOMPARE(find(store.folders(), FolderKind::Inbox, Alice)->unread, 3);
        QCOMPARE(find(store.folders(), FolderKind::Inbox, Bob)->unread, 1);
        QVERIFY(store.setFlag(two.mid(0, 1), Store::MessageStore::Seen, false, &error));
        QVERIFY(store.setFlag(two, Store::MessageStore::Flagged, true, &error));
        QCOMPARE(find(store.folders(), FolderKind::Inbox, Alice)->unread, 4);
        QCOMPARE(store.flags(Alice, u"u1"_s), int(Store::MessageStore::Flagged));
        QCOMPARE(store.flags(Alice, u"u3"_s),
                 int(Store::MessageStore::Flagged | Store::MessageStore::Seen));
        // Local mail is written here: it is read already.
        QVERIFY(store.addLocal(FolderKind::Sent, message("sent"), summary(u"sent"_s), &error) > 0);
        QCOMPARE(find(store.folders(), FolderKind::Sent)->total, 1);
        QCOMPARE(find(store.folders(), FolderKind::Sent)->unread, 0);
        QCOMPARE(store.addLocal(FolderKind::Inbox, message("x"), summary(u"x"_s), &error), 0);
    }

    // Every order of every folder is a walk of one index: SQLite never sorts the folder.
    void everySortWalksAnIndex()
    {
        QTemporaryDir dir;
        Store::MessageStore store(dir.path());
        QString error;
        QVERIFY(store.open(&error));
        for (int i = 0; i < 50; ++i)
            store.add(Alice, u"u%1"_s.arg(i), message("m"), &error, summary(u"m%1"_s.arg(i)));
        Store::MessageList list(store.indexPath());
        QVERIFY(list.open(&error));
        for (Store::SortKey key :
             {Store::SortKey::Flag, Store::SortKey::Attachment, Store::SortKey::Sender,
              Store::SortKey::Subject, Store::SortKey::Date, Store::SortKey::Size})
            for (bool descending : {false, true}) {
                Store::ListQuery query;
                query.folder = store.folderId(FolderKind::Inbox, Alice);
                query.sort = key;
                query.descending = descending;
                const QString plan = list.plan(query);
                QVERIFY2(plan.contains(u"USING"_s) && plan.contains(u"INDEX messages_by_"_s),
                         qPrintable(plan));
                QVERIFY2(!plan.contains(u"TEMP B-TREE"_s), qPrintable(plan));
            }
    }

    void searchFindsLongAndShortWords()
    {
        QTemporaryDir dir;
        Store::MessageStore store(dir.path());
        QString error;
        QVERIFY(store.open(&error));
        store.add(Alice, u"zh"_s, message("zh"), &error, summary(u"本周周报"_s));
        store.add(Alice, u"en"_s, message("en"), &error, summary(u"Quarterly budget"_s));
        store.add(Alice, u"pct"_s, message("pct"), &error, summary(u"100% done"_s));
        Store::MessageList list(store.indexPath());
        QVERIFY(list.open(&error));
        const qint64 inbox = store.folderId(FolderKind::Inbox, Alice);
        const qint64 zh = idOf(dir.path(), Alice, u"zh"_s);
        const qint64 en = idOf(dir.path(), Alice, u"en"_s);
        QCOMPARE(listed(list, inbox, u"周报"_s), std::vector<qint64>{zh});     // 2 characters
        QCOMPARE(listed(list, inbox, u"本周周报"_s), std::vector<qint64>{zh}); // trigrams
        QCOMPARE(listed(list, inbox, u"budget"_s), std::vector<qint64>{en});
        QCOMPARE(listed(list, inbox, u"BUDG quart"_s), std::vector<qint64>{en}); // all words
        QCOMPARE(listed(list, inbox, u"bu"_s), std::vector<qint64>{en});         // a word's start
        QVERIFY(listed(list, inbox, u"ud"_s).empty());                           // not its middle
        QCOMPARE(listed(list, inbox, u"周"_s), std::vector<qint64>{zh});
        QCOMPARE(listed(list, inbox, u"00%"_s).size(), size_t(1));        // % is no wildcard
        QCOMPARE(listed(list, inbox, u"%"_s).size(), size_t(3));          // nothing to narrow by
        QCOMPARE(listed(list, inbox, u"\"b"_s), std::vector<qint64>{en}); // quotes are text
        QVERIFY(listed(list, inbox, u"nothing"_s).empty());
        // Searches reuse the folder's order until another connection commits: new mail shows.
        store.add(Alice, u"en2"_s, message("en2"), &error, summary(u"budget again"_s));
        const qint64 en2 = idOf(dir.path(), Alice, u"en2"_s);
        QCOMPARE(listed(list, inbox, u"budget"_s), (std::vector<qint64>{en2, en})); // newest first
        QCOMPARE(listed(list, inbox, u"ag"_s), std::vector<qint64>{en2});
    }

    void shortTermsPairChineseCharacters()
    {
        QCOMPARE(Store::shortTerms(u"Re: 本周周报 ok"_s).simplified(),
                 u"Re: 本 周 周 报 本周 周周 周报 ok"_s);
        QCOMPARE(Store::shortQuery(u"周报"_s), u"\"周报\""_s);
        QCOMPARE(Store::shortQuery(u"b\""_s), u"\"b\"*"_s);
        QCOMPARE(Store::shortQuery(u"%"_s), QString());
    }

    // A store made before the short-word index gets it for the mail already there.
    void theShortIndexIsMadeForOldMail()
    {
        QTemporaryDir dir;
        QString error;
        {
            Store::MessageStore store(dir.path());
            QVERIFY(store.open(&error));
            store.add(Alice, u"zh"_s, message("zh"), &error, summary(u"会议纪要"_s));
        }
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"drop"_s);
            db.setDatabaseName(dir.path() + u"/index.sqlite"_s);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(u"DROP TABLE messages_short"_s));
        }
        QSqlDatabase::removeDatabase(u"drop"_s);
        Store::MessageStore store(dir.path());
        QVERIFY(store.open(&error));
        Store::MessageList list(store.indexPath());
        QVERIFY(list.open(&error));
        QCOMPARE(listed(list, store.folderId(FolderKind::Inbox, Alice), u"纪要"_s).size(),
                 size_t(1));
    }

    void threadsNestRepliesUnderTheirParent()
    {
        using Store::ThreadLink;
        // 1 <- 2 <- 3, 4 replies to a missing message of 1's thread, 5 and 6 reply to each other.
        const std::vector<ThreadLink> links{{6, 60, 50, 0},  {3, 30, 20, 10}, {1, 10, 0, 0},
                                            {4, 40, 99, 10}, {2, 20, 10, 10}, {5, 50, 60, 0},
                                            {7, 70, 0, 0}};
        const std::vector<Store::ThreadedRow> rows = Store::threadOrder(links);
        QCOMPARE(rows.size(), links.size());
        QStringList shown;
        for (const Store::ThreadedRow &r : rows)
            shown << u"%1:%2"_s.arg(r.id).arg(r.depth);
        QCOMPARE(shown.join(u' '), u"1:0 4:1 2:1 3:2 7:0 6:0 5:1"_s);
    }
};

QTEST_GUILESS_MAIN(TestFolders)
#include "tst_folders.moc"
