// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/types/accountsettings.h"

#include <QList>
#include <QSslCertificate>
#include <QString>

#include <atomic>
#include <functional>

namespace Store {
class MessageStore;
}

namespace Net {

struct Pop3Account
{
    Types::AccountSettings server;
    QString password;
    QList<QSslCertificate> caCertificates;
    bool allowPlainPassword = false; // needed for security "none"
    int timeoutMs = 30000;
    int deleteAfterDays = -1;          // DELE messages stored locally at least this long ago; -1 never
    std::function<void(const QString &)> trace; // protocol log, passwords redacted
    QList<QByteArray> trustedSha256;   // certificates the user chose to trust (persisted by the caller)
};

struct Pop3Listing
{
    int number = 0;
    QString uidl;
    qint64 size = 0;
    QString subject;
};

struct Pop3SyncResult
{
    bool ok = false;
    QString error;       // English, specific ("the server refused STLS ...", "wrong user name or password")
    int onServer = 0;
    int downloaded = 0;
    int alreadyStored = 0;
    int deleted = 0;
    qint64 bytes = 0;
    QList<Pop3Listing> listing; // filled by listPop3
    QSslCertificate untrustedCertificate; // set when TLS failed on a certificate the user may trust
};

// One synchronous POP3 sync through vmime over our Qt sockets: only messages
// whose UIDL is not stored are downloaded, each written atomically before its
// UIDL counts; messages stay on the server. Blocks: run it on a worker thread.
// progress(done, total, bytes) is called from that thread.
Pop3SyncResult syncPop3(const Pop3Account &account, Store::MessageStore &store,
                        const std::function<void(int, int, qint64)> &progress = {},
                        const std::atomic_bool *cancel = nullptr);

// UIDL, size and subject of every message, headers only (TOP n 0), nothing stored.
Pop3SyncResult listPop3(const Pop3Account &account, const std::atomic_bool *cancel = nullptr);

} // namespace Net
