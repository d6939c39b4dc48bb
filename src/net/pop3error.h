// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <stdexcept>

namespace Net {

// Why a POP3 operation did not complete, decided where it happened (the
// socket, the wire, the sync). Mirrors Client::SyncErrorKind; the client maps
// one onto the other.
enum class Pop3ErrorKind {
    None,
    Authentication, // the server refused the login (serverText: its words)
    Certificate,    // TLS verification failed, or a pinned certificate changed
    NoUidl,         // UIDL refused: messages cannot be tracked safely
    Timeout,        // the server was silent longer than the timeout
    Cancelled,      // the caller's cancel flag
    DiskFull,       // no room for the mail (free-space check or ENOSPC)
    Protocol,       // an answer that is not POP3
    Connection,     // cannot connect, or the connection broke
    ServerError,    // -ERR to a command we need (serverText: its words)
    Store,          // the local store failed (not for lack of space)
};

struct Pop3Error
{
    Pop3ErrorKind kind = Pop3ErrorKind::None;
    QString serverText; // the server's own words, without "-ERR "
    QString detail;     // English, specific, for logs and the CLI
};

// Thrown inside the sync by our own code with its kind already known.
class Pop3Failure : public std::runtime_error
{
public:
    explicit Pop3Failure(Pop3Error error)
        : std::runtime_error(error.detail.toStdString())
        , m_error(std::move(error))
    {}
    const Pop3Error &error() const { return m_error; }

private:
    Pop3Error m_error;
};

} // namespace Net
