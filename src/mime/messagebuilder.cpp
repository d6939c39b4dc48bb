// SPDX-License-Identifier: GPL-3.0-or-later
// Outgoing messages through vmime's components, generated with our own context (no 8-bit header,
// ever: VMIME-NOTES #186) straight into the output device, the files streamed from disk.
#include "messagebuilder.h"

#include "addressrules.h"
#include "headerencoding.h"
#include "outgoingstreams.h"
#include "quotedprintable.h"

#include "crypto/crypto.h"

#include <vmime/contentDispositionField.hpp>
#include <vmime/contentTypeField.hpp>
#include <vmime/vmime.hpp>

#include <QFileDevice>
#include <QFileInfo>
#include <QMimeDatabase>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Mime {

namespace {

using detail::BuildFailed;

// No SMTPUTF8 anywhere downstream is assumed: a raw UTF-8 header bounces there.
vmime::generationContext outgoingContext()
{
    vmime::generationContext ctx;
    ctx.setInternationalizedEmailSupport(false);
    ctx.setEncodedParameterValueMode(vmime::generationContext::PARAMETER_VALUE_RFC2231_ONLY);
    ctx.setMaxLineLength(vmime::lineLengthLimits::convenient);
    return ctx;
}

std::string utf8(const QString &s)
{
    return s.toUtf8().toStdString();
}

bool isAscii(const QString &s)
{
    return std::all_of(s.begin(), s.end(), [](QChar c) { return c.unicode() < 0x80; });
}

vmime::word wordOf(const QString &s)
{
    return vmime::word(
        utf8(s), vmime::charset(isAscii(s) ? vmime::charsets::US_ASCII : vmime::charsets::UTF_8));
}

// Neither quoted-printable nor base64 output can contain "=_": the boundary never occurs in a
// part's body.
std::string newBoundary()
{
    return "=_tidings_" + Crypto::randomBytes(12).toHex().toStdString();
}

// The addresses in their ASCII form (IDNA domains); an invalid one fails the build.
QList<Address> asciiAddresses(const QList<Address> &list)
{
    QList<Address> out;
    for (const Address &a : list) {
        const QString ascii = detail::asciiAddress(a.address.trimmed());
        if (ascii.isEmpty())
            throw BuildFailed(u"invalid address: %1"_s.arg(a.address));
        out << Address{a.name, ascii};
    }
    return out;
}

void addAddressField(vmime::header &header, const char *name, const QList<Address> &list)
{
    if (!list.isEmpty())
        header.appendField(std::make_shared<detail::RawField>(
            name, detail::addressListValue(asciiAddresses(list))));
}

std::shared_ptr<vmime::messageId> messageIdOf(const QString &id)
{
    const qsizetype at = id.lastIndexOf(u'@');
    if (at <= 0 || !isAscii(id) || id.contains(u'<') || id.contains(u'>') || id.contains(u' '))
        throw BuildFailed(u"invalid message id: %1"_s.arg(id));
    return std::make_shared<vmime::messageId>(id.left(at).toStdString(),
                                              id.mid(at + 1).toStdString());
}

vmime::datetime datetimeOf(const QDateTime &when)
{
    const QDateTime d = when.isValid() ? when : QDateTime::currentDateTime();
    const QDateTime local = d.toOffsetFromUtc(d.offsetFromUtc());
    const QDate day = local.date();
    const QTime time = local.time();
    return vmime::datetime(day.year(), day.month(), day.day(), time.hour(), time.minute(),
                           time.second(), d.offsetFromUtc() / 60);
}

void writeEnvelope(vmime::header &header, const OutgoingMessage &m, const QString &messageId)
{
    addAddressField(header, vmime::fields::FROM, {m.from});
    addAddressField(header, vmime::fields::TO, m.to);
    addAddressField(header, vmime::fields::CC, m.cc);
    if (m.keepBcc)
        addAddressField(header, vmime::fields::BCC, m.bcc);
    addAddressField(header, vmime::fields::REPLY_TO, m.replyTo);
    header.appendField(std::make_shared<detail::RawField>(vmime::fields::SUBJECT,
                                                          detail::unstructuredValue(m.subject)));
    header.Date()->setValue(datetimeOf(m.date));
    header.MessageId()->setValue(messageIdOf(messageId));
    if (!m.inReplyTo.isEmpty()) {
        auto ids = std::make_shared<vmime::messageIdSequence>();
        ids->appendMessageId(messageIdOf(m.inReplyTo));
        header.InReplyTo()->setValue(ids);
    }
    if (!m.references.isEmpty()) {
        auto ids = std::make_shared<vmime::messageIdSequence>();
        for (const QString &id : m.references)
            ids->appendMessageId(messageIdOf(id));
        header.References()->setValue(ids);
    }
    header.MimeVersion()->setValue(vmime::string("1.0"));
}

// A file of the message, opened before anything is written.
struct OpenFile
{
    OutgoingFile spec;
    std::shared_ptr<detail::FileInputStream> stream;
};

OpenFile openFile(const OutgoingFile &file)
{
    OpenFile out{file, std::make_shared<detail::FileInputStream>(file.path)};
    QString error;
    if (!out.stream->open(&error))
        throw BuildFailed(error);
    if (out.spec.filename.isEmpty())
        out.spec.filename = QFileInfo(file.path).fileName();
    if (out.spec.contentType.isEmpty()) {
        const QMimeDatabase db;
        const QList<QMimeType> byName = db.mimeTypesForFileName(out.spec.filename);
        out.spec.contentType =
            byName.isEmpty() ? db.mimeTypeForFile(file.path, QMimeDatabase::MatchContent).name()
                             : byName.first().name();
    }
    if (out.spec.contentType == u"application/x-zerosize"_s) // an empty file: no type to tell
        out.spec.contentType = u"application/octet-stream"_s;
    static const QRegularExpression token(u"^[A-Za-z0-9!#$&^_.+-]+/[A-Za-z0-9!#$&^_.+-]+$"_s);
    if (!token.match(out.spec.contentType).hasMatch())
        out.spec.contentType = u"application/octet-stream"_s;
    return out;
}

std::shared_ptr<vmime::bodyPart> newPart()
{
    return std::make_shared<vmime::bodyPart>();
}

std::shared_ptr<vmime::bodyPart> textPart(std::shared_ptr<vmime::bodyPart> part,
                                          const QString &text, const char *subtype)
{
    const vmime::encoding qp(vmime::encodingTypes::QUOTED_PRINTABLE, vmime::encoding::USAGE_TEXT);
    // Encoded here (detail::quotedPrintable says why); vmime writes encoded contents as they are.
    const QByteArray encoded = detail::quotedPrintable(text.toUtf8());
    part->getBody()->setContents(
        std::make_shared<vmime::stringContentHandler>(encoded.toStdString(), qp),
        vmime::mediaType(vmime::mediaTypes::TEXT, subtype), vmime::charset(vmime::charsets::UTF_8),
        qp);
    return part;
}

std::shared_ptr<vmime::bodyPart>
multipart(std::shared_ptr<vmime::bodyPart> part, const char *subtype,
          const std::vector<std::shared_ptr<vmime::bodyPart>> &children)
{
    auto type = part->getHeader()->getField<vmime::contentTypeField>(vmime::fields::CONTENT_TYPE);
    type->setValue(vmime::mediaType(vmime::mediaTypes::MULTIPART, subtype));
    type->setBoundary(newBoundary());
    if (std::string(subtype) == vmime::mediaTypes::MULTIPART_RELATED) // RFC 2387: the root's type
        type->appendParameter(std::make_shared<vmime::parameter>("type", "text/html"));
    for (const auto &child : children)
        part->getBody()->appendPart(child);
    return part;
}

// The file's bytes are read from disk only while the part is generated, in the encoder's blocks.
std::shared_ptr<vmime::bodyPart> filePart(const OpenFile &file, bool isInline)
{
    auto part = newPart();
    const vmime::mediaType type(file.spec.contentType.toStdString());
    part->getBody()->setContents(
        std::make_shared<vmime::streamContentHandler>(file.stream, size_t(file.stream->size())),
        type);
    part->getBody()->setEncoding(
        vmime::encoding(vmime::encodingTypes::BASE64, vmime::encoding::USAGE_BINARY_DATA));
    auto header = part->getHeader();
    header->getField<vmime::contentTypeField>(vmime::fields::CONTENT_TYPE)
        ->appendParameter(std::make_shared<vmime::parameter>("name", wordOf(file.spec.filename)));
    auto disposition =
        header->getField<vmime::contentDispositionField>(vmime::fields::CONTENT_DISPOSITION);
    disposition->setValue(
        vmime::contentDisposition(isInline ? vmime::contentDispositionTypes::INLINE
                                           : vmime::contentDispositionTypes::ATTACHMENT));
    disposition->setFilename(wordOf(file.spec.filename));
    if (!file.spec.contentId.isEmpty())
        header->ContentId()->setValue(messageIdOf(file.spec.contentId));
    return part;
}

// text/plain alone, or multipart/alternative of text/plain and the HTML (multipart/related with
// its inline images).
std::shared_ptr<vmime::bodyPart> bodyOf(std::shared_ptr<vmime::bodyPart> part,
                                        const OutgoingMessage &m,
                                        const std::vector<OpenFile> &inlineImages)
{
    if (!m.html)
        return textPart(part, m.text.value_or(QString()), vmime::mediaTypes::TEXT_PLAIN);
    const QString text = m.text ? *m.text : plainTextFromHtml(*m.html);
    std::shared_ptr<vmime::bodyPart> html =
        textPart(newPart(), *m.html, vmime::mediaTypes::TEXT_HTML);
    if (!inlineImages.empty()) {
        std::vector<std::shared_ptr<vmime::bodyPart>> related{html};
        for (const OpenFile &image : inlineImages)
            related.push_back(filePart(image, true));
        html = multipart(newPart(), vmime::mediaTypes::MULTIPART_RELATED, related);
    }
    return multipart(part, vmime::mediaTypes::MULTIPART_ALTERNATIVE,
                     {textPart(newPart(), text, vmime::mediaTypes::TEXT_PLAIN), html});
}

QString domainOf(const QString &address)
{
    const QString ascii = detail::asciiAddress(address.trimmed());
    return ascii.isEmpty() ? QString() : ascii.mid(ascii.indexOf(u'@') + 1).toLower();
}

} // namespace

