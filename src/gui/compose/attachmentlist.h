// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client/draft.h"

#include <QTreeWidget>

#include <optional>

namespace Gui {

// The files that go with the message: name, size and type; Delete removes the selected ones.
class AttachmentList : public QTreeWidget
{
    Q_OBJECT
public:
    explicit AttachmentList(QWidget *parent = nullptr);

    // A file on disk as an attachment (its size and type looked up); nullopt when unreadable.
    static std::optional<Client::DraftFile> fileAt(const QString &path);

    void add(const Client::DraftFile &file);
    void setFiles(const QList<Client::DraftFile> &files);
    QList<Client::DraftFile> files() const { return m_files; }
    int count() const { return int(m_files.size()); }
    qint64 totalBytes() const;
    void removeSelected();
    void retranslate();

    // One unit style everywhere in the window: "1.5 MB".
    static QString sizeText(qint64 bytes);

Q_SIGNALS:
    void changed();
    void pasteRequested();

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    QList<Client::DraftFile> m_files; // the rows, in order
};

} // namespace Gui
