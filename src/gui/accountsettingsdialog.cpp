// SPDX-License-Identifier: GPL-3.0-or-later
#include "accountsettingsdialog.h"

#include "sendingsettingstab.h"

#include "client/accountdetector.h"
#include "certificatedialog.h"
#include "client/accounts.h"
#include "ui_accountsettingsdialog.h"

#include <QFileDialog>
#include <QMessageBox>
#include <QPushButton>
#include <QStyle>
#include <QTimer>

using namespace Qt::StringLiterals;
using Step = Client::ConnectionTest::Step;

namespace Gui {

namespace {
constexpr int kListWidthChars = 22;  // the list: room for a typical account name
constexpr int kFieldWidthChars = 34; // the fields: a typical host name or address

QString stepName(Step step)
{
    switch (step) {
    case Step::Connect:
        return AccountSettingsDialog::tr("Connect");
    case Step::Tls:
        return AccountSettingsDialog::tr("Encryption (TLS)");
    case Step::Capabilities:
        return AccountSettingsDialog::tr("Capabilities (CAPA)");
    case Step::Login:
        return AccountSettingsDialog::tr("Login");
    case Step::Done:
        break;
    }
    return AccountSettingsDialog::tr("Done");
}

QString securityText(Types::MailSecurity security)
{
    switch (security) {
    case Types::MailSecurity::Tls:
        return AccountSettingsDialog::tr("TLS");
    case Types::MailSecurity::StartTls:
        return AccountSettingsDialog::tr("STARTTLS");
    case Types::MailSecurity::None:
        break;
    }
    return AccountSettingsDialog::tr("none");
}

// What went wrong, in words, for the kinds a connection test can end with.
QString errorKindText(const Client::SyncError &error)
{
    using Kind = Client::SyncErrorKind;
    switch (error.kind) {
    case Kind::Authentication:
        return AccountSettingsDialog::tr("The server refused the user name or password.");
    case Kind::Certificate:
        return AccountSettingsDialog::tr("The server's certificate is not trusted.");
    case Kind::Timeout:
        return AccountSettingsDialog::tr("The server stopped answering.");
    case Kind::Cancelled:
        return AccountSettingsDialog::tr("Stopped.");
    case Kind::Connection:
        return AccountSettingsDialog::tr("Could not connect to the server.");
    case Kind::Protocol:
        return AccountSettingsDialog::tr("The server's answer made no sense.");
    case Kind::ServerError:
        return AccountSettingsDialog::tr("The server reported an error.");
    case Kind::Password:
        return AccountSettingsDialog::tr("Enter the password to test the login.");
    default:
        break;
    }
    return AccountSettingsDialog::tr("The test did not complete.");
}
} // namespace

AccountSettingsDialog::AccountSettingsDialog(Client::Accounts &accounts, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::AccountSettingsDialog>())
    , m_sending(new SendingSettingsTab)
    , m_accounts(accounts)
    , m_detector(new Client::AccountDetector(this))
    , m_test(new Client::ConnectionTest(accounts.settings(), this))
{
    m_ui->setupUi(this);
    m_ui->tabs->addTab(m_sending, tr("Sending"));
    connect(m_ui->hostEdit, &QLineEdit::editingFinished, this,
            [this] { m_sending->suggestServer(m_ui->hostEdit->text().trimmed()); });
    fillChoices();
    applyMinimumSizes();
    m_ui->detectionPanel->hide();
    m_ui->securityWarning->hide();
    m_ui->problemLabel->hide();

    for (const Types::AccountSettings &account : m_accounts.list()) {
        Entry entry;
        entry.settings = account;
        entry.remember = false; // until the keyring says it has the password
        addEntry(entry);
    }

    connect(m_ui->accountList, &QListWidget::currentRowChanged, this, [this](int row) {
        storeForm();
        showEntry(row);
    });
    connect(m_ui->addButton, &QPushButton::clicked, this,
            &AccountSettingsDialog::openForNewAccount);
    connect(m_ui->removeButton, &QPushButton::clicked, this, &AccountSettingsDialog::removeCurrent);
    connect(m_ui->securityCombo, &QComboBox::currentIndexChanged, this,
            &AccountSettingsDialog::handleSecurityChanged);
    for (QCheckBox *box :
         {m_ui->leaveCheck, m_ui->deleteAfterCheck, m_ui->sizeLimitCheck, m_ui->checkEveryCheck})
        connect(box, &QCheckBox::toggled, this, &AccountSettingsDialog::updateDownloadControls);
    for (QLineEdit *edit : {m_ui->nameEdit, m_ui->emailEdit, m_ui->userEdit, m_ui->hostEdit})
        connect(edit, &QLineEdit::textEdited, this, &AccountSettingsDialog::refreshTitle);
    connect(m_ui->caBrowseButton, &QPushButton::clicked, this, &AccountSettingsDialog::browseCa);
    connect(m_ui->findButton, &QPushButton::clicked, this, &AccountSettingsDialog::findSettings);
    connect(m_ui->useDetectedButton, &QPushButton::clicked, this, &AccountSettingsDialog::useFound);
    connect(m_ui->dismissDetectedButton, &QPushButton::clicked, m_ui->detectionPanel,
            &QWidget::hide);
    connect(m_ui->testButton, &QPushButton::clicked, this, &AccountSettingsDialog::testConnection);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &AccountSettingsDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &AccountSettingsDialog::reject);

