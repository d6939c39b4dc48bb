// SPDX-License-Identifier: GPL-3.0-or-later
#include "messageview.h"

#include "addresses.h"
#include "charsets.h"
#include "limits.h"
#include "newfile.h"
#include "parts.h"
#include "splicedstream.h"
#include "structure.h"

#include "platform/qtpath.h" // a path Windows reads whole, not through a code page

#include <vmime/vmime.hpp>

#include <QBuffer>
#include <QFile>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QStringDecoder>
#include <cstring>
#include <functional>

#include <fstream>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcMime, "tidings.mime",
                   QtWarningMsg) // QT_LOGGING_RULES="tidings.mime.info=true"

namespace Mime {

using namespace detail;

namespace {

class CountingStream : public vmime::utility::outputStream
{
public:
    qint64 count = 0;
    void flush() override {}

protected:
    void writeImpl(const vmime::byte_t *const, const size_t n) override { count += qint64(n); }
};

// The decoded bytes, at most `limit` of them kept (the rest is decoded and dropped).
class LimitedStringStream : public vmime::utility::outputStream
{
public:
    LimitedStringStream(std::string &out, size_t limit)
        : m_out(out)
        , m_limit(limit)
    {}
    void flush() override {}

protected:
    void writeImpl(const vmime::byte_t *const data, const size_t n) override
    {
        if (m_out.size() < m_limit)
            m_out.append(reinterpret_cast<const char *>(data), std::min(n, m_limit - m_out.size()));
    }

private:
    std::string &m_out;
    size_t m_limit;
};

// An unknown or broken Content-Transfer-Encoding costs that part, not the
// message: the text falls back to the bytes as they are, with a warning.
std::string extract(const vmime::contentHandler &data, size_t limit, QStringList *warnings)
{
    std::string out;
    try {
        LimitedStringStream stream(out, limit);
        data.extract(stream);
    } catch (const vmime::exception &e) {
        warnings->append(u"a text part cannot be decoded (%1); shown as it is"_s.arg(
            QString::fromStdString(e.what())));
        out.clear();
        LimitedStringStream raw(out, limit);
        data.extractRaw(raw);
    }
    return out;
}

// The decoded size of a part, or -1 with a warning when it cannot be decoded.
qint64 decodedSize(const vmime::contentHandler &data, QStringList *warnings)
{
    CountingStream count;
    try {
        data.extract(count);
    } catch (const vmime::exception &e) {
        warnings->append(
            u"an attachment cannot be decoded: %1"_s.arg(QString::fromStdString(e.what())));
        return -1;
    }
    return count.count;
}

QString idWithoutBrackets(std::string id)
{
    QString s = QString::fromStdString(id).trimmed();
    if (s.startsWith(u'<') && s.endsWith(u'>'))
        s = s.mid(1, s.size() - 2);
    return s;
}

struct Refusal
{
    ReadError kind = ReadError::None;
    QString reason;
};

struct Parsed
{
    std::ifstream stream;
    std::shared_ptr<vmime::message> message;
};

// `structure` is scanStructure() of the same bytes: over the bounds, vmime never sees them.
Refusal parseFrom(const detail::Structure &structure, qint64 size,
                  const std::shared_ptr<vmime::utility::seekableInputStream> &input, Parsed &p)
{
    if (structure.refusal != ReadError::None) {
        qCInfo(lcMime) << "refused:" << structure.reason;
        return {structure.refusal, structure.reason};
    }
    auto spliced =
        std::make_shared<detail::SplicedStream>(input, size_t(size), structure.missingBlankLines);
    vmime::parsingContext ctx;
    ctx.setInternationalizedEmailSupport(true);
    p.message = std::make_shared<vmime::message>();
    p.message->parse(ctx, spliced, 0, spliced->size());
    normalizeTypes(*p.message);
    return {};
}

Refusal parse(const QString &path, Parsed &p)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {ReadError::CannotOpen, u"cannot open %1: %2"_s.arg(path, file.errorString())};
    p.stream.open(Platform::toPath(path), std::ios::binary);
    if (!p.stream)
        return {ReadError::CannotOpen, u"cannot open %1"_s.arg(path)};
    const qint64 size = file.size();
    detail::Structure structure = detail::checkSize(size);
    if (structure.refusal == ReadError::None) {
        const uchar *mapped = file.map(0, size); // the page cache, not a copy
        if (!mapped)
            return {ReadError::CannotOpen, u"cannot read %1: %2"_s.arg(path, file.errorString())};
        structure =
            detail::scanStructure(QByteArrayView(reinterpret_cast<const char *>(mapped), size));
        file.unmap(const_cast<uchar *>(mapped));
    }
    return parseFrom(structure, size,
                     std::make_shared<vmime::utility::inputStreamAdapter>(p.stream), p);
}

} // namespace

