// SPDX-License-Identifier: GPL-3.0-or-later
#include "folderlistmodel.h"

#include "core/types/mailboxkey.h"
#include "mailstore.h"

#include <QFont>

namespace Client {

namespace {
// internalId of a group's row; a folder's row carries its group's row + 1.
constexpr quintptr kGroupRow = 0;
} // namespace

FolderListModel::FolderListModel(MailStore *store, QObject *parent)
    : QAbstractItemModel(parent)
    , m_store(store)
{
    connect(m_store, &MailStore::changed, this, &FolderListModel::refresh);
    m_groups = build();
}

FolderListModel::~FolderListModel() = default;

QList<FolderListModel::Group> FolderListModel::build()
{
    QList<Group> groups;
    const QList<Types::FolderInfo> all = m_store->folders();
    auto info = [&all](qint64 id) {
        for (const Types::FolderInfo &f : all)
            if (f.id == id)
                return f;
        Types::FolderInfo none;
        none.id = id;
        return none;
    };
    for (const Types::AccountSettings &account : std::as_const(m_accounts)) {
        const QString key = Types::mailboxKey(account);
        Group g;
        g.title = account.name.isEmpty() ? account.user + u'@' + account.host : account.name;
        g.account = key;
        Types::FolderInfo inbox = info(m_store->folderId(Types::FolderKind::Inbox, key));
        inbox.kind = Types::FolderKind::Inbox;
        inbox.account = key;
        g.folders << inbox;
        groups << g;
    }
    Group local;
    local.title = tr("Local Folders");
    for (Types::FolderKind kind : {Types::FolderKind::Drafts, Types::FolderKind::Outbox,
                                   Types::FolderKind::Sent, Types::FolderKind::Trash}) {
        Types::FolderInfo f = info(m_store->folderId(kind));
        f.kind = kind;
        local.folders << f;
    }
    groups << local;
    return groups;
}

void FolderListModel::setAccounts(const QList<Types::AccountSettings> &accounts)
{
    beginResetModel();
    m_accounts = accounts;
    m_groups = build();
    endResetModel();
}

void FolderListModel::refresh()
{
    const QList<Group> next = build();
    if (next.size() != m_groups.size()) { // accounts are set by setAccounts(): never here
        beginResetModel();
        m_groups = next;
        endResetModel();
        return;
    }
    for (int g = 0; g < m_groups.size(); ++g)
        for (int f = 0; f < m_groups[g].folders.size() && f < next[g].folders.size(); ++f) {
            const Types::FolderInfo &was = m_groups[g].folders[f];
            const Types::FolderInfo &now = next[g].folders[f];
            if (was.unread == now.unread && was.total == now.total)
                continue;
            m_groups[g].folders[f] = now;
            const QModelIndex changed = index(f, 0, index(g, 0));
            Q_EMIT dataChanged(changed, changed);
        }
}

QModelIndex FolderListModel::indexOfFolder(qint64 folderId) const
{
    for (int g = 0; g < m_groups.size(); ++g)
        for (int f = 0; f < m_groups[g].folders.size(); ++f)
            if (m_groups[g].folders[f].id == folderId)
                return index(f, 0, index(g, 0));
    return {};
}

qint64 FolderListModel::folderIdAt(const QModelIndex &index) const
{
    return data(index, FolderIdRole).toLongLong();
}

int FolderListModel::unreadCount(qint64 folderId) const
{
    return data(indexOfFolder(folderId), UnreadRole).toInt();
}

QModelIndex FolderListModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column != 0 || row < 0)
        return {};
    if (!parent.isValid())
        return row < m_groups.size() ? createIndex(row, 0, kGroupRow) : QModelIndex();
    if (parent.internalId() != kGroupRow || parent.row() >= m_groups.size() ||
        row >= m_groups[parent.row()].folders.size())
        return {};
    return createIndex(row, 0, quintptr(parent.row()) + 1);
}

QModelIndex FolderListModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == kGroupRow)
        return {};
    return createIndex(int(child.internalId() - 1), 0, kGroupRow);
}

int FolderListModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_groups.size());
    if (parent.internalId() == kGroupRow && parent.row() < m_groups.size())
        return int(m_groups[parent.row()].folders.size());
    return 0;
}

int FolderListModel::columnCount(const QModelIndex &) const
{
    return 1;
}

QString FolderListModel::folderName(const Types::FolderInfo &folder) const
{
    switch (folder.kind) {
    case Types::FolderKind::Inbox:
        return tr("Inbox");
    case Types::FolderKind::Drafts:
        return tr("Drafts");
    case Types::FolderKind::Outbox:
        return tr("Outbox");
    case Types::FolderKind::Sent:
        return tr("Sent");
    case Types::FolderKind::Trash:
        return tr("Trash");
    }
    return {};
}

QVariant FolderListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    if (index.internalId() == kGroupRow) {
        const Group &g = m_groups.at(index.row());
        if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole)
            return g.title;
        if (role == AccountRole)
            return g.account;
        if (role == FolderIdRole)
            return qint64(0);
        return {};
    }
    const Group &g = m_groups.at(int(index.internalId() - 1));
    const Types::FolderInfo &f = g.folders.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return f.unread > 0 ? tr("%1 (%2)").arg(folderName(f)).arg(f.unread) : folderName(f);
    case Qt::AccessibleTextRole:
        return f.unread > 0 ? tr("%1, %n unread", nullptr, f.unread).arg(folderName(f))
                            : folderName(f);
    case Qt::FontRole:
        if (f.unread > 0) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case FolderIdRole:
        return f.id;
    case FolderKindRole:
        return int(f.kind);
    case AccountRole:
        return f.account;
    case UnreadRole:
        return f.unread;
    case TotalRole:
        return f.total;
    default:
        return {};
    }
}

} // namespace Client
