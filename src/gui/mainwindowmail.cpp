// SPDX-License-Identifier: GPL-3.0-or-later
// The mail part of the main window: folders, the message list, the message
// view, Get Mail and what the sync asks (password, certificate). Everything
// here talks to tidings_client objects by signals; nothing blocks.
#include "mainwindow.h"

#include "certificatedialog.h"
#include "client/accounts.h"
#include "client/folderlistmodel.h"
#include "client/mailstore.h"
#include "client/messagelistmodel.h"
#include "client/settingsstore.h"
#include "client/syncscheduler.h"
#include "core/types/mailboxkey.h"
#include "mail/messageview.h"
#include "newmailnotifier.h"
#include "passwordprompt.h"
#include "syncerrortext.h"
#include "ui_mainwindow.h"

#include <QAbstractScrollArea>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QScrollBar>
#include <QStatusBar>
#include <QTimer>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace Gui {

void MainWindow::setupMail()
{
    m_store = new Client::MailStore(this);
    QString error;
    if (!m_store->open(m_settings.mailDirectory(), &error))
        m_statusLabel->setText(tr("The local mail store cannot be opened: %1").arg(error));
    m_accounts = new Client::Accounts(m_settings, this);
    m_folders = new Client::FolderListModel(m_store, this);
    m_messages = new Client::MessageListModel(m_store, this);
    m_sync = new Client::SyncScheduler(m_settings, this);

    m_ui->folderTree->setModel(m_folders);
    m_ui->messageList->setModel(m_messages);
    QHeaderView *header = m_ui->messageList->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(Client::MessageListModel::FlagColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(Client::MessageListModel::AttachmentColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(Client::MessageListModel::SubjectColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(Client::MessageListModel::DateColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(Client::MessageListModel::SizeColumn, QHeaderView::ResizeToContents);
    header->resizeSection(Client::MessageListModel::FromColumn, fontMetrics().averageCharWidth() * 28);
    header->setSortIndicator(Client::MessageListModel::DateColumn, Qt::DescendingOrder);
    header->setSortIndicatorShown(true);
    m_ui->messageList->verticalHeader()->hide();
    // One line per message, whatever the font: the list must not lay out 100,000 rows.
    m_ui->messageList->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_ui->messageList->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + fontMetrics().height() / 2);
    m_messages->sort(Client::MessageListModel::DateColumn, Qt::DescendingOrder);
    m_ui->messageList->installEventFilter(this);

    m_view = new MessageView(m_ui->messageViewHost);
    m_view->setObjectName(u"messageView"_s);
    m_view->setSettingsStore(&m_settings);
    m_ui->messageViewLayout->addWidget(m_view);
    if (auto *body = m_view->findChild<QWidget *>(u"messageBody"_s))
        body->installEventFilter(this);
    setTabOrder(m_ui->folderTree, m_ui->searchEdit);
    setTabOrder(m_ui->searchEdit, m_ui->threadsButton);
    setTabOrder(m_ui->threadsButton, m_ui->messageList);
    setTabOrder(m_ui->messageList, m_view);

    m_notifier = new NewMailNotifier(this, this);
    m_notifier->setNotificationsEnabled(m_settings.notifyNewMail());
    m_notifier->setTrayIconEnabled(m_settings.showTrayIcon());

    m_listRefresh = new QTimer(this);
    m_listRefresh->setSingleShot(true);
    m_listRefresh->setInterval(kListRefreshMs);
    connect(m_listRefresh, &QTimer::timeout, m_messages, &Client::MessageListModel::refresh);
    m_markRead = new QTimer(this);
    m_markRead->setSingleShot(true);
    m_markRead->setInterval(kMarkReadDelayMs);
    connect(m_markRead, &QTimer::timeout, this, &MainWindow::markCurrentRead);

    connect(m_ui->folderTree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) { selectFolder(current); });
    connect(m_ui->messageList->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MainWindow::showCurrentMessage);
    connect(m_ui->messageList->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MainWindow::updateMailActions);
    connect(m_ui->searchEdit, &QLineEdit::textChanged, m_messages, &Client::MessageListModel::setSearch);
    connect(m_ui->threadsButton, &QToolButton::toggled, m_ui->actionThreads, &QAction::setChecked);
    connect(m_ui->actionThreads, &QAction::toggled, m_ui->threadsButton, &QToolButton::setChecked);
    connect(m_ui->actionThreads, &QAction::toggled, m_messages, &Client::MessageListModel::setThreaded);
    connect(m_view, &MessageView::downloadRequested, this, [this] { fetchShownBody(true); });
    connect(m_view, &MessageView::statusMessage, this,
            [this](const QString &text) { statusBar()->showMessage(text, sessionMessageMs); });

    connect(m_sync, &Client::SyncScheduler::started, this, &MainWindow::onSyncStarted);
    connect(m_sync, &Client::SyncScheduler::progress, this, &MainWindow::onSyncProgress);
    connect(m_sync, &Client::SyncScheduler::headersStored, this, [this] {
        m_messages->refresh(); // the list fills from the headers while the bodies download
        m_folders->refresh();
        updateListPage();
    });
    connect(m_messages, &Client::MessageListModel::searchFinished, this, &MainWindow::updateListPage);
    connect(m_sync, &Client::SyncScheduler::finished, this, &MainWindow::onSyncFinished);
    connect(m_sync, &Client::SyncScheduler::passwordNeeded, this, &MainWindow::onPasswordNeeded);
    connect(m_sync, &Client::SyncScheduler::certificateQuestion, this, &MainWindow::onCertificateQuestion);
    connect(m_sync, &Client::SyncScheduler::idle, this, [this] {
        hideProgress();
        m_cancelButton->hide();
        m_ui->actionCancelSync->setEnabled(false);
    });
    connect(m_store, &Client::MailStore::changed, m_folders, &Client::FolderListModel::refresh);
    // The tray shows the unread mail of every Inbox.
    const auto countUnread = [this] {
        int unread = 0;
        for (int row = 0; row < m_folders->rowCount(); ++row) {
            const QModelIndex group = m_folders->index(row, 0);
            for (int child = 0; child < m_folders->rowCount(group); ++child) {
                const QModelIndex folder = m_folders->index(child, 0, group);
                if (folder.data(Client::FolderListModel::FolderKindRole).toInt() == int(Types::FolderKind::Inbox))
                    unread += folder.data(Client::FolderListModel::UnreadRole).toInt();
            }
        }
        m_notifier->setUnreadCount(unread);
    };
    connect(m_folders, &QAbstractItemModel::modelReset, this, countUnread);
    connect(m_folders, &QAbstractItemModel::dataChanged, this, countUnread);
    connect(m_accounts, &Client::Accounts::changed, this, &MainWindow::refreshAccountState);
    connect(m_notifier, &NewMailNotifier::showRequested, this, [this] {
        showNormal();
        raise();
        activateWindow();
    });
    setupMailActions();
}

void MainWindow::setupMailActions()
{
    m_ui->actionGetAllMail->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F5));
    m_ui->actionCancelSync->setShortcut(QKeySequence(Qt::Key_Escape));
    m_ui->actionCancelSync->setShortcutContext(Qt::WindowShortcut);
    m_ui->actionFind->setShortcut(QKeySequence::Find);
    m_ui->actionMarkRead->setShortcut(QKeySequence(Qt::Key_M));
    m_ui->actionFlag->setShortcut(QKeySequence(Qt::Key_S));
    m_ui->actionDelete->setShortcut(QKeySequence::Delete);
    // Letters and Delete belong to the list: in the search box they must type.
    for (QAction *action : {m_ui->actionMarkRead, m_ui->actionFlag, m_ui->actionDelete}) {
        action->setShortcutContext(Qt::WidgetShortcut);
        m_ui->messageList->addAction(action);
    }
    connect(m_ui->actionGetMail, &QAction::triggered, this, [this] { getMail(false); });
    connect(m_ui->actionGetAllMail, &QAction::triggered, this, [this] { getMail(true); });
    connect(m_ui->actionCancelSync, &QAction::triggered, m_sync, &Client::SyncScheduler::cancel);
    connect(m_ui->actionFind, &QAction::triggered, this, [this] {
        m_ui->searchEdit->setFocus(Qt::ShortcutFocusReason);
        m_ui->searchEdit->selectAll();
    });
    connect(m_ui->actionMarkRead, &QAction::triggered, this, &MainWindow::toggleRead);
    connect(m_ui->actionFlag, &QAction::triggered, this, &MainWindow::toggleFlag);
    connect(m_ui->actionDelete, &QAction::triggered, this, &MainWindow::deleteSelected);
    connect(m_ui->actionEmptyTrash, &QAction::triggered, this, &MainWindow::emptyTrash);
}

