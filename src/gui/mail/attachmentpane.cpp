// SPDX-License-Identifier: GPL-3.0-or-later
#include "attachmentpane.h"

#include "mime/partdata.h"
#include "platform/owneronly.h"
#include "platform/qtpath.h"

#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QFileIconProvider>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QMimeData>
#include <QMimeDatabase>
#include <QPushButton>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUrl>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Gui {

namespace {

constexpr int kMaxVisibleRows = 4;

QMimeType mimeTypeOf(const Mime::Attachment &a)
{
    static const QMimeDatabase db;
    QMimeType type = db.mimeTypeForName(a.contentType.section(u';', 0, 0).trimmed().toLower());
    if (!type.isValid() || type.isDefault())
        type = db.mimeTypeForFile(a.filename, QMimeDatabase::MatchExtension);
    return type;
}

QIcon iconOf(const QMimeType &type)
{
    QIcon icon = QIcon::fromTheme(type.iconName());
    if (icon.isNull())
        icon = QIcon::fromTheme(type.genericIconName());
    if (icon.isNull())
        icon = QFileIconProvider().icon(QFileIconProvider::File);
    return icon;
}

// What the sender named it, or "attachment.png" from its type; then made safe.
QString safeNameOf(const Mime::Attachment &a)
{
    QString name = a.filename;
    if (name.trimmed().isEmpty()) {
        const QString suffix = mimeTypeOf(a).preferredSuffix();
        name = suffix.isEmpty() ? u"attachment"_s : u"attachment."_s + suffix;
    }
    return Mime::sanitizeFileName(name);
}

// Programs the desktop might run instead of showing.
bool looksRunnable(const QString &path)
{
    static const QMimeDatabase db;
    const QMimeType type = db.mimeTypeForFile(path);
    for (const char *runnable :
         {"application/x-executable", "application/x-sharedlib", "application/x-shellscript",
          "application/x-desktop", "application/x-ms-dos-executable", "application/x-msdownload",
          "application/x-msi", "application/x-bat", "application/vnd.microsoft.portable-executable",
          "application/x-java-archive", "application/x-perl", "text/x-python"})
        if (type.inherits(QLatin1StringView(runnable)))
            return true;
    return false;
}

} // namespace

AttachmentTree::AttachmentTree(QWidget *parent)
    : QTreeWidget(parent)
{
    setDragEnabled(true);
    setDragDropMode(QAbstractItemView::DragOnly);
    setDefaultDropAction(Qt::CopyAction);
}

QStringList AttachmentTree::mimeTypes() const
{
    return {u"text/uri-list"_s};
}

QMimeData *AttachmentTree::mimeData(const QList<QTreeWidgetItem *> &items) const
{
    QList<QUrl> urls;
    for (QTreeWidgetItem *item : items) {
        const QString copy = copier ? copier(indexOfTopLevelItem(item)) : QString();
        if (!copy.isEmpty())
            urls << QUrl::fromLocalFile(copy);
    }
    if (urls.isEmpty())
        return nullptr;
    auto *data = new QMimeData;
    data->setUrls(urls);
    return data;
}

AttachmentPane::AttachmentPane(QWidget *parent)
    : QWidget(parent)
    , m_tree(new AttachmentTree(this))
    , m_summary(new QLabel(this))
    , m_open(new QPushButton(this))
    , m_save(new QPushButton(this))
    , m_saveAll(new QPushButton(this))
{
    setObjectName(u"attachmentPane"_s);
    m_tree->setObjectName(u"attachmentList"_s);
    m_open->setObjectName(u"openAttachmentButton"_s);
    m_save->setObjectName(u"saveAttachmentButton"_s);
    m_saveAll->setObjectName(u"saveAllAttachmentsButton"_s);
    m_tree->setColumnCount(3);
    m_tree->setRootIsDecorated(false);
    m_tree->setUniformRowHeights(true);
    m_tree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_tree->copier = [this](int row) {
        QString error;
        return privateCopy(row, &error);
    };
    connect(m_tree, &QTreeWidget::itemActivated, this, [this] { openSelected(); });
    connect(m_tree, &QTreeWidget::itemSelectionChanged, this, &AttachmentPane::updateButtons);
    connect(m_open, &QPushButton::clicked, this, &AttachmentPane::openSelected);
    connect(m_save, &QPushButton::clicked, this, &AttachmentPane::save);
    connect(m_saveAll, &QPushButton::clicked, this, &AttachmentPane::saveAll);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_summary, 1);
    buttons->addWidget(m_open);
    buttons->addWidget(m_save);
    buttons->addWidget(m_saveAll);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 6);
    layout->setSpacing(4);
    layout->addLayout(buttons);
    layout->addWidget(m_tree);
    setTabOrder(m_tree, m_open);
    setTabOrder(m_open, m_save);
    setTabOrder(m_save, m_saveAll);
    m_lastDirectory = QStandardPaths::writableLocation(QStandardPaths::DownloadLocation);
    retranslate();
}

