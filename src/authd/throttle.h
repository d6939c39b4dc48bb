// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QString>

class QHostAddress;

namespace Authd {

// Failure throttling across connections (PROTOCOL.md "Failure and lockout"):
// after `freeFailures` failures for one account or one peer address within
// the window, that key is locked for a delay that doubles with each further
// failure (capped). A success clears the account's count, never the
// address's: a guesser who also knows one password must not reset his own
// address. Memory is bounded without forgetting a live lock: when a table is
// full, the oldest unlocked entries go first.
class Throttle
{
public:
    static constexpr int freeFailures = 5;
    static constexpr qint64 windowSeconds = 15 * 60;
    static constexpr qint64 firstLockSeconds = 30;
    static constexpr qint64 maxLockSeconds = 3600;
    static constexpr qsizetype defaultMaxEntries = 100000; // per table

    explicit Throttle(qsizetype maxEntries = defaultMaxEntries);

    // The key an address is counted under: IPv4 as is (IPv4-mapped IPv6
    // too), IPv6 by its /64, the smallest block one subscriber gets.
    static QString addressKey(const QHostAddress &address);

    // Seconds until user or address may try again; 0 when allowed.
    qint64 retryAfter(const QString &user, const QString &address, qint64 now) const;
    // An empty user counts for the address only (a resume with a bad token).
    void recordFailure(const QString &user, const QString &address, qint64 now);
    void recordSuccess(const QString &user);

    qsizetype userEntries() const { return m_users.size(); }
    qsizetype addressEntries() const { return m_addresses.size(); }

private:
    struct Entry
    {
        int failures = 0;
        qint64 firstFailure = 0;
        qint64 lastFailure = 0;
        qint64 lockedUntil = 0;
    };
    using Table = QHash<QString, Entry>;
    void fail(Table &table, const QString &key, qint64 now);
    void makeRoom(Table &table, qint64 now) const;

    qsizetype m_maxEntries;
    Table m_users;
    Table m_addresses;
};

} // namespace Authd
