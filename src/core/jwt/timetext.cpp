// SPDX-License-Identifier: GPL-3.0-or-later
#include "timetext.h"

#include <QCoreApplication>
#include <QDateTime>

using namespace Qt::StringLiterals;

namespace Jwt {

namespace {

// Runtime lookup of texts marked below with QT_TRANSLATE_NOOP or translate().
QString translated(const char *text)
{
    return QCoreApplication::translate("Jwt::TimeText", text);
}

QDateTime dateTime(qint64 unix)
{
    return QDateTime::fromSecsSinceEpoch(unix, Qt::UTC);
}

} // namespace

QString utcText(qint64 unix)
{
    const QDateTime dt = dateTime(unix);
    return dt.isValid() ? dt.toString(u"yyyy-MM-ddTHH:mm:ssZ"_s) : QCoreApplication::translate("Jwt::TimeText", "out of range");
}

QString localText(qint64 unix)
{
    const QDateTime local = dateTime(unix).toLocalTime();
    // A fixed offset makes ISO 8601 carry it ("+08:00"); plain local time would not.
    const QDateTime dt = local.toOffsetFromUtc(local.offsetFromUtc());
    return dt.isValid() ? dt.toString(Qt::ISODate) : QCoreApplication::translate("Jwt::TimeText", "out of range");
}

QString durationText(qint64 seconds)
{
    seconds = qAbs(seconds);
    auto unit = [](qint64 n, const char *one, const char *many) -> QString {
        return n == 1 ? translated(one) : translated(many).arg(n);
    };
    if (seconds < 60)
        return unit(seconds, QT_TRANSLATE_NOOP("Jwt::TimeText", "1 second"),
                    QT_TRANSLATE_NOOP("Jwt::TimeText", "%1 seconds"));
    if (seconds < 3600)
        return unit(seconds / 60, QT_TRANSLATE_NOOP("Jwt::TimeText", "1 min"),
                    QT_TRANSLATE_NOOP("Jwt::TimeText", "%1 min"));
    if (seconds < 48 * 3600)
        return unit(seconds / 3600, QT_TRANSLATE_NOOP("Jwt::TimeText", "1 hour"),
                    QT_TRANSLATE_NOOP("Jwt::TimeText", "%1 hours"));
    if (seconds < 730 * 86400)
        return unit(seconds / 86400, QT_TRANSLATE_NOOP("Jwt::TimeText", "1 day"),
                    QT_TRANSLATE_NOOP("Jwt::TimeText", "%1 days"));
    return unit(seconds / (365 * 86400), QT_TRANSLATE_NOOP("Jwt::TimeText", "1 year"),
                QT_TRANSLATE_NOOP("Jwt::TimeText", "%1 years"));
}

QString relativeText(const QString &claim, qint64 unix, qint64 now)
{
    const bool future = unix > now;
    const QString span = durationText(unix - now);
    if (unix == now)
        return QCoreApplication::translate("Jwt::TimeText", "now");
    if (claim == u"exp"_s)
        return future ? QCoreApplication::translate("Jwt::TimeText", "expires in %1").arg(span) : QCoreApplication::translate("Jwt::TimeText", "expired %1 ago").arg(span);
    if (claim == u"nbf"_s)
        return future ? QCoreApplication::translate("Jwt::TimeText", "valid in %1").arg(span) : QCoreApplication::translate("Jwt::TimeText", "valid since %1 ago").arg(span);
    if (claim == u"iat"_s)
        return future ? QCoreApplication::translate("Jwt::TimeText", "issued in %1 (in the future)").arg(span)
                      : QCoreApplication::translate("Jwt::TimeText", "issued %1 ago").arg(span);
    return future ? QCoreApplication::translate("Jwt::TimeText", "in %1").arg(span) : QCoreApplication::translate("Jwt::TimeText", "%1 ago").arg(span);
}

} // namespace Jwt