QString MainWindow::accountName(const QString &accountId) const
{
    for (const Types::AccountSettings &a : m_settings.accounts())
        if (a.id == accountId)
            return a.name.isEmpty() ? a.user + u'@' + a.host : a.name;
    return accountId;
}

// The account of the selected folder (or message); the first account otherwise.
QString MainWindow::selectedAccountId() const
{
    const QList<Types::AccountSettings> accounts = m_settings.accounts();
    QString mailbox = m_ui->folderTree->currentIndex().data(Client::FolderListModel::AccountRole).toString();
    const QModelIndex message = m_ui->messageList->currentIndex();
    if (message.isValid() && !message.data(Client::MessageListModel::AccountRole).toString().isEmpty())
        mailbox = message.data(Client::MessageListModel::AccountRole).toString();
    for (const Types::AccountSettings &a : accounts)
        if (Types::mailboxKey(a) == mailbox)
            return a.id;
    return accounts.isEmpty() ? QString() : accounts.first().id;
}

void MainWindow::refreshMailLists()
{
    if (!m_folders)
        return;
    const qint64 folder = m_messages->folder();
    m_folders->setAccounts(m_settings.accounts());
    m_ui->folderTree->expandAll();
    QModelIndex select = folder ? m_folders->indexOfFolder(folder) : QModelIndex();
    if (!select.isValid() && m_folders->rowCount() > 0 && !m_settings.accounts().isEmpty())
        select = m_folders->index(0, 0, m_folders->index(0, 0)); // the first account's Inbox
    if (select.isValid())
        m_ui->folderTree->setCurrentIndex(select);
    updateListPage();
}

