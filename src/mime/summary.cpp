// SPDX-License-Identifier: GPL-3.0-or-later
#include "summary.h"

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

} // namespace

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
    return s;
}

} // namespace Mime
