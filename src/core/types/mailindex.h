// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace Types {

// What the message list shows and search finds of one message (or of its header alone).
struct MessageSummary
{
    QString subject;
    QString sender;
    QString recipients;
    qint64 date = 0; // Unix time, 0 if unknown
    bool hasAttachments = false;
    QString snippet; // the start of the plain text
    QString body;    // for the full-text index only
    // false: no full-text row (a header row whose body follows in the same sync)
    bool fullText = true;
    // The reader refused the message (hostile or broken structure): it stays stored as received
    // and is listed as unreadable. Both empty when it reads.
    QString unreadableKind; // a stable name of the refusal ("too-deep"), for the GUI to translate
    QString unreadable;     // the reader's reason, in English ("multiparts nested deeper than 50")
    // Threading (RFC 5322 3.6.4), each id without its angle brackets; empty when absent.
    QString messageId;
    QString inReplyTo;
    QStringList references; // oldest first: the first is the thread's root, the last the parent
};

// The folders of the local store. Inbox is per account; the others are local, shared by all
// accounts (Drafts, Outbox and Sent are filled by composing; Trash holds what was deleted here).
enum class FolderKind { Inbox = 0, Drafts = 1, Outbox = 2, Sent = 3, Trash = 4 };

// One folder with its counts, as the folder list shows it.
struct FolderInfo
{
    qint64 id = 0;
    FolderKind kind = FolderKind::Inbox;
    QString account; // the mailbox key of an Inbox (Types::mailboxKey); empty for local folders
    int total = 0;
    int unread = 0;
};

// What the local store knows of one UIDL of one account.
struct StoredState
{
    bool complete = false;    // the whole message is stored
    bool deletedHere = false; // the user deleted it here: never download it again
    qint64 stored = 0;        // Unix time it was stored (complete) or listed (headers only)
};

} // namespace Types
