// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "authsession.h"

#include <QHostAddress>
#include <QObject>

class QTcpServer;

namespace Authd {

// Accepts connections on plain TCP and, optionally, implicit TLS; every
// client is an AuthSession on this thread's event loop (no thread per client).
class AuthServer : public QObject
{
    Q_OBJECT
public:
    AuthServer(ServerContext &context, int maxConnections, QObject *parent = nullptr);
    ~AuthServer() override;

    bool listen(const QHostAddress &address, quint16 port, QString *error);
    bool listenTls(const QHostAddress &address, quint16 port, const QString &certificateFile,
                   const QString &keyFile, QString *error);
    quint16 port() const;
    quint16 tlsPort() const;
    int sessionCount() const { return m_sessions; }

private:
    void accept(QTcpServer *server);

    ServerContext &m_context;
    int m_maxConnections;
    int m_sessions = 0;
    QTcpServer *m_plain = nullptr;
    QTcpServer *m_tls = nullptr;
};

} // namespace Authd
