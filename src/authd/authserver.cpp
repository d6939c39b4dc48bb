// SPDX-License-Identifier: GPL-3.0-or-later
#include "authserver.h"

#include "datastore.h"
#include "throttle.h"

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

// Plain TCP: every accepted descriptor becomes a socket at once. TLS: the
// descriptor goes to the server as it is (see AuthServer::acceptTls).
class Listener : public QTcpServer
{
public:
    Listener(std::function<void(qintptr)> onTlsDescriptor, QObject *parent)
        : QTcpServer(parent)
        , m_onTlsDescriptor(std::move(onTlsDescriptor))
    {
        setMaxPendingConnections(AuthServer::listenBacklog);
        setListenBacklogSize(AuthServer::listenBacklog);
    }

protected:
    void incomingConnection(qintptr descriptor) override
    {
        if (m_onTlsDescriptor)
            return m_onTlsDescriptor(descriptor);
        auto *socket = new QTcpSocket(this);
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        addPendingConnection(socket);
    }

private:
    std::function<void(qintptr)> m_onTlsDescriptor;
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
    connect(&m_tick, &QTimer::timeout, this, &AuthServer::tick);
    m_tick.start(tickMs);
}

AuthServer::~AuthServer() = default;

bool AuthServer::listen(const QHostAddress &address, quint16 port, QString *error)
{
    m_plain = new Listener({}, this);
    connect(m_plain, &QTcpServer::pendingConnectionAvailable, this, [this] { accept(m_plain); });
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
    m_tls = new Listener([this](qintptr descriptor) { acceptTls(descriptor); }, this);
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

bool AuthServer::admit(const QString &addressKey, const QHostAddress &peer, const char **why)
{
    *why = m_sessions >= m_maxConnections                      ? "connection limit"
           : m_perAddress.value(addressKey) >= m_maxPerAddress ? "connection limit per address"
                                                               : nullptr;
    if (*why) {
        qCInfo(lcServer).noquote() << u"event=server-busy peer="_s + logValue(peer.toString())
                                   << u"detail="_s + logValue(QString::fromLatin1(*why));
        return false;
    }
    ++m_perAddress[addressKey];
    ++m_sessions;
    return true;
}

void AuthServer::release(const QString &addressKey)
{
    --m_sessions;
    if (--m_perAddress[addressKey] <= 0)
        m_perAddress.remove(addressKey);
}

void AuthServer::refuse(QTcpSocket *socket, const char *why)
{
    Q_UNUSED(why);
    socket->setParent(nullptr);
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

void AuthServer::accept(QTcpServer *server)
{
    while (QTcpSocket *socket = server->nextPendingConnection()) {
        const QString key = Throttle::addressKey(socket->peerAddress());
        const char *why = nullptr;
        if (!admit(key, socket->peerAddress(), &why)) {
            refuse(socket, why);
            continue;
        }
        startSession(socket, false, key);
    }
}

void AuthServer::acceptTls(qintptr descriptor)
{
    const QHostAddress peer = peerOf(descriptor);
    const QString key = Throttle::addressKey(peer);
    const char *why = nullptr;
    if (!admit(key, peer, &why)) { // nothing can be said before a handshake we will not spend on it
        ::close(int(descriptor));
        return;
    }
    // No TLS state (OpenSSL's buffers, some 25 KB) until the ClientHello is in the kernel's buffer.
    auto *waiting = new QSocketNotifier(descriptor, QSocketNotifier::Read, this);
    m_pendingTls.insert(waiting, {descriptor, key, peer});
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
        socket->setSslConfiguration(m_tlsConfiguration);
        socket->startServerEncryption();
        startSession(socket, true, pending.addressKey);
    });
}

void AuthServer::dropPendingTls(QSocketNotifier *waiting)
{
    const auto it = m_pendingTls.constFind(waiting);
    if (it == m_pendingTls.cend())
        return;
    waiting->setEnabled(false); // before its descriptor is closed
    waiting->deleteLater();
    ::close(int(it->descriptor));
    release(it->addressKey);
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

void AuthServer::startSession(QTcpSocket *socket, bool tls, const QString &addressKey)
{
    auto *session = new AuthSession(socket, m_context, tls, this);
    m_live.insert(session);
    connect(session, &AuthSession::paused, this, [this, session] { m_paused.insert(session); });
    connect(session, &AuthSession::closed, this, [this, session, addressKey] {
        m_live.remove(session);
        m_paused.remove(session);
        release(addressKey);
        session->deleteLater();
    });
}

} // namespace Authd