AttachmentPane::~AttachmentPane() = default;

QWidget *AttachmentPane::firstFocus() const
{
    return m_tree;
}

QWidget *AttachmentPane::lastFocus() const
{
    return m_saveAll;
}

void AttachmentPane::retranslate()
{
    setAccessibleName(tr("Attachments"));
    m_tree->setHeaderLabels({tr("Name"), tr("Size"), tr("Type")});
    m_tree->setAccessibleName(tr("Attachments"));
    m_tree->setAccessibleDescription(
        tr("Enter opens an attachment; drag one to a folder to copy it there"));
    m_open->setText(tr("&Open"));
    m_open->setAccessibleName(tr("Open attachment"));
    m_open->setAccessibleDescription(tr("Opens a private copy with the system's application"));
    m_save->setText(tr("&Save…"));
    m_save->setAccessibleName(tr("Save attachment"));
    m_saveAll->setText(tr("Save &All…"));
    m_saveAll->setAccessibleName(tr("Save all attachments"));
    m_saveAll->setAccessibleDescription(
        tr("Saves every attachment into a folder, never replacing a file"));
    updateSummary();
}

void AttachmentPane::setAttachments(const QString &messagePath, const QList<Mime::Attachment> &all,
                                    const QList<int> &shown)
{
    m_tree->clear();
    m_messagePath = messagePath;
    m_attachments.clear();
    m_indexes.clear();
    const QLocale locale;
    for (int index : shown) {
        const Mime::Attachment &a = all.at(index);
        m_attachments << a;
        m_indexes << index;
        const QMimeType type = mimeTypeOf(a);
        auto *item = new QTreeWidgetItem(m_tree);
        const QString name = safeNameOf(a);
        item->setText(0, name);
        item->setIcon(0, iconOf(type));
        if (name != a.filename && !a.filename.isEmpty())
            item->setToolTip(0, tr("Named “%1” by the sender").arg(a.filename));
        item->setText(1, a.size < 0 ? tr("unknown") : locale.formattedDataSize(a.size));
        item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
        item->setText(2, type.isValid() && !type.isDefault() ? type.comment() : a.contentType);
        item->setToolTip(2, a.contentType);
    }
    const int rows = std::min(int(shown.size()), kMaxVisibleRows);
    const int rowHeight =
        m_tree->sizeHintForRow(0) > 0 ? m_tree->sizeHintForRow(0) : fontMetrics().height() + 6;
    m_tree->setFixedHeight(m_tree->header()->sizeHint().height() + rows * rowHeight +
                           2 * m_tree->frameWidth() + 2);
    if (m_tree->topLevelItemCount() > 0)
        m_tree->setCurrentItem(m_tree->topLevelItem(0));
    updateButtons();
    updateSummary();
}

void AttachmentPane::clear()
{
    setAttachments(QString(), {}, {});
}

int AttachmentPane::count() const
{
    return int(m_attachments.size());
}

QString AttachmentPane::fileName(int row) const
{
    return row >= 0 && row < count() ? safeNameOf(m_attachments[row]) : QString();
}

void AttachmentPane::updateSummary()
{
    qint64 total = 0;
    for (const Mime::Attachment &a : std::as_const(m_attachments))
        total += std::max<qint64>(a.size, 0);
    const QString size = QLocale().formattedDataSize(total);
    m_summary->setText(count() == 1 ? tr("1 attachment, %1").arg(size)
                                    : tr("%1 attachments, %2").arg(count()).arg(size));
}

void AttachmentPane::updateButtons()
{
    const bool any = count() > 0;
    const bool one = currentRow() >= 0;
    m_open->setEnabled(one);
    m_save->setEnabled(one);
    m_saveAll->setEnabled(any);
}

int AttachmentPane::currentRow() const
{
    const auto selected = m_tree->selectedItems();
    QTreeWidgetItem *item = selected.isEmpty() ? m_tree->currentItem() : selected.first();
    return item ? m_tree->indexOfTopLevelItem(item) : -1;
}

QStringList AttachmentPane::saveAllTo(const QString &directory, QStringList *errors)
{
    QStringList written;
    for (int row = 0; row < count(); ++row) {
        QString error;
        const QString path = Mime::saveViewAttachment(m_messagePath, m_indexes[row], directory,
                                                      fileName(row), &error);
        if (path.isEmpty())
            errors->append(u"%1: %2"_s.arg(fileName(row), error));
        else
            written << path;
    }
    return written;
}

