// SPDX-License-Identifier: GPL-3.0-or-later
#include "replydraft.h"

#include "mime/headerlines.h"

#include "mime/limits.h"
#include "mime/messagebuilder.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Client {

namespace {

// A References chain keeps its root and its most recent ids (as the index does).
constexpr qsizetype kMaxReferences = 64;

// What the reader does not expose: threading ids and the mailbox it was delivered to.
struct OriginalHeaders
{
    QStringList references;
    QString inReplyTo;
    QStringList deliveredTo; // Delivered-To and X-Original-To, without <>
};


// Only the header block is read (at most the reader's header bound); these fields are ASCII.
OriginalHeaders readOriginalHeaders(const QString &path)
{
    OriginalHeaders h;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return h;
    for (const QByteArray &line : Mime::unfoldedHeaderLines(file.read(Mime::Limits::kMaxHeaderBytes))) {
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "references" && h.references.isEmpty()) {
            h.references = Mime::messageIds(value);
        } else if (name == "in-reply-to" && h.inReplyTo.isEmpty()) {
            h.inReplyTo = Mime::messageIds(value).value(0);
        } else if (name == "delivered-to" || name == "x-original-to") {
            QByteArray address = value;
            if (address.startsWith('<') && address.endsWith('>'))
                address = address.mid(1, address.size() - 2);
            if (!address.isEmpty())
                h.deliveredTo << QString::fromUtf8(address);
        }
    }
    return h;
}

bool sameAddress(const QString &a, const QString &b)
{
    return a.trimmed().compare(b.trimmed(), Qt::CaseInsensitive) == 0;
}

bool isOwn(const QString &address, const QList<Types::AccountSettings> &identities)
{
    return std::any_of(identities.cbegin(), identities.cend(), [&](const auto &identity) {
        return !identity.email.isEmpty() && sameAddress(identity.email, address);
    });
}

// The identity the original was addressed to (one that can send preferred), else the first
// that can send, else the first.
Types::AccountSettings chooseIdentity(const Mime::MessageView &original,
                                      const OriginalHeaders &headers,
                                      const QList<Types::AccountSettings> &identities)
{
    QStringList addressedTo;
    for (const Mime::Address &a : original.to + original.cc)
        addressedTo << a.address;
    addressedTo += headers.deliveredTo;
    const auto wasAddressed = [&](const Types::AccountSettings &identity) {
        return !identity.email.isEmpty() &&
               std::any_of(addressedTo.cbegin(), addressedTo.cend(),
                           [&](const QString &a) { return sameAddress(a, identity.email); });
    };
    const auto find = [&](auto predicate) {
        return std::find_if(identities.cbegin(), identities.cend(), predicate);
    };
    auto chosen = find([&](const auto &i) { return wasAddressed(i) && i.canSend(); });
    if (chosen == identities.cend())
        chosen = find(wasAddressed);
    if (chosen == identities.cend())
        chosen = find([](const auto &i) { return i.canSend(); });
    if (chosen != identities.cend())
        return *chosen;
    return identities.value(0);
}

// Adds each address once (case-insensitive), none of one's own.
void appendRecipients(QStringList &out, QSet<QString> &seen, const QList<Mime::Address> &list,
                      const QList<Types::AccountSettings> &identities)
{
    for (const Mime::Address &a : list) {
        const QString key = a.address.trimmed().toLower();
        if (key.isEmpty() || isOwn(a.address, identities) || seen.contains(key))
            continue;
        seen.insert(key);
        out << Mime::formatAddress(a);
    }
}

void setRecipients(Draft &draft, const Mime::MessageView &original, ReplyKind kind,
                   const QList<Types::AccountSettings> &identities)
{
    const bool fromMe =
        !original.from.isEmpty() && isOwn(original.from.first().address, identities);
    // Answering one's own message (from Sent) continues the conversation with its recipients.
    const QList<Mime::Address> sender = !original.replyTo.isEmpty() ? original.replyTo
                                        : fromMe                    ? original.to
                                                                    : original.from;
    QSet<QString> seen;
    if (kind == ReplyKind::Reply) {
        appendRecipients(draft.to, seen, sender,
                         fromMe ? QList<Types::AccountSettings>{} : identities);
        return;
    }
    appendRecipients(draft.to, seen, sender, identities);
    appendRecipients(draft.to, seen, original.to, identities);
    appendRecipients(draft.cc, seen, original.cc, identities);
    if (draft.to.isEmpty() && draft.cc.isEmpty()) // a note to oneself: answer oneself
        appendRecipients(draft.to, seen, original.from, {});
}

QString normalizedNewlines(QString text)
{
    text.replace(u"\r\n"_s, u"\n"_s);
    text.replace(u'\r', u'\n');
    text.replace(QChar::ParagraphSeparator, u'\n'); // QTextCursor::selectedText()
    text.replace(QChar::LineSeparator, u'\n');
    return text;
}

