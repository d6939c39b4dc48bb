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
    for (const char *statement : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL",
                                  "CREATE TABLE IF NOT EXISTS messages (account TEXT NOT NULL, uidl TEXT NOT NULL,"
                                  " path TEXT NOT NULL, size INTEGER NOT NULL, stored INTEGER NOT NULL,"
                                  " PRIMARY KEY (account, uidl))"})
        if (!q.exec(QString::fromLatin1(statement))) {
            *error = q.lastError().text();
            return false;
        }
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

QString MessageStore::add(const QString &account, const QString &uidl, const QByteArray &message, QString *error)
{
    // Maildir: write into tmp/, fsync, rename into new/ (atomic on one file system).
    const QString name = QString::fromLatin1(
        Crypto::digest(Crypto::Hash::Sha256, (account + u'\n' + uidl).toUtf8()).toHex().left(40))
        + u",S=%1"_s.arg(message.size());
    const QString tmp = maildir() + u"/tmp/"_s + name;
    const QString target = maildir() + u"/new/"_s + name;
    QFile file(tmp);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(message) != message.size()
        || !file.flush() || ::fsync(file.handle()) != 0) {
        *error = u"cannot write %1: %2"_s.arg(tmp, file.errorString());
        return {};
    }
    file.close();
    if (::rename(QFile::encodeName(tmp).constData(), QFile::encodeName(target).constData()) != 0) {
        *error = u"cannot move the message into the Maildir"_s;
        return {};
    }
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(u"INSERT OR REPLACE INTO messages (account, uidl, path, size, stored) VALUES (?, ?, ?, ?, ?)"_s);
    q.addBindValue(account);
    q.addBindValue(uidl);
    q.addBindValue(QString(u"new/"_s + name));
    q.addBindValue(message.size());
    q.addBindValue(QDateTime::currentSecsSinceEpoch());
    if (!q.exec()) {
        *error = q.lastError().text();
        return {};
    }
    return target;
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
