// SPDX-License-Identifier: GPL-3.0-or-later
#include "envelope.h"

#include "addresses.h"
#include "limits.h"

#include <vmime/vmime.hpp>

#include <QBuffer>
#include <QFile>
#include <QSet>

using namespace Qt::StringLiterals;

namespace Mime {

namespace {

// The header block (up to and including the empty line) and where the body starts.
bool splitHeader(QFile &file, QByteArray *header, qint64 *bodyOffset)
{
    const QByteArray head = file.read(Limits::kMaxHeaderBytes + 4);
    qsizetype end = -1;
    qsizetype skip = 0;
    for (qsizetype i = 0; i < head.size(); ++i) {
        if (head.at(i) != '\n')
            continue;
        if (i + 1 < head.size() && head.at(i + 1) == '\n') {
            end = i + 1;
            skip = 1;
            break;
        }
        if (i + 2 < head.size() && head.at(i + 1) == '\r' && head.at(i + 2) == '\n') {
            end = i + 1;
            skip = 2;
            break;
        }
    }
    if (end < 0) {
        if (head.size() > Limits::kMaxHeaderBytes)
            return false;
        *header = head; // a message without a body
        *bodyOffset = head.size();
        return true;
    }
    *header = head.left(end);
    *bodyOffset = end + skip;
    return true;
}

QByteArray crlf(const QByteArray &lines)
{
    QByteArray out;
    out.reserve(lines.size() + lines.size() / 40);
    for (QByteArray line : lines.split('\n')) {
        if (line.endsWith('\r'))
            line.chop(1);
        out += line;
        out += "\r\n";
    }
    out.chop(2); // split() gave one piece more than there were line ends
    return out;
}

} // namespace

QByteArray withoutBcc(const QByteArray &header)
{
    QByteArray out;
    bool skipping = false;
    for (const QByteArray &raw : header.split('\n')) {
        QByteArray line = raw;
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.isEmpty())
            continue;
        const bool continuation = line.startsWith(' ') || line.startsWith('\t');
        if (!continuation) {
            const qsizetype colon = line.indexOf(':');
            skipping = colon > 0 && line.left(colon).trimmed().toLower() == "bcc";
        }
        if (!skipping)
            out += line + "\r\n";
    }
    return out + "\r\n";
}

std::optional<Envelope> readEnvelope(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = u"cannot read %1: %2"_s.arg(path, file.errorString());
        return std::nullopt;
    }
    Envelope envelope;
    envelope.fileSize = file.size();
    QByteArray header;
    if (!splitHeader(file, &header, &envelope.bodyOffset)) {
        *error = u"%1 has no header block within %2 bytes"_s.arg(path).arg(Limits::kMaxHeaderBytes);
        return std::nullopt;
    }
    header = crlf(header);
    vmime::header parsed;
    try {
        parsed.parse(vmime::parsingContext(), header.toStdString());
    } catch (const vmime::exception &e) {
        *error = u"%1: the header cannot be read (%2)"_s.arg(path, QString::fromStdString(e.what()));
        return std::nullopt;
    }
    QBuffer source(&header);
    source.open(QIODevice::ReadOnly);
    QList<Address> from;
    detail::addressField(from, parsed, "Sender", source, nullptr);
    if (from.isEmpty())
        detail::addressField(from, parsed, "From", source, nullptr);
    if (from.isEmpty() || !from.first().address.contains(u'@')) {
        *error = u"%1 has no sender address (From)"_s.arg(path);
        return std::nullopt;
    }
    envelope.from = from.first().address;
    QList<Address> to;
    for (const char *name : {"To", "Cc", "Bcc"})
        detail::addressField(to, parsed, name, source, nullptr);
    QSet<QString> seen;
    for (const Address &a : std::as_const(to)) {
        if (!a.address.contains(u'@') || seen.contains(a.address.toLower()))
            continue;
        seen.insert(a.address.toLower());
        envelope.recipients << a.address;
    }
    envelope.header = withoutBcc(header);
    return envelope;
}

} // namespace Mime
