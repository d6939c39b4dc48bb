// SPDX-License-Identifier: GPL-3.0-or-later
#include "keymigration.h"

#include "core/types/mailboxkey.h"

#include <QHash>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <tuple>
#include <vector>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcKeyMigration, "tidings.store.migration")

namespace Store {

namespace {

struct Row
{
    qint64 rowid = 0;
    QString account;
    QString uidl;
    bool complete = false;
    bool deleted = false;
    qint64 stored = 0;
    QString path;
    int flags = 0;
};

// The copy to keep: a whole message before a tombstone (a deleted duplicate
// must not take the remaining copy with it) before a header row; then the
// oldest, whose time is what "delete after N days" counts from.
bool keepsBefore(const Row &a, const Row &b)
{
    return std::tuple(a.complete, a.deleted, -a.stored, -a.rowid) >
           std::tuple(b.complete, b.deleted, -b.stored, -b.rowid);
}

bool exec(QSqlQuery &q, QString *error)
{
    if (q.exec())
        return true;
    *error = q.lastError().text();
    return false;
}

} // namespace

QString mailboxKeyOfLegacy(const QString &legacyKey)
{
    // user@host:port; the user may hold '@' itself, the port is digits only.
    const qsizetype colon = legacyKey.lastIndexOf(u':');
    const qsizetype at = colon < 0 ? -1 : legacyKey.lastIndexOf(u'@', colon);
    if (at < 0 || colon == legacyKey.size() - 1)
        return legacyKey;
    const QStringView port = QStringView(legacyKey).mid(colon + 1);
    if (!std::all_of(port.begin(), port.end(), [](QChar c) { return c.isDigit(); }))
        return legacyKey;
    return Types::mailboxKey(legacyKey.left(at), legacyKey.mid(at + 1, colon - at - 1));
}

bool migrateMailboxKeys(QSqlDatabase &db, bool fullText, QStringList *duplicateFiles,
                        QString *error)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(
        u"SELECT rowid, account, uidl, complete, deleted, stored, path, flags FROM messages"_s);
    if (!exec(q, error))
        return false;
    QHash<QPair<QString, QString>, std::vector<Row>> mailboxes;
    while (q.next()) {
        Row r{q.value(0).toLongLong(), q.value(1).toString(),   q.value(2).toString(),
              q.value(3).toInt() == 1, q.value(4).toInt() == 1, q.value(5).toLongLong(),
              q.value(6).toString(),   q.value(7).toInt()};
        mailboxes[{mailboxKeyOfLegacy(r.account), r.uidl}].push_back(std::move(r));
    }
    q.finish();
    QSqlQuery drop(db);
    drop.prepare(u"DELETE FROM messages WHERE rowid = ?"_s);
    QSqlQuery dropText(db);
    if (fullText)
        dropText.prepare(u"DELETE FROM messages_fts WHERE rowid = ?"_s);
    QSqlQuery rekey(db);
    rekey.prepare(u"UPDATE messages SET account = ?, flags = ? WHERE rowid = ?"_s);
    int merged = 0;
    for (auto it = mailboxes.begin(); it != mailboxes.end(); ++it) {
        std::vector<Row> &rows = it.value();
        const QString &key = it.key().first;
        if (rows.size() == 1 && rows.front().account == key)
            continue;
        std::sort(rows.begin(), rows.end(), keepsBefore);
        const Row &kept = rows.front();
        int flags = 0;
        for (const Row &r : rows)
            flags |= r.deleted ? 0 : r.flags;
        // The others first: the kept row then takes the key without a conflict.
        for (auto r = rows.begin() + 1; r != rows.end(); ++r) {
            drop.bindValue(0, r->rowid);
            if (!exec(drop, error))
                return false;
            if (fullText) {
                dropText.bindValue(0, r->rowid);
                if (!exec(dropText, error))
                    return false;
            }
            if (!r->path.isEmpty() && r->path != kept.path)
                *duplicateFiles << r->path;
            ++merged;
        }
        rekey.bindValue(0, key);
        rekey.bindValue(1, flags);
        rekey.bindValue(2, kept.rowid);
        if (!exec(rekey, error))
            return false;
    }
    if (!mailboxes.isEmpty())
        qCInfo(lcKeyMigration) << "index keyed by mailbox:" << mailboxes.size() << "messages,"
                               << merged << "duplicate copies removed";
    return true;
}

} // namespace Store
