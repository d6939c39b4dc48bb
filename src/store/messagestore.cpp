// SPDX-License-Identifier: GPL-3.0-or-later
#include "messagestore.h"

#include "keymigration.h"
#include "schema.h"
#include "shortterms.h"

#include "crypto/crypto.h"
#include "platform/durablefile.h"
#include "platform/qtpath.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace Store {

namespace {
using Schema::kFoldersVersion;
using Schema::kMailboxKeyVersion;
using Schema::kOutgoingVersion;
using Schema::kUnreadableVersion;
// What search and the listing read of a row (m is the messages table), in hitFrom()'s order.
constexpr auto kHitColumns = "m.account, m.uidl, m.subject, m.path, m.complete, m.unreadable_kind,"
                             " m.unreadable";

// Mail is private: folders, message files and the index are the owner's from the moment they
// exist (created with the mode, not chmod'ed after). Existing ones are left as the user set them.
constexpr QFile::Permissions kPrivateFolder =
    QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner;
constexpr QFile::Permissions kPrivateFile = QFile::ReadOwner | QFile::WriteOwner;

bool makePrivateFolder(const QString &path)
{
    if (QFileInfo(path).isDir())
        return true;
    const QFileInfo info(path);
    return QDir().mkpath(info.absolutePath()) && QDir().mkdir(path, kPrivateFolder);
}

QVariant textOrNull(const QString &s)
{
    return s.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(s);
}

QVariant keyOrNull(qint64 key)
{
    return key == 0 ? QVariant(QMetaType(QMetaType::LongLong)) : QVariant(key);
}
} // namespace

struct MessageStore::Statements
{
    explicit Statements(const QSqlDatabase &db)
        : contains(db)
        , upsert(db)
        , ftsDelete(db)
        , ftsInsert(db)
        , shortDelete(db)
        , shortInsert(db)
    {}
    QSqlQuery contains;
    QSqlQuery upsert;
    QSqlQuery ftsDelete;
    QSqlQuery ftsInsert;
    QSqlQuery shortDelete;
    QSqlQuery shortInsert;
};

bool MessageStore::migrateKeys(QSqlDatabase &db, QString *error)
{
    // IMMEDIATE: of two processes opening an old store, one migrates, the other then sees
    // version 3.
    QSqlQuery q(db);
    if (!q.exec(u"BEGIN IMMEDIATE"_s)) {
        *error = q.lastError().text();
        return false;
    }
    const bool due =
        q.exec(u"PRAGMA user_version"_s) && q.next() && q.value(0).toInt() < kMailboxKeyVersion;
    q.finish();
    QStringList duplicates;
    QString why;
    bool ok = !due || migrateMailboxKeys(db, m_fts, &duplicates, &why);
    if (ok && due && !q.exec(u"PRAGMA user_version = %1"_s.arg(kMailboxKeyVersion)))
        ok = false;
    if (ok && !q.exec(u"COMMIT"_s))
        ok = false;
    if (!ok) {
        *error = why.isEmpty() ? q.lastError().text() : why;
        q.exec(u"ROLLBACK"_s);
        return false;
    }
    // Only after the commit: a crash before it leaves the old index and every file as they were.
    for (const QString &relative : std::as_const(duplicates))
        QFile::remove(maildir() + u'/' + relative);
    return true;
}

bool MessageStore::migrateUnreadable(QSqlDatabase &db, QString *error)
{
    // Rows stored before version 4 stay readable-looking: the store cannot read mail itself.
    QSqlQuery q(db);
    if (!q.exec(u"BEGIN IMMEDIATE"_s)) {
        *error = q.lastError().text();
        return false;
    }
    const bool due =
        q.exec(u"PRAGMA user_version"_s) && q.next() && q.value(0).toInt() < kUnreadableVersion;
    q.finish();
    // Only the missing columns: a store whose version was lowered (by hand, a test) keeps its own.
    QStringList columns;
    if (due && q.exec(u"SELECT name FROM pragma_table_info('messages')"_s))
        while (q.next())
            columns << q.value(0).toString();
    q.finish();
    bool ok = true;
    for (const QString &column : {u"unreadable_kind"_s, u"unreadable"_s})
        if (ok && due && !columns.contains(column))
            ok = q.exec(u"ALTER TABLE messages ADD COLUMN %1 TEXT"_s.arg(column));
    if (ok && due)
        ok = q.exec(u"PRAGMA user_version = %1"_s.arg(kUnreadableVersion));
    if (ok)
        ok = q.exec(u"COMMIT"_s);
    if (!ok) {
        *error = q.lastError().text();
        q.exec(u"ROLLBACK"_s);
    }
    return ok;
}