QStringList textLines(const QString &text)
{
    QStringList lines = normalizedNewlines(text).split(u'\n');
    while (!lines.isEmpty() && lines.last().trimmed().isEmpty())
        lines.removeLast();
    while (!lines.isEmpty() && lines.first().trimmed().isEmpty())
        lines.removeFirst();
    return lines;
}

QString escapedLine(const QString &line)
{
    QString html = line.toHtmlEscaped();
    html.replace(u"  "_s, u" &nbsp;"_s); // runs of spaces survive
    return html;
}

QString htmlParagraphs(const QString &text)
{
    QStringList lines;
    for (const QString &line : textLines(text))
        lines << escapedLine(line);
    return u"<div>"_s + lines.join(u"<br>"_s) + u"</div>"_s;
}

QString originalText(const Mime::MessageView &original)
{
    if (original.text)
        return *original.text;
    if (original.html)
        return Mime::plainTextFromHtml(*original.html);
    return {};
}

QString senderName(const Mime::MessageView &original)
{
    if (original.from.isEmpty())
        return QCoreApplication::translate("Client::ReplyDraft", "Unknown sender");
    const Mime::Address &a = original.from.first();
    return a.name.trimmed().isEmpty() ? a.address : a.name.trimmed();
}

QString attribution(const Mime::MessageView &original)
{
    if (!original.date.isValid())
        return QCoreApplication::translate("Client::ReplyDraft", "%1 wrote:").arg(senderName(original));
    const QString date = QLocale().toString(original.date.toLocalTime(), QLocale::ShortFormat);
    return QCoreApplication::translate("Client::ReplyDraft", "On %1, %2 wrote:").arg(date, senderName(original));
}

QString addressLine(const QList<Mime::Address> &list)
{
    QStringList out;
    for (const Mime::Address &a : list)
        out << Mime::formatAddress(a);
    return out.join(u", "_s);
}

// The "Forwarded Message" block: (label, value) pairs under a title line.
QList<std::pair<QString, QString>> forwardFields(const Mime::MessageView &original)
{
    QList<std::pair<QString, QString>> fields{
        {QCoreApplication::translate("Client::ReplyDraft", "Subject:"), original.subject},
        {QCoreApplication::translate("Client::ReplyDraft", "Date:"), original.date.isValid()
                               ? original.date.toLocalTime().toString(Qt::RFC2822Date)
                               : QString()},
        {QCoreApplication::translate("Client::ReplyDraft", "From:"), addressLine(original.from)},
        {QCoreApplication::translate("Client::ReplyDraft", "To:"), addressLine(original.to)},
    };
    if (!original.cc.isEmpty())
        fields.append({QCoreApplication::translate("Client::ReplyDraft", "Cc:"), addressLine(original.cc)});
    return fields;
}

QString forwardTitle()
{
    return QCoreApplication::translate("Client::ReplyDraft", "-------- Forwarded Message --------");
}

void fillReplyBody(Draft &draft, const Mime::MessageView &original, const QString &selection)
{
    const QString quoted = selection.trimmed().isEmpty() ? originalText(original) : selection;
    if (draft.rich) {
        draft.html = u"<p><br></p><p>"_s + attribution(original).toHtmlEscaped() + u"</p>"_s +
                     quoteHtml(quoted) + u"<p><br></p>"_s;
    } else {
        draft.text = u"\n\n"_s + attribution(original) + u'\n' + quotePlain(quoted) + u"\n\n"_s;
    }
}

void fillForwardBody(Draft &draft, const Mime::MessageView &original)
{
    const auto fields = forwardFields(original);
    if (draft.rich) {
        QString html = u"<p><br></p><div>"_s + forwardTitle().toHtmlEscaped();
        for (const auto &[label, value] : fields)
            html += u"<br><b>"_s + label.toHtmlEscaped() + u"</b> "_s + value.toHtmlEscaped();
        draft.html = html + u"</div><p><br></p>"_s + htmlParagraphs(originalText(original));
    } else {
        QString text = u"\n\n"_s + forwardTitle() + u'\n';
        for (const auto &[label, value] : fields)
            text += label + u' ' + value + u'\n';
        draft.text = text + u'\n' + textLines(originalText(original)).join(u'\n') + u'\n';
    }
}

QStringList replyReferences(const Mime::MessageView &original, const OriginalHeaders &headers)
{
    // RFC 5322 3.6.4: the parent's References, else its (single) In-Reply-To, then its Message-ID.
    QStringList refs = headers.references;
    if (refs.isEmpty() && !headers.inReplyTo.isEmpty())
        refs << headers.inReplyTo;
    if (!original.messageId.isEmpty() && !refs.contains(original.messageId))
        refs << original.messageId;
    if (refs.size() > kMaxReferences)
        refs = QStringList{refs.first()} + refs.mid(refs.size() - kMaxReferences + 1);
    return refs;
}

