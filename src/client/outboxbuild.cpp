// SPDX-License-Identifier: GPL-3.0-or-later
#include "outboxbuild_p.h"

#include "platform/durablefile.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Client::detail {

namespace {

constexpr qsizetype kBodyIndexed = 4096; // as Mime::summarize: the start of the text
constexpr qsizetype kSnippet = 200;

QList<Mime::Address> parsed(const QStringList &entries, QStringList *invalid)
{
    QList<Mime::Address> out;
    for (const QString &entry : entries) {
        const Mime::AddressList list = Mime::parseAddressList(entry);
        out += list.valid;
        if (invalid)
            *invalid += list.invalid;
    }
    return out;
}

QList<Mime::OutgoingFile> filesOf(const QList<DraftFile> &files)
{
    QList<Mime::OutgoingFile> out;
    for (const DraftFile &f : files)
        out.append({f.path, f.name, f.contentType, f.contentId});
    return out;
}

QList<DraftFile> draftFilesOf(const QList<Mime::OutgoingFile> &files)
{
    QList<DraftFile> out;
    for (const Mime::OutgoingFile &f : files)
        out.append({f.path, f.filename, f.contentType, QFileInfo(f.path).size(), f.contentId});
    return out;
}

QStringList formatted(const QList<Mime::Address> &addresses)
{
    QStringList out;
    for (const Mime::Address &a : addresses)
        out << Mime::formatAddress(a);
    return out;
}

} // namespace

Mime::OutgoingMessage outgoingOf(const Draft &draft, const Types::AccountSettings &account,
                                 QStringList *invalid)
{
    Mime::OutgoingMessage m;
    m.from = {account.displayName, account.email};
    m.to = parsed(draft.to, invalid);
    m.cc = parsed(draft.cc, invalid);
    m.bcc = parsed(draft.bcc, invalid);
    m.subject = draft.subject;
    if (draft.rich) {
        m.html = draft.html;
        m.inlineImages = filesOf(draft.inlineImages);
    } else {
        m.text = draft.text;
    }
    m.attachments = filesOf(draft.attachments);
    m.inReplyTo = draft.inReplyTo;
    m.references = draft.references;
    m.keepBcc = true;
    return m;
}

Types::MessageSummary summaryOf(const Mime::OutgoingMessage &m, const QString &messageId)
{
    Types::MessageSummary s;
    s.subject = m.subject;
    s.sender = Mime::formatAddress(m.from);
    s.recipients = formatted(m.to + m.cc).join(u", "_s);
    s.date = (m.date.isValid() ? m.date : QDateTime::currentDateTime()).toSecsSinceEpoch();
    s.hasAttachments = !m.attachments.isEmpty();
    const QString text = m.html ? Mime::plainTextFromHtml(*m.html) : m.text.value_or(QString());
    s.body = text.left(kBodyIndexed);
    s.snippet = s.body.simplified().left(kSnippet);
    s.messageId = messageId;
    s.inReplyTo = m.inReplyTo;
    s.references = m.references;
    return s;
}

qint64 buildIntoStore(Store::MessageStore &store, const Draft &draft,
                      const Types::AccountSettings &account, Types::FolderKind folder,
                      qint64 replaceId, const Store::Outgoing *outgoing, QString *error)
{
    const Mime::OutgoingMessage message = outgoingOf(draft, account);
    const QString path = store.newTempPath();
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly,
                   QFile::ReadOwner | QFile::WriteOwner)) {
        *error = u"cannot write %1: %2"_s.arg(path, file.errorString());
        return 0;
    }
    const Mime::BuildResult built = Mime::buildMessage(message, file);
    // Write, fsync, then rename into the Maildir (the store's replaceLocal): never half a draft.
    const bool written = built.ok && file.flush() && !Platform::syncFile(file.handle());
    file.close();
    if (!written) {
        *error = built.ok ? u"cannot write %1: %2"_s.arg(path, file.errorString()) : built.error;
        QFile::remove(path);
        return 0;
    }
    const qint64 id = store.replaceLocal(replaceId, folder, path,
                                         summaryOf(message, built.messageId), error, outgoing);
    if (id == 0)
        QFile::remove(path);
    return id;
}

Draft draftOf(const Mime::OutgoingMessage &m, const QList<Types::AccountSettings> &identities)
{
    Draft d;
    for (const Types::AccountSettings &a : identities)
        if (a.email.compare(m.from.address, Qt::CaseInsensitive) == 0) {
            d.accountId = a.id;
            break;
        }
    if (d.accountId.isEmpty() && !identities.isEmpty())
        d.accountId = identities.first().id;
    d.to = formatted(m.to);
    d.cc = formatted(m.cc);
    d.bcc = formatted(m.bcc);
    d.subject = m.subject;
    // The editor's line ends, whatever the message had on the wire.
    d.rich = m.html.has_value();
    if (d.rich)
        d.html = QString(*m.html).replace(u"\r\n"_s, u"\n"_s);
    else
        d.text = m.text.value_or(QString()).replace(u"\r\n"_s, u"\n"_s);
    d.attachments = draftFilesOf(m.attachments);
    d.inlineImages = draftFilesOf(m.inlineImages);
    d.inReplyTo = m.inReplyTo;
    d.references = m.references;
    return d;
}

void storeError(const SendError &error, Store::Outgoing &row)
{
    row.errorKind = error.ok() ? QString() : sendErrorKindName(error.kind);
    row.errorCode = error.code;
    row.errorText = error.serverText;
    row.errorDetail = error.detail;
    QJsonArray refused;
    for (const SendRefusal &r : error.refused)
        refused.append(
            QJsonObject{{u"address"_s, r.address}, {u"code"_s, r.code}, {u"text"_s, r.text}});
    row.refused = refused.isEmpty()
                      ? QString()
                      : QString::fromUtf8(QJsonDocument(refused).toJson(QJsonDocument::Compact));
}

SendError errorOf(const Store::Outgoing &row)
{
    SendError e;
    e.kind = sendErrorKindFromName(row.errorKind);
    e.code = row.errorCode;
    e.serverText = row.errorText;
    e.detail = row.errorDetail;
    const QJsonArray refused = QJsonDocument::fromJson(row.refused.toUtf8()).array();
    for (const QJsonValue &v : refused) {
        const QJsonObject o = v.toObject();
        e.refused.append({o.value(u"address"_s).toString(), o.value(u"code"_s).toInt(),
                          o.value(u"text"_s).toString()});
    }
    return e;
}

OutboxEntry entryOf(const Store::Outgoing &row)
{
    OutboxEntry e;
    e.id = row.id;
    e.accountId = row.account;
    e.state = OutboxEntry::State(int(row.state));
    e.notBefore = QDateTime::fromMSecsSinceEpoch(row.notBefore);
    e.attempts = row.attempts;
    e.error = errorOf(row);
    return e;
}

} // namespace Client::detail
