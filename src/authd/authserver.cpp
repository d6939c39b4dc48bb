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

#include <cstring>
#include <functional>
#include <utility>

#include <netinet/in.h>
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
    const std::lock_guard lock(m_mutex);
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
    const std::lock_guard lock(m_mutex);
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
    QTcpSocket *socket = nullptr;
    if (!tls) { // the socket knows its peer: no getpeername of our own
        socket = new QTcpSocket;
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            ::close(int(descriptor));
            return;
        }
    }
    const QHostAddress peer = socket ? socket->peerAddress() : peerOf(descriptor);
    const QString key = Throttle::addressKey(peer);
    const bool trusted = isTrustedProxy(peer);
    if (const char *why = m_limits.admit(key, trusted)) {
        qCInfo(lcServer).noquote() << u"event=server-busy peer="_s + logValue(peer.toString())
                                   << u"detail="_s + logValue(QString::fromLatin1(why));
        if (socket)
            return refuse(socket);
        ::close(int(descriptor)); // TLS: nothing can be said before a handshake we will not spend on
        return;
    }
    if (socket)
        return startSession(socket, false, key, trusted);
    // No TLS state (OpenSSL's buffers, some 25 KB) until the ClientHello is in the kernel's buffer.
    auto *waiting = new QSocketNotifier(descriptor, QSocketNotifier::Read, this);
    const qint64 deadline = QDateTime::currentMSecsSinceEpoch() + m_context.tlsHandshakeTimeoutMs;
    m_pendingTls.insert(waiting, {descriptor, key, peer, trusted, deadline});
    m_pendingTlsDeadlines.emplace_back(deadline, waiting);
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
    m_context.database.flushLogins();
    if (m_options.prunes && nowMs - m_prunedAtMs >= pruneIntervalMs) {
        m_prunedAtMs = nowMs;
        m_context.database.prune(nowMs / 1000);
    }
    while (!m_pendingTlsDeadlines.empty() && m_pendingTlsDeadlines.front().first <= nowMs) {
        const auto [deadline, waiting] = m_pendingTlsDeadlines.front();
        m_pendingTlsDeadlines.pop_front();
        // Its own deadline, not that of an earlier notifier at the same address.
        if (const auto it = m_pendingTls.constFind(waiting);
            it != m_pendingTls.cend() && it->deadlineMs == deadline) {
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
    // A PROXY header comes before a TLS ClientHello, not inside the encrypted stream:
    // it is read on the plain listener only.
    auto *session = new AuthSession(socket, m_context, tls, trusted && !tls, this);
    m_live.insert(session);
    connect(session, &AuthSession::paused, this, [this, session] { m_paused.insert(session); });
    connect(session, &AuthSession::closed, this, [this, session, addressKey, trusted] {
        m_live.remove(session);
        m_paused.remove(session);
        m_limits.release(addressKey, trusted);
        session->deleteLater();
    });
}

bool AuthServer::listen(qintptr descriptor, bool tls, QString *error)
{
    auto *listener = new Listener(
        [this, tls](qintptr accepted) { takeConnection(accepted, tls); }, this);
    if (!listener->setSocketDescriptor(descriptor)) {
        *error = u"cannot accept connections: %1"_s.arg(listener->errorString());
        return false;
    }
    return true;
}

qintptr openSharedListener(const QHostAddress &address, quint16 port, QString *error)
{
    sockaddr_storage storage{};
    socklen_t length = 0;
    const bool v4 = address.protocol() == QAbstractSocket::IPv4Protocol;
    if (v4) {
        auto *in = reinterpret_cast<sockaddr_in *>(&storage);
        in->sin_family = AF_INET;
        in->sin_port = htons(port);
        in->sin_addr.s_addr = htonl(address.toIPv4Address());
        length = sizeof *in;
    } else {
        auto *in6 = reinterpret_cast<sockaddr_in6 *>(&storage);
        in6->sin6_family = AF_INET6;
        in6->sin6_port = htons(port);
        const Q_IPV6ADDR bytes = address.toIPv6Address();
        memcpy(&in6->sin6_addr, bytes.c, sizeof bytes.c);
        length = sizeof *in6;
    }
    const int fd = ::socket(v4 ? AF_INET : AF_INET6, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    const int on = 1;
    const auto fail = [&](const char *what) -> qintptr {
        *error = u"cannot listen on %1:%2: %3 (%4)"_s.arg(address.toString())
                     .arg(port)
                     .arg(QString::fromLocal8Bit(strerror(errno)), QString::fromLatin1(what));
        if (fd >= 0)
            ::close(fd);
        return -1;
    };
    if (fd < 0)
        return fail("socket");
    if (::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on) != 0 ||
        ::setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &on, sizeof on) != 0)
        return fail("SO_REUSEPORT");
    // Accepted sockets inherit these: small, so that thousands of clients that send
    // without reading cost little memory (AuthSession's bounds). Before listen(), so
    // that the window offered in the handshake already fits them.
    const int sendBuffer = AuthSession::kernelSendBuffer;
    const int receiveBuffer = AuthSession::kernelReceiveBuffer;
    if (::setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &sendBuffer, sizeof sendBuffer) != 0 ||
        ::setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &receiveBuffer, sizeof receiveBuffer) != 0)
        return fail("SO_SNDBUF");
    if (::bind(fd, reinterpret_cast<const sockaddr *>(&storage), length) != 0)
        return fail("bind");
    if (::listen(fd, AuthServer::listenBacklog) != 0)
        return fail("listen");
    return fd;
}

quint16 listenerPort(qintptr descriptor)
{
    sockaddr_storage storage{};
    socklen_t length = sizeof storage;
    if (::getsockname(int(descriptor), reinterpret_cast<sockaddr *>(&storage), &length) != 0)
        return 0;
    return storage.ss_family == AF_INET
               ? ntohs(reinterpret_cast<const sockaddr_in *>(&storage)->sin_port)
               : ntohs(reinterpret_cast<const sockaddr_in6 *>(&storage)->sin6_port);
}

} // namespace Authd
