// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/types/accountsettings.h"

#include <QByteArray>
#include <QList>
#include <QSslCertificate>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <vector>

namespace Net {

struct SmtpServer
{
    QString host;
    quint16 port = 465;
    Types::MailSecurity security = Types::MailSecurity::Tls;
    QString user;     // empty: no AUTH (a server that needs none)
    QString password;
    bool allowPlainPassword = false; // security None only, and only when the user says so
    QList<QSslCertificate> caCertificates;
    QList<QByteArray> trustedSha256;
    int timeoutMs = 30000;           // silence allowed while commands and data move
    int finalReplyTimeoutMs = 600000; // after the end of data (RFC 5321 4.5.3.2.6: 10 minutes)
    int messagesPerConnection = 100;  // then QUIT and a new connection
};

// One message to send: the file as stored (Bcc may be in it: it is removed from what is sent),
// the envelope from its headers unless given.
struct SmtpJob
{
    qint64 id = 0;          // the caller's (the Outbox row)
    QString path;
    QString envelopeFrom;   // empty: the From (or Sender) of the headers
    QStringList recipients; // empty: To, Cc and Bcc of the headers
};

enum class SmtpErrorKind {
    None,
    Connection,         // DNS, connect, connection lost
    Certificate,        // not trusted, or a pinned one changed (see certificate fields)
    StartTlsRefused,    // the server did not offer or refused STARTTLS: nothing else was sent
    Authentication,     // the server refused the login
    NoSecureAuth,       // no mechanism the server offers may carry the password here
    Timeout,
    Cancelled,
    SenderRefused,      // MAIL FROM
    RecipientsRefused,  // one or more RCPT TO (see refused); the message was not sent
    MessageRefused,     // the reply after the data
    Protocol,           // not SMTP
    Message,            // the file cannot be read or has no sender or recipient
};

struct RecipientRefusal
{
    QString address;
    int code = 0;
    QString text; // the server's words
};

struct SmtpError
{
    SmtpErrorKind kind = SmtpErrorKind::None;
    QString message;    // in English, for logs and the CLI
    int code = 0;       // the server's reply code, when it answered
    QString serverText; // the server's words (after the code), when it answered
    QList<RecipientRefusal> refused;
    // Certificate: what the user is shown before trusting it.
    QSslCertificate certificate;
    QByteArray pinnedSha256;
    QStringList tlsProblems;
    bool ok() const { return kind == SmtpErrorKind::None; }
};

struct SmtpCallbacks
{
    std::function<void(qint64 id, qint64 sent, qint64 total)> progress; // bytes of the current message
    std::function<void(qint64 id, const SmtpError &result)> finished;  // once per job, in order
    std::function<void(const QString &line)> trace; // "C: …"/"S: …", secrets redacted
};

// Sends every job over as few connections as messagesPerConnection allows, pipelining
// (RFC 2920) when the server offers it: the end of one message's data goes out with the next
// message's MAIL, RCPT and DATA. Runs synchronously on the calling (worker) thread; cancel is
// polled. A connection-level failure fails the jobs not yet sent with the same error. Returns
// the first error of the connection, if any (None when every job was attempted).
SmtpError sendMail(const SmtpServer &server, const std::vector<SmtpJob> &jobs,
                   const SmtpCallbacks &callbacks, const std::atomic_bool *cancel);

QString smtpErrorKindName(SmtpErrorKind kind); // stable: "recipients-refused"

} // namespace Net
