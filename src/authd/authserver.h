// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "authsession.h"

#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QSet>
#include <QSslConfiguration>
#include <QTimer>

#include <deque>

class QSocketNotifier;
class QTcpServer;
class QTcpSocket;

namespace Authd {

class Listener;

// Accepts connections on plain TCP and, optionally, implicit TLS; every
// client is an AuthSession on this thread's event loop (no thread per
// client). A connection is accepted at once, before any TLS handshake, so
// clients that never finish one cannot fill a queue of pending connections;
// until a TLS client sends its first bytes it costs a descriptor and a
// notifier, no TLS state. Each address (IPv6: each /64) may hold at most
// maxPerAddress connections, all of them at most maxConnections.
class AuthServer : public QObject
{
    Q_OBJECT
public:
    static constexpr int defaultMaxPerAddress = 64;
    static constexpr int listenBacklog = 1024;
    static constexpr int pruneIntervalMs = 3600 * 1000;
    // One timer for every connection: paused ones resume on each tick, deadlines
    // are checked every deadlineTicks ticks (timeouts are coarse by design).
    static constexpr int tickMs = 100;
    static constexpr int deadlineTicks = 5;

    AuthServer(ServerContext &context, int maxConnections, int maxPerAddress = defaultMaxPerAddress,
               QObject *parent = nullptr);
    ~AuthServer() override;

    bool listen(const QHostAddress &address, quint16 port, QString *error);
    bool listenTls(const QHostAddress &address, quint16 port, const QString &certificateFile,
                   const QString &keyFile, QString *error);
    quint16 port() const;
    quint16 tlsPort() const;
    int sessionCount() const { return m_sessions; }

private:
    void accept(QTcpServer *server);
    void acceptTls(qintptr descriptor);
    bool admit(const QString &addressKey, const QHostAddress &peer, const char **why);
    void release(const QString &addressKey);
    void startSession(QTcpSocket *socket, bool tls, const QString &addressKey);
    void refuse(QTcpSocket *socket, const char *why);
    void tick();
    void dropPendingTls(QSocketNotifier *waiting);

    // A TLS client that has not said anything yet: its descriptor, not a socket.
    struct PendingTls
    {
        qintptr descriptor = -1;
        QString addressKey;
        QHostAddress peer;
    };

    ServerContext &m_context;
    int m_maxConnections;
    int m_maxPerAddress;
    int m_sessions = 0;
    QHash<QString, int> m_perAddress;
    Listener *m_plain = nullptr;
    Listener *m_tls = nullptr;
    QSslConfiguration m_tlsConfiguration;
    QTimer m_prune;
    QTimer m_tick;
    int m_ticks = 0;
    QSet<AuthSession *> m_live;
    QSet<AuthSession *> m_paused;
    QHash<QSocketNotifier *, PendingTls> m_pendingTls;
    std::deque<std::pair<qint64, QSocketNotifier *>> m_pendingTlsDeadlines; // in arrival order
};

} // namespace Authd