namespace {

// The view of a parsed message; `source` gives the raw bytes of fields vmime misreads.
ReadResult viewOf(const std::function<Refusal(Parsed &)> &parseInto, QIODevice &source,
                  const ReadOptions &options)
{
    // A cut may fall inside a multi-byte character: the decoders then replace only that one.
    const size_t textLimit = options.textLimit < 0 ? std::string::npos : size_t(options.textLimit);
    ReadResult result;
    Parsed p;
    try {
        if (const Refusal refusal = parseInto(p); refusal.kind != ReadError::None) {
            result.kind = refusal.kind;
            result.error = refusal.reason;
            return result;
        }
        MessageView v;
        const auto header = p.message->getHeader();
        vmime::messageParser parser(p.message);
        v.subject = textOf(parser.getSubject(), &v.warnings);
        addressField(v.from, *header, vmime::fields::FROM, source, &v.warnings);
        addressField(v.to, *header, vmime::fields::TO, source, &v.warnings);
        addressField(v.cc, *header, vmime::fields::CC, source, &v.warnings);
        addressField(v.replyTo, *header, "Reply-To", source, &v.warnings);
        // The Date field itself: messageParser::getDate() prefers the first Received: header, so every
        // delivered message showed when it arrived instead of when it was written.
        const auto dateField = header->findField(vmime::fields::DATE);
        const auto dateValue = dateField ? dateField->getValue<vmime::datetime>() : nullptr;
        if (dateField && !dateValue)
            v.warnings << u"the Date header cannot be read"_s;
        if (dateValue) {
            const vmime::datetime &d = *dateValue;
            QDateTime local(QDate(d.getYear(), d.getMonth(), d.getDay()),
                            QTime(d.getHour(), d.getMinute(), d.getSecond()), Qt::OffsetFromUTC,
                            d.getZone() * 60);
            if (local.isValid())
                v.date = local.toUTC();
            else
                v.warnings << u"the Date header cannot be read"_s;
        }
        if (const auto id = header->findField(vmime::fields::MESSAGE_ID))
            v.messageId = idWithoutBrackets(id->getValue()->generate());

        for (const auto &part : parser.getTextPartList()) {
            const vmime::mediaType type = part->getType();
            const QString text = toQString(extract(*part->getText(), textLimit, &v.warnings),
                                           part->getCharset(), &v.warnings);
            if (type.getSubType() == vmime::mediaTypes::TEXT_HTML) {
                if (!v.html)
                    v.html = text;
                const auto html = vmime::dynamicCast<const vmime::htmlTextPart>(part);
                if (!v.text && html && html->getPlainText() && !html->getPlainText()->isEmpty())
                    v.text = toQString(extract(*html->getPlainText(), textLimit, &v.warnings),
                                       part->getCharset(), &v.warnings);
                for (size_t i = 0; html && i < html->getObjectCount(); ++i) {
                    const auto object = html->getObjectAt(i);
                    const qint64 size =
                        options.attachmentSizes ? decodedSize(*object->getData(), &v.warnings) : 0;
                    v.attachments.append({QString(),
                                          QString::fromStdString(object->getType().generate()),
                                          size, idWithoutBrackets(object->getId()), true});
                }
            } else if (!v.text) {
                v.text = text;
            }
        }
        for (const auto &a : attachmentsOf(p.message)) {
            const qint64 size =
                options.attachmentSizes ? decodedSize(*a->getData(), &v.warnings) : 0;
            Attachment out;
            out.filename = wordOf(a->getName(), &v.warnings);
            out.contentType = QString::fromStdString(a->getType().generate());
            out.size = size;
            if (const auto h = a->getHeader()) {
                if (const auto cid = h->findField(vmime::fields::CONTENT_ID))
                    out.contentId = idWithoutBrackets(cid->getValue()->generate());
                if (const auto disposition = h->findField(vmime::fields::CONTENT_DISPOSITION))
                    out.isInline = QString::fromStdString(disposition->getValue()->generate())
                                       .trimmed()
                                       .startsWith(u"inline"_s, Qt::CaseInsensitive);
            }
            v.attachments.append(out);
        }
        result.view = std::move(v);
    } catch (const std::exception &e) {
        result.kind = ReadError::Malformed;
        result.error = u"the message cannot be parsed: %1"_s.arg(QString::fromLocal8Bit(e.what()));
        result.view.reset();
    }
    return result;
}

} // namespace

