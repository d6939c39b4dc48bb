// SPDX-License-Identifier: GPL-3.0-or-later
#include "sendingsettingstab.h"

#include "client/spellchecker.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Gui {

namespace {

QLabel *buddyLabel(QWidget *buddy)
{
    auto *label = new QLabel;
    label->setBuddy(buddy);
    return label;
}

} // namespace

SendingSettingsTab::SendingSettingsTab(QWidget *parent)
    : QWidget(parent)
    , m_host(new QLineEdit)
    , m_security(new QComboBox)
    , m_port(new QSpinBox)
    , m_user(new QLineEdit)
    , m_separatePassword(new QCheckBox)
    , m_password(new QLineEdit)
    , m_signature(new QPlainTextEdit)
    , m_signatureHtml(new QCheckBox)
    , m_language(new QComboBox)
{
    setObjectName(u"sendingTab"_s);
    m_host->setObjectName(u"smtpHostEdit"_s);
    m_security->setObjectName(u"smtpSecurityCombo"_s);
    m_port->setObjectName(u"smtpPortSpin"_s);
    m_user->setObjectName(u"smtpUserEdit"_s);
    m_separatePassword->setObjectName(u"smtpSeparatePasswordCheck"_s);
    m_password->setObjectName(u"smtpPasswordEdit"_s);
    m_signature->setObjectName(u"signatureEdit"_s);
    m_signatureHtml->setObjectName(u"signatureHtmlCheck"_s);
    m_language->setObjectName(u"spellLanguageCombo"_s);
    m_serverGroup = new QGroupBox;
    auto *serverForm = new QFormLayout(m_serverGroup);
    m_host->setPlaceholderText(u"smtp.example.org"_s);
    serverForm->addRow(m_hostLabel = buddyLabel(m_host), m_host);
    for (int i = 0; i < 3; ++i)
        m_security->addItem(QString());
    m_port->setRange(1, 65535);
    m_port->setValue(465);
    auto *securityRow = new QHBoxLayout;
    securityRow->addWidget(m_security, 1);
    securityRow->addWidget(m_portLabel = buddyLabel(m_port));
    securityRow->addWidget(m_port);
    serverForm->addRow(m_securityLabel = buddyLabel(m_security), securityRow);
    serverForm->addRow(m_userLabel = buddyLabel(m_user), m_user);
    serverForm->addRow(QString(), m_separatePassword);
    m_password->setEchoMode(QLineEdit::Password);
    serverForm->addRow(m_passwordLabel = buddyLabel(m_password), m_password);

    m_writingGroup = new QGroupBox;
    auto *identityForm = new QFormLayout(m_writingGroup);
    m_signature->setTabChangesFocus(true);
    m_signature->setFixedHeight(m_signature->fontMetrics().lineSpacing() * 5);
    identityForm->addRow(m_signatureLabel = buddyLabel(m_signature), m_signature);
    identityForm->addRow(QString(), m_signatureHtml);
    m_language->addItem(QString(), QString());
    for (const QString &lang : Client::SpellChecker::availableLanguages()) {
        const QLocale locale(lang);
        const QString name = locale.nativeLanguageName() + u" ("_s + locale.nativeTerritoryName() + u')';
        m_language->addItem(name, lang);
    }
    identityForm->addRow(m_languageLabel = buddyLabel(m_language), m_language);
    retranslate();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_serverGroup);
    layout->addWidget(m_writingGroup);
    layout->addStretch(1);

    connect(m_security, &QComboBox::currentIndexChanged, this, &SendingSettingsTab::handleSecurityChanged);
    connect(m_separatePassword, &QCheckBox::toggled, m_password, &QWidget::setEnabled);
    for (QLineEdit *edit : {m_host, m_user, m_password})
        connect(edit, &QLineEdit::textEdited, this, &SendingSettingsTab::edited);
    connect(m_signature, &QPlainTextEdit::textChanged, this, &SendingSettingsTab::edited);
    m_password->setEnabled(false);
}

