// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The index's tables, shared by opening, the migrations and the list's reader (store-internal).

#include <QString>

namespace Store::Schema {

// Index versions: 2 keys full-text rows by rowid; 3 keys messages by mailbox (user@host, no port);
// 4 records why the reader refused a message; 5 gives rows a stable id and a folder, and keeps
// the thread links; 6 adds the Outbox's sending state (see outgoing.h).
constexpr int kMailboxKeyVersion = 3;
constexpr int kUnreadableVersion = 4;
constexpr int kFoldersVersion = 5;
constexpr int kOutgoingVersion = 6;
constexpr int kLatestVersion = kOutgoingVersion;

// One row per message of the Outbox (the message's id); kept while it sits in Trash, so that a
// restore brings its state back, and removed when it leaves the Outbox or is deleted for good.
constexpr auto kOutgoingTable =
    "CREATE TABLE IF NOT EXISTS outgoing (message INTEGER PRIMARY KEY, account TEXT NOT NULL,"
    " state INTEGER NOT NULL, not_before INTEGER NOT NULL DEFAULT 0,"
    " attempts INTEGER NOT NULL DEFAULT 0, error_kind TEXT, error_code INTEGER NOT NULL DEFAULT 0,"
    " error_text TEXT, error_detail TEXT, refused TEXT)";

// The messages table as of version 5 (%1: its name). id is the old rowid, kept by the
// migration: the full-text rows are keyed by it. folder is NULL for a tombstone (deleted here,
// remembered so it is never downloaded again). thread_key, parent_key and root_key are
// threadKey() of the Message-ID, of the parent (last of References, else In-Reply-To) and of
// the thread's root (first of References): integers make threading 100,000 rows cheap.
inline QString messagesTable(const QString &name)
{
    return QStringLiteral(
               "CREATE TABLE IF NOT EXISTS %1 (id INTEGER PRIMARY KEY, account TEXT NOT NULL,"
               " uidl TEXT NOT NULL, path TEXT NOT NULL, size INTEGER NOT NULL,"
               " stored INTEGER NOT NULL, subject TEXT, sender TEXT, recipients TEXT,"
               " date INTEGER, has_attachments INTEGER, snippet TEXT,"
               " complete INTEGER NOT NULL DEFAULT 1, deleted INTEGER NOT NULL DEFAULT 0,"
               " header BLOB, flags INTEGER NOT NULL DEFAULT 0, unreadable_kind TEXT,"
               " unreadable TEXT, folder INTEGER, origin_folder INTEGER, message_id TEXT,"
               " in_reply_to TEXT, refs TEXT, thread_key INTEGER, parent_key INTEGER,"
               " root_key INTEGER, UNIQUE (account, uidl))")
        .arg(name);
}

// Searches shorter than a trigram (see shortterms.h), keyed by the message's id.
constexpr auto kShortTable =
    "CREATE VIRTUAL TABLE messages_short USING fts5(terms, tokenize = 'unicode61')";

// One index per sortable column, each led by the folder, so that a folder's list in any
// order is a walk of one index (the row id, last in every index, breaks ties). The ORDER BY
// terms of Store::MessageList match these expressions exactly, or SQLite would sort.
constexpr const char *kIndexes[] = {
    "CREATE INDEX IF NOT EXISTS messages_by_date ON messages (folder, date)",
    "CREATE INDEX IF NOT EXISTS messages_by_size ON messages (folder, size)",
    "CREATE INDEX IF NOT EXISTS messages_by_sender ON messages (folder, sender COLLATE NOCASE)",
    "CREATE INDEX IF NOT EXISTS messages_by_subject ON messages (folder, subject COLLATE NOCASE)",
    "CREATE INDEX IF NOT EXISTS messages_by_flag ON messages (folder, (flags & 2), date)",
    "CREATE INDEX IF NOT EXISTS messages_by_attachment ON messages (folder, has_attachments, date)",
    // Unread counts per folder without reading the rows.
    "CREATE INDEX IF NOT EXISTS messages_by_seen ON messages (folder, (flags & 1))",
};

// A Message-ID as a positive 63-bit integer (FNV-1a); 0 for none. Stable across versions and
// platforms, unlike qHash: it is stored.
inline qint64 threadKey(const QString &messageId)
{
    if (messageId.isEmpty())
        return 0;
    quint64 h = 14695981039346656037ULL;
    for (const char c : messageId.toUtf8()) {
        h ^= quint8(c);
        h *= 1099511628211ULL;
    }
    h &= 0x7fffffffffffffffULL;
    return h == 0 ? 1 : qint64(h);
}

} // namespace Store::Schema
