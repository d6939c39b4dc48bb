// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QString>

namespace Client::ListText {

// What the message list writes in its cells (translated, in the user's locale).

// Local time; a message of today shows the time only.
QString date(qint64 unixTime, const QDate &today);
// "Name <address>" as the list shows it: the name, else the address.
QString senderName(const QString &sender);
QString subject(const QString &subject); // "(no subject)" for none
QString size(qint64 bytes);

} // namespace Client::ListText
