// SPDX-License-Identifier: GPL-3.0-or-later
// scripts/bench inbox [N]: the message list with N stored messages (default 100,000).
//
// The parent fills a profile's store once (a fixture, written straight through
// Store::MessageStore in big groups; not measured), then runs itself twice as a child, each
// timed from its process start: "tidings" (Client::MessageListModel in a QTableView) and
// "baseline" (the naive way: every row loaded into a QStandardItemModel), and prints both
// side by side. Each child measures: process start to the list painted, a sort by each column
// (both orders) to the list repainted, a search keystroke to the list updated (English and
// two-character Chinese terms), PageDown from the top to the bottom (the slowest step), and
// its peak RSS. The list under test is a ListUnderTest: pointing the bench at Gui::MainWindow
// later means one more implementation that finds the window's view and search box.
#include "client/mailstore.h"
#include "client/messagelistmodel.h"
#include "client/settingsstore.h"
#include "core/common/profile.h"
#include "mailgenerator.h"
#include "store/messagelist.h"
#include "store/messagestore.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QHeaderView>
#include <QKeyEvent>
#include <QProcess>
#include <QSortFilterProxyModel>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardItemModel>
#include <QTableView>
#include <QTextStream>
#include <QTimer>

#include <sys/resource.h>
#include <time.h>

#include <cstdio>
#include <map>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

const QString kAccountHost = u"pop.example.org"_s;
const QString kAccountUser = u"me"_s;
constexpr int kDefaultMessages = 100000;
constexpr int kGroup = 2000; // messages per durable group while filling the store
constexpr int kColumns = Client::MessageListModel::ColumnCount;

