// SPDX-License-Identifier: GPL-3.0-or-later
#include "aboutdialog.h"

#include "ui_aboutdialog.h"

#include <QIcon>

using namespace Qt::StringLiterals;

namespace Gui {

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::AboutDialog>())
{
    m_ui->setupUi(this);
    m_ui->iconLabel->setPixmap(QIcon(u":/icons/tidings.svg"_s).pixmap(64, 64));
    m_ui->titleLabel->setText(u"<h2>Tidings %1</h2>"_s.arg(QStringLiteral(TIDINGS_VERSION)));
    m_ui->licenseLabel->setText(
        tr("Free software under the <a href=\"https://www.gnu.org/licenses/gpl-3.0.html\">GNU "
           "General Public License, version 3 or later</a>."));
    m_ui->buildLabel->setText(tr("Built with Qt %1, running on Qt %2.")
                                  .arg(QStringLiteral(QT_VERSION_STR), QString::fromLatin1(qVersion())));
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    adjustSize();
    setFixedSize(sizeHint());
}

AboutDialog::~AboutDialog() = default;

} // namespace Gui
