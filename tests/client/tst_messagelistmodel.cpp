// SPDX-License-Identifier: GPL-3.0-or-later
// Client::MessageListModel over a store of a few thousand generated messages (English and
// Chinese), checked by QAbstractItemModelTester and against the generator's own record: every
// column sorts both ways, search finds English and two-character Chinese words and drops stale
// queries, threads nest replies, Trash and Undo and Empty Trash, unread counts, and rows that
// a "sync" writes on another connection (and thread) appear with insert signals on refresh().
#include "client/folderlistmodel.h"
#include "client/mailstore.h"
#include "client/messagelistmodel.h"
#include "mailgenerator.h"
#include "mime/summary.h"
#include "store/messagestore.h"

#include <QAbstractItemModelTester>
#include <QFont>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <thread>

using namespace Qt::StringLiterals;
using Client::MessageListModel;
using Types::FolderKind;

namespace {
const QString Account = u"me@pop.example.org"_s;
constexpr int kMessages = 3000;

struct Known
{
    QString uidl;
    QString subject;
    QString sender;
    QString snippet;
    qint64 date = 0;
    qint64 size = 0;
    bool attachment = false;
    bool seen = false;
    qint64 parent = 0; // the id it replies to
};

// SQLite's NOCASE: ASCII letters folded, everything else by its UTF-8 bytes.
QByteArray nocase(const QString &s)
{
    QByteArray b = s.toUtf8();
    for (char &c : b)
        if (c >= 'A' && c <= 'Z')
            c = char(c - 'A' + 'a');
    return b;
}

// Every message's id by its uidl, read on a connection of the test's own.
QHash<QString, qint64> idsByUidl(const QString &indexPath)
{
    QHash<QString, qint64> ids;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"peek"_s);
        db.setDatabaseName(indexPath);
        QSqlQuery q(db);
        if (db.open() && q.exec(u"SELECT uidl, id FROM messages"_s))
            while (q.next())
                ids.insert(q.value(0).toString(), q.value(1).toLongLong());
    }
    QSqlDatabase::removeDatabase(u"peek"_s);
    return ids;
}
} // namespace

