// SPDX-License-Identifier: GPL-3.0-or-later
#include "throttle.h"

namespace Authd {

qint64 Throttle::retryAfter(const QString &user, const QString &address, qint64 now) const
{
    const qint64 a = m_users.value(user).lockedUntil - now;
    const qint64 b = m_addresses.value(address).lockedUntil - now;
    return qMax<qint64>(0, qMax(a, b));
}

void Throttle::fail(QHash<QString, Entry> &table, const QString &key, qint64 now)
{
    if (table.size() > 100000 && !table.contains(key))
        table.clear(); // bounded memory under a flood of distinct names; locks restart
    Entry &e = table[key];
    if (now - e.firstFailure > windowSeconds && e.lockedUntil <= now)
        e = Entry{0, now, 0};
    ++e.failures;
    if (e.failures >= freeFailures) {
        const int extra = qMin(e.failures - freeFailures, 7);
        e.lockedUntil = now + qMin(maxLockSeconds, firstLockSeconds << extra);
    }
}

void Throttle::recordFailure(const QString &user, const QString &address, qint64 now)
{
    fail(m_users, user, now);
    fail(m_addresses, address, now);
}

void Throttle::recordSuccess(const QString &user, const QString &address)
{
    m_users.remove(user);
    m_addresses.remove(address);
}

} // namespace Authd
