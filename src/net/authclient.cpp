// SPDX-License-Identifier: GPL-3.0-or-later
#include "authclient.h"

#include <QCryptographicHash>
#include <QSslConfiguration>
#include <QSslSocket>

using namespace Qt::StringLiterals;

namespace Net {

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
    if (m_socket)
        m_socket->disconnect(this);
}

void AuthClient::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void AuthClient::login(const Server &server, const QString &user, const QString &password)
{
    m_user = user;
    m_password = password;
    m_timer.start(m_timeoutMs);
    if (m_socket && m_state == State::AwaitChallenge) { // retry on the same connection
        startHandshake();
        return;
    }
    m_server = server;
    m_decoder = Tap::FrameDecoder();
    m_sslErrors.clear();
    m_socket = std::make_unique<QSslSocket>();
    m_socket->setReadBufferSize(Tap::maxFrameSize + 4);
    connect(m_socket.get(), &QSslSocket::readyRead, this, &AuthClient::handleReadyRead);
    connect(m_socket.get(), &QSslSocket::sslErrors, this, &AuthClient::handleSslErrors);
    connect(m_socket.get(), &QAbstractSocket::errorOccurred, this, [this](QAbstractSocket::SocketError code) {
        if (m_state == State::Closed || m_state == State::Idle)
            return;
        if (code == QAbstractSocket::RemoteHostClosedError && m_state == State::Authenticated)
            return;
        const bool tls = code == QAbstractSocket::SslHandshakeFailedError || !m_sslErrors.isEmpty();
        Error error{tls ? ErrorKind::Tls : ErrorKind::CannotConnect, m_socket->errorString()};
        if (tls) {
            error.sslErrors = m_sslErrors;
            error.certificate = m_socket->peerCertificate();
            if (error.certificate.isNull() && !m_sslErrors.isEmpty())
                error.certificate = m_sslErrors.first().certificate();
        } else if (m_state != State::Connecting) {
            error.kind = ErrorKind::Protocol;
            error.message = u"the server closed the connection: %1"_s.arg(m_socket->errorString());
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
        connect(m_socket.get(), &QSslSocket::encrypted, this, [this] { setState(State::AwaitHello); });
        m_socket->connectToHostEncrypted(server.host, server.port); // SNI and host name checks by Qt
    } else {
        connect(m_socket.get(), &QSslSocket::connected, this, [this] { setState(State::AwaitHello); });
        m_socket->connectToHost(server.host, server.port);
    }
}

void AuthClient::handleSslErrors(const QList<QSslError> &errors)
{
    m_sslErrors = errors;
    // The only exception to verification: the exact certificate the user trusted.
    const QSslCertificate certificate = m_socket->peerCertificate();
    if (!certificate.isNull() && m_server.trustedSha256.contains(certificate.digest(QCryptographicHash::Sha256))) {
        m_socket->ignoreSslErrors(errors);
        m_sslErrors.clear();
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
    m_socket->write(Tap::encodeFrame(message));
}

void AuthClient::finishWithError(Error error)
{
    if (m_state == State::Closed || m_state == State::Idle)
        return;
    m_timer.stop();
    m_password.clear();
    setState(State::Closed);
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
    Q_EMIT failed(error);
}

void AuthClient::handleReadyRead()
{
    while (m_socket && m_socket->bytesAvailable() > 0 && m_state != State::Closed) {
        m_decoder.feed(m_socket->read(m_decoder.room()));
        for (;;) {
            QJsonObject message;
            QString error;
            const auto status = m_decoder.next(&message, &error);
            if (status == Tap::FrameDecoder::Status::NeedMore)
                break;
            if (status == Tap::FrameDecoder::Status::Error)
                return finishWithError({ErrorKind::Protocol, u"the server sent a bad frame: %1"_s.arg(error)});
            handleMessage(message);
            if (m_state == State::Closed)
                return;
        }
    }
}

void AuthClient::handleMessage(const QJsonObject &message)
{
    const QString type = message.value(u"type"_s).toString();
    if (type == u"error"_s) {
        const QString code = message.value(u"code"_s).toString();
        Error error{ErrorKind::Protocol, u"%1: %2"_s.arg(code, message.value(u"message"_s).toString())};
        if (code == u"too-many-attempts"_s)
            error.kind = ErrorKind::TooManyAttempts;
        else if (code == u"locked"_s) {
            error.kind = ErrorKind::Locked;
            error.retryAfter = message.value(u"retry_after"_s).toInteger(-1);
        }
        return finishWithError(error);
    }
    switch (m_state) {
    case State::AwaitHello:
        if (type != u"hello"_s || message.value(u"protocol"_s).toString() != u"tap/1"_s)
            return finishWithError({ErrorKind::Protocol, u"this is not a TAP/1 server"_s});
        return startHandshake();
    case State::AwaitChallenge: {
        if (type != u"auth-challenge"_s)
            break;
        QString error;
        const QByteArray final = m_exchange->handleServerFirst(message.value(u"message"_s).toString().toUtf8(), &error);
        if (final.isEmpty())
            return finishWithError({ErrorKind::Protocol, error});
        sendFrame({{u"type"_s, u"auth-proof"_s}, {u"message"_s, QString::fromUtf8(final)}});
        setState(State::AwaitOutcome);
        return;
    }
    case State::AwaitOutcome:
        if (type == u"auth-failed"_s) {
            m_timer.stop();
            Error error{ErrorKind::WrongCredentials, u"wrong user name or password"_s};
            error.attemptsLeft = message.value(u"attempts_left"_s).toInt(-1);
            setState(State::AwaitChallenge); // the connection stays open for another try
            Q_EMIT failed(error);
            return;
        }
        if (type == u"auth-ok"_s) {
            QString error;
            // Never trust the token before the server has proved itself (RFC 5802 §3).
            if (!m_exchange->verifyServerFinal(message.value(u"message"_s).toString().toUtf8(), &error))
                return finishWithError({ErrorKind::Impostor, error});
            m_timer.stop();
            m_password.clear();
            m_token = message.value(u"token"_s).toString();
            m_expiresIn = message.value(u"expires_in"_s).toInteger();
            setState(State::Authenticated);
            Q_EMIT loggedIn(m_token, m_expiresIn);
            return;
        }
        break;
    case State::Busy:
        m_timer.stop();
        if (type == u"token"_s) {
            m_token = message.value(u"token"_s).toString();
            m_expiresIn = message.value(u"expires_in"_s).toInteger();
        }
        setState(type == u"bye"_s ? State::Closed : State::Authenticated);
        Q_EMIT replied(message);
        return;
    default:
        break;
    }
    finishWithError({ErrorKind::Protocol, u"unexpected \"%1\" from the server"_s.arg(type)});
}

} // namespace Net