MessageStore::MessageStore(const QString &directory)
    : m_directory(QDir(directory).absolutePath())
    , m_connection(u"store-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces))
{}

MessageStore::~MessageStore()
{
    m_statements.reset(); // before the connection goes
    QSqlDatabase::database(m_connection, false).close();
    QSqlDatabase::removeDatabase(m_connection);
}

bool MessageStore::open(QString *error)
{
    for (const char *sub : {"", "/Maildir", "/Maildir/tmp", "/Maildir/new", "/Maildir/cur"})
        if (!makePrivateFolder(m_directory + QLatin1String(sub))) {
            *error = u"cannot create %1"_s.arg(m_directory + QLatin1String(sub));
            return false;
        }
    // Maildir's rule: what is left in tmp/ for 36 hours was abandoned (a crash
    // or a kill mid-download); newer files may belong to a sync still running.
    const QDateTime abandoned = QDateTime::currentDateTimeUtc().addSecs(-36 * 3600);
    for (const QFileInfo &left :
         QDir(maildir() + u"/tmp"_s).entryInfoList(QDir::Files | QDir::Hidden))
        if (left.lastModified().toUTC() < abandoned)
            QFile::remove(left.absoluteFilePath());
    // SQLite creates its -wal and -shm files with the database file's mode: make that one private.
    const QString indexPath = m_directory + u"/index.sqlite"_s;
    if (QFile index(indexPath); !index.exists())
        index.open(QIODevice::WriteOnly | QIODevice::NewOnly,
                   kPrivateFile); // empty: a new database
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connection);
    db.setDatabaseName(indexPath);
    if (!db.open()) {
        *error = db.lastError().text();
        return false;
    }
    QSqlQuery q(db);
    for (const char *statement : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL",
                                  "PRAGMA cache_size=-16000", "PRAGMA busy_timeout=10000"})
        if (!q.exec(QString::fromLatin1(statement))) {
            *error = q.lastError().text();
            return false;
        }
    if (!q.exec(Schema::messagesTable(u"messages"_s))) { // a new store starts at version 6
        *error = q.lastError().text();
        return false;
    }
    // Stores made before header rows and tombstones existed.
    for (const char *column :
         {"complete INTEGER NOT NULL DEFAULT 1", "deleted INTEGER NOT NULL DEFAULT 0",
          "header BLOB", "flags INTEGER NOT NULL DEFAULT 0"})
        q.exec(u"ALTER TABLE messages ADD COLUMN "_s +
               QLatin1String(column)); // fails harmlessly when present
    // Debian's SQLite has FTS5; trigrams find words in Chinese text, which has no spaces.
    // Without FTS5 the store still works, unsearchable.
    // Version 2 keys the full-text rows by the message's rowid (version 1 kept
    // account and uidl as unindexed columns: every update scanned the table).
    q.exec(u"PRAGMA user_version"_s);
    const int version = q.next() ? q.value(0).toInt() : 0;
    q.finish();
    if (version < 2)
        q.exec(u"DROP TABLE IF EXISTS messages_fts"_s);
    m_fts =
        q.exec(u"CREATE VIRTUAL TABLE IF NOT EXISTS messages_fts USING fts5(subject, sender, body,"
               " tokenize = 'trigram')"_s);
    if (version < 2) {
        if (m_fts)
            q.exec(u"INSERT INTO messages_fts (rowid, subject, sender, body)"
                   " SELECT rowid, subject, sender, snippet FROM messages WHERE deleted = 0"_s);
        q.exec(u"PRAGMA user_version = 2"_s);
    }
    if (version < kMailboxKeyVersion && !migrateKeys(db, error))
        return false;
    if (version < kUnreadableVersion && !migrateUnreadable(db, error))
        return false;
    if (version < kFoldersVersion && !migrateFolders(db, error))
        return false;
    if (version < kOutgoingVersion && !migrateOutgoing(db, error))
        return false;
    if (!createFoldersAndIndexes(error))
        return false;
    if (m_fts && !createShortIndex(db, error))
        return false;
    m_statements = std::make_unique<Statements>(db);
    m_statements->contains.prepare(
        u"SELECT 1 FROM messages WHERE account = ? AND uidl = ? AND (complete = 1 OR deleted = 1)"_s);
    // An upsert keeps the rowid, which keys the full-text row.
    m_statements->upsert.prepare(
        u"INSERT INTO messages (account, uidl, path, size, stored, subject, sender, recipients,"
        " date, has_attachments, snippet, complete, deleted, header, unreadable_kind, unreadable,"
        " folder, flags, message_id, in_reply_to, refs, thread_key, parent_key, root_key)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (account, uidl) DO UPDATE SET path = excluded.path, size = excluded.size,"
        " stored = excluded.stored, subject = excluded.subject, sender = excluded.sender,"
        " recipients = excluded.recipients, date = excluded.date,"
        " has_attachments = excluded.has_attachments, snippet = excluded.snippet,"
        " complete = excluded.complete, deleted = 0, header = excluded.header,"
        " unreadable_kind = excluded.unreadable_kind, unreadable = excluded.unreadable,"
        // A body arriving for a header row leaves it where the user put it (Trash, say).
        " folder = COALESCE(messages.folder, excluded.folder), message_id = excluded.message_id,"
        " in_reply_to = excluded.in_reply_to, refs = excluded.refs,"
        " thread_key = excluded.thread_key, parent_key = excluded.parent_key,"
        " root_key = excluded.root_key"
        " RETURNING id"_s);
    if (m_fts) {
        m_statements->ftsDelete.prepare(u"DELETE FROM messages_fts WHERE rowid = ?"_s);
        m_statements->ftsInsert.prepare(
            u"INSERT INTO messages_fts (rowid, subject, sender, body) VALUES (?, ?, ?, ?)"_s);
        m_statements->shortDelete.prepare(u"DELETE FROM messages_short WHERE rowid = ?"_s);
        m_statements->shortInsert.prepare(
            u"INSERT INTO messages_short (rowid, terms) VALUES (?, ?)"_s);
    }
    return true;
}

