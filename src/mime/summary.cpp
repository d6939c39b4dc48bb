// SPDX-License-Identifier: GPL-3.0-or-later
#include "summary.h"

#include "headerlines.h"

#include "messageview.h"

#include <QLoggingCategory>
#include <QStringList>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Mime {

namespace {

Q_LOGGING_CATEGORY(lcSummary, "tidings.mime.summary")

// Stable names of the reader's refusals: what the index keeps and the GUI translates.
QString refusalName(Mime::ReadError kind)
{
    switch (kind) {
    case Mime::ReadError::None: // no view without a refusal: still unreadable
        break;
    case Mime::ReadError::CannotOpen:
        return u"cannot-open"_s;
    case Mime::ReadError::Empty:
        return u"empty"_s;
    case Mime::ReadError::TooLarge:
        return u"too-large"_s;
    case Mime::ReadError::HeaderTooLarge:
        return u"header-too-large"_s;
    case Mime::ReadError::TooDeep:
        return u"too-deep"_s;
    case Mime::ReadError::NestedTooLarge:
        return u"nested-too-large"_s;
    case Mime::ReadError::TooManyParts:
        return u"too-many-parts"_s;
    case Mime::ReadError::Malformed:
        return u"malformed"_s;
    }
    return u"unknown"_s;
}

// A long References chain keeps its root and its most recent ids: threading needs no more.
constexpr qsizetype kMaxReferences = 64;


// In-Reply-To and References, which the reader does not expose: they are ASCII tokens, read here.
void readThreadHeaders(const QByteArray &message, Types::MessageSummary &s)
{
    for (const QByteArray &line : unfoldedHeaderLines(message)) {
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        if (name == "in-reply-to" && s.inReplyTo.isEmpty()) {
            const QStringList ids = messageIds(line.mid(colon + 1));
            if (!ids.isEmpty())
                s.inReplyTo = ids.first();
        } else if (name == "references" && s.references.isEmpty()) {
            s.references = messageIds(line.mid(colon + 1));
            if (s.references.size() > kMaxReferences)
                s.references = QStringList{s.references.first()} +
                               s.references.mid(s.references.size() - kMaxReferences + 1);
        }
    }
}

} // namespace

// The header block of a message (up to the first empty line), folded lines joined.
QList<QByteArray> unfoldedHeaderLines(const QByteArray &message)
{
    QList<QByteArray> lines;
    for (const QByteArray &raw : message.split('\n')) {
        const QByteArray line = raw.endsWith('\r') ? raw.chopped(1) : raw;
        if (line.isEmpty())
            break;
        if ((line.startsWith(' ') || line.startsWith('\t')) && !lines.isEmpty())
            lines.last() += ' ' + line.trimmed();
        else
            lines << line;
    }
    return lines;
}

// The <id> tokens of a header value, without their brackets (comments and junk between ignored).
QStringList messageIds(const QByteArray &value)
{
    QStringList ids;
    qsizetype from = 0;
    while (true) {
        const qsizetype open = value.indexOf('<', from);
        const qsizetype close = open < 0 ? -1 : value.indexOf('>', open + 1);
        if (close < 0)
            break;
        const QByteArray id = value.mid(open + 1, close - open - 1).trimmed();
        if (!id.isEmpty() && !id.contains(' '))
            ids << QString::fromLatin1(id);
        from = close + 1;
    }
    return ids;
}

Types::MessageSummary summarize(const QByteArray &message)
{
    Types::MessageSummary s;
    // The index needs the start of the text only, and no attachment decoded.
    const Mime::ReadResult read = Mime::readMessageData(message, {16 * 1024, false});
    if (!read.view) {
        s.unreadableKind = refusalName(read.kind);
        s.unreadable = read.error;
        qCInfo(lcSummary) << "stored as unreadable:" << s.unreadableKind << s.unreadable;
        return s;
    }
    const Mime::MessageView &v = *read.view;
    auto names = [](const QList<Mime::Address> &list) {
        QStringList out;
        for (const Mime::Address &a : list)
            out << (a.name.isEmpty() ? a.address : a.name + u" <"_s + a.address + u'>');
        return out.join(u", "_s);
    };
    s.subject = v.subject;
    s.sender = names(v.from);
    s.recipients = names(v.to + v.cc);
    s.date = v.date.isValid() ? v.date.toSecsSinceEpoch() : 0;
    s.hasAttachments = std::any_of(v.attachments.begin(), v.attachments.end(),
                                   [](const Mime::Attachment &a) { return !a.isInline; });
    // The full-text index (trigrams) takes the start of the body: indexing
    // every byte of every message costs more than downloading it.
    s.body = v.text.value_or(QString()).left(4096);
    s.snippet = s.body.simplified().left(200);
    s.messageId = v.messageId;
    readThreadHeaders(message, s);
    return s;
}

} // namespace Mime
