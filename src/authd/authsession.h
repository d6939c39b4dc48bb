// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/scram/scram.h"
#include "core/tap/frame.h"

#include <QObject>

#include <optional>

class QTcpSocket;

namespace Authd {

class Metrics;
class TokenIssuer;
class UserDatabase;
struct UserRecord;

// What every session of one thread shares: that thread's database
// connection and token issuer, and the process's metrics.
struct ServerContext
{
    UserDatabase &database;
    TokenIssuer &issuer;
    Metrics &metrics;
    int iterations = Scram::defaultIterations;
    int maxAttempts = 3;
    int handshakeTimeoutMs = 30000;
    int idleTimeoutMs = 300000;
    int tlsHandshakeTimeoutMs = 10000;
};

// One client connection: the TAP/1 state machine, event-driven on its socket.
// Memory is bounded both ways: at most one frame is read ahead, and no
// further request is read while more than maxQueuedOutput bytes of answers
// wait for a client that does not read them.
class AuthSession : public QObject
{
    Q_OBJECT
public:
    enum class State { AwaitStart, AwaitProof, Authenticated, Closed };
    Q_ENUM(State)

    static constexpr qint64 maxQueuedOutput = 8 * 1024;
    // What Qt and the kernel buffer per connection: small, so that thousands of
    // clients that send without reading cost little memory and little work.
    static constexpr qint64 socketReadBuffer = 16 * 1024;
    static constexpr int kernelSendBuffer = 16 * 1024;
    static constexpr int kernelReceiveBuffer =
        2 * (Tap::maxFrameSize + 4); // room for a whole frame
    static constexpr qint64 readChunk =
        4096; // the decoder holds one frame, not a window of small ones
    // Requests a connection may make: a burst, then a steady rate. A login takes
    // two, a session a few a minute; a flood waits (it is not read meanwhile).
    static constexpr double requestBurst = 20;
    static constexpr double requestsPerSecond = 10;
    static constexpr int lingerMs =
        2000; // for the last frame to leave before the socket is dropped
    // What a client is told to wait while the database is away: reconnecting takes less.
    static constexpr qint64 busyRetrySeconds = 2;

    // With `tls`, the socket is a QSslSocket whose server handshake has been started.
    // With `fromTrustedProxy`, a PROXY v2 header may come first and name the real client.
    AuthSession(QTcpSocket *socket, ServerContext &context, bool tls, bool fromTrustedProxy,
                QObject *parent = nullptr);
    ~AuthSession() override;

    // Timeouts are deadlines that the server checks for all sessions at once
    // (one timer, not one per connection: Qt's timer list is linear).
    void checkDeadlines(qint64 nowMs);
    // After paused(): reads again if the request budget allows.
    void resume();

Q_SIGNALS:
    void closed();
    void paused(); // out of request budget: call resume() a little later

private:
    void handleReadyRead();
    bool readProxyHeader();
    void busy();
    // The lock, the account and the database, asked at auth-start and again at
    // auth-proof; false when it has answered (locked, server-busy) and closed.
    bool checkAccount(std::optional<UserRecord> *record = nullptr);
    void observeLogin();
    void handleMessage(const QJsonObject &message);
    void handleAuthStart(const QJsonObject &message);
    void handleAuthProof(const QJsonObject &message);
    void handleResume(const QJsonObject &message);
    void handleIntrospect(const QJsonObject &message);
    void handleAuthenticated(const QString &type);
    void countFailure(const QString &user, const QString &reason);
    void startSession(const QString &user, const QString &scramFinal);
    bool sessionRevoked() const;
    void send(const QJsonObject &message);
    void sendRaw(const QByteArray &frame);
    void fail(const QString &code, const QString &text, qint64 retryAfter = -1);
    void close();
    void log(const char *event, const QString &detail = {}) const;
    Scram::Verifier fakeVerifier(const QString &user) const;
    bool takeRequest();

    QTcpSocket *m_socket;
    ServerContext &m_context;
    Tap::FrameDecoder m_decoder;
    State m_state = State::AwaitStart;
    std::optional<Scram::ServerExchange> m_exchange;
    QString m_user;
    bool m_userUsable = false;
    bool m_userHasFailures = false; // cleared on success
    bool m_tls = false;
    bool m_awaitProxyHeader = false;
    QByteArray m_proxyBytes;   // read while a PROXY v2 header may still be coming
    qint64 m_loginStartNs = 0; // auth-start received (steady clock), for the latency histogram
    int m_failures = 0;
    QString m_jti;
    qint64 m_expires = 0;
    QString m_peer;             // as logged
    QString m_addressKey;       // as throttled (IPv6 by /64)
    qint64 m_deadlineMs = 0;    // handshake, then idle timeout
    qint64 m_tlsDeadlineMs = 0; // 0: not TLS, or encrypted
    bool m_paused = false;
    double m_budget = requestBurst;
    qint64 m_budgetAtMs = 0; // when m_budget was last refilled
};

// A value for a log line: quoted, with quotes, backslashes and control characters escaped.
QString logValue(const QString &value);

} // namespace Authd
