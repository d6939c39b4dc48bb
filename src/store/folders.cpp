// SPDX-License-Identifier: GPL-3.0-or-later
// MessageStore's folders: the version 5 migration, Trash and its undo, local messages, flags.
#include "messagestore.h"
#include "schema.h"
#include "shortterms.h"

#include <QFile>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace Store {

namespace {

Q_LOGGING_CATEGORY(lcFolders, "tidings.store.folders")

// Ids go into statements as literal integers (never user text), this many per statement.
constexpr qsizetype kIdsPerStatement = 10000;
// Local messages have no mailbox: their account is empty and their uidl made here.
const QString kLocalAccount = u""_s; // empty, not NULL: the column is NOT NULL

QString idList(const QList<qint64> &ids, qsizetype from, qsizetype count)
{
    QString out;
    out.reserve(count * 8);
    for (qsizetype i = from; i < from + count && i < ids.size(); ++i) {
        if (i > from)
            out += u',';
        out += QString::number(ids.at(i));
    }
    return out;
}

bool run(QSqlQuery &q, const QString &statement, QString *error)
{
    if (q.exec(statement))
        return true;
    *error = q.lastError().text() + u" ("_s + statement.left(80) + u')';
    return false;
}

} // namespace

bool MessageStore::migrateFolders(QSqlDatabase &db, QString *error)
{
    QSqlQuery q(db);
    if (!run(q, u"BEGIN IMMEDIATE"_s, error))
        return false;
    const bool due = q.exec(u"PRAGMA user_version"_s) && q.next() &&
                     q.value(0).toInt() < Schema::kFoldersVersion;
    q.finish();
    QStringList columns;
    if (due && q.exec(u"SELECT name FROM pragma_table_info('messages')"_s))
        while (q.next())
            columns << q.value(0).toString();
    q.finish();
    bool ok = true;
    const bool rebuild = due && !columns.contains(u"id"_s);
    if (rebuild) {
        // SQLite may renumber an implicit rowid (VACUUM): the table is rebuilt with an explicit
        // id that takes the old rowid, which the full-text rows already use.
        constexpr auto kOld =
            "account, uidl, path, size, stored, subject, sender, recipients, date,"
            " has_attachments, snippet, complete, deleted, header, flags,"
            " unreadable_kind, unreadable";
        ok = run(q, Schema::messagesTable(u"messages_v5"_s), error) &&
             run(q,
                 u"INSERT INTO messages_v5 (id, %1) SELECT rowid, %1 FROM messages"_s.arg(
                     QLatin1String(kOld)),
                 error) &&
             run(q, u"DROP TABLE messages"_s, error) &&
             run(q, u"ALTER TABLE messages_v5 RENAME TO messages"_s, error);
    }
    // Every message kept here goes to its account's Inbox; tombstones stay in no folder.
    if (ok && due)
        ok =
            run(q,
                u"CREATE TABLE IF NOT EXISTS folders (id INTEGER PRIMARY KEY,"
                " kind INTEGER NOT NULL, account TEXT NOT NULL DEFAULT '', UNIQUE (kind, account))"_s,
                error) &&
            run(q,
                u"INSERT OR IGNORE INTO folders (kind, account)"
                " SELECT DISTINCT 0, account FROM messages WHERE deleted = 0"_s,
                error) &&
            run(q,
                u"UPDATE messages SET folder = (SELECT f.id FROM folders f WHERE f.kind = 0"
                " AND f.account = messages.account) WHERE deleted = 0 AND folder IS NULL"_s,
                error) &&
            run(q, u"PRAGMA user_version = %1"_s.arg(Schema::kFoldersVersion), error);
    if (ok)
        ok = run(q, u"COMMIT"_s, error);
    if (!ok) {
        q.exec(u"ROLLBACK"_s);
        return false;
    }
    if (rebuild)
        qCInfo(lcFolders) << "index version 5: messages have ids and folders";
    return true;
}

bool MessageStore::createFoldersAndIndexes(QString *error)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    if (!run(q,
             u"CREATE TABLE IF NOT EXISTS folders (id INTEGER PRIMARY KEY,"
             " kind INTEGER NOT NULL, account TEXT NOT NULL DEFAULT '', UNIQUE (kind, account))"_s,
             error))
        return false;
    for (FolderKind kind :
         {FolderKind::Drafts, FolderKind::Outbox, FolderKind::Sent, FolderKind::Trash})
        if (!run(q,
                 u"INSERT OR IGNORE INTO folders (kind, account) VALUES (%1, '')"_s.arg(int(kind)),
                 error))
            return false;
    for (const char *index : Schema::kIndexes)
        if (!run(q, QString::fromLatin1(index), error))
            return false;
    return true;
}

