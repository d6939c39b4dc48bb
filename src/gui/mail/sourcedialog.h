// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

namespace Gui {

// The stored message as received, read-only; at most kMaxBytes of it.
class SourceDialog : public QDialog
{
    Q_OBJECT
public:
    static constexpr qint64 kMaxBytes = 4LL * 1024 * 1024;

    SourceDialog(const QString &messagePath, const QString &title, QWidget *parent = nullptr);
};

} // namespace Gui
