// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/types/mailindex.h"

#include <QByteArray>

namespace Mime {

// The index entry of a message (or of its header alone), read with the message
// reader: what the list shows, search finds and threads link. A message the
// reader refuses gets an entry that says why it is unreadable.
Types::MessageSummary summarize(const QByteArray &message);

} // namespace Mime