    connect(m_detector, &Client::AccountDetector::finished, this,
            &AccountSettingsDialog::showFound);
    connect(m_test, &Client::ConnectionTest::stepChanged, this,
            &AccountSettingsDialog::showTestStep);
    connect(m_test, &Client::ConnectionTest::finished, this,
            &AccountSettingsDialog::showTestResult);
    connect(&m_accounts, &Client::Accounts::passwordRead, this,
            &AccountSettingsDialog::handlePasswordRead);
    auto keyringAnswered = [this] {
        if (m_saving && !m_accounts.keyringBusy())
            finishSaving();
    };
    connect(&m_accounts, &Client::Accounts::passwordWritten, this, keyringAnswered);
    connect(&m_accounts, &Client::Accounts::passwordRemoved, this, keyringAnswered);
    connect(&m_accounts, &Client::Accounts::error, this,
            [this, keyringAnswered](const QString &, const QString &why) {
                if (m_saving)
                    m_keyringErrors << why;
                keyringAnswered();
            });

    if (!m_entries.isEmpty())
        selectEntry(0);
    else
        updateEnabled();
}

AccountSettingsDialog::~AccountSettingsDialog() = default;

Client::AccountDetector &AccountSettingsDialog::detector()
{
    return *m_detector;
}

Client::ConnectionTest &AccountSettingsDialog::connectionTest()
{
    return *m_test;
}

void AccountSettingsDialog::fillChoices()
{
    const bool loading = std::exchange(m_loading, true);
    const int security = m_ui->securityCombo->currentIndex();
    m_ui->securityCombo->clear();
    m_ui->securityCombo->addItem(tr("TLS (POP3S, recommended)"), int(Types::MailSecurity::Tls));
    m_ui->securityCombo->addItem(tr("STARTTLS (required)"), int(Types::MailSecurity::StartTls));
    m_ui->securityCombo->addItem(tr("None (not encrypted)"), int(Types::MailSecurity::None));
    m_ui->securityCombo->setCurrentIndex(qMax(security, 0));

    const int login = m_ui->loginCombo->currentIndex();
    m_ui->loginCombo->clear();
    m_ui->loginCombo->addItem(tr("Automatic (the safest the server offers)"),
                              int(Types::MailAuth::Auto));
    m_ui->loginCombo->addItem(tr("Challenge-response (SASL)"), int(Types::MailAuth::Sasl));
    m_ui->loginCombo->addItem(tr("APOP"), int(Types::MailAuth::Apop));
    m_ui->loginCombo->addItem(tr("User name and password (USER/PASS)"),
                              int(Types::MailAuth::UserPass));
    m_ui->loginCombo->setCurrentIndex(qMax(login, 0));
    m_loading = loading;
}

