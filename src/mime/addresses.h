// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Private to tidings_mime (it names vmime types).
#include "messageview.h"

#include <vmime/header.hpp>

class QIODevice;

namespace Mime::detail {

// The addresses of header field `name` (From, To, Cc, Reply-To), read from
// the field's own bytes in `source` as an address list.
void addressField(QList<Address> &out, const vmime::header &header, const char *name,
                  QIODevice &source, QStringList *warnings);

} // namespace Mime::detail
