// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mime/messageview.h"

#include <QHash>
#include <QTreeWidget>
#include <QWidget>

#include <functional>
#include <memory>

class QLabel;
class QPushButton;
class QTemporaryDir;

namespace Gui {

// The attachment list: dragging rows out hands the file manager private
// temporary copies (made by `copier`).
class AttachmentTree : public QTreeWidget
{
    Q_OBJECT
public:
    explicit AttachmentTree(QWidget *parent = nullptr);
    std::function<QString(int row)> copier;

protected:
    QMimeData *mimeData(const QList<QTreeWidgetItem *> &items) const override;
    QStringList mimeTypes() const override;
};

// The attachments of the message shown: icon, name, size and type, with Open,
// Save, Save All and drag out. Every file written gets a sanitised name
// inside the folder chosen (or a private 0700 temporary folder for Open and
// drag); Save All never overwrites ("name (2).ext"), Save asks through the
// file dialog's own confirmation.
class AttachmentPane : public QWidget
{
    Q_OBJECT
public:
    explicit AttachmentPane(QWidget *parent = nullptr);
    ~AttachmentPane() override;

    // `shown`: the indexes of `all` (the reader's attachments) to list.
    void setAttachments(const QString &messagePath, const QList<Mime::Attachment> &all,
                        const QList<int> &shown);
    void clear();
    int count() const;
    // The name a row is saved under (sanitised).
    QString fileName(int row) const;

    // What the buttons do, without the dialogs.
    QStringList saveAllTo(const QString &directory, QStringList *errors);
    bool saveTo(int row, const QString &filePath, QString *error);
    // A copy in the private temporary folder, made once per row; empty on failure.
    QString privateCopy(int row, QString *error);
    QString privateDirectory() const;

    void retranslate();
    QWidget *firstFocus() const;
    QWidget *lastFocus() const;

public Q_SLOTS:
    void save();
    void saveAll();
    void openSelected();

Q_SIGNALS:
    void statusMessage(const QString &text);

private:
    int currentRow() const;
    void updateButtons();
    void updateSummary();

    AttachmentTree *m_tree;
    QLabel *m_summary;
    QPushButton *m_open;
    QPushButton *m_save;
    QPushButton *m_saveAll;
    QString m_messagePath;
    QList<Mime::Attachment> m_attachments; // the rows, in order
    QList<int> m_indexes;                  // each row's index in the reader's list
    std::unique_ptr<QTemporaryDir> m_temp;
    QHash<QString, QString> m_copies; // "path\nindex" -> private copy
    QString m_lastDirectory;
};

} // namespace Gui
