// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "messageview.h"

#include <QByteArrayView>

#include <vector>

namespace Mime::detail {

// What one linear pass over the raw bytes learns before vmime parses them.
struct Structure
{
    ReadError refusal = ReadError::None;
    QString reason; // for the user; empty when the message is within the bounds
    // Offsets where a header block ends without its empty line (or where a
    // message without any header starts): the reader inserts one there, so
    // vmime ends the header where Python's email package does.
    std::vector<qint64> missingBlankLines;
};

// Refuses an empty message or one over Limits::kMaxMessageBytes.
Structure checkSize(qint64 size);

// The same, then unfolds every header block (the message's and each part's), follows the
// multipart boundaries as vmime matches them and counts depth and parts.
Structure scanStructure(QByteArrayView data);

} // namespace Mime::detail
