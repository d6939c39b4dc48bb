// SPDX-License-Identifier: GPL-3.0-or-later
#include "messagelistmodel.h"

#include "mailstore.h"
#include "messagelisttext.h"
#include "store/messagelist.h"
#include "store/messagestore.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFont>
#include <QIcon>
#include <QLocale>
#include <QLoggingCategory>
#include <QSet>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <unordered_map>
#include <unordered_set>

using namespace Qt::StringLiterals;

namespace Client {

namespace {

// Debug (timings of every query and window) only when asked for with QT_LOGGING_RULES.
Q_LOGGING_CATEGORY(lcList, "tidings.client.messagelist", QtInfoMsg)

// Rows are read this many at a time, and this many windows are kept: a screen or two of
// rows around where the user looks, never the folder.
constexpr int kWindowRows = 200;
constexpr int kMaxWindows = 8;
// A change of more separate runs of rows than this (a new search applied by a sort, say) is
// shown as a reset: a signal per run would cost the views more than laying out again.
constexpr int kMaxRuns = 64;
// After a sort, the search worker reads the new order this long after the user stopped
// clicking headers (reading it at once would compete with the next click).
constexpr int kPrepareSearchDelayMs = 500;

struct Entry
{
    qint64 id = 0;
    int depth = 0;
    friend bool operator==(const Entry &, const Entry &) = default;
};
using Entries = std::vector<Entry>;

// Which ids a list holds. Ids are row ids, dense from 1: a bitmap answers in a few ns where a
// hash set of 100,000 ids cost tens of milliseconds to build on every sort.
class IdSet
{
public:
    explicit IdSet(const Entries &entries)
    {
        qint64 top = 0;
        for (const Entry &e : entries)
            top = std::max(top, e.id);
        if (top < kBitmapIds) {
            m_bits.assign(size_t(top) + 1, false);
            for (const Entry &e : entries)
                if (e.id >= 0)
                    m_bits[size_t(e.id)] = true;
        } else {
            m_hash.reserve(entries.size());
            for (const Entry &e : entries)
                m_hash.insert(e.id);
        }
    }
    bool contains(qint64 id) const
    {
        if (m_hash.empty())
            return id >= 0 && size_t(id) < m_bits.size() && m_bits[size_t(id)];
        return m_hash.count(id) != 0;
    }

private:
    static constexpr qint64 kBitmapIds = 64LL << 20; // 8 MB of bits at most
    std::vector<bool> m_bits;
    std::unordered_set<qint64> m_hash;
};

// The folder's list as the query asks: ids in order, threaded when asked.
bool load(const Store::MessageList &list, const Store::ListQuery &query, bool threaded,
          Entries *out, QString *error)
{
    out->clear();
    if (!threaded) {
        std::vector<qint64> ids;
        if (!list.ids(query, &ids, error))
            return false;
        out->reserve(ids.size());
        for (qint64 id : ids)
            out->push_back({id, 0});
        return true;
    }
    std::vector<Store::ThreadLink> links;
    if (!list.links(query, &links, error))
        return false;
    const std::vector<Store::ThreadedRow> rows = Store::threadOrder(links);
    out->reserve(rows.size());
    for (const Store::ThreadedRow &r : rows)
        out->push_back({r.id, r.depth});
    return true;
}

Store::SortKey sortKeyOf(int column)
{
    switch (column) {
    case MessageListModel::FlagColumn:
        return Store::SortKey::Flag;
    case MessageListModel::AttachmentColumn:
        return Store::SortKey::Attachment;
    case MessageListModel::FromColumn:
        return Store::SortKey::Sender;
    case MessageListModel::SubjectColumn:
        return Store::SortKey::Subject;
    case MessageListModel::SizeColumn:
        return Store::SortKey::Size;
    default:
        return Store::SortKey::Date;
    }
}

// Searches off the GUI thread, on a connection of its own (made in its thread, used only there).
class SearchWorker : public QObject
{
public:
    SearchWorker(QString indexPath, std::shared_ptr<std::atomic_int> latest)
        : m_path(std::move(indexPath))
        , m_latest(std::move(latest))
    {}