void AccountSettingsDialog::applyMinimumSizes()
{
    // In characters of the current font, so that 200 % scaling and larger fonts keep the
    // proportions.
    const QFontMetrics metrics = fontMetrics();
    m_ui->accountList->setMinimumWidth(metrics.averageCharWidth() * kListWidthChars);
    m_ui->hostEdit->setMinimumWidth(metrics.averageCharWidth() * kFieldWidthChars);
    // Some styles pad a combo box more than its size hint allows for; keep every security choice
    // readable.
    int widest = 0;
    for (int i = 0; i < m_ui->securityCombo->count(); ++i)
        widest = qMax(widest, metrics.horizontalAdvance(m_ui->securityCombo->itemText(i)));
    m_ui->securityCombo->setMinimumWidth(widest + metrics.height() * 3);
    // The download rows that only mean something under the one above are indented like a check
    // box's text.
    const int indent = style()->pixelMetric(QStyle::PM_IndicatorWidth) +
                       style()->pixelMetric(QStyle::PM_CheckBoxLabelSpacing);
    m_ui->deleteAfterRow->setContentsMargins(indent, 0, 0, 0);
}

void AccountSettingsDialog::addEntry(const Entry &entry)
{
    m_entries.append(entry);
    m_ui->accountList->addItem(entryTitle(entry));
}

QString AccountSettingsDialog::entryTitle(const Entry &entry) const
{
    const Types::AccountSettings &a = entry.settings;
    if (!a.name.isEmpty())
        return a.name;
    if (!a.email.isEmpty())
        return a.email;
    if (a.isConfigured())
        return a.user + u'@' + a.host;
    return tr("New account");
}

void AccountSettingsDialog::refreshTitle()
{
    if (m_current < 0 || m_loading)
        return;
    storeForm();
    if (QListWidgetItem *item = m_ui->accountList->item(m_current))
        item->setText(entryTitle(m_entries.at(m_current)));
}

void AccountSettingsDialog::openForNewAccount()
{
    storeForm();
    // One blank account at a time: Add again goes back to it.
    for (int row = 0; row < m_entries.size(); ++row) {
        const Types::AccountSettings &a = m_entries.at(row).settings;
        if (a.id.isEmpty() && !a.isConfigured() && a.email.isEmpty()) {
            selectEntry(row);
            m_ui->emailEdit->setFocus();
            return;
        }
    }
    Entry entry; // the engine's defaults: TLS on 995, mail left on the server
    addEntry(entry);
    selectEntry(int(m_entries.size()) - 1);
    m_ui->tabs->setCurrentWidget(m_ui->accountTab);
    m_ui->emailEdit->setFocus();
}

bool AccountSettingsDialog::openAccount(const QString &id)
{
    for (int row = 0; row < m_entries.size(); ++row) {
        if (m_entries.at(row).settings.id == id) {
            selectEntry(row);
            return true;
        }
    }
    return false;
}

QString AccountSettingsDialog::currentAccountId() const
{
    return m_current >= 0 ? m_entries.at(m_current).settings.id : QString();
}

void AccountSettingsDialog::selectEntry(int row)
{
    if (m_ui->accountList->currentRow() == row)
        showEntry(row);
    else
        m_ui->accountList->setCurrentRow(row); // showEntry through currentRowChanged
}

void AccountSettingsDialog::showEntry(int row)
{
    m_current = row >= 0 && row < m_entries.size() ? row : -1;
    m_ui->detectionPanel->hide();
    m_ui->testStatusLabel->clear();
    m_ui->problemLabel->hide();
    m_question.reset();
    updateEnabled();
    if (m_current < 0)
        return;
    const bool loading = std::exchange(m_loading, true);
    const Entry &entry = m_entries.at(m_current);
    const Types::AccountSettings &a = entry.settings;
    m_ui->nameEdit->setText(a.name);
    m_ui->emailEdit->setText(a.email);
    m_ui->displayNameEdit->setText(a.displayName);
    m_ui->hostEdit->setText(a.host);
    m_lastSecurity = a.security;
    m_ui->securityCombo->setCurrentIndex(m_ui->securityCombo->findData(int(a.security)));
    m_ui->portSpin->setValue(a.port);
    m_ui->userEdit->setText(a.user);
    m_ui->passwordEdit->setText(entry.password);
    m_ui->rememberCheck->setChecked(entry.remember);
    m_ui->loginCombo->setCurrentIndex(qMax(m_ui->loginCombo->findData(int(a.auth)), 0));
    m_ui->allowPlainCheck->setChecked(a.allowPlainPassword);
    m_ui->caEdit->setText(a.caFile);
    m_ui->leaveCheck->setChecked(a.leaveOnServer);
    m_ui->deleteAfterCheck->setChecked(a.deleteAfterDays >= 0);
    m_ui->deleteAfterSpin->setValue(a.deleteAfterDays >= 0 ? a.deleteAfterDays : 30);
    m_ui->deleteHereCheck->setChecked(a.deleteWhenDeletedHere);
    m_ui->sizeLimitCheck->setChecked(a.sizeLimitKb > 0);
    m_ui->sizeLimitSpin->setValue(a.sizeLimitKb > 0 ? a.sizeLimitKb : 2048);
    m_ui->checkEveryCheck->setChecked(a.checkEveryMinutes > 0);
    m_ui->checkEverySpin->setValue(a.checkEveryMinutes > 0 ? a.checkEveryMinutes : 10);
    m_sending->load(a, entry.smtpPassword);
    handleSecurityChanged();
    updateDownloadControls();
    m_loading = loading;
    // The stored password, so that Test Connection works without typing it again.
    if (!a.id.isEmpty() && !entry.passwordLoaded)
        m_accounts.readPassword(a.id);
}

