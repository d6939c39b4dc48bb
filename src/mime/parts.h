// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Private to tidings_mime (it names vmime types).
#include <vmime/attachment.hpp>
#include <vmime/message.hpp>

#include <memory>
#include <vector>

namespace Mime::detail {

// Media types vmime's message parser cannot take, made readable as Python's
// email package reads them: "text" without a subtype is text/plain, and a
// single-part message of an unknown text subtype reads as text/plain.
void normalizeTypes(vmime::bodyPart &part, bool root = true);

// The attachments in document order: vmime's verdict, plus text parts that
// are not the body (a second text/plain, text/calendar, a named text part),
// as Python's iter_attachments decides; a first inline text/plain is the body.
std::vector<std::shared_ptr<const vmime::attachment>>
attachmentsOf(const std::shared_ptr<const vmime::message> &message);

} // namespace Mime::detail