    // Runs in the worker thread: the connection and the folder's order ready before the user
    // types.
    void prepare(const Store::ListQuery &query)
    {
        Q_ASSERT(QThread::currentThread() == thread());
        QString error;
        if (open(&error))
            m_list->prepareSearch(query, &error);
    }

    // Runs in the worker thread; done() is called there with the result.
    void run(int generation, const Store::ListQuery &query, bool threaded,
             const std::function<void(Entries)> &done)
    {
        Q_ASSERT(QThread::currentThread() == thread());
        if (generation != m_latest->load())
            return; // typed over before it started
        QString error;
        if (!open(&error))
            qCWarning(lcList) << "search connection:" << error;
        Entries entries;
        QElapsedTimer timer;
        timer.start();
        if (!load(*m_list, query, threaded, &entries, &error))
            qCWarning(lcList) << "search failed:" << error;
        qCDebug(lcList) << "searched" << query.search << "in" << timer.elapsed() << "ms,"
                        << entries.size() << "rows";
        done(std::move(entries));
    }

private:
    bool open(QString *error)
    {
        if (m_list)
            return true;
        m_list = std::make_unique<Store::MessageList>(m_path);
        return m_list->open(error);
    }

    QString m_path;
    std::shared_ptr<std::atomic_int> m_latest;
    std::unique_ptr<Store::MessageList> m_list;
};

} // namespace

struct MessageListModel::Private
{
    MessageListModel *q;
    MailStore *store;
    Store::MessageList list;
    bool open = false;
    Store::ListQuery query;
    bool threaded = false;
    int sortColumn = DateColumn;
    Qt::SortOrder sortOrder = Qt::DescendingOrder;
    Entries entries;
    QFont bold = [] {
        QFont f;
        f.setBold(true);
        return f;
    }();

    // Windows of rows read from the store, most recently used first.
    // A row as read, with the texts the list paints made once per window, not per paint.
    struct Row
    {
        Store::ListRow data;
        QString sender;
        QString subject;
        QString date;
        QString size;
    };
    struct Window
    {
        int index = -1;
        std::vector<Row> rows; // aligned with entries from index * kWindowRows
    };
    mutable std::vector<Window> windows;

    // Searches: each request a new generation; only the latest one's result is shown.
    std::shared_ptr<std::atomic_int> generation = std::make_shared<std::atomic_int>(0);
    bool searchPending = false;
    QThread searchThread;
    SearchWorker *worker = nullptr;
    QTimer prepareLater;

    Private(MessageListModel *model, MailStore *s)
        : q(model)
        , store(s)
        , list(s->indexPath())
    {
        prepareLater.setSingleShot(true);
        prepareLater.setInterval(kPrepareSearchDelayMs);
        QObject::connect(&prepareLater, &QTimer::timeout, q, [this] { prepareSearch(); });
        QString error;
        open = list.open(&error);
        if (!open)
            qCWarning(lcList) << "cannot read the index:" << error;
        query.sort = Store::SortKey::Date;
        query.descending = true;
        worker = new SearchWorker(s->indexPath(), generation);
        worker->moveToThread(&searchThread);
        searchThread.setObjectName(u"message-search"_s);
        searchThread.start();
    }

    ~Private()
    {
        // The worker's connection is closed in its own thread, then the thread ends. A result
        // it posted meanwhile goes with the model (Qt drops events to a deleted object).
        SearchWorker *w = worker;
        QMetaObject::invokeMethod(
            w, [w] { delete w; }, Qt::BlockingQueuedConnection);
        searchThread.quit();
        searchThread.wait();
    }