bool MessageStore::contains(const QString &account, const QString &uidl) const
{
    QSqlQuery &q = m_statements->contains;
    q.bindValue(0, account);
    q.bindValue(1, uidl);
    const bool found = q.exec() && q.next();
    q.finish();
    return found;
}

QHash<QString, StoredState> MessageStore::states(const QString &account) const
{
    QHash<QString, StoredState> out;
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.setForwardOnly(true);
    q.prepare(u"SELECT uidl, complete, deleted, stored FROM messages WHERE account = ?"_s);
    q.addBindValue(account);
    if (q.exec())
        while (q.next())
            out.insert(q.value(0).toString(),
                       {q.value(1).toInt() == 1, q.value(2).toInt() == 1, q.value(3).toLongLong()});
    return out;
}

QString MessageStore::fileName(const QString &account, const QString &uidl) const
{
    return QString::fromLatin1(
        Crypto::digest(Crypto::Hash::Sha256, (account + u'\n' + uidl).toUtf8()).toHex().left(40));
}

bool MessageStore::addHeaders(const QString &account, const QString &uidl, qint64 size,
                              const QByteArray &header, QString *error,
                              const MessageSummary &summary)
{
    if (contains(account, uidl))
        return true;
    return indexRow(account, uidl, u""_s, size, summary, header, 0,
                    error) != 0; // no file: path is empty, not NULL
}

QVariant MessageStore::lookup(const QString &select, const QString &account,
                              const QString &uidl) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(select);
    q.addBindValue(account);
    q.addBindValue(uidl);
    return q.exec() && q.next() ? q.value(0) : QVariant();
}

QByteArray MessageStore::headerOf(const QString &account, const QString &uidl) const
{
    return lookup(
               u"SELECT header FROM messages WHERE account = ? AND uidl = ? AND complete = 0 AND deleted = 0"_s,
               account, uidl)
        .toByteArray();
}

