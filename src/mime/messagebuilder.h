// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mime/messageview.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

class QIODevice;

namespace Mime {

// A file of an outgoing message, streamed from disk while the message is written.
struct OutgoingFile
{
    QString path;
    QString filename;    // what the recipient sees; RFC 2231 encoded when not ASCII
    QString contentType; // empty: guessed from the name, then the content
    QString contentId;   // inline images: referenced from the HTML as "cid:<contentId>"
};

// Everything a message made here consists of. No vmime type appears here.
struct OutgoingMessage
{
    Address from;
    QList<Address> to;
    QList<Address> cc;
    QList<Address> bcc;     // written only when keepBcc (drafts); never in what is sent
    QList<Address> replyTo;
    QString subject;        // RFC 2047 encoded when not ASCII
    std::optional<QString> text; // without html: text/plain only
    std::optional<QString> html; // with it, multipart/alternative (text made from the HTML if absent)
    QList<OutgoingFile> inlineImages; // multipart/related with the HTML
    QList<OutgoingFile> attachments;  // multipart/mixed
    QString messageId;      // without <>; empty: a new one on the sender's domain
    QDateTime date;         // invalid: now
    QString inReplyTo;      // without <>
    QStringList references; // without <>, oldest first
    bool keepBcc = false;
};

struct BuildResult
{
    bool ok = false;
    QString error;     // in English: which file could not be read, which address is invalid
    QString messageId; // the one written, without <>
    qint64 size = 0;   // bytes written
};

// Writes the message as RFC 5322 with CRLF line ends: quoted-printable text, base64 files (read
// from disk in blocks), RFC 2047 headers and RFC 2231 file names, no 8-bit header (VMIME-NOTES:
// never SMTPUTF8 raw headers), MIME-Version, Date and Message-ID always.
BuildResult buildMessage(const OutgoingMessage &message, QIODevice &out);

// "<random>@<domain of senderAddress>": never the local host name.
QString makeMessageId(const QString &senderAddress);

// A readable text/plain for an HTML body: paragraphs and line breaks kept, lists as "- " and
// "1. ", block quotes as "> ", links as "text <url>", no markup or entities left.
QString plainTextFromHtml(const QString &html);

// The src attribute of every <img> of the HTML, in order, as written (entities decoded).
QStringList imageSources(const QString &html);
// The HTML with every <img src="..."> whose src is a key of contentIds pointing at
// "cid:<value>" instead (the files a message embeds as inline images); the rest stays as written.
QString replaceImageSources(const QString &html, const QHash<QString, QString> &contentIds);

// An address list as typed or pasted ("Ann <a@x>, 张三 <z@y>; b@z", one per line too): each
// entry parsed as RFC 5322 (display names quoted or not, Chinese too); what does not parse is
// returned in invalid, exactly as typed.
struct AddressList
{
    QList<Address> valid;
    QStringList invalid;
};
AddressList parseAddressList(const QString &text);
// One address (no name): exactly one @, a local part we can send without SMTPUTF8 (ASCII), a
// domain with a dot (or "localhost"), Chinese domains allowed (sent in their IDNA form).
bool isValidAddress(const QString &address);
// "Name <a@b>" for display and for the address fields (the name quoted when RFC 5322 needs it).
QString formatAddress(const Address &address);

// A saved message (a draft, or one in the Outbox) read back for editing: addresses (Bcc too),
// subject, bodies, threading headers; its attachments and inline images written as files into
// fileDirectory (names made safe, never outside it). nullopt with *error when it cannot be read.
std::optional<OutgoingMessage> readOutgoing(const QString &path, const QString &fileDirectory,
                                            QString *error);

} // namespace Mime
