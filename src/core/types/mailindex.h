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
    QString snippet;      // the start of the plain text
    QString body;         // for the full-text index only
    bool fullText = true; // false: no full-text row (a header row whose body follows in the same sync)
};

// What the local store knows of one UIDL of one account.
struct StoredState
{
    bool complete = false;    // the whole message is stored
    bool deletedHere = false; // the user deleted it here: never download it again
    qint64 stored = 0;        // Unix time it was stored (complete) or listed (headers only)
};

} // namespace Types