bool MessageStore::removeHere(const QString &account, const QString &uidl, QString *error)
{
    QSqlQuery existing(QSqlDatabase::database(m_connection));
    existing.prepare(u"SELECT path FROM messages WHERE account = ? AND uidl = ? AND deleted = 0"_s);
    existing.addBindValue(account);
    existing.addBindValue(uidl);
    if (!existing.exec() || !existing.next()) {
        *error = u"no message %1 in this store"_s.arg(uidl);
        return false;
    }
    const QString relative = existing.value(0).toString();
    const QString path = relative.isEmpty() ? QString() : maildir() + u'/' + relative;
    existing.finish();
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    QSqlQuery q(db);
    // The tombstone first: a crash between the two leaves a file nobody lists, never a re-download.
    q.prepare(
        u"UPDATE messages SET deleted = 1, complete = 0, path = '', header = NULL, folder = NULL,"
        " origin_folder = NULL WHERE account = ? AND uidl = ?"_s);
    q.addBindValue(account);
    q.addBindValue(uidl);
    if (!q.exec()) {
        *error = q.lastError().text();
        return false;
    }
    if (m_fts) {
        QSqlQuery f(db);
        f.prepare(
            u"DELETE FROM messages_fts WHERE rowid = (SELECT rowid FROM messages WHERE account = ? AND uidl = ?)"_s);
        f.addBindValue(account);
        f.addBindValue(uidl);
        f.exec();
        f.prepare(
            u"DELETE FROM messages_short WHERE rowid = (SELECT id FROM messages WHERE account = ? AND uidl = ?)"_s);
        f.addBindValue(account);
        f.addBindValue(uidl);
        f.exec();
    }
    if (!path.isEmpty())
        QFile::remove(path);
    return true;
}

void MessageStore::forgetMissing(const QString &account, const QSet<QString> &onServer)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    QSqlQuery q(db);
    q.prepare(u"SELECT uidl, path FROM messages WHERE account = ? AND complete = 0"_s);
    q.addBindValue(account);
    QStringList gone;
    QStringList files;
    if (q.exec())
        while (q.next())
            if (!onServer.contains(q.value(0).toString())) {
                gone << q.value(0).toString();
                if (!q.value(1).toString().isEmpty())
                    files << maildir() + u'/' + q.value(1).toString();
            }
    if (gone.isEmpty())
        return;
    db.transaction();
    QSqlQuery d(db);
    d.prepare(u"DELETE FROM messages WHERE account = ? AND uidl = ? AND complete = 0"_s);
    for (const QString &uidl : gone) {
        d.addBindValue(account);
        d.addBindValue(uidl);
        d.exec();
    }
    db.commit();
    for (const QString &f : files)
        QFile::remove(f);
}

QString MessageStore::add(const QString &account, const QString &uidl, const QByteArray &message,
                          QString *error, const MessageSummary &summary)
{
    return write(account, uidl, message, 0, summary, error);
}

QString MessageStore::write(const QString &account, const QString &uidl, const QByteArray &message,
                            qint64 folder, const MessageSummary &summary, QString *error)
{
    // Maildir: write into tmp/, make it durable, rename into new/ (atomic on one file system).
    const QString name = fileName(account, uidl) + u",S=%1"_s.arg(message.size());
    const QString tmp = maildir() + u"/tmp/"_s + name;
    const QString target = maildir() + u"/new/"_s + name;
    QFile file(tmp);
    m_diskFull = false;
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate, kPrivateFile) ||
        file.write(message) != message.size() || !file.flush()) {
        // Before anything else runs: QFile keeps only the text of errno / GetLastError().
        m_diskFull = Platform::SysError::last().kind == Platform::SysError::Kind::DiskFull;
        *error = u"cannot write %1: %2"_s.arg(tmp, file.errorString());
        return {};
    }
    if (!m_grouping) {
        if (const Platform::SysError e = Platform::syncFile(file.handle())) {
            m_diskFull = e.kind == Platform::SysError::Kind::DiskFull;
            *error = u"cannot write %1: %2"_s.arg(tmp, QString::fromLocal8Bit(e.message()));
            return {};
        }
    }
    file.close();
    if (m_grouping) {
        // The row is written now but committed only with the group (see commitGroup()).
        m_pending.push_back({tmp, target});
        return indexRow(account, uidl, u"new/"_s + name, message.size(), summary, {}, folder,
                        error) != 0
                   ? target
                   : QString();
    }
    if (Platform::renameReplacing(Platform::toPath(tmp), Platform::toPath(target))) {
        *error = u"cannot move the message into the Maildir"_s;
        return {};
    }
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    db.transaction();
    if (indexRow(account, uidl, u"new/"_s + name, message.size(), summary, {}, folder, error) ==
            0 ||
        !db.commit()) {
        db.rollback();
        return {};
    }
    return target;
}

