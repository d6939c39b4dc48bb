// SPDX-License-Identifier: GPL-3.0-or-later
#include "messagestore.h"

#include "crypto/crypto.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Store {

MessageStore::MessageStore(const QString &directory)
    : m_directory(QDir(directory).absolutePath())
    , m_connection(u"store-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces))
{
}

MessageStore::~MessageStore()
{
    QSqlDatabase::database(m_connection, false).close();
    QSqlDatabase::removeDatabase(m_connection);
}

bool MessageStore::open(QString *error)
{
    for (const char *sub : {"/Maildir/tmp", "/Maildir/new", "/Maildir/cur"})
        if (!QDir().mkpath(m_directory + QLatin1String(sub))) {
            *error = u"cannot create %1"_s.arg(m_directory + QLatin1String(sub));
            return false;
        }
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connection);
    db.setDatabaseName(m_directory + u"/index.sqlite"_s);
    if (!db.open()) {
        *error = db.lastError().text();
        return false;
    }
    QSqlQuery q(db);
    for (const char *statement : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA cache_size=-16000",
                                  "CREATE TABLE IF NOT EXISTS messages (account TEXT NOT NULL, uidl TEXT NOT NULL,"
                                  " path TEXT NOT NULL, size INTEGER NOT NULL, stored INTEGER NOT NULL,"
                                  " subject TEXT, sender TEXT, recipients TEXT, date INTEGER, has_attachments INTEGER,"
                                  " snippet TEXT, PRIMARY KEY (account, uidl))"})
        if (!q.exec(QString::fromLatin1(statement))) {
            *error = q.lastError().text();
            return false;
        }
    // Debian's SQLite has FTS5; trigrams find words in Chinese text, which has no spaces.
    // Without FTS5 the store still works, unsearchable.
    m_fts = q.exec(u"CREATE VIRTUAL TABLE IF NOT EXISTS messages_fts USING fts5(account UNINDEXED, uidl UNINDEXED,"
                   " subject, sender, body, tokenize = 'trigram')"_s);
    return true;
}

bool MessageStore::contains(const QString &account, const QString &uidl) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(u"SELECT 1 FROM messages WHERE account = ? AND uidl = ?"_s);
    q.addBindValue(account);
    q.addBindValue(uidl);
    return q.exec() && q.next();
}

QString MessageStore::add(const QString &account, const QString &uidl, const QByteArray &message, QString *error,
                          const std::function<MessageSummary(const QString &path)> &summarize)
{
    // Maildir: write into tmp/, make it durable, rename into new/ (atomic on one file system).
    const QString name = QString::fromLatin1(
        Crypto::digest(Crypto::Hash::Sha256, (account + u'\n' + uidl).toUtf8()).toHex().left(40))
        + u",S=%1"_s.arg(message.size());
    const QString tmp = maildir() + u"/tmp/"_s + name;
    const QString target = maildir() + u"/new/"_s + name;
    QFile file(tmp);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(message) != message.size()
        || !file.flush() || (!m_grouping && ::fsync(file.handle()) != 0)) {
        *error = u"cannot write %1: %2"_s.arg(tmp, file.errorString());
        return {};
    }
    file.close();
    const MessageSummary summary = summarize ? summarize(tmp) : MessageSummary();
    if (m_grouping) {
        // The row is written now but committed only with the group (see commitGroup()).
        m_pending.push_back({tmp, target});
        return indexRow(account, uidl, name, message.size(), summary, error) ? target : QString();
    }
    if (::rename(QFile::encodeName(tmp).constData(), QFile::encodeName(target).constData()) != 0) {
        *error = u"cannot move the message into the Maildir"_s;
        return {};
    }
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    db.transaction();
    if (!indexRow(account, uidl, name, message.size(), summary, error) || !db.commit()) {
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
    // 1. All files of the group durable with one syncfs() instead of one fsync each.
    QFile any(m_pending.front().tmp);
    if (!any.open(QIODevice::ReadOnly) || ::syncfs(any.handle()) != 0) {
        *error = u"cannot flush the mail store to disk"_s;
        db.rollback();
        return false;
    }
    any.close();
    // 2. Into new/, and the directory entry durable too.
    for (const Pending &p : m_pending)
        if (::rename(QFile::encodeName(p.tmp).constData(), QFile::encodeName(p.target).constData()) != 0) {
            *error = u"cannot move a message into the Maildir"_s;
            db.rollback();
            return false;
        }
    QFile dir(maildir() + u"/new"_s);
    if (dir.open(QIODevice::ReadOnly))
        ::fsync(dir.handle());
    m_pending.clear();
    // 3. Only now do their UIDLs count as stored.
    if (!db.commit()) {
        *error = db.lastError().text();
        return false;
    }
    return true;
}

bool MessageStore::indexRow(const QString &account, const QString &uidl, const QString &name, qint64 size,
                            const MessageSummary &summary, QString *error)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    QSqlQuery q(db);
    q.prepare(u"INSERT OR REPLACE INTO messages (account, uidl, path, size, stored, subject, sender, recipients,"
              " date, has_attachments, snippet) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    for (const QVariant &v : {QVariant(account), QVariant(uidl), QVariant(QString(u"new/"_s + name)),
                              QVariant(size), QVariant(QDateTime::currentSecsSinceEpoch()),
                              QVariant(summary.subject), QVariant(summary.sender), QVariant(summary.recipients),
                              QVariant(summary.date), QVariant(summary.hasAttachments ? 1 : 0), QVariant(summary.snippet)})
        q.addBindValue(v);
    bool ok = q.exec();
    if (ok && m_fts) {
        QSqlQuery f(db);
        f.prepare(u"DELETE FROM messages_fts WHERE account = ? AND uidl = ?"_s);
        f.addBindValue(account);
        f.addBindValue(uidl);
        ok = f.exec();
        f.prepare(u"INSERT INTO messages_fts (account, uidl, subject, sender, body) VALUES (?, ?, ?, ?, ?)"_s);
        for (const QString &v : {account, uidl, summary.subject, summary.sender, summary.body})
            f.addBindValue(v);
        ok = ok && f.exec();
    }
    if (!ok)
        *error = q.lastError().text();
    return ok;
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
    q.prepare(u"SELECT f.account, f.uidl, m.subject, m.path FROM messages_fts f JOIN messages m"
              " ON m.account = f.account AND m.uidl = f.uidl WHERE messages_fts MATCH ? ORDER BY rank"_s);
    q.addBindValue(terms.join(u' '));
    if (q.exec())
        while (q.next())
            hits.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                         maildir() + u'/' + q.value(3).toString()});
    return hits;
}

qint64 MessageStore::storedAt(const QString &account, const QString &uidl) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(u"SELECT stored FROM messages WHERE account = ? AND uidl = ?"_s);
    q.addBindValue(account);
    q.addBindValue(uidl);
    return q.exec() && q.next() ? q.value(0).toLongLong() : 0;
}

int MessageStore::count(const QString &account) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(u"SELECT COUNT(*) FROM messages WHERE account = ?"_s);
    q.addBindValue(account);
    return q.exec() && q.next() ? q.value(0).toInt() : 0;
}

QStringList MessageStore::paths(const QString &account) const
{
    QStringList out;
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(u"SELECT path FROM messages WHERE account = ? ORDER BY stored, path"_s);
    q.addBindValue(account);
    if (q.exec())
        while (q.next())
            out << maildir() + u'/' + q.value(0).toString();
    return out;
}

} // namespace Store
