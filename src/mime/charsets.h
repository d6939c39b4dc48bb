// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Private to tidings_mime (it names vmime types).
#include <vmime/charset.hpp>
#include <vmime/text.hpp>
#include <vmime/word.hpp>

#include <QStringList>

namespace Mime::detail {

// The charset the bytes are really in (aliases, lying labels).
vmime::charset realCharset(const vmime::charset &label);
// Bytes in `label` as text; raw 8-bit labelled us-ascii/UTF-8 is UTF-8 if
// valid, else GB18030 or windows-1252. A charset that cannot be converted
// adds a warning.
QString toQString(const std::string &bytes, const vmime::charset &label, QStringList *warnings);
QString textOf(const vmime::text &t, QStringList *warnings);
QString wordOf(const vmime::word &w, QStringList *warnings);

} // namespace Mime::detail
