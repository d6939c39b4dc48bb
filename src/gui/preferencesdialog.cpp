// SPDX-License-Identifier: GPL-3.0-or-later
#include "preferencesdialog.h"

#include "languagemanager.h"
#include "client/settingsstore.h"
#include "ui_preferencesdialog.h"

#include <QCheckBox>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace Gui {

PreferencesDialog::PreferencesDialog(Client::SettingsStore &settings, LanguageManager &languages,
                                     QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::PreferencesDialog>())
    , m_settings(settings)
    , m_languages(languages)
{
    m_ui->setupUi(this);
    // Room for a typical host name and the longest security choice, in any language.
    m_ui->hostEdit->setMinimumWidth(fontMetrics().averageCharWidth() * 32);
    fillChoices();
    load();
    connect(m_ui->securityCombo, &QComboBox::currentIndexChanged, this,
            &PreferencesDialog::handleSecurityChanged);
    for (QCheckBox *box : {m_ui->leaveCheck, m_ui->deleteAfterCheck, m_ui->sizeLimitCheck})
        connect(box, &QCheckBox::toggled, this, &PreferencesDialog::updateDownloadControls);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &PreferencesDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &PreferencesDialog::reject);
}

PreferencesDialog::~PreferencesDialog() = default;

void PreferencesDialog::fillChoices()
{
    const int security = m_ui->securityCombo->currentIndex();
    m_ui->securityCombo->clear();
    m_ui->securityCombo->addItem(tr("TLS (POP3S, recommended)"), int(Types::MailSecurity::Tls));
    m_ui->securityCombo->addItem(tr("STARTTLS (required)"), int(Types::MailSecurity::StartTls));
    m_ui->securityCombo->addItem(tr("None (not encrypted)"), int(Types::MailSecurity::None));
    m_ui->securityCombo->setCurrentIndex(qMax(security, 0));
    // Some styles pad the box more than its size hint allows for; keep every choice readable.
    int widest = 0;
    for (int i = 0; i < m_ui->securityCombo->count(); ++i)
        widest = qMax(widest, fontMetrics().horizontalAdvance(m_ui->securityCombo->itemText(i)));
    m_ui->securityCombo->setMinimumWidth(widest + fontMetrics().height() * 3);

    const int login = m_ui->loginCombo->currentIndex();
    m_ui->loginCombo->clear();
    m_ui->loginCombo->addItem(tr("Automatic (the safest the server offers)"), int(Types::MailAuth::Auto));
    m_ui->loginCombo->addItem(tr("Challenge-response (SASL)"), int(Types::MailAuth::Sasl));
    m_ui->loginCombo->addItem(tr("APOP"), int(Types::MailAuth::Apop));
    m_ui->loginCombo->addItem(tr("User name and password (USER/PASS)"), int(Types::MailAuth::UserPass));
    m_ui->loginCombo->setCurrentIndex(qMax(login, 0));

    // Each language is named in itself, so a user can find theirs whatever is shown now.
    const int language = m_ui->languageCombo->currentIndex();
    m_ui->languageCombo->clear();
    m_ui->languageCombo->addItem(tr("System default"), QString());
    m_ui->languageCombo->addItem(u"English"_s, u"en"_s);
    m_ui->languageCombo->addItem(u"简体中文"_s, u"zh_CN"_s);
    m_ui->languageCombo->setCurrentIndex(qMax(language, 0));
}

