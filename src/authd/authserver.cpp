// SPDX-License-Identifier: GPL-3.0-or-later
#include "authserver.h"

#include "throttle.h"
#include "tokenissuer.h"
#include "userdatabase.h"

#include "core/tap/frame.h"

#include <QDateTime>
#include <QFile>
#include <QLoggingCategory>
#include <QSocketNotifier>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>

#include <functional>
#include <utility>

#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcServer, "tidings.authd.server", QtInfoMsg)

namespace Authd {

namespace {

QHostAddress peerOf(qintptr descriptor)
{
    sockaddr_storage address{};
    socklen_t length = sizeof address;
    if (::getpeername(int(descriptor), reinterpret_cast<sockaddr *>(&address), &length) != 0)
        return {};
    return QHostAddress(reinterpret_cast<const sockaddr *>(&address));
}

} // namespace

// Hands every accepted descriptor on as it is, never a socket: the socket is
// made in the thread that serves it.
class Listener : public QTcpServer
{
public:
    Listener(std::function<void(qintptr)> onDescriptor, QObject *parent)
        : QTcpServer(parent)
        , m_onDescriptor(std::move(onDescriptor))
    {
        setListenBacklogSize(Acceptor::listenBacklog);
    }

protected:
    void incomingConnection(qintptr descriptor) override { m_onDescriptor(descriptor); }

private:
    std::function<void(qintptr)> m_onDescriptor;
};

ConnectionLimits::ConnectionLimits(int maxConnections, int maxPerAddress)
    : m_maxConnections(maxConnections)
    , m_maxPerAddress(maxPerAddress)
{}

const char *ConnectionLimits::admit(const QString &addressKey, bool trustedProxy)
{
    QMutexLocker lock(&m_mutex);
    if (m_total >= m_maxConnections)
        return "connection limit";
    if (!trustedProxy && m_perAddress.value(addressKey) >= m_maxPerAddress)
        return "connection limit per address";
    ++m_total;
    if (!trustedProxy)
        ++m_perAddress[addressKey];
    return nullptr;
}

void ConnectionLimits::release(const QString &addressKey, bool trustedProxy)
{
    QMutexLocker lock(&m_mutex);
    --m_total;
    if (!trustedProxy && --m_perAddress[addressKey] <= 0)
        m_perAddress.remove(addressKey);
}

bool loadTlsConfiguration(const QString &certificateFile, const QString &keyFile,
                          QSslConfiguration *configuration, QString *error)
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
    *configuration = QSslConfiguration::defaultConfiguration();
    configuration->setLocalCertificateChain(certificates);
    configuration->setPrivateKey(key);
    configuration->setProtocol(QSsl::TlsV1_2OrLater); // PROTOCOL.md: TLS 1.2 is the minimum
    configuration->setPeerVerifyMode(QSslSocket::VerifyNone); // clients authenticate with SCRAM
    return true;
}

AuthServer::AuthServer(ServerContext &context, ConnectionLimits &limits, Options options,
                       QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_limits(limits)
    , m_options(std::move(options))
{
    connect(&m_tick, &QTimer::timeout, this, &AuthServer::tick);
    m_tick.start(tickMs);
    m_prunedAtMs = QDateTime::currentMSecsSinceEpoch();
}

AuthServer::~AuthServer() = default;

bool AuthServer::isTrustedProxy(const QHostAddress &peer) const
{
    for (const QHostAddress &proxy : m_options.trustedProxies)
        if (proxy.isEqual(peer, QHostAddress::ConvertV4MappedToIPv4))
            return true;
    return false;
}

void AuthServer::takeConnection(qintptr descriptor, bool tls)
{
    const QHostAddress peer = peerOf(descriptor);
    const QString key = Throttle::addressKey(peer);
    const bool trusted = isTrustedProxy(peer);
    if (const char *why = m_limits.admit(key, trusted)) {
        qCInfo(lcServer).noquote() << u"event=server-busy peer="_s + logValue(peer.toString())
                                   << u"detail="_s + logValue(QString::fromLatin1(why));
        if (tls) { // nothing can be said before a handshake we will not spend on it
            ::close(int(descriptor));
            return;
        }
        auto *socket = new QTcpSocket;
        if (socket->setSocketDescriptor(descriptor))
            return refuse(socket);
        delete socket;
        ::close(int(descriptor));
        return;
    }
    if (!tls) {
        auto *socket = new QTcpSocket;
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            ::close(int(descriptor));
            m_limits.release(key, trusted);
            return;
        }
        return startSession(socket, false, key, trusted);
    }
    // No TLS state (OpenSSL's buffers, some 25 KB) until the ClientHello is in the kernel's buffer.
    auto *waiting = new QSocketNotifier(descriptor, QSocketNotifier::Read, this);
    m_pendingTls.insert(waiting, {descriptor, key, peer, trusted});
    m_pendingTlsDeadlines.emplace_back(
        QDateTime::currentMSecsSinceEpoch() + m_context.tlsHandshakeTimeoutMs, waiting);
    connect(waiting, &QSocketNotifier::activated, this, [this, waiting] {
        const PendingTls pending = m_pendingTls.value(waiting);
        char first = 0;
        if (::recv(int(pending.descriptor), &first, 1, MSG_PEEK | MSG_DONTWAIT) != 1)
            return dropPendingTls(waiting); // gone before it said anything: no TLS state for that
        auto *socket = new QSslSocket;
        if (!socket->setSocketDescriptor(pending.descriptor)) {
            delete socket;
            return dropPendingTls(waiting);
        }
        waiting->setEnabled(false);
        m_pendingTls.remove(waiting);
        waiting->deleteLater();
        socket->setSslConfiguration(m_options.tls);
        socket->startServerEncryption();
        startSession(socket, true, pending.addressKey, pending.trusted);
    });
}

