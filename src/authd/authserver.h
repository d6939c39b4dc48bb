// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "authsession.h"

#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QSslConfiguration>
#include <QTimer>

class QTcpServer;
class QTcpSocket;

namespace Authd {

class Listener;

// Accepts connections on plain TCP and, optionally, implicit TLS; every
// client is an AuthSession on this thread's event loop (no thread per
// client). A connection is accepted at once, before any TLS handshake, so
// clients that never finish one cannot fill a queue of pending connections;
// each address (IPv6: each /64) may hold at most maxPerAddress of them.
class AuthServer : public QObject
{
    Q_OBJECT
public:
    static constexpr int defaultMaxPerAddress = 64;
    static constexpr int listenBacklog = 1024;
    static constexpr int pruneIntervalMs = 3600 * 1000;

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
    void accept(QTcpServer *server, bool tls);
    void refuse(QTcpSocket *socket, bool tls, const char *why);

    ServerContext &m_context;
    int m_maxConnections;
    int m_maxPerAddress;
    int m_sessions = 0;
    QHash<QString, int> m_perAddress;
    Listener *m_plain = nullptr;
    Listener *m_tls = nullptr;
    QSslConfiguration m_tlsConfiguration;
    QTimer m_prune;
};

} // namespace Authd