void AccountSettingsDialog::handlePasswordRead(const QString &id, const QString &password)
{
    for (int row = 0; row < m_entries.size(); ++row) {
        Entry &entry = m_entries[row];
        if (entry.settings.id != id || entry.passwordLoaded)
            continue;
        entry.passwordLoaded = true;
        entry.storedPassword = password;
        if (row == m_current)
            storeForm();
        if (entry.password.isEmpty()) { // not typed over meanwhile
            entry.password = password;
            entry.remember = !password.isEmpty();
            if (row == m_current) {
                const bool loading = std::exchange(m_loading, true);
                m_ui->passwordEdit->setText(password);
                m_ui->rememberCheck->setChecked(entry.remember);
                m_loading = loading;
            }
        }
    }
}

void AccountSettingsDialog::storeForm()
{
    if (m_current < 0 || m_current >= m_entries.size() || m_loading)
        return;
    Entry &entry = m_entries[m_current];
    Types::AccountSettings &a = entry.settings;
    a.name = m_ui->nameEdit->text().trimmed();
    a.email = m_ui->emailEdit->text().trimmed();
    a.displayName = m_ui->displayNameEdit->text().trimmed();
    a.host = m_ui->hostEdit->text().trimmed();
    a.security = selectedSecurity();
    a.port = quint16(m_ui->portSpin->value());
    a.user = m_ui->userEdit->text().trimmed();
    a.auth = Types::MailAuth(m_ui->loginCombo->currentData().toInt());
    a.allowPlainPassword =
        a.security == Types::MailSecurity::None && m_ui->allowPlainCheck->isChecked();
    a.caFile = m_ui->caEdit->text().trimmed();
    a.leaveOnServer = m_ui->leaveCheck->isChecked();
    a.deleteAfterDays = a.leaveOnServer && m_ui->deleteAfterCheck->isChecked()
                            ? m_ui->deleteAfterSpin->value()
                            : -1;
    a.deleteWhenDeletedHere = m_ui->deleteHereCheck->isChecked();
    a.sizeLimitKb = m_ui->sizeLimitCheck->isChecked() ? m_ui->sizeLimitSpin->value() : -1;
    a.checkEveryMinutes = m_ui->checkEveryCheck->isChecked() ? m_ui->checkEverySpin->value() : 0;
    m_sending->store(a);
    entry.smtpPassword = m_sending->smtpPassword();
    entry.password = m_ui->passwordEdit->text();
    entry.remember = m_ui->rememberCheck->isChecked();
}

void AccountSettingsDialog::updateEnabled()
{
    const bool editing = m_current >= 0 && !m_saving;
    m_ui->tabs->setEnabled(editing);
    m_ui->removeButton->setEnabled(editing);
    m_ui->addButton->setEnabled(!m_saving);
    m_ui->accountList->setEnabled(!m_saving);
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(!m_saving);
}

Types::MailSecurity AccountSettingsDialog::selectedSecurity() const
{
    return Types::MailSecurity(m_ui->securityCombo->currentData().toInt());
}

