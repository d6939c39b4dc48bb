// SPDX-License-Identifier: GPL-3.0-or-later
#include "linkdialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QUrl>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Gui {

namespace {
constexpr int kFieldWidthChars = 40; // room for a typical web address
}

LinkDialog::LinkDialog(const QString &text, QWidget *parent)
    : QDialog(parent)
    , m_url(new QLineEdit(this))
    , m_text(new QLineEdit(text, this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Insert Link"));
    m_url->setObjectName(u"linkUrl"_s);
    m_url->setAccessibleName(tr("Link address"));
    m_url->setPlaceholderText(u"https://"_s);
    m_url->setMinimumWidth(fontMetrics().averageCharWidth() * kFieldWidthChars);
    m_text->setObjectName(u"linkText"_s);
    m_text->setAccessibleName(tr("Link text"));
    m_text->setPlaceholderText(tr("The address itself"));

    auto *form = new QFormLayout;
    auto *urlLabel = new QLabel(tr("&Address:"), this);
    urlLabel->setBuddy(m_url);
    auto *textLabel = new QLabel(tr("&Text:"), this);
    textLabel->setBuddy(m_text);
    form->addRow(urlLabel, m_url);
    form->addRow(textLabel, m_text);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_buttons);

    QPushButton *ok = m_buttons->button(QDialogButtonBox::Ok);
    ok->setEnabled(false);
    connect(m_url, &QLineEdit::textChanged, this,
            [ok](const QString &url) { ok->setEnabled(!url.trimmed().isEmpty()); });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

QString LinkDialog::url() const
{
    // "example.org" means the web site, "ann@example.org" writing to her; a scheme typed stays as
    // it is (mailto:, https:).
    const QString typed = m_url->text().trimmed();
    if (typed.contains(u'@') && !typed.contains(u':') && !typed.contains(u'/'))
        return u"mailto:"_s + typed;
    const QUrl url = QUrl::fromUserInput(typed);
    return url.isValid() ? url.toString() : typed;
}

QString LinkDialog::text() const
{
    const QString text = m_text->text().trimmed();
    return text.isEmpty() ? m_url->text().trimmed() : text;
}

} // namespace Gui
