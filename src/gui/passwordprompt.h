// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/types/accountsettings.h"

#include <QDialog>

class QCheckBox;
class QLineEdit;
class QPushButton;

namespace Gui {

// Asks for an account's password when the keyring has none or the server refused the one it
// had. Says which account and why; the caller stores the answer in the keyring when remember()
// is on (Client::SecretStore) and never writes it anywhere else.
class PasswordPrompt : public QDialog
{
    Q_OBJECT
public:
    enum class Reason {
        NoStoredPassword, // the keyring has none for this account
        Refused,          // the server refused the password: serverText says how
    };

    PasswordPrompt(const Types::AccountSettings &account, Reason reason,
                   const QString &serverText = {}, QWidget *parent = nullptr);
    ~PasswordPrompt() override;

    QString password() const;
    bool remember() const;
    void setRemember(bool remember);
    // The text that says why the password is asked (for tests and screen readers).
    QString reasonText() const;

private:
    QLineEdit *m_passwordEdit = nullptr;
    QCheckBox *m_rememberCheck = nullptr;
    QPushButton *m_okButton = nullptr;
    QString m_reasonText;
};

} // namespace Gui
