// SPDX-License-Identifier: GPL-3.0-or-later
#include "throttle.h"

#include <QHostAddress>

#include <algorithm>
#include <vector>

using namespace Qt::StringLiterals;

namespace Authd {

namespace {
// Evicting a tenth at once keeps a flood of new names at O(1) amortised per failure.
constexpr qsizetype evictionDivisor = 10;
} // namespace

Throttle::Throttle(qsizetype maxEntries)
    : m_maxEntries(qMax<qsizetype>(1, maxEntries))
{}

QString Throttle::addressKey(const QHostAddress &address)
{
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    if (isV4)
        return QHostAddress(v4).toString();
    if (address.protocol() != QAbstractSocket::IPv6Protocol)
        return address.toString();
    Q_IPV6ADDR bytes = address.toIPv6Address();
    std::fill(bytes.c + 8, bytes.c + 16, quint8(0));
    return QHostAddress(bytes).toString() + u"/64"_s;
}

qint64 Throttle::retryAfter(const QString &user, const QString &address, qint64 now) const
{
    const qint64 a = user.isEmpty() ? 0 : m_users.value(user).lockedUntil - now;
    const qint64 b = m_addresses.value(address).lockedUntil - now;
    return qMax<qint64>(0, qMax(a, b));
}

void Throttle::makeRoom(Table &table, qint64 now) const
{
    // Candidates: entries not locked now, oldest last failure first. A live lock is never dropped.
    std::vector<std::pair<qint64, QString>> unlocked;
    unlocked.reserve(size_t(table.size()));
    for (auto it = table.cbegin(); it != table.cend(); ++it)
        if (it.value().lockedUntil <= now)
            unlocked.emplace_back(it.value().lastFailure, it.key());
    const size_t drop =
        std::min(unlocked.size(), size_t(qMax<qsizetype>(1, m_maxEntries / evictionDivisor)));
    std::nth_element(unlocked.begin(), unlocked.begin() + qsizetype(drop), unlocked.end());
    for (size_t i = 0; i < drop; ++i)
        table.remove(unlocked[i].second);
}

void Throttle::fail(Table &table, const QString &key, qint64 now)
{
    if (!table.contains(key) && table.size() >= m_maxEntries)
        makeRoom(table, now);
    Entry &e = table[key];
    if (now - e.firstFailure > windowSeconds && e.lockedUntil <= now)
        e = Entry{0, now, now, 0};
    ++e.failures;
    e.lastFailure = now;
    if (e.failures >= freeFailures) {
        const int extra = qMin(e.failures - freeFailures, 7);
        e.lockedUntil = now + qMin(maxLockSeconds, firstLockSeconds << extra);
    }
}

void Throttle::recordFailure(const QString &user, const QString &address, qint64 now)
{
    if (!user.isEmpty())
        fail(m_users, user, now);
    fail(m_addresses, address, now);
}

void Throttle::recordSuccess(const QString &user)
{
    m_users.remove(user);
}

} // namespace Authd
