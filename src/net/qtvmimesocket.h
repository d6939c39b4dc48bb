// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/types/accountsettings.h"

#include <QList>
#include <QSslCertificate>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>

// Internal to tidings_net: vmime's sockets are ours, built on QSslSocket.
namespace vmime::net {
class socketFactory;
class timeoutHandlerFactory;
}

namespace Net {

struct SocketSettings
{
    QString host;
    Types::MailSecurity security = Types::MailSecurity::Tls;
    QList<QSslCertificate> caCertificates; // added to the system store
    int timeoutMs = 30000;
    const std::atomic_bool *cancel = nullptr; // polled by vmime through the timeout handler
    std::function<void(const QString &)> trace; // each line sent (C:) and received (S:), passwords redacted
    QList<QByteArray> trustedSha256;          // certificates the user chose to trust
    std::shared_ptr<QSslCertificate> untrusted; // set to the peer's certificate when verification fails
};

// Every vmime connection goes through a QSslSocket created on the calling
// worker thread: DNS and connect by Qt, TLS by Qt (SNI, system CAs, host name
// checks). For STLS the socket upgrades itself before vmime reads the greeting
// and fails closed when the server refuses.
std::shared_ptr<vmime::net::socketFactory> makeSocketFactory(const SocketSettings &settings);
std::shared_ptr<vmime::net::timeoutHandlerFactory> makeTimeoutHandlerFactory(const SocketSettings &settings);

} // namespace Net
