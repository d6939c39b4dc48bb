// SPDX-License-Identifier: GPL-3.0-or-later
// A saved draft or Outbox message read back into what the builder takes: the reader's view
// (readMessage) for bodies and files, plus the fields only outgoing mail has (Bcc, threading)
// and the names of the inline images, which the view leaves out.
#include "messagebuilder.h"

#include "addresses.h"
#include "charsets.h"
#include "partdata.h"
#include "splicedstream.h"
#include "structure.h"

#include "platform/qtpath.h" // a path Windows reads whole, not through a code page

#include <vmime/contentDispositionField.hpp>
#include <vmime/contentTypeField.hpp>
#include <vmime/vmime.hpp>

#include <QFile>
#include <QFileInfo>
#include <QMimeDatabase>
#include <QSet>

#include <fstream>

using namespace Qt::StringLiterals;

namespace Mime {

namespace {

struct OutgoingFields
{
    QList<Address> bcc;
    QString inReplyTo;
    QStringList references;
    QHash<QString, QString> nameByContentId; // the parts' own file names
};

QString idText(const vmime::messageId &id)
{
    return QString::fromStdString(id.getId());
}

QStringList idsOf(const vmime::header &header, const char *name)
{
    QStringList out;
    const auto field = header.findField(name);
    const auto ids = field ? field->getValue<vmime::messageIdSequence>() : nullptr;
    for (size_t i = 0; ids && i < ids->getMessageIdCount(); ++i)
        out << idText(*ids->getMessageIdAt(i));
    return out;
}

void collectNames(const vmime::bodyPart &part, QHash<QString, QString> &names)
{
    const auto header = part.getHeader();
    if (const auto cid = header->findField(vmime::fields::CONTENT_ID)) {
        QStringList warnings;
        QString name;
        if (const auto d = header->findField<vmime::contentDispositionField>(
                vmime::fields::CONTENT_DISPOSITION);
            d && d->hasFilename())
            name = detail::wordOf(d->getFilename(), &warnings);
        const auto type = header->findField<vmime::contentTypeField>(vmime::fields::CONTENT_TYPE);
        if (name.isEmpty() && type && type->hasParameter("name"))
            name = detail::wordOf(type->getParameter("name")->getValue(), &warnings);
        if (const auto id = cid->getValue<vmime::messageId>(); id && !name.isEmpty())
            names.insert(idText(*id), name);
    }
    for (size_t i = 0; i < part.getBody()->getPartCount(); ++i)
        collectNames(*part.getBody()->getPartAt(i), names);
}

// The same bounds as the reader, then one parse for the fields MessageView does not carry.
bool readFields(const QString &path, OutgoingFields &out, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = u"cannot open %1: %2"_s.arg(path, file.errorString());
        return false;
    }
    const qint64 size = file.size();
    const uchar *mapped = file.map(0, size);
    if (!mapped) {
        *error = u"cannot read %1: %2"_s.arg(path, file.errorString());
        return false;
    }
    const detail::Structure structure =
        detail::scanStructure(QByteArrayView(reinterpret_cast<const char *>(mapped), size));
    file.unmap(const_cast<uchar *>(mapped));
    if (structure.refusal != ReadError::None) {
        *error = structure.reason;
        return false;
    }
    std::ifstream stream(Platform::toPath(path), std::ios::binary);
    auto spliced = std::make_shared<detail::SplicedStream>(
        std::make_shared<vmime::utility::inputStreamAdapter>(stream), size_t(size),
        structure.missingBlankLines);
    vmime::parsingContext ctx;
    ctx.setInternationalizedEmailSupport(true);
    auto message = std::make_shared<vmime::message>();
    message->parse(ctx, spliced, 0, spliced->size());
    QStringList warnings;
    detail::addressField(out.bcc, *message->getHeader(), vmime::fields::BCC, file, &warnings);
    out.inReplyTo = idsOf(*message->getHeader(), vmime::fields::IN_REPLY_TO).value(0);
    out.references = idsOf(*message->getHeader(), vmime::fields::REFERENCES);
    collectNames(*message, out.nameByContentId);
    return true;
}

QString fallbackName(const Attachment &a, int number)
{
    const QString suffix = QMimeDatabase().mimeTypeForName(a.contentType).preferredSuffix();
    return u"image%1"_s.arg(number) + (suffix.isEmpty() ? QString() : u'.' + suffix);
}

} // namespace

std::optional<OutgoingMessage> readOutgoing(const QString &path, const QString &fileDirectory,
                                            QString *error)
{
    const ReadResult read = readMessage(path);
    if (!read.view) {
        *error = read.error;
        return std::nullopt;
    }
    OutgoingFields fields;
    try {
        if (!readFields(path, fields, error))
            return std::nullopt;
    } catch (const std::exception &e) {
        *error = u"the message cannot be parsed: %1"_s.arg(QString::fromLocal8Bit(e.what()));
        return std::nullopt;
    }
    const MessageView &v = *read.view;
    OutgoingMessage m;
    m.from = v.from.value(0);
    m.to = v.to;
    m.cc = v.cc;
    m.bcc = fields.bcc;
    m.replyTo = v.replyTo;
    m.subject = v.subject;
    m.html = v.html;
    // A text made from the HTML is made again when the message is built (from the edited HTML).
    if (v.text && !(v.html && v.text->trimmed() == plainTextFromHtml(*v.html).trimmed()))
        m.text = v.text;
    m.messageId = v.messageId;
    m.date = v.date;
    m.inReplyTo = fields.inReplyTo;
    m.references = fields.references;
    QSet<QString> seenIds;
    for (qsizetype i = 0; i < v.attachments.size(); ++i) {
        const Attachment &a = v.attachments[i];
        if (!a.contentId.isEmpty()) {
            if (seenIds.contains(a.contentId))
                continue; // an embedded part vmime lists twice
            seenIds.insert(a.contentId);
        }
        QString name = a.filename;
        if (name.isEmpty())
            name = fields.nameByContentId.value(a.contentId);
        if (name.isEmpty())
            name = fallbackName(a, int(m.inlineImages.size() + 1));
        const QString saved = saveViewAttachment(path, int(i), fileDirectory, name, error);
        if (saved.isEmpty())
            return std::nullopt;
        OutgoingFile file{saved, name, a.contentType, a.contentId};
        const bool referenced =
            !a.contentId.isEmpty() && v.html && v.html->contains(u"cid:"_s + a.contentId);
        (referenced ? m.inlineImages : m.attachments).append(file);
    }
    return m;
}

} // namespace Mime
