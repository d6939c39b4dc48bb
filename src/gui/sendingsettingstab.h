// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/types/accountsettings.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

namespace Gui {

// The Account Settings tab for what an account sends: the outgoing (SMTP submission) server and
// the identity's signature and spelling language. The account's CA file and certificate trust
// hold for this server too.
class SendingSettingsTab : public QWidget
{
    Q_OBJECT

public:
    explicit SendingSettingsTab(QWidget *parent = nullptr);

    void load(const Types::AccountSettings &account, const QString &smtpPassword);
    void store(Types::AccountSettings &account) const;
    // The outgoing server's own password, when the account has one (else empty).
    QString smtpPassword() const;
    // Fills an empty server from the incoming one ("pop.example.org" -> "smtp.example.org").
    void suggestServer(const QString &incomingHost);
    QLineEdit *hostEdit() const { return m_host; }

Q_SIGNALS:
    void edited();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void handleSecurityChanged();
    Types::MailSecurity security() const;

    QLineEdit *m_host;
    QComboBox *m_security;
    QSpinBox *m_port;
    QLineEdit *m_user;
    QCheckBox *m_separatePassword;
    QLineEdit *m_password;
    QPlainTextEdit *m_signature;
    QCheckBox *m_signatureHtml;
    QComboBox *m_language;
    QGroupBox *m_serverGroup = nullptr;
    QGroupBox *m_writingGroup = nullptr;
    QLabel *m_hostLabel = nullptr;
    QLabel *m_securityLabel = nullptr;
    QLabel *m_portLabel = nullptr;
    QLabel *m_userLabel = nullptr;
    QLabel *m_passwordLabel = nullptr;
    QLabel *m_signatureLabel = nullptr;
    QLabel *m_languageLabel = nullptr;
    Types::MailSecurity m_lastSecurity = Types::MailSecurity::Tls;
};

} // namespace Gui
