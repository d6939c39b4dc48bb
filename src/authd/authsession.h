// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/scram/scram.h"
#include "core/tap/frame.h"

#include <QObject>
#include <QTimer>

#include <optional>

class QTcpSocket;

namespace Authd {

class DataStore;
class Throttle;
class TokenIssuer;

struct ServerContext
{
    DataStore &store;
    TokenIssuer &issuer;
    Throttle &throttle;
    int iterations = Scram::defaultIterations;
    int maxAttempts = 3;
    int handshakeTimeoutMs = 30000;
    int idleTimeoutMs = 300000;
};

// One client connection: the TAP/1 state machine, event-driven on its socket.
class AuthSession : public QObject
{
    Q_OBJECT
public:
    enum class State { AwaitStart, AwaitProof, Authenticated, Closed };
    Q_ENUM(State)

    AuthSession(QTcpSocket *socket, ServerContext &context, QObject *parent = nullptr);
    ~AuthSession() override;

Q_SIGNALS:
    void closed();

private:
    void handleReadyRead();
    void handleMessage(const QJsonObject &message);
    void handleAuthStart(const QJsonObject &message);
    void handleAuthProof(const QJsonObject &message);
    void handleAuthenticated(const QString &type);
    void send(const QJsonObject &message);
    void fail(const QString &code, const QString &text, qint64 retryAfter = -1);
    void close();
    void log(const char *event, const QString &detail = {}) const;
    Scram::Verifier fakeVerifier(const QString &user) const;

    QTcpSocket *m_socket;
    ServerContext &m_context;
    Tap::FrameDecoder m_decoder;
    State m_state = State::AwaitStart;
    std::optional<Scram::ServerExchange> m_exchange;
    QString m_user;
    bool m_userUsable = false;
    int m_failures = 0;
    QString m_jti;
    qint64 m_expires = 0;
    QString m_peer;
    QTimer m_timer;
};

} // namespace Authd