    const Row *row(int r) const
    {
        const int index = r / kWindowRows;
        auto it = std::find_if(windows.begin(), windows.end(),
                               [index](const Window &w) { return w.index == index; });
        if (it == windows.end()) {
            Window w{index, {}};
            const int first = index * kWindowRows;
            const int count = std::min<int>(kWindowRows, int(entries.size()) - first);
            std::vector<qint64> ids(size_t(std::max(count, 0)));
            for (int i = 0; i < count; ++i)
                ids[size_t(i)] = entries[size_t(first + i)].id;
            QElapsedTimer timer;
            timer.start();
            const QList<Store::ListRow> read = list.rows(ids.data(), qsizetype(ids.size()));
            qCDebug(lcList) << "window" << index << "read in" << timer.nsecsElapsed() / 1000
                            << "us";
            w.rows.resize(ids.size());
            const QDate today = QDate::currentDate();
            qsizetype k = 0;
            for (size_t i = 0; i < ids.size(); ++i) {
                Row &row = w.rows[i];
                if (k < read.size() && read.at(k).id == ids[i]) {
                    row.data = read.at(k++);
                    row.sender = ListText::senderName(row.data.sender);
                    row.subject = ListText::subject(row.data.subject);
                    row.date = ListText::date(row.data.date, today);
                    row.size = ListText::size(row.data.size);
                } else {
                    row.data.id = ids[i]; // gone since: an empty row until the next refresh
                }
            }
            if (int(windows.size()) >= kMaxWindows)
                windows.pop_back();
            windows.insert(windows.begin(), std::move(w));
            it = windows.begin();
        } else if (it != windows.begin()) {
            std::rotate(windows.begin(), it, it + 1);
            it = windows.begin();
        }
        const size_t at = size_t(r - index * kWindowRows);
        return at < it->rows.size() ? &it->rows[at] : nullptr;
    }

    Entries loadNow()
    {
        Entries out;
        QString error;
        if (open && query.folder != 0 && !load(list, query, threaded, &out, &error))
            qCWarning(lcList) << "cannot list the folder:" << error;
        return out;
    }

    // A new query replaces whatever searches are under way.
    void supersede() { generation->fetch_add(1); }

    // The worker reads the folder's order now, so that the first keystroke only searches.
    void prepareSearch()
    {
        if (query.folder == 0)
            return;
        SearchWorker *w = worker;
        Store::ListQuery ahead = query;
        ahead.search.clear();
        QMetaObject::invokeMethod(
            w, [w, ahead] { w->prepare(ahead); }, Qt::QueuedConnection);
    }

    void finishPendingSearch()
    {
        if (!searchPending)
            return;
        searchPending = false;
        Q_EMIT q->searchFinished(query.search, int(entries.size()));
    }

    void reset(Entries next)
    {
        q->beginResetModel();
        entries = std::move(next);
        windows.clear();
        q->endResetModel();
    }

    void searchDone(int done, const QString &text, Entries result)
    {
        if (done != generation->load()) {
            qCDebug(lcList) << "stale search dropped:" << text;
            return;
        }
        reset(std::move(result));
        searchPending = false;
        Q_EMIT q->searchFinished(text, int(entries.size()));
    }

