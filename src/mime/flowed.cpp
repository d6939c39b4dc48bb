// SPDX-License-Identifier: GPL-3.0-or-later
#include "flowed.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace Mime {

namespace {

struct FlowedLine
{
    int depth = 0;
    QString content; // without quote marks and stuffing
    bool soft = false;
};

FlowedLine parseLine(QString line)
{
    FlowedLine out;
    if (line.endsWith(u'\r'))
        line.chop(1);
    while (out.depth < line.size() && line.at(out.depth) == u'>')
        ++out.depth;
    out.content = line.mid(out.depth);
    if (out.content.startsWith(u' ')) // space-stuffing (4.4), also after quote marks
        out.content.remove(0, 1);
    // 4.3: "-- " is the signature separator, never flowed.
    out.soft = out.content.endsWith(u' ') && out.content != u"-- "_s;
    return out;
}

QString prefixed(int depth, const QString &text)
{
    if (depth == 0)
        return text;
    return QString(depth, u'>') + u' ' + text;
}

} // namespace

QString unflowText(const QString &text, bool delSp)
{
    const QStringList lines = text.split(u'\n');
    QStringList out;
    QString paragraph;
    int depth = -1; // of the open paragraph; -1: none open
    for (const QString &raw : lines) {
        FlowedLine line = parseLine(raw);
        if (depth >= 0 && line.depth != depth) {
            // 4.5: a quote depth change ends the paragraph even after a soft break.
            out << prefixed(depth, paragraph);
            paragraph.clear();
            depth = -1;
        }
        if (line.soft && delSp)
            line.content.chop(1);
        paragraph += line.content;
        depth = line.depth;
        if (!line.soft) {
            out << prefixed(depth, paragraph);
            paragraph.clear();
            depth = -1;
        }
    }
    if (depth >= 0)
        out << prefixed(depth, paragraph);
    return out.join(u'\n');
}

} // namespace Mime
