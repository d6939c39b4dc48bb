// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

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
};

// What the local store knows of one UIDL of one account.
struct StoredState
{
    bool complete = false;    // the whole message is stored
    bool deletedHere = false; // the user deleted it here: never download it again
    qint64 stored = 0;        // Unix time it was stored (complete) or listed (headers only)
};

} // namespace Types
