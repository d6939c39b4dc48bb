// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QHostAddress;

namespace Authd {

// The failure-throttling rule (PROTOCOL.md "Failure and lockout"): after
// `freeFailures` failures for one account or one peer address within the
// window, that key is locked for a delay that doubles with each further
// failure (capped). A success clears the account's count, never the
// address's: a guesser who also knows one password must not reset his own
// address. The counters live in the database (UserDatabase), so that every
// instance sharing it counts every failure and honours every lock.
namespace Throttle {

inline constexpr int freeFailures = 5;
inline constexpr qint64 windowSeconds = 15 * 60;
inline constexpr qint64 firstLockSeconds = 30;
inline constexpr qint64 maxLockSeconds = 3600;

// The key an address is counted under: IPv4 as is (IPv4-mapped IPv6
// too), IPv6 by its /64, the smallest block one subscriber gets.
QString addressKey(const QHostAddress &address);

// How long a key with this many failures in the window stays locked (0: not locked).
qint64 lockSeconds(int failures);

} // namespace Throttle

} // namespace Authd
