// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsonhighlighter.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Gui {

namespace {
constexpr int maxHighlightedLine = 20000;
}

JsonHighlighter::JsonHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
{
    m_name.setForeground(QColor(0x8b, 0x1e, 0x6b));
    m_string.setForeground(QColor(0x0b, 0x6e, 0x2e));
    m_number.setForeground(QColor(0x1f, 0x4f, 0xb8));
    m_literal.setForeground(QColor(0xa3, 0x4a, 0x00));
    m_literal.setFontWeight(QFont::DemiBold);
}

void JsonHighlighter::highlightBlock(const QString &text)
{
    if (text.size() > maxHighlightedLine)
        return;
    // A string token, optionally followed by ':' (then it is a member name).
    static const QRegularExpression token(
        uR"re("(?:[^"\\]|\\.)*"(\s*:)?|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|\b(?:true|false|null)\b)re"_s);
    for (auto it = token.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        const QString t = m.captured(0);
        const QTextCharFormat &format = t.startsWith(u'"')
            ? (m.capturedLength(1) > 0 ? m_name : m_string)
            : (t.front().isLetter() ? m_literal : m_number);
        const int length = int(m.capturedLength(0) - m.capturedLength(1));
        setFormat(int(m.capturedStart(0)), length, format);
    }
}

} // namespace Gui
