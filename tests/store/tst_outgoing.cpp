// SPDX-License-Identifier: GPL-3.0-or-later
// Index version 6: mail made here from files (renamed in, never read), a draft replaced
// atomically, local messages moved between Drafts, Outbox and Sent, and the Outbox's sending
// state (held, queued, sending, failed with the server's words).
#include "store/messagestore.h"

#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using Store::Outgoing;
using Types::FolderKind;

namespace {

// A message written as the composer writes one: into the store's tmp/, flushed.
QString writeTemp(const Store::MessageStore &store, const QByteArray &content)
{
    const QString path = store.newTempPath();
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(content) != content.size() || !f.flush() ||
        ::fsync(f.handle()) != 0)
        return {};
    return path;
}

QByteArray message(const QByteArray &subject)
{
    return "From: Ann <ann@example.org>\r\nTo: bob@example.net\r\nSubject: " + subject +
           "\r\n\r\nbody of " + subject + "\r\n";
}

Store::MessageSummary summary(const QString &subject)
{
    Store::MessageSummary s;
    s.subject = subject;
    s.sender = u"Ann <ann@example.org>"_s;
    s.recipients = u"bob@example.net"_s;
    s.body = u"body of "_s + subject;
    return s;
}

ino_t inode(const QString &path)
{
    struct stat st
    {
    };
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? st.st_ino : 0;
}

QByteArray contentOf(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// A statement on the index through a connection of the test's own.
bool rawExec(const QString &dir, const QStringList &statements, QVariant *first = nullptr)
{
    bool ok = true;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"raw"_s);
        db.setDatabaseName(dir + u"/index.sqlite"_s);
        ok = db.open();
        QSqlQuery q(db);
        for (const QString &s : statements) {
            if (!ok)
                break;
            ok = q.exec(s);
            if (!ok)
                qWarning() << q.lastError().text() << s;
            else if (first && q.next())
                *first = q.value(0);
        }
    }
    QSqlDatabase::removeDatabase(u"raw"_s);
    return ok;
}

int countIn(Store::MessageStore &store, FolderKind kind)
{
    for (const Types::FolderInfo &f : store.folders())
        if (f.kind == kind && f.account.isEmpty())
            return f.total;
    return -1;
}

Outgoing held(const QString &account, qint64 notBefore = 0)
{
    Outgoing o;
    o.account = account;
    o.state = Outgoing::State::Holding;
    o.notBefore = notBefore;
    return o;
}

} // namespace