void AccountSettingsDialog::handleSecurityChanged()
{
    const Types::MailSecurity security = selectedSecurity();
    // The standard port follows the security choice unless the user chose another one.
    if (!m_loading && m_ui->portSpin->value() == Types::defaultPop3Port(m_lastSecurity))
        m_ui->portSpin->setValue(Types::defaultPop3Port(security));
    m_lastSecurity = security;
    const bool clear = security == Types::MailSecurity::None;
    m_ui->allowPlainCheck->setEnabled(clear);
    if (!clear && !m_loading)
        m_ui->allowPlainCheck->setChecked(false);
    m_ui->securityWarning->setVisible(clear);
    m_ui->securityWarning->setText(
        clear ? tr("Without encryption, anyone on the network path can read your mail, and your "
                   "password "
                   "if you allow it to be sent. Use this only for a server on this computer.")
              : QString());
}

void AccountSettingsDialog::updateDownloadControls()
{
    // "Delete after N days" only means something while mail is left there.
    const bool leave = m_ui->leaveCheck->isChecked();
    m_ui->deleteAfterCheck->setEnabled(leave);
    m_ui->deleteAfterSpin->setEnabled(leave && m_ui->deleteAfterCheck->isChecked());
    m_ui->daysLabel->setEnabled(m_ui->deleteAfterSpin->isEnabled());
    m_ui->sizeLimitSpin->setEnabled(m_ui->sizeLimitCheck->isChecked());
    m_ui->kbLabel->setEnabled(m_ui->sizeLimitCheck->isChecked());
    m_ui->checkEverySpin->setEnabled(m_ui->checkEveryCheck->isChecked());
    m_ui->minutesLabel->setEnabled(m_ui->checkEveryCheck->isChecked());
}

void AccountSettingsDialog::removeCurrent()
{
    if (m_current < 0)
        return;
    storeForm();
    const Entry entry = m_entries.at(m_current);
    const QString title = entryTitle(entry);
    if (!entry.settings.id.isEmpty()) { // a blank new account goes without asking
        QMessageBox box(QMessageBox::Question, tr("Remove Account"),
                        tr("Remove the account \"%1\"?").arg(title), QMessageBox::NoButton, this);
        box.setInformativeText(
            tr("Its settings and its password in the system keyring are removed when you "
               "press OK. Messages already downloaded stay on this computer."));
        QPushButton *remove = box.addButton(tr("&Remove"), QMessageBox::DestructiveRole);
        box.addButton(QMessageBox::Cancel);
        box.setDefaultButton(QMessageBox::Cancel);
        box.setObjectName(u"removeConfirmation"_s);
        box.exec();
        if (box.clickedButton() != remove)
            return;
        m_removedIds << entry.settings.id;
    }
    const int row = m_current;
    m_current = -1; // the form belongs to no entry while the list changes
    m_entries.removeAt(row);
    delete m_ui->accountList->takeItem(row);
    selectEntry(qMin(row, int(m_entries.size()) - 1));
    if (m_entries.isEmpty())
        showEntry(-1);
}

void AccountSettingsDialog::browseCa()
{
    const QString file = QFileDialog::getOpenFileName(
        this, tr("CA Certificate for This Account"), m_ui->caEdit->text(),
        tr("Certificates (*.pem *.crt *.cer);;All files (*)"));
    if (!file.isEmpty()) {
        m_ui->caEdit->setText(file);
        storeForm();
    }
}

void AccountSettingsDialog::findSettings()
{
    if (m_detector->isRunning()) {
        m_detector->cancel(); // showFound() hears about it
        return;
    }
    const QString email = m_ui->emailEdit->text().trimmed();
    const QString domain = Client::AccountDetector::domainOf(email);
    m_ui->detectionPanel->show();
    m_ui->useDetectedButton->hide();
    if (domain.isEmpty() || !m_detector->start(email)) {
        m_ui->detectionLabel->setText(
            tr("Enter your e-mail address (like alice@example.org) first."));
        m_ui->emailEdit->setFocus();
        return;
    }
    m_ui->findButton->setText(tr("Stop &Finding"));
    m_ui->detectionLabel->setText(tr("Looking for the mail server of %1…").arg(domain));
}

