// SPDX-License-Identifier: GPL-3.0-or-later
// MessageStore's mail made here, from files: the version 6 migration (the Outbox's sending
// state), adding and replacing local messages without reading them, moving them between Drafts,
// Outbox and Sent, and what an address book reads.
#include "messagestore.h"
#include "schema.h"

#include "platform/durablefile.h"
#include "platform/qtpath.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace Store {

namespace {

Q_LOGGING_CATEGORY(lcOutgoing, "tidings.store.outgoing")

const QString kLocalAccount = u""_s; // as folders.cpp: local messages have no mailbox
constexpr qint64 kCopyBlock = 1 << 20;

Platform::SysError moveFile(const QString &from, const QString &to)
{
    return Platform::renameReplacing(Platform::toPath(from), Platform::toPath(to));
}

// A copy made durable block by block (only when the file is on another file system).
bool durableCopy(const QString &from, const QString &to, QString *error)
{
    QFile in(from);
    QFile out(to);
    if (!in.open(QIODevice::ReadOnly) || !out.open(QIODevice::WriteOnly | QIODevice::Truncate,
                                                   QFile::ReadOwner | QFile::WriteOwner)) {
        *error = u"cannot copy %1 into the Maildir"_s.arg(from);
        return false;
    }
    QByteArray block;
    while (!(block = in.read(kCopyBlock)).isEmpty())
        if (out.write(block) != block.size()) {
            *error = u"cannot write %1: %2"_s.arg(to, out.errorString());
            return false;
        }
    if (!out.flush() || Platform::syncFile(out.handle())) {
        *error = u"cannot flush %1"_s.arg(to);
        return false;
    }
    return true;
}

bool run(QSqlQuery &q, const QString &statement, QString *error)
{
    if (q.exec(statement))
        return true;
    *error = q.lastError().text() + u" ("_s + statement.left(80) + u')';
    return false;
}

bool exec(QSqlQuery &q, QString *error)
{
    if (q.exec())
        return true;
    *error = q.lastError().text();
    return false;
}

QVariant textOrNull(const QString &s)
{
    return s.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(s);
}

constexpr auto kOutgoingColumns =
    "o.message, o.account, o.state, o.not_before, o.attempts, o.error_kind, o.error_code,"
    " o.error_text, o.error_detail, o.refused";

Outgoing outgoingFrom(const QSqlQuery &q)
{
    Outgoing o;
    o.id = q.value(0).toLongLong();
    o.account = q.value(1).toString();
    o.state = Outgoing::State(qBound(0, q.value(2).toInt(), int(Outgoing::State::Failed)));
    o.notBefore = q.value(3).toLongLong();
    o.attempts = q.value(4).toInt();
    o.errorKind = q.value(5).toString();
    o.errorCode = q.value(6).toInt();
    o.errorText = q.value(7).toString();
    o.errorDetail = q.value(8).toString();
    o.refused = q.value(9).toString();
    return o;
}

bool isLocalFolder(FolderKind kind)
{
    return kind == FolderKind::Drafts || kind == FolderKind::Outbox || kind == FolderKind::Sent;
}

} // namespace

bool MessageStore::migrateOutgoing(QSqlDatabase &db, QString *error)
{
    QSqlQuery q(db);
    if (!run(q, u"BEGIN IMMEDIATE"_s, error))
        return false;
    const bool due = q.exec(u"PRAGMA user_version"_s) && q.next() &&
                     q.value(0).toInt() < Schema::kOutgoingVersion;
    q.finish();
    // What sat in the Outbox before version 6 was never sent by this store: it stays there,
    // without a state, until the user sends it again (Retry).
    bool ok = !due || (run(q, QString::fromLatin1(Schema::kOutgoingTable), error) &&
                       run(q, u"PRAGMA user_version = %1"_s.arg(Schema::kOutgoingVersion), error));
    if (ok)
        ok = run(q, u"COMMIT"_s, error);
    if (!ok) {
        q.exec(u"ROLLBACK"_s);
        return false;
    }
    if (due)
        qCInfo(lcOutgoing) << "index version 6: the Outbox has a sending state";
    return true;
}

