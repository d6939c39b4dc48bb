// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What a mail sync asks and answers, as the window and the CLI see it: no
// store or network type appears here (tidings_client links those PRIVATE).

#include "core/types/accountsettings.h"

#include <QByteArray>
#include <QDateTime>
#include <QMetaType>
#include <QSslCertificate>
#include <QString>
#include <QStringList>

namespace Client {

// Why a sync did not complete. The GUI turns each kind into translated words,
// the CLI into a stable exit code (cli/pop3command.cpp documents them).
enum class SyncErrorKind {
    None,
    Authentication, // the server refused the user name or password
    Certificate,    // TLS certificate not trusted (and the user did not trust it)
    NoUidl,         // the server cannot list unique ids: nothing can be synced safely
    Timeout,        // the server stopped answering
    Cancelled,      // the user (or the caller) cancelled
    DiskFull,       // not enough space for the store
    Protocol,       // the server's answer made no sense
    Connection,     // cannot connect, or the connection broke
    ServerError,    // the server answered -ERR: see serverText
    Password,       // no password: the keyring has none and none was given
    Store,          // the local store could not be opened or written (not for lack of space)
};

struct SyncError
{
    SyncErrorKind kind = SyncErrorKind::None;
    QString serverText; // the server's own words (after -ERR, or its last reply), when there are any
    QString detail;     // English specifics for the protocol log and the CLI
};

// One sync's result: exactly one of these ends every SyncController::start().
struct SyncOutcome
{
    SyncError error;
    QString accountId;
    int onServer = 0;
    int downloaded = 0;
    int alreadyStored = 0;
    int deleted = 0;
    int headersStored = 0;
    int bodiesLeft = 0; // new messages whose body stays on the server (headers only, size limit)
    qint64 bytes = 0;
    bool ok() const { return error.kind == SyncErrorKind::None; }
};

struct SyncProgress
{
    int messagesDone = 0;
    int messagesTotal = 0;
    qint64 bytesDone = 0;
    qint64 bytesTotal = 0; // of the bodies to download (from LIST), 0 when not known yet
};

// A TLS certificate that needs the user's decision before the sync can go on.
struct CertificateQuestion
{
    QString accountId;
    QString host;
    quint16 port = 0;
    QSslCertificate certificate;
    QByteArray pinnedSha256; // non-empty: a different certificate was trusted here before
    QStringList problems;    // what TLS verification said, in English ("The certificate is self-signed ...")
};

// What to sync: the account, its password (from the keyring or a prompt) and
// where the store is.
struct SyncRequest
{
    Types::AccountSettings account;
    QString password;
    QString storeDirectory;
    QStringList fetchUidls;  // bodies to fetch regardless of the size limit (a message the user opened)
    bool headersOnly = false;
    int timeoutMs = 30000;
};

} // namespace Client

Q_DECLARE_METATYPE(Client::SyncOutcome)
Q_DECLARE_METATYPE(Client::SyncProgress)
Q_DECLARE_METATYPE(Client::CertificateQuestion)