// An empty Inbox says how to fill it; a search with no hits keeps the list (and the search box).
void MainWindow::updateListPage()
{
    const bool empty = m_settings.accounts().isEmpty()
                       || (m_messages->rowCount() == 0 && m_messages->search().isEmpty() && !m_sync->isRunning());
    m_ui->messageListStack->setCurrentWidget(empty ? m_ui->emptyStatePage : m_ui->messageListPage);
}

void MainWindow::selectInbox(const QString &accountId)
{
    for (const Types::AccountSettings &a : m_settings.accounts()) {
        if (a.id != accountId)
            continue;
        for (int row = 0; row < m_folders->rowCount(); ++row) {
            const QModelIndex account = m_folders->index(row, 0);
            if (account.data(Client::FolderListModel::AccountRole).toString() == Types::mailboxKey(a)
                && m_folders->rowCount(account) > 0)
                m_ui->folderTree->setCurrentIndex(m_folders->index(0, 0, account));
        }
    }
}

void MainWindow::selectFolder(const QModelIndex &index)
{
    qint64 folder = m_folders->folderIdAt(index);
    if (!folder && m_folders->rowCount(index) > 0) // an account's row: its Inbox
        folder = m_folders->folderIdAt(m_folders->index(0, 0, index));
    if (!folder || folder == m_messages->folder())
        return;
    m_view->clear();
    m_shownId = 0;
    m_messages->setFolder(folder);
    updateListPage();
    updateMailActions();
}

