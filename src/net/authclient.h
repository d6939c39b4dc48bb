// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/scram/scram.h"
#include "core/tap/frame.h"

#include <QJsonObject>
#include <QObject>
#include <QSslCertificate>
#include <QSslError>
#include <QTimer>

#include <memory>
#include <optional>

class QSslSocket;

namespace Net {

// The client side of TAP/1: an asynchronous state machine on QSslSocket (plain
// TCP when TLS is off). It never blocks; frames are reassembled by length;
// every operation ends exactly once, with loggedIn/replied or failed.
class AuthClient : public QObject
{
    Q_OBJECT
public:
    enum class State { Idle, Connecting, AwaitHello, AwaitChallenge, AwaitOutcome, Authenticated, Busy, Closed };
    Q_ENUM(State)

    enum class ErrorKind {
        CannotConnect,    // DNS, refused, unreachable
        Tls,              // handshake or certificate problem (see certificate, sslErrors)
        WrongCredentials, // attemptsLeft says how many remain on this connection
        TooManyAttempts,
        Locked,           // retryAfter seconds
        Impostor,         // the server could not prove it knows the verifier
        Protocol,         // anything else the server or the wire got wrong
        Timeout,
        Cancelled,
    };
    Q_ENUM(ErrorKind)

    struct Error
    {
        Error(ErrorKind k = ErrorKind::Protocol, QString text = {})
            : kind(k)
            , message(std::move(text))
        {
        }
        ErrorKind kind = ErrorKind::Protocol;
        QString message; // English detail for logs and the CLI
        int attemptsLeft = -1;
        qint64 retryAfter = -1;
        QSslCertificate certificate;
        QList<QSslError> sslErrors;
    };

    struct Server
    {
        QString host;
        quint16 port = Tap::defaultPort;
        bool tls = false;
        QList<QSslCertificate> caCertificates; // added to the system's
        QList<QByteArray> trustedSha256;       // certificates the user chose to trust
    };

    explicit AuthClient(QObject *parent = nullptr);
    ~AuthClient() override;

    State state() const { return m_state; }
    QString token() const { return m_token; }
    qint64 expiresIn() const { return m_expiresIn; }

    // Connects (if needed) and runs SCRAM-SHA-256. After WrongCredentials the
    // same connection may be used again with another password.
    void login(const Server &server, const QString &user, const QString &password);
    // After loggedIn: ping, whoami, refresh, jwks, logout.
    void request(const QString &type);
    void cancel();
    void setTimeout(int milliseconds) { m_timeoutMs = milliseconds; }

Q_SIGNALS:
    void stateChanged(Net::AuthClient::State state);
    void loggedIn(const QString &token, qint64 expiresIn);
    void replied(const QJsonObject &reply);
    void failed(const Net::AuthClient::Error &error);

private:
    void setState(State state);
    void startHandshake();
    void handleReadyRead();
    void handleMessage(const QJsonObject &message);
    void handleSslErrors(const QList<QSslError> &errors);
    void finishWithError(Error error);
    void sendFrame(const QJsonObject &message);

    std::unique_ptr<QSslSocket> m_socket;
    Tap::FrameDecoder m_decoder;
    std::optional<Scram::ClientExchange> m_exchange;
    Server m_server;
    QString m_user;
    QString m_password;
    QString m_token;
    qint64 m_expiresIn = 0;
    State m_state = State::Idle;
    QTimer m_timer;
    int m_timeoutMs = 30000;
    QList<QSslError> m_sslErrors;
};

} // namespace Net

Q_DECLARE_METATYPE(Net::AuthClient::Error)
