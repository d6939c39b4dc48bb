// SPDX-License-Identifier: GPL-3.0-or-later
#include "authclient.h"

#include "crypto/crypto.h"

#include <QCryptographicHash>
#include <QFutureWatcher>
#include <QLoggingCategory>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcAuthClient, "tidings.net.auth", QtWarningMsg)

namespace Net {

namespace {

QByteArray fingerprint(const QSslCertificate &certificate)
{
    return certificate.isNull() ? QByteArray() : certificate.digest(QCryptographicHash::Sha256);
}

// What the worker hands back: the exchange with its derived keys, and its answer.
struct Derived
{
    Scram::ClientExchange exchange;
    QByteArray clientFinal;
    QString error;
};

} // namespace

AuthClient::AuthClient(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<Net::AuthClient::Error>();
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        finishWithError({ErrorKind::Timeout, u"the server did not answer in time"_s});
    });
}

AuthClient::~AuthClient()
{
    if (m_socket) {
        m_socket->disconnect(this);
        delete m_socket.data(); // not inside its own signal: we are being destroyed from elsewhere
    }
}

void AuthClient::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void AuthClient::dropSocket()
{
    if (!m_socket)
        return;
    m_socket->disconnect(this);
    m_socket->abort();
    // We may be inside one of its signals (readyRead): delete it once that returns.
    m_socket->deleteLater();
    m_socket = nullptr;
}

void AuthClient::login(const Server &server, const QString &user, const QString &password)
{
    m_user = user;
    m_password = password;
    if (m_socket && m_state == State::AwaitChallenge && m_server.sameEndpoint(server)) {
        m_goal = Goal::Login; // retry on the same connection (TAP/1 allows it)
        m_timer.start(m_timeoutMs);
        startHandshake();
        return;
    }
    open(server, Goal::Login);
}

void AuthClient::resume(const Server &server, const QString &token)
{
    m_resumeToken = token;
    m_user.clear();
    m_password.clear();
    open(server, Goal::Resume);
}

void AuthClient::introspect(const Server &server, const QString &token)
{
    m_resumeToken = token;
    open(server, Goal::Introspect);
}

void AuthClient::open(const Server &server, Goal goal)
{
    // Another server, port or TLS choice is another connection: never send a proof down the old
    // one.
    dropSocket();
    ++m_derivation;
    m_goal = goal;
    m_server = server;
    m_decoder = Tap::FrameDecoder();
    m_sslErrors.clear();
    m_exchange.reset();
    m_state = State::Idle;
    m_timer.start(m_timeoutMs);
    m_socket = new QSslSocket(this);
    m_socket->setReadBufferSize(Tap::maxFrameSize + 4);
    connect(m_socket, &QSslSocket::readyRead, this, &AuthClient::handleReadyRead);
    connect(m_socket, &QSslSocket::sslErrors, this, &AuthClient::handleSslErrors);
    connect(
        m_socket, &QAbstractSocket::errorOccurred, this, [this](QAbstractSocket::SocketError code) {
            if (m_state == State::Closed || m_state == State::Idle)
                return;
            if (code == QAbstractSocket::RemoteHostClosedError && m_state == State::Authenticated)
                return;
            const bool tls =
                code == QAbstractSocket::SslHandshakeFailedError || !m_sslErrors.isEmpty();
            Error error{tls ? ErrorKind::Tls : ErrorKind::CannotConnect, m_socket->errorString()};
            if (tls) {
                error.sslErrors = m_sslErrors;
                error.certificate = m_socket->peerCertificate();
                if (error.certificate.isNull() && !m_sslErrors.isEmpty())
                    error.certificate = m_sslErrors.first().certificate();
                if (!m_server.pinnedSha256.isEmpty() &&
                    fingerprint(error.certificate) != m_server.pinnedSha256) {
                    error.kind = ErrorKind::CertificateChanged;
                    error.pinnedSha256 = m_server.pinnedSha256;
                }
            } else if (m_state != State::Connecting) {
                error.kind = ErrorKind::Protocol;
                error.message =
                    u"the server closed the connection: %1"_s.arg(m_socket->errorString());
            }
            finishWithError(error);
        });
    setState(State::Connecting);
    if (server.tls) {
        QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
        configuration.setProtocol(QSsl::TlsV1_2OrLater);
        if (!server.caCertificates.isEmpty())
            configuration.addCaCertificates(server.caCertificates);
        m_socket->setSslConfiguration(configuration);
        connect(m_socket, &QSslSocket::encrypted, this, &AuthClient::handleEncrypted);
        m_socket->connectToHostEncrypted(server.host,
                                         server.port); // SNI and host name checks by Qt
    } else {
        connect(m_socket, &QSslSocket::connected, this, [this] { setState(State::AwaitHello); });
        m_socket->connectToHost(server.host, server.port);
    }
}

