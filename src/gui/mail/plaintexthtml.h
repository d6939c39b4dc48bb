// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Gui {

// A plain text body as HTML for the view: every character escaped, lines kept
// (wrapped by the view), quoted lines ("> ") in a colour per depth, and
// http, https and mailto addresses as links; nothing else becomes a link.
QString plainTextToHtml(const QString &text);

} // namespace Gui