    void apply(Entries next);
    void updateFlags(const QList<qint64> &ids, int flag, bool on);
};

// From the list shown to next with the fewest disturbances: the rows that went are removed,
// the ones that stay are reordered (a layout change that carries persistent indexes, hence
// selections, by id) only if their order changed, and new ones are inserted where they belong.
void MessageListModel::Private::apply(Entries next)
{
    const IdSet inNext(next);
    const IdSet inOld(entries);
    auto runs = [](const Entries &list, const IdSet &other) {
        int count = 0;
        bool inRun = false;
        for (const Entry &e : list) {
            const bool out = !other.contains(e.id);
            count += out && !inRun;
            inRun = out;
        }
        return count;
    };
    if (runs(entries, inNext) + runs(next, inOld) > kMaxRuns) {
        reset(std::move(next));
        return;
    }

    // 1. Removals, last run first so that row numbers stay valid.
    for (int last = int(entries.size()) - 1; last >= 0;) {
        if (inNext.contains(entries[size_t(last)].id)) {
            --last;
            continue;
        }
        int first = last;
        while (first > 0 && !inNext.contains(entries[size_t(first - 1)].id))
            --first;
        q->beginRemoveRows({}, first, last);
        entries.erase(entries.begin() + first, entries.begin() + last + 1);
        windows.clear();
        q->endRemoveRows();
        last = first - 1;
    }
    // 2. The rows that stay, in their new order.
    Entries kept;
    kept.reserve(entries.size());
    for (const Entry &e : next)
        if (inOld.contains(e.id))
            kept.push_back(e);
    if (kept != entries) {
        bool moved = kept.size() != entries.size();
        for (size_t i = 0; !moved && i < kept.size(); ++i)
            moved = kept[i].id != entries[i].id;
        if (moved) {
            Q_EMIT q->layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
            const QModelIndexList before = q->persistentIndexList();
            QModelIndexList after;
            after.reserve(before.size());
            std::unordered_map<qint64, int> rowOf;
            if (!before.isEmpty()) {
                rowOf.reserve(kept.size());
                for (size_t i = 0; i < kept.size(); ++i)
                    rowOf.emplace(kept[i].id, int(i));
            }
            for (const QModelIndex &index : before) {
                const auto it = rowOf.find(entries[size_t(index.row())].id);
                after << (it == rowOf.end() ? QModelIndex() : q->index(it->second, index.column()));
            }
            entries = std::move(kept);
            windows.clear();
            q->changePersistentIndexList(before, after);
            Q_EMIT q->layoutChanged({}, QAbstractItemModel::VerticalSortHint);
        } else {
            entries = std::move(kept); // only thread depths changed: dataChanged below
        }
    }
    // 3. Insertions, first run first: each lands at its row of next.
    for (int first = 0; first < int(next.size());) {
        if (inOld.contains(next[size_t(first)].id)) {
            ++first;
            continue;
        }
        int last = first;
        while (last + 1 < int(next.size()) && !inOld.contains(next[size_t(last + 1)].id))
            ++last;
        q->beginInsertRows({}, first, last);
        entries.insert(entries.begin() + first, next.begin() + first, next.begin() + last + 1);
        windows.clear();
        q->endInsertRows();
        first = last + 1;
    }
    // Flags, subjects or depths may have changed under rows that stayed.
    windows.clear();
    if (!entries.empty())
        Q_EMIT q->dataChanged(q->index(0, 0), q->index(int(entries.size()) - 1, ColumnCount - 1));
}

void MessageListModel::Private::updateFlags(const QList<qint64> &ids, int flag, bool on)
{
    const QSet<qint64> changed(ids.begin(), ids.end());
    for (Window &w : windows)
        for (Row &r : w.rows)
            if (changed.contains(r.data.id))
                r.data.flags = on ? (r.data.flags | flag) : (r.data.flags & ~flag);
    int first = -1;
    int last = -1;
    for (int i = 0; i < int(entries.size()); ++i)
        if (changed.contains(entries[size_t(i)].id)) {
            if (first < 0)
                first = i;
            last = i;
        }
    if (first >= 0)
        Q_EMIT q->dataChanged(q->index(first, 0), q->index(last, ColumnCount - 1));
}

MessageListModel::MessageListModel(MailStore *store, QObject *parent)
    : QAbstractTableModel(parent)
    , d(std::make_unique<Private>(this, store))
{}

MessageListModel::~MessageListModel() = default;

void MessageListModel::setFolder(qint64 folderId)
{
    d->supersede();
    d->query.folder = folderId;
    d->reset(d->loadNow());
    d->finishPendingSearch();
    d->prepareLater.start();
}

qint64 MessageListModel::folder() const
{
    return d->query.folder;
}

void MessageListModel::setSearch(const QString &text)
{
    d->query.search = text;
    const int generation = d->generation->fetch_add(1) + 1;
    d->searchPending = true;
    MessageListModel *model = this; // outlives the worker's calls: see ~Private
    const Store::ListQuery query = d->query;
    const bool threaded = d->threaded;
    SearchWorker *worker = d->worker;
    QMetaObject::invokeMethod(
        worker,
        [worker, generation, query, threaded, model] {
            worker->run(generation, query, threaded, [=](Entries entries) {
                // Back on the GUI thread, where a newer query drops it.
                QMetaObject::invokeMethod(
                    model,
                    [model, generation, text = query.search, e = std::move(entries)]() mutable {
                        model->d->searchDone(generation, text, std::move(e));
                    },
                    Qt::QueuedConnection);
            });
        },
        Qt::QueuedConnection);
}

QString MessageListModel::search() const
{
    return d->query.search;
}

void MessageListModel::setThreaded(bool threaded)
{
    if (threaded == d->threaded)
        return;
    d->supersede();
    d->threaded = threaded;
    d->apply(d->loadNow());
    d->finishPendingSearch();
}

bool MessageListModel::isThreaded() const
{
    return d->threaded;
}

void MessageListModel::refresh()
{
    d->supersede();
    d->apply(d->loadNow());
    d->finishPendingSearch();
}

void MessageListModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount)
        return;
    d->supersede();
    d->sortColumn = column;
    d->sortOrder = order;
    d->query.sort = sortKeyOf(column);
    d->query.descending = order == Qt::DescendingOrder;
    QElapsedTimer timer;
    timer.start();
    Entries next = d->loadNow();
    const qint64 loaded = timer.elapsed();
    d->apply(std::move(next));
    qCDebug(lcList) << "sorted by column" << column << "in" << timer.elapsed() << "ms, query"
                    << loaded << "ms";
    d->finishPendingSearch();
    d->prepareLater.start();
}

