// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

class QIODevice;

// What a message view needs beyond MessageView: the bytes of the parts the
// HTML body embeds (cid:), how the plain text is formatted, and the decoded
// bytes of any entry of MessageView::attachments (the same order and index).
namespace Mime {

namespace PartLimits {
constexpr qint64 kMaxInlinePartBytes = 10LL * 1024 * 1024;  // one embedded image
constexpr qint64 kMaxInlineTotalBytes = 32LL * 1024 * 1024; // all of one message's
constexpr int kMaxInlineParts = 200;
} // namespace PartLimits

struct InlinePart
{
    QString contentId; // without <>
    QString contentType;
    QByteArray data; // decoded
};

struct DisplayParts
{
    bool flowed = false;           // the plain text body is text/plain; format=flowed
    bool delSp = false;            // ... with DelSp=yes
    QList<InlinePart> inlineParts; // within PartLimits; larger ones are left out
    QStringList warnings;          // what was left out and why
    QString error;                 // the message cannot be parsed at all
};

// Reads the message at `path` (the same bounds and parse as readMessage).
DisplayParts readDisplayParts(const QString &path);

// Decodes entry `index` of readMessage(path).attachments into `out`, streamed.
bool writeViewAttachment(const QString &path, int index, QIODevice &out, QString *error);

// The same into `directory` as sanitizeFileName(`name`), never overwriting an
// existing file ("name (2).ext"). Returns the path written, empty on failure.
QString saveViewAttachment(const QString &path, int index, const QString &directory,
                           const QString &name, QString *error);

} // namespace Mime
