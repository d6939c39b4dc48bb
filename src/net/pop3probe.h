// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// "Test Connection": connect, TLS, CAPA and login as a sync would, then QUIT;
// nothing is listed or downloaded. Says which step failed, in the server's words.

#include "net/pop3error.h"
#include "net/pop3sync.h"

#include <QByteArray>
#include <QSslCertificate>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>

namespace Net {

enum class ProbeStep { Connect, Tls, Capabilities, Login, Done };

struct Pop3ProbeResult
{
    ProbeStep failedStep = ProbeStep::Done; // Done: every step passed
    Pop3Error error;
    QString greeting;
    QStringList capabilities; // after login when it passed, else what the server offered before
    bool encrypted = false;
    QString loginMethod;                  // "USER", "APOP", "SASL CRAM-MD5", ...
    QSslCertificate untrustedCertificate; // with Pop3ErrorKind::Certificate
    QByteArray pinnedSha256;
    QStringList tlsProblems;
    bool ok() const { return error.kind == Pop3ErrorKind::None; }
};

// Blocks: run it on a worker thread. step is called (from that thread) as each step begins.
Pop3ProbeResult probePop3(const Pop3Account &account,
                          const std::function<void(ProbeStep)> &step = {},
                          const std::atomic_bool *cancel = nullptr);

} // namespace Net