int MessageListModel::sortColumn() const
{
    return d->sortColumn;
}

Qt::SortOrder MessageListModel::sortOrder() const
{
    return d->sortOrder;
}

qint64 MessageListModel::idAt(int row) const
{
    return row >= 0 && row < int(d->entries.size()) ? d->entries[size_t(row)].id : 0;
}

int MessageListModel::rowOfId(qint64 id) const
{
    const auto it = std::find_if(d->entries.begin(), d->entries.end(),
                                 [id](const Entry &e) { return e.id == id; });
    return it == d->entries.end() ? -1 : int(it - d->entries.begin());
}

QList<qint64> MessageListModel::idsOf(const QModelIndexList &indexes) const
{
    QList<qint64> ids;
    QSet<int> rows;
    for (const QModelIndex &index : indexes)
        if (index.isValid() && index.model() == this && !rows.contains(index.row())) {
            rows.insert(index.row());
            ids << idAt(index.row());
        }
    return ids;
}

bool MessageListModel::setRead(const QList<qint64> &ids, bool read)
{
    if (!d->store->setRead(ids, read))
        return false;
    d->updateFlags(ids, Store::MessageStore::Seen, read);
    return true;
}

bool MessageListModel::setFlagged(const QList<qint64> &ids, bool flagged)
{
    if (!d->store->setFlagged(ids, flagged))
        return false;
    d->updateFlags(ids, Store::MessageStore::Flagged, flagged);
    return true;
}

QList<qint64> MessageListModel::moveToTrash(const QList<qint64> &ids)
{
    const QList<qint64> moved = d->store->moveToTrash(ids);
    if (!moved.isEmpty()) {
        d->supersede();
        d->apply(d->loadNow());
        d->finishPendingSearch();
    }
    return moved;
}

QList<qint64> MessageListModel::undoMoveToTrash(const QList<qint64> &moved)
{
    const QList<qint64> restored = d->store->restore(moved);
    if (!restored.isEmpty())
        refresh();
    return restored;
}

int MessageListModel::emptyTrash()
{
    const int gone = d->store->emptyTrash();
    if (gone > 0)
        refresh();
    return gone;
}

int MessageListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(d->entries.size());
}

int MessageListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

namespace {
// The application's paperclip (resources/icons, compiled into tidings_gui); null without it.
const QIcon &attachmentIcon()
{
    static const QIcon icon(u":/icons/attachment.svg"_s);
    return icon;
}
} // namespace

