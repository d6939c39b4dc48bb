// SPDX-License-Identifier: GPL-3.0-or-later
// What a POP3 sync fetches, keeps and deletes, without a server: each case is
// a transcript of what the server lists (S: UIDL and LIST bodies) plus what
// the store holds, and the commands the plan leads to (C: lines, in the order
// syncPop3 sends them: TOP, RETR, DELE).
#include "net/pop3plan.h"

#include <QTest>

using namespace Qt::StringLiterals;
using Net::Pop3Plan;
using Net::SyncPolicy;
using Types::StoredState;

namespace {

constexpr qint64 kNow = 1'750'000'000; // a fixed "now": the plan is pure
constexpr qint64 kDay = Net::kSecondsPerDay;

// Three messages as Dovecot lists them (CRLF, as on the wire).
const QByteArray kUidl = "1 uid-a\r\n2 uid-b\r\n3 uid-c\r\n";
const QByteArray kList = "1 1200\r\n2 5000\r\n3 300000\r\n";

StoredState complete(qint64 daysAgo)
{
    return {true, false, kNow - daysAgo * kDay};
}
StoredState deletedHere()
{
    return {false, true, kNow - kDay};
}
StoredState headersOnly()
{
    return {false, false, kNow - kDay};
}

// The client's side of the transcript, as syncPop3 sends it.
QStringList commands(const Pop3Plan &plan)
{
    QStringList out;
    for (const Pop3Plan::Header &h : plan.headers)
        out << u"C: TOP %1 0"_s.arg(h.message.number);
    for (const Net::ServerEntry &m : plan.bodies)
        out << u"C: RETR %1"_s.arg(m.number);
    for (const Net::ServerEntry &m : plan.deletions)
        out << u"C: DELE %1"_s.arg(m.number);
    if (plan.deleteBodiesOnceStored)
        for (const Net::ServerEntry &m : plan.bodies)
            out << u"C: DELE %1"_s.arg(m.number);
    return out;
}

Pop3Plan plan(const QByteArray &uidl, const QByteArray &list,
              const QHash<QString, StoredState> &stored, const SyncPolicy &policy)
{
    return Net::planSync(Net::parseListing(uidl, list), stored, policy, kNow);
}

SyncPolicy bodiesOnly()
{
    SyncPolicy p;
    p.headersFirst = false; // as tidings-cli syncs by default: no TOP before RETR
    return p;
}

} // namespace

