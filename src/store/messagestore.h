// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/types/mailindex.h"
#include "store/outgoing.h"

#include <QByteArray>
#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <memory>
#include <optional>
#include <vector>

#include <functional>

class QSqlDatabase;
class QSqlQuery;

namespace Store {

using MessageSummary = Types::MessageSummary;
using StoredState = Types::StoredState;
using FolderKind = Types::FolderKind;
using FolderInfo = Types::FolderInfo;

// One message of the index, as search and the listing return it.
struct SearchHit
{
    QString account;
    QString uidl;
    QString subject;
    QString path;         // the message file (a headers-only row has none: the Maildir)
    bool complete = true; // false: headers only, the body is still on the server
    // The reader refused it (see Types::MessageSummary): both empty when it reads.
    QString unreadableKind;
    QString unreadable;
};

// The local mail store: one Maildir plus an SQLite index (WAL) that records,
// per mailbox (Types::mailboxKey: user and host, not port), which UIDLs are
// safely on disk. A message counts as stored only
// after its file is fsync'ed, renamed into new/ and its row committed; its
// file name derives from account and UIDL, so re-downloading after a crash
// overwrites instead of duplicating.
//
// Every message has an id (the row's INTEGER PRIMARY KEY, the same across syncs and restarts)
// and a folder: its account's Inbox when it arrives, Trash when deleted here (until restored
// or deleted for good), or a local folder (Drafts, Outbox, Sent) for mail made here.
class MessageStore
{
public:
    explicit MessageStore(const QString &directory);
    ~MessageStore();

    bool open(QString *error);
    // True when the whole message is stored, or the user deleted it here.
    bool contains(const QString &account, const QString &uidl) const;
    QHash<QString, StoredState> states(const QString &account) const;
    // Returns the file written, or empty with *error.
    QString add(const QString &account, const QString &uidl, const QByteArray &message,
                QString *error, const MessageSummary &summary = {});
    // Group commit: between beginGroup() and commitGroup() added messages are
    // written but count as stored only after commitGroup() has made the whole
    // group durable at once (one syncfs, one directory fsync, one SQLite
    // commit) instead of paying two fsyncs per message.
    // Headers only (TOP n 0, or over the size limit): a row for the list and
    // search, the header kept in the index (not in the Maildir) until the body
    // comes. Never replaces a complete message. Header rows need no durability.
    bool addHeaders(const QString &account, const QString &uidl, qint64 size,
                    const QByteArray &header, QString *error, const MessageSummary &summary = {});
    QByteArray headerOf(const QString &account, const QString &uidl) const; // of a headers-only row
    // The user deleted the message here: the file goes, a tombstone stays so
    // that it is never downloaded again (and may be deleted on the server).
    bool removeHere(const QString &account, const QString &uidl, QString *error);
    // Tombstones and header rows of UIDLs no longer on the server.
    void forgetMissing(const QString &account, const QSet<QString> &onServer);
    void beginGroup();
    bool commitGroup(QString *error);
    int pendingInGroup() const { return int(m_pending.size()); }
    // The last add() or commitGroup() failed for lack of space (ENOSPC, ERROR_DISK_FULL): the
    // system's code, not its text, which differs per system and language.
    bool lastFailureWasDiskFull() const { return m_diskFull; }

    // Full-text search (SQLite FTS5) over subject, sender and body.
    QList<SearchHit> search(const QString &text) const;
    // Every message not deleted here (complete or headers only), oldest first.
    QList<SearchHit> messages() const;
    bool hasFullTextIndex() const { return m_fts; }
    int count(const QString &account) const;
    QStringList paths(const QString &account) const; // complete messages

    // What the user did with a message here (never sent to a POP3 server, which has no flags).
    enum Flag { Seen = 1, Flagged = 2, Answered = 4 };
    int flags(const QString &account,
              const QString &uidl) const; // -1 when there is no such message
    bool setFlags(const QString &account, const QString &uidl, int flags);
    QString pathOf(const QString &account, const QString &uidl) const; // the message file, or empty
    QString maildir() const { return m_directory + QStringLiteral("/Maildir"); }
    QString indexPath() const { return m_directory + QStringLiteral("/index.sqlite"); }

    // Folders (see folders.cpp). An account's Inbox is made when first asked for or filled.
    qint64 folderId(FolderKind kind, const QString &account = {});
    // Every folder with its counts: the Inboxes by account, then Drafts, Outbox, Sent, Trash.
    QList<FolderInfo> folders() const;
    // A message made here (a draft, an outgoing or sent message) into a local folder, durable
    // and marked read; returns its id, 0 with *error.
    qint64 addLocal(FolderKind folder, const QByteArray &message, const MessageSummary &summary,
                    QString *error);
    // Delete here: into Trash, remembering the folder each came from. Returns the ids moved
    // (those not already in Trash), which restore() takes back.
    QList<qint64> moveToTrash(const QList<qint64> &ids, QString *error);
    QList<qint64> restore(const QList<qint64> &ids, QString *error);
    // Deletes messages in Trash for good: files removed; a POP3 message leaves a tombstone, so it
    // is never downloaded again (and is deleted on the server when the account says so).
    // Returns how many went, -1 with *error.
    int deleteForGood(const QList<qint64> &ids, QString *error);
    int emptyTrash(QString *error);
    // Sets or clears a flag (Seen, Flagged) on each message; false with *error.
    bool setFlag(const QList<qint64> &ids, Flag flag, bool on, QString *error);