void AccountSettingsDialog::showFound(const Client::DetectionResult &result)
{
    m_ui->findButton->setText(tr("&Find Settings"));
    m_found = std::make_unique<Client::DetectionResult>(result);
    m_ui->detectionPanel->show();
    m_ui->useDetectedButton->setVisible(result.found);
    if (result.cancelled) {
        m_ui->detectionLabel->setText(tr("Stopped looking for the server."));
    } else if (!result.found) {
        QStringList tried;
        for (const Client::DetectionAttempt &attempt : result.failures)
            tried << tr("%1, port %2 (%3): %4")
                         .arg(attempt.host)
                         .arg(attempt.port)
                         .arg(securityText(attempt.security), attempt.problem);
        m_ui->detectionLabel->setText(
            tr("No POP3 server was found for this address. Enter the server's "
               "settings by hand (your provider's help pages name them).") +
            u"\n\n"_s + tried.join(u'\n'));
    } else {
        const Client::DetectedServer &s = result.server;
        QString text = tr("Found a POP3 server: %1, port %2, security %3.")
                           .arg(s.host)
                           .arg(s.port)
                           .arg(securityText(s.security));
        if (!s.greeting.isEmpty())
            text += u'\n' + tr("It greets with: \"%1\"").arg(s.greeting);
        if (!s.implementation.isEmpty())
            text += u'\n' + tr("Server software: %1").arg(s.implementation);
        text += u'\n' + (s.certificateVerified ? tr("Its certificate is valid for this name.")
                                               : tr("Its certificate could not be verified: %1")
                                                     .arg(s.certificateProblems.join(u"; "_s)));
        m_ui->detectionLabel->setText(text);
        m_ui->useDetectedButton->setFocus();
    }
    Q_EMIT settingsFound(result);
}

void AccountSettingsDialog::useFound()
{
    if (!m_found || !m_found->found || m_current < 0)
        return;
    const Client::DetectedServer &s = m_found->server;
    m_ui->hostEdit->setText(s.host);
    m_ui->securityCombo->setCurrentIndex(m_ui->securityCombo->findData(int(s.security)));
    m_ui->portSpin->setValue(s.port);
    if (m_ui->userEdit->text().trimmed().isEmpty()) // most providers take the whole address
        m_ui->userEdit->setText(m_ui->emailEdit->text().trimmed());
    m_ui->detectionPanel->hide();
    storeForm();
    refreshTitle();
    m_ui->passwordEdit->setFocus();
}

void AccountSettingsDialog::testConnection()
{
    if (m_test->isRunning()) {
        m_test->cancel(); // showTestResult() reports it
        return;
    }
    storeForm();
    if (m_current < 0)
        return;
    const Entry &entry = m_entries.at(m_current);
    if (const QString why = Client::Accounts::problem(entry.settings); !why.isEmpty()) {
        m_ui->testStatusLabel->setText(why);
        return;
    }
    m_question.reset();
    m_ui->testButton->setText(tr("S&top Test"));
    m_ui->testStatusLabel->setText(tr("Connecting…"));
    m_test->start(entry.settings, entry.password);
}

void AccountSettingsDialog::showTestStep(Step step)
{
    switch (step) {
    case Step::Connect:
        m_ui->testStatusLabel->setText(tr("Connecting…"));
        break;
    case Step::Tls:
        m_ui->testStatusLabel->setText(tr("Setting up encryption…"));
        break;
    case Step::Capabilities:
        m_ui->testStatusLabel->setText(tr("Reading the server's capabilities…"));
        break;
    case Step::Login:
        m_ui->testStatusLabel->setText(tr("Logging in…"));
        break;
    case Step::Done:
        break;
    }
}

