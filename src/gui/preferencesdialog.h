// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

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

// Application-wide settings. Mail accounts have their own dialog
// (AccountSettingsDialog). Nothing is written until OK.
class PreferencesDialog : public QDialog
{
    Q_OBJECT
public:
    enum Page { GeneralPage = 0 };

    PreferencesDialog(Client::SettingsStore &settings, LanguageManager &languages,
                      QWidget *parent = nullptr);
    ~PreferencesDialog() override;

    void showPage(int page); // a page that does not exist shows the first
    void accept() override;

protected:
    void changeEvent(QEvent *event) override;

private:
    void fillChoices();
    void load();

    std::unique_ptr<Ui::PreferencesDialog> m_ui;
    Client::SettingsStore &m_settings;
    LanguageManager &m_languages;
};

} // namespace Gui