ReadResult readMessage(const QString &path)
{
    QFile source(path);
    source.open(QIODevice::ReadOnly);
    return viewOf([&](Parsed &p) { return parse(path, p); }, source, ReadOptions());
}

ReadResult readMessageData(const QByteArray &data, const ReadOptions &options)
{
    QBuffer source;
    source.setData(data);
    source.open(QIODevice::ReadOnly);
    return viewOf(
        [&](Parsed &p) {
            return parseFrom(
                detail::scanStructure(data), data.size(),
                std::make_shared<vmime::utility::inputStreamByteBufferAdapter>(
                    reinterpret_cast<const vmime::byte_t *>(data.constData()), size_t(data.size())),
                p);
        },
        source, options);
}

QString sanitizeFileName(const QString &name)
{
    QString s = name;
    // Keep only the last path component, whatever the separator.
    s = s.section(QRegularExpression(u"[/\\\\]"_s), -1);
    QString clean;
    for (const QChar c : s)
        if (c.category() != QChar::Other_Control && c.category() != QChar::Other_Format &&
            !u"<>:\"|?*"_s.contains(c))
            clean += c;
    clean = clean.trimmed();
    while (clean.startsWith(u'.'))
        clean.remove(0, 1); // no "..", no hidden files
    while (clean.endsWith(u'.') || clean.endsWith(u' '))
        clean.chop(1); // Windows drops them silently
    static const QRegularExpression device(u"^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\\..*)?$"_s,
                                           QRegularExpression::CaseInsensitiveOption);
    if (device.match(clean).hasMatch())
        clean.prepend(u'_');
    while (clean.toUtf8().size() > 200)
        clean.chop(1);
    return clean.isEmpty() ? u"attachment"_s : clean;
}

QString extractAttachment(const QString &messagePath, int index, const QString &directory,
                          QString *error)
{
    try {
        Parsed p;
        if (const Refusal refusal = parse(messagePath, p); refusal.kind != ReadError::None) {
            *error = refusal.reason;
            return {};
        }
        const auto list = attachmentsOf(p.message);
        if (index < 0 || size_t(index) >= list.size()) {
            *error = u"there is no attachment %1"_s.arg(index);
            return {};
        }
        QStringList warnings;
        const QString safe = sanitizeFileName(wordOf(list[size_t(index)]->getName(), &warnings));
        QFile out;
        if (!createNewFile(directory, safe, out, error))
            return {};
        // Streamed: the decoded bytes go straight to the file.
        struct FileStream : vmime::utility::outputStream
        {
            QFile &file;
            bool failed = false;
            explicit FileStream(QFile &f)
                : file(f)
            {}
            void flush() override {}
            void writeImpl(const vmime::byte_t *const data, const size_t n) override
            {
                failed = failed ||
                         file.write(reinterpret_cast<const char *>(data), qint64(n)) != qint64(n);
            }
        } stream(out);
        // The file is ours (created just now): on failure it goes, never half-written.
        auto removeOnFailure = qScopeGuard([&out] { out.remove(); });
        list[size_t(index)]->getData()->extract(stream);
        if (stream.failed || !out.flush()) {
            *error = out.errorString();
            return {};
        }
        out.close();
        removeOnFailure.dismiss();
        return out.fileName();
    } catch (const std::exception &e) {
        *error = QString::fromLocal8Bit(e.what());
        return {};
    }
}

} // namespace Mime
