// SPDX-License-Identifier: GPL-3.0-or-later
#include "quotedprintable.h"

#include <QList>

namespace Mime::detail {

namespace {

constexpr qsizetype kMaxLine = 76; // RFC 2045: encoded lines of at most 76 characters

void encodeLine(const QByteArray &line, QByteArray &out)
{
    static const char hex[] = "0123456789ABCDEF";
    qsizetype length = 0; // of the current encoded line
    for (qsizetype i = 0; i < line.size(); ++i) {
        const uchar c = uchar(line[i]);
        const bool last = i + 1 == line.size();
        const bool fromAtStart = i == 0 && line.startsWith("From ");
        const bool literal = !fromAtStart && ((c >= 33 && c <= 126 && c != '=') ||
                                              ((c == ' ' || c == '\t') && !last));
        const char escaped[] = {'=', hex[c >> 4], hex[c & 15]};
        const QByteArray piece = literal ? QByteArray(1, char(c)) : QByteArray(escaped, 3);
        // room for a soft break "=" unless this piece ends the line
        const qsizetype limit = last ? kMaxLine : kMaxLine - 1;
        if (length + piece.size() > limit) {
            out += "=\r\n";
            length = 0;
        }
        out += piece;
        length += piece.size();
    }
}

} // namespace

QByteArray quotedPrintable(const QByteArray &text)
{
    QByteArray normalized = text;
    normalized.replace("\r\n", "\n").replace('\r', '\n');
    const QList<QByteArray> lines = normalized.split('\n');
    QByteArray out;
    out.reserve(text.size() * 3 / 2);
    for (qsizetype i = 0; i < lines.size(); ++i) {
        encodeLine(lines[i], out);
        if (i + 1 < lines.size())
            out += "\r\n";
    }
    return out;
}

} // namespace Mime::detail
