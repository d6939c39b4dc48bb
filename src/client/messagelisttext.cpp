// SPDX-License-Identifier: GPL-3.0-or-later
#include "messagelisttext.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTimeZone>

namespace Client::ListText {

QString date(qint64 unixTime, const QDate &today)
{
    if (unixTime <= 0)
        return {};
    const QDateTime when = QDateTime::fromSecsSinceEpoch(unixTime).toLocalTime();
    const QLocale locale;
    if (when.date() == today)
        return locale.toString(when.time(), QLocale::ShortFormat);
    return locale.toString(when, QLocale::ShortFormat);
}

QString senderName(const QString &sender)
{
    const qsizetype open = sender.lastIndexOf(u'<');
    if (open > 0 && sender.endsWith(u'>')) {
        QString name = sender.left(open).trimmed();
        if (name.size() > 1 && name.startsWith(u'"') && name.endsWith(u'"'))
            name = name.mid(1, name.size() - 2);
        if (!name.isEmpty())
            return name;
        return sender.mid(open + 1, sender.size() - open - 2);
    }
    return sender;
}

QString subject(const QString &subject)
{
    return subject.isEmpty()
               ? QCoreApplication::translate("Client::MessageListModel", "(no subject)")
               : subject;
}

QString size(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

} // namespace Client::ListText
