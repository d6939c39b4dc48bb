// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocollogwindow.h"

#include "client/protocollogfeed.h"
#include "client/synccontroller.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QShortcut>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Gui {

namespace {
// A log file holds at most twice 1 MB; the view keeps as many lines again while it follows.
constexpr int kMaxShownLines = 50000;
constexpr int kWidthChars = 100;
constexpr int kHeightLines = 30;
} // namespace

ProtocolLogWindow::ProtocolLogWindow(const QString &storeDirectory, QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_storeDirectory(storeDirectory)
{
    setWindowTitle(tr("Protocol Log"));
    setAccessibleName(windowTitle());
    auto *root = new QVBoxLayout(this);

    auto *bar = new QHBoxLayout;
    auto *accountLabel = new QLabel(tr("&Account:"), this);
    m_accountCombo = new QComboBox(this);
    m_accountCombo->setObjectName(u"accountCombo"_s);
    m_accountCombo->setAccessibleName(tr("Account"));
    m_accountCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    accountLabel->setBuddy(m_accountCombo);
    bar->addWidget(accountLabel);
    bar->addWidget(m_accountCombo);
    bar->addStretch(1);
    m_copyButton = new QPushButton(tr("C&opy All"), this);
    m_copyButton->setObjectName(u"copyAllButton"_s);
    m_copyButton->setAccessibleName(tr("Copy the whole log"));
    m_clearButton = new QPushButton(tr("C&lear View"), this);
    m_clearButton->setObjectName(u"clearButton"_s);
    m_clearButton->setAccessibleName(tr("Clear the view"));
    m_clearButton->setToolTip(tr("Empties this view; the recorded log is kept."));
    bar->addWidget(m_copyButton);
    bar->addWidget(m_clearButton);
    root->addLayout(bar);

    m_view = new QPlainTextEdit(this);
    m_view->setObjectName(u"logView"_s);
    m_view->setAccessibleName(tr("Protocol log"));
    m_view->setAccessibleDescription(
        tr("What Tidings and the server said to each other; passwords are never recorded."));
    m_view->setReadOnly(true);
    m_view->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_view->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_view->setMaximumBlockCount(kMaxShownLines);
    m_view->setTabChangesFocus(true);
    m_view->setPlaceholderText(
        tr("Nothing recorded for this account yet. The log fills while Get Mail runs."));
    root->addWidget(m_view, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setAccessibleName(tr("Close"));
    root->addWidget(buttons);

    connect(m_accountCombo, &QComboBox::currentIndexChanged, this,
            &ProtocolLogWindow::loadCurrentAccount);
    connect(m_copyButton, &QPushButton::clicked, this, &ProtocolLogWindow::copyAll);
    connect(m_clearButton, &QPushButton::clicked, this, &ProtocolLogWindow::clearView);
    connect(buttons, &QDialogButtonBox::rejected, this, &QWidget::close);
    auto *escape = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    connect(escape, &QShortcut::activated, this, &QWidget::close);

    setTabOrder(m_accountCombo, m_view);
    setTabOrder(m_view, m_copyButton);
    setTabOrder(m_copyButton, m_clearButton);
    const QFontMetrics mono(m_view->font());
    resize(mono.averageCharWidth() * kWidthChars, mono.lineSpacing() * kHeightLines);
}

ProtocolLogWindow::~ProtocolLogWindow() = default;

void ProtocolLogWindow::setAccounts(const QList<Types::AccountSettings> &accounts)
{
    const QString shown = currentAccountId();
    {
        const QSignalBlocker blocker(m_accountCombo);
        m_accountCombo->clear();
        for (const Types::AccountSettings &a : accounts) {
            const QString address = a.user + u'@' + a.host;
            const QString label =
                a.name.isEmpty() || a.name == a.user ? address : tr("%1 (%2)").arg(a.name, address);
            m_accountCombo->addItem(label, Client::ProtocolLogFeed::logId(a));
        }
        const int keep = m_accountCombo->findData(shown);
        m_accountCombo->setCurrentIndex(keep >= 0 ? keep : 0);
    }
    if (currentAccountId() != shown || !m_feed)
        loadCurrentAccount();
}

void ProtocolLogWindow::follow(const Client::SyncController *controller)
{
    if (!controller || m_controllers.contains(controller))
        return;
    m_controllers.append(controller);
    if (m_feed)
        m_feed->follow(controller);
}

void ProtocolLogWindow::showAccount(const QString &accountId)
{
    const int index = m_accountCombo->findData(accountId);
    if (index >= 0)
        m_accountCombo->setCurrentIndex(index);
}

QString ProtocolLogWindow::currentAccountId() const
{
    return m_accountCombo->currentData().toString();
}

QString ProtocolLogWindow::text() const
{
    return m_view->toPlainText();
}

void ProtocolLogWindow::setText(const QString &text)
{
    // The file ends with a newline; the view shows no empty last line for it.
    QString shown = text;
    if (shown.endsWith(u'\n'))
        shown.chop(1);
    m_view->setPlainText(shown);
    m_view->verticalScrollBar()->setValue(m_view->verticalScrollBar()->maximum());
}

void ProtocolLogWindow::appendLine(const QString &line)
{
    // Follow the end only when the reader is there: reading back is not interrupted.
    QScrollBar *bar = m_view->verticalScrollBar();
    const bool atEnd = bar->value() == bar->maximum();
    QString shown = line;
    while (shown.endsWith(u'\n'))
        shown.chop(1);
    m_view->appendPlainText(shown);
    if (atEnd)
        bar->setValue(bar->maximum());
}

void ProtocolLogWindow::clearView()
{
    m_view->clear();
}

void ProtocolLogWindow::copyAll()
{
    QApplication::clipboard()->setText(text());
}

void ProtocolLogWindow::loadCurrentAccount()
{
    delete m_feed;
    m_feed = nullptr;
    const QString id = currentAccountId();
    if (id.isEmpty()) {
        m_view->clear();
        return;
    }
    m_feed = new Client::ProtocolLogFeed(m_storeDirectory, id, this);
    connect(m_feed, &Client::ProtocolLogFeed::lineAdded, this, &ProtocolLogWindow::appendLine);
    m_controllers.removeAll(nullptr);
    for (const auto &controller : std::as_const(m_controllers))
        m_feed->follow(controller);
    setText(m_feed->history());
}

} // namespace Gui
