// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "aboutdialog.h"
#include "accountsettingsdialog.h"
#include "client/accounts.h"
#include "client/session.h"
#include "client/syncscheduler.h"
#include "protocollogwindow.h"
#include "jwt/jwtinspector.h"
#include "logindialog.h"
#include "newmailnotifier.h"
#include "languagemanager.h"
#include "preferencesdialog.h"
#include "client/settingsstore.h"
#include "ui_mainwindow.h"

#include <QApplication>
#include <QScreen>
#include <QCloseEvent>
#include <QLabel>
#include <QProgressBar>
#include <QDateTime>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>
#include <QTimer>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace Gui {

MainWindow::MainWindow(Client::SettingsStore &settings, LanguageManager &languages,
                       QWidget *parent)
    : QMainWindow(parent)
    , m_ui(std::make_unique<Ui::MainWindow>())
    , m_settings(settings)
    , m_languages(languages)
{
    m_ui->setupUi(this);
    m_inspector = new JwtInspector(&m_settings, m_ui->inspectorDockContents);
    m_ui->inspectorLayout->addWidget(m_inspector);
    m_session = std::make_unique<Client::Session>(settings);
    m_ui->inspectorDock->hide();
    m_ui->emptyStateIcon->setPixmap(QIcon(u":/icons/tidings.svg"_s).pixmap(64, 64));
    m_ui->mainSplitter->setStretchFactor(1, 1);
    m_ui->messageSplitter->setStretchFactor(1, 1);
    m_ui->mainSplitter->setSizes({220, 900});
    m_ui->messageSplitter->setSizes({300, 400});
    setupActions();
    setupStatusBar();
    setupMail();
    setupCompose();
    restoreLayout();
    refreshAccountState();
}

MainWindow::~MainWindow()
{
    if (m_inspector && !m_inspector->parent()) // in a window of its own
        delete m_inspector;
}

