// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/types/accountsettings.h"

#include <QList>
#include <QSslCertificate>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>

// Internal to tidings_net: vmime's sockets are ours, built on QSslSocket.
namespace vmime::net {
class socketFactory;
class timeoutHandlerFactory;
}

namespace Net {

// What the socket saw, for the caller to tell a certificate problem, a
// refused STLS or a dead host apart after vmime has thrown (written on the
// worker thread, read there after the call returned).
struct SocketReport
{
    bool connected = false;     // TCP is up
    bool encrypted = false;     // TLS is up (POP3S, or after STLS)
    bool certificateRefused = false; // verification failed, or a pinned certificate changed
    QSslCertificate certificate;     // the peer's, when certificateRefused
    QByteArray pinnedSha256;         // when a pinned certificate changed: the pin
    QStringList tlsProblems;         // QSslError texts, in English
    QByteArray stlsRefusal;          // the -ERR text when STLS was refused
    QByteArray greeting;             // the server's first line (STLS only; vmime reads it otherwise)
    // SMTP: the last reply line that was not a SASL challenge (what a refused AUTH said), and the
    // mechanisms the EHLO reply offered ("AUTH PLAIN LOGIN" -> PLAIN, LOGIN).
    QByteArray lastReply;
    QList<QByteArray> authMechanisms;
};

// Which protocol the socket upgrades (STLS or STARTTLS) and redacts the login of.
enum class WireProtocol { Pop3, Smtp };

enum class SocketStage { Connected, Encrypted };

struct SocketSettings
{
    QString host;
    Types::MailSecurity security = Types::MailSecurity::Tls;
    WireProtocol protocol = WireProtocol::Pop3;
    QList<QSslCertificate> caCertificates; // added to the system store
    int timeoutMs = 30000;
    const std::atomic_bool *cancel = nullptr; // polled by vmime through the timeout handler
    std::function<void(const QString &)> trace; // each line sent (C:) and received (S:), passwords redacted
    QList<QByteArray> trustedSha256;          // certificates the user chose to trust
    std::shared_ptr<SocketReport> report = std::make_shared<SocketReport>();
    std::function<void(SocketStage)> stage; // as each stage is reached (Test Connection shows them)
    // While set, what is sent is not traced line by line (a message's data: its size is traced).
    std::shared_ptr<std::atomic_bool> muteSends = std::make_shared<std::atomic_bool>(false);
};

// Every vmime connection goes through a QSslSocket created on the calling
// worker thread: DNS and connect by Qt, TLS by Qt (SNI, system CAs, host name
// checks). For STLS the socket upgrades itself before vmime reads the greeting
// and fails closed when the server refuses.
std::shared_ptr<vmime::net::socketFactory> makeSocketFactory(const SocketSettings &settings);
std::shared_ptr<vmime::net::timeoutHandlerFactory> makeTimeoutHandlerFactory(const SocketSettings &settings);

} // namespace Net
