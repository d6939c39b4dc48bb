// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/types/accountsettings.h"
#include "core/types/mailindex.h"
#include "net/pop3error.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QSslCertificate>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>

namespace Net {

// Auto: a SASL mechanism the server offers (SCRAM, CRAM-MD5, PLAIN, LOGIN in
// that order), else APOP when the greeting allows, else USER/PASS.
using Pop3Auth = Types::MailAuth;

// One sync's inputs: the account as configured (server, login method and the
// leave/delete/size policies in `server`) plus what exists only at run time.
struct Pop3Account
{
    Types::AccountSettings server;
    QString password;
    QList<QSslCertificate> caCertificates;
    int timeoutMs = 30000;
    bool headersFirst = true; // TOP n 0 for every new message before any body
    bool headersOnly = false; // no bodies at all
    QStringList fetchUidls;   // bodies to fetch regardless of the size limit (opened by the user)
    std::function<void(int)>
        headersStored; // after the headers of new mail are in the index, with their number
    std::function<void(const QString &)> trace; // protocol log, passwords redacted
    QList<QByteArray>
        trustedSha256; // certificates the user chose to trust (persisted by the caller)
};

struct Pop3Listing
{
    int number = 0;
    QString uidl;
    qint64 size = 0;
    QString subject;
};

struct Pop3Progress
{
    int messagesDone = 0;
    int messagesTotal = 0; // bodies to download
    qint64 bytesDone = 0;
    qint64 bytesTotal = 0; // their sizes as LIST gave them
};

struct Pop3SyncResult
{
    Pop3Error error; // kind, the server's words, English detail ("the server refused STLS ...")
    bool ok() const { return error.kind == Pop3ErrorKind::None; }
    int onServer = 0;
    int downloaded = 0;
    int alreadyStored = 0;
    int deleted = 0;
    int headersStored = 0; // header rows written (TOP n 0)
    int bodiesLeft = 0;    // new messages whose body stays on the server (headers only, size limit)
    bool pipelined = false;
    qint64 bytes = 0;
    QList<Pop3Listing> listing; // filled by listPop3
    int duplicates = 0;         // UIDLs the server listed twice (ignored)
    // With Pop3ErrorKind::Certificate: what the user would be asked to trust.
    QSslCertificate untrustedCertificate;
    QByteArray pinnedSha256; // the certificate trusted before, when it changed
    QStringList tlsProblems; // what verification said, in English
};

// Where a sync keeps what it downloads (the client's MessageStore): an
// interface, so that the network layer does not depend on the store. Added
// messages count only after commitGroup() has made the group durable.
class Pop3Sink
{
public:
    virtual ~Pop3Sink() = default;
    virtual QHash<QString, Types::StoredState> states(const QString &account) const = 0;
    virtual bool addHeaders(const QString &account, const QString &uidl, qint64 size,
                            const QByteArray &header, QString *error,
                            const Types::MessageSummary &summary) = 0;
    virtual bool add(const QString &account, const QString &uidl, const QByteArray &message,
                     QString *error, const Types::MessageSummary &summary) = 0;
    virtual void beginGroup() = 0;
    virtual bool commitGroup(QString *error) = 0;
    virtual int pendingInGroup() const = 0;
    virtual void forgetMissing(const QString &account, const QSet<QString> &onServer) = 0;
    virtual QString directory() const = 0; // where the messages go, for the free-space check
    // The last add() or commitGroup() failed for lack of space (the system's code said so).
    virtual bool lastFailureWasDiskFull() const = 0;
};

// One synchronous POP3 sync: vmime connects and authenticates over our Qt
// sockets; UIDL, LIST, TOP, RETR, DELE and QUIT go over its connection through
// Pop3Wire, pipelined when the server allows. Only messages whose UIDL is not
// stored are downloaded: headers first, then bodies, each body durable (in
// groups) before its UIDL counts; DELE only per policy and only for what is
// durable (what to do is planSync's decision, pop3plan.h). Blocks: run it on
// a worker thread. progress is called from that thread: once with nothing
// done when the plan is known, then after each body.
Pop3SyncResult syncPop3(const Pop3Account &account, Pop3Sink &store,
                        const std::function<void(const Pop3Progress &)> &progress = {},
                        const std::atomic_bool *cancel = nullptr);

// UIDL, size and subject of every message, headers only (TOP n 0), nothing stored.
Pop3SyncResult listPop3(const Pop3Account &account, const std::atomic_bool *cancel = nullptr);

} // namespace Net
