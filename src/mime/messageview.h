// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Mime {

struct Address
{
    QString name;
    QString address;
};

struct Attachment
{
    QString filename;    // as the sender wrote it (decoded); sanitise before saving
    QString contentType; // "application/pdf"
    qint64 size = 0;     // decoded bytes; -1 when the part cannot be decoded
    QString contentId;   // without <>, empty if none
    bool isInline = false;
};

// What the reader shows of one stored message. Never holds vmime types.
struct MessageView
{
    QString subject;
    QList<Address> from;
    QList<Address> to;
    QList<Address> cc;
    QList<Address> replyTo;
    QDateTime date; // UTC; invalid when missing or unreadable
    QString messageId;
    std::optional<QString> text;
    std::optional<QString> html;
    QList<Attachment> attachments;
    QStringList warnings;
};

// Why a stored message cannot be shown (it stays stored as received).
enum class ReadError {
    None,
    CannotOpen,
    Empty,
    TooLarge,       // over Limits::kMaxMessageBytes
    HeaderTooLarge, // a header block over Limits::kMaxHeaderBytes
    TooDeep,        // multiparts nested over Limits::kMaxDepth
    NestedTooLarge, // nested parts over Limits::kMaxRescanBytes
    TooManyParts,   // over Limits::kMaxParts
    Malformed,      // vmime could not parse it
};

struct ReadResult
{
    std::optional<MessageView> view;
    ReadError kind = ReadError::None;
    QString error; // the specific reason, for the user (empty file, over which limit, ...)
};

// Reads a stored RFC 5322 message from a file, streamed through vmime
// (never the whole file in a string). Malformed input yields what can be read
// plus warnings; only an unreadable file or one over the bounds is an error.
ReadResult readMessage(const QString &path);
// What a caller that only indexes can leave out.
struct ReadOptions
{
    qint64 textLimit = -1;       // keep at most this many decoded bytes of each text body; -1 all
    bool attachmentSizes = true; // false: attachments listed with size 0, nothing decoded
};

// The same for a message (or a header alone) held in memory.
ReadResult readMessageData(const QByteArray &data, const ReadOptions &options = {});

// A name that is safe to create inside a folder: no path separators, no "..",
// no control characters, no Windows device names, not empty, at most 200 bytes.
QString sanitizeFileName(const QString &name);

// Decodes attachment `index` of the message into `directory` under its
// sanitised name (never overwriting: "name (2).ext"). Returns the path written.
QString extractAttachment(const QString &messagePath, int index, const QString &directory,
                          QString *error);

// Once per process, before any thread uses vmime (its platform handler).
void initialize();

} // namespace Mime
