// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QMap>
#include <QString>

#include <algorithm>
#include <cmath>

namespace LoadGen {

// What the login clients saw, counted on the one event loop (no locks).
struct LoadStats
{
    QList<double> latenciesMs;   // connect start -> auth-ok, successful logins only
    QMap<QString, int> failures; // by code: server error codes, auth-failed reasons, transport
    bool counting = true;        // false once the run is over: late endings are not counted

    qsizetype logins() const { return latenciesMs.size(); }
    int failed() const
    {
        int n = 0;
        for (const int count : failures)
            n += count;
        return n;
    }
    // Nearest-rank percentile (p in 0..100); 0 when nothing was measured.
    double percentile(double p)
    {
        if (latenciesMs.isEmpty())
            return 0;
        std::sort(latenciesMs.begin(), latenciesMs.end());
        const auto rank = qsizetype(std::ceil(p / 100.0 * double(latenciesMs.size())));
        return latenciesMs[std::clamp<qsizetype>(rank - 1, 0, latenciesMs.size() - 1)];
    }
    QString failuresText() const
    {
        QStringList parts;
        for (auto it = failures.cbegin(); it != failures.cend(); ++it)
            parts.append(it.key() + u':' + QString::number(it.value()));
        return parts.isEmpty() ? QStringLiteral("none") : parts.join(u',');
    }
};

} // namespace LoadGen
