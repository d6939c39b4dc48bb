// SPDX-License-Identifier: GPL-3.0-or-later
#include "tokenhighlighter.h"

#include <QTextDocument>

namespace Gui {

QColor SegmentColours::header() { return QColor(0xc0, 0x1c, 0x28); }
QColor SegmentColours::payload() { return QColor(0x81, 0x3d, 0x9c); }
QColor SegmentColours::signature() { return QColor(0x1a, 0x5f, 0xb4); }

QColor SegmentColours::of(int segment)
{
    switch (segment) {
    case 0: return header();
    case 1: return payload();
    case 2: return signature();
    default: return QColor(0x5e, 0x5c, 0x64);
    }
}

TokenHighlighter::TokenHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
{
}

void TokenHighlighter::setSegments(const QList<Range> &segments, int errorPosition)
{
    m_segments = segments;
    m_errorPosition = errorPosition;
    rehighlight();
}

void TokenHighlighter::highlightBlock(const QString &text)
{
    const int blockStart = currentBlock().position();
    const int blockEnd = blockStart + int(text.size());
    for (const Range &r : m_segments) {
        const int from = qMax(r.start, blockStart);
        const int to = qMin(r.start + r.length, blockEnd);
        if (from >= to)
            continue;
        QTextCharFormat format;
        format.setForeground(SegmentColours::of(r.segment));
        setFormat(from - blockStart, to - from, format);
    }
    if (m_errorPosition >= blockStart && m_errorPosition < blockEnd) {
        QTextCharFormat error;
        error.setBackground(QColor(0xff, 0xd6, 0xd6));
        error.setForeground(QColor(0x9b, 0x00, 0x00));
        error.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        error.setUnderlineColor(Qt::red);
        error.setFontWeight(QFont::Bold);
        setFormat(m_errorPosition - blockStart, 1, error);
    }
}

} // namespace Gui