void AuthClient::handleEncrypted()
{
    // A pinned host must show the pinned certificate, even one the system would accept:
    // a change is the user's to judge (SSH's rule), with both fingerprints in front of them.
    const QSslCertificate peer = m_socket->peerCertificate();
    if (!m_server.pinnedSha256.isEmpty() && fingerprint(peer) != m_server.pinnedSha256) {
        Error error{ErrorKind::CertificateChanged,
                    u"the server's certificate is not the one trusted before"_s};
        error.certificate = peer;
        error.pinnedSha256 = m_server.pinnedSha256;
        return finishWithError(error);
    }
    setState(State::AwaitHello);
}

void AuthClient::handleSslErrors(const QList<QSslError> &errors)
{
    m_sslErrors = errors;
    // The only exception to verification: the exact certificate trusted for this host and port.
    const QSslCertificate certificate = m_socket->peerCertificate();
    if (!m_server.pinnedSha256.isEmpty() && fingerprint(certificate) == m_server.pinnedSha256) {
        m_socket->ignoreSslErrors(errors);
        m_sslErrors.clear();
    }
}

void AuthClient::afterHello()
{
    switch (m_goal) {
    case Goal::Login:
        return startHandshake();
    case Goal::Resume:
        sendFrame({{u"type"_s, u"resume"_s}, {u"token"_s, m_resumeToken}});
        return setState(State::AwaitOutcome);
    case Goal::Introspect:
        sendFrame({{u"type"_s, u"introspect"_s}, {u"token"_s, m_resumeToken}});
        return setState(State::Busy);
    }
}

void AuthClient::startHandshake()
{
    m_exchange.emplace(m_user, m_password);
    QString error;
    const QByteArray first = m_exchange->clientFirst(&error);
    if (first.isEmpty())
        return finishWithError({ErrorKind::Protocol, error});
    sendFrame({{u"type"_s, u"auth-start"_s},
               {u"mechanism"_s, u"SCRAM-SHA-256"_s},
               {u"message"_s, QString::fromUtf8(first)}});
    setState(State::AwaitChallenge);
}

void AuthClient::derive(const QByteArray &serverFirst)
{
    // PBKDF2 of up to 10,000,000 iterations takes seconds: never on the caller's (GUI) thread.
    setState(State::Deriving);
    const int generation = ++m_derivation;
    auto *watcher = new QFutureWatcher<Derived>(this);
    connect(watcher, &QFutureWatcher<Derived>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_derivation || m_state != State::Deriving)
            return; // cancelled, timed out or replaced meanwhile
        Derived result = watcher->result();
        m_exchange = std::move(result.exchange);
        if (result.clientFinal.isEmpty())
            return finishWithError({ErrorKind::Protocol, result.error});
        sendFrame(
            {{u"type"_s, u"auth-proof"_s}, {u"message"_s, QString::fromUtf8(result.clientFinal)}});
        setState(State::AwaitOutcome);
    });
    watcher->setFuture(QtConcurrent::run([exchange = *m_exchange, serverFirst]() mutable {
        QString error;
        const QByteArray clientFinal = exchange.handleServerFirst(serverFirst, &error);
        // A pool thread may outlive everything else: leave no OpenSSL state for its exit to free.
        Crypto::releaseThreadState();
        return Derived{std::move(exchange), clientFinal, error};
    }));
}

void AuthClient::request(const QString &type)
{
    if (m_state != State::Authenticated) {
        finishWithError({ErrorKind::Protocol, u"not logged in"_s});
        return;
    }
    m_timer.start(m_timeoutMs);
    setState(State::Busy);
    sendFrame({{u"type"_s, type}});
}

void AuthClient::cancel()
{
    finishWithError({ErrorKind::Cancelled, u"cancelled"_s});
}

void AuthClient::sendFrame(const QJsonObject &message)
{
    if (m_socket)
        m_socket->write(Tap::encodeFrame(message));
}

void AuthClient::finishWithError(Error error)
{
    if (m_state == State::Closed || m_state == State::Idle)
        return;
    m_timer.stop();
    m_password.clear();
    m_resumeToken.clear();
    setState(State::Closed);
    dropSocket();
    qCDebug(lcAuthClient) << "failed:" << error.kind << error.message;
    Q_EMIT failed(error);
}

