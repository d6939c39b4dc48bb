// SPDX-License-Identifier: GPL-3.0-or-later
#include "loginclient.h"

#include "monotonic.h"

#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace LoadGen {

namespace {
constexpr int transportRetryMs = 20;   // refused or dropped: try again soon, without spinning
constexpr int maxServerRetryMs = 1000; // a retry_after beyond this would stall the benchmark
} // namespace

LoginClient::LoginClient(const Target &target, ScramKeyCache &cache, const QString &user,
                         const QString &password, LoadStats &stats, QObject *parent)
    : QObject(parent)
    , m_target(target)
    , m_scram(cache, user, password)
    , m_stats(stats)
{
    connect(&m_socket, &QTcpSocket::readyRead, this, &LoginClient::onReadyRead);
    connect(&m_socket, &QTcpSocket::errorOccurred, this, &LoginClient::onSocketError);
}

void LoginClient::start()
{
    m_decoder = Tap::FrameDecoder();
    m_active = true;
    m_startedNs = monotonicNs();
    m_socket.connectToHost(m_target.address, m_target.port);
}

void LoginClient::stop()
{
    m_active = false;
    m_socket.abort();
}

void LoginClient::expireIfOlderThan(qint64 nowNs, qint64 timeoutNs)
{
    if (m_active && nowNs - m_startedNs > timeoutNs)
        fail(u"timeout"_s, 0);
}

void LoginClient::onReadyRead()
{
    while (m_active && m_socket.bytesAvailable() > 0) {
        m_decoder.feed(m_socket.read(m_decoder.room()));
        QJsonObject message;
        QString error;
        Tap::FrameDecoder::Status status;
        while (m_active &&
               (status = m_decoder.next(&message, &error)) == Tap::FrameDecoder::Status::Frame)
            handle(message);
        if (m_active && status == Tap::FrameDecoder::Status::Error)
            fail(u"bad-frame"_s, transportRetryMs);
    }
}

void LoginClient::onSocketError(QAbstractSocket::SocketError error)
{
    if (!m_active)
        return;
    fail(error == QAbstractSocket::ConnectionRefusedError  ? u"connect-refused"_s
         : error == QAbstractSocket::RemoteHostClosedError ? u"closed"_s
                                                           : u"socket"_s,
         transportRetryMs);
}

void LoginClient::handle(const QJsonObject &message)
{
    const QString type = message.value(u"type"_s).toString();
    if (type == u"hello"_s) {
        const QByteArray first = m_scram.clientFirst();
        if (first.isEmpty())
            return fail(u"bad-user-name"_s, 0);
        send({{u"type"_s, u"auth-start"_s},
              {u"mechanism"_s, u"SCRAM-SHA-256"_s},
              {u"message"_s, QString::fromUtf8(first)}});
    } else if (type == u"auth-challenge"_s) {
        QString error;
        const auto final =
            m_scram.clientFinal(message.value(u"message"_s).toString().toUtf8(), &error);
        if (!final)
            return fail(u"bad-challenge"_s, 0);
        send({{u"type"_s, u"auth-proof"_s}, {u"message"_s, QString::fromUtf8(*final)}});
    } else if (type == u"auth-ok"_s) {
        if (!m_scram.serverFinalValid(message.value(u"message"_s).toString().toUtf8()))
            return fail(u"bad-server-signature"_s, 0);
        succeed();
    } else if (type == u"auth-failed"_s) {
        fail(message.value(u"reason"_s).toString(u"auth-failed"_s), transportRetryMs);
    } else if (type == u"error"_s) {
        const int retryMs = message.value(u"retry_after"_s).toInt(0) * 1000;
        fail(message.value(u"code"_s).toString(u"error"_s),
             std::clamp(retryMs, transportRetryMs, maxServerRetryMs));
    } else {
        fail(u"unexpected-"_s + type, transportRetryMs);
    }
}

void LoginClient::send(const QJsonObject &message)
{
    m_socket.write(Tap::encodeFrame(message));
}

void LoginClient::succeed()
{
    m_active = false;
    if (m_stats.counting)
        m_stats.latenciesMs.append(double(monotonicNs() - m_startedNs) / 1e6);
    m_socket.abort(); // close(2): the server sees an orderly end of stream
    Q_EMIT ended(0);
}

void LoginClient::fail(const QString &code, int retryDelayMs)
{
    m_active = false;
    if (m_stats.counting)
        ++m_stats.failures[code];
    m_socket.abort();
    Q_EMIT ended(retryDelayMs);
}

} // namespace LoadGen
