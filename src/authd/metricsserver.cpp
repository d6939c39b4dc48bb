// SPDX-License-Identifier: GPL-3.0-or-later
#include "metricsserver.h"

#include "metrics.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

namespace Authd {

namespace {

QByteArray response(QByteArrayView status, QByteArrayView contentType, const QByteArray &body,
                    bool withBody)
{
    QByteArray out = "HTTP/1.0 ";
    out.append(status);
    out += "\r\nContent-Type: ";
    out.append(contentType);
    out += "\r\nContent-Length: " + QByteArray::number(body.size());
    out += "\r\nConnection: close\r\n";
    if (status.startsWith("405"))
        out += "Allow: GET, HEAD\r\n";
    out += "\r\n";
    if (withBody)
        out += body;
    return out;
}

// Where the request head ends (after its blank line), or -1 while incomplete.
qsizetype headEnd(const QByteArray &bytes)
{
    const qsizetype crlf = bytes.indexOf("\r\n\r\n");
    if (crlf >= 0)
        return crlf + 4;
    const qsizetype lf = bytes.indexOf("\n\n");
    return lf >= 0 ? lf + 2 : -1;
}

constexpr QByteArrayView plainText = "text/plain; charset=utf-8";
constexpr QByteArrayView exposition = "text/plain; version=0.0.4; charset=utf-8";

} // namespace

MetricsServer::MetricsServer(const Metrics &metrics, QObject *parent)
    : QObject(parent)
    , m_metrics(metrics)
    , m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &MetricsServer::acceptPending);
}

bool MetricsServer::listen(const QHostAddress &address, quint16 port, QString *error)
{
    if (m_server->listen(address, port))
        return true;
    if (error)
        *error = m_server->errorString();
    return false;
}

quint16 MetricsServer::port() const
{
    return m_server->serverPort();
}

void MetricsServer::acceptPending()
{
    while (m_open < maxConnections && m_server->hasPendingConnections()) {
        QTcpSocket *socket = m_server->nextPendingConnection();
        ++m_open;
        // Qt stops reading from the kernel here, so one readyRead can never
        // hold more than the limit plus one byte.
        socket->setReadBufferSize(maxRequestBytes + 1);
        connect(socket, &QObject::destroyed, this, &MetricsServer::connectionGone);
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { readRequest(socket); });
        QTimer::singleShot(requestTimeoutMs, socket, [socket] {
            socket->abort();
            socket->deleteLater();
        });
    }
    if (m_open >= maxConnections)
        m_server->pauseAccepting();
}

void MetricsServer::connectionGone()
{
    --m_open;
    if (m_open < maxConnections) {
        m_server->resumeAccepting();
        acceptPending(); // any that Qt accepted before the pause
    }
}

void MetricsServer::readRequest(QTcpSocket *socket)
{
    if (socket->state() != QAbstractSocket::ConnectedState)
        return; // answered already, or going
    const QByteArray received = socket->peek(maxRequestBytes + 1);
    const qsizetype end = headEnd(received);
    if (end < 0 || end > maxRequestBytes) {
        if (received.size() > maxRequestBytes) {
            socket->abort();
            socket->deleteLater();
        }
        return;
    }
    socket->read(end); // the head leaves the buffer: closing then sends FIN, not RST
    const qsizetype lineEnd = received.indexOf('\n');
    socket->write(answer(QByteArrayView(received).first(lineEnd).trimmed()));
    socket->disconnectFromHost(); // after the bytes are written; disconnected deletes it
}

QByteArray MetricsServer::answer(QByteArrayView requestLine) const
{
    const QList<QByteArray> parts = requestLine.toByteArray().split(' ');
    if (parts.size() != 3 || !parts[2].startsWith("HTTP/"))
        return response("400 Bad Request", plainText, "bad request\n", true);
    const QByteArray &method = parts[0];
    const bool head = method == "HEAD";
    if (!head && method != "GET")
        return response("405 Method Not Allowed", plainText, "method not allowed\n", true);
    QByteArray path = parts[1];
    if (const qsizetype query = path.indexOf('?'); query >= 0)
        path.truncate(query);
    if (path == "/metrics")
        return response("200 OK", exposition, m_metrics.render(), !head);
    if (path == "/health") {
        const QByteArray body = m_metrics.databaseUp() ? "ok database=up\n" : "ok database=down\n";
        return response("200 OK", plainText, body, !head);
    }
    return response("404 Not Found", plainText, "not found\n", !head);
}

} // namespace Authd