QString attachmentName(const QString &subject)
{
    const QString base = Mime::sanitizeFileName(
        subject.trimmed().isEmpty() ? QCoreApplication::translate("Client::ReplyDraft", "Forwarded message") : subject.trimmed().left(100));
    return base + u".eml"_s;
}

// One or more leading prefixes ("Re: AW: 回复：") of the given words, with counters like "Re[2]:".
QString stripPrefixes(const QString &subject, const QString &words)
{
    const QRegularExpression prefixes(u"^\\s*(?:(?:"_s + words +
                                          u")\\s*(?:\\[\\d+\\]|\\(\\d+\\))?\\s*[:：]\\s*)+"_s,
                                      QRegularExpression::CaseInsensitiveOption);
    return QString(subject).remove(prefixes).trimmed();
}

} // namespace

QString replySubject(const QString &subject)
{
    return u"Re: "_s + stripPrefixes(subject, u"re|aw|sv|vs|antw|odp|回复|回覆|答复|答覆|返信"_s);
}

QString forwardSubject(const QString &subject)
{
    return u"Fwd: "_s + stripPrefixes(subject, u"fwd|fw|wg|tr|rv|转发|轉發|转寄|轉寄"_s);
}

QString quotePlain(const QString &text)
{
    QStringList out;
    for (const QString &line : textLines(text)) {
        if (line.isEmpty())
            out << u">"_s;
        else if (line.startsWith(u'>'))
            out << u'>' + line;
        else
            out << u"> "_s + line;
    }
    return out.join(u'\n');
}

QString quoteHtml(const QString &text)
{
    const QString open = u"<blockquote type=\"cite\">"_s;
    QString html = open;
    int depth = 0;     // blockquotes opened inside the outer one
    QStringList group; // lines of the current depth
    const auto flush = [&] {
        if (!group.isEmpty())
            html += u"<div>"_s + group.join(u"<br>"_s) + u"</div>"_s;
        group.clear();
    };
    for (QString line : textLines(text)) {
        int level = 0;
        while (line.startsWith(u'>')) { // "> > x" and ">> x" are both two levels
            ++level;
            line.remove(0, 1);
            if (line.startsWith(u' ') && line.mid(1).startsWith(u'>'))
                line.remove(0, 1);
        }
        if (level > 0 && line.startsWith(u' '))
            line.remove(0, 1);
        if (level != depth)
            flush();
        for (; depth < level; ++depth)
            html += open;
        for (; depth > level; --depth)
            html += u"</blockquote>"_s;
        group << escapedLine(line);
    }
    flush();
    for (; depth > 0; --depth)
        html += u"</blockquote>"_s;
    return html + u"</blockquote>"_s;
}

QList<DraftFile> extractForwardedFiles(const QString &originalPath,
                                       const Mime::MessageView &original, const QString &directory,
                                       QString *error)
{
    QList<DraftFile> files;
    for (int i = 0; i < original.attachments.size(); ++i) {
        const Mime::Attachment &a = original.attachments.at(i);
        const QString path = Mime::extractAttachment(originalPath, i, directory, error);
        if (path.isEmpty())
            return {};
        files.append({path,
                      a.filename.isEmpty() ? QFileInfo(path).fileName() : a.filename,
                      a.contentType,
                      QFileInfo(path).size(),
                      {}});
    }
    return files;
}

Draft makeReply(const Mime::MessageView &original, const QString &originalPath, ReplyKind kind,
                const QList<Types::AccountSettings> &identities, const QString &selection,
                bool rich, const QList<DraftFile> &originalFiles)
{
    const OriginalHeaders headers = readOriginalHeaders(originalPath);
    Draft draft;
    draft.rich = rich;
    draft.accountId = chooseIdentity(original, headers, identities).id;
    switch (kind) {
    case ReplyKind::Reply:
    case ReplyKind::ReplyAll:
        setRecipients(draft, original, kind, identities);
        draft.subject = replySubject(original.subject);
        draft.inReplyTo = original.messageId;
        draft.references = replyReferences(original, headers);
        fillReplyBody(draft, original, selection);
        break;
    case ReplyKind::Forward:
        draft.subject = forwardSubject(original.subject);
        draft.attachments = originalFiles;
        fillForwardBody(draft, original);
        break;
    case ReplyKind::ForwardAsAttachment:
        draft.subject = forwardSubject(original.subject);
        draft.attachments.append({originalPath,
                                  attachmentName(original.subject),
                                  u"message/rfc822"_s,
                                  QFileInfo(originalPath).size(),
                                  {}});
        if (rich)
            draft.html = u"<p><br></p>"_s;
        break;
    }
    return draft;
}

} // namespace Client