void MessageStore::beginGroup()
{
    m_grouping = true;
    m_pending.clear();
    QSqlDatabase::database(m_connection).transaction();
}

bool MessageStore::commitGroup(QString *error)
{
    m_grouping = false;
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    if (m_pending.empty()) {
        db.commit();
        return true;
    }
    // 1. All files of the group durable at once (Linux: one syncfs() instead of one fsync each).
    std::vector<std::filesystem::path> files;
    files.reserve(m_pending.size());
    for (const Pending &p : m_pending)
        files.push_back(Platform::toPath(p.tmp));
    m_diskFull = false;
    if (const Platform::SysError e = Platform::syncFiles(files)) {
        m_diskFull = e.kind == Platform::SysError::Kind::DiskFull;
        *error = u"cannot flush the mail store to disk"_s;
        db.rollback();
        return false;
    }
    // 2. Into new/, and the directory entry durable too.
    for (const Pending &p : m_pending)
        if (Platform::renameReplacing(Platform::toPath(p.tmp), Platform::toPath(p.target))) {
            *error = u"cannot move a message into the Maildir"_s;
            db.rollback();
            return false;
        }
    Platform::syncDirectory(Platform::toPath(maildir() + u"/new"_s));
    m_pending.clear();
    // 3. Only now do their UIDLs count as stored.
    if (!db.commit()) {
        *error = db.lastError().text();
        return false;
    }
    return true;
}

qint64 MessageStore::indexRow(const QString &account, const QString &uidl, const QString &path,
                              qint64 size, const MessageSummary &summary, const QByteArray &header,
                              qint64 folder, QString *error)
{
    const bool local = folder != 0; // made here: the user has seen it
    if (folder == 0)
        folder = folderId(FolderKind::Inbox, account);
    if (folder == 0) {
        *error = u"cannot make the Inbox of %1"_s.arg(account);
        return 0;
    }
    const QString parent =
        summary.references.isEmpty() ? summary.inReplyTo : summary.references.last();
    const QString root = summary.references.size() > 1 ? summary.references.first() : QString();
    QSqlQuery &q = m_statements->upsert;
    int index = 0;
    for (const QVariant &v :
         {QVariant(account),
          QVariant(uidl),
          QVariant(path),
          QVariant(size),
          QVariant(QDateTime::currentSecsSinceEpoch()),
          QVariant(summary.subject),
          QVariant(summary.sender),
          QVariant(summary.recipients),
          QVariant(summary.date),
          QVariant(summary.hasAttachments ? 1 : 0),
          QVariant(summary.snippet),
          QVariant(header.isNull() ? 1 : 0),
          header.isNull() ? QVariant(QMetaType(QMetaType::QByteArray)) : QVariant(header),
          textOrNull(summary.unreadableKind),
          textOrNull(summary.unreadable),
          QVariant(folder),
          QVariant(local ? int(Seen) : 0),
          textOrNull(summary.messageId),
          textOrNull(summary.inReplyTo),
          textOrNull(summary.references.join(u' ')),
          keyOrNull(Schema::threadKey(summary.messageId)),
          keyOrNull(Schema::threadKey(parent)),
          keyOrNull(Schema::threadKey(root))})
        q.bindValue(index++, v);
    bool ok = q.exec() && q.next();
    const qint64 rowid = ok ? q.value(0).toLongLong() : 0;
    if (!ok)
        *error = q.lastError().text();
    q.finish();
    if (ok && m_fts && summary.fullText) {
        QSqlQuery &d = m_statements->ftsDelete;
        d.bindValue(0, rowid);
        QSqlQuery &f = m_statements->ftsInsert;
        f.bindValue(0, rowid);
        f.bindValue(1, summary.subject);
        f.bindValue(2, summary.sender);
        f.bindValue(3, summary.body);
        QSqlQuery &sd = m_statements->shortDelete;
        sd.bindValue(0, rowid);
        QSqlQuery &si = m_statements->shortInsert;
        si.bindValue(0, rowid);
        si.bindValue(
            1, shortTerms(summary.subject + u'\n' + summary.sender + u'\n' + summary.snippet));
        ok = d.exec() && f.exec() && sd.exec() && si.exec();
        if (!ok)
            for (const QSqlQuery *failed : {&d, &f, &sd, &si})
                if (failed->lastError().isValid()) {
                    *error = failed->lastError().text();
                    break;
                }
    }
    return ok ? rowid : 0;
}

