// SPDX-License-Identifier: GPL-3.0-or-later
// The compose window's files: attachments (button, drop, paste, the size warning) and inline
// images (inserted, pasted).
#include "attachmentlist.h"
#include "composewindow.h"
#include "ui_composewindow.h"

#include <QClipboard>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHeaderView>
#include <QImageReader>
#include <QLocale>
#include <QMessageBox>
#include <QMimeData>
#include <QTemporaryDir>
#include <QTextCursor>
#include <QTextFormat>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace Gui {

void ComposeWindow::updateAttachments()
{
    const AttachmentList *list = m_ui->attachmentList;
    m_ui->attachmentsBox->setVisible(list->count() > 0);
    m_ui->removeButton->setEnabled(list->count() > 0);
    const QString total = AttachmentList::sizeText(list->totalBytes());
    m_ui->attachmentsSummary->setText(list->count() == 1
                                          ? tr("1 file, %1").arg(total)
                                          : tr("%1 files, %2").arg(list->count()).arg(total));
    // As many rows as there are, up to a few; the text keeps the room.
    constexpr int kMaxVisibleRows = 4;
    const int rows = qBound(1, list->count(), kMaxVisibleRows);
    const int rowHeight =
        list->sizeHintForRow(0) > 0 ? list->sizeHintForRow(0) : fontMetrics().height() + 6;
    m_ui->attachmentList->setFixedHeight(list->header()->sizeHint().height() + rows * rowHeight +
                                         2 * list->frameWidth() + 2);
    const bool tooBig = m_warningBytes > 0 && list->totalBytes() > m_warningBytes;
    m_ui->sizeWarning->setVisible(tooBig);
    if (tooBig)
        m_ui->sizeWarning->setText(
            tr("The attachments come to %1, more than %2: many mail servers refuse messages "
               "this large. Consider sharing the files by a link instead.")
                .arg(total, AttachmentList::sizeText(m_warningBytes)));
}

bool ComposeWindow::attachFiles(const QStringList &paths)
{
    QStringList unreadable;
    for (const QString &path : paths) {
        const std::optional<Client::DraftFile> file = AttachmentList::fileAt(path);
        if (file)
            m_ui->attachmentList->add(*file);
        else
            unreadable << QFileInfo(path).fileName();
    }
    if (!paths.isEmpty())
        m_lastDirectory = QFileInfo(paths.last()).absolutePath();
    if (unreadable.isEmpty())
        return true;
    QMessageBox::warning(this, tr("Attach Files"),
                         tr("These could not be attached (not a readable file): %1")
                             .arg(QLocale().createSeparatedList(unreadable)));
    return false;
}

void ComposeWindow::chooseAttachments()
{
    const QStringList paths =
        QFileDialog::getOpenFileNames(this, tr("Attach Files"), m_lastDirectory);
    if (!paths.isEmpty())
        attachFiles(paths);
}

void ComposeWindow::pasteAttachments()
{
    const QStringList files = localFilesOf(QGuiApplication::clipboard()->mimeData());
    if (!files.isEmpty())
        attachFiles(files);
}

QString ComposeWindow::newContentId() const
{
    // Unique worldwide as RFC 2392 wants; the sender's domain says where it was made.
    const QString domain = currentIdentity().address.section(u'@', 1);
    return QUuid::createUuid().toString(QUuid::WithoutBraces) + u'@' +
           (domain.isEmpty() ? u"tidings.invalid"_s : domain);
}

bool ComposeWindow::insertInlineImage(const QString &path)
{
    std::optional<Client::DraftFile> file = AttachmentList::fileAt(path);
    const QImage image(path);
    if (!file || image.isNull() || !isRichText()) {
        QMessageBox::warning(
            this, tr("Insert Image"),
            isRichText()
                ? tr("%1 is not an image that can be shown.").arg(QFileInfo(path).fileName())
                : tr("Plain text cannot show images."));
        return false;
    }
    file->contentId = newContentId();
    m_inlineImages << *file;
    m_ui->editor->addInlineImage(file->contentId, file->path);
    QTextImageFormat format;
    format.setName(u"cid:"_s + file->contentId);
    if (image.width() > kMaxInlineImageWidth) {
        format.setWidth(kMaxInlineImageWidth);
        format.setHeight(qreal(image.height()) * kMaxInlineImageWidth / image.width());
    }
    m_ui->editor->textCursor().insertImage(format);
    return true;
}

void ComposeWindow::chooseInlineImage()
{
    QStringList patterns;
    const QList<QByteArray> formats = QImageReader::supportedImageFormats();
    for (const QByteArray &format : formats)
        patterns << u"*."_s + QString::fromLatin1(format);
    const QString path = QFileDialog::getOpenFileName(this, tr("Insert Image"), m_lastDirectory,
                                                      tr("Images (%1)").arg(patterns.join(u' ')));
    if (path.isEmpty())
        return;
    m_lastDirectory = QFileInfo(path).absolutePath();
    insertInlineImage(path);
}

QString ComposeWindow::saveImage(const QImage &image)
{
    if (!m_pasted)
        m_pasted = std::make_unique<QTemporaryDir>();
    if (!m_pasted->isValid())
        return {};
    for (int n = 1;; ++n) {
        const QString path = m_pasted->filePath(tr("image-%1.png").arg(n));
        if (QFileInfo::exists(path))
            continue;
        return image.save(path, "PNG") ? path : QString();
    }
}

void ComposeWindow::insertPastedImage(const QImage &image)
{
    const QString path = saveImage(image);
    if (path.isEmpty()) {
        QMessageBox::warning(this, tr("Paste Image"), tr("The image could not be saved."));
        return;
    }
    // Plain text cannot show it: it goes with the message as a file instead.
    if (isRichText())
        insertInlineImage(path);
    else
        attachFiles({path});
}

void ComposeWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (!localFilesOf(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void ComposeWindow::dropEvent(QDropEvent *event)
{
    const QStringList files = localFilesOf(event->mimeData());
    if (files.isEmpty())
        return;
    event->acceptProposedAction();
    attachFiles(files);
}

} // namespace Gui
