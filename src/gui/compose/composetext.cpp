// SPDX-License-Identifier: GPL-3.0-or-later
#include "composetext.h"

#include <QRegularExpression>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace Gui::ComposeText {

bool mentionsAttachment(const QString &text)
{
    // \b does not separate Chinese characters, so those are looked for as they are.
    static const QRegularExpression english(
        u"\\b(attach|attached|attaching|attachments?|enclosed)\\b"_s,
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    static const QStringList chinese{u"附件"_s, u"附上"_s};
    const QStringList lines = text.split(u'\n');
    for (const QString &line : lines) {
        if (line.trimmed().startsWith(u'>'))
            continue;
        if (english.match(line).hasMatch())
            return true;
        for (const QString &word : chinese)
            if (line.contains(word))
                return true;
    }
    return false;
}

namespace {

bool isSeparator(QChar c)
{
    return c == u',' || c == u';' || c == u'\n';
}

int trimStart(const QString &text, int from, int to)
{
    while (from < to && text.at(from).isSpace())
        ++from;
    return from;
}

int trimEnd(const QString &text, int from, int to)
{
    while (to > from && text.at(to - 1).isSpace())
        --to;
    return to;
}

} // namespace

Span addressEntryAt(const QString &text, int cursor)
{
    cursor = qBound(0, cursor, int(text.size()));
    int start = 0;
    bool quoted = false;
    bool angle = false;
    // The last separator before the cursor that is not inside quotes or brackets.
    for (int i = 0; i < cursor; ++i) {
        const QChar c = text.at(i);
        if (c == u'"')
            quoted = !quoted;
        else if (!quoted && c == u'<')
            angle = true;
        else if (!quoted && c == u'>')
            angle = false;
        else if (!quoted && !angle && isSeparator(c))
            start = i + 1;
    }
    int end = int(text.size());
    for (int i = cursor; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == u'"')
            quoted = !quoted;
        else if (!quoted && c == u'<')
            angle = true;
        else if (!quoted && c == u'>')
            angle = false;
        else if (!quoted && !angle && isSeparator(c)) {
            end = i;
            break;
        }
    }
    start = trimStart(text, start, end);
    return {start, trimEnd(text, start, end)};
}

QList<Span> addressEntries(const QString &text)
{
    QList<Span> entries;
    int from = 0;
    while (from <= text.size()) {
        const Span span = addressEntryAt(text, from);
        if (span.end > span.start)
            entries << span;
        // Past the separator that ends this entry.
        int next = qMax(span.end, from);
        bool quoted = false;
        bool angle = false;
        while (next < text.size()) {
            const QChar c = text.at(next);
            if (c == u'"')
                quoted = !quoted;
            else if (!quoted && c == u'<')
                angle = true;
            else if (!quoted && c == u'>')
                angle = false;
            else if (!quoted && !angle && isSeparator(c))
                break;
            ++next;
        }
        from = next + 1;
    }
    return entries;
}

} // namespace Gui::ComposeText