class TestMessageListModel : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QHash<qint64, Known> m_known;
    qint64 m_now = 0;

    // Writes generated mail through its own MessageStore (another connection), as a sync does.
    void generate(Bench::MailGenerator &generator, int count, bool parse = false)
    {
        Store::MessageStore store(m_dir.path());
        QString error;
        QVERIFY2(store.open(&error), qPrintable(error));
        store.beginGroup();
        QList<std::pair<QString, Bench::GeneratedMail>> made;
        for (int i = 0; i < count; ++i) {
            Bench::GeneratedMail mail = generator.next();
            Types::MessageSummary summary = mail.summary;
            if (parse) { // the reader must make the same entry the generator predicted
                summary = Mime::summarize(mail.raw);
                QCOMPARE(summary.subject, mail.summary.subject);
                QCOMPARE(summary.sender, mail.summary.sender);
                QCOMPARE(summary.messageId, mail.summary.messageId);
                QCOMPARE(summary.inReplyTo, mail.summary.inReplyTo);
                QCOMPARE(summary.references, mail.summary.references);
                QCOMPARE(summary.hasAttachments, mail.summary.hasAttachments);
                QCOMPARE(summary.date, mail.summary.date);
            }
            QVERIFY(!store.add(Account, mail.uidl, mail.raw, &error, summary).isEmpty());
            made.append({mail.uidl, std::move(mail)});
        }
        QVERIFY2(store.commitGroup(&error), qPrintable(error));
        QList<qint64> seen;
        const QHash<QString, qint64> ids = idsByUidl(store.indexPath());
        for (const auto &[uidl, mail] : std::as_const(made)) {
            const qint64 id = ids.value(uidl);
            QVERIFY(id > 0);
            Known k{uidl,
                    mail.summary.subject,
                    mail.summary.sender,
                    mail.summary.snippet,
                    mail.summary.date,
                    mail.raw.size(),
                    mail.summary.hasAttachments,
                    mail.seen,
                    0};
            if (mail.parent >= 0)
                k.parent = ids.value(u"bench-%1"_s.arg(mail.parent, 8, 10, QLatin1Char('0')));
            m_known.insert(id, k);
            if (mail.seen)
                seen << id;
        }
        QVERIFY(store.setFlag(seen, Store::MessageStore::Seen, true, &error));
    }

    QList<qint64> listed(const MessageListModel &model)
    {
        QList<qint64> ids;
        for (int r = 0; r < model.rowCount(); ++r)
            ids << model.idAt(r);
        return ids;
    }

    bool waitForSearch(MessageListModel &model, const QString &text)
    {
        QSignalSpy done(&model, &MessageListModel::searchFinished);
        model.setSearch(text);
        return done.wait(10000) && done.last().at(0).toString() == text;
    }

    QSet<qint64> expectedMatches(const QString &word)
    {
        QSet<qint64> out;
        for (auto it = m_known.cbegin(); it != m_known.cend(); ++it)
            if (it->subject.contains(word, Qt::CaseInsensitive) ||
                it->sender.contains(word, Qt::CaseInsensitive) ||
                it->snippet.contains(word, Qt::CaseInsensitive))
                out.insert(it.key());
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_now = QDateTime::currentSecsSinceEpoch();
        Bench::MailGenerator generator(20250101, m_now, kMessages);
        generate(generator, 300, true);
        generate(generator, kMessages - 300);
        QCOMPARE(m_known.size(), kMessages);
    }

    void listsTheFolderInWindows()
    {
        Client::MailStore store;
        QString error;
        QVERIFY2(store.open(m_dir.path(), &error), qPrintable(error));
        MessageListModel model(&store);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0); // no folder yet
        model.setFolder(store.folderId(FolderKind::Inbox, Account));
        QCOMPARE(model.rowCount(), kMessages);
        QCOMPARE(model.columnCount(), int(MessageListModel::ColumnCount));
        // Default order: newest first; the newest arrived today and shows the time only.
        const qint64 newest = model.idAt(0);
        QCOMPARE(
            m_known.value(newest).date,
            std::max_element(m_known.cbegin(), m_known.cend(), [](const Known &a, const Known &b) {
                return a.date < b.date;
            })->date);
        const QDateTime when = QDateTime::fromSecsSinceEpoch(m_known.value(newest).date);
        if (when.date() == QDate::currentDate())
            QCOMPARE(model.index(0, MessageListModel::DateColumn).data().toString(),
                     QLocale().toString(when.time(), QLocale::ShortFormat));
        const QString old =
            model.index(kMessages - 1, MessageListModel::DateColumn).data().toString();
        QVERIFY2(old.contains(QString::number(
                     QDateTime::fromSecsSinceEpoch(m_known.value(model.idAt(kMessages - 1)).date)
                         .date()
                         .year() %
                     100)),
                 qPrintable(old));
        // Every row's cells and roles against what was stored.
        for (int r = 0; r < model.rowCount(); r += 7) {
            const qint64 id = model.idAt(r);
            const Known &k = m_known[id];
            QCOMPARE(model.rowOfId(id), r);
            QCOMPARE(model.index(r, 0).data(MessageListModel::IdRole).toLongLong(), id);
            QCOMPARE(model.index(r, 0).data(MessageListModel::UidlRole).toString(), k.uidl);
            QCOMPARE(model.index(r, 0).data(MessageListModel::AccountRole).toString(), Account);
            QCOMPARE(model.index(r, MessageListModel::SubjectColumn).data().toString(), k.subject);
            QVERIFY(k.sender.startsWith(
                model.index(r, MessageListModel::FromColumn).data().toString()));
            QCOMPARE(model.index(r, 0).data(MessageListModel::UnreadRole).toBool(), !k.seen);
            QCOMPARE(model.index(r, MessageListModel::SubjectColumn)
                         .data(Qt::FontRole)
                         .value<QFont>()
                         .bold(),
                     !k.seen);
            QCOMPARE(model.index(r, 0).data(MessageListModel::HasAttachmentRole).toBool(),
                     k.attachment);
            // A paperclip icon (no text: fonts without emoji drew a box), and words for screen readers.
            QCOMPARE(model.index(r, MessageListModel::AttachmentColumn).data(Qt::AccessibleTextRole).toString(),
                     k.attachment ? u"Has attachments"_s : u"No attachments"_s);
            QVERIFY(model.index(r, MessageListModel::AttachmentColumn).data().toString().isEmpty());
            QVERIFY(model.index(r, 0).data(MessageListModel::CompleteRole).toBool());
            QVERIFY(!model.index(r, MessageListModel::SizeColumn).data().toString().isEmpty());
        }
        QCOMPARE(model.idAt(kMessages), 0);
        QCOMPARE(model.rowOfId(-5), -1);
    }

    void sortsEveryColumnBothWays_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<int>("order");
        for (int c = 0; c < MessageListModel::ColumnCount; ++c)
            for (Qt::SortOrder o : {Qt::AscendingOrder, Qt::DescendingOrder})
                QTest::addRow("column %d %s", c, o == Qt::AscendingOrder ? "up" : "down")
                    << c << int(o);
    }

    void sortsEveryColumnBothWays()
    {
        QFETCH(int, column);
        QFETCH(int, order);
        Client::MailStore store;
        QString error;
        QVERIFY(store.open(m_dir.path(), &error));
        MessageListModel model(&store);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setFolder(store.folderId(FolderKind::Inbox, Account));
        // A selected row stays selected, on the same message, wherever the sort puts it.
        QItemSelectionModel selection(&model);
        const qint64 chosen = model.idAt(123);
        selection.select(model.index(123, 0),
                         QItemSelectionModel::Select | QItemSelectionModel::Rows);
        model.sort(column, Qt::SortOrder(order));
        QCOMPARE(model.rowCount(), kMessages);
        QCOMPARE(model.sortColumn(), column);
        QCOMPARE(selection.selectedRows().size(), 1);
        QCOMPARE(model.idAt(selection.selectedRows().at(0).row()), chosen);
        const bool down = order == Qt::DescendingOrder;
        // The key of each column, the id breaking ties, compared as SQLite does.
        auto key = [&](qint64 id) -> std::tuple<int, qint64, QByteArray, qint64> {
            const Known &k = m_known[id];
            switch (column) {
            case MessageListModel::FlagColumn:
                return {0, k.date, {}, id}; // nothing flagged here: by date
            case MessageListModel::AttachmentColumn:
                return {k.attachment, k.date, {}, id};
            case MessageListModel::FromColumn:
                return {0, 0, nocase(k.sender), id};
            case MessageListModel::SubjectColumn:
                return {0, 0, nocase(k.subject), id};
            case MessageListModel::SizeColumn:
                return {0, k.size, {}, id};
            default:
                return {0, k.date, {}, id};
            }
        };
        const QList<qint64> ids = listed(model);
        QCOMPARE(QSet<qint64>(ids.begin(), ids.end()).size(), kMessages);
        for (int r = 1; r < ids.size(); ++r) {
            const auto a = key(ids[r - 1]);
            const auto b = key(ids[r]);
            QVERIFY2(down ? a > b : a < b, qPrintable(u"rows %1 and %2"_s.arg(r - 1).arg(r)));
        }
    }

    void searchesEnglishAndChinese_data()
    {
        QTest::addColumn<QString>("word");
        for (const QString &w : Bench::MailGenerator::englishSearchTerms())
            QTest::newRow(qPrintable(w)) << w;
        for (const QString &w : Bench::MailGenerator::chineseSearchTerms())
            QTest::newRow(qPrintable(w)) << w; // two characters: too short for trigrams
    }

    void searchesEnglishAndChinese()
    {
        QFETCH(QString, word);
        Client::MailStore store;
        QString error;
        QVERIFY(store.open(m_dir.path(), &error));
        MessageListModel model(&store);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setFolder(store.folderId(FolderKind::Inbox, Account));
        QVERIFY(waitForSearch(model, word));
        const QList<qint64> ids = listed(model);
        const QSet<qint64> found(ids.begin(), ids.end());
        const QSet<qint64> inSummary = expectedMatches(word);
        QVERIFY2(!inSummary.isEmpty(), "the generator should have made matching mail");
        // Everything whose sender, subject or start of text has it; more only from the text
        // beyond the snippet (trigram words).
        QVERIFY(found.contains(inSummary));
        if (word.size() < 3)
            QCOMPARE(found, inSummary);
        QVERIFY(found.size() < kMessages);
        // Still in date order, and back to the whole folder when the search is cleared.
        for (int r = 1; r < ids.size(); ++r)
            QVERIFY(m_known[ids[r - 1]].date >= m_known[ids[r]].date);
        QVERIFY(waitForSearch(model, u""_s));
        QCOMPARE(model.rowCount(), kMessages);
        QVERIFY(waitForSearch(model, u"no-such-word-anywhere"_s));
        QCOMPARE(model.rowCount(), 0);
    }

    // Typing fast: only the last query's result is shown, the others are dropped unseen.
    void aStaleSearchIsDropped()
    {
        Client::MailStore store;
        QString error;
        QVERIFY(store.open(m_dir.path(), &error));
        MessageListModel model(&store);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setFolder(store.folderId(FolderKind::Inbox, Account));
        QSignalSpy done(&model, &MessageListModel::searchFinished);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        model.setSearch(u"bu"_s);
        model.setSearch(u"budget"_s);
        model.setSearch(u"周报"_s);
        QVERIFY(done.wait(10000));
        QTest::qWait(200); // time for a stale result to arrive, if it were shown
        QCOMPARE(done.size(), 1);
        QCOMPARE(done.at(0).at(0).toString(), u"周报"_s);
        QCOMPARE(resets.size(), 1);
        const QList<qint64> ids = listed(model);
        QCOMPARE(QSet<qint64>(ids.begin(), ids.end()), expectedMatches(u"周报"_s));
        // A sort while a search runs applies that search itself and drops the late result.
        model.setSearch(u"budget"_s);
        model.sort(MessageListModel::SizeColumn, Qt::AscendingOrder);
        QCOMPARE(done.size(), 2);
        QCOMPARE(done.at(1).at(0).toString(), u"budget"_s);
        const int rows = model.rowCount();
        QTest::qWait(200);
        QCOMPARE(done.size(), 2);
        QCOMPARE(model.rowCount(), rows);
    }

    void threadsNestReplies()
    {
        Client::MailStore store;
        QString error;
        QVERIFY(store.open(m_dir.path(), &error));
        MessageListModel model(&store);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setFolder(store.folderId(FolderKind::Inbox, Account));
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        model.setThreaded(true);
        QVERIFY(model.isThreaded());
        QCOMPARE(resets.size(), 0); // a layout change: selections survive
        QCOMPARE(model.rowCount(), kMessages);
        int replies = 0;
        for (int r = 0; r < model.rowCount(); ++r) {
            const qint64 id = model.idAt(r);
            const int depth = model.index(r, 0).data(MessageListModel::ThreadDepthRole).toInt();
            const qint64 parent = m_known.value(id).parent;
            if (parent == 0) {
                QCOMPARE(depth, 0);
                continue;
            }
            ++replies;
            // Under its parent: above it, one level up, nothing shallower in between.
            const int p = model.rowOfId(parent);
            QVERIFY(p >= 0 && p < r);
            QCOMPARE(depth, model.index(p, 0).data(MessageListModel::ThreadDepthRole).toInt() + 1);
            for (int between = p + 1; between < r; ++between)
                QVERIFY(model.index(between, 0).data(MessageListModel::ThreadDepthRole).toInt() >=
                        depth);
        }
        QVERIFY(replies > kMessages / 10);
        // Threads with a search: only the matches, still nested where their parent matched.
        QVERIFY(waitForSearch(model, u"Re: "_s));
        QVERIFY(model.rowCount() > 0 && model.rowCount() < kMessages);
        model.setThreaded(false);
        QVERIFY(waitForSearch(model, u""_s));
        for (int r = 0; r < model.rowCount(); r += 50)
            QCOMPARE(model.index(r, 0).data(MessageListModel::ThreadDepthRole).toInt(), 0);
    }

    // Last: it changes the store.
    void readFlaggedTrashUndoAndEmpty()
    {
        Client::MailStore store;
        QString error;
        QVERIFY(store.open(m_dir.path(), &error));
        MessageListModel model(&store);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        Client::FolderListModel folders(&store);
        QAbstractItemModelTester folderTester(
            &folders, QAbstractItemModelTester::FailureReportingMode::QtTest);
        Types::AccountSettings account;
        account.host = u"POP.example.org"_s; // the store knows it in lower case
        account.user = u"me"_s;
        account.name = u"Work"_s;
        folders.setAccounts({account});
        const qint64 inbox = store.folderId(FolderKind::Inbox, Account);
        const qint64 trash = store.folderId(FolderKind::Trash);
        QCOMPARE(folders.rowCount(), 2); // Work, Local Folders
        QCOMPARE(folders.index(0, 0).data().toString(), u"Work"_s);
        QCOMPARE(folders.rowCount(folders.index(1, 0)), 4);
        const int unread = int(std::count_if(m_known.cbegin(), m_known.cend(),
                                             [](const Known &k) { return !k.seen; }));
        QCOMPARE(folders.unreadCount(inbox), unread);
        QVERIFY(folders.indexOfFolder(inbox).data().toString().contains(QString::number(unread)));
        QVERIFY(folders.indexOfFolder(inbox).data(Qt::FontRole).value<QFont>().bold());
        QCOMPARE(folders.indexOfFolder(inbox).parent(), folders.index(0, 0));

        model.setFolder(inbox);
        // Read and flagged, at once in the list and in the counts.
        const QList<qint64> top{model.idAt(0), model.idAt(1)};
        QVERIFY(model.index(0, 0).data(MessageListModel::UnreadRole).toBool());
        QVERIFY(model.setRead(top, true));
        QVERIFY(!model.index(0, 0).data(MessageListModel::UnreadRole).toBool());
        QVERIFY(!model.index(0, 2).data(Qt::FontRole).value<QFont>().bold());
        QCOMPARE(folders.unreadCount(inbox), unread - 2);
        QVERIFY(model.setFlagged({model.idAt(5)}, true));
        QVERIFY(model.index(5, 0).data(MessageListModel::FlaggedRole).toBool());
        QVERIFY(!model.index(5, MessageListModel::FlagColumn).data().toString().isEmpty());
        model.sort(MessageListModel::FlagColumn, Qt::DescendingOrder);
        QCOMPARE(model.index(0, 0).data(MessageListModel::FlaggedRole).toBool(), true);
        model.sort(MessageListModel::DateColumn, Qt::DescendingOrder);

        // Delete: the rows go from the list (removal signals), Trash has them, Undo restores
        // them in place.
        const QList<qint64> doomed{model.idAt(10), model.idAt(11), model.idAt(500)};
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        const QList<qint64> moved = model.moveToTrash(doomed);
        QCOMPARE(QSet<qint64>(moved.begin(), moved.end()),
                 QSet<qint64>(doomed.begin(), doomed.end()));
        QCOMPARE(model.rowCount(), kMessages - 3);
        QCOMPARE(removed.size(), 2); // rows 10-11, then 500
        QCOMPARE(resets.size(), 0);
        for (qint64 id : doomed)
            QCOMPARE(model.rowOfId(id), -1);
        QCOMPARE(
            folders.data(folders.indexOfFolder(trash), Client::FolderListModel::TotalRole).toInt(),
            3);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QCOMPARE(model.undoMoveToTrash(moved).size(), 3);
        QCOMPARE(model.rowCount(), kMessages);
        QCOMPARE(model.rowOfId(doomed[0]), 10);
        QCOMPARE(model.rowOfId(doomed[2]), 500);
        QCOMPARE(inserted.size(), 2);
        QCOMPARE(
            folders.data(folders.indexOfFolder(trash), Client::FolderListModel::TotalRole).toInt(),
            0);

        // Empty Trash: gone for good, but POP3 still counts them as stored (tombstones).
        QCOMPARE(model.moveToTrash(doomed).size(), 3);
        model.setFolder(trash);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.emptyTrash(), 3);
        QCOMPARE(model.rowCount(), 0);
        Store::MessageStore raw(m_dir.path());
        QVERIFY(raw.open(&error));
        for (qint64 id : doomed) {
            QVERIFY(raw.contains(Account, m_known[id].uidl));
            QVERIFY(raw.states(Account).value(m_known[id].uidl).deletedHere);
            QVERIFY(raw.pathOf(Account, m_known[id].uidl).isEmpty());
            m_known.remove(id);
        }
        model.setFolder(inbox);
        QCOMPARE(model.rowCount(), kMessages - 3);
        QCOMPARE(
            folders.data(folders.indexOfFolder(inbox), Client::FolderListModel::TotalRole).toInt(),
            kMessages - 3);
        // Mail made here goes to a local folder, read.
        QVERIFY(store.addLocal(FolderKind::Drafts, "Subject: draft\r\n\r\ntext\r\n", &error) > 0);
        const qint64 drafts = store.folderId(FolderKind::Drafts);
        QCOMPARE(
            folders.data(folders.indexOfFolder(drafts), Client::FolderListModel::TotalRole).toInt(),
            1);
        QCOMPARE(folders.unreadCount(drafts), 0);
    }

    // A sync writes new mail on another thread and connection while the window reads; refresh()
    // inserts the new rows (no reset) and the selected message keeps its selection.
    void refreshShowsWhatASyncStored()
    {
        Client::MailStore store;
        QString error;
        QVERIFY(store.open(m_dir.path(), &error));
        MessageListModel model(&store);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setFolder(store.folderId(FolderKind::Inbox, Account));
        const int before = model.rowCount();
        QItemSelectionModel selection(&model);
        const qint64 chosen = model.idAt(40);
        selection.select(model.index(40, 0),
                         QItemSelectionModel::Select | QItemSelectionModel::Rows);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);

        // Newer mail than anything listed (the generator spreads it over three years before its
        // "now"): it belongs at the top.
        Bench::MailGenerator later(7, m_now + 4 * 365 * 86400LL, 200);
        std::atomic_bool writing = true;
        std::thread sync([&] {
            Store::MessageStore writer(m_dir.path());
            QString e;
            if (writer.open(&e))
                for (int group = 0; group < 4; ++group) {
                    writer.beginGroup();
                    for (int i = 0; i < 50; ++i) {
                        Bench::GeneratedMail m = later.next();
                        writer.add(Account, u"sync-"_s + m.uidl, m.raw, &e, m.summary);
                    }
                    writer.commitGroup(&e);
                }
            writing = false;
        });
        while (writing) { // the window keeps reading meanwhile
            model.refresh();
            for (int r = 0; r < model.rowCount(); r += 97)
                model.index(r, MessageListModel::SubjectColumn).data();
            QTest::qWait(5);
        }
        sync.join();
        model.refresh();
        QCOMPARE(model.rowCount(), before + 200);
        QCOMPARE(resets.size(), 0);
        QVERIFY(inserted.size() >= 1);
        QCOMPARE(model.index(0, 0).data(MessageListModel::UidlRole).toString().left(5), u"sync-"_s);
        QCOMPARE(selection.selectedRows().size(), 1);
        QCOMPARE(model.idAt(selection.selectedRows().at(0).row()), chosen);
        QCOMPARE(model.rowOfId(chosen), 240);
    }
};

QTEST_MAIN(TestMessageListModel)
#include "tst_messagelistmodel.moc"
