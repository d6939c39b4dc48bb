// SPDX-License-Identifier: GPL-3.0-or-later
#include "plaintexthtml.h"

#include <QRegularExpression>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace Gui {

namespace {

// Trailing punctuation closes a sentence, not the address.
const QRegularExpression &linkPattern()
{
    static const QRegularExpression re(
        u"\\b((?:https?://|mailto:)[^\\s<>\"'`]+[^\\s<>\"'`.,;:!?)\\]}])"_s,
        QRegularExpression::CaseInsensitiveOption);
    return re;
}

QString linkified(const QString &line)
{
    QString out;
    qsizetype last = 0;
    auto it = linkPattern().globalMatch(line);
    while (it.hasNext()) {
        const auto match = it.next();
        out += line.mid(last, match.capturedStart() - last).toHtmlEscaped();
        const QString url = match.captured(1);
        out += u"<a href=\""_s + url.toHtmlEscaped() + u"\">"_s + url.toHtmlEscaped() + u"</a>"_s;
        last = match.capturedEnd();
    }
    return out + line.mid(last).toHtmlEscaped();
}

int quoteDepth(const QString &line)
{
    int depth = 0;
    for (const QChar c : line) {
        if (c == u'>')
            ++depth;
        else if (c != u' ')
            break;
    }
    return depth;
}

} // namespace

QString plainTextToHtml(const QString &text)
{
    static const char *const quoteColours[] = {"#3465a4", "#4e9a06", "#c4a000", "#75507b"};
    QStringList lines = text.split(u'\n');
    for (QString &line : lines) {
        if (line.endsWith(u'\r'))
            line.chop(1);
        const int depth = quoteDepth(line);
        line = linkified(line);
        if (depth > 0)
            line = u"<span style=\"color:%1\">%2</span>"_s.arg(
                QLatin1StringView(quoteColours[(depth - 1) % 4]), line);
    }
    return u"<html><body><div style=\"white-space:pre-wrap\">"_s + lines.join(u"<br>"_s) +
           u"</div></body></html>"_s;
}

} // namespace Gui
