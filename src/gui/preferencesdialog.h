// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/types/accountsettings.h"

#include <QDialog>

#include <memory>

namespace Ui {
class PreferencesDialog;
}
namespace Client {
class SettingsStore;
}

namespace Gui {

class LanguageManager;

// Edits the mail account and general settings. Nothing is written until OK;
// a password is never asked for nor stored here.
class PreferencesDialog : public QDialog
{
    Q_OBJECT
public:
    enum Page { AccountPage = 0, DownloadPage = 1, GeneralPage = 2 };

    PreferencesDialog(Client::SettingsStore &settings, LanguageManager &languages,
                      QWidget *parent = nullptr);
    ~PreferencesDialog() override;

    void showPage(int page);
    void accept() override;

protected:
    void changeEvent(QEvent *event) override;

private:
    void fillChoices();
    void load();
    Types::MailSecurity selectedSecurity() const;
    void handleSecurityChanged();
    void updateDownloadControls();

    std::unique_ptr<Ui::PreferencesDialog> m_ui;
    Client::SettingsStore &m_settings;
    LanguageManager &m_languages;
    Types::MailSecurity m_lastSecurity = Types::MailSecurity::Tls;
};

} // namespace Gui