void MainWindow::setupActions()
{
    auto icon = [](const char *name) { return QIcon(u":/icons/"_s + QLatin1String(name) + u".svg"_s); };
    m_ui->actionGetMail->setIcon(icon("get-mail"));
    m_ui->actionNewMessage->setIcon(icon("compose"));
    m_ui->actionPreferences->setIcon(icon("preferences"));

    m_ui->actionQuit->setShortcut(QKeySequence::Quit);
    m_ui->actionUndo->setShortcut(QKeySequence::Undo);
    m_ui->actionRedo->setShortcut(QKeySequence::Redo);
    m_ui->actionCut->setShortcut(QKeySequence::Cut);
    m_ui->actionCopy->setShortcut(QKeySequence::Copy);
    m_ui->actionPaste->setShortcut(QKeySequence::Paste);
    m_ui->actionSelectAll->setShortcut(QKeySequence::SelectAll);
    // Most Linux desktops define no standard Preferences key; Ctrl+, is what users try.
    const auto preferencesKeys = QKeySequence::keyBindings(QKeySequence::Preferences);
    m_ui->actionPreferences->setShortcuts(preferencesKeys.isEmpty()
                                              ? QList{QKeySequence(Qt::CTRL | Qt::Key_Comma)}
                                              : preferencesKeys);
    m_ui->actionFullScreen->setShortcut(QKeySequence::FullScreen);
    m_ui->actionGetMail->setShortcut(QKeySequence(Qt::Key_F5));
    m_ui->actionNewMessage->setShortcut(QKeySequence::New);

    // Edit commands act on whichever text field has the focus, as users expect.
    const std::pair<QAction *, const char *> editCommands[] = {
        {m_ui->actionUndo, "undo"}, {m_ui->actionRedo, "redo"},
        {m_ui->actionCut, "cut"},   {m_ui->actionCopy, "copy"},
        {m_ui->actionPaste, "paste"}, {m_ui->actionSelectAll, "selectAll"},
    };
    for (const auto &[action, method] : editCommands)
        connect(action, &QAction::triggered, this, [this, m = method] { forwardToFocusWidget(m); });
    // Undo outside a text field brings back what Delete moved to Trash.
    connect(m_ui->actionUndo, &QAction::triggered, this, [this] {
        QWidget *focus = QApplication::focusWidget();
        if (!focus || focus->metaObject()->indexOfMethod("undo()") < 0)
            undoDelete();
    });

    QAction *toolbarToggle = m_ui->mainToolBar->toggleViewAction();
    m_ui->menuView->insertAction(m_ui->actionShowStatusBar, toolbarToggle);
    // The inspector gets a window of its own by default (docked beside the mail it is
    // cramped); View › Dock the JWT Inspector keeps it in the main window instead.
    auto *showInspectorAction = new QAction(this);
    showInspectorAction->setObjectName(u"actionShowInspector"_s);
    showInspectorAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_J));
    connect(showInspectorAction, &QAction::triggered, this, &MainWindow::showInspector);
    auto *dockInspector = new QAction(this);
    dockInspector->setObjectName(u"actionDockInspector"_s);
    dockInspector->setCheckable(true);
    dockInspector->setChecked(m_settings.inspectorDocked());
    connect(dockInspector, &QAction::toggled, this, &MainWindow::setInspectorDocked);
    m_ui->menuView->insertAction(m_ui->actionFullScreen, dockInspector);
    m_ui->menuView->insertSeparator(m_ui->actionFullScreen);
    m_ui->menuTools->addAction(showInspectorAction);
    m_ui->menuTools->addAction(m_ui->actionInspectorWindow);
    connect(m_ui->actionInspectorWindow, &QAction::triggered, this, &MainWindow::openInspectorWindow);
    connect(m_ui->actionProtocolLog, &QAction::triggered, this, [this] { openProtocolLog(); });
    retranslateCodeActions();
    connect(m_ui->actionLogIn, &QAction::triggered, this, &MainWindow::openLogin);
    connect(m_ui->actionLogOut, &QAction::triggered, m_session.get(), &Client::Session::logout);
    connect(m_ui->actionSessionDetails, &QAction::triggered, this, &MainWindow::showSessionDetails);
    connect(m_session.get(), &Client::Session::stateChanged, this, &MainWindow::refreshSessionState);
    connect(m_session.get(), &Client::Session::tokenRefreshed, this, &MainWindow::refreshSessionState);
    connect(m_session.get(), &Client::Session::signedIn, this, [this] {
        // The new token, verified against the server's own JWKS.
        m_inspector->setKey(m_session->jwks());
        m_inspector->setToken(m_session->token());
        if (m_loginOpen) // a session resumed at start-up does not open panels by itself
            showInspector();
    });
    connect(m_session.get(), &Client::Session::loginFailed, this, [this] {
        if (!m_loginOpen) // the saved session of "Stay signed in" could not be resumed
            m_ui->statusBar->showMessage(tr("Your saved session has ended. Log in again with Account › Log In…"),
                                         sessionMessageMs);
    });
    QTimer::singleShot(0, m_session.get(), &Client::Session::resumeSaved);

    connect(m_ui->actionQuit, &QAction::triggered, this, &QWidget::close);
    connect(m_ui->actionPreferences, &QAction::triggered, this, [this] { openPreferences(); });
    connect(m_ui->actionAccountSettings, &QAction::triggered, this, [this] { openAccountSettings(); });
    connect(m_ui->setUpAccountButton, &QPushButton::clicked, this,
            [this] { openAccountSettings(m_settings.accounts().isEmpty()); });
    connect(m_ui->actionAbout, &QAction::triggered, this, &MainWindow::openAbout);
    connect(m_ui->actionAboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);
    connect(m_ui->actionShowStatusBar, &QAction::toggled, m_ui->statusBar, &QWidget::setVisible);
    connect(m_ui->actionFullScreen, &QAction::toggled, this, [this](bool on) {
        setWindowState(on ? windowState() | Qt::WindowFullScreen
                          : windowState() & ~Qt::WindowFullScreen);
    });
}

