// SPDX-License-Identifier: GPL-3.0-or-later
#include "passwordprompt.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Gui {

namespace {
// A server's refusal is shown as it said it, but a hostile server does not get a wall of text.
constexpr qsizetype kMaxServerText = 300;
constexpr int kDialogWidthChars = 60;
} // namespace

PasswordPrompt::PasswordPrompt(const Types::AccountSettings &account, Reason reason,
                               const QString &serverText, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Password for %1").arg(account.name.isEmpty() ? account.user : account.name));
    setAccessibleName(windowTitle());
    setWindowModality(Qt::WindowModal);
    auto *root = new QVBoxLayout(this);

    const QString address = account.user + u'@' + account.host;
    auto *accountLabel = new QLabel(this);
    accountLabel->setObjectName(u"accountLabel"_s);
    accountLabel->setTextFormat(Qt::PlainText);
    accountLabel->setWordWrap(true);
    accountLabel->setText(account.name.isEmpty() || account.name == account.user
                              ? tr("Account: %1").arg(address)
                              : tr("Account: %1 (%2)").arg(account.name, address));
    root->addWidget(accountLabel);

    QString said = serverText.simplified();
    if (said.size() > kMaxServerText)
        said = said.left(kMaxServerText) + u'…';
    if (reason == Reason::Refused)
        m_reasonText = said.isEmpty() ? tr("The server refused the password.")
                                      : tr("The server refused the password: %1").arg(said);
    else
        m_reasonText = tr("No password is stored for this account.");
    auto *reasonLabel = new QLabel(m_reasonText, this);
    reasonLabel->setObjectName(u"reasonLabel"_s);
    reasonLabel->setTextFormat(Qt::PlainText); // the server's words, never markup
    reasonLabel->setWordWrap(true);
    reasonLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    if (reason == Reason::Refused)
        reasonLabel->setStyleSheet(u"color: #b71c1c;"_s);
    root->addWidget(reasonLabel);

    auto *form = new QFormLayout;
    m_passwordEdit = new QLineEdit(this);
    m_passwordEdit->setObjectName(u"passwordEdit"_s);
    m_passwordEdit->setEchoMode(QLineEdit::Password);
    m_passwordEdit->setAccessibleName(tr("Password"));
    m_passwordEdit->setAccessibleDescription(accountLabel->text());
    form->addRow(tr("&Password:"), m_passwordEdit);
    root->addLayout(form);

    m_rememberCheck = new QCheckBox(tr("&Remember in the keyring"), this);
    m_rememberCheck->setObjectName(u"rememberCheck"_s);
    m_rememberCheck->setAccessibleName(tr("Remember the password in the system keyring"));
    root->addWidget(m_rememberCheck);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_okButton = buttons->button(QDialogButtonBox::Ok);
    m_okButton->setObjectName(u"okButton"_s);
    m_okButton->setAccessibleName(tr("OK"));
    m_okButton->setEnabled(false);
    buttons->button(QDialogButtonBox::Cancel)->setObjectName(u"cancelButton"_s);
    buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_passwordEdit, &QLineEdit::textChanged, this,
            [this](const QString &text) { m_okButton->setEnabled(!text.isEmpty()); });
    root->addWidget(buttons);

    setTabOrder(m_passwordEdit, m_rememberCheck);
    setTabOrder(m_rememberCheck, buttons);
    m_passwordEdit->setFocus();
    setMinimumWidth(fontMetrics().averageCharWidth() * kDialogWidthChars);
}

PasswordPrompt::~PasswordPrompt() = default;

QString PasswordPrompt::password() const
{
    return m_passwordEdit->text();
}

bool PasswordPrompt::remember() const
{
    return m_rememberCheck->isChecked();
}

void PasswordPrompt::setRemember(bool remember)
{
    m_rememberCheck->setChecked(remember);
}

QString PasswordPrompt::reasonText() const
{
    return m_reasonText;
}

} // namespace Gui
