// SPDX-License-Identifier: GPL-3.0-or-later
#include "authsession.h"

#include "metrics.h"
#include "proxyheader.h"
#include "throttle.h"
#include "tokenissuer.h"
#include "userdatabase.h"

#include "crypto/crypto.h"

#include <QDateTime>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTimer>

#include <chrono>

#include <sys/socket.h>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcSession, "tidings.authd.session", QtInfoMsg)

namespace Authd {

namespace {
constexpr qsizetype maxScramMessage = 1024; // names and nonces of real clients are far shorter

qint64 now()
{
    return QDateTime::currentSecsSinceEpoch();
}

qint64 monotonicNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}
} // namespace

QString logValue(const QString &value)
{
    QString out = u"\""_s;
    for (const QChar c : value) {
        if (c == u'"' || c == u'\\')
            out += u'\\' + QString(c);
        else if (c.unicode() < 0x20 || c.unicode() == 0x7F || c.category() == QChar::Other_Format ||
                 c == QChar::LineSeparator || c == QChar::ParagraphSeparator)
            out += u"\\u%1"_s.arg(uint(c.unicode()), 4, 16, QChar(u'0'));
        else
            out += c;
    }
    return out + u'"';
}

AuthSession::AuthSession(QTcpSocket *socket, ServerContext &context, bool tls,
                         bool fromTrustedProxy, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_context(context)
    , m_tls(tls)
    , m_awaitProxyHeader(fromTrustedProxy)
    , m_peer(socket->peerAddress().toString())
    , m_addressKey(Throttle::addressKey(socket->peerAddress()))
{
    context.metrics.connectionOpened();
    socket->setParent(this);
    // The kernel keeps what we do not read: Qt's buffer and the decoder's stay small
    // (the decoder grows to one whole frame only when a frame is that large).
    // The kernel's buffers (kernelSendBuffer, kernelReceiveBuffer) come with the
    // socket from its listener: two system calls a connection fewer.
    socket->setReadBufferSize(socketReadBuffer);
    connect(socket, &QTcpSocket::readyRead, this, &AuthSession::handleReadyRead);
    // Reading stops while answers pile up; it resumes as they drain.
    connect(socket, &QTcpSocket::bytesWritten, this, [this] {
        if (m_state != State::Closed && m_socket->bytesToWrite() <= maxQueuedOutput / 2)
            handleReadyRead();
    });
    connect(socket, &QTcpSocket::disconnected, this, &AuthSession::close);
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    m_budgetAtMs = nowMs;
    m_deadlineMs = nowMs + context.handshakeTimeoutMs;
    // A TLS client that stalls its handshake costs its TLS state for seconds, not the login
    // timeout.
    if (tls)
        m_tlsDeadlineMs = nowMs + context.tlsHandshakeTimeoutMs;
    if (lcSession().isDebugEnabled()) // one line a connection is enough: "close" says who it was
        log("connect");
    send({{u"type"_s, u"hello"_s},
          {u"protocol"_s, u"tap/1"_s},
          {u"server"_s, u"tidings-authd/" TIDINGS_VERSION ""_s},
          {u"mechanisms"_s, QJsonArray{u"SCRAM-SHA-256"_s}},
          {u"features"_s, QJsonArray{u"introspect"_s, u"resume"_s}},
          {u"max_attempts"_s, context.maxAttempts}});
}

AuthSession::~AuthSession() = default;

void AuthSession::log(const char *event, const QString &detail) const
{
    // One structured line per event; never a password, proof or token; every value quoted.
    qCInfo(lcSession).noquote() << u"event="_s + QString::fromLatin1(event)
                                << u"peer="_s + logValue(m_peer)
                                << u"user="_s + (m_user.isEmpty() ? u"-"_s : logValue(m_user))
                                << (detail.isEmpty() ? QString() : u"detail="_s + logValue(detail));
}

void AuthSession::send(const QJsonObject &message)
{
    sendRaw(Tap::encodeFrame(message));
}

void AuthSession::sendRaw(const QByteArray &frame)
{
    if (m_state == State::Closed)
        return;
    // Plain TCP with nothing queued: straight to the kernel. QTcpSocket would
    // enable its write notifier and write a pass of the loop later (two epoll_ctl
    // and a wake-up a frame). Whatever the kernel does not take, or an error,
    // goes to QTcpSocket, which queues it or reports the error as usual.
    if (!m_tls && m_socket->bytesToWrite() == 0) {
        const ssize_t sent = ::send(int(m_socket->socketDescriptor()), frame.constData(),
                                    size_t(frame.size()), MSG_NOSIGNAL | MSG_DONTWAIT);
        if (sent == frame.size())
            return;
        if (sent > 0)
            return void(m_socket->write(frame.mid(sent)));
    }
    m_socket->write(frame);
}

void AuthSession::busy()
{
    // Never a login from what this instance happens to remember: the database decides.
    m_context.metrics.login(Metrics::Outcome::Busy);
    fail(u"server-busy"_s, u"the user database cannot be reached; try again shortly"_s,
         busyRetrySeconds);
}

void AuthSession::observeLogin()
{
    if (m_loginStartNs)
        m_context.metrics.loginDuration(double(monotonicNs() - m_loginStartNs) / 1e9);
    m_loginStartNs = 0;
}

void AuthSession::fail(const QString &code, const QString &text, qint64 retryAfter)
{
    QJsonObject error{{u"type"_s, u"error"_s}, {u"code"_s, code}, {u"message"_s, text}};
    if (retryAfter >= 0)
        error.insert(u"retry_after"_s, retryAfter);
    send(error);
    log(code == u"locked"_s        ? "lockout"
        : code == u"server-busy"_s ? "server-busy"
                                   : "protocol-error",
        code + u": "_s + text);
    close();
}

void AuthSession::close()
{
    if (m_state == State::Closed)
        return;
    m_context.metrics.connectionClosed(m_state == State::Authenticated);
    m_state = State::Closed;
    log("close");
    // The socket outlives the session until its last bytes (an error frame)
    // are sent, but never longer than lingerMs: a client that does not read
    // must not keep it.
    QTcpSocket *socket = m_socket;
    socket->disconnect(this);
    socket->setParent(nullptr);
    socket->disconnectFromHost(); // at once when nothing is left to send
    if (socket->state() == QAbstractSocket::UnconnectedState) {
        socket->deleteLater();
    } else {
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        QTimer::singleShot(lingerMs, socket, [socket] {
            socket->abort();
            socket->deleteLater();
        });
    }
    Q_EMIT closed();
}

bool AuthSession::takeRequest()
{
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    m_budget =
        qMin(requestBurst, m_budget + double(nowMs - m_budgetAtMs) * requestsPerSecond / 1000);
    m_budgetAtMs = nowMs;
    if (m_budget >= 1)
        return true;
    if (!m_paused) {
        m_paused = true;
        Q_EMIT paused();
    }
    return false;
}

void AuthSession::resume()
{
    if (!m_paused || m_state == State::Closed)
        return;
    m_paused = false;
    handleReadyRead();
}

void AuthSession::checkDeadlines(qint64 nowMs)
{
    if (m_state == State::Closed)
        return;
    if (m_tlsDeadlineMs && nowMs >= m_tlsDeadlineMs) {
        m_tlsDeadlineMs = 0;
        if (!static_cast<QSslSocket *>(m_socket)->isEncrypted()) {
            log("tls-timeout");
            m_socket->abort(); // nothing can be said before the handshake: disconnected() closes us
            return;
        }
    }
    if (nowMs >= m_deadlineMs)
        fail(u"timeout"_s, m_state == State::Authenticated ? u"idle for too long"_s
                                                           : u"no complete handshake in time"_s);
}

bool AuthSession::readProxyHeader()
{
    // The balancer's header comes before the client's first byte; read no further than it can be.
    m_proxyBytes += m_socket->read(ProxyV2::fixedHeaderSize + ProxyV2::maxPayloadSize -
                                   m_proxyBytes.size());
    const ProxyV2::Result header = ProxyV2::parse(m_proxyBytes);
    switch (header.status) {
    case ProxyV2::Status::NeedMore:
        return false;
    case ProxyV2::Status::Error:
        fail(u"bad-frame"_s, u"a malformed PROXY header: "_s + header.error);
        return false;
    case ProxyV2::Status::NotProxy:
        break;
    case ProxyV2::Status::Done:
        if (!header.local) {
            m_peer = header.source.toString();
            m_addressKey = Throttle::addressKey(header.source);
            log("proxied", m_socket->peerAddress().toString());
        }
        m_proxyBytes.remove(0, header.consumed);
        break;
    }
    m_awaitProxyHeader = false;
    m_decoder.feed(std::exchange(m_proxyBytes, {}));
    return true;
}

void AuthSession::handleReadyRead()
{
    if (m_awaitProxyHeader && !readProxyHeader())
        return;
    while (m_state != State::Closed) {
        if (m_socket->bytesToWrite() > maxQueuedOutput)
            return; // resumed from bytesWritten
        if (!takeRequest())
            return; // resume() comes from the server
        QJsonObject message;
        QString error;
        const auto status = m_decoder.next(&message, &error);
        if (status == Tap::FrameDecoder::Status::Error)
            return fail(u"bad-frame"_s, error);
        if (status == Tap::FrameDecoder::Status::NeedMore) {
            if (m_socket->bytesAvailable() <= 0)
                return;
            m_decoder.feed(m_socket->read(qMin(m_decoder.room(), readChunk)));
            continue;
        }
        m_budget -= 1;
        handleMessage(message);
    }
}

bool AuthSession::sessionRevoked() const
{
    if (m_context.database.isRevoked(m_jti))
        return true;
    const auto record = m_context.database.user(m_user);
    return !record || record->disabled; // disabling or removing a user ends its sessions
}

void AuthSession::handleMessage(const QJsonObject &message)
{
    const QString type = message.value(u"type"_s).toString();
    if (m_state == State::Authenticated) {
        m_deadlineMs = QDateTime::currentMSecsSinceEpoch() + m_context.idleTimeoutMs;
        const bool revoked = sessionRevoked();
        if (!m_context.database.reachable())
            return busy();
        if (revoked)
            return fail(u"token-revoked"_s, u"this session's token has been revoked"_s);
    }
    if (type == u"jwks"_s) // answered in every state: anyone may verify offline
        return sendRaw(m_context.issuer.jwksFrame());
    if (type == u"introspect"_s) // likewise (TAP/1.1)
        return handleIntrospect(message);
    switch (m_state) {
    case State::AwaitStart:
        if (type == u"auth-start"_s)
            return handleAuthStart(message);
        if (type == u"resume"_s)
            return handleResume(message);
        break;
    case State::AwaitProof:
        if (type == u"auth-proof"_s)
            return handleAuthProof(message);
        break;
    case State::Authenticated:
        return handleAuthenticated(type);
    case State::Closed:
        return;
    }
    fail(u"unexpected-message"_s, u"\"%1\" is not expected now"_s.arg(type.left(64)));
}

Scram::Verifier AuthSession::fakeVerifier(const QString &user) const
{
    // Stable per name and indistinguishable from a real one in every field (PROTOCOL.md).
    const QByteArray secret = m_context.database.fakeSaltSecret();
    const QByteArray name = user.toUtf8();
    Scram::Verifier v;
    v.iterations = m_context.database.fakeIterations(user, m_context.iterations);
    v.salt = Crypto::hmac(Crypto::Hash::Sha256, secret, "salt:" + name).left(16);
    v.storedKey = Crypto::hmac(Crypto::Hash::Sha256, secret, "stored:" + name);
    v.serverKey = Crypto::hmac(Crypto::Hash::Sha256, secret, "server:" + name);
    return v;
}

void AuthSession::handleAuthStart(const QJsonObject &message)
{
    if (message.value(u"mechanism"_s).toString() != u"SCRAM-SHA-256"_s)
        return fail(u"unsupported-mechanism"_s, u"only SCRAM-SHA-256 is offered"_s);
    const QByteArray clientFirst = message.value(u"message"_s).toString().toUtf8();
    // A nonce or name longer than any real client sends is refused before any work.
    if (clientFirst.size() > maxScramMessage)
        return fail(u"bad-message"_s, u"the client-first message is too long"_s);
    m_exchange.emplace();
    const auto user = m_exchange->handleClientFirst(clientFirst);
    if (!user)
        return fail(u"bad-message"_s, u"the client-first message does not parse"_s);
    m_user = *user;
    m_loginStartNs = monotonicNs();
    m_userUsable = true;
    std::optional<UserRecord> record;
    if (!checkAccount(&record))
        return;
    const QByteArray challenge =
        m_exchange->serverFirst(record ? record->verifier : fakeVerifier(m_user));
    m_state = State::AwaitProof;
    send({{u"type"_s, u"auth-challenge"_s}, {u"message"_s, QString::fromLatin1(challenge)}});
}

bool AuthSession::checkAccount(std::optional<UserRecord> *record)
{
    const auto lookup = m_context.database.lookupLogin(m_user, m_addressKey, now());
    if (!lookup) {
        busy();
        return false;
    }
    if (lookup->throttle.retryAfter > 0) {
        m_context.metrics.login(Metrics::Outcome::Locked);
        fail(u"locked"_s, u"too many failed attempts; try again later"_s,
             lookup->throttle.retryAfter);
        return false;
    }
    // Unknown or disabled at either look: the same auth-failed as a wrong password.
    m_userUsable = m_userUsable && lookup->user && !lookup->user->disabled;
    m_userHasFailures = lookup->throttle.userHasFailures;
    if (record)
        *record = lookup->user;
    return true;
}

void AuthSession::countFailure(const QString &user, const QString &reason)
{
    ++m_failures;
    for (int locked = m_context.database.recordFailure(user, m_addressKey, now()); locked > 0;
         --locked)
        m_context.metrics.lockout();
    m_context.metrics.login(Metrics::Outcome::Failure);
    observeLogin();
    log("failure", reason);
    if (m_failures >= m_context.maxAttempts)
        return fail(u"too-many-attempts"_s, u"%1 failed attempts"_s.arg(m_failures));
    m_state = State::AwaitStart;
    send({{u"type"_s, u"auth-failed"_s},
          {u"reason"_s, reason},
          {u"attempts_left"_s, m_context.maxAttempts - m_failures}});
}

void AuthSession::handleAuthProof(const QJsonObject &message)
{
    Scram::ServerExchange::Failure failure;
    const QByteArray clientFinal = message.value(u"message"_s).toString().toUtf8();
    if (clientFinal.size() > maxScramMessage)
        return fail(u"bad-message"_s, u"the client-final message is too long"_s);
    // Asked again now, before the proof is judged: a lock set meanwhile by other
    // connections (or instances), a disabled account or a database gone away since
    // auth-start must hold here too, or parked challenges would guess past a lock.
    if (!checkAccount())
        return;
    const QByteArray final = m_exchange->handleClientFinal(clientFinal, &failure);
    if (failure == Scram::ServerExchange::Failure::BadMessage)
        return fail(u"bad-message"_s, u"the client-final message does not parse"_s);
    if (failure == Scram::ServerExchange::Failure::NonceMismatch)
        return fail(u"nonce-mismatch"_s, u"the nonce is not the one issued on this connection"_s);
    m_exchange.reset();
    // Same answer for a wrong password, an unknown user and a disabled account.
    if (failure != Scram::ServerExchange::Failure::None || !m_userUsable)
        return countFailure(m_user, u"invalid-credentials"_s);
    startSession(m_user, QString::fromLatin1(final));
}

void AuthSession::handleResume(const QJsonObject &message)
{
    const auto claims = m_context.issuer.validate(message.value(u"token"_s).toString(), now());
    // An invalid token counts for the address only: it names no account we can trust.
    const auto throttle =
        m_context.database.throttle(claims ? claims->sub : QString(), m_addressKey, now());
    if (!throttle)
        return busy();
    if (throttle->retryAfter > 0) {
        m_context.metrics.login(Metrics::Outcome::Locked);
        return fail(u"locked"_s, u"too many failed attempts; try again later"_s,
                    throttle->retryAfter);
    }
    if (claims) {
        m_user = claims->sub;
        m_userHasFailures = throttle->userHasFailures;
        const auto record = m_context.database.user(m_user);
        // One use: whoever revokes it first resumes, a replay of the same token fails.
        const bool firstUse = record && !record->disabled &&
                              m_context.database.revoke(claims->jti, claims->expires);
        if (!m_context.database.reachable())
            return busy();
        if (firstUse)
            return startSession(m_user, {});
    }
    // A bad token costs the address, like a wrong password; it names no account we can trust.
    countFailure({}, u"invalid-token"_s);
}

void AuthSession::handleIntrospect(const QJsonObject &message)
{
    const auto claims = m_context.issuer.validate(message.value(u"token"_s).toString(), now());
    bool active = claims && !m_context.database.isRevoked(claims->jti);
    if (active) {
        const auto record = m_context.database.user(claims->sub);
        active = record && !record->disabled;
    }
    if (claims && !m_context.database.reachable())
        return busy(); // "inactive" would be a guess
    if (!active) // no reason given (RFC 7662 §2.2)
        return send({{u"type"_s, u"introspection"_s}, {u"active"_s, false}});
    send({{u"type"_s, u"introspection"_s},
          {u"active"_s, true},
          {u"sub"_s, claims->sub},
          {u"exp"_s, claims->expires},
          {u"jti"_s, claims->jti}});
}

void AuthSession::startSession(const QString &user, const QString &scramFinal)
{
    if (m_userHasFailures)
        m_context.database.clearFailures(user);
    m_context.database.recordLogin(user);
    m_context.metrics.login(scramFinal.isEmpty() ? Metrics::Outcome::Resume
                                                 : Metrics::Outcome::Success);
    m_context.metrics.connectionAuthenticated();
    observeLogin();
    const IssuedToken token = m_context.issuer.issue(user, now());
    m_jti = token.jti;
    m_expires = token.expires;
    m_state = State::Authenticated;
    m_deadlineMs = QDateTime::currentMSecsSinceEpoch() + m_context.idleTimeoutMs;
    log(scramFinal.isEmpty() ? "resume" : "success");
    QJsonObject ok{{u"type"_s, u"auth-ok"_s},
                   {u"token"_s, token.token},
                   {u"expires_in"_s, m_context.issuer.lifetime()}};
    if (!scramFinal.isEmpty())
        ok.insert(u"message"_s, scramFinal);
    send(ok);
}

void AuthSession::handleAuthenticated(const QString &type)
{
    if (type == u"ping"_s) {
        send({{u"type"_s, u"pong"_s}});
    } else if (type == u"whoami"_s) {
        send({{u"type"_s, u"session"_s},
              {u"sub"_s, m_user},
              {u"exp"_s, m_expires},
              {u"jti"_s, m_jti}});
    } else if (type == u"refresh"_s) {
        // The new token only once the old one is revoked everywhere.
        if (!m_context.database.revoke(m_jti, m_expires) && !m_context.database.reachable())
            return busy();
        const IssuedToken token = m_context.issuer.issue(m_user, now());
        m_jti = token.jti;
        m_expires = token.expires;
        log("refresh");
        send({{u"type"_s, u"token"_s},
              {u"token"_s, token.token},
              {u"expires_in"_s, m_context.issuer.lifetime()}});
    } else if (type == u"logout"_s) {
        if (!m_context.database.revoke(m_jti, m_expires) && !m_context.database.reachable())
            return busy(); // not "bye": the token would still be good
        log("logout");
        send({{u"type"_s, u"bye"_s}});
        close();
    } else {
        fail(u"unexpected-message"_s,
             u"\"%1\" is not a request this server knows"_s.arg(type.left(64)));
    }
}

} // namespace Authd