void MainWindow::showCurrentMessage()
{
    m_markRead->stop();
    const QModelIndex current = m_ui->messageList->currentIndex();
    const qint64 id = current.isValid() ? m_messages->idAt(current.row()) : 0;
    updateMailActions();
    if (id == m_shownId)
        return;
    m_shownId = id;
    if (m_composer)
        updateOutboxBar();
    if (!id) {
        m_view->clear();
        return;
    }
    const QModelIndex row = current.siblingAtColumn(Client::MessageListModel::SubjectColumn);
    const QString unreadable = row.data(Client::MessageListModel::UnreadableRole).toString();
    if (!row.data(Client::MessageListModel::CompleteRole).toBool()) {
        m_view->showHeadersOnly(row.data().toString(),
                                row.siblingAtColumn(Client::MessageListModel::FromColumn).data().toString(),
                                row.data(Client::MessageListModel::DateRole).toDateTime(),
                                row.data(Client::MessageListModel::SizeRole).toLongLong());
        fetchShownBody(false); // opened: its body comes now, whatever the size limit said
        return;
    }
    if (!unreadable.isEmpty())
        m_view->showUnreadable(unreadable);
    else
        m_view->showMessage(m_store->messagePath(row.data(Client::MessageListModel::AccountRole).toString(),
                                                  row.data(Client::MessageListModel::UidlRole).toString()));
    if (row.data(Client::MessageListModel::UnreadRole).toBool()) {
        if (m_settings.markReadAtOnce())
            markCurrentRead();
        else
            m_markRead->start();
    }
}

void MainWindow::fetchShownBody(bool explicitRequest)
{
    const QModelIndex current = m_ui->messageList->currentIndex();
    if (!current.isValid())
        return;
    const QString account = selectedAccountId();
    const QString uidl = current.data(Client::MessageListModel::UidlRole).toString();
    const QString key = account + u'\n' + uidl;
    if (!explicitRequest && m_fetchRequested.contains(key))
        return; // asked once already; a failure stays shown until the user asks again
    m_fetchRequested.insert(key);
    m_fetchAccount = account;
    m_fetchUidl = uidl;
    m_view->setDownloadProgress(-1);
    m_sync->fetchBody(account, uidl);
}

void MainWindow::markCurrentRead()
{
    if (m_shownId)
        m_messages->setRead({m_shownId}, true);
}

void MainWindow::getMail(bool allAccounts)
{
    m_syncError->hide();
    m_sync->getMail(allAccounts ? QString() : selectedAccountId());
}

void MainWindow::onSyncStarted(const QString &accountId)
{
    m_ui->actionCancelSync->setEnabled(true);
    m_cancelButton->show();
    showProgress(tr("Getting mail for %1…").arg(accountName(accountId)), 0, 0);
    updateListPage();
}

void MainWindow::onSyncProgress(const QString &accountId, const Client::SyncProgress &p)
{
    // Bodies arrive during the sync: the list learns which are complete about once a second, so a
    // message opened meanwhile shows its body instead of asking for it again.
    if (!m_listRefresh->isActive())
        m_listRefresh->start();
    const QLocale locale;
    QString text = tr("Getting mail for %1: %2 of %3 messages").arg(accountName(accountId)).arg(p.messagesDone).arg(p.messagesTotal);
    if (p.bytesTotal > 0)
        text += u" · "_s + tr("%1 of %2").arg(locale.formattedDataSize(p.bytesDone), locale.formattedDataSize(p.bytesTotal));
    // By bytes when known: one big message should not look like no progress.
    if (p.bytesTotal > 0)
        showProgress(text, int(p.bytesDone * 1000 / p.bytesTotal), 1000);
    else
        showProgress(text, p.messagesDone, p.messagesTotal);
    if (accountId == m_fetchAccount && !m_fetchUidl.isEmpty() && p.bytesTotal > 0)
        m_view->setDownloadProgress(int(p.bytesDone * 100 / p.bytesTotal));
}