bool MessageStore::createShortIndex(QSqlDatabase &db, QString *error)
{
    QSqlQuery q(db);
    if (q.exec(u"SELECT 1 FROM sqlite_master WHERE name = 'messages_short'"_s) && q.next())
        return true;
    q.finish();
    // Made once, for the mail already here (a store of version 4, or an early version 5).
    return inTransaction(
        [&] {
            if (!run(q, QString::fromLatin1(Schema::kShortTable), error))
                return false;
            QSqlQuery rows(db);
            rows.setForwardOnly(true);
            QSqlQuery insert(db);
            insert.prepare(u"INSERT INTO messages_short (rowid, terms) VALUES (?, ?)"_s);
            if (!run(
                    rows,
                    u"SELECT id, subject, sender, snippet FROM messages WHERE folder IS NOT NULL"_s,
                    error))
                return false;
            int filled = 0;
            while (rows.next()) {
                insert.bindValue(0, rows.value(0));
                insert.bindValue(1, shortTerms(rows.value(1).toString() + u'\n' +
                                               rows.value(2).toString() + u'\n' +
                                               rows.value(3).toString()));
                if (!insert.exec()) {
                    *error = insert.lastError().text();
                    return false;
                }
                ++filled;
            }
            if (filled > 0)
                qCInfo(lcFolders) << "short-word index made for" << filled << "messages";
            return true;
        },
        error);
}

qint64 MessageStore::folderId(FolderKind kind, const QString &account)
{
    const QString owner = kind == FolderKind::Inbox ? account : kLocalAccount;
    if (kind == FolderKind::Inbox)
        if (const auto it = m_inboxes.constFind(account); it != m_inboxes.constEnd())
            return it.value();
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(u"INSERT OR IGNORE INTO folders (kind, account) VALUES (?, ?)"_s);
    q.addBindValue(int(kind));
    q.addBindValue(owner);
    if (!q.exec())
        return 0;
    q.prepare(u"SELECT id FROM folders WHERE kind = ? AND account = ?"_s);
    q.addBindValue(int(kind));
    q.addBindValue(owner);
    const qint64 id = q.exec() && q.next() ? q.value(0).toLongLong() : 0;
    if (id != 0 && kind == FolderKind::Inbox)
        m_inboxes.insert(account, id);
    return id;
}

qint64 MessageStore::trashId() const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(u"SELECT id FROM folders WHERE kind = ? AND account = ''"_s);
    q.addBindValue(int(FolderKind::Trash));
    return q.exec() && q.next() ? q.value(0).toLongLong() : 0;
}

QList<FolderInfo> MessageStore::folders() const
{
    QList<FolderInfo> out;
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.setForwardOnly(true);
    if (!q.exec(u"SELECT id, kind, account FROM folders ORDER BY kind, account"_s))
        return out;
    QHash<qint64, qsizetype> at;
    while (q.next()) {
        at.insert(q.value(0).toLongLong(), out.size());
        out.append(
            {q.value(0).toLongLong(), FolderKind(q.value(1).toInt()), q.value(2).toString()});
    }
    // Grouped as messages_by_seen is ordered: counted from the index alone.
    if (q.exec(u"SELECT folder, flags & 1, COUNT(*) FROM messages WHERE folder IS NOT NULL"
               " GROUP BY folder, flags & 1"_s))
        while (q.next()) {
            const auto it = at.constFind(q.value(0).toLongLong());
            if (it == at.constEnd())
                continue;
            FolderInfo &f = out[it.value()];
            f.total += q.value(2).toInt();
            if (q.value(1).toInt() == 0)
                f.unread += q.value(2).toInt();
        }
    return out;
}

qint64 MessageStore::addLocal(FolderKind folder, const QByteArray &message,
                              const MessageSummary &summary, QString *error)
{
    if (folder == FolderKind::Inbox || folder == FolderKind::Trash) {
        *error = u"local messages go to Drafts, Outbox or Sent"_s;
        return 0;
    }
    const qint64 target = folderId(folder);
    const QString uidl = u"local-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (target == 0 || write(kLocalAccount, uidl, message, target, summary, error).isEmpty())
        return 0;
    return lookup(u"SELECT id FROM messages WHERE account = ? AND uidl = ?"_s, kLocalAccount, uidl)
        .toLongLong();
}

bool MessageStore::updateIds(const QString &statement, const QList<qint64> &ids, QString *error)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    for (qsizetype from = 0; from < ids.size(); from += kIdsPerStatement)
        if (!run(q, statement.arg(idList(ids, from, kIdsPerStatement)), error))
            return false;
    return true;
}

bool MessageStore::inTransaction(const std::function<bool()> &work, QString *error)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    if (!db.transaction()) {
        *error = db.lastError().text();
        return false;
    }
    if (!work()) {
        db.rollback();
        return false;
    }
    if (!db.commit()) {
        *error = db.lastError().text();
        db.rollback();
        return false;
    }
    return true;
}

