// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/types/mailindex.h"

#include <QList>
#include <QObject>
#include <QString>

#include <memory>

namespace Client {

// The local mail store as the window sees it: folders, what the user does to messages here
// (read, flag, delete to Trash and back, empty Trash), and mail made here. Messages are known
// by their id (stable across syncs and restarts). The list models read the same store through
// their own connections; a sync writes through its own on another thread.
class MailStore : public QObject
{
    Q_OBJECT

public:
    explicit MailStore(QObject *parent = nullptr);
    ~MailStore() override;

    // Opens (creates, or converts an older) store; directory is the profile's dataDir() + "/mail".
    bool open(const QString &directory, QString *error);
    bool isOpen() const;
    QString directory() const;
    QString indexPath() const;

    // Every folder with its counts: the Inboxes (by account's Types::mailboxKey), Drafts,
    // Outbox, Sent, Trash.
    QList<Types::FolderInfo> folders() const;
    // An account's Inbox is made when first asked for; 0 when the store cannot.
    qint64 folderId(Types::FolderKind kind, const QString &account = {});
    // A message made here into Drafts, Outbox or Sent; its id, 0 with *error.
    qint64 addLocal(Types::FolderKind folder, const QByteArray &message, QString *error);

    bool setRead(const QList<qint64> &ids, bool read);
    bool setFlagged(const QList<qint64> &ids, bool flagged);
    // Returns the ids moved, which restore() takes back (Undo).
    QList<qint64> moveToTrash(const QList<qint64> &ids);
    QList<qint64> restore(const QList<qint64> &ids);
    // For good: a POP3 message is never downloaded again (and is deleted on the server at the
    // next sync when its account deletes there what is deleted here). Returns how many went.
    int deleteForGood(const QList<qint64> &ids);
    int emptyTrash();
    QString lastError() const;
    // The file of a complete message (the list's AccountRole and UidlRole); empty for headers only.
    QString messagePath(const QString &account, const QString &uidl) const;

Q_SIGNALS:
    // Folder contents or counts changed through this object.
    void changed();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Client
