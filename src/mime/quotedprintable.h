// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

namespace Mime::detail {

// RFC 2045 6.7 quoted-printable of text: each line end of `text` (LF, CR or CRLF) becomes a hard
// CRLF, encoded lines are at most 76 characters with soft breaks never inside "=XX", trailing
// spaces and tabs encoded, "From " at a line start encoded (mbox). Ours because vmime 0.9.2's
// encoder put a soft break between the CR and the LF of a line end that fell at the limit.
QByteArray quotedPrintable(const QByteArray &text);

} // namespace Mime::detail