QVariant MessageListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &entry = d->entries[size_t(index.row())];
    if (role == IdRole)
        return entry.id;
    if (role == ThreadDepthRole)
        return entry.depth;
    const Private::Row *cached = d->row(index.row());
    if (!cached)
        return {};
    const Store::ListRow *row = &cached->data;
    const bool unread = !(row->flags & Store::MessageStore::Seen);
    const bool flagged = row->flags & Store::MessageStore::Flagged;
    switch (role) {
    case AccountRole:
        return row->account;
    case DateRole:
        return row->date > 0 ? QDateTime::fromSecsSinceEpoch(row->date) : QDateTime();
    case SizeRole:
        return row->size;
    case UidlRole:
        return row->uidl;
    case UnreadRole:
        return unread;
    case FlaggedRole:
        return flagged;
    case HasAttachmentRole:
        return row->hasAttachments;
    case CompleteRole:
        return row->complete;
    case UnreadableKindRole:
        return row->unreadableKind;
    case UnreadableRole:
        return row->unreadable;
    case Qt::FontRole:
        return unread ? QVariant(d->bold) : QVariant();
    case Qt::DecorationRole:
        return index.column() == AttachmentColumn && row->hasAttachments ? QVariant(attachmentIcon()) : QVariant();
    case Qt::TextAlignmentRole:
        if (index.column() == SizeColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        if (index.column() == FlagColumn || index.column() == AttachmentColumn)
            return QVariant::fromValue(Qt::AlignCenter);
        return {};
    case Qt::DisplayRole:
        switch (index.column()) {
        case FlagColumn:
            return flagged ? u"\u2605"_s : QString(); // ★
        case AttachmentColumn:
            return QString(); // a paperclip icon (DecorationRole): fonts without emoji drew a box
        case FromColumn:
            return cached->sender;
        case SubjectColumn:
            return cached->subject;
        case DateColumn:
            return cached->date;
        case SizeColumn:
            return cached->size;
        }
        return {};
    case Qt::ToolTipRole:
    case Qt::AccessibleTextRole:
        switch (index.column()) {
        case FlagColumn:
            return flagged ? tr("Flagged") : tr("Not flagged");
        case AttachmentColumn:
            return row->hasAttachments ? tr("Has attachments") : tr("No attachments");
        case FromColumn:
            return row->sender;
        case SubjectColumn: {
            QString text = ListText::subject(row->subject);
            if (unread)
                text = tr("Unread: %1").arg(text);
            if (!row->unreadableKind.isEmpty())
                text += u" \u2014 "_s + tr("cannot be shown: %1").arg(row->unreadable);
            else if (!row->complete)
                text += u" \u2014 "_s + tr("headers only, the rest is on the server");
            return text;
        }
        case DateColumn:
            return row->date > 0
                       ? QLocale().toString(QDateTime::fromSecsSinceEpoch(row->date).toLocalTime(),
                                            QLocale::LongFormat)
                       : QString();
        case SizeColumn:
            return ListText::size(row->size);
        }
        return {};
    default:
        return {};
    }
}

QVariant MessageListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole) {
        switch (section) {
        case FlagColumn:
            return u"\u2605"_s;
        case AttachmentColumn:
            return QString();
        }
    }
    if (role == Qt::DecorationRole)
        return section == AttachmentColumn ? QVariant(attachmentIcon()) : QVariant();
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != Qt::AccessibleTextRole)
        return {};
    switch (section) {
    case FlagColumn:
        return tr("Flag");
    case AttachmentColumn:
        return tr("Attachments");
    case FromColumn:
        return tr("From");
    case SubjectColumn:
        return tr("Subject");
    case DateColumn:
        return tr("Date");
    case SizeColumn:
        return tr("Size");
    }
    return {};
}

QHash<int, QByteArray> MessageListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(IdRole, "messageId");
    names.insert(AccountRole, "account");
    names.insert(UidlRole, "uidl");
    names.insert(UnreadRole, "unread");
    names.insert(FlaggedRole, "flagged");
    names.insert(HasAttachmentRole, "hasAttachment");
    names.insert(CompleteRole, "complete");
    names.insert(UnreadableKindRole, "unreadableKind");
    names.insert(UnreadableRole, "unreadable");
    names.insert(ThreadDepthRole, "threadDepth");
    names.insert(DateRole, "date");
    names.insert(SizeRole, "size");
    return names;
}

} // namespace Client