void MainWindow::setupStatusBar()
{
    m_statusLabel = new QLabel(this);
    m_progress = new QProgressBar(this);
    m_progress->setMaximumWidth(fontMetrics().averageCharWidth() * 24);
    m_progress->setTextVisible(false);
    m_progress->hide();
    m_statusLabel->setObjectName(u"statusLabel"_s);
    m_syncError = new QLabel(this);
    m_syncError->setObjectName(u"syncError"_s);

    m_syncError->setTextFormat(Qt::RichText);
    m_syncError->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_syncError->setWordWrap(false);
    m_syncError->hide();
    connect(m_syncError, &QLabel::linkActivated, this, [this](const QString &link) {
        if (link.startsWith(u"log:"_s))
            openProtocolLog(link.mid(4));
    });
    m_progress->setObjectName(u"syncProgress"_s);

    m_cancelButton = new QToolButton(this);
    m_cancelButton->setObjectName(u"cancelSyncButton"_s);
    m_cancelButton->setDefaultAction(m_ui->actionCancelSync);
    m_cancelButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_cancelButton->hide();
    m_ui->statusBar->addWidget(m_statusLabel, 1);
    m_ui->statusBar->addWidget(m_syncError, 1);
    m_ui->statusBar->addPermanentWidget(m_progress);
    m_ui->statusBar->addPermanentWidget(m_cancelButton);
    retranslateCodeActions();
    m_sessionLabel = new QLabel(this);
    m_sessionLabel->setObjectName(u"sessionLabel"_s);
    m_sessionLabel->hide();
    m_ui->statusBar->addPermanentWidget(m_sessionLabel);
    m_sessionClock = new QTimer(this);
    m_sessionClock->setInterval(1000); // the countdown to expiry
    connect(m_sessionClock, &QTimer::timeout, this, &MainWindow::refreshSessionState);
}

void MainWindow::showProgress(const QString &text, int value, int maximum)
{
    m_ui->statusBar->showMessage(text);
    m_progress->setRange(0, maximum);
    m_progress->setValue(value);
    m_progress->show();
}

void MainWindow::hideProgress()
{
    m_ui->statusBar->clearMessage();
    m_progress->hide();
}

void MainWindow::restoreLayout()
{
    if (!restoreGeometry(m_settings.windowGeometry())) {
        // First start: most of the screen, never more than it has (a 1366x768 laptop too).
        const QRect available = screen()->availableGeometry();
        const QSize wanted(qMin(1440, available.width() * 9 / 10), qMin(900, available.height() * 9 / 10));
        resize(wanted);
        move(available.center() - QPoint(wanted.width() / 2, wanted.height() / 2));
    }
    restoreState(m_settings.windowState());
    m_ui->mainSplitter->restoreState(m_settings.splitterState(u"main"_s));
    m_ui->messageSplitter->restoreState(m_settings.splitterState(u"message"_s));
    m_ui->actionShowStatusBar->setChecked(m_ui->statusBar->isVisibleTo(this)
                                          || m_settings.windowState().isEmpty());
}

void MainWindow::saveLayout()
{
    m_settings.setWindowGeometry(saveGeometry());
    m_settings.setWindowState(saveState());
    m_settings.setSplitterState(u"main"_s, m_ui->mainSplitter->saveState());
    m_settings.setSplitterState(u"message"_s, m_ui->messageSplitter->saveState());
    m_settings.sync();
}

void MainWindow::refreshAccountState()
{
    const QList<Types::AccountSettings> accounts = m_settings.accounts();
    const Types::AccountSettings account = accounts.value(0);
    refreshMailLists();
    m_ui->actionGetMail->setEnabled(account.isConfigured());
    m_ui->actionGetAllMail->setEnabled(account.isConfigured());
    if (!account.isConfigured()) {
        m_ui->emptyStateTitle->setText(tr("No mail account yet"));
        m_ui->emptyStateText->setText(
            tr("Tell Tidings where your POP3 server is, and your messages will be listed here."));
        m_ui->setUpAccountButton->setText(tr("Set Up Account…"));
        m_statusLabel->setText(tr("No mail account configured"));
        return;
    }
    const QString name = tr("%1 on %2").arg(account.user, account.host);
    m_ui->emptyStateTitle->setText(tr("No messages yet"));
    m_ui->emptyStateText->setText(
        tr("Your account %1 is set up. Press Get Mail (F5) to download your messages.").arg(name));
    m_ui->setUpAccountButton->setText(tr("Account Settings…"));
    if (!m_sync->isRunning())
        m_statusLabel->setText(accounts.size() == 1 ? tr("Account: %1, port %2").arg(name).arg(account.port)
                                                    : tr("%1 accounts").arg(accounts.size()));
}

