// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHostAddress>
#include <QObject>

class QTcpServer;
class QTcpSocket;

namespace Authd {

class Metrics;

// The scrape and health endpoint (--metrics-listen): HTTP/1.0, one request
// per connection, answered and closed. GET or HEAD of /metrics (Prometheus
// text format 0.0.4) and /health ("ok database=up|down": liveness, the
// instance answers server-busy itself while the database is away); any other
// path is 404. Event-driven on the thread that owns it: a request head
// (request line and headers) over maxRequestBytes or not complete within
// requestTimeoutMs is dropped; with maxConnections open, accepting pauses and
// further scrapers wait in the listen backlog instead of being refused.
class MetricsServer : public QObject
{
    Q_OBJECT
public:
    static constexpr int maxConnections = 64;
    static constexpr qsizetype maxRequestBytes = 4096;
    static constexpr int requestTimeoutMs = 5000;

    MetricsServer(const Metrics &metrics, QObject *parent = nullptr);

    bool listen(const QHostAddress &address, quint16 port, QString *error);
    quint16 port() const;
    int openConnections() const { return m_open; }

private:
    void acceptPending();
    void readRequest(QTcpSocket *socket);
    QByteArray answer(QByteArrayView requestLine) const;
    void connectionGone();

    const Metrics &m_metrics;
    QTcpServer *m_server;
    int m_open = 0;
};

} // namespace Authd
