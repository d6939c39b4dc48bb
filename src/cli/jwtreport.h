// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Jwt {
struct Report;
}

namespace Cli {

// The --json object of `jwt inspect` (header and payload with exact numbers).
QString reportToJson(const Jwt::Report &report);
// The readable report, with ANSI colours when colour is true.
QString reportToText(const Jwt::Report &report, bool colour);
// Colours only on a terminal, and never when NO_COLOR is set (no-color.org).
bool useColour();

} // namespace Cli
