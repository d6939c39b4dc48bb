// SPDX-License-Identifier: GPL-3.0-or-later
// The lockout table: bounded, yet a flood of made-up names never frees a live lock.
#include "throttle.h"

#include <QHostAddress>
#include <QTest>

using namespace Qt::StringLiterals;
using Authd::Throttle;

class TestThrottle : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void locksAfterFreeFailures()
    {
        Throttle t;
        for (int i = 0; i < Throttle::freeFailures - 1; ++i)
            t.recordFailure(u"bob"_s, u"10.0.0.1"_s, 1000);
        QCOMPARE(t.retryAfter(u"bob"_s, u"10.0.0.9"_s, 1000), 0);
        t.recordFailure(u"bob"_s, u"10.0.0.1"_s, 1000);
        QCOMPARE(t.retryAfter(u"bob"_s, u"10.0.0.9"_s, 1000), Throttle::firstLockSeconds);
        QCOMPARE(t.retryAfter(u"eve"_s, u"10.0.0.1"_s, 1010), Throttle::firstLockSeconds - 10);
    }

    void floodOfNamesKeepsLiveLocks()
    {
        Throttle t(1000);
        for (int i = 0; i < Throttle::freeFailures; ++i)
            t.recordFailure(u"victim"_s, u"10.0.0.1"_s, 5000);
        QVERIFY(t.retryAfter(u"victim"_s, u"10.9.9.9"_s, 5001) > 0);
        // 100,000 made-up names from many addresses: the tables stay bounded...
        for (int i = 0; i < 100000; ++i)
            t.recordFailure(u"made-up-%1"_s.arg(i), u"10.1.%1.%2"_s.arg(i / 250).arg(i % 250),
                            5001);
        QVERIFY(t.userEntries() <= 1000);
        QVERIFY(t.addressEntries() <= 1000);
        // ...and the victim's lock and the first address's lock hold.
        QVERIFY(t.retryAfter(u"victim"_s, u"10.9.9.9"_s, 5002) > 0);
        QVERIFY(t.retryAfter(u"anyone"_s, u"10.0.0.1"_s, 5002) > 0);
    }

    void oldestUnlockedGoFirst()
    {
        Throttle t(10);
        for (int i = 0; i < Throttle::freeFailures - 1; ++i)
            t.recordFailure(u"old"_s, u"a"_s, 100); // one short of a lock, the oldest entry
        for (int i = 0; i < 9; ++i)
            t.recordFailure(u"n%1"_s.arg(i), u"b%1"_s.arg(i), 200 + i);
        t.recordFailure(u"new"_s, u"c"_s, 300); // the table is full: "old" goes
        t.recordFailure(u"old"_s, u"d"_s, 301); // had it stayed, this would lock it
        QCOMPARE(t.retryAfter(u"old"_s, u"e"_s, 301), 0);
        QVERIFY(t.userEntries() <= 10);
    }

    void successClearsTheAccountNotTheAddress()
    {
        Throttle t;
        for (int i = 0; i < Throttle::freeFailures; ++i)
            t.recordFailure(u"bob"_s, u"10.0.0.1"_s, 1000);
        t.recordSuccess(u"bob"_s);
        QCOMPARE(t.retryAfter(u"bob"_s, u"10.0.0.2"_s, 1001), 0);
        QVERIFY(t.retryAfter(u"alice"_s, u"10.0.0.1"_s, 1001) > 0);
    }

    void lockDoublesAndIsCapped()
    {
        Throttle t;
        qint64 last = 0;
        for (int i = 0; i < Throttle::freeFailures + 20; ++i) {
            t.recordFailure(u"bob"_s, u"a"_s, 1000);
            last = t.retryAfter(u"bob"_s, u"z"_s, 1000);
        }
        QCOMPARE(last, Throttle::maxLockSeconds);
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
        Throttle t;
        for (int i = 0; i < Throttle::freeFailures; ++i)
            t.recordFailure(u"u%1"_s.arg(i),
                            Throttle::addressKey(QHostAddress(u"2001:db8:1:2::%1"_s.arg(i + 1))),
                            1000);
        QVERIFY(t.retryAfter(u"x"_s, b, 1000) > 0);
    }
};

QTEST_GUILESS_MAIN(TestThrottle)
#include "tst_throttle.moc"
