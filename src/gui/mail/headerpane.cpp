// SPDX-License-Identifier: GPL-3.0-or-later
#include "headerpane.h"

#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLocale>
#include <QMenu>

using namespace Qt::StringLiterals;

namespace Gui {

AddressLabel::AddressLabel(QWidget *parent)
    : QLabel(parent)
{
    setTextFormat(Qt::RichText);
    setWordWrap(true);
    setTextInteractionFlags(Qt::TextBrowserInteraction | Qt::TextSelectableByKeyboard);
    setOpenExternalLinks(false);
    setFocusPolicy(Qt::StrongFocus);
    setContextMenuPolicy(Qt::CustomContextMenu);
    connect(this, &QLabel::linkHovered, this,
            [this](const QString &link) { m_hovered = link.isEmpty() ? -1 : link.toInt(); });
    connect(this, &QLabel::linkActivated, this,
            [this](const QString &link) { showMenu(QCursor::pos(), link.toInt()); });
    connect(this, &QWidget::customContextMenuRequested, this,
            [this](const QPoint &pos) { showMenu(mapToGlobal(pos), m_hovered); });
}

QString AddressLabel::display(const Mime::Address &address)
{
    if (address.name.isEmpty() || address.name == address.address)
        return address.address;
    if (address.address.isEmpty())
        return address.name;
    return address.name + u" <"_s + address.address + u'>';
}

void AddressLabel::setAddresses(const QList<Mime::Address> &addresses)
{
    m_addresses = addresses;
    m_hovered = -1;
    QStringList parts;
    QStringList plain;
    for (qsizetype i = 0; i < addresses.size(); ++i) {
        const Mime::Address &a = addresses[i];
        const QString name = a.name.isEmpty() ? a.address : a.name;
        QString part = u"<a href=\"%1\" style=\"text-decoration:none\">%2</a>"_s.arg(i).arg(
            name.toHtmlEscaped());
        if (!a.name.isEmpty() && !a.address.isEmpty() && a.name != a.address)
            part += u" <span style=\"color:%1\">&lt;%2&gt;</span>"_s.arg(
                palette().color(QPalette::PlaceholderText).name(), a.address.toHtmlEscaped());
        parts << part;
        plain << display(a);
    }
    setText(parts.join(u", "_s));
    setAccessibleDescription(plain.join(u", "_s));
}

void AddressLabel::showMenu(const QPoint &globalPos, int only)
{
    QMenu menu(this);
    if (hasSelectedText()) {
        const QString selected = selectedText();
        menu.addAction(tr("Copy"), this,
                       [selected] { QApplication::clipboard()->setText(selected); });
    }
    auto addCopy = [&](const Mime::Address &a, const QString &label) {
        const QString address = a.address.isEmpty() ? a.name : a.address;
        menu.addAction(label, this, [address] { QApplication::clipboard()->setText(address); });
    };
    if (only >= 0 && only < m_addresses.size()) {
        addCopy(m_addresses[only], tr("Copy Address"));
    } else if (m_addresses.size() == 1) {
        addCopy(m_addresses[0], tr("Copy Address"));
    } else {
        for (const Mime::Address &a : std::as_const(m_addresses))
            addCopy(a, tr("Copy %1").arg(a.address.isEmpty() ? a.name : a.address));
    }
    if (!m_addresses.isEmpty())
        menu.addAction(tr("Copy All Addresses"), this,
                       [this] { QApplication::clipboard()->setText(accessibleDescription()); });
    if (!menu.isEmpty())
        menu.exec(globalPos);
}

HeaderPane::HeaderPane(QWidget *parent)
    : QWidget(parent)
    , m_subject(new QLabel(this))
    , m_fromName(new QLabel(this))
    , m_toName(new QLabel(this))
    , m_ccName(new QLabel(this))
    , m_dateName(new QLabel(this))
    , m_from(new AddressLabel(this))
    , m_to(new AddressLabel(this))
    , m_cc(new AddressLabel(this))
    , m_date(new QLabel(this))
    , m_buttons(new QWidget(this))
{
    setObjectName(u"messageHeaders"_s);
    m_subject->setObjectName(u"subjectLabel"_s);
    m_from->setObjectName(u"fromLabel"_s);
    m_to->setObjectName(u"toLabel"_s);
    m_cc->setObjectName(u"ccLabel"_s);
    m_date->setObjectName(u"dateLabel"_s);
    QFont big = m_subject->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.25);
    m_subject->setFont(big);
    m_subject->setWordWrap(true);
    m_subject->setTextFormat(Qt::PlainText);
    m_subject->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_subject->setFocusPolicy(Qt::StrongFocus);
    m_date->setTextFormat(Qt::PlainText);
    m_date->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_date->setFocusPolicy(Qt::StrongFocus);
    for (QLabel *name : {m_fromName, m_toName, m_ccName, m_dateName}) {
        name->setAlignment(Qt::AlignRight | Qt::AlignTop);
        name->setForegroundRole(QPalette::PlaceholderText);
    }
    m_fromName->setBuddy(m_from);
    m_toName->setBuddy(m_to);
    m_ccName->setBuddy(m_cc);

