// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractTableModel>
#include <QList>
#include <QString>

#include <memory>

namespace Client {

class MailStore;

// One folder of the store as a table, for 100,000 messages and more: the model holds the
// folder's message ids in order (SQLite orders and filters them through its indexes) and reads
// the rows themselves in windows of a few hundred as they are shown, keeping only a few
// windows. It reads on its own connection (WAL: a sync may write meanwhile); searches run on a
// worker thread with another, and a result that a newer search has made stale is dropped.
// Rows are known by their message id: idAt()/rowOfId() let a view keep its selection and
// scroll position across refresh(), sort() and setThreaded().
class MessageListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        FlagColumn,
        AttachmentColumn,
        FromColumn,
        SubjectColumn,
        DateColumn,
        SizeColumn,
        ColumnCount
    };
    enum Role {
        IdRole = Qt::UserRole + 1, // qint64, the message's id in the store
        AccountRole,               // the mailbox key (Types::mailboxKey); empty for local mail
        UidlRole,
        UnreadRole,         // bool
        FlaggedRole,        // bool
        HasAttachmentRole,  // bool
        CompleteRole,       // bool; false: headers only, the body is still on the server
        UnreadableKindRole, // the reader's refusal ("too-deep"), empty when it reads
        UnreadableRole,     // its reason, in English
        ThreadDepthRole,    // int; 0 unless threaded
        DateRole,           // QDateTime (local); invalid when the message has none
        SizeRole,           // qint64 bytes on the server
    };

    // The store must outlive the model; the list starts empty until setFolder().
    explicit MessageListModel(MailStore *store, QObject *parent = nullptr);
    ~MessageListModel() override;

    void setFolder(qint64 folderId);
    qint64 folder() const;
    // Filters by sender, subject and text as the user types; the list changes when
    // searchFinished() is emitted. Empty: the whole folder.
    void setSearch(const QString &text);
    QString search() const;
    // Replies under their parent (References / In-Reply-To), with ThreadDepthRole.
    void setThreaded(bool threaded);
    bool isThreaded() const;
    // Reads the folder again after others wrote (a sync): rows keep their place, new ones are
    // inserted and gone ones removed with their own signals.
    void refresh();

    qint64 idAt(int row) const;   // 0 outside the list
    int rowOfId(qint64 id) const; // -1 when not listed
    QList<qint64> idsOf(const QModelIndexList &indexes) const;

    bool setRead(const QList<qint64> &ids, bool read);
    bool setFlagged(const QList<qint64> &ids, bool flagged);
    // Delete here: the messages go to Trash. Returns what undoMoveToTrash() takes back.
    QList<qint64> moveToTrash(const QList<qint64> &ids);
    QList<qint64> undoMoveToTrash(const QList<qint64> &moved);
    int emptyTrash();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    int sortColumn() const;
    Qt::SortOrder sortOrder() const;

Q_SIGNALS:
    // The list now shows the result of setSearch(text) (stale searches never signal).
    void searchFinished(const QString &text, int rows);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Client
