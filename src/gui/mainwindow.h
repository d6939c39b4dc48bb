// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMainWindow>

#include <memory>

class QLabel;
class QProgressBar;
class QTimer;
namespace Client {
class Session;
}

namespace Ui {
class MainWindow;
}
namespace Client {
class SettingsStore;
}

namespace Gui {

class LanguageManager;
class JwtInspector;

// The application's main window. It wires widgets, models and services
// together; it implements no protocol or storage logic itself.
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
    void openAbout();
    void openInspectorWindow();
    void openLogin();
    Client::Session &session() { return *m_session; }

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void setupActions();
    void setupStatusBar();
    void restoreLayout();
    void saveLayout();
    void refreshAccountState();
    void forwardToFocusWidget(const char *method);
    void refreshSessionState();
    void showSessionDetails();

    std::unique_ptr<Ui::MainWindow> m_ui;
    Client::SettingsStore &m_settings;
    LanguageManager &m_languages;
    QLabel *m_statusLabel = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_sessionLabel = nullptr;
    JwtInspector *m_inspector = nullptr;
    std::unique_ptr<Client::Session> m_session;
    QTimer *m_sessionClock = nullptr;
    bool m_loginOpen = false;
    static constexpr int sessionMessageMs = 15000;
};

} // namespace Gui