class TestPop3Plan : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void listingIsJoinedByNumberAndSkipsGarbage()
    {
        const QList<Net::ServerEntry> entries = Net::parseListing(
            "1 uid-a\n\n2 uid-b\r\nnot a line\r\n0 uid-zero\r\n-3 uid-neg\r\n4 uid-d\r\n",
            "1 10\r\n2 20\r\n4\r\n");
        const QList<Net::ServerEntry> expected{
            {1, u"uid-a"_s, 10}, {2, u"uid-b"_s, 20}, {4, u"uid-d"_s, 0}};
        QCOMPARE(entries, expected);
    }

    void nothingStoredYetHeadersFirstThenEveryBody()
    {
        const Pop3Plan p = plan(kUidl, kList, {}, SyncPolicy());
        QCOMPARE(commands(p), (QStringList{u"C: TOP 1 0"_s, u"C: TOP 2 0"_s, u"C: TOP 3 0"_s,
                                           u"C: RETR 1"_s, u"C: RETR 2"_s, u"C: RETR 3"_s}));
        QCOMPARE(p.bodyBytes, 1200 + 5000 + 300000);
        QCOMPARE(p.alreadyStored, 0);
        QCOMPARE(p.bodiesLeft, 0);
        for (const Pop3Plan::Header &h : p.headers)
            QVERIFY(!h.alone); // each body follows in this sync
        QCOMPARE(commands(plan(kUidl, kList, {}, bodiesOnly())),
                 (QStringList{u"C: RETR 1"_s, u"C: RETR 2"_s, u"C: RETR 3"_s}));
    }

    void nothingNewSendsNothing()
    {
        const QHash<QString, StoredState> stored{
            {u"uid-a"_s, complete(1)}, {u"uid-b"_s, complete(2)}, {u"uid-c"_s, complete(3)}};
        const Pop3Plan p = plan(kUidl, kList, stored, SyncPolicy());
        QCOMPARE(commands(p), QStringList());
        QCOMPARE(p.alreadyStored, 3);
        QCOMPARE(p.bodyBytes, 0);
        QVERIFY(p.goneFromServer.isEmpty());
    }

    void leaveOnServerKeepsEvenVeryOldMail()
    {
        Types::AccountSettings account; // leave on server, never delete: the defaults
        const SyncPolicy policy = SyncPolicy::of(account);
        QCOMPARE(policy.deleteAfterDays, Net::kNeverDelete);
        const QHash<QString, StoredState> stored{{u"uid-a"_s, complete(3650)}};
        QCOMPARE(commands(plan(kUidl, kList, stored, policy)),
                 (QStringList{u"C: TOP 2 0"_s, u"C: TOP 3 0"_s, u"C: RETR 2"_s, u"C: RETR 3"_s}));
    }

    void deleteAfterNDaysDeletesWhatWasStoredThatLongAgo()
    {
        Types::AccountSettings account;
        account.deleteAfterDays = 7;
        SyncPolicy policy = SyncPolicy::of(account);
        policy.headersFirst = false;
        // Stored 10 days ago: goes; exactly 7: goes; 6: stays; the new one is fetched, not deleted.
        const QHash<QString, StoredState> stored{{u"uid-a"_s, complete(10)},
                                                 {u"uid-b"_s, complete(7)}};
        QCOMPARE(commands(plan(kUidl, kList, stored, policy)),
                 (QStringList{u"C: RETR 3"_s, u"C: DELE 1"_s, u"C: DELE 2"_s}));
        const QHash<QString, StoredState> younger{{u"uid-a"_s, complete(6)},
                                                  {u"uid-b"_s, complete(6)}};
        QCOMPARE(commands(plan(kUidl, kList, younger, policy)), QStringList{u"C: RETR 3"_s});
        // A headers-only row is not stored mail: never deleted for its age.
        const QHash<QString, StoredState> header{{u"uid-a"_s, {false, false, kNow - 100 * kDay}}};
        QVERIFY(!commands(plan(kUidl, kList, header, policy)).contains(u"C: DELE 1"_s));
    }

    void notLeavingOnServerDeletesEachBodyOnceStored()
    {
        Types::AccountSettings account;
        account.leaveOnServer = false;
        account.deleteAfterDays = 30; // ignored: not leaving means at once
        SyncPolicy policy = SyncPolicy::of(account);
        policy.headersFirst = false;
        QCOMPARE(policy.deleteAfterDays, 0);
        const QHash<QString, StoredState> stored{{u"uid-a"_s, complete(0)}};
        const Pop3Plan p = plan(kUidl, kList, stored, policy);
        QVERIFY(p.deleteBodiesOnceStored);
        QCOMPARE(commands(p), (QStringList{u"C: RETR 2"_s, u"C: RETR 3"_s, u"C: DELE 1"_s,
                                           u"C: DELE 2"_s, u"C: DELE 3"_s}));
    }

    void deletedHereIsNeverFetchedAndDeletedThereOnlyWhenAsked()
    {
        const QHash<QString, StoredState> stored{{u"uid-b"_s, deletedHere()}};
        SyncPolicy policy = bodiesOnly();
        Pop3Plan p = plan(kUidl, kList, stored, policy);
        QCOMPARE(commands(p), (QStringList{u"C: RETR 1"_s, u"C: RETR 3"_s}));
        QCOMPARE(p.alreadyStored, 1);
        policy.deleteWhenDeletedHere = true;
        p = plan(kUidl, kList, stored, policy);
        QCOMPARE(commands(p), (QStringList{u"C: RETR 1"_s, u"C: RETR 3"_s, u"C: DELE 2"_s}));
    }

    void sizeLimitLeavesBigBodiesWithTheirHeaders()
    {
        Types::AccountSettings account;
        account.sizeLimitKb = 100; // 102400 bytes: message 3 (300000) is over it
        SyncPolicy policy = SyncPolicy::of(account);
        QCOMPARE(policy.sizeLimitBytes, 100 * Net::kKilobyte);
        policy.headersFirst = false;
        const Pop3Plan p = plan(kUidl, kList, {}, policy);
        QCOMPARE(commands(p), (QStringList{u"C: TOP 3 0"_s, u"C: RETR 1"_s, u"C: RETR 2"_s}));
        QCOMPARE(p.bodiesLeft, 1);
        QCOMPARE(p.headers.size(), 1);
        QVERIFY(p.headers.first().alone); // no body follows: the header row is what search sees
        QCOMPARE(p.bodyBytes, 1200 + 5000);
        // Exactly at the limit is not over it.
        const Pop3Plan atLimit = plan("1 x\r\n", "1 102400\r\n", {}, policy);
        QCOMPARE(commands(atLimit), QStringList{u"C: RETR 1"_s});
    }

    void headersOnlyFetchesNoBody()
    {
        SyncPolicy policy;
        policy.headersOnly = true;
        const Pop3Plan p = plan(kUidl, kList, {}, policy);
        QCOMPARE(commands(p), (QStringList{u"C: TOP 1 0"_s, u"C: TOP 2 0"_s, u"C: TOP 3 0"_s}));
        QCOMPARE(p.bodiesLeft, 3);
        // Next time their header rows exist: nothing is fetched again.
        const QHash<QString, StoredState> stored{
            {u"uid-a"_s, headersOnly()}, {u"uid-b"_s, headersOnly()}, {u"uid-c"_s, headersOnly()}};
        QCOMPARE(commands(plan(kUidl, kList, stored, policy)), QStringList());
    }

    void fetchUidlsOverrideTheSizeLimitAndHeadersOnly()
    {
        SyncPolicy policy;
        policy.headersFirst = false;
        policy.sizeLimitBytes = 2048;
        policy.fetchUidls = {u"uid-c"_s}; // the user opened the big one
        const QHash<QString, StoredState> stored{{u"uid-c"_s, headersOnly()}};
        Pop3Plan p = plan(kUidl, kList, stored, policy);
        // uid-c has its header row already: its body only. uid-b is over the limit: header only.
        QCOMPARE(commands(p), (QStringList{u"C: TOP 2 0"_s, u"C: RETR 1"_s, u"C: RETR 3"_s}));
        policy.headersOnly = true;
        p = plan(kUidl, kList, stored, policy);
        QCOMPARE(commands(p), (QStringList{u"C: TOP 1 0"_s, u"C: TOP 2 0"_s, u"C: RETR 3"_s}));
    }

    void messagesGoneFromTheServerAreForgotten()
    {
        const QHash<QString, StoredState> stored{{u"uid-a"_s, complete(1)},
                                                 {u"uid-gone-2"_s, deletedHere()},
                                                 {u"uid-gone-1"_s, headersOnly()},
                                                 {u"uid-gone-3"_s, complete(5)}};
        const Pop3Plan p = plan(kUidl, kList, stored, bodiesOnly());
        QCOMPARE(p.goneFromServer,
                 (QStringList{u"uid-gone-1"_s, u"uid-gone-2"_s, u"uid-gone-3"_s}));
        QCOMPARE(p.onServer, (QSet<QString>{u"uid-a"_s, u"uid-b"_s, u"uid-c"_s}));
        QCOMPARE(commands(p), (QStringList{u"C: RETR 2"_s, u"C: RETR 3"_s}));
    }

    void duplicateUidlsAreFetchedAndDeletedOnce()
    {
        const QByteArray uidl = "1 uid-a\r\n2 uid-a\r\n3 uid-b\r\n4 uid-b\r\n";
        const QByteArray list = "1 10\r\n2 20\r\n3 30\r\n4 40\r\n";
        SyncPolicy policy = bodiesOnly();
        policy.deleteAfterDays = 0;
        const QHash<QString, StoredState> stored{{u"uid-b"_s, complete(1)}};
        const Pop3Plan p = plan(uidl, list, stored, policy);
        QCOMPARE(p.duplicates, 2);
        QCOMPARE(commands(p), (QStringList{u"C: RETR 1"_s, u"C: DELE 3"_s, u"C: DELE 1"_s}));
        QCOMPARE(p.bodyBytes, 10);
    }

    void emptyMailbox()
    {
        const QHash<QString, StoredState> stored{{u"uid-a"_s, complete(1)}};
        const Pop3Plan p = plan({}, {}, stored, SyncPolicy());
        QCOMPARE(commands(p), QStringList());
        QCOMPARE(p.goneFromServer, QStringList{u"uid-a"_s});
        QCOMPARE(p.onServer.size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestPop3Plan)
#include "tst_pop3plan.moc"
