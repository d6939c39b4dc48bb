// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client/sendoutcome.h"

#include <QString>

namespace Gui {

// Why a message was not sent, in the user's language, with the server's own words (per refused
// recipient when some were refused).
QString sendErrorText(const Client::SendError &error);
// Its first sentence only (no server words), for the status bar: the Outbox shows the rest.
QString sendErrorSummary(const Client::SendError &error);

} // namespace Gui
