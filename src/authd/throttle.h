// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QString>

namespace Authd {

// Failure throttling across connections (PROTOCOL.md "Failure and lockout"):
// after `freeFailures` failures for one account or one peer address within
// the window, that key is locked for a delay that doubles with each further
// failure (capped). A success clears the account and the address.
class Throttle
{
public:
    static constexpr int freeFailures = 5;
    static constexpr qint64 windowSeconds = 15 * 60;
    static constexpr qint64 firstLockSeconds = 30;
    static constexpr qint64 maxLockSeconds = 3600;

    // Seconds until user or address may try again; 0 when allowed.
    qint64 retryAfter(const QString &user, const QString &address, qint64 now) const;
    void recordFailure(const QString &user, const QString &address, qint64 now);
    void recordSuccess(const QString &user, const QString &address);

private:
    struct Entry
    {
        int failures = 0;
        qint64 firstFailure = 0;
        qint64 lockedUntil = 0;
    };
    void fail(QHash<QString, Entry> &table, const QString &key, qint64 now);
    QHash<QString, Entry> m_users;
    QHash<QString, Entry> m_addresses;
};

} // namespace Authd
