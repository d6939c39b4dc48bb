// SPDX-License-Identifier: GPL-3.0-or-later
#include "composeeditor.h"

#include <QContextMenuEvent>
#include <QFileInfo>
#include <QImage>
#include <QMenu>
#include <QMimeData>
#include <QScrollBar>
#include <QUrl>

#include <memory>

using namespace Qt::StringLiterals;

namespace Gui {

QStringList localFilesOf(const QMimeData *data)
{
    QStringList files;
    if (!data || !data->hasUrls())
        return files;
    const QList<QUrl> urls = data->urls();
    for (const QUrl &url : urls) {
        if (!url.isLocalFile())
            continue;
        const QFileInfo info(url.toLocalFile());
        if (info.isFile())
            files << info.absoluteFilePath();
    }
    return files;
}

ComposeEditor::ComposeEditor(QWidget *parent)
    : QTextEdit(parent)
{
    // Tab leaves the editor (keyboard users reach the attachments); Ctrl+Tab too, as everywhere.
    setTabChangesFocus(true);
}

bool ComposeEditor::canInsertFromMimeData(const QMimeData *source) const
{
    return !localFilesOf(source).isEmpty() || source->hasImage() ||
           QTextEdit::canInsertFromMimeData(source);
}

void ComposeEditor::insertFromMimeData(const QMimeData *source)
{
    const QStringList files = localFilesOf(source);
    if (!files.isEmpty()) {
        Q_EMIT filesInserted(files);
        return;
    }
    if (source->hasImage()) {
        const QImage image = qvariant_cast<QImage>(source->imageData());
        if (!image.isNull()) {
            Q_EMIT imageInserted(image);
            return;
        }
    }
    if (!acceptRichText()) {
        insertPlainText(source->text());
        return;
    }
    QTextEdit::insertFromMimeData(source);
}

void ComposeEditor::contextMenuEvent(QContextMenuEvent *event)
{
    // From the keyboard (the Menu key) the menu belongs where the text cursor is.
    const QPoint pos =
        event->reason() == QContextMenuEvent::Mouse ? event->pos() : cursorRect().center();
    const QPoint documentPos =
        pos + QPoint(horizontalScrollBar()->value(), verticalScrollBar()->value());
    std::unique_ptr<QMenu> menu(createStandardContextMenu(documentPos));
    if (m_menuHook)
        m_menuHook(menu.get(), pos);
    menu->exec(event->reason() == QContextMenuEvent::Mouse ? event->globalPos()
                                                           : viewport()->mapToGlobal(pos));
}

void ComposeEditor::addInlineImage(const QString &contentId, const QString &path)
{
    m_inlineImages.insert(contentId, path);
}

QVariant ComposeEditor::loadResource(int type, const QUrl &name)
{
    // Only our own images: nothing else (a pasted remote <img>) is fetched or read from disk.
    if (type != QTextDocument::ImageResource || name.scheme() != u"cid"_s)
        return {};
    const QString path = m_inlineImages.value(name.path());
    if (path.isEmpty())
        return {};
    const QImage image(path);
    return image.isNull() ? QVariant() : QVariant(image);
}

} // namespace Gui