void MainWindow::forwardToFocusWidget(const char *method)
{
    QWidget *target = QApplication::focusWidget();
    if (!target)
        return;
    const QByteArray signature = QByteArray(method) + "()";
    if (target->metaObject()->indexOfMethod(signature.constData()) >= 0)
        QMetaObject::invokeMethod(target, method);
}

void MainWindow::openPreferences(int page)
{
    PreferencesDialog dialog(m_settings, m_languages, this);
    dialog.showPage(page);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_notifier->setNotificationsEnabled(m_settings.notifyNewMail());
    m_notifier->setTrayIconEnabled(m_settings.showTrayIcon());
    setInspectorDocked(m_settings.inspectorDocked());
    refreshAccountState();
}

void MainWindow::openAccountSettings(bool addAccount)
{
    AccountSettingsDialog dialog(*m_accounts, this);
    const QString selected = selectedAccountId();
    if (addAccount)
        dialog.openForNewAccount();
    else if (!selected.isEmpty())
        dialog.openAccount(selected);
    QStringList added;
    connect(&dialog, &AccountSettingsDialog::accountsSaved, this, [&added](const QStringList &ids) { added = ids; });
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_sync->reschedule();
    refreshAccountState();
    if (!added.isEmpty()) { // a new account: show its Inbox filling at once
        selectInbox(added.first());
        m_sync->getMail(added.first());
    }
}

void MainWindow::openProtocolLog(const QString &accountId)
{
    if (!m_logWindow) {
        m_logWindow = new ProtocolLogWindow(m_sync->storeDirectory());
        m_logWindow->setAttribute(Qt::WA_DeleteOnClose);
        m_logWindow->setWindowIcon(windowIcon());
        m_logWindow->follow(m_sync->controller());
    }
    m_logWindow->setAccounts(m_settings.accounts());
    const QString id = accountId.isEmpty() ? selectedAccountId() : accountId;
    if (!id.isEmpty())
        m_logWindow->showAccount(id);
    m_logWindow->show();
    m_logWindow->raise();
    m_logWindow->activateWindow();
}

void MainWindow::showInspector()
{
    setInspectorDocked(m_settings.inspectorDocked());
    if (m_settings.inspectorDocked()) {
        m_ui->inspectorDock->show();
        m_ui->inspectorDock->raise();
        return;
    }
    m_inspector->show();
    m_inspector->raise();
    m_inspector->activateWindow();
}

void MainWindow::setInspectorDocked(bool docked)
{
    m_settings.setInspectorDocked(docked);
    if (auto *action = findChild<QAction *>(u"actionDockInspector"_s)) {
        const QSignalBlocker quiet(action);
        action->setChecked(docked);
    }
    const bool inDock = m_inspector->parent() == m_ui->inspectorDockContents;
    if (docked && !inDock) {
        const bool wasOpen = m_inspector->isVisible();
        m_inspector->setParent(m_ui->inspectorDockContents, Qt::Widget);
        m_ui->inspectorLayout->addWidget(m_inspector);
        m_inspector->show();
        m_ui->inspectorDock->setVisible(wasOpen);
    } else if (!docked && inDock) {
        const bool wasOpen = m_ui->inspectorDock->isVisible();
        m_ui->inspectorDock->hide();
        m_inspector->setParent(nullptr, Qt::Window);
        m_inspector->setWindowTitle(tr("JWT Inspector"));
        m_inspector->setWindowIcon(windowIcon());
        const QRect available = screen()->availableGeometry();
        m_inspector->resize(qMin(1100, available.width() * 9 / 10), qMin(760, available.height() * 9 / 10));
        m_inspector->setVisible(wasOpen);
    }
}