QString MessageStore::newTempPath() const
{
    return maildir() + u"/tmp/compose-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString MessageStore::adoptFile(const QString &file, const QString &uidl, QString *error)
{
    const QFileInfo info(file);
    if (!info.isFile()) {
        *error = u"no message file %1"_s.arg(file);
        return {};
    }
    const QString name = fileName(kLocalAccount, uidl) + u",S=%1"_s.arg(info.size());
    const QString target = maildir() + u"/new/"_s + name;
    // Its maker fsync'ed it; once more costs nothing then and makes sure otherwise.
    if (Platform::syncPath(Platform::toPath(file))) {
        *error = u"cannot flush %1 to disk"_s.arg(file);
        return {};
    }
    if (const Platform::SysError moved = moveFile(file, target)) {
        if (moved.kind != Platform::SysError::Kind::CrossDevice) {
            *error = u"cannot move %1 into the Maildir: %2"_s.arg(
                file, QString::fromLocal8Bit(moved.message()));
            return {};
        }
        const QString tmp = maildir() + u"/tmp/"_s + name;
        if (!durableCopy(file, tmp, error) || moveFile(tmp, target)) {
            QFile::remove(tmp);
            if (error->isEmpty())
                *error = u"cannot move the message into the Maildir"_s;
            return {};
        }
        QFile::remove(file);
    }
    // The directory entry durable before the row says the message is there.
    if (Platform::syncDirectory(Platform::toPath(maildir() + u"/new"_s))) {
        *error = u"cannot flush the Maildir to disk"_s;
        moveFile(target, file);
        return {};
    }
    return u"new/"_s + name;
}

qint64 MessageStore::addLocalFile(FolderKind folder, const QString &file,
                                  const MessageSummary &summary, QString *error,
                                  const Outgoing *outgoing)
{
    return replaceLocal(0, folder, file, summary, error, outgoing);
}

qint64 MessageStore::replaceLocal(qint64 oldId, FolderKind folder, const QString &file,
                                  const MessageSummary &summary, QString *error,
                                  const Outgoing *outgoing)
{
    if (!isLocalFolder(folder)) {
        *error = u"local messages go to Drafts, Outbox or Sent"_s;
        return 0;
    }
    if (outgoing && folder != FolderKind::Outbox) {
        *error = u"only a message in the Outbox has a sending state"_s;
        return 0;
    }
    const qint64 target = folderId(folder);
    const QString oldPath = oldId != 0 ? pathOfId(oldId) : QString();
    const QString uidl = u"local-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
    const qint64 size = QFileInfo(file).size();
    const QString relative = target != 0 ? adoptFile(file, uidl, error) : QString();
    if (relative.isEmpty()) {
        if (error->isEmpty())
            *error = u"no local folder"_s;
        return 0;
    }
    qint64 id = 0;
    const bool ok = inTransaction(
        [&] {
            id = indexRow(kLocalAccount, uidl, relative, size, summary, {}, target, error);
            if (id == 0)
                return false;
            QSqlQuery q(QSqlDatabase::database(m_connection));
            if (oldId != 0) {
                const QString old = QString::number(oldId);
                // Only a local message is ever replaced: never a POP3 one by a wrong id.
                if (!run(q, u"DELETE FROM outgoing WHERE message = %1"_s.arg(old), error) ||
                    !run(
                        q,
                        u"DELETE FROM messages WHERE id = %1 AND account = '' AND folder IS NOT NULL"_s
                            .arg(old),
                        error))
                    return false;
                if (m_fts &&
                    (!run(q, u"DELETE FROM messages_fts WHERE rowid = %1"_s.arg(old), error) ||
                     !run(q, u"DELETE FROM messages_short WHERE rowid = %1"_s.arg(old), error)))
                    return false;
            }
            if (!outgoing)
                return true;
            Outgoing state = *outgoing;
            state.id = id;
            return writeOutgoing(state, error);
        },
        error);
    if (!ok) {
        // Back where it came from: the caller still has it.
        moveFile(maildir() + u'/' + relative, file);
        return 0;
    }
    if (!oldPath.isEmpty())
        QFile::remove(oldPath);
    qCDebug(lcOutgoing) << "local message" << id << "in folder" << int(folder)
                        << (oldId ? "replaces" : "") << oldId;
    return id;
}

bool MessageStore::moveLocal(qint64 id, FolderKind to, QString *error, const Outgoing *outgoing)
{
    if (!isLocalFolder(to)) {
        *error = u"local messages move between Drafts, Outbox and Sent"_s;
        return false;
    }
    if ((to == FolderKind::Outbox) != (outgoing != nullptr)) {
        *error = u"a message in the Outbox has a sending state, elsewhere none"_s;
        return false;
    }
    const std::optional<FolderKind> from = folderKindOf(id);
    if (!from || !isLocalFolder(*from)) {
        *error = u"message %1 is not in Drafts, Outbox or Sent"_s.arg(id);
        return false;
    }
    const qint64 target = folderId(to);
    return inTransaction(
        [&] {
            QSqlQuery q(QSqlDatabase::database(m_connection));
            const QString seen =
                to == FolderKind::Sent ? u", flags = flags | %1"_s.arg(int(Seen)) : QString();
            if (!run(q,
                     u"UPDATE messages SET folder = %1%2 WHERE id = %3 AND account = ''"_s.arg(
                         QString::number(target), seen, QString::number(id)),
                     error))
                return false;
            if (!outgoing)
                return run(q, u"DELETE FROM outgoing WHERE message = %1"_s.arg(id), error);
            Outgoing state = *outgoing;
            state.id = id;
            return writeOutgoing(state, error);
        },
        error);
}

bool MessageStore::deleteLocal(qint64 id, QString *error)
{
    const std::optional<FolderKind> kind = folderKindOf(id);
    if (!kind || !isLocalFolder(*kind)) {
        *error = u"message %1 is not in Drafts, Outbox or Sent"_s.arg(id);
        return false;
    }
    const QString path = pathOfId(id);
    const QString row = QString::number(id);
    const bool ok = inTransaction(
        [&] {
            QSqlQuery q(QSqlDatabase::database(m_connection));
            return run(q, u"DELETE FROM outgoing WHERE message = %1"_s.arg(row), error) &&
                   run(q, u"DELETE FROM messages WHERE id = %1 AND account = ''"_s.arg(row),
                       error) &&
                   (!m_fts ||
                    (run(q, u"DELETE FROM messages_fts WHERE rowid = %1"_s.arg(row), error) &&
                     run(q, u"DELETE FROM messages_short WHERE rowid = %1"_s.arg(row), error)));
        },
        error);
    if (ok && !path.isEmpty())
        QFile::remove(path);
    return ok;
}

std::optional<FolderKind> MessageStore::folderKindOf(qint64 id) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(u"SELECT f.kind FROM messages m JOIN folders f ON f.id = m.folder WHERE m.id = ?"_s);
    q.addBindValue(id);
    if (q.exec() && q.next())
        return FolderKind(q.value(0).toInt());
    return std::nullopt;
}

