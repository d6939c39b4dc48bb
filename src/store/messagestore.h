// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/types/mailindex.h"

#include <QByteArray>
#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <memory>
#include <vector>

#include <functional>

class QSqlDatabase;
class QSqlQuery;

namespace Store {

using MessageSummary = Types::MessageSummary;
using StoredState = Types::StoredState;

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

private:
    QString m_directory;
    QString m_connection;
    bool m_fts = false;
    bool m_grouping = false;
    struct Pending
    {
        QString tmp;
        QString target;
    };
    std::vector<Pending> m_pending;
    struct Statements; // prepared once: re-preparing per message cost more than the insert
    std::unique_ptr<Statements> m_statements;
    bool indexRow(const QString &account, const QString &uidl, const QString &path, qint64 size,
                  const MessageSummary &summary, const QByteArray &header, QString *error);
    QString fileName(const QString &account, const QString &uidl) const;
    bool migrateKeys(QSqlDatabase &db, QString *error);       // index version 3: see keymigration.h
    bool migrateUnreadable(QSqlDatabase &db, QString *error); // index version 4
    SearchHit hitFrom(const QSqlQuery &q) const;              // a row of kHitColumns
    // The first column of a one-row SELECT bound to (account, uidl); invalid when there is no row.
    QVariant lookup(const QString &select, const QString &account, const QString &uidl) const;
};

} // namespace Store
