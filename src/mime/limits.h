// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>

// The reader's bounds, checked on the raw bytes before vmime sees them:
// vmime's parser recurses per multipart level and rescans each level's
// region, so depth and part count decide its time and memory.
namespace Mime::Limits {

constexpr qint64 kMaxMessageBytes = 512LL * 1024 * 1024;
constexpr qint64 kMaxHeaderBytes = 256 * 1024; // each header block, the message's and each part's
constexpr int kMaxDepth = 50;                  // nested multiparts; real mail rarely goes past 6
constexpr int kMaxParts = 2000;                // boundary delimiter lines in the whole message
// vmime searches each multipart's region for its boundary, so a byte inside
// d levels is read d times: this bounds the reads beyond the first.
constexpr qint64 kMaxRescanBytes = 64LL * 1024 * 1024;
constexpr size_t kMaxReadBytes = 1 << 20; // per stream read (see SplicedStream)

} // namespace Mime::Limits

Q_DECLARE_LOGGING_CATEGORY(lcMime)
