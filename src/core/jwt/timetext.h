// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Jwt {

// How a NumericDate is shown. Texts are translated through QCoreApplication.
QString utcText(qint64 unix);   // "2026-11-23T18:04:05Z"
QString localText(qint64 unix); // ISO 8601 with the local offset
// "expires in 4 min", "expired 3 days ago", "issued 2 h ago", ...
QString relativeText(const QString &claim, qint64 unix, qint64 now);
QString durationText(qint64 seconds); // "4 min", "3 days"

} // namespace Jwt
