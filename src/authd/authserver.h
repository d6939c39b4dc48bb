// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "authsession.h"

#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QSet>
#include <QSslConfiguration>
#include <QTimer>

#include <deque>
#include <mutex>

class QSocketNotifier;
class QTcpServer;
class QTcpSocket;

namespace Authd {

class Listener;

// The connection caps, shared by every thread's server: all connections at
// most maxConnections, each address (IPv6: each /64) at most maxPerAddress.
// A trusted proxy is not one client: its connections count only in the total.
class ConnectionLimits
{
public:
    ConnectionLimits(int maxConnections, int maxPerAddress);
    // nullptr when admitted, else why not (for the log).
    const char *admit(const QString &addressKey, bool trustedProxy);
    void release(const QString &addressKey, bool trustedProxy);

private:
    std::mutex m_mutex; // not QMutex: ThreadSanitizer sees this one
    int m_maxConnections;
    int m_maxPerAddress;
    int m_total = 0;
    QHash<QString, int> m_perAddress;
};

// Reads a PEM certificate chain and an unencrypted EC or RSA key into a
// server configuration (TLS 1.2 at least, no client certificates).
bool loadTlsConfiguration(const QString &certificateFile, const QString &keyFile,
                          QSslConfiguration *configuration, QString *error);

// One thread's share of the clients: every connection handed to it is an
// AuthSession on this thread's event loop (no thread per client). A TLS
// client costs a descriptor and a notifier, no TLS state, until it sends its
// first bytes, so clients that never finish a handshake fill nothing.
class AuthServer : public QObject
{
    Q_OBJECT
public:
    static constexpr int pruneIntervalMs = 60 * 1000;
    // One timer for every connection: paused ones resume on each tick, deadlines
    // are checked every deadlineTicks ticks (timeouts are coarse by design).
    static constexpr int tickMs = 100;
    static constexpr int deadlineTicks = 5;

    struct Options
    {
        QList<QHostAddress> trustedProxies; // may send a PROXY v2 header
        QSslConfiguration tls;              // for descriptors handed over with tls
        bool prunes = false;                // one thread forgets expired revocations
    };

    AuthServer(ServerContext &context, ConnectionLimits &limits, Options options,
               QObject *parent = nullptr);
    ~AuthServer() override;

    static constexpr int listenBacklog = 1024;

    // Accepts on a listening descriptor (openSharedListener) in this thread.
    bool listen(qintptr descriptor, bool tls, QString *error);
    // A freshly accepted descriptor, now this thread's.
    void takeConnection(qintptr descriptor, bool tls);
    int sessionCount() const { return int(m_live.size()); }

private:
    void startSession(QTcpSocket *socket, bool tls, const QString &addressKey, bool trusted);
    void refuse(QTcpSocket *socket);
    void tick();
    void dropPendingTls(QSocketNotifier *waiting);
    bool isTrustedProxy(const QHostAddress &peer) const;

    // A TLS client that has not said anything yet: its descriptor, not a socket.
    struct PendingTls
    {
        qintptr descriptor = -1;
        QString addressKey;
        QHostAddress peer;
        bool trusted = false;
        qint64 deadlineMs = 0;
    };

    ServerContext &m_context;
    ConnectionLimits &m_limits;
    Options m_options;
    QTimer m_tick;
    int m_ticks = 0;
    qint64 m_prunedAtMs = 0;
    QSet<AuthSession *> m_live;
    QSet<AuthSession *> m_paused;
    QHash<QSocketNotifier *, PendingTls> m_pendingTls;
    std::deque<std::pair<qint64, QSocketNotifier *>> m_pendingTlsDeadlines; // in arrival order
};

// A listening TCP socket that other threads' listening sockets may share
// (SO_REUSEPORT): the kernel spreads new connections over them, so no thread
// hands connections to another. Port 0 picks one; the next call with the
// same address and that port joins it. -1 with *error on failure.
qintptr openSharedListener(const QHostAddress &address, quint16 port, QString *error);
quint16 listenerPort(qintptr descriptor);

} // namespace Authd
