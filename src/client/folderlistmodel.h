// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/types/accountsettings.h"
#include "core/types/mailindex.h"

#include <QAbstractItemModel>
#include <QList>

namespace Client {

class MailStore;

// The folder tree: each account (named as the user named it) with its Inbox, then "Local
// Folders" with Drafts, Outbox, Sent and Trash; each folder with its unread count (bold and
// "Inbox (3)" when there is unread mail). Counts follow MailStore::changed() and refresh().
class FolderListModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Role {
        FolderIdRole = Qt::UserRole + 1, // qint64; 0 on an account's or Local Folders' row
        FolderKindRole,                  // int (Types::FolderKind)
        AccountRole,                     // the mailbox key of an account's rows
        UnreadRole,                      // int
        TotalRole,                       // int
    };

    explicit FolderListModel(MailStore *store, QObject *parent = nullptr);
    ~FolderListModel() override;

    // The accounts to show, in this order (Client::Accounts or the settings give them).
    void setAccounts(const QList<Types::AccountSettings> &accounts);
    // Reads the counts again (after a sync stored mail).
    void refresh();
    QModelIndex indexOfFolder(qint64 folderId) const;
    qint64 folderIdAt(const QModelIndex &index) const;
    int unreadCount(qint64 folderId) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    struct Group
    {
        QString title;
        QString account; // empty for Local Folders
        QList<Types::FolderInfo> folders;
    };
    MailStore *m_store;
    QList<Types::AccountSettings> m_accounts;
    QList<Group> m_groups;
    QList<Group> build();
    QString folderName(const Types::FolderInfo &folder) const;
};

} // namespace Client
