// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Mime::detail {

// The address as it goes into a header without SMTPUTF8: the local part as typed (ASCII only),
// the domain in its ASCII (IDNA) form. Empty when the address is not one we can send to
// (see isValidAddress in messagebuilder.h).
QString asciiAddress(const QString &address);

} // namespace Mime::detail