qint64 monotonicNs()
{
    timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

double peakRssMb()
{
    rusage usage;
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024.0; // KB on Linux
}

QString accountKey()
{
    return kAccountUser + u'@' + kAccountHost;
}

// ---- The fixture -------------------------------------------------------------------------

bool fill(const QString &profileDir, int n, QTextStream &out)
{
    const Common::Profile profile = Common::Profile::at(profileDir);
    Client::SettingsStore settings(profile);
    Types::AccountSettings account;
    account.host = kAccountHost;
    account.user = kAccountUser;
    account.name = u"Bench"_s;
    settings.setAccounts({account});
    const QString dir = settings.mailDirectory();
    {
        Store::MessageStore store(dir);
        QString error;
        if (!store.open(&error)) {
            out << "cannot open the store: " << error << Qt::endl;
            return false;
        }
        if (store.count(accountKey()) == n)
            return true; // made before
    }
    QDir(dir).removeRecursively();
    Store::MessageStore store(dir);
    QString error;
    if (!store.open(&error))
        return false;
    out << "filling " << dir << " with " << n << " messages (once; kept for the next run)..."
        << Qt::endl;
    QElapsedTimer timer;
    timer.start();
    Bench::MailGenerator generator(42, QDateTime::currentSecsSinceEpoch(), n);
    qint64 bytes = 0;
    for (int done = 0; done < n;) {
        store.beginGroup();
        for (int i = 0; i < kGroup && done < n; ++i, ++done) {
            const Bench::GeneratedMail mail = generator.next();
            bytes += mail.raw.size();
            if (store.add(accountKey(), mail.uidl, mail.raw, &error, mail.summary).isEmpty()) {
                out << "cannot store: " << error << Qt::endl;
                return false;
            }
        }
        if (!store.commitGroup(&error)) {
            out << "cannot commit: " << error << Qt::endl;
            return false;
        }
    }
    // Everything read but the newest 2 %, as in a mailbox someone reads.
    Store::MessageList list(store.indexPath());
    std::vector<qint64> ids;
    Store::ListQuery query;
    query.folder = store.folderId(Types::FolderKind::Inbox, accountKey());
    if (!list.open(&error) || !list.ids(query, &ids, &error))
        return false;
    const QList<qint64> seen(ids.begin() + qsizetype(ids.size() / 50), ids.end());
    store.setFlag(seen, Store::MessageStore::Seen, true, &error);
    out << "filled in " << timer.elapsed() / 1000.0 << " s, " << bytes / (1024 * 1024)
        << " MB of mail" << Qt::endl;
    return true;
}

// ---- The list under test -----------------------------------------------------------------

class ListUnderTest
{
public:
    virtual ~ListUnderTest() = default;
    virtual QAbstractItemView *view() = 0;
    virtual QString columnName(int column) = 0;
    virtual void sort(int column, Qt::SortOrder order) = 0;
    // Returns once the list shows the result of text.
    virtual void search(const QString &text) = 0;
};

class TidingsList : public ListUnderTest
{
public:
    explicit TidingsList(const QString &mailDirectory)
    {
        QString error;
        if (!m_store.open(mailDirectory, &error))
            qFatal("cannot open the store: %s", qPrintable(error));
        m_model = std::make_unique<Client::MessageListModel>(&m_store);
        m_model->setFolder(m_store.folderId(Types::FolderKind::Inbox, accountKey()));
        m_view.setModel(m_model.get());
        m_view.setAccessibleName(u"Messages"_s);
        m_view.setSelectionBehavior(QAbstractItemView::SelectRows);
        m_view.verticalHeader()->hide();
        m_view.verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
        m_view.verticalHeader()->setDefaultSectionSize(22);
        m_view.horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
        m_view.horizontalHeader()->setStretchLastSection(false);
        for (int c = 0; c < kColumns; ++c)
            m_view.setColumnWidth(c, c == Client::MessageListModel::SubjectColumn ? 420 : 120);
        m_view.resize(1100, 700);
    }
    QAbstractItemView *view() override { return &m_view; }
    QString columnName(int column) override
    {
        return m_model->headerData(column, Qt::Horizontal, Qt::AccessibleTextRole).toString();
    }
    void sort(int column, Qt::SortOrder order) override { m_model->sort(column, order); }
    void search(const QString &text) override
    {
        QEventLoop loop;
        const QMetaObject::Connection done = QObject::connect(
            m_model.get(), &Client::MessageListModel::searchFinished, &loop, &QEventLoop::quit);
        m_model->setSearch(text);
        loop.exec();
        QObject::disconnect(done);
    }

private:
    Client::MailStore m_store;
    std::unique_ptr<Client::MessageListModel> m_model;
    QTableView m_view;
};

// What a first attempt would do: read every row into item objects, sort and filter them in
// memory (the filter sees sender and subject only: the text is not loaded).
class NaiveList : public ListUnderTest
{
public:
    explicit NaiveList(const QString &mailDirectory)
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"naive"_s);
        db.setDatabaseName(mailDirectory + u"/index.sqlite"_s);
        db.open();
        QSqlQuery q(db);
        q.setForwardOnly(true);
        q.exec(u"SELECT flags, has_attachments, sender, subject, date, size FROM messages"
               " WHERE folder IS NOT NULL ORDER BY date DESC"_s);
        m_model.setHorizontalHeaderLabels(
            {u"Flag"_s, u"Attachments"_s, u"From"_s, u"Subject"_s, u"Date"_s, u"Size"_s});
        while (q.next()) {
            QList<QStandardItem *> row;
            auto *flag = new QStandardItem(q.value(0).toInt() & 2 ? u"\u2605"_s : QString());
            auto *attachment = new QStandardItem(q.value(1).toInt() ? u"\U0001F4CE"_s : QString());
            auto *from = new QStandardItem(q.value(2).toString());
            auto *subject = new QStandardItem(q.value(3).toString());
            auto *date = new QStandardItem;
            date->setData(QDateTime::fromSecsSinceEpoch(q.value(4).toLongLong()), Qt::DisplayRole);
            auto *size = new QStandardItem;
            size->setData(q.value(5).toLongLong(), Qt::DisplayRole);
            if (!(q.value(0).toInt() & 1)) {
                QFont bold;
                bold.setBold(true);
                subject->setFont(bold);
            }
            row << flag << attachment << from << subject << date << size;
            m_model.appendRow(row);
        }
        m_proxy.setSourceModel(&m_model);
        m_proxy.setFilterKeyColumn(-1);
        m_proxy.setFilterCaseSensitivity(Qt::CaseInsensitive);
        m_view.setModel(&m_proxy);
        m_view.verticalHeader()->hide();
        m_view.verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
        m_view.verticalHeader()->setDefaultSectionSize(22);
        for (int c = 0; c < kColumns; ++c)
            m_view.setColumnWidth(c, c == 3 ? 420 : 120);
        m_view.resize(1100, 700);
    }
    QAbstractItemView *view() override { return &m_view; }
    QString columnName(int column) override
    {
        return m_model.headerData(column, Qt::Horizontal).toString();
    }
    void sort(int column, Qt::SortOrder order) override { m_proxy.sort(column, order); }
    void search(const QString &text) override { m_proxy.setFilterFixedString(text); }

private:
    QStandardItemModel m_model;
    QSortFilterProxyModel m_proxy;
    QTableView m_view;
};

// Calls back once the viewport has painted (after the paint event was handled).
class PaintWatch : public QObject
{
public:
    explicit PaintWatch(QWidget *viewport, std::function<void()> painted)
        : m_painted(std::move(painted))
    {
        viewport->installEventFilter(this);
    }
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && m_painted) {
            auto painted = std::move(m_painted);
            m_painted = nullptr;
            QTimer::singleShot(0, [painted] { painted(); });
        }
        return false;
    }