    auto *buttons = new QHBoxLayout(m_buttons);
    buttons->setContentsMargins(0, 0, 0, 0);
    auto *top = new QHBoxLayout;
    top->addWidget(m_subject, 1);
    top->addWidget(m_buttons, 0, Qt::AlignTop);

    auto *grid = new QGridLayout;
    grid->setHorizontalSpacing(8);
    grid->setVerticalSpacing(2);
    grid->addWidget(m_fromName, 0, 0);
    grid->addWidget(m_from, 0, 1);
    grid->addWidget(m_toName, 1, 0);
    grid->addWidget(m_to, 1, 1);
    grid->addWidget(m_ccName, 2, 0);
    grid->addWidget(m_cc, 2, 1);
    grid->addWidget(m_dateName, 3, 0);
    grid->addWidget(m_date, 3, 1);
    grid->setColumnStretch(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->setSpacing(4);
    layout->addLayout(top);
    layout->addLayout(grid);
    setTabOrder(m_subject, m_from);
    setTabOrder(m_from, m_to);
    setTabOrder(m_to, m_cc);
    setTabOrder(m_cc, m_date);
    retranslate();
}

QWidget *HeaderPane::firstFocus() const
{
    return m_subject;
}

QWidget *HeaderPane::lastFocus() const
{
    return m_date;
}

void HeaderPane::showHeaders(const QString &subject, const QList<Mime::Address> &from,
                             const QList<Mime::Address> &to, const QList<Mime::Address> &cc,
                             const QDateTime &date)
{
    m_subject->setText(subject.isEmpty() ? tr("(no subject)") : subject);
    m_subject->setAccessibleDescription(m_subject->text());
    m_from->setAddresses(from);
    m_to->setAddresses(to);
    m_cc->setAddresses(cc);
    m_dateValue = date;
    const bool hasTo = !to.isEmpty();
    const bool hasCc = !cc.isEmpty();
    m_toName->setVisible(hasTo);
    m_to->setVisible(hasTo);
    m_ccName->setVisible(hasCc);
    m_cc->setVisible(hasCc);
    retranslate();
}

void HeaderPane::retranslate()
{
    setAccessibleName(tr("Message headers"));
    m_subject->setAccessibleName(tr("Subject"));
    m_fromName->setText(tr("From:"));
    m_toName->setText(tr("To:"));
    m_ccName->setText(tr("Cc:"));
    m_dateName->setText(tr("Date:"));
    m_from->setAccessibleName(tr("From"));
    m_to->setAccessibleName(tr("To"));
    m_cc->setAccessibleName(tr("Cc"));
    m_date->setAccessibleName(tr("Date"));
    if (m_dateValue.isValid()) {
        const QDateTime local = m_dateValue.toLocalTime();
        const QLocale locale;
        m_date->setText(locale.toString(local.date(), QLocale::LongFormat) + u"  "_s +
                        locale.toString(local.time(), QLocale::ShortFormat));
    } else {
        m_date->setText(tr("(no date)"));
    }
    m_date->setAccessibleDescription(m_date->text());
}

} // namespace Gui
