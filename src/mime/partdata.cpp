// SPDX-License-Identifier: GPL-3.0-or-later
#include "partdata.h"

#include "limits.h"
#include "messageview.h"
#include "newfile.h"
#include "parts.h"
#include "splicedstream.h"
#include "structure.h"

#include "platform/qtpath.h" // a path Windows reads whole, not through a code page

#include <vmime/contentTypeField.hpp>
#include <vmime/vmime.hpp>

#include <QFile>
#include <QIODevice>
#include <QScopeGuard>

#include <fstream>

using namespace Qt::StringLiterals;

namespace Mime {

namespace {

struct OpenMessage
{
    std::ifstream stream; // vmime's parts read their bodies from it: it lives as long as they do
    std::shared_ptr<vmime::message> message;
};

// The reader's parse (messagereader.cpp): the same structure scan and bounds
// first, so the parts counted here are the ones readMessage saw.
bool open(const QString &path, OpenMessage &m, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = u"cannot open %1: %2"_s.arg(path, file.errorString());
        return false;
    }
    const qint64 size = file.size();
    detail::Structure structure = detail::checkSize(size);
    if (structure.refusal == ReadError::None) {
        const uchar *mapped = file.map(0, size);
        if (!mapped) {
            *error = u"cannot read %1: %2"_s.arg(path, file.errorString());
            return false;
        }
        structure =
            detail::scanStructure(QByteArrayView(reinterpret_cast<const char *>(mapped), size));
        file.unmap(const_cast<uchar *>(mapped));
    }
    if (structure.refusal != ReadError::None) {
        *error = structure.reason;
        return false;
    }
    m.stream.open(Platform::toPath(path), std::ios::binary);
    if (!m.stream) {
        *error = u"cannot open %1"_s.arg(path);
        return false;
    }
    auto spliced = std::make_shared<detail::SplicedStream>(
        std::make_shared<vmime::utility::inputStreamAdapter>(m.stream), size_t(size),
        structure.missingBlankLines);
    vmime::parsingContext ctx;
    ctx.setInternationalizedEmailSupport(true);
    m.message = std::make_shared<vmime::message>();
    m.message->parse(ctx, spliced, 0, spliced->size());
    detail::normalizeTypes(*m.message);
    return true;
}

QString idWithoutBrackets(const std::string &id)
{
    QString s = QString::fromStdString(id).trimmed();
    if (s.startsWith(u'<') && s.endsWith(u'>'))
        s = s.mid(1, s.size() - 2);
    return s;
}

// The decoded data of every entry of MessageView::attachments, in its order:
// the objects each HTML part embeds, then the attachments (messagereader.cpp).
std::vector<std::shared_ptr<const vmime::contentHandler>>
viewAttachmentData(const std::shared_ptr<vmime::message> &message)
{
    std::vector<std::shared_ptr<const vmime::contentHandler>> out;
    vmime::messageParser parser(message);
    for (const auto &part : parser.getTextPartList()) {
        if (part->getType().getSubType() != vmime::mediaTypes::TEXT_HTML)
            continue;
        const auto html = vmime::dynamicCast<const vmime::htmlTextPart>(part);
        for (size_t i = 0; html && i < html->getObjectCount(); ++i)
            out.push_back(html->getObjectAt(i)->getData());
    }
    for (const auto &a : detail::attachmentsOf(message))
        out.push_back(a->getData());
    return out;
}

bool isAttachmentDisposition(const vmime::bodyPart &part)
{
    const auto field = part.getHeader()->findField(vmime::fields::CONTENT_DISPOSITION);
    return field && QString::fromStdString(field->getValue()->generate())
                        .trimmed()
                        .startsWith(u"attachment"_s, Qt::CaseInsensitive);
}

// The first text/plain leaf that is not an attachment: the plain body.
std::shared_ptr<const vmime::contentTypeField> plainBodyType(const vmime::bodyPart &part)
{
    const auto body = part.getBody();
    if (body->getPartCount() == 0) {
        const auto field =
            part.getHeader()->findField<vmime::contentTypeField>(vmime::fields::CONTENT_TYPE);
        const vmime::mediaType type = body->getContentType();
        if (type.getType() == vmime::mediaTypes::TEXT &&
            type.getSubType() == vmime::mediaTypes::TEXT_PLAIN && !isAttachmentDisposition(part))
            return field;
        return {};
    }
    for (size_t i = 0; i < body->getPartCount(); ++i)
        if (const auto found = plainBodyType(*body->getPartAt(i)))
            return found;
    return {};
}

QString parameterOf(const vmime::contentTypeField &field, const char *name)
{
    const auto p = field.findParameter(name);
    return p ? QString::fromStdString(p->getValue().generate()).trimmed().remove(u'"') : QString();
}

// Keeps at most `limit` bytes; `overflow` says more were offered.
class BoundedStream : public vmime::utility::outputStream
{
public:
    BoundedStream(QByteArray &out, qint64 limit)
        : m_out(out)
        , m_limit(limit)
    {}
    bool overflow = false;
    void flush() override {}

protected:
    void writeImpl(const vmime::byte_t *const data, const size_t n) override
    {
        if (overflow || m_out.size() + qint64(n) > m_limit) {
            overflow = true;
            return;
        }
        m_out.append(reinterpret_cast<const char *>(data), qint64(n));
    }

private:
    QByteArray &m_out;
    qint64 m_limit;
};

class DeviceStream : public vmime::utility::outputStream
{
public:
    explicit DeviceStream(QIODevice &device)
        : m_device(device)
    {}
    bool failed = false;
    void flush() override {}

protected:
    void writeImpl(const vmime::byte_t *const data, const size_t n) override
    {
        failed =
            failed || m_device.write(reinterpret_cast<const char *>(data), qint64(n)) != qint64(n);
    }

private:
    QIODevice &m_device;
};

} // namespace

