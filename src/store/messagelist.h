// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "threads.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <vector>

class QSqlQuery;

namespace Store {

// What a message list can be ordered by: each has its index (see schema.h).
enum class SortKey { Flag, Attachment, Sender, Subject, Date, Size };

// One folder's list: which messages, in which order.
struct ListQuery
{
    qint64 folder = 0;
    SortKey sort = SortKey::Date;
    bool descending = true;
    // Words that must all be found in the sender, the subject or the text. A word of three
    // characters or more goes through the full-text index (trigrams, anywhere in a word); a
    // shorter one through the short-word index over the sender, subject and snippet (see
    // shortterms.h): a two-character Chinese word anywhere, "bu" as the start of a word.
    QString search;
};

// What the list shows of one message.
struct ListRow
{
    qint64 id = 0;
    QString account;
    QString uidl;
    QString sender;
    QString subject;
    qint64 date = 0; // Unix time, 0 if unknown
    qint64 size = 0;
    int flags = 0; // MessageStore::Flag bits
    bool hasAttachments = false;
    bool complete = true;
    QString unreadableKind;
    QString unreadable;
};

// A read-only view of the index on its own SQLite connection, for the thread that creates it
// (the list's windows on the GUI thread, searches on a worker): WAL lets it read while a sync
// writes through a MessageStore elsewhere. Reads only what is asked: ids in order, then rows
// by id in windows.
class MessageList
{
public:
    explicit MessageList(const QString &indexPath);
    ~MessageList();
    MessageList(const MessageList &) = delete;
    MessageList &operator=(const MessageList &) = delete;

    bool open(QString *error);
    bool ids(const ListQuery &query, std::vector<qint64> *out, QString *error) const;
    // The same list with what threading needs.
    bool links(const ListQuery &query, std::vector<ThreadLink> *out, QString *error) const;
    // The rows of these ids, in the order given (an id no longer in the store is left out).
    QList<ListRow> rows(const qint64 *ids, qsizetype count) const;
    // Reads the folder's order for searches ahead of the first keystroke (ids() with a search
    // filters it in memory; it is read again after another connection commits).
    bool prepareSearch(const ListQuery &query, QString *error) const;
    // SQLite's plan for the list (EXPLAIN QUERY PLAN, one step a line): tests check that every
    // order walks an index instead of sorting.
    QString plan(const ListQuery &query) const;

private:
    QString m_path;
    QString m_connection;
    bool m_fts = false;
    bool m_short = false; // the short-word index (shortterms.h)
    // The folder's whole order, reused by searches while nobody writes (PRAGMA data_version).
    struct Order
    {
        bool valid = false;
        qint64 folder = 0;
        SortKey sort = SortKey::Date;
        bool descending = true;
        qint64 version = -1;
        std::vector<qint64> ids;
    };
    mutable Order m_order;
    // What a search's words ask of each index: FTS5 queries, and LIKE where no index serves.
    struct SearchTerms
    {
        QString indexed; // messages_fts (trigrams)
        QString short_;  // messages_short (shortterms.h)
        QStringList likeWhere;
        QStringList like;
    };
    SearchTerms searchTerms(const QString &search) const;
    bool ordered(const ListQuery &query, std::vector<qint64> *out, QString *error) const;
    bool column(QSqlQuery &q, std::vector<qint64> *out, QString *error) const; // "1,2,3" -> ids
    qint64 dataVersion() const;
    bool prepare(QSqlQuery &q, const QString &columns, const ListQuery &query,
                 const QString &after = {}) const;
    bool select(const QString &columns, const ListQuery &query,
                const std::function<void(const QSqlQuery &)> &row, QString *error) const;
};

} // namespace Store
