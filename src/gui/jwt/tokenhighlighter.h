// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QList>
#include <QSyntaxHighlighter>

namespace Gui {

// The segment colours shared by the raw token and the decoded views.
struct SegmentColours
{
    static QColor header();
    static QColor payload();
    static QColor signature();
    static QColor of(int segment);
};

// Colours a pasted token by segment and marks the character an error points at.
class TokenHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    explicit TokenHighlighter(QTextDocument *document);

    struct Range
    {
        int start;
        int length;
        int segment;
    };
    // Positions are in the whole document's text.
    void setSegments(const QList<Range> &segments, int errorPosition);

protected:
    void highlightBlock(const QString &text) override;

private:
    QList<Range> m_segments;
    int m_errorPosition = -1;
};

} // namespace Gui
