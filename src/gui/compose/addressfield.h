// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLineEdit>
#include <QStringList>

class QAbstractItemModel;
class QCompleter;

namespace Gui {

// A To, Cc or Bcc field: a comma-separated list of addresses, pasted lists (one per line too)
// included. Completes the entry under the cursor from a model of "Name <address>" strings, and
// marks the entries that are not addresses (red text and a tool tip naming them).
class AddressField : public QLineEdit
{
    Q_OBJECT
public:
    explicit AddressField(QWidget *parent = nullptr);

    void setCompletionModel(QAbstractItemModel *model);
    QCompleter *completer() const { return m_completer; }

    // The entries in order: valid ones as "Name <address>", the others exactly as typed.
    QStringList entries() const;
    void setEntries(const QStringList &entries);
    // The entries that are not addresses, as typed; also shows them (or clears the mark).
    QStringList checkEntries();
    QStringList invalidEntries() const { return m_invalid; }
    bool isBlank() const { return text().trimmed().isEmpty(); }

Q_SIGNALS:
    void invalidEntriesChanged();

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;

private:
    void showInvalid(const QStringList &invalid);
    void updateCompletion();
    void insertCompletion(const QString &completion);

    QCompleter *m_completer = nullptr;
    QStringList m_invalid;
};

} // namespace Gui
