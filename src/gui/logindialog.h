// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client/session.h"

#include <QDialog>

#include <memory>

namespace Ui {
class LoginDialog;
}
namespace Client {
class SecretStore;
class SettingsStore;
}

namespace Gui {

// Logs in to tidings-authd through Client::Session. The dialog stays open
// while connecting (Cancel aborts) and shows one specific message per outcome.
class LoginDialog : public QDialog
{
    Q_OBJECT
public:
    LoginDialog(Client::Session &session, Client::SettingsStore &settings, QWidget *parent = nullptr);
    ~LoginDialog() override;

    void accept() override;
    void reject() override;

protected:
    void changeEvent(QEvent *event) override;

private:
    void submit();
    void setBusy(bool busy);
    void showFailure(const Client::Session::Failure &failure);
    void showMessage(const QString &text, bool error);
    void focusFirstEmpty();
    void handleSignedIn();

    std::unique_ptr<Ui::LoginDialog> m_ui;
    Client::Session &m_session;
    Client::SettingsStore &m_settings;
    Client::SecretStore *m_secrets;
    QSslCertificate m_untrusted;
    bool m_busy = false;
    bool m_pendingSecretJob = false;
};

} // namespace Gui
