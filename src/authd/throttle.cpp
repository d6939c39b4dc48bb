// SPDX-License-Identifier: GPL-3.0-or-later
#include "throttle.h"

#include <QHostAddress>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Authd::Throttle {

QString addressKey(const QHostAddress &address)
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

qint64 lockSeconds(int failures)
{
    if (failures < freeFailures)
        return 0;
    const int doublings = qMin(failures - freeFailures, 7);
    return qMin(maxLockSeconds, firstLockSeconds << doublings);
}

} // namespace Authd::Throttle
