// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

namespace Mime {

// What sending a stored message needs from it: the SMTP envelope from its headers, and the
// header block as it goes out (Bcc removed, CRLF line ends); the body is streamed from the
// file at bodyOffset, never read whole.
struct Envelope
{
    QString from;           // Sender, else the first From address
    QStringList recipients; // To, Cc and Bcc (groups expanded), each once (case-insensitive)
    QByteArray header;      // every field but Bcc, ending with the empty line
    qint64 bodyOffset = 0;  // where the body starts in the file
    qint64 fileSize = 0;
};

// nullopt with *error (in English) when the file cannot be read or its header is not one.
std::optional<Envelope> readEnvelope(const QString &path, QString *error);

// The header block without its Bcc fields (folded lines included), CRLF line ends.
QByteArray withoutBcc(const QByteArray &header);

} // namespace Mime