QString MessageStore::pathOfId(qint64 id) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(u"SELECT path FROM messages WHERE id = ? AND deleted = 0"_s);
    q.addBindValue(id);
    const QString path = q.exec() && q.next() ? q.value(0).toString() : QString();
    return path.isEmpty() ? QString() : QDir::cleanPath(maildir() + u'/' + path);
}

qint64 MessageStore::outboxId() const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(u"SELECT id FROM folders WHERE kind = ? AND account = ''"_s);
    q.addBindValue(int(FolderKind::Outbox));
    return q.exec() && q.next() ? q.value(0).toLongLong() : 0;
}

QList<Outgoing> MessageStore::outgoing(const QString &account) const
{
    QList<Outgoing> out;
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.setForwardOnly(true);
    q.prepare(u"SELECT %1 FROM outgoing o JOIN messages m ON m.id = o.message"
              " WHERE m.folder = ?%2 ORDER BY o.message"_s.arg(
                  QLatin1String(kOutgoingColumns),
                  account.isEmpty() ? QString() : u" AND o.account = ?"_s));
    q.addBindValue(outboxId());
    if (!account.isEmpty())
        q.addBindValue(account);
    if (q.exec())
        while (q.next())
            out.append(outgoingFrom(q));
    return out;
}

std::optional<Outgoing> MessageStore::outgoingOf(qint64 id) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(u"SELECT %1 FROM outgoing o JOIN messages m ON m.id = o.message"
              " WHERE m.folder = ? AND o.message = ?"_s.arg(QLatin1String(kOutgoingColumns)));
    q.addBindValue(outboxId());
    q.addBindValue(id);
    if (q.exec() && q.next())
        return outgoingFrom(q);
    return std::nullopt;
}

bool MessageStore::setOutgoing(const Outgoing &state, QString *error)
{
    if (folderKindOf(state.id) != FolderKind::Outbox) {
        *error = u"message %1 is not in the Outbox"_s.arg(state.id);
        return false;
    }
    return inTransaction([&] { return writeOutgoing(state, error); }, error);
}

bool MessageStore::writeOutgoing(const Outgoing &o, QString *error)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(u"INSERT OR REPLACE INTO outgoing (message, account, state, not_before, attempts,"
              " error_kind, error_code, error_text, error_detail, refused)"
              " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    for (const QVariant &v :
         {QVariant(o.id), QVariant(o.account), QVariant(int(o.state)), QVariant(o.notBefore),
          QVariant(o.attempts), textOrNull(o.errorKind), QVariant(o.errorCode),
          textOrNull(o.errorText), textOrNull(o.errorDetail), textOrNull(o.refused)})
        q.addBindValue(v);
    return exec(q, error);
}

QList<std::pair<QString, int>> MessageStore::correspondents() const
{
    QList<std::pair<QString, int>> out;
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.setForwardOnly(true);
    if (q.exec(u"SELECT sender, COUNT(*) FROM messages WHERE folder IS NOT NULL AND sender != ''"
               " GROUP BY sender UNION ALL"
               " SELECT recipients, COUNT(*) FROM messages WHERE folder IS NOT NULL"
               " AND recipients != '' GROUP BY recipients"_s))
        while (q.next())
            out.append({q.value(0).toString(), q.value(1).toInt()});
    return out;
}

} // namespace Store