bool AttachmentPane::saveTo(int row, const QString &filePath, QString *error)
{
    if (row < 0 || row >= count())
        return false;
    // The user chose this path (and confirmed replacing it in the dialog): written whole or not at
    // all.
    QSaveFile file(filePath);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = file.errorString();
        return false;
    }
    if (!Mime::writeViewAttachment(m_messagePath, m_indexes[row], file, error)) {
        file.cancelWriting();
        return false;
    }
    if (!file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

QString AttachmentPane::privateDirectory() const
{
    return m_temp ? m_temp->path() : QString();
}

QString AttachmentPane::privateCopy(int row, QString *error)
{
    if (row < 0 || row >= count())
        return {};
    const QString key = m_messagePath + u'\n' + QString::number(m_indexes[row]);
    if (const QString copy = m_copies.value(key); !copy.isEmpty() && QFile::exists(copy))
        return copy;
    if (!m_temp) {
        // mkdtemp: created 0700, so no other user can read or replace what is put in it.
        m_temp =
            std::make_unique<QTemporaryDir>(QDir::tempPath() + u"/tidings-attachments-XXXXXX"_s);
        if (!m_temp->isValid()) {
            *error = m_temp->errorString();
            m_temp.reset();
            return {};
        }
        // Windows: its own DACL (the copies in it inherit it); setPermissions would only set the
        // read-only attribute there.
        if (const Platform::SysError e = Platform::restrictToOwner(Platform::toPath(m_temp->path()),
                                                                   Platform::Entry::Folder)) {
            *error = QString::fromLocal8Bit(e.message());
            m_temp.reset();
            return {};
        }
    }
    const QString copy = Mime::saveViewAttachment(m_messagePath, m_indexes[row], m_temp->path(),
                                                  fileName(row), error);
    if (!copy.isEmpty()) {
        // Read-only, so that an edit is not saved back (Windows: the read-only attribute; who
        // may read it is the folder's inherited DACL).
        QFile::setPermissions(copy, QFile::ReadOwner);
        m_copies.insert(key, copy);
    }
    return copy;
}

void AttachmentPane::save()
{
    const int row = currentRow();
    if (row < 0)
        return;
    const QString target = QFileDialog::getSaveFileName(
        this, tr("Save Attachment"), QDir(m_lastDirectory).filePath(fileName(row)));
    if (target.isEmpty())
        return;
    m_lastDirectory = QFileInfo(target).absolutePath();
    QString error;
    if (saveTo(row, target, &error))
        Q_EMIT statusMessage(tr("Saved %1").arg(QDir::toNativeSeparators(target)));
    else
        QMessageBox::warning(this, tr("Save Attachment"),
                             tr("The attachment could not be saved: %1").arg(error));
}

void AttachmentPane::saveAll()
{
    if (count() == 0)
        return;
    const QString directory =
        QFileDialog::getExistingDirectory(this, tr("Save All Attachments"), m_lastDirectory);
    if (directory.isEmpty())
        return;
    m_lastDirectory = directory;
    QStringList errors;
    const QStringList written = saveAllTo(directory, &errors);
    const QString folder = QDir::toNativeSeparators(directory);
    Q_EMIT statusMessage(written.size() == 1
                             ? tr("Saved 1 attachment to %1").arg(folder)
                             : tr("Saved %1 attachments to %2").arg(written.size()).arg(folder));
    if (!errors.isEmpty())
        QMessageBox::warning(
            this, tr("Save All Attachments"),
            tr("Some attachments could not be saved:\n%1").arg(errors.join(u'\n')));
}

void AttachmentPane::openSelected()
{
    const int row = currentRow();
    if (row < 0)
        return;
    QString error;
    const QString copy = privateCopy(row, &error);
    if (copy.isEmpty()) {
        QMessageBox::warning(this, tr("Open Attachment"),
                             tr("The attachment could not be opened: %1").arg(error));
        return;
    }
    if (looksRunnable(copy) &&
        QMessageBox::warning(this, tr("Open Attachment"),
                             tr("“%1” is a program or script. Opening it may run it, with "
                                "your rights. Open it only if you trust the sender and "
                                "expected it.\n\nOpen it anyway?")
                                 .arg(fileName(row)),
                             QMessageBox::Open | QMessageBox::Cancel,
                             QMessageBox::Cancel) != QMessageBox::Open)
        return;
    QDesktopServices::openUrl(QUrl::fromLocalFile(copy));
}

} // namespace Gui
