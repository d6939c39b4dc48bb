// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMainWindow>
#include <QPointer>
#include <QSet>

#include <memory>
#include <optional>

class QLabel;
class QProgressBar;
class QTimer;
class QToolButton;
namespace Client {
class Accounts;
class AddressBook;
class Composer;
struct Draft;
struct SendError;
enum class ReplyKind;
class FolderListModel;
class MailStore;
class MessageListModel;
class Session;
class SettingsStore;
class SyncScheduler;
struct CertificateQuestion;
struct SyncOutcome;
struct SyncProgress;
} // namespace Client

namespace Ui {
class MainWindow;
}

namespace Gui {

class JwtInspector;
class LanguageManager;
class MessageView;
class NewMailNotifier;
class ProtocolLogWindow;

// The application's main window. It wires widgets, models and services
// together; it implements no protocol or storage logic itself (the mail part
// lives in mainwindowmail.cpp).
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    MainWindow(Client::SettingsStore &settings, LanguageManager &languages,
               QWidget *parent = nullptr);
    ~MainWindow() override;

    // Shows an operation's progress in the status bar; maximum 0 means "busy".
    void showProgress(const QString &text, int value, int maximum);
    void hideProgress();

    void openPreferences(int page = 0);
    void openAccountSettings(bool addAccount = false);
    void openAbout();
    void openInspectorWindow();
    void showInspector(); // in its window, or in the dock when the user docked it
    void openLogin();
    void openProtocolLog(const QString &accountId = {});
    Client::Session &session() { return *m_session; }
    Client::SyncScheduler &sync() { return *m_sync; }
    Client::MessageListModel &messages() { return *m_messages; }
    Client::MailStore &mailStore() { return *m_store; }
    Client::Composer &composer() { return *m_composer; }
    // Opens a compose window on this draft (a new message, a reply, a mailto: URL).
    void composeDraft(const Client::Draft &draft);
    void writeMessage();
    MessageView &messageView() { return *m_view; }

    // How long a shown message stays unread unless "mark read at once" is on.
    static constexpr int kMarkReadDelayMs = 1500;

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void setupActions();
    void setupStatusBar();
    void restoreLayout();
    void saveLayout();
    void refreshAccountState();
    void forwardToFocusWidget(const char *method);
    void refreshSessionState();
    void showSessionDetails();
    void setInspectorDocked(bool docked);
    void retranslateCodeActions();
    void updateListPage();

    // Writing mail (mainwindowcompose.cpp).
    void setupCompose();
    void openComposeWindow(const Client::Draft &draft, qint64 draftId);
    void replyToCurrent(Client::ReplyKind kind);
    void openCurrentDraft();
    void offerRecoveredDrafts();
    bool confirmQuitWithOutbox();
    void showSendStatus(const QString &html, bool problem);
    void onSendHeld(qint64 id, int ms);
    void onSendFailed(qint64 id, const Client::SendError &error);
    void onSendLink(const QString &link);
    void updateOutboxBar();

    // The mail part (mainwindowmail.cpp).
    void setupMail();
    void setupMailActions();
    void selectFolder(const QModelIndex &index);
    void showCurrentMessage();
    void markCurrentRead();
    void getMail(bool allAccounts);
    void onSyncStarted(const QString &accountId);
    void onSyncProgress(const QString &accountId, const Client::SyncProgress &progress);
    void onSyncFinished(const Client::SyncOutcome &outcome);
    void onPasswordNeeded(const QString &accountId, const QString &serverText);
    void onCertificateQuestion(const Client::CertificateQuestion &question);
    struct PasswordAnswer
    {
        QString password;
        bool remember = false;
    };
    std::optional<PasswordAnswer> askPassword(const QString &accountId, const QString &serverText);
    void refreshMailLists();
    void selectInbox(const QString &accountId);
    void deleteSelected();
    void undoDelete();
    void emptyTrash();
    void toggleRead();
    void toggleFlag();
    bool readOn(); // Space: page the message, then the next unread; false when nothing is left
    void updateMailActions();
    QString accountName(const QString &accountId) const;
    QString selectedAccountId() const;

    std::unique_ptr<Ui::MainWindow> m_ui;
    Client::SettingsStore &m_settings;
    LanguageManager &m_languages;
    QLabel *m_statusLabel = nullptr;
    QProgressBar *m_progress = nullptr;
    QToolButton *m_cancelButton = nullptr;
    QLabel *m_syncError = nullptr;
    QLabel *m_sessionLabel = nullptr;
    JwtInspector *m_inspector = nullptr; // in the dock or a window of its own (then parentless)
    std::unique_ptr<Client::Session> m_session;
    QTimer *m_sessionClock = nullptr;
    bool m_loginOpen = false;
    static constexpr int sessionMessageMs = 15000;

    Client::MailStore *m_store = nullptr;
    Client::Accounts *m_accounts = nullptr;
    Client::FolderListModel *m_folders = nullptr;
    Client::MessageListModel *m_messages = nullptr;
    Client::SyncScheduler *m_sync = nullptr;
    MessageView *m_view = nullptr;
    NewMailNotifier *m_notifier = nullptr;
    QPointer<ProtocolLogWindow> m_logWindow;
    QTimer *m_markRead = nullptr;
    QTimer *m_listRefresh = nullptr; // during a sync
    static constexpr int kListRefreshMs = 1000;
    qint64 m_shownId = 0;
    QList<qint64> m_lastTrashed; // what Undo brings back
    // Headers-only messages whose body was asked for because they were opened (once each: a
    // failed download is not retried by itself; the view's Download button asks again).
    QSet<QString> m_fetchRequested; // account id + '\n' + uidl
    QString m_fetchAccount;         // the download the view shows progress for
    QString m_fetchUidl;
    void fetchShownBody(bool explicitRequest);

    Client::Composer *m_composer = nullptr;
    Client::AddressBook *m_addressBook = nullptr;
    QLabel *m_sendStatus = nullptr; // "Sending in 5 s. Undo", "Sent", or why not
    QWidget *m_outboxBar = nullptr; // above a failed Outbox message: its error, Retry, Edit
    QLabel *m_outboxText = nullptr;
    QTimer *m_sendStatusClear = nullptr;
    qint64 m_heldId = 0;
};

} // namespace Gui