private:
    std::function<void()> m_painted;
};

double ms(qint64 ns)
{
    return ns / 1e6;
}

// Runs in the child: prints key=value lines for the parent.
int measure(ListUnderTest &list, QTextStream &out)
{
    QAbstractItemView *view = list.view();
    const qint64 built = monotonicNs();
    out << "built_ns=" << built << Qt::endl;
    bool painted = false;
    PaintWatch watch(view->viewport(), [&] {
        painted = true;
        out << "painted_ns=" << monotonicNs() << Qt::endl;
    });
    view->show();
    while (!painted)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);

    auto timed = [&](const std::function<void()> &step) {
        const qint64 t0 = monotonicNs();
        step();
        view->viewport()->repaint(); // synchronously: the list as the user sees it
        return monotonicNs() - t0;
    };
    for (int c = 0; c < kColumns; ++c)
        for (Qt::SortOrder o : {Qt::AscendingOrder, Qt::DescendingOrder}) {
            const qint64 ns = timed([&] { list.sort(c, o); });
            out << "sort." << list.columnName(c) << (o == Qt::AscendingOrder ? "-up" : "-down")
                << "=" << ms(ns) << Qt::endl;
        }
    list.sort(Client::MessageListModel::DateColumn, Qt::DescendingOrder);
    QStringList terms = Bench::MailGenerator::englishSearchTerms();
    terms += Bench::MailGenerator::chineseSearchTerms();
    terms << u"本周周报"_s; // four characters: through the trigram index
    for (const QString &term : std::as_const(terms)) {
        const qint64 ns = timed([&] { list.search(term); });
        out << "search." << term << "=" << ms(ns) << Qt::endl;
        out << "rows." << term << "=" << view->model()->rowCount() << Qt::endl;
        list.search(QString());
    }
    view->setFocus();
    view->setCurrentIndex(view->model()->index(0, 0));
    const int rows = view->model()->rowCount();
    qint64 slowest = 0;
    qint64 total = 0;
    int steps = 0;
    std::vector<std::pair<qint64, int>> worst; // (ns, row reached)
    while (view->currentIndex().row() < rows - 1 && steps < 1000000) {
        const qint64 ns = timed([&] {
            QKeyEvent press(QEvent::KeyPress, Qt::Key_PageDown, Qt::NoModifier);
            QCoreApplication::sendEvent(view, &press);
        });
        slowest = std::max(slowest, ns);
        total += ns;
        ++steps;
        worst.push_back({ns, view->currentIndex().row()});
    }
    std::sort(worst.rbegin(), worst.rend());
    for (size_t i = 0; i < worst.size() && i < 5; ++i)
        out << "scroll_worst" << i << "=" << ms(worst[i].first) << " ms at row " << worst[i].second
            << Qt::endl;
    out << "scroll_steps=" << steps << Qt::endl;
    out << "scroll_total=" << ms(total) << Qt::endl;
    out << "scroll=" << ms(slowest) << Qt::endl;
    out << "rss=" << peakRssMb() << Qt::endl;
    return 0;
}

struct Result
{
    std::map<QString, QString> values;
    double number(const QString &key) const
    {
        const auto it = values.find(key);
        return it == values.end() ? -1 : it->second.toDouble();
    }
    double slowest(const QString &prefix) const
    {
        double worst = -1;
        for (const auto &[k, v] : values)
            if (k.startsWith(prefix))
                worst = std::max(worst, v.toDouble());
        return worst;
    }
};

Result runChild(const QString &kind, const QString &profileDir, QTextStream &out)
{
    Result r;
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!env.contains(u"DISPLAY"_s) && !env.contains(u"WAYLAND_DISPLAY"_s))
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    child.setProcessEnvironment(env);
    const qint64 started = monotonicNs();
    child.start(QCoreApplication::applicationFilePath(),
                {u"--child"_s, kind, u"--profile"_s, profileDir});
    if (!child.waitForFinished(30 * 60 * 1000) || child.exitCode() != 0) {
        out << kind << " run failed" << Qt::endl;
        return r;
    }
    for (const QByteArray &line : child.readAllStandardOutput().split('\n')) {
        const qsizetype eq = line.indexOf('=');
        if (eq > 0)
            r.values[QString::fromUtf8(line.left(eq))] = QString::fromUtf8(line.mid(eq + 1));
    }
    r.values[u"painted"_s] =
        QString::number(ms(qint64(r.number(u"painted_ns"_s)) - started), 'f', 1);
    return r;
}

QString cell(double value)
{
    return value < 0 ? u"-"_s : QString::number(value, 'f', 1);
}

} // namespace

