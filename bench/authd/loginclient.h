// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "loadstats.h"
#include "scramkeys.h"

#include "core/tap/frame.h"

#include <QHostAddress>
#include <QObject>
#include <QTcpSocket>

namespace LoadGen {

struct Target
{
    QHostAddress address;
    quint16 port = 0;
};

// One TAP/1 client doing full SCRAM-SHA-256 logins, one connection per login:
// connect, hello, auth-start, auth-challenge, auth-proof, auth-ok (server
// signature checked), close. It runs on the caller's event loop; the owner
// restarts it after each ending, honouring the delay it asks for.
class LoginClient : public QObject
{
    Q_OBJECT
public:
    LoginClient(const Target &target, ScramKeyCache &cache, const QString &user,
                const QString &password, LoadStats &stats, QObject *parent = nullptr);

    void start();
    void stop();
    // Ends a login that has waited longer than timeoutNs as failed ("timeout").
    void expireIfOlderThan(qint64 nowNs, qint64 timeoutNs);

Q_SIGNALS:
    // One login is over (counted in the stats); start again after retryDelayMs.
    void ended(int retryDelayMs);

private:
    void onReadyRead();
    void onSocketError(QAbstractSocket::SocketError error);
    void handle(const QJsonObject &message);
    void send(const QJsonObject &message);
    void succeed();
    void fail(const QString &code, int retryDelayMs);

    Target m_target;
    CachedScramLogin m_scram;
    LoadStats &m_stats;
    QTcpSocket m_socket;
    Tap::FrameDecoder m_decoder;
    qint64 m_startedNs = 0;
    bool m_active = false;
};

} // namespace LoadGen