    // Mail made here, from files (see outgoing.cpp). A message is written by its maker into
    // newTempPath() (the Maildir's tmp/, so that the rename into new/ is atomic) and fsync'ed;
    // the store renames it in and never reads it into memory.
    QString newTempPath() const;
    // file into a local folder (Drafts, Outbox, Sent), durable, marked read; with outgoing (and
    // folder Outbox) its sending state in the same transaction. Its id, 0 with *error (the file
    // is then left where it was).
    qint64 addLocalFile(FolderKind folder, const QString &file, const MessageSummary &summary,
                        QString *error, const Outgoing *outgoing = nullptr);
    // The same, replacing the local message oldId (a draft saved again, a draft sent): the new
    // copy is durable before the old row goes, both in one transaction; the old file is removed
    // after the commit. oldId 0 (or one that no longer exists) simply adds.
    qint64 replaceLocal(qint64 oldId, FolderKind folder, const QString &file,
                        const MessageSummary &summary, QString *error,
                        const Outgoing *outgoing = nullptr);
    // Moves a local message between Drafts, Outbox and Sent (Sent: marked read). Leaving the
    // Outbox drops its sending state; entering it needs outgoing. False with *error.
    bool moveLocal(qint64 id, FolderKind to, QString *error, const Outgoing *outgoing = nullptr);
    // A local message deleted for good (a discarded draft): row, sending state and file.
    bool deleteLocal(qint64 id, QString *error);
    // The folder kind of a message by id; nullopt when there is none (or it is a tombstone).
    std::optional<FolderKind> folderKindOf(qint64 id) const;
    QString pathOfId(qint64 id) const; // its file, or empty
    // The sending state of the messages in the Outbox (not those in Trash), oldest first;
    // empty account: of every account.
    QList<Outgoing> outgoing(const QString &account = {}) const;
    std::optional<Outgoing> outgoingOf(qint64 id) const; // only while it is in the Outbox
    bool setOutgoing(const Outgoing &state, QString *error); // of a message in the Outbox
    // Every "sender" and "recipients" text of the index with how often it occurs (one query,
    // grouped by SQLite): what an address book is made of.
    QList<std::pair<QString, int>> correspondents() const;

private:
    QString m_directory;
    QString m_connection;
    bool m_fts = false;
    bool m_grouping = false;
    bool m_diskFull = false;
    struct Pending
    {
        QString tmp;
        QString target;
    };
    std::vector<Pending> m_pending;
    struct Statements; // prepared once: re-preparing per message cost more than the insert
    std::unique_ptr<Statements> m_statements;
    QHash<QString, qint64> m_inboxes; // account -> its Inbox's folder id
    // Writes the file and its row (into folder; the account's Inbox when 0); returns the file.
    QString write(const QString &account, const QString &uidl, const QByteArray &message,
                  qint64 folder, const MessageSummary &summary, QString *error);
    // Upserts the row; returns its id, 0 with *error.
    qint64 indexRow(const QString &account, const QString &uidl, const QString &path, qint64 size,
                    const MessageSummary &summary, const QByteArray &header, qint64 folder,
                    QString *error);
    QString fileName(const QString &account, const QString &uidl) const;
    bool migrateKeys(QSqlDatabase &db, QString *error);       // index version 3: see keymigration.h
    bool migrateUnreadable(QSqlDatabase &db, QString *error); // index version 4
    bool migrateFolders(QSqlDatabase &db, QString *error);    // index version 5: see folders.cpp
    bool migrateOutgoing(QSqlDatabase &db, QString *error);   // index version 6: see outgoing.cpp
    // Renames file into new/ (copying first when it is on another file system) and makes the
    // directory entry durable; the Maildir-relative path, empty with *error.
    QString adoptFile(const QString &file, const QString &uidl, QString *error);
    bool writeOutgoing(const Outgoing &state, QString *error);
    qint64 outboxId() const;
    bool createFoldersAndIndexes(QString *error);
    bool createShortIndex(QSqlDatabase &db, QString *error); // see shortterms.h
    qint64 trashId() const;
    // Runs statement (with a "%1" for the comma-separated ids) over ids, in chunks.
    bool updateIds(const QString &statement, const QList<qint64> &ids, QString *error);
    bool inTransaction(const std::function<bool()> &work, QString *error);
    SearchHit hitFrom(const QSqlQuery &q) const; // a row of kHitColumns
    // The first column of a one-row SELECT bound to (account, uidl); invalid when there is no row.
    QVariant lookup(const QString &select, const QString &account, const QString &uidl) const;
};

} // namespace Store
