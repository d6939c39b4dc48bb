// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client/syncoutcome.h"

namespace Gui {

// What the status bar says when Get Mail did not complete: translated words
// for the kind, with the server's own words where it gave any.
QString syncErrorText(const Client::SyncError &error, const QString &accountName);

} // namespace Gui
