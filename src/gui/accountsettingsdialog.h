// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client/connectiontest.h"
#include "core/types/accountsettings.h"

#include <QDialog>
#include <QList>
#include <QStringList>

#include <memory>

namespace Ui {
class AccountSettingsDialog;
}
namespace Client {
class AccountDetector;
class Accounts;
struct DetectionResult;
} // namespace Client

namespace Gui {

// Every mail account: the list on the left (Add, Remove), the selected one's
// settings on the right. Nothing is written until OK, which saves the
// settings through Client::Accounts and the passwords to the keyring, and
// closes once the keyring has answered. "Find Settings" guesses the server
// from the address (shown first, used only when the user says so); "Test
// Connection" logs in with the settings as typed and names the step that
// failed in the server's own words.
class SendingSettingsTab;

class AccountSettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AccountSettingsDialog(Client::Accounts &accounts, QWidget *parent = nullptr);
    ~AccountSettingsDialog() override;

    // Adds a blank account and selects it, the e-mail address focused (first run, "Add Account").
    void openForNewAccount();
    // Selects an existing account; false when there is none with this id.
    bool openAccount(const QString &id);
    // The selected account's id; empty for one not saved yet.
    QString currentAccountId() const;

    // The guesser Find Settings uses: tests and unusual networks set its ports and addresses.
    Client::AccountDetector &detector();
    Client::ConnectionTest &connectionTest();

    void accept() override;
    void reject() override;

Q_SIGNALS:
    // After OK: settings written and every keyring call answered. addedIds: accounts new in this
    // session.
    void accountsSaved(const QStringList &addedIds);
    void connectionTested(const Client::ConnectionTestResult &result);
    void settingsFound(const Client::DetectionResult &result);

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Entry
    {
        Types::AccountSettings settings; // id empty: not saved yet
        QString password;
        QString storedPassword; // what the keyring had, to write only what changed
        bool passwordLoaded = false;
        bool remember = true;
        QString smtpPassword; // the outgoing server's own, when it has one (typed here)
    };

    void fillChoices();
    void applyMinimumSizes();
    void addEntry(const Entry &entry);
    void selectEntry(int row);
    void showEntry(int row);
    void storeForm();
    QString entryTitle(const Entry &entry) const;
    void refreshTitle();
    void updateEnabled();
    Types::MailSecurity selectedSecurity() const;
    void handleSecurityChanged();
    void updateDownloadControls();
    void removeCurrent();
    void browseCa();
    void handlePasswordRead(const QString &id, const QString &password);

    void findSettings();
    void showFound(const Client::DetectionResult &result);
    void useFound();
    void testConnection();
    void showTestStep(Client::ConnectionTest::Step step);
    void showTestResult(const Client::ConnectionTestResult &result);
    void finishSaving();

    std::unique_ptr<Ui::AccountSettingsDialog> m_ui;
    SendingSettingsTab *m_sending;
    Client::Accounts &m_accounts;
    Client::AccountDetector *m_detector;
    Client::ConnectionTest *m_test;
    QList<Entry> m_entries;
    QStringList m_removedIds;
    QStringList m_addedIds;
    int m_current = -1;
    bool m_loading = false;      // filling the form: no edits recorded
    bool m_saving = false;       // OK pressed, waiting for the keyring
    QStringList m_keyringErrors; // while saving
    Types::MailSecurity m_lastSecurity = Types::MailSecurity::Tls;
    std::unique_ptr<Client::DetectionResult> m_found;
    std::unique_ptr<Client::CertificateQuestion>
        m_question; // from the last test, when the certificate was the problem
};

} // namespace Gui