void AccountSettingsDialog::showTestResult(const Client::ConnectionTestResult &result)
{
    m_ui->testButton->setText(tr("&Test Connection"));
    if (result.ok()) {
        QString text = result.encrypted
                           ? tr("The connection works: encrypted, and the login succeeded.")
                           : tr("The connection works and the login succeeded, but nothing is "
                                "encrypted.");
        if (!result.loginMethod.isEmpty())
            text += u' ' + tr("Login method: %1.").arg(result.loginMethod);
        m_ui->testStatusLabel->setText(text);
    } else if (result.error.kind == Client::SyncErrorKind::Cancelled) {
        m_ui->testStatusLabel->setText(tr("The test was stopped."));
    } else {
        QString text = tr("The %1 step failed. %2")
                           .arg(stepName(result.failedStep), errorKindText(result.error));
        if (!result.error.serverText.isEmpty())
            text += u' ' + tr("The server said: \"%1\"").arg(result.error.serverText);
        else if (!result.error.detail.isEmpty())
            text += u' ' + tr("(%1)").arg(result.error.detail);
        if (result.hasCertificateQuestion) {
            m_question = std::make_unique<Client::CertificateQuestion>(result.certificate);
            if (!result.certificate.problems.isEmpty())
                text += u' ' + tr("(%1)").arg(result.certificate.problems.join(u"; "_s));
            text += u' ' + tr("Choose the CA certificate of this server for the account, or trust "
                              "this certificate.");
        }
        m_ui->testStatusLabel->setText(text);
        // The same question Get Mail asks: trusted here, it holds for Get Mail too.
        if (result.hasCertificateQuestion) {
            const Client::CertificateQuestion question = result.certificate;
            QTimer::singleShot(0, this, [this, question] {
                if (!CertificateDialog::ask(question, this))
                    return;
                m_test->trustCertificate(question);
                testConnection();
            });
        }
    }
    Q_EMIT connectionTested(result);
}

void AccountSettingsDialog::accept()
{
    if (m_saving)
        return;
    storeForm();
    m_ui->problemLabel->hide();
    // Everything is checked before anything is written.
    for (int row = 0; row < m_entries.size(); ++row) {
        const QString why = Client::Accounts::problem(m_entries.at(row).settings);
        if (!why.isEmpty()) {
            selectEntry(row);
            m_ui->tabs->setCurrentWidget(m_ui->accountTab);
            m_ui->problemLabel->setText(tr("%1: %2").arg(entryTitle(m_entries.at(row)), why));
            m_ui->problemLabel->show();
            return;
        }
    }
    m_detector->cancel();
    m_test->cancel();
    m_saving = true;
    m_keyringErrors.clear();
    m_addedIds.clear();
    updateEnabled();
    for (const QString &id : std::as_const(m_removedIds))
        m_accounts.remove(id); // and its keyring entry
    m_removedIds.clear();
    for (Entry &entry : m_entries) {
        Types::AccountSettings &a = entry.settings;
        const bool added = a.id.isEmpty();
        QString id = a.id;
        const bool ok = added ? m_accounts.add(a, &id) : m_accounts.update(a);
        if (!ok) {
            m_keyringErrors << tr("%1: %2").arg(entryTitle(entry), m_accounts.errorString());
            continue;
        }
        a.id = id;
        if (added)
            m_addedIds << id;
        if (entry.remember && !entry.password.isEmpty() && entry.password != entry.storedPassword)
            m_accounts.writePassword(id, entry.password);
        else if (!entry.remember && !entry.storedPassword.isEmpty())
            m_accounts.removePassword(id);
        if (a.smtpSeparatePassword && !entry.smtpPassword.isEmpty())
            m_accounts.writeSmtpPassword(id, entry.smtpPassword);
    }
    m_ui->problemLabel->setText(tr("Saving passwords in the system keyring…"));
    m_ui->problemLabel->setVisible(m_accounts.keyringBusy());
    if (!m_accounts.keyringBusy())
        finishSaving();
}

void AccountSettingsDialog::finishSaving()
{
    m_saving = false;
    updateEnabled();
    m_ui->problemLabel->hide();
    if (!m_keyringErrors.isEmpty())
        QMessageBox::warning(this, tr("Account Settings"),
                             tr("The accounts were saved, but not everything went well:") +
                                 u"\n\n"_s + m_keyringErrors.join(u'\n'));
    Q_EMIT accountsSaved(m_addedIds);
    QDialog::accept();
}

void AccountSettingsDialog::reject()
{
    if (m_saving)
        return; // the keyring is answering; OK finishes on its own
    m_detector->cancel();
    m_test->cancel();
    QDialog::reject();
}

void AccountSettingsDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        m_ui->tabs->setTabText(m_ui->tabs->indexOf(m_sending), tr("Sending"));
        fillChoices();
        applyMinimumSizes();
        handleSecurityChanged();
        for (int row = 0; row < m_entries.size(); ++row)
            m_ui->accountList->item(row)->setText(entryTitle(m_entries.at(row)));
    }
    QDialog::changeEvent(event);
}

} // namespace Gui