void MainWindow::onSyncFinished(const Client::SyncOutcome &outcome)
{
    m_messages->refresh();
    m_folders->refresh();
    updateListPage();
    const QString name = accountName(outcome.accountId);
    int fetched = 0; // bodies of opened messages: not new mail
    if (outcome.accountId == m_fetchAccount && !m_fetchUidl.isEmpty()) {
        fetched = 1;
        const QModelIndex current = m_ui->messageList->currentIndex();
        const bool stillShown = current.isValid()
                                && current.data(Client::MessageListModel::UidlRole).toString() == m_fetchUidl;
        m_fetchAccount.clear();
        m_fetchUidl.clear();
        if (stillShown) {
            m_shownId = 0; // show it again: with its body, or with its headers and Download after a failure
            showCurrentMessage();
        }
    }
    if (!outcome.ok()) {
        if (outcome.error.kind == Client::SyncErrorKind::Cancelled) {
            m_statusLabel->setText(tr("Getting mail for %1 was cancelled.").arg(name));
            return;
        }
        // Not a modal box: the user may be reading; the words stay until the next Get Mail.
        m_syncError->setText(syncErrorText(outcome.error, name).toHtmlEscaped() + u" <a href=\"log:"_s
                             + outcome.accountId.toHtmlEscaped() + u"\">"_s + tr("Protocol Log") + u"</a>"_s);
        m_syncError->setToolTip(outcome.error.detail);
        m_syncError->show();
        m_statusLabel->clear();
        return;
    }
    // Plural forms spelled out: English has no translation file to supply "%n message(s)".
    const int arrived = qMax(outcome.downloaded - fetched, outcome.headersStored);
    m_statusLabel->setText(arrived == 0   ? tr("%1: no new mail.").arg(name)
                           : arrived == 1 ? tr("%1: 1 new message.").arg(name)
                                          : tr("%1: %2 new messages.").arg(name).arg(arrived));
    if (arrived > 0) {
        // The first unread rows as examples, when the list shows that account's Inbox unsearched.
        QList<NewMailNotifier::Message> newest;
        const bool listShowsIt = m_messages->search().isEmpty() && selectedAccountId() == outcome.accountId
                                 && m_ui->folderTree->currentIndex().data(Client::FolderListModel::FolderKindRole).toInt()
                                        == int(Types::FolderKind::Inbox);
        for (int row = 0; listShowsIt && row < qMin(3, m_messages->rowCount()); ++row)
            if (m_messages->index(row, 0).data(Client::MessageListModel::UnreadRole).toBool())
                newest.append({m_messages->index(row, Client::MessageListModel::FromColumn).data().toString(),
                               m_messages->index(row, Client::MessageListModel::SubjectColumn).data().toString()});
        m_notifier->notifyNewMail(arrived, newest);
    }
}

void MainWindow::onPasswordNeeded(const QString &accountId, const QString &serverText)
{
    if (const std::optional<PasswordAnswer> answer = askPassword(accountId, serverText))
        m_sync->providePassword(accountId, answer->password, answer->remember);
    else
        m_sync->declinePassword(accountId);
}

// The same question for getting and for sending mail: empty serverText, the keyring had none.
std::optional<MainWindow::PasswordAnswer> MainWindow::askPassword(const QString &accountId,
                                                                 const QString &serverText)
{
    Types::AccountSettings account;
    for (const Types::AccountSettings &a : m_settings.accounts())
        if (a.id == accountId)
            account = a;
    PasswordPrompt prompt(account,
                          serverText.isEmpty() ? PasswordPrompt::Reason::NoStoredPassword
                                               : PasswordPrompt::Reason::Refused,
                          serverText, this);
    if (prompt.exec() != QDialog::Accepted)
        return std::nullopt;
    return PasswordAnswer{prompt.password(), prompt.remember()};
}

void MainWindow::onCertificateQuestion(const Client::CertificateQuestion &question)
{
    m_sync->answerCertificate(CertificateDialog::ask(question, this));
}

void MainWindow::deleteSelected()
{
    const QList<qint64> ids = m_messages->idsOf(m_ui->messageList->selectionModel()->selectedRows());
    if (ids.isEmpty())
        return;
    const int row = m_ui->messageList->currentIndex().row();
    m_lastTrashed = m_messages->moveToTrash(ids);
    m_folders->refresh();
    // The next message takes the place of the deleted one, as in every mail client.
    if (m_messages->rowCount() > 0)
        m_ui->messageList->setCurrentIndex(m_messages->index(qMin(row, m_messages->rowCount() - 1),
                                                             Client::MessageListModel::SubjectColumn));
    const QString undoKey = QKeySequence(QKeySequence::Undo).toString(QKeySequence::NativeText);
    statusBar()->showMessage(m_lastTrashed.size() == 1
                                 ? tr("1 message moved to Trash. Undo with %1.").arg(undoKey)
                                 : tr("%1 messages moved to Trash. Undo with %2.").arg(m_lastTrashed.size()).arg(undoKey),
                             sessionMessageMs);
}

