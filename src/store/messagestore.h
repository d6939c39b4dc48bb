// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <memory>

class QSqlQuery;

namespace Store {

// The local mail store: one Maildir plus an SQLite index (WAL) that records,
// per account, which UIDLs are safely on disk. A message counts as stored only
// after its file is fsync'ed, renamed into new/ and its row committed; its
// file name derives from account and UIDL, so re-downloading after a crash
// overwrites instead of duplicating.
class MessageStore
{
public:
    explicit MessageStore(const QString &directory);
    ~MessageStore();

    bool open(QString *error);
    bool contains(const QString &account, const QString &uidl) const;
    // Returns the file written, or empty with *error.
    QString add(const QString &account, const QString &uidl, const QByteArray &message, QString *error);
    int count(const QString &account) const;
    qint64 storedAt(const QString &account, const QString &uidl) const; // Unix time, 0 if unknown
    QStringList paths(const QString &account) const;
    QString maildir() const { return m_directory + QStringLiteral("/Maildir"); }

private:
    QString m_directory;
    QString m_connection;
};

} // namespace Store
