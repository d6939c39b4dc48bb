// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QStringList>

// Raw header reading for what vmime's view does not give (threading ids, delivery addresses),
// without parsing the message.
namespace Mime {

// The header block of a message (up to the first empty line), folded lines joined.
QList<QByteArray> unfoldedHeaderLines(const QByteArray &message);
// The <id> tokens of a header value, without their brackets (comments and junk between ignored).
QStringList messageIds(const QByteArray &value);

} // namespace Mime
