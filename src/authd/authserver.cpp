// SPDX-License-Identifier: GPL-3.0-or-later
#include "authserver.h"

#include "core/tap/frame.h"

#include <QFile>
#include <QLoggingCategory>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QTcpServer>
#include <QTcpSocket>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcServer, "tidings.authd.server", QtInfoMsg)

namespace Authd {

AuthServer::AuthServer(ServerContext &context, int maxConnections, QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_maxConnections(maxConnections)
{
}

AuthServer::~AuthServer() = default;

bool AuthServer::listen(const QHostAddress &address, quint16 port, QString *error)
{
    m_plain = new QTcpServer(this);
    m_plain->setMaxPendingConnections(128);
    connect(m_plain, &QTcpServer::pendingConnectionAvailable, this, [this] { accept(m_plain); });
    if (!m_plain->listen(address, port)) {
        *error = u"cannot listen on %1:%2: %3"_s.arg(address.toString()).arg(port).arg(m_plain->errorString());
        return false;
    }
    qCInfo(lcServer).noquote() << u"event=listen address="_s + address.toString() << u"port="_s + QString::number(this->port());
    return true;
}

bool AuthServer::listenTls(const QHostAddress &address, quint16 port, const QString &certificateFile,
                           const QString &keyFile, QString *error)
{
    const auto certificates = QSslCertificate::fromPath(certificateFile);
    QFile keyData(keyFile);
    if (certificates.isEmpty() || !keyData.open(QIODevice::ReadOnly)) {
        *error = u"cannot read the TLS certificate %1 or key %2"_s.arg(certificateFile, keyFile);
        return false;
    }
    const QByteArray keyPem = keyData.readAll();
    QSslKey key(keyPem, QSsl::Ec);
    if (key.isNull())
        key = QSslKey(keyPem, QSsl::Rsa);
    if (key.isNull()) {
        *error = u"the TLS key %1 is not an unencrypted EC or RSA PEM key"_s.arg(keyFile);
        return false;
    }
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificateChain(certificates);
    configuration.setPrivateKey(key);
    configuration.setProtocol(QSsl::TlsV1_2OrLater); // PROTOCOL.md: TLS 1.2 is the minimum
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone); // clients authenticate with SCRAM
    auto *server = new QSslServer(this);
    server->setSslConfiguration(configuration);
    server->setHandshakeTimeout(10000);
    m_tls = server;
    connect(m_tls, &QTcpServer::pendingConnectionAvailable, this, [this] { accept(m_tls); });
    if (!m_tls->listen(address, port)) {
        *error = u"cannot listen on %1:%2: %3"_s.arg(address.toString()).arg(port).arg(m_tls->errorString());
        return false;
    }
    qCInfo(lcServer).noquote() << u"event=listen-tls address="_s + address.toString() << u"port="_s + QString::number(tlsPort());
    return true;
}

quint16 AuthServer::port() const
{
    return m_plain ? m_plain->serverPort() : 0;
}

quint16 AuthServer::tlsPort() const
{
    return m_tls ? m_tls->serverPort() : 0;
}

void AuthServer::accept(QTcpServer *server)
{
    while (QTcpSocket *socket = server->nextPendingConnection()) {
        if (m_sessions >= m_maxConnections) {
            socket->write(Tap::encodeFrame({{u"type"_s, u"error"_s},
                                            {u"code"_s, u"server-busy"_s},
                                            {u"message"_s, u"too many connections; try again later"_s}}));
            socket->disconnectFromHost();
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            qCInfo(lcServer).noquote() << u"event=server-busy peer="_s + socket->peerAddress().toString();
            continue;
        }
        ++m_sessions;
        auto *session = new AuthSession(socket, m_context, this);
        connect(session, &AuthSession::closed, this, [this, session] {
            --m_sessions;
            session->deleteLater();
        });
    }
}

} // namespace Authd