void AuthClient::handleReadyRead()
{
    // m_socket turns null when a handler below ends the connection.
    while (m_socket && m_socket->bytesAvailable() > 0 && m_state != State::Closed) {
        m_decoder.feed(m_socket->read(m_decoder.room()));
        for (;;) {
            QJsonObject message;
            QString error;
            const auto status = m_decoder.next(&message, &error);
            if (status == Tap::FrameDecoder::Status::NeedMore)
                break;
            if (status == Tap::FrameDecoder::Status::Error)
                return finishWithError(
                    {ErrorKind::Protocol, u"the server sent a bad frame: %1"_s.arg(error)});
            handleMessage(message);
            if (m_state == State::Closed || !m_socket)
                return;
        }
    }
}

void AuthClient::handleMessage(const QJsonObject &message)
{
    const QString type = message.value(u"type"_s).toString();
    if (type == u"error"_s) {
        const QString code = message.value(u"code"_s).toString();
        Error error{ErrorKind::Protocol,
                    u"%1: %2"_s.arg(code, message.value(u"message"_s).toString())};
        if (code == u"too-many-attempts"_s) {
            error.kind = ErrorKind::TooManyAttempts;
        } else if (code == u"locked"_s) {
            error.kind = ErrorKind::Locked;
            error.retryAfter = message.value(u"retry_after"_s).toInteger(-1);
        } else if (code == u"server-busy"_s) {
            error.kind = ErrorKind::ServerBusy;
            error.retryAfter = message.value(u"retry_after"_s).toInteger(-1);
        } else if (code == u"token-revoked"_s) {
            error.kind = ErrorKind::Revoked;
        }
        return finishWithError(error);
    }
    switch (m_state) {
    case State::AwaitHello:
        if (type != u"hello"_s || message.value(u"protocol"_s).toString() != u"tap/1"_s)
            return finishWithError({ErrorKind::Protocol, u"this is not a TAP/1 server"_s});
        return afterHello();
    case State::AwaitChallenge:
        if (type != u"auth-challenge"_s)
            break;
        return derive(message.value(u"message"_s).toString().toUtf8());
    case State::AwaitOutcome:
        return handleOutcome(type, message);
    case State::Busy: {
        m_timer.stop();
        if (type == u"token"_s) {
            m_token = message.value(u"token"_s).toString();
            m_expiresIn = message.value(u"expires_in"_s).toInteger();
        }
        const bool over = type == u"bye"_s || m_goal == Goal::Introspect;
        if (over)
            dropSocket();
        setState(over ? State::Closed : State::Authenticated);
        Q_EMIT replied(message);
        return;
    }
    default:
        break;
    }
    finishWithError(
        {ErrorKind::Protocol, u"unexpected \"%1\" from the server"_s.arg(type.left(64))});
}

void AuthClient::handleOutcome(const QString &type, const QJsonObject &message)
{
    if (type == u"auth-failed"_s) {
        m_timer.stop();
        const bool badToken = m_goal == Goal::Resume;
        Error error{badToken ? ErrorKind::InvalidToken : ErrorKind::WrongCredentials,
                    badToken ? u"the server no longer accepts this session token"_s
                             : u"wrong user name or password"_s};
        error.attemptsLeft = message.value(u"attempts_left"_s).toInt(-1);
        m_resumeToken.clear();
        setState(State::AwaitChallenge); // the connection stays open for another try
        Q_EMIT failed(error);
        return;
    }
    if (type != u"auth-ok"_s)
        return finishWithError(
            {ErrorKind::Protocol, u"unexpected \"%1\" from the server"_s.arg(type.left(64))});
    if (m_goal == Goal::Login) {
        QString error;
        // Never trust the token before the server has proved itself (RFC 5802 §3).
        if (!m_exchange ||
            !m_exchange->verifyServerFinal(message.value(u"message"_s).toString().toUtf8(), &error))
            return finishWithError({ErrorKind::Impostor, error});
    }
    m_timer.stop();
    m_password.clear();
    m_resumeToken.clear();
    m_exchange.reset();
    m_token = message.value(u"token"_s).toString();
    m_expiresIn = message.value(u"expires_in"_s).toInteger();
    setState(State::Authenticated);
    Q_EMIT loggedIn(m_token, m_expiresIn);
}

} // namespace Net
