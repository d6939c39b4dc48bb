// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/scram/scram.h"
#include "core/tap/frame.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QSslCertificate>
#include <QSslError>
#include <QTimer>

#include <optional>

class QSslSocket;

namespace Net {

// The client side of TAP/1(.1): an asynchronous state machine on QSslSocket
// (plain TCP when TLS is off). It never blocks: frames are reassembled by
// length and the PBKDF2 of a login runs on a worker thread. Every operation
// ends exactly once, with loggedIn/replied or failed.
class AuthClient : public QObject
{
    Q_OBJECT
public:
    enum class State {
        Idle,
        Connecting,
        AwaitHello,
        AwaitChallenge,
        Deriving,
        AwaitOutcome,
        Authenticated,
        Busy,
        Closed
    };
    Q_ENUM(State)

    enum class ErrorKind {
        CannotConnect,      // DNS, refused, unreachable
        Tls,                // handshake or certificate problem (see certificate, sslErrors)
        CertificateChanged, // the host presented another certificate than the one pinned for it
        WrongCredentials,   // attemptsLeft says how many remain on this connection
        InvalidToken,       // resume: the token is expired, revoked or not the server's
        TooManyAttempts,
        Locked,   // retryAfter seconds
        ServerBusy, // full, or its database cannot answer: try again after retryAfter seconds
        Impostor, // the server could not prove it knows the verifier
        Revoked,  // the session's token was revoked (logout elsewhere, an admin)
        Protocol, // anything else the server or the wire got wrong
        Timeout,
        Cancelled,
    };
    Q_ENUM(ErrorKind)

    struct Error
    {
        Error(ErrorKind k = ErrorKind::Protocol, QString text = {})
            : kind(k)
            , message(std::move(text))
        {}
        ErrorKind kind = ErrorKind::Protocol;
        QString message; // English detail for logs and the CLI
        int attemptsLeft = -1;
        qint64 retryAfter = -1;
        QSslCertificate certificate;
        QList<QSslError> sslErrors;
        QByteArray pinnedSha256; // CertificateChanged: the fingerprint the user trusted before
    };

    struct Server
    {
        QString host;
        quint16 port = Tap::defaultPort;
        bool tls = false;
        QList<QSslCertificate> caCertificates; // added to the system's
        // The certificate the user chose to trust for exactly this host and
        // port (SHA-256), if any: it is accepted there despite TLS errors, and
        // any other certificate from this host is refused as changed.
        QByteArray pinnedSha256;

        bool sameEndpoint(const Server &other) const
        {
            return host.compare(other.host, Qt::CaseInsensitive) == 0 && port == other.port &&
                   tls == other.tls && pinnedSha256 == other.pinnedSha256;
        }
    };

    explicit AuthClient(QObject *parent = nullptr);
    ~AuthClient() override;

    State state() const { return m_state; }
    QString token() const { return m_token; }
    qint64 expiresIn() const { return m_expiresIn; }
    Server server() const { return m_server; }

    // Connects (if needed) and runs SCRAM-SHA-256. After WrongCredentials the
    // same connection is used again, unless host, port, TLS or the pin changed.
    void login(const Server &server, const QString &user, const QString &password);
    // TAP/1.1: a new session from a token instead of the password (loggedIn
    // with the fresh token; the old one is then spent).
    void resume(const Server &server, const QString &token);
    // TAP/1.1: whether the server holds the token active (replied with the
    // "introspection" message), then the connection closes.
    void introspect(const Server &server, const QString &token);
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
    enum class Goal { Login, Resume, Introspect };

    void open(const Server &server, Goal goal);
    void dropSocket();
    void setState(State state);
    void afterHello();
    void startHandshake();
    void derive(const QByteArray &serverFirst);
    void handleEncrypted();
    void handleReadyRead();
    void handleMessage(const QJsonObject &message);
    void handleOutcome(const QString &type, const QJsonObject &message);
    void handleSslErrors(const QList<QSslError> &errors);
    void finishWithError(Error error);
    void sendFrame(const QJsonObject &message);

    QPointer<QSslSocket> m_socket; // deleted later, never inside its own signal
    Tap::FrameDecoder m_decoder;
    std::optional<Scram::ClientExchange> m_exchange;
    Server m_server;
    Goal m_goal = Goal::Login;
    QString m_user;
    QString m_password;
    QString m_resumeToken;
    QString m_token;
    qint64 m_expiresIn = 0;
    State m_state = State::Idle;
    QTimer m_timer;
    int m_timeoutMs = 30000;
    int m_derivation = 0; // which PBKDF2 result is still wanted
    QList<QSslError> m_sslErrors;
};

} // namespace Net

Q_DECLARE_METATYPE(Net::AuthClient::Error)