class TestOutgoing : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aVersion5StoreGainsTheSendingStateAndKeepsItsMail()
    {
        QTemporaryDir dir;
        qint64 id = 0;
        {
            Store::MessageStore store(dir.path());
            QString error;
            QVERIFY2(store.open(&error), qPrintable(error));
            id = store.addLocal(FolderKind::Outbox, message("old"), summary(u"old"_s), &error);
            QVERIFY(id != 0);
        }
        QVERIFY(rawExec(dir.path(), {u"DROP TABLE outgoing"_s, u"PRAGMA user_version = 5"_s}));
        Store::MessageStore store(dir.path());
        QString error;
        QVERIFY2(store.open(&error), qPrintable(error));
        QVariant version;
        QVERIFY(rawExec(dir.path(), {u"PRAGMA user_version"_s}, &version));
        QCOMPARE(version.toInt(), 6);
        QCOMPARE(countIn(store, FolderKind::Outbox), 1);
        QVERIFY(store.outgoing().isEmpty()); // no state: never sent from here
        Outgoing o = held(u"acct"_s);
        o.id = id;
        QVERIFY2(store.setOutgoing(o, &error), qPrintable(error));
        QCOMPARE(store.outgoing().size(), 1);
    }

    void aFileIsRenamedIntoTheMaildirNotCopied()
    {
        QTemporaryDir dir;
        Store::MessageStore store(dir.path());
        QString error;
        QVERIFY(store.open(&error));
        const QByteArray content = message("by rename");
        const QString file = writeTemp(store, content);
        QVERIFY(!file.isEmpty());
        QVERIFY(file.startsWith(store.maildir() + u"/tmp/"_s));
        const ino_t before = inode(file);
        const qint64 id =
            store.addLocalFile(FolderKind::Drafts, file, summary(u"by rename"_s), &error);
        QVERIFY2(id != 0, qPrintable(error));
        QVERIFY(!QFile::exists(file));
        const QString path = store.pathOfId(id);
        QVERIFY(path.startsWith(store.maildir() + u"/new/"_s));
        QCOMPARE(inode(path), before); // the same file: nothing was read or copied
        QCOMPARE(contentOf(path), content);
        QCOMPARE(store.folderKindOf(id), FolderKind::Drafts);
        QCOMPARE(countIn(store, FolderKind::Drafts), 1);
    }

    void aFileOnAnotherFileSystemIsCopiedDurably()
    {
        // /dev/shm is a tmpfs: a rename from there into the store fails with EXDEV.
        QTemporaryDir dir;
        QTemporaryDir shm(u"/dev/shm/tst_outgoing-XXXXXX"_s);
        if (!shm.isValid())
            QSKIP("no /dev/shm");
        struct stat a
        {
        }, b{};
        ::stat(QFile::encodeName(dir.path()).constData(), &a);
        ::stat(QFile::encodeName(shm.path()).constData(), &b);
        if (a.st_dev == b.st_dev)
            QSKIP("/dev/shm is on the same file system here");
        Store::MessageStore store(dir.path());
        QString error;
        QVERIFY(store.open(&error));
        const QString file = shm.filePath(u"draft.eml"_s);
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(message("elsewhere"));
        f.close();
        const qint64 id = store.addLocalFile(FolderKind::Drafts, file, summary(u"x"_s), &error);
        QVERIFY2(id != 0, qPrintable(error));
        QCOMPARE(contentOf(store.pathOfId(id)), message("elsewhere"));
        QVERIFY(!QFile::exists(file));
        QVERIFY(QDir(store.maildir() + u"/tmp"_s).entryList(QDir::Files).isEmpty());
    }

    void aDraftSavedAgainReplacesTheOldCopy()
    {
        QTemporaryDir dir;
        Store::MessageStore store(dir.path());
        QString error;
        QVERIFY(store.open(&error));
        const qint64 first = store.addLocalFile(FolderKind::Drafts, writeTemp(store, message("v1")),
                                                summary(u"alpha"_s), &error);
        QVERIFY(first != 0);
        const QString firstPath = store.pathOfId(first);
        const qint64 second =
            store.replaceLocal(first, FolderKind::Drafts, writeTemp(store, message("v2")),
                               summary(u"bravo"_s), &error);
        QVERIFY2(second != 0, qPrintable(error));
        QVERIFY(second != first);
        QCOMPARE(countIn(store, FolderKind::Drafts), 1);
        QVERIFY(!store.folderKindOf(first));
        QVERIFY(!QFile::exists(firstPath));
        QCOMPARE(contentOf(store.pathOfId(second)), message("v2"));
        QCOMPARE(QDir(store.maildir() + u"/new"_s).entryList(QDir::Files).size(), 1);
        // Search finds the new text only.
        QCOMPARE(store.search(u"bravo"_s).size(), 1);
        QCOMPARE(store.search(u"alpha"_s).size(), 0);
    }

    void aFailedReplaceKeepsTheOldCopyAndGivesTheFileBack()
    {
        QTemporaryDir dir;
        Store::MessageStore store(dir.path());
        QString error;
        QVERIFY(store.open(&error));
        const qint64 first = store.addLocalFile(FolderKind::Drafts, writeTemp(store, message("v1")),
                                                summary(u"v1"_s), &error);
        QVERIFY(first != 0);
        // The old row cannot go: the whole replacement must roll back.
        QVERIFY(rawExec(dir.path(), {u"CREATE TRIGGER keep BEFORE DELETE ON messages"
                                     " BEGIN SELECT RAISE(ABORT, 'kept'); END"_s}));
        const QString file = writeTemp(store, message("v2"));
        const qint64 second =
            store.replaceLocal(first, FolderKind::Drafts, file, summary(u"v2"_s), &error);
        QCOMPARE(second, 0);
        QVERIFY(error.contains(u"kept"_s));
        QCOMPARE(store.folderKindOf(first), FolderKind::Drafts);
        QCOMPARE(contentOf(store.pathOfId(first)), message("v1"));
        QCOMPARE(countIn(store, FolderKind::Drafts), 1);
        QCOMPARE(contentOf(file), message("v2")); // the caller still has its file
        QCOMPARE(QDir(store.maildir() + u"/new"_s).entryList(QDir::Files).size(), 1);
        // A missing file is an error that changes nothing either.
        QVERIFY(rawExec(dir.path(), {u"DROP TRIGGER keep"_s}));
        error.clear();
        QCOMPARE(store.replaceLocal(first, FolderKind::Drafts, dir.filePath(u"gone.eml"_s),
                                    summary(u"v3"_s), &error),
                 0);
        QVERIFY(!error.isEmpty());
        QCOMPARE(store.folderKindOf(first), FolderKind::Drafts);
    }

    void aPop3MessageIsNeverReplacedOrMoved()
    {
        QTemporaryDir dir;
        Store::MessageStore store(dir.path());
        QString error;
        QVERIFY(store.open(&error));
        QVERIFY(
            !store.add(u"a@pop"_s, u"u1"_s, message("inbox"), &error, summary(u"in"_s)).isEmpty());
        QVariant inboxId;
        QVERIFY(rawExec(dir.path(), {u"SELECT id FROM messages WHERE uidl = 'u1'"_s}, &inboxId));
        QVERIFY(!store.moveLocal(inboxId.toLongLong(), FolderKind::Sent, &error));
        QVERIFY(!store.deleteLocal(inboxId.toLongLong(), &error));
        const qint64 id =
            store.replaceLocal(inboxId.toLongLong(), FolderKind::Drafts,
                               writeTemp(store, message("d")), summary(u"d"_s), &error);
        QVERIFY(id != 0); // added, but the Inbox message stays
        QCOMPARE(store.folderKindOf(inboxId.toLongLong()), FolderKind::Inbox);
        QVERIFY(store.contains(u"a@pop"_s, u"u1"_s));
    }

    void sendingStateGoesWithTheOutboxOnly()
    {
        QTemporaryDir dir;
        Store::MessageStore store(dir.path());
        QString error;
        QVERIFY(store.open(&error));
        const qint64 draft = store.addLocalFile(FolderKind::Drafts, writeTemp(store, message("s")),
                                                summary(u"s"_s), &error);
        // Sent from a draft: the Outbox copy replaces it, with its state, in one go.
        const Outgoing state = held(u"acct-1"_s, 1234);
        const qint64 out =
            store.replaceLocal(draft, FolderKind::Outbox, writeTemp(store, message("s")),
                               summary(u"s"_s), &error, &state);
        QVERIFY2(out != 0, qPrintable(error));
        QCOMPARE(countIn(store, FolderKind::Drafts), 0);
        QCOMPARE(countIn(store, FolderKind::Outbox), 1);
        std::optional<Outgoing> o = store.outgoingOf(out);
        QVERIFY(o);
        QCOMPARE(o->id, out);
        QCOMPARE(o->account, u"acct-1"_s);
        QCOMPARE(o->state, Outgoing::State::Holding);
        QCOMPARE(o->notBefore, 1234);
        // Failed, with everything the user is shown.
        o->state = Outgoing::State::Failed;
        o->attempts = 2;
        o->errorKind = u"recipients-refused"_s;
        o->errorCode = 550;
        o->errorText = u"5.1.1 <nobody@localhost>: Recipient address rejected"_s;
        o->errorDetail = u"RCPT TO refused"_s;
        o->refused = u"[{\"address\":\"nobody@localhost\"}]"_s;
        QVERIFY2(store.setOutgoing(*o, &error), qPrintable(error));
        const Outgoing back = *store.outgoingOf(out);
        QCOMPARE(back.state, Outgoing::State::Failed);
        QCOMPARE(back.attempts, 2);
        QCOMPARE(back.errorKind, o->errorKind);
        QCOMPARE(back.errorCode, 550);
        QCOMPARE(back.errorText, o->errorText);
        QCOMPARE(back.errorDetail, o->errorDetail);
        QCOMPARE(back.refused, o->refused);
        QCOMPARE(store.outgoing(u"acct-1"_s).size(), 1);
        QCOMPARE(store.outgoing(u"acct-2"_s).size(), 0);
        // Undo / Edit: back to Drafts, no state left.
        QVERIFY2(store.moveLocal(out, FolderKind::Drafts, &error), qPrintable(error));
        QVERIFY(!store.outgoingOf(out));
        QVERIFY(store.outgoing().isEmpty());
        QVERIFY(!store.setOutgoing(back, &error)); // only in the Outbox
        // Into the Outbox only with a state.
        QVERIFY(!store.moveLocal(out, FolderKind::Outbox, &error));
        QVERIFY(store.moveLocal(out, FolderKind::Outbox, &error, &state));
        QCOMPARE(store.outgoingOf(out)->account, u"acct-1"_s);
        // Accepted: into Sent, read, no state.
        QVERIFY(rawExec(dir.path(), {u"UPDATE messages SET flags = 0"_s}));
        QVERIFY(store.moveLocal(out, FolderKind::Sent, &error));
        QCOMPARE(store.folderKindOf(out), FolderKind::Sent);
        QVERIFY(!store.outgoingOf(out));
        QVariant flags;
        QVERIFY(
            rawExec(dir.path(), {u"SELECT flags FROM messages WHERE id = %1"_s.arg(out)}, &flags));
        QCOMPARE(flags.toInt() & Store::MessageStore::Seen, int(Store::MessageStore::Seen));
        QVariant rows;
        QVERIFY(rawExec(dir.path(), {u"SELECT COUNT(*) FROM outgoing"_s}, &rows));
        QCOMPARE(rows.toInt(), 0);
    }

    void trashKeepsTheStateUntilDeletedForGood()
    {
        QTemporaryDir dir;
        Store::MessageStore store(dir.path());
        QString error;
        QVERIFY(store.open(&error));
        const Outgoing state = held(u"acct"_s);
        const qint64 id = store.addLocalFile(FolderKind::Outbox, writeTemp(store, message("t")),
                                             summary(u"t"_s), &error, &state);
        QVERIFY(id != 0);
        QCOMPARE(store.moveToTrash({id}, &error), QList<qint64>{id});
        QVERIFY(store.outgoing().isEmpty()); // not in the Outbox: nothing to send
        QCOMPARE(store.restore({id}, &error), QList<qint64>{id});
        QCOMPARE(store.outgoing().size(), 1);
        QVERIFY(!store.moveToTrash({id}, &error).isEmpty());
        QCOMPARE(store.deleteForGood({id}, &error), 1);
        QVariant rows;
        QVERIFY(rawExec(dir.path(), {u"SELECT COUNT(*) FROM outgoing"_s}, &rows));
        QCOMPARE(rows.toInt(), 0);
    }

    void aDiscardedDraftIsGoneWithItsFile()
    {
        QTemporaryDir dir;
        Store::MessageStore store(dir.path());
        QString error;
        QVERIFY(store.open(&error));
        const qint64 id = store.addLocalFile(FolderKind::Drafts, writeTemp(store, message("x")),
                                             summary(u"xray"_s), &error);
        const QString path = store.pathOfId(id);
        QVERIFY(QFile::exists(path));
        QCOMPARE(store.search(u"xray"_s).size(), 1);
        QVERIFY2(store.deleteLocal(id, &error), qPrintable(error));
        QVERIFY(!QFile::exists(path));
        QVERIFY(!store.folderKindOf(id));
        QCOMPARE(countIn(store, FolderKind::Drafts), 0);
        QCOMPARE(store.search(u"xray"_s).size(), 0);
    }

    void correspondentsAreCountedBySQLite()
    {
        QTemporaryDir dir;
        Store::MessageStore store(dir.path());
        QString error;
        QVERIFY(store.open(&error));
        for (int i = 0; i < 3; ++i) {
            Store::MessageSummary s = summary(u"m"_s);
            s.recipients =
                i == 0 ? u"bob@example.net, 张三 <zhang@example.cn>"_s : u"bob@example.net"_s;
            QVERIFY(!store.add(u"a@pop"_s, u"u%1"_s.arg(i), message("m"), &error, s).isEmpty());
        }
        const auto rows = store.correspondents();
        QHash<QString, int> counts;
        for (const auto &[text, n] : rows)
            counts[text] += n;
        QCOMPARE(counts.value(u"Ann <ann@example.org>"_s), 3);
        QCOMPARE(counts.value(u"bob@example.net"_s), 2);
        QCOMPARE(counts.value(u"bob@example.net, 张三 <zhang@example.cn>"_s), 1);
    }
};

QTEST_GUILESS_MAIN(TestOutgoing)
#include "tst_outgoing.moc"
