// SPDX-License-Identifier: GPL-3.0-or-later
#include "pop3plan.h"

#include <algorithm>

namespace Net {

QList<ServerEntry> parseListing(const QByteArray &uidlBody, const QByteArray &listBody)
{
    // "number value" per line; anything else (blank, garbage, a number <= 0) is not a message.
    auto eachLine = [](const QByteArray &body, auto &&take) {
        for (const QByteArray &line : body.split('\n')) {
            const QList<QByteArray> fields = line.trimmed().split(' ');
            if (fields.size() < 2)
                continue;
            bool ok = false;
            const int number = fields.at(0).toInt(&ok);
            if (ok && number > 0)
                take(number, fields.at(1));
        }
    };
    QHash<int, qint64> sizes;
    eachLine(listBody,
             [&](int number, const QByteArray &size) { sizes.insert(number, size.toLongLong()); });
    QList<ServerEntry> out;
    eachLine(uidlBody, [&](int number, const QByteArray &uidl) {
        out.append({number, QString::fromLatin1(uidl), sizes.value(number)});
    });
    return out;
}

SyncPolicy SyncPolicy::of(const Types::AccountSettings &account)
{
    SyncPolicy policy;
    // "Do not leave on server" is "delete as soon as it is safely here".
    policy.deleteAfterDays = account.leaveOnServer ? account.deleteAfterDays : 0;
    policy.deleteWhenDeletedHere = account.deleteWhenDeletedHere;
    policy.sizeLimitBytes =
        account.sizeLimitKb > 0 ? qint64(account.sizeLimitKb) * kKilobyte : kNoSizeLimit;
    return policy;
}

Pop3Plan planSync(const QList<ServerEntry> &listing,
                  const QHash<QString, Types::StoredState> &stored, const SyncPolicy &policy,
                  qint64 now)
{
    Pop3Plan plan;
    const bool deletesByAge = policy.deleteAfterDays >= 0;
    const qint64 storedBefore = now - qint64(policy.deleteAfterDays) * kSecondsPerDay;
    for (const ServerEntry &m : listing) {
        if (plan.onServer.contains(m.uidl)) {
            // A broken server listing one UIDL twice: the first is the message, the
            // other number may be anything, so it is neither fetched nor deleted.
            ++plan.duplicates;
            continue;
        }
        plan.onServer.insert(m.uidl);
        const auto state = stored.constFind(m.uidl);
        const bool known = state != stored.constEnd();
        if (known && (state->complete || state->deletedHere)) {
            ++plan.alreadyStored;
            const bool deletedHere = state->deletedHere && policy.deleteWhenDeletedHere;
            const bool oldEnough = state->complete && deletesByAge && state->stored <= storedBefore;
            if (deletedHere || oldEnough)
                plan.deletions.append(m);
            continue;
        }
        // A message the user opened comes whole whatever the mode or the limit.
        const bool wantBody =
            policy.fetchUidls.contains(m.uidl) ||
            (!policy.headersOnly && (policy.sizeLimitBytes < 0 || m.size <= policy.sizeLimitBytes));
        // A header row exists already for a known headers-only message.
        if (!known && (policy.headersFirst || !wantBody))
            plan.headers.append({m, !wantBody});
        if (wantBody) {
            plan.bodies.append(m);
            plan.bodyBytes += m.size;
        } else {
            ++plan.bodiesLeft;
        }
    }
    plan.deleteBodiesOnceStored = policy.deleteAfterDays == 0;
    for (auto it = stored.cbegin(); it != stored.cend(); ++it)
        if (!plan.onServer.contains(it.key()))
            plan.goneFromServer.append(it.key());
    std::sort(plan.goneFromServer.begin(), plan.goneFromServer.end());
    return plan;
}

} // namespace Net
