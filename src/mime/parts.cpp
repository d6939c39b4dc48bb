// SPDX-License-Identifier: GPL-3.0-or-later
#include "parts.h"

#include <vmime/bodyPartAttachment.hpp>
#include <vmime/contentDispositionField.hpp>
#include <vmime/contentTypeField.hpp>
#include <vmime/vmime.hpp>

#include <set>

namespace Mime::detail {

namespace {

using PartPtr = std::shared_ptr<const vmime::bodyPart>;

std::shared_ptr<vmime::contentTypeField> contentTypeOf(vmime::bodyPart &part)
{
    return part.getHeader()->findField<vmime::contentTypeField>(vmime::fields::CONTENT_TYPE);
}

bool isDispositionAttachment(const PartPtr &part)
{
    const auto field = part->getHeader()->findField<vmime::contentDispositionField>(
        vmime::fields::CONTENT_DISPOSITION);
    return field && field->getValue<vmime::contentDisposition>()->getName() ==
                        vmime::contentDispositionTypes::ATTACHMENT;
}

// Python's email: the first text/plain, text/html, multipart/alternative and
// multipart/related of a multipart are its body, unless marked attachment.
bool isBodyCandidate(const vmime::mediaType &type)
{
    const std::string t = type.getType();
    const std::string s = type.getSubType();
    return (t == vmime::mediaTypes::TEXT &&
            (s == vmime::mediaTypes::TEXT_PLAIN || s == vmime::mediaTypes::TEXT_HTML)) ||
           (t == vmime::mediaTypes::MULTIPART && (s == vmime::mediaTypes::MULTIPART_ALTERNATIVE ||
                                                  s == vmime::mediaTypes::MULTIPART_RELATED));
}

void collect(const PartPtr &part, std::vector<std::shared_ptr<const vmime::attachment>> &out)
{
    const auto body = part->getBody();
    const vmime::mediaType parentType = body->getContentType();
    const bool alternative = parentType.getSubType() == vmime::mediaTypes::MULTIPART_ALTERNATIVE;
    std::set<std::string> seen; // body candidate subtypes already taken
    for (size_t i = 0; i < body->getPartCount(); ++i) {
        const PartPtr child = body->getPartAt(i);
        const vmime::mediaType type = child->getBody()->getContentType();
        const bool candidate = isBodyCandidate(type) && !isDispositionAttachment(child) &&
                               !seen.count(type.getSubType());
        if (candidate)
            seen.insert(type.getSubType());
        if (const auto att = vmime::attachmentHelper::getBodyPartAttachment(child)) {
            // vmime calls an inline text part without Content-ID an attachment: not the body.
            if (!(candidate && type.getType() == vmime::mediaTypes::TEXT))
                out.push_back(att);
        } else if (child->getBody()->getPartCount() > 0) {
            collect(child, out);
        } else if (type.getType() == vmime::mediaTypes::TEXT && !candidate && !alternative) {
            out.push_back(std::make_shared<vmime::bodyPartAttachment>(child));
        }
    }
}

} // namespace

void normalizeTypes(vmime::bodyPart &part, bool root)
{
    const auto body = part.getBody();
    for (size_t i = 0; i < body->getPartCount(); ++i)
        normalizeTypes(*body->getPartAt(i), false);
    const auto field = contentTypeOf(part);
    if (!field)
        return;
    const vmime::mediaType type = *field->getValue<vmime::mediaType>();
    if (type.getType() != vmime::mediaTypes::TEXT)
        return;
    const std::string sub = type.getSubType();
    // vmime reads "text" without a subtype as text/octet-stream (its default
    // subtype), and its text part factory knows plain and html only: it
    // throws where a single-part message is any other text.
    const bool noSubtype = sub.empty() || sub == vmime::mediaTypes::APPLICATION_OCTET_STREAM;
    const bool unknownRoot = root && body->getPartCount() == 0 &&
                             sub != vmime::mediaTypes::TEXT_PLAIN &&
                             sub != vmime::mediaTypes::TEXT_HTML;
    if (noSubtype || unknownRoot)
        field->setValue(vmime::mediaType(vmime::mediaTypes::TEXT, vmime::mediaTypes::TEXT_PLAIN));
}

std::vector<std::shared_ptr<const vmime::attachment>>
attachmentsOf(const std::shared_ptr<const vmime::message> &message)
{
    std::vector<std::shared_ptr<const vmime::attachment>> out;
    if (message->getBody()->getPartCount() == 0) {
        if (const auto att = vmime::attachmentHelper::getBodyPartAttachment(message))
            out.push_back(att);
        return out;
    }
    collect(message, out);
    return out;
}

} // namespace Mime::detail