void AuthServer::refuse(QTcpSocket *socket)
{
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

void AuthServer::dropPendingTls(QSocketNotifier *waiting)
{
    const auto it = m_pendingTls.constFind(waiting);
    if (it == m_pendingTls.cend())
        return;
    waiting->setEnabled(false); // before its descriptor is closed
    waiting->deleteLater();
    ::close(int(it->descriptor));
    m_limits.release(it->addressKey, it->trusted);
    m_pendingTls.erase(it);
}

void AuthServer::tick()
{
    // Paused sessions first: their budget has grown by a tick's worth.
    const QSet<AuthSession *> paused = std::exchange(m_paused, {});
    for (AuthSession *session : paused) // a closed one has left m_paused already
        session->resume();
    if (++m_ticks % deadlineTicks)
        return;
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    m_context.issuer.refreshKeys(nowMs / 1000);
    if (m_options.prunes && nowMs - m_prunedAtMs >= pruneIntervalMs) {
        m_prunedAtMs = nowMs;
        m_context.database.prune(nowMs / 1000);
    }
    while (!m_pendingTlsDeadlines.empty() && m_pendingTlsDeadlines.front().first <= nowMs) {
        QSocketNotifier *waiting = m_pendingTlsDeadlines.front().second;
        m_pendingTlsDeadlines.pop_front();
        if (m_pendingTls.contains(waiting)) {
            qCInfo(lcServer).noquote() << u"event=tls-timeout peer="_s +
                                              logValue(m_pendingTls.value(waiting).peer.toString());
            dropPendingTls(waiting);
        }
    }
    const QList<AuthSession *> live = m_live.values(); // checking may close (and deleteLater) some
    for (AuthSession *session : live)
        session->checkDeadlines(nowMs);
}

void AuthServer::startSession(QTcpSocket *socket, bool tls, const QString &addressKey,
                              bool trusted)
{
    auto *session = new AuthSession(socket, m_context, tls, trusted, this);
    m_live.insert(session);
    connect(session, &AuthSession::paused, this, [this, session] { m_paused.insert(session); });
    connect(session, &AuthSession::closed, this, [this, session, addressKey, trusted] {
        m_live.remove(session);
        m_paused.remove(session);
        m_limits.release(addressKey, trusted);
        session->deleteLater();
    });
}

Acceptor::Acceptor(QList<AuthServer *> servers, QObject *parent)
    : QObject(parent)
    , m_servers(std::move(servers))
{}

Acceptor::~Acceptor() = default;

bool Acceptor::listen(const QHostAddress &address, quint16 port, bool tls, QString *error)
{
    auto *listener = new Listener([this, tls](qintptr descriptor) { handOver(descriptor, tls); },
                                  this);
    (tls ? m_tls : m_plain) = listener;
    if (!listener->listen(address, port)) {
        *error = u"cannot listen on %1:%2: %3"_s.arg(address.toString())
                     .arg(port)
                     .arg(listener->errorString());
        return false;
    }
    qCInfo(lcServer).noquote() << (tls ? u"event=listen-tls address="_s : u"event=listen address="_s) +
                                          address.toString()
                               << u"port="_s + QString::number(listener->serverPort())
                               << u"threads="_s + QString::number(m_servers.size());
    return true;
}

quint16 Acceptor::port() const
{
    return m_plain ? m_plain->serverPort() : 0;
}

quint16 Acceptor::tlsPort() const
{
    return m_tls ? m_tls->serverPort() : 0;
}

void Acceptor::handOver(qintptr descriptor, bool tls)
{
    AuthServer *server = m_servers[m_next];
    m_next = (m_next + 1) % m_servers.size();
    QMetaObject::invokeMethod(
        server, [server, descriptor, tls] { server->takeConnection(descriptor, tls); },
        Qt::QueuedConnection);
}

} // namespace Authd
