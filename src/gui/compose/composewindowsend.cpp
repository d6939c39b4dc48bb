// SPDX-License-Identifier: GPL-3.0-or-later
// The compose window's checks before a message goes (recipients, a forgotten attachment) and
// before it is thrown away (Esc).
#include "addressfield.h"
#include "attachmentlist.h"
#include "composetext.h"
#include "composewindow.h"
#include "signatureblock.h"
#include "ui_composewindow.h"

#include <QCloseEvent>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QTextBlock>
#include <QTextDocument>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Gui {

void ComposeWindow::updateInvalidLabel()
{
    QStringList lines;
    const QList<std::pair<QString, AddressField *>> fields{
        {tr("To"), m_ui->toEdit}, {tr("Cc"), m_ui->ccEdit}, {tr("Bcc"), m_ui->bccEdit}};
    for (const auto &[name, field] : fields) {
        const QStringList invalid = field->invalidEntries();
        if (invalid.isEmpty())
            continue;
        QStringList quoted;
        for (const QString &entry : invalid)
            quoted << u"“"_s + entry + u"”"_s;
        lines << (invalid.size() == 1
                      ? tr("%1: %2 is not a valid address.").arg(name, quoted.first())
                      : tr("%1: these are not valid addresses: %2.")
                            .arg(name, QLocale().createSeparatedList(quoted)));
    }
    m_ui->invalidLabel->setText(lines.join(u'\n'));
    m_ui->invalidLabel->setAccessibleName(lines.join(u"; "_s));
    m_ui->invalidLabel->setVisible(!lines.isEmpty());
}

QString ComposeWindow::textToCheckForAttachments() const
{
    // The subject and the user's own text: not quoted blocks, not the signature.
    QStringList lines{m_ui->subjectEdit->text()};
    const QTextDocument *document = m_ui->editor->document();
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        if (block.blockFormat().leftMargin() > 0 ||
            SignatureBlock::isSignature(document, block.blockNumber()))
            continue;
        lines << block.text();
    }
    return lines.join(u'\n');
}

bool ComposeWindow::send()
{
    if (m_identityIndex < 0) {
        QMessageBox box(QMessageBox::Warning, tr("Not Sent"),
                        tr("Not sent: no account can send mail yet. Set up its outgoing server "
                           "in Account Settings."),
                        QMessageBox::Ok, this);
        box.setObjectName(u"noIdentity"_s);
        box.exec();
        return false;
    }
    QList<AddressField *> fields{m_ui->toEdit, m_ui->ccEdit, m_ui->bccEdit};
    QStringList invalid;
    AddressField *firstInvalid = nullptr;
    for (AddressField *field : fields) {
        const QStringList bad = field->checkEntries();
        if (!bad.isEmpty() && !firstInvalid)
            firstInvalid = field;
        invalid << bad;
    }
    if (firstInvalid) {
        QStringList quoted;
        for (const QString &entry : std::as_const(invalid))
            quoted << u"“"_s + entry + u"”"_s;
        const QString list = QLocale().createSeparatedList(quoted);
        QMessageBox box(QMessageBox::Warning, tr("Not Sent"),
                        (invalid.size() == 1
                             ? tr("Not sent: %1 is not a valid address.").arg(list)
                             : tr("Not sent: %1 are not valid addresses.").arg(list)) +
                            u"\n\n"_s +
                            tr("Write each one as name@example.org or as "
                               "Name <name@example.org>, separated by commas."),
                        QMessageBox::Ok, this);
        box.setObjectName(u"invalidRecipients"_s);
        box.exec();
        firstInvalid->setFocus();
        return false;
    }
    if (m_ui->toEdit->entries().isEmpty() && m_ui->ccEdit->entries().isEmpty() &&
        m_ui->bccEdit->entries().isEmpty()) {
        QMessageBox box(QMessageBox::Warning, tr("Not Sent"),
                        tr("Not sent: add at least one recipient in To, Cc or Bcc."),
                        QMessageBox::Ok, this);
        box.setObjectName(u"noRecipients"_s);
        box.exec();
        m_ui->toEdit->setFocus();
        return false;
    }
    if (m_ui->attachmentList->count() == 0 &&
        ComposeText::mentionsAttachment(textToCheckForAttachments())) {
        QMessageBox box(QMessageBox::Question, tr("No Attachment"),
                        tr("The message mentions an attachment, but nothing is attached."),
                        QMessageBox::Cancel, this);
        box.setObjectName(u"attachmentReminder"_s);
        QPushButton *attach = box.addButton(tr("&Attach…"), QMessageBox::ActionRole);
        attach->setObjectName(u"attachButton"_s);
        QPushButton *sendAnyway = box.addButton(tr("&Send Anyway"), QMessageBox::AcceptRole);
        sendAnyway->setObjectName(u"sendAnywayButton"_s);
        box.setDefaultButton(attach);
        box.exec();
        if (box.clickedButton() == attach)
            chooseAttachments();
        if (box.clickedButton() != sendAnyway)
            return false;
    }
    Q_EMIT sendRequested();
    return true;
}

void ComposeWindow::closeAsking()
{
    if (!m_modified) {
        close();
        return;
    }
    QMessageBox box(QMessageBox::Question, tr("Close Message"), tr("Keep this message in Drafts?"),
                    QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, this);
    box.setObjectName(u"closeQuestion"_s);
    box.button(QMessageBox::Save)->setText(tr("&Save Draft"));
    box.setDefaultButton(QMessageBox::Save);
    const int answer = box.exec();
    if (answer == QMessageBox::Save) {
        Q_EMIT saveDraftRequested();
    } else if (answer == QMessageBox::Discard) {
        Q_EMIT discardRequested();
    } else {
        return;
    }
    m_closeDecided = true;
    close();
}

} // namespace Gui
