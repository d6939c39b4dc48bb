// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLineEdit;

namespace Gui {

// Asks for a link: the address it goes to and the text that shows (the selection's, if any).
class LinkDialog : public QDialog
{
    Q_OBJECT
public:
    explicit LinkDialog(const QString &text, QWidget *parent = nullptr);

    QString url() const;
    QString text() const;

private:
    QLineEdit *m_url;
    QLineEdit *m_text;
    QDialogButtonBox *m_buttons;
};

} // namespace Gui