void MainWindow::undoDelete()
{
    if (m_lastTrashed.isEmpty())
        return;
    const QList<qint64> back = m_messages->undoMoveToTrash(m_lastTrashed);
    m_lastTrashed.clear();
    m_folders->refresh();
    if (!back.isEmpty()) {
        const int row = m_messages->rowOfId(back.first());
        if (row >= 0)
            m_ui->messageList->setCurrentIndex(m_messages->index(row, Client::MessageListModel::SubjectColumn));
    }
    statusBar()->showMessage(back.size() == 1 ? tr("1 message restored.")
                                              : tr("%1 messages restored.").arg(back.size()),
                             sessionMessageMs);
}

void MainWindow::emptyTrash()
{
    const auto answer = QMessageBox::question(
        this, tr("Empty Trash"),
        tr("Delete every message in Trash for good? Accounts that delete on the server what is deleted here "
           "will delete them there at the next Get Mail."),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return;
    const int gone = m_messages->emptyTrash();
    m_lastTrashed.clear();
    m_folders->refresh();
    statusBar()->showMessage(gone == 1 ? tr("1 message deleted for good.") : tr("%1 messages deleted for good.").arg(gone),
                             sessionMessageMs);
}

void MainWindow::toggleRead()
{
    const QModelIndexList rows = m_ui->messageList->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    const bool unread = rows.first().data(Client::MessageListModel::UnreadRole).toBool();
    m_markRead->stop();
    m_messages->setRead(m_messages->idsOf(rows), unread);
    m_folders->refresh();
}

void MainWindow::toggleFlag()
{
    const QModelIndexList rows = m_ui->messageList->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    const bool flagged = rows.first().data(Client::MessageListModel::FlaggedRole).toBool();
    m_messages->setFlagged(m_messages->idsOf(rows), !flagged);
}

bool MainWindow::readOn()
{
    // A page of the message while there is more of it below.
    if (auto *body = m_view->findChild<QAbstractScrollArea *>(u"messageBody"_s)) {
        QScrollBar *bar = body->verticalScrollBar();
        if (body->isVisible() && bar->value() < bar->maximum()) {
            bar->triggerAction(QAbstractSlider::SliderPageStepAdd);
            return true;
        }
    }
    // The end of this message: the next unread one below, then from the top.
    const int count = m_messages->rowCount();
    const int current = m_ui->messageList->currentIndex().row();
    for (int step = 1; step <= count; ++step) {
        const int row = (current + step) % count;
        if (m_messages->index(row, 0).data(Client::MessageListModel::UnreadRole).toBool()) {
            m_ui->messageList->setCurrentIndex(m_messages->index(row, Client::MessageListModel::SubjectColumn));
            return true;
        }
    }
    return false;
}

void MainWindow::updateMailActions()
{
    const bool selected = m_ui->messageList->selectionModel()->hasSelection();
    m_ui->actionDelete->setEnabled(selected);
    m_ui->actionMarkRead->setEnabled(selected);
    m_ui->actionFlag->setEnabled(selected);
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->findChild<QWidget *>(u"messageBody"_s) && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Space && key->modifiers() == Qt::NoModifier) {
            readOn(); // the same from the message as from the list
            return true;
        }
    }
    if (watched == m_ui->messageList && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Space && key->modifiers() == Qt::NoModifier) {
            readOn();
            return true;
        }
        if (key->matches(QKeySequence::Undo) && !m_lastTrashed.isEmpty()) {
            undoDelete();
            return true;
        }
    }
    return QMainWindow::eventFilter(watched, event);
}

} // namespace Gui