QList<qint64> MessageStore::moveToTrash(const QList<qint64> &ids, QString *error)
{
    QList<qint64> moved;
    const qint64 trash = trashId();
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    QSqlQuery q(db);
    db.transaction();
    for (qsizetype from = 0; from < ids.size(); from += kIdsPerStatement) {
        if (!run(q,
                 u"UPDATE messages SET origin_folder = folder, folder = %1 WHERE id IN (%2)"
                 " AND folder IS NOT NULL AND folder != %1 RETURNING id"_s.arg(
                     QString::number(trash), idList(ids, from, kIdsPerStatement)),
                 error)) {
            db.rollback();
            return {};
        }
        while (q.next())
            moved << q.value(0).toLongLong();
    }
    q.finish();
    if (!db.commit()) {
        *error = db.lastError().text();
        return {};
    }
    return moved;
}

QList<qint64> MessageStore::restore(const QList<qint64> &ids, QString *error)
{
    QList<qint64> restored;
    const qint64 trash = trashId();
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    QSqlQuery q(db);
    db.transaction();
    for (qsizetype from = 0; from < ids.size(); from += kIdsPerStatement) {
        // Where it came from; a row that does not remember goes to its account's Inbox.
        if (!run(q,
                 u"UPDATE messages SET folder = COALESCE(origin_folder, (SELECT f.id FROM folders f"
                 " WHERE f.kind = 0 AND f.account = messages.account)), origin_folder = NULL"
                 " WHERE id IN (%2) AND folder = %1 RETURNING id"_s.arg(
                     QString::number(trash), idList(ids, from, kIdsPerStatement)),
                 error)) {
            db.rollback();
            return {};
        }
        while (q.next())
            restored << q.value(0).toLongLong();
    }
    q.finish();
    if (!db.commit()) {
        *error = db.lastError().text();
        return {};
    }
    return restored;
}

int MessageStore::deleteForGood(const QList<qint64> &ids, QString *error)
{
    const qint64 trash = trashId();
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    QSqlQuery q(db);
    q.setForwardOnly(true);
    QList<qint64> inTrash;
    QStringList files;
    for (qsizetype from = 0; from < ids.size(); from += kIdsPerStatement) {
        if (!run(q,
                 u"SELECT id, path FROM messages WHERE id IN (%2) AND folder = %1"_s.arg(
                     QString::number(trash), idList(ids, from, kIdsPerStatement)),
                 error))
            return -1;
        while (q.next()) {
            inTrash << q.value(0).toLongLong();
            if (!q.value(1).toString().isEmpty())
                files << maildir() + u'/' + q.value(1).toString();
        }
    }
    q.finish();
    // The tombstone first (as removeHere): a crash before the files go leaves files nobody
    // lists, never a message downloaded again.
    const bool ok = inTransaction(
        [&] {
            return (!m_fts ||
                    (updateIds(u"DELETE FROM messages_fts WHERE rowid IN (%1)"_s, inTrash, error) &&
                     updateIds(u"DELETE FROM messages_short WHERE rowid IN (%1)"_s, inTrash,
                               error))) &&
                   updateIds(u"DELETE FROM outgoing WHERE message IN (%1)"_s, inTrash, error) &&
                   updateIds(u"DELETE FROM messages WHERE id IN (%1) AND account = ''"_s, inTrash,
                             error) &&
                   updateIds(u"UPDATE messages SET deleted = 1, complete = 0, path = '',"
                             " header = NULL, folder = NULL, origin_folder = NULL"
                             " WHERE id IN (%1)"_s,
                             inTrash, error);
        },
        error);
    if (!ok)
        return -1;
    for (const QString &file : std::as_const(files))
        QFile::remove(file);
    qCDebug(lcFolders) << inTrash.size() << "messages deleted for good";
    return int(inTrash.size());
}

int MessageStore::emptyTrash(QString *error)
{
    QList<qint64> ids;
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.setForwardOnly(true);
    q.prepare(u"SELECT id FROM messages WHERE folder = ?"_s);
    q.addBindValue(trashId());
    if (!q.exec()) {
        *error = q.lastError().text();
        return -1;
    }
    while (q.next())
        ids << q.value(0).toLongLong();
    return deleteForGood(ids, error);
}

bool MessageStore::setFlag(const QList<qint64> &ids, Flag flag, bool on, QString *error)
{
    const QString change = on ? u"flags | %1"_s.arg(int(flag)) : u"flags & ~%1"_s.arg(int(flag));
    return inTransaction(
        [&] {
            return updateIds(u"UPDATE messages SET flags = "_s + change +
                                 u" WHERE id IN (%1) AND deleted = 0"_s,
                             ids, error);
        },
        error);
}

} // namespace Store
