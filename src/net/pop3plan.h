// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What one POP3 sync fetches, keeps and deletes, decided without a server:
// from the server's UIDL and LIST answers, what the store already holds and
// the account's policy. syncPop3 only carries the plan out.

#include "core/types/accountsettings.h"
#include "core/types/mailindex.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

namespace Net {

inline constexpr qint64 kSecondsPerDay = 24 * 60 * 60;
inline constexpr qint64 kKilobyte = 1024;
inline constexpr int kNeverDelete =
    -1; // AccountSettings::deleteAfterDays: leave on the server for good
inline constexpr qint64 kNoSizeLimit = -1;

// One message as the server lists it (UIDL and LIST).
struct ServerEntry
{
    int number = 0;
    QString uidl;
    qint64 size = 0;
    friend bool operator==(const ServerEntry &, const ServerEntry &) = default;
};

// The bodies of UIDL and LIST (dot-unstuffed, CRLF or LF) joined by message
// number, in UIDL order. Lines that are not "number value" are skipped.
QList<ServerEntry> parseListing(const QByteArray &uidlBody, const QByteArray &listBody);

struct SyncPolicy
{
    // 0: delete from the server as soon as the message is durable here ("do not
    // leave on server"); N > 0: once stored here N days ago; kNeverDelete: never.
    int deleteAfterDays = kNeverDelete;
    bool deleteWhenDeletedHere = false;
    qint64 sizeLimitBytes = kNoSizeLimit; // bigger: headers only until the user opens it
    bool headersFirst = true;             // TOP n 0 of every new message before any body
    bool headersOnly = false;             // no bodies at all
    QStringList fetchUidls;               // bodies wanted whatever the size limit or headersOnly

    static SyncPolicy of(const Types::AccountSettings &account);
};

struct Pop3Plan
{
    struct Header
    {
        ServerEntry message;
        bool alone = false; // no body follows in this sync: the header row is what search sees
    };
    QList<Header> headers;               // TOP n 0, in server order
    QList<ServerEntry> bodies;           // RETR, in server order
    QList<ServerEntry> deletions;        // DELE of what is already durable here (age, deleted here)
    bool deleteBodiesOnceStored = false; // DELE each body fetched now once it is durable
    QSet<QString> onServer;              // every UIDL listed
    QStringList
        goneFromServer;    // stored here, no longer listed: their tombstones and header rows go
    int alreadyStored = 0; // complete or deleted here
    int bodiesLeft = 0;    // new messages whose body stays on the server
    int duplicates = 0;    // listings of a UIDL already listed: ignored (never fetched or deleted)
    qint64 bodyBytes = 0;  // sum of LIST sizes of `bodies`
};

// Pure: the same inputs give the same plan. now in seconds since the epoch.
Pop3Plan planSync(const QList<ServerEntry> &listing,
                  const QHash<QString, Types::StoredState> &stored, const SyncPolicy &policy,
                  qint64 now);

} // namespace Net