QString makeMessageId(const QString &senderAddress)
{
    QString domain = domainOf(senderAddress);
    if (domain.isEmpty())
        domain = u"tidings.invalid"_s; // never the local host name
    const QByteArray random = Crypto::randomBytes(18).toBase64(QByteArray::Base64UrlEncoding |
                                                               QByteArray::OmitTrailingEquals);
    return QString::fromLatin1(random) + u'@' + domain;
}

BuildResult buildMessage(const OutgoingMessage &message, QIODevice &out)
{
    BuildResult result;
    detail::DeviceOutputStream stream(out);
    try {
        const QString domain = domainOf(message.from.address);
        if (domain.isEmpty())
            throw BuildFailed(u"invalid sender address: %1"_s.arg(message.from.address));
        result.messageId =
            message.messageId.isEmpty() ? makeMessageId(message.from.address) : message.messageId;
        std::vector<OpenFile> inlineImages;
        std::vector<OpenFile> attachments;
        for (const OutgoingFile &f : message.inlineImages) {
            OpenFile file = openFile(f);
            if (file.spec.contentId.isEmpty())
                file.spec.contentId = makeMessageId(message.from.address);
            // Without HTML nothing refers to them: they travel as attachments.
            (message.html ? inlineImages : attachments).push_back(std::move(file));
        }
        for (const OutgoingFile &f : message.attachments)
            attachments.push_back(openFile(f));

        auto root = std::make_shared<vmime::message>();
        writeEnvelope(*root->getHeader(), message, result.messageId);
        // The message is the top part: its content fields follow the envelope's.
        if (attachments.empty()) {
            bodyOf(root, message, inlineImages);
        } else {
            std::vector<std::shared_ptr<vmime::bodyPart>> mixed{
                bodyOf(newPart(), message, inlineImages)};
            for (const OpenFile &file : attachments)
                mixed.push_back(filePart(file, false));
            multipart(root, vmime::mediaTypes::MULTIPART_MIXED, mixed);
        }

        root->generate(outgoingContext(), stream);
        if (auto *file = qobject_cast<QFileDevice *>(&out); file && !file->flush())
            throw BuildFailed(u"cannot write the message: %1"_s.arg(file->errorString()));
        result.ok = true;
    } catch (const std::exception &e) {
        result.error = QString::fromStdString(e.what());
    }
    result.size = stream.written();
    return result;
}

} // namespace Mime
