// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What sending mail answers, as the window and the status bar see it: no store or network type
// appears here (tidings_client links those PRIVATE). Certificate questions reuse
// Client::CertificateQuestion of syncoutcome.h.

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

namespace Client {

// Why a message was not sent. The GUI turns each kind into translated words; the Outbox keeps
// the kind by its stable name (sendErrorKindName).
enum class SendErrorKind {
    None,
    Connection,        // cannot connect, or the connection broke
    Certificate,       // TLS certificate not trusted (and the user did not trust it)
    StartTlsRefused,   // STARTTLS not offered or refused: nothing else was sent
    Authentication,    // the server refused the user name or password
    NoSecureAuth,      // no login method the server offers may carry the password here
    Timeout,           // the server stopped answering
    Cancelled,         // the user cancelled
    SenderRefused,     // MAIL FROM refused
    RecipientsRefused, // one or more recipients refused (see refused): the message was not sent
    MessageRefused,    // the server refused the message after its data
    Protocol,          // the server's answer made no sense
    Message,           // the message cannot be read or has no sender or recipient
    Password,          // no password: the keyring has none and none was given
    Store,             // the local store could not be written
    Interrupted, // Tidings stopped while it was being sent: it may have gone (Retry sends again)
};

// One recipient the server refused, in its own words.
struct SendRefusal
{
    QString address;
    int code = 0;
    QString text;
};

struct SendError
{
    SendErrorKind kind = SendErrorKind::None;
    int code = 0;       // the server's reply code, when it answered
    QString serverText; // the server's own words, when it answered
    QString detail;     // English specifics for the protocol log and the CLI
    QList<SendRefusal> refused;
    bool ok() const { return kind == SendErrorKind::None; }
};

// A message in the Outbox as the window lists it.
struct OutboxEntry
{
    enum class State {
        Holding, // waiting for the Undo delay to pass
        Queued,  // due: goes with the account's next flush
        Sending,
        Failed, // see error; Retry or Edit
    };
    qint64 id = 0;
    QString accountId;
    State state = State::Holding;
    QDateTime notBefore; // Holding: when it goes
    int attempts = 0;
    SendError error;
};

// Stable names ("recipients-refused"): what the Outbox stores and logs show.
inline QString sendErrorKindName(SendErrorKind kind)
{
    switch (kind) {
    case SendErrorKind::None:
        return QStringLiteral("none");
    case SendErrorKind::Connection:
        return QStringLiteral("connection");
    case SendErrorKind::Certificate:
        return QStringLiteral("certificate");
    case SendErrorKind::StartTlsRefused:
        return QStringLiteral("starttls-refused");
    case SendErrorKind::Authentication:
        return QStringLiteral("authentication");
    case SendErrorKind::NoSecureAuth:
        return QStringLiteral("no-secure-auth");
    case SendErrorKind::Timeout:
        return QStringLiteral("timeout");
    case SendErrorKind::Cancelled:
        return QStringLiteral("cancelled");
    case SendErrorKind::SenderRefused:
        return QStringLiteral("sender-refused");
    case SendErrorKind::RecipientsRefused:
        return QStringLiteral("recipients-refused");
    case SendErrorKind::MessageRefused:
        return QStringLiteral("message-refused");
    case SendErrorKind::Protocol:
        return QStringLiteral("protocol");
    case SendErrorKind::Message:
        return QStringLiteral("message");
    case SendErrorKind::Password:
        return QStringLiteral("password");
    case SendErrorKind::Store:
        return QStringLiteral("store");
    case SendErrorKind::Interrupted:
        return QStringLiteral("interrupted");
    }
    return QStringLiteral("protocol");
}

inline SendErrorKind sendErrorKindFromName(const QString &name)
{
    for (int k = int(SendErrorKind::None); k <= int(SendErrorKind::Interrupted); ++k)
        if (sendErrorKindName(SendErrorKind(k)) == name)
            return SendErrorKind(k);
    return name.isEmpty() ? SendErrorKind::None : SendErrorKind::Protocol;
}

} // namespace Client

Q_DECLARE_METATYPE(Client::SendError)
Q_DECLARE_METATYPE(Client::OutboxEntry)
