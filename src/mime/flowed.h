// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Mime {

// RFC 3676 (text/plain; format=flowed): joins the lines of each paragraph
// that end in a soft break (a trailing space) within the same quote depth,
// removes space-stuffing and, with DelSp=yes, the soft break's space. The
// signature separator "-- " is never a soft break. Quoted paragraphs come out
// as one line each, prefixed with one '>' per level and a space.
QString unflowText(const QString &text, bool delSp);

} // namespace Mime