DisplayParts readDisplayParts(const QString &path)
{
    DisplayParts out;
    try {
        OpenMessage m;
        if (!open(path, m, &out.error))
            return out;
        if (const auto type = plainBodyType(*m.message)) {
            out.flowed =
                parameterOf(*type, "format").compare(u"flowed"_s, Qt::CaseInsensitive) == 0;
            out.delSp = parameterOf(*type, "delsp").compare(u"yes"_s, Qt::CaseInsensitive) == 0;
        }
        qint64 total = 0;
        vmime::messageParser parser(m.message);
        for (const auto &part : parser.getTextPartList()) {
            const auto html = vmime::dynamicCast<const vmime::htmlTextPart>(part);
            for (size_t i = 0; html && i < html->getObjectCount(); ++i) {
                const auto object = html->getObjectAt(i);
                if (object->getReferenceType() !=
                    vmime::htmlTextPart::embeddedObject::REFERENCED_BY_ID)
                    continue;
                const QString id = idWithoutBrackets(object->getId());
                if (out.inlineParts.size() >= PartLimits::kMaxInlineParts) {
                    out.warnings << u"more than %1 embedded parts; the rest are not shown"_s.arg(
                        PartLimits::kMaxInlineParts);
                    return out;
                }
                InlinePart inlinePart{id, QString::fromStdString(object->getType().generate()), {}};
                const qint64 room = std::min(PartLimits::kMaxInlinePartBytes,
                                             PartLimits::kMaxInlineTotalBytes - total);
                BoundedStream stream(inlinePart.data, room);
                object->getData()->extract(stream);
                if (stream.overflow) {
                    out.warnings << u"the embedded part <%1> is too large to show"_s.arg(id);
                    continue;
                }
                total += inlinePart.data.size();
                out.inlineParts.append(std::move(inlinePart));
            }
        }
    } catch (const std::exception &e) {
        out.error = u"the message cannot be parsed: %1"_s.arg(QString::fromLocal8Bit(e.what()));
    }
    return out;
}

bool writeViewAttachment(const QString &path, int index, QIODevice &out, QString *error)
{
    try {
        OpenMessage m;
        if (!open(path, m, error))
            return false;
        const auto data = viewAttachmentData(m.message);
        if (index < 0 || size_t(index) >= data.size()) {
            *error = u"there is no attachment %1"_s.arg(index);
            return false;
        }
        DeviceStream stream(out);
        data[size_t(index)]->extract(stream);
        if (stream.failed) {
            *error = out.errorString();
            return false;
        }
        return true;
    } catch (const std::exception &e) {
        *error = QString::fromLocal8Bit(e.what());
        return false;
    }
}

QString saveViewAttachment(const QString &path, int index, const QString &directory,
                           const QString &name, QString *error)
{
    QFile file;
    if (!detail::createNewFile(directory, sanitizeFileName(name), file, error))
        return {};
    // The file is ours (created just now): on failure it goes, never half-written.
    auto removeOnFailure = qScopeGuard([&file] { file.remove(); });
    if (!writeViewAttachment(path, index, file, error))
        return {};
    if (!file.flush()) {
        *error = file.errorString();
        return {};
    }
    file.close();
    removeOnFailure.dismiss();
    return file.fileName();
}

} // namespace Mime
