// SPDX-License-Identifier: GPL-3.0-or-later
#include "sourcedialog.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QFontDatabase>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Gui {

SourceDialog::SourceDialog(const QString &messagePath, const QString &title, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(u"messageSourceDialog"_s);
    setWindowTitle(tr("Source of “%1”").arg(title));
    setAccessibleName(tr("Message source"));
    auto *text = new QPlainTextEdit(this);
    text->setObjectName(u"sourceText"_s);
    text->setReadOnly(true);
    text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    text->setLineWrapMode(QPlainTextEdit::NoWrap);
    text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    text->setAccessibleName(tr("Message source"));
    text->setAccessibleDescription(tr("The message exactly as it was received, read-only"));
    auto *note = new QLabel(this);
    note->setObjectName(u"sourceNote"_s);
    note->setWordWrap(true);
    note->hide();

    QFile file(messagePath);
    if (file.open(QIODevice::ReadOnly)) {
        const QByteArray bytes = file.read(kMaxBytes);
        // Mail is 7-bit or its charset varies by part: UTF-8 where valid, the rest replaced.
        text->setPlainText(QString::fromUtf8(bytes));
        if (file.size() > kMaxBytes) {
            note->setText(tr("Only the first %1 of %2 are shown.")
                              .arg(QLocale().formattedDataSize(kMaxBytes),
                                   QLocale().formattedDataSize(file.size())));
            note->show();
        }
    } else {
        note->setText(tr("The message file cannot be read: %1").arg(file.errorString()));
        note->show();
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setAccessibleName(tr("Close"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(note);
    layout->addWidget(text);
    layout->addWidget(buttons);
    resize(760, 560);
}

} // namespace Gui
