// SPDX-License-Identifier: GPL-3.0-or-later
#include "attachmentlist.h"

#include <QFileIconProvider>
#include <QFileInfo>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLocale>
#include <QMimeDatabase>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Gui {

namespace {

enum Column { NameColumn, SizeColumn, TypeColumn };

QIcon iconOf(const QMimeType &type)
{
    QIcon icon = QIcon::fromTheme(type.iconName());
    if (icon.isNull())
        icon = QIcon::fromTheme(type.genericIconName());
    if (icon.isNull())
        icon = QFileIconProvider().icon(QFileIconProvider::File);
    return icon;
}

} // namespace

AttachmentList::AttachmentList(QWidget *parent)
    : QTreeWidget(parent)
{
    setRootIsDecorated(false);
    setUniformRowHeights(true);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setAllColumnsShowFocus(true);
    retranslate(); // the columns exist from here on
    header()->setStretchLastSection(false);
    header()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    header()->setSectionResizeMode(SizeColumn, QHeaderView::ResizeToContents);
    header()->setSectionResizeMode(TypeColumn, QHeaderView::ResizeToContents);
}

void AttachmentList::retranslate()
{
    setHeaderLabels({tr("Name"), tr("Size"), tr("Type")});
}

QString AttachmentList::sizeText(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

std::optional<Client::DraftFile> AttachmentList::fileAt(const QString &path)
{
    const QFileInfo info(path);
    if (!info.isFile() || !info.isReadable())
        return std::nullopt;
    static const QMimeDatabase types;
    Client::DraftFile file;
    file.path = info.absoluteFilePath();
    file.name = info.fileName();
    file.size = info.size();
    file.contentType = types.mimeTypeForFile(info).name();
    return file;
}

void AttachmentList::add(const Client::DraftFile &file)
{
    static const QMimeDatabase types;
    const QMimeType type = types.mimeTypeForName(file.contentType);
    auto *item = new QTreeWidgetItem(this);
    item->setText(NameColumn, file.name);
    item->setToolTip(NameColumn, file.path);
    item->setIcon(NameColumn, iconOf(type));
    item->setText(SizeColumn, sizeText(file.size));
    item->setTextAlignment(SizeColumn, Qt::AlignRight | Qt::AlignVCenter);
    item->setText(TypeColumn, type.isValid() ? type.comment() : file.contentType);
    item->setToolTip(TypeColumn, file.contentType);
    m_files << file;
    Q_EMIT changed();
}

void AttachmentList::setFiles(const QList<Client::DraftFile> &files)
{
    clear();
    m_files.clear();
    for (const Client::DraftFile &file : files)
        add(file);
    Q_EMIT changed();
}

qint64 AttachmentList::totalBytes() const
{
    qint64 total = 0;
    for (const Client::DraftFile &file : m_files)
        total += std::max<qint64>(file.size, 0);
    return total;
}

void AttachmentList::removeSelected()
{
    QList<int> rows;
    const QList<QTreeWidgetItem *> selected = selectedItems();
    for (QTreeWidgetItem *item : selected)
        rows << indexOfTopLevelItem(item);
    if (rows.isEmpty() && currentItem())
        rows << indexOfTopLevelItem(currentItem());
    if (rows.isEmpty())
        return;
    std::sort(rows.begin(), rows.end(), std::greater<>());
    for (int row : std::as_const(rows)) {
        delete takeTopLevelItem(row);
        m_files.removeAt(row);
    }
    // The next row gets the focus mark, so that Delete can go on.
    if (topLevelItemCount() > 0) {
        const int next = qMin(rows.last(), topLevelItemCount() - 1);
        setCurrentItem(topLevelItem(next));
    }
    Q_EMIT changed();
}

void AttachmentList::keyPressEvent(QKeyEvent *event)
{
    if (event->matches(QKeySequence::Delete) || event->key() == Qt::Key_Backspace) {
        removeSelected();
        return;
    }
    if (event->matches(QKeySequence::Paste)) {
        Q_EMIT pasteRequested();
        return;
    }
    QTreeWidget::keyPressEvent(event);
}

} // namespace Gui