void SendingSettingsTab::retranslate()
{
    m_serverGroup->setTitle(tr("Outgoing Mail Server (SMTP)"));
    m_hostLabel->setText(tr("Ser&ver:"));
    m_host->setAccessibleName(tr("Outgoing server"));
    m_host->setToolTip(tr("Leave empty if this account does not send mail"));
    const Types::MailSecurity kinds[] = {Types::MailSecurity::Tls, Types::MailSecurity::StartTls,
                                         Types::MailSecurity::None};
    const QString names[] = {tr("TLS (SMTPS)"), tr("STARTTLS"), tr("None (unencrypted)")};
    for (int i = 0; i < 3; ++i) {
        m_security->setItemText(i, names[i]);
        m_security->setItemData(i, int(kinds[i]));
    }
    m_securityLabel->setText(tr("Securit&y:"));
    m_security->setAccessibleName(tr("Outgoing security"));
    m_portLabel->setText(tr("Po&rt:"));
    m_port->setAccessibleName(tr("Outgoing port"));
    m_userLabel->setText(tr("User na&me:"));
    m_user->setPlaceholderText(tr("The same as for incoming mail"));
    m_user->setAccessibleName(tr("Outgoing user name"));
    m_separatePassword->setText(tr("The outgoing server has its own pass&word"));
    m_separatePassword->setAccessibleName(tr("The outgoing server has its own password"));
    m_passwordLabel->setText(tr("Passwor&d:"));
    m_password->setAccessibleName(tr("Outgoing password"));
    m_password->setToolTip(tr("Kept in the system keyring, never in the settings file"));
    m_writingGroup->setTitle(tr("Writing"));
    m_signatureLabel->setText(tr("Si&gnature:"));
    m_signature->setAccessibleName(tr("Signature"));
    m_signatureHtml->setText(tr("Signature is &HTML"));
    m_signatureHtml->setAccessibleName(tr("Signature is HTML"));
    m_languageLabel->setText(tr("Spelling &language:"));
    m_language->setAccessibleName(tr("Spelling language"));
    m_language->setItemText(0, tr("As the interface"));
}

void SendingSettingsTab::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

Types::MailSecurity SendingSettingsTab::security() const
{
    return Types::MailSecurity(m_security->currentData().toInt());
}

void SendingSettingsTab::handleSecurityChanged()
{
    // The standard port follows the security choice; a port typed on purpose stays.
    const Types::MailSecurity now = security();
    if (m_port->value() == Types::defaultSmtpPort(m_lastSecurity))
        m_port->setValue(Types::defaultSmtpPort(now));
    m_lastSecurity = now;
}

void SendingSettingsTab::load(const Types::AccountSettings &a, const QString &smtpPassword)
{
    m_host->setText(a.smtpHost);
    m_lastSecurity = a.smtpSecurity;
    m_security->setCurrentIndex(m_security->findData(int(a.smtpSecurity)));
    m_port->setValue(a.smtpPort);
    m_user->setText(a.smtpUser);
    m_separatePassword->setChecked(a.smtpSeparatePassword);
    m_password->setEnabled(a.smtpSeparatePassword);
    m_password->setText(smtpPassword);
    m_signature->setPlainText(a.signature);
    m_signatureHtml->setChecked(a.signatureIsHtml);
    m_language->setCurrentIndex(qMax(0, m_language->findData(a.spellLanguage)));
}

void SendingSettingsTab::store(Types::AccountSettings &a) const
{
    a.smtpHost = m_host->text().trimmed();
    a.smtpSecurity = security();
    a.smtpPort = quint16(m_port->value());
    a.smtpUser = m_user->text().trimmed();
    a.smtpSeparatePassword = m_separatePassword->isChecked();
    a.signature = m_signature->toPlainText();
    a.signatureIsHtml = m_signatureHtml->isChecked();
    a.spellLanguage = m_language->currentData().toString();
}

QString SendingSettingsTab::smtpPassword() const
{
    return m_separatePassword->isChecked() ? m_password->text() : QString();
}

void SendingSettingsTab::suggestServer(const QString &incomingHost)
{
    if (!m_host->text().trimmed().isEmpty() || incomingHost.isEmpty())
        return;
    QString host = incomingHost;
    for (const QString &prefix : {u"pop3."_s, u"pop."_s, u"mail."_s})
        if (host.startsWith(prefix)) {
            host = u"smtp."_s + host.mid(prefix.size());
            break;
        }
    m_host->setText(host);
}

} // namespace Gui