int main(int argc, char **argv)
{
    const QStringList args = [&] {
        QStringList a;
        for (int i = 1; i < argc; ++i)
            a << QString::fromLocal8Bit(argv[i]);
        return a;
    }();
    const qsizetype childAt = args.indexOf(u"--child"_s);
    const qsizetype profileAt = args.indexOf(u"--profile"_s);
    int n = kDefaultMessages;
    for (const QString &a : args)
        if (a.toInt() > 0)
            n = a.toInt();
    const QString profileDir = profileAt >= 0 && profileAt + 1 < args.size()
                                   ? args.at(profileAt + 1)
                                   : QDir::currentPath() + u"/bench-inbox-%1"_s.arg(n);

    if (childAt >= 0 && childAt + 1 < args.size()) {
        QApplication app(argc, argv);
        QTextStream out(stdout);
        const Client::SettingsStore settings(Common::Profile::at(profileDir));
        const QString kind = args.at(childAt + 1);
        std::unique_ptr<ListUnderTest> list;
        if (kind == u"baseline"_s)
            list = std::make_unique<NaiveList>(settings.mailDirectory());
        else
            list = std::make_unique<TidingsList>(settings.mailDirectory());
        return measure(*list, out);
    }

    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    if (!fill(profileDir, n, out))
        return 1;
    const Result tidings = runChild(u"tidings"_s, profileDir, out);
    const Result naive =
        args.contains(u"--no-baseline"_s) ? Result() : runChild(u"baseline"_s, profileDir, out);
    for (const auto &[key, value] : tidings.values)
        if (key.startsWith(u"scroll_worst"_s))
            out << "slow PageDown step: " << value << "\n";

    out << "\ninbox bench: " << n << " messages in " << profileDir << "\n";
    out << "The peers named by the issue, Thunderbird and KMail, are not installed here and "
           "cannot\n"
           "be (no such packages may be installed on this machine): the second column is a naive\n"
           "baseline instead, every row loaded into a QStandardItemModel, sorted and filtered in\n"
           "memory by QSortFilterProxyModel (its filter sees sender and subject, not the "
           "text).\n\n";
    auto line = [&](const QString &what, const QString &goal, double a, double b) {
        out << qSetFieldWidth(34) << Qt::left << what << qSetFieldWidth(10) << goal
            << qSetFieldWidth(12) << Qt::right << cell(a) << qSetFieldWidth(16) << cell(b)
            << qSetFieldWidth(0) << Qt::left << "\n";
    };
    out << qSetFieldWidth(34) << Qt::left << "measure (ms, RSS in MB)" << qSetFieldWidth(10)
        << "goal" << qSetFieldWidth(12) << Qt::right << "Tidings" << qSetFieldWidth(16)
        << "naive baseline" << qSetFieldWidth(0) << Qt::left << "\n";
    line(u"process start to list painted"_s, u"< 500"_s, tidings.number(u"painted"_s),
         naive.number(u"painted"_s));
    for (const auto &[key, value] : tidings.values)
        if (key.startsWith(u"sort."_s))
            line(u"  sort by "_s + key.mid(5), QString(), value.toDouble(), naive.number(key));
    line(u"sort, slowest"_s, u"< 100"_s, tidings.slowest(u"sort."_s), naive.slowest(u"sort."_s));
    for (const auto &[key, value] : tidings.values)
        if (key.startsWith(u"search."_s))
            line(u"  search \""_s + key.mid(7) + u"\" (" +
                     tidings.values.at(u"rows."_s + key.mid(7)) + u" rows)"_s,
                 QString(), value.toDouble(), naive.number(key));
    line(u"search keystroke, slowest"_s, u"< 100"_s, tidings.slowest(u"search."_s),
         naive.slowest(u"search."_s));
    line(u"PageDown to the bottom, steps"_s, QString(), tidings.number(u"scroll_steps"_s),
         naive.number(u"scroll_steps"_s));
    line(u"PageDown to the bottom, total"_s, QString(), tidings.number(u"scroll_total"_s),
         naive.number(u"scroll_total"_s));
    line(u"PageDown, slowest step"_s, u"< 30"_s, tidings.number(u"scroll"_s),
         naive.number(u"scroll"_s));
    line(u"peak RSS"_s, u"< 150"_s, tidings.number(u"rss"_s), naive.number(u"rss"_s));
    out << "\ninbox bench: messages=" << n << " painted_ms=" << cell(tidings.number(u"painted"_s))
        << " sort_ms=" << cell(tidings.slowest(u"sort."_s))
        << " search_ms=" << cell(tidings.slowest(u"search."_s))
        << " scroll_ms=" << cell(tidings.number(u"scroll"_s))
        << " rss_mb=" << cell(tidings.number(u"rss"_s)) << Qt::endl;
    return 0;
}