void PreferencesDialog::load()
{
    const Types::AccountSettings account = m_settings.account();
    m_ui->hostEdit->setText(account.host);
    m_lastSecurity = account.security;
    m_ui->securityCombo->setCurrentIndex(m_ui->securityCombo->findData(int(account.security)));
    m_ui->portSpin->setValue(account.port);
    m_ui->userEdit->setText(account.user);
    handleSecurityChanged();

    m_ui->loginCombo->setCurrentIndex(qMax(m_ui->loginCombo->findData(int(account.auth)), 0));
    m_ui->leaveCheck->setChecked(account.leaveOnServer);
    m_ui->deleteAfterCheck->setChecked(account.deleteAfterDays >= 0);
    if (account.deleteAfterDays > 0)
        m_ui->deleteAfterSpin->setValue(account.deleteAfterDays);
    m_ui->deleteHereCheck->setChecked(account.deleteWhenDeletedHere);
    m_ui->sizeLimitCheck->setChecked(account.sizeLimitKb > 0);
    if (account.sizeLimitKb > 0)
        m_ui->sizeLimitSpin->setValue(account.sizeLimitKb);
    updateDownloadControls();

    const int language = m_ui->languageCombo->findData(m_settings.language());
    m_ui->languageCombo->setCurrentIndex(language >= 0 ? language : 0);
}

void PreferencesDialog::showPage(int page)
{
    m_ui->tabs->setCurrentIndex(page);
    // Focus goes to the first field that still needs an answer.
    if (page == AccountPage)
        (m_ui->hostEdit->text().isEmpty() ? m_ui->hostEdit : m_ui->userEdit)->setFocus();
}

Types::MailSecurity PreferencesDialog::selectedSecurity() const
{
    return Types::MailSecurity(m_ui->securityCombo->currentData().toInt());
}

void PreferencesDialog::handleSecurityChanged()
{
    const Types::MailSecurity security = selectedSecurity();
    // Follow the standard port unless the user chose another one on purpose.
    if (m_ui->portSpin->value() == Types::defaultPop3Port(m_lastSecurity))
        m_ui->portSpin->setValue(Types::defaultPop3Port(security));
    m_lastSecurity = security;
    const bool clear = security == Types::MailSecurity::None;
    m_ui->securityWarning->setVisible(clear);
    m_ui->securityWarning->setText(
        clear ? tr("Without encryption, anyone on the network path can read your password and "
                   "your mail. Use this only for a server on this computer.")
              : QString());
}

void PreferencesDialog::updateDownloadControls()
{
    // "Delete after N days" only means something while mail is left there.
    const bool leave = m_ui->leaveCheck->isChecked();
    m_ui->deleteAfterCheck->setEnabled(leave);
    m_ui->deleteAfterSpin->setEnabled(leave && m_ui->deleteAfterCheck->isChecked());
    m_ui->daysLabel->setEnabled(m_ui->deleteAfterSpin->isEnabled());
    m_ui->sizeLimitSpin->setEnabled(m_ui->sizeLimitCheck->isChecked());
    m_ui->kbLabel->setEnabled(m_ui->sizeLimitCheck->isChecked());
}

void PreferencesDialog::accept()
{
    Types::AccountSettings account = m_settings.account(); // keeps what this page does not show
    account.host = m_ui->hostEdit->text().trimmed();
    account.security = selectedSecurity();
    account.port = quint16(m_ui->portSpin->value());
    account.user = m_ui->userEdit->text().trimmed();
    account.auth = Types::MailAuth(m_ui->loginCombo->currentData().toInt());
    account.leaveOnServer = m_ui->leaveCheck->isChecked();
    account.deleteAfterDays = m_ui->deleteAfterCheck->isChecked() ? m_ui->deleteAfterSpin->value() : -1;
    account.deleteWhenDeletedHere = m_ui->deleteHereCheck->isChecked();
    account.sizeLimitKb = m_ui->sizeLimitCheck->isChecked() ? m_ui->sizeLimitSpin->value() : -1;
    m_settings.setAccount(account);

    const QString language = m_ui->languageCombo->currentData().toString();
    if (language != m_settings.language()) {
        m_settings.setLanguage(language);
        m_languages.setLanguage(language);
    }
    m_settings.sync();
    QDialog::accept();
}

void PreferencesDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        fillChoices();
        handleSecurityChanged();
    }
    QDialog::changeEvent(event);
}

} // namespace Gui
