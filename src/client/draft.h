// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace Client {

// A file that goes with a message: an attachment, or an image the HTML shows through "cid:".
struct DraftFile
{
    QString path;        // on disk; streamed when the message is built, never read whole
    QString name;        // the file name the recipient sees (may be Chinese)
    QString contentType; // "application/pdf"; empty: guessed from the name and content
    qint64 size = 0;
    QString contentId;   // inline images only: what the HTML's "cid:" names (without <>)
};

// What the compose window holds: enough to build the message, to save it as a draft and to
// open it again. Addresses are as typed ("Name <a@b>", one per entry); Mime::parseAddressList
// checks them.
struct Draft
{
    qint64 storeId = 0;   // its current copy in Drafts (or Outbox for Edit); 0: never saved
    QString accountId;    // Types::AccountSettings::id of the identity it is sent from
    QStringList to;
    QStringList cc;
    QStringList bcc;
    QString subject;
    bool rich = true;     // HTML (with a plain-text alternative) or plain text only
    QString html;         // the editor's HTML when rich
    QString text;         // the plain text when not rich
    QList<DraftFile> attachments;
    QList<DraftFile> inlineImages; // rich only
    // A reply: the parent's Message-ID and its References (RFC 5322 3.6.4), without <>.
    QString inReplyTo;
    QStringList references;

    bool isEmpty() const
    {
        return to.isEmpty() && cc.isEmpty() && bcc.isEmpty() && subject.isEmpty() && html.isEmpty() &&
               text.isEmpty() && attachments.isEmpty();
    }
};

} // namespace Client
