// SPDX-License-Identifier: GPL-3.0-or-later
#include "authserver.h"

#include "datastore.h"
#include "throttle.h"

#include "core/tap/frame.h"

#include <QDateTime>
#include <QFile>
#include <QLoggingCategory>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcServer, "tidings.authd.server", QtInfoMsg)

namespace Authd {

// Hands out every accepted descriptor as a socket at once: QSslSocket for the
// TLS port, its handshake started by the session's server, not queued here.
class Listener : public QTcpServer
{
public:
    Listener(bool tls, QObject *parent)
        : QTcpServer(parent)
        , m_tls(tls)
    {
        setMaxPendingConnections(AuthServer::listenBacklog);
        setListenBacklogSize(AuthServer::listenBacklog);
    }

protected:
    void incomingConnection(qintptr descriptor) override
    {
        QTcpSocket *socket = m_tls ? new QSslSocket(this) : new QTcpSocket(this);
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        addPendingConnection(socket);
    }

private:
    bool m_tls;
};

AuthServer::AuthServer(ServerContext &context, int maxConnections, int maxPerAddress,
                       QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_maxConnections(maxConnections)
    , m_maxPerAddress(maxPerAddress)
{
    connect(&m_prune, &QTimer::timeout, this,
            [this] { m_context.store.pruneRevoked(QDateTime::currentSecsSinceEpoch()); });
    m_prune.start(pruneIntervalMs);
}

AuthServer::~AuthServer() = default;

bool AuthServer::listen(const QHostAddress &address, quint16 port, QString *error)
{
    m_plain = new Listener(false, this);
    connect(m_plain, &QTcpServer::pendingConnectionAvailable, this,
            [this] { accept(m_plain, false); });
    if (!m_plain->listen(address, port)) {
        *error = u"cannot listen on %1:%2: %3"_s.arg(address.toString())
                     .arg(port)
                     .arg(m_plain->errorString());
        return false;
    }
    qCInfo(lcServer).noquote() << u"event=listen address="_s + address.toString()
                               << u"port="_s + QString::number(this->port());
    return true;
}

bool AuthServer::listenTls(const QHostAddress &address, quint16 port,
                           const QString &certificateFile, const QString &keyFile, QString *error)
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
    m_tlsConfiguration = QSslConfiguration::defaultConfiguration();
    m_tlsConfiguration.setLocalCertificateChain(certificates);
    m_tlsConfiguration.setPrivateKey(key);
    m_tlsConfiguration.setProtocol(QSsl::TlsV1_2OrLater); // PROTOCOL.md: TLS 1.2 is the minimum
    m_tlsConfiguration.setPeerVerifyMode(QSslSocket::VerifyNone); // clients authenticate with SCRAM
    m_tls = new Listener(true, this);
    connect(m_tls, &QTcpServer::pendingConnectionAvailable, this, [this] { accept(m_tls, true); });
    if (!m_tls->listen(address, port)) {
        *error = u"cannot listen on %1:%2: %3"_s.arg(address.toString())
                     .arg(port)
                     .arg(m_tls->errorString());
        return false;
    }
    qCInfo(lcServer).noquote() << u"event=listen-tls address="_s + address.toString()
                               << u"port="_s + QString::number(tlsPort());
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

void AuthServer::refuse(QTcpSocket *socket, bool tls, const char *why)
{
    qCInfo(lcServer).noquote() << u"event=server-busy peer="_s +
                                      logValue(socket->peerAddress().toString())
                               << u"detail="_s + logValue(QString::fromLatin1(why));
    socket->setParent(nullptr);
    if (tls) { // nothing can be said before a handshake we will not spend on it
        socket->abort();
        socket->deleteLater();
        return;
    }
    socket->write(Tap::encodeFrame({{u"type"_s, u"error"_s},
                                    {u"code"_s, u"server-busy"_s},
                                    {u"message"_s, u"too many connections; try again later"_s}}));
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    QTimer::singleShot(AuthSession::lingerMs, socket, [socket] {
        socket->abort();
        socket->deleteLater();
    });
    socket->disconnectFromHost();
}

void AuthServer::accept(QTcpServer *server, bool tls)
{
    while (QTcpSocket *socket = server->nextPendingConnection()) {
        const QString key = Throttle::addressKey(socket->peerAddress());
        if (m_sessions >= m_maxConnections) {
            refuse(socket, tls, "connection limit");
            continue;
        }
        int &fromThere = m_perAddress[key];
        if (fromThere >= m_maxPerAddress) {
            refuse(socket, tls, "connection limit per address");
            continue;
        }
        ++fromThere;
        ++m_sessions;
        if (tls) {
            auto *ssl = static_cast<QSslSocket *>(socket);
            ssl->setSslConfiguration(m_tlsConfiguration);
            ssl->startServerEncryption();
        }
        auto *session = new AuthSession(socket, m_context, tls, this);
        connect(session, &AuthSession::closed, this, [this, session, key] {
            --m_sessions;
            if (--m_perAddress[key] <= 0)
                m_perAddress.remove(key);
            session->deleteLater();
        });
    }
}

} // namespace Authd
