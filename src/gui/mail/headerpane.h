// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mime/messageview.h"

#include <QLabel>
#include <QWidget>

class QGridLayout;

namespace Gui {

// A list of addresses in a label: selectable, each one a keyboard-reachable
// link, with Copy Address in its context menu (and on activation).
class AddressLabel : public QLabel
{
    Q_OBJECT
public:
    explicit AddressLabel(QWidget *parent = nullptr);
    void setAddresses(const QList<Mime::Address> &addresses);
    QList<Mime::Address> addresses() const { return m_addresses; }

    static QString display(const Mime::Address &address);

private:
    void showMenu(const QPoint &globalPos, int only);
    QList<Mime::Address> m_addresses;
    int m_hovered = -1;
};

// Subject, From, To, Cc and Date of the message shown.
class HeaderPane : public QWidget
{
    Q_OBJECT
public:
    explicit HeaderPane(QWidget *parent = nullptr);

    void showHeaders(const QString &subject, const QList<Mime::Address> &from,
                     const QList<Mime::Address> &to, const QList<Mime::Address> &cc,
                     const QDateTime &date);
    void retranslate();
    // The first and last focusable parts, for the view's tab order.
    QWidget *firstFocus() const;
    QWidget *lastFocus() const;

    // Where the view puts its own buttons (the plain/HTML switch, the menu).
    QWidget *buttonArea() const { return m_buttons; }

private:
    QLabel *m_subject;
    QLabel *m_fromName;
    QLabel *m_toName;
    QLabel *m_ccName;
    QLabel *m_dateName;
    AddressLabel *m_from;
    AddressLabel *m_to;
    AddressLabel *m_cc;
    QLabel *m_date;
    QWidget *m_buttons;
    QDateTime m_dateValue;
};

} // namespace Gui
