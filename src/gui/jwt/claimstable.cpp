// SPDX-License-Identifier: GPL-3.0-or-later
#include "claimstable.h"

#include <QHeaderView>
#include <QScrollBar>

namespace Gui {

namespace {
// Shares of the viewport that Name and Time may take at most; Value and Meaning share the rest.
constexpr double kMaxNameShare = 0.22;
constexpr double kMaxTimeShare = 0.32;
constexpr int kRowPaddingPx = 6;
} // namespace

ClaimsTable::ClaimsTable(QWidget *parent)
    : QTableWidget(parent)
{
    setColumnCount(ColumnCount);
    setWordWrap(false);
    setTextElideMode(Qt::ElideRight);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    QHeaderView *columns = horizontalHeader();
    columns->setStretchLastSection(false);
    columns->setSectionResizeMode(NameColumn, QHeaderView::Fixed);
    columns->setSectionResizeMode(ValueColumn, QHeaderView::Stretch);
    columns->setSectionResizeMode(TimeColumn, QHeaderView::Fixed);
    columns->setSectionResizeMode(MeaningColumn, QHeaderView::Stretch);
    QHeaderView *rows = verticalHeader();
    rows->setSectionResizeMode(QHeaderView::Fixed);
    rows->setDefaultSectionSize(fontMetrics().height() + kRowPaddingPx);
}

void ClaimsTable::fitColumns()
{
    if (m_fitting)
        return;
    m_fitting = true;
    const int width = viewport()->width();
    auto fit = [&](int column, double share) {
        const int wanted =
            qMax(sizeHintForColumn(column), horizontalHeader()->sectionSizeHint(column));
        horizontalHeader()->resizeSection(column, qMin(wanted, int(width * share)));
    };
    fit(NameColumn, kMaxNameShare);
    fit(TimeColumn, kMaxTimeShare);
    m_fitting = false;
}

void ClaimsTable::resizeEvent(QResizeEvent *event)
{
    QTableWidget::resizeEvent(event);
    fitColumns();
}

void ClaimsTable::updateGeometries()
{
    QTableWidget::updateGeometries();
    fitColumns(); // the vertical scroll bar came or went: the viewport changed width
}

} // namespace Gui