void MainWindow::openInspectorWindow()
{
    // A top-level window of its own, so testers can keep several tokens side by side.
    auto *window = new JwtInspector(&m_settings);
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->setWindowFlag(Qt::Window);
    window->setWindowTitle(tr("JWT Inspector"));
    window->setWindowIcon(windowIcon());
    window->resize(1100, 720);
    window->show();
}

void MainWindow::openLogin()
{
    LoginDialog dialog(*m_session, m_settings, this);
    m_loginOpen = true;
    dialog.exec();
    m_loginOpen = false;
}

void MainWindow::refreshSessionState()
{
    const bool signedIn = m_session->state() == Client::Session::State::SignedIn;
    m_ui->actionLogIn->setEnabled(!signedIn);
    m_ui->actionLogOut->setEnabled(signedIn);
    m_ui->actionSessionDetails->setEnabled(signedIn);
    m_sessionLabel->setVisible(signedIn);
    if (!signedIn) {
        m_sessionClock->stop();
        return;
    }
    if (!m_sessionClock->isActive())
        m_sessionClock->start();
    const qint64 left = qMax<qint64>(0, m_session->expiresAt() - QDateTime::currentSecsSinceEpoch());
    const QString countdown = u"%1:%2:%3"_s.arg(left / 3600).arg(left / 60 % 60, 2, 10, QChar(u'0')).arg(left % 60, 2, 10, QChar(u'0'));
    m_sessionLabel->setText(tr("Signed in as %1 · expires in %2").arg(m_session->user(), countdown));
}

void MainWindow::showSessionDetails()
{
    const auto server = m_settings.authServer();
    QMessageBox box(QMessageBox::Information, tr("Session Details"),
                    tr("Signed in as %1 on %2, port %3%4.\nThe session token expires at %5; it is renewed "
                       "automatically before then.")
                        .arg(m_session->user(), server.host)
                        .arg(server.port)
                        .arg(server.tls ? tr(" (TLS)") : QString())
                        .arg(QLocale().toString(QDateTime::fromSecsSinceEpoch(m_session->expiresAt()), QLocale::LongFormat)),
                    QMessageBox::Ok, this);
    box.setDetailedText(m_session->token());
    QPushButton *inspect = box.addButton(tr("Open in JWT Inspector"), QMessageBox::ActionRole);
    box.exec();
    if (box.clickedButton() == inspect) {
        m_inspector->setKey(m_session->jwks());
        m_inspector->setToken(m_session->token());
        showInspector();
    }
}

void MainWindow::openAbout()
{
    AboutDialog dialog(this);
    dialog.exec();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!confirmQuitWithOutbox()) {
        event->ignore();
        return;
    }
    saveLayout();
    m_sync->stopAutomaticChecks(); // other windows (inspectors) may keep the application running
    m_sync->cancel(); // the worker notices within its timeout; nothing half-stored counts
    if (m_inspector && !m_inspector->parent())
        m_inspector->close();
    if (m_logWindow)
        m_logWindow->close();
    event->accept();
}

// Actions made in code, not in the form: retranslateUi() does not reach them.
void MainWindow::retranslateCodeActions()
{
    if (auto *action = findChild<QAction *>(u"actionShowInspector"_s))
        action->setText(tr("&JWT Inspector"));
    if (auto *action = findChild<QAction *>(u"actionDockInspector"_s))
        action->setText(tr("&Dock the JWT Inspector"));
    if (m_syncError) { // the status bar's widgets are made in code too
        m_syncError->setAccessibleName(tr("Get Mail problem"));
        m_progress->setAccessibleName(tr("Get Mail progress"));
        m_ui->actionCancelSync->setIconText(tr("Cancel")); // the status bar's button shows the icon text
        m_cancelButton->setAccessibleName(tr("Cancel Get Mail"));
    }
    if (m_inspector && !m_inspector->parent())
        m_inspector->setWindowTitle(tr("JWT Inspector"));
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retranslateCodeActions();
        refreshAccountState();
    }
    QMainWindow::changeEvent(event);
}

} // namespace Gui
