// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTableWidget>

namespace Gui {

// The inspector's Name / Value / Time / Meaning table, laid out for narrow panes: one line per
// row, Name and Time as wide as their text (up to a share of the width), Value and Meaning
// sharing the rest, elided, with the full text in tooltips. Never scrolls sideways.
class ClaimsTable : public QTableWidget
{
    Q_OBJECT
public:
    enum Column { NameColumn, ValueColumn, TimeColumn, MeaningColumn, ColumnCount };

    explicit ClaimsTable(QWidget *parent = nullptr);

    // Sizes Name and Time for the current rows and width (after the rows change).
    void fitColumns();

protected:
    void resizeEvent(QResizeEvent *event) override;
    void updateGeometries() override;

private:
    bool m_fitting = false;
};

} // namespace Gui