QList<SearchHit> MessageStore::search(const QString &text) const
{
    QList<SearchHit> hits;
    if (!m_fts)
        return hits;
    // Each word as a quoted FTS5 string: user text is never query syntax.
    QStringList terms;
    for (QString word : text.split(u' ', Qt::SkipEmptyParts))
        terms << u'"' + word.replace(u'"', u"\"\""_s) + u'"';
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(u"SELECT %1 FROM messages_fts f JOIN messages m ON m.rowid = f.rowid"
              " WHERE messages_fts MATCH ? AND m.deleted = 0 ORDER BY rank"_s.arg(
                  QLatin1String(kHitColumns)));
    q.addBindValue(terms.join(u' '));
    if (q.exec())
        while (q.next())
            hits.append(hitFrom(q));
    return hits;
}

QList<SearchHit> MessageStore::messages() const
{
    QList<SearchHit> out;
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.setForwardOnly(true);
    if (q.exec(u"SELECT %1 FROM messages m WHERE m.deleted = 0 ORDER BY m.stored, m.rowid"_s.arg(
            QLatin1String(kHitColumns))))
        while (q.next())
            out.append(hitFrom(q));
    return out;
}

SearchHit MessageStore::hitFrom(const QSqlQuery &q) const
{
    return {q.value(0).toString(),   q.value(1).toString(),
            q.value(2).toString(),   maildir() + u'/' + q.value(3).toString(),
            q.value(4).toInt() == 1, q.value(5).toString(),
            q.value(6).toString()};
}

int MessageStore::count(const QString &account) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(u"SELECT COUNT(*) FROM messages WHERE account = ? AND complete = 1"_s);
    q.addBindValue(account);
    return q.exec() && q.next() ? q.value(0).toInt() : 0;
}

QStringList MessageStore::paths(const QString &account) const
{
    QStringList out;
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(
        u"SELECT path FROM messages WHERE account = ? AND complete = 1 ORDER BY stored, path"_s);
    q.addBindValue(account);
    if (q.exec())
        while (q.next())
            out << maildir() + u'/' + q.value(0).toString();
    return out;
}

QString MessageStore::pathOf(const QString &account, const QString &uidl) const
{
    const QString path =
        lookup(u"SELECT path FROM messages WHERE account = ? AND uidl = ? AND deleted = 0"_s,
               account, uidl)
            .toString();
    return path.isEmpty() ? QString() : QDir::cleanPath(maildir() + u'/' + path);
}

int MessageStore::flags(const QString &account, const QString &uidl) const
{
    const QVariant flags =
        lookup(u"SELECT flags FROM messages WHERE account = ? AND uidl = ? AND deleted = 0"_s,
               account, uidl);
    return flags.isValid() ? flags.toInt() : -1;
}

bool MessageStore::setFlags(const QString &account, const QString &uidl, int flags)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(u"UPDATE messages SET flags = ? WHERE account = ? AND uidl = ? AND deleted = 0"_s);
    q.addBindValue(flags & (Seen | Flagged | Answered));
    q.addBindValue(account);
    q.addBindValue(uidl);
    return q.exec() && q.numRowsAffected() == 1;
}

} // namespace Store
