// SPDX-License-Identifier: GPL-3.0-or-later
#include "session.h"

#include "client/secretstore.h"
#include "client/settingsstore.h"
#include "net/authclient.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonDocument>
#include <QLoggingCategory>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcSession, "tidings.client.session", QtWarningMsg)

namespace Client {

namespace {
const QString tapService = u"tap"_s;
constexpr int kKeepAliveMs = 30 * 1000; // a ping while signed in: how a dead server is noticed
constexpr int kBusyRetryMs = 1000;      // a refresh that found a request in flight tries again

Session::Problem problemOf(Net::AuthClient::ErrorKind kind)
{
    using K = Net::AuthClient::ErrorKind;
    using P = Session::Problem;
    switch (kind) {
    case K::CannotConnect:
        return P::CannotConnect;
    case K::Tls:
        return P::Certificate;
    case K::CertificateChanged:
        return P::CertificateChanged;
    case K::WrongCredentials:
        return P::WrongCredentials;
    case K::InvalidToken:
        return P::SessionExpired;
    case K::TooManyAttempts:
        return P::TooManyAttempts;
    case K::Locked:
        return P::Locked;
    case K::ServerBusy:
        return P::ServerBusy;
    case K::Impostor:
        return P::Impostor;
    case K::Revoked:
        return P::Revoked;
    case K::Timeout:
        return P::Timeout;
    case K::Cancelled:
        return P::Cancelled;
    case K::Protocol:
        break;
    }
    return P::Protocol;
}
} // namespace

Session::Session(Client::SettingsStore &settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_secrets(new Client::SecretStore(this))
{
    qRegisterMetaType<Client::Session::Failure>();
    m_refresh.setSingleShot(true);
    connect(&m_refresh, &QTimer::timeout, this, [this] {
        if (!m_client || m_state != State::SignedIn)
            return;
        if (m_client->state() == Net::AuthClient::State::Authenticated)
            m_client->request(u"refresh"_s);
        else
            m_refresh.start(kBusyRetryMs); // a ping is in flight
    });
    m_keepAlive.setInterval(kKeepAliveMs);
    connect(&m_keepAlive, &QTimer::timeout, this, [this] {
        // Unanswered, it ends in AuthClient's timeout: handleFailure says the connection is lost.
        if (m_client && m_state == State::SignedIn &&
            m_client->state() == Net::AuthClient::State::Authenticated)
            m_client->request(u"ping"_s);
    });
    connect(m_secrets, &Client::SecretStore::readFinished, this,
            [this](const QString &key, const QString &token) {
                const auto server = m_settings.authServer();
                if ((m_state != State::SignedOut && m_state != State::Disconnected) ||
                    key != tokenKey(server.user, server.host, server.port) || token.isEmpty())
                    return;
                m_host = server.host;
                m_port = server.port;
                m_tls = server.tls;
                m_user = server.user;
                Net::AuthClient::Server where;
                where.host = m_host;
                where.port = m_port;
                where.tls = m_tls;
                where.pinnedSha256 = m_settings.pinnedCertificate(tapService, m_host, m_port);
                setState(State::SigningIn);
                Net::AuthClient *client = newClient();
                client->setTimeout(m_timeoutMs);
                client->resume(where, token);
            });
}

Session::~Session()
{
    if (m_client)
        m_client->disconnect(this);
    delete m_client; // outside any of its signals: we are being destroyed from elsewhere
}

QString Session::tokenKey(const QString &user, const QString &host, quint16 port)
{
    return u"session:"_s + Client::SecretStore::authKey(user, host, port);
}

void Session::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void Session::dropClient()
{
    if (!m_client)
        return;
    m_client->disconnect(this);
    // Log Out ends inside the client's own signal (its socket's readyRead): never delete it there.
    m_client->deleteLater();
    m_client = nullptr;
}

Net::AuthClient *Session::newClient()
{
    dropClient();
    m_client = new Net::AuthClient(this);
    Net::AuthClient *client = m_client;
    connect(client, &Net::AuthClient::loggedIn, this,
            [this, client](const QString &token, qint64 expiresIn) {
                m_token = token;
                m_expiresAt = QDateTime::currentSecsSinceEpoch() + expiresIn;
                saveToken();
                client->request(u"jwks"_s); // to verify the token offline in the inspector
            });
    connect(client, &Net::AuthClient::replied, this, [this, client](const QJsonObject &reply) {
        const QString type = reply.value(u"type"_s).toString();
        if (type == u"jwks"_s) {
            QJsonObject keys = reply;
            keys.remove(u"type"_s);
            m_jwks = QString::fromUtf8(QJsonDocument(keys).toJson());
            setState(State::SignedIn);
            scheduleRefresh();
            m_keepAlive.start();
            Q_EMIT signedIn();
        } else if (type == u"token"_s) {
            m_token = client->token();
            m_expiresAt = QDateTime::currentSecsSinceEpoch() + client->expiresIn();
            saveToken();
            scheduleRefresh();
            Q_EMIT tokenRefreshed();
        } else if (type == u"pong"_s) {
            // alive
        } else if (type == u"bye"_s) {
            dropClient();
            m_token.clear();
            setState(State::SignedOut);
            Q_EMIT signedOut();
        }
    });
    connect(client, &Net::AuthClient::failed, this, [this](const Net::AuthClient::Error &e) {
        Failure f;
        f.problem = problemOf(e.kind);
        f.detail = e.message;
        f.attemptsLeft = e.attemptsLeft;
        f.retryAfter = e.retryAfter;
        f.certificate = e.certificate;
        f.pinnedSha256 = e.pinnedSha256;
        handleFailure(f, e.kind == Net::AuthClient::ErrorKind::Revoked);
    });
    return client;
}

void Session::handleFailure(const Failure &f, bool revoked)
{
    qCDebug(lcSession) << "failure" << f.problem << f.detail;
    if (m_state == State::SignedIn) {
        m_refresh.stop();
        m_keepAlive.stop();
        if (!revoked) {
            // The connection dropped or the server stopped answering: say so, never stay
            // "signed in" on a dead connection. The token stays valid until it expires.
            dropClient();
            setState(State::Disconnected);
            Q_EMIT connectionLost();
            return;
        }
        // Revoked elsewhere (Log Out on another device, an administrator): this session is over.
        dropClient();
        m_token.clear();
        forgetToken();
        setState(State::SignedOut);
        Q_EMIT signedOut();
        return;
    }
    if (f.problem == Problem::SessionExpired)
        forgetToken(); // spent, revoked or expired: the password is needed now
    setState(State::SignedOut);
    Q_EMIT loginFailed(f);
}

void Session::login(const QString &host, quint16 port, bool tls, const QString &user,
                    const QString &password)
{
    m_host = host;
    m_port = port;
    m_tls = tls;
    m_user = user;
    Net::AuthClient::Server server;
    server.host = host;
    server.port = port;
    server.tls = tls;
    server.pinnedSha256 = m_settings.pinnedCertificate(tapService, host, port);
    // After a wrong password the same connection is used again, but only
    // for the very same server (AuthClient decides); anything else starts afresh.
    const bool retry = m_client && m_client->state() == Net::AuthClient::State::AwaitChallenge &&
                       m_client->server().sameEndpoint(server);
    Net::AuthClient *client = retry ? m_client : newClient();
    client->setTimeout(m_timeoutMs);
    setState(State::SigningIn);
    client->login(server, user, password);
}

void Session::resumeSaved()
{
    const auto server = m_settings.authServer();
    if ((m_state != State::SignedOut && m_state != State::Disconnected) || !server.staySignedIn ||
        server.user.isEmpty() || server.host.isEmpty())
        return;
    m_secrets->read(tokenKey(server.user, server.host, server.port));
}

void Session::cancel()
{
    if (m_client && m_state == State::SigningIn)
        m_client->cancel();
}

void Session::setKeepAliveInterval(int milliseconds)
{
    m_keepAlive.setInterval(milliseconds);
}

void Session::logout()
{
    m_refresh.stop();
    m_keepAlive.stop();
    forgetToken();
    if (m_client && m_client->state() == Net::AuthClient::State::Authenticated) {
        m_client->request(u"logout"_s); // revokes the token's jti on the server
        return;
    }
    dropClient();
    m_token.clear();
    setState(State::SignedOut);
    Q_EMIT signedOut();
}

void Session::trustCertificate(const QSslCertificate &certificate)
{
    m_settings.pinCertificate(tapService, m_host, m_port,
                              certificate.digest(QCryptographicHash::Sha256));
    m_settings.sync();
}

void Session::saveToken()
{
    // Only with "Stay signed in", and only in the keyring; every refresh replaces it (one use
    // each).
    const auto server = m_settings.authServer();
    if (server.staySignedIn && server.user == m_user && server.host == m_host &&
        server.port == m_port)
        m_secrets->write(tokenKey(m_user, m_host, m_port), m_token);
}

void Session::forgetToken()
{
    // Without "Stay signed in" nothing was kept (the dialog removes what an earlier choice left).
    if (m_settings.authServer().staySignedIn && !m_user.isEmpty() && !m_host.isEmpty())
        m_secrets->remove(tokenKey(m_user, m_host, m_port));
}

void Session::scheduleRefresh()
{
    // Refresh when four fifths of the lifetime are gone.
    const qint64 left = m_expiresAt - QDateTime::currentSecsSinceEpoch();
    m_refresh.start(int(qBound(qint64(5), left * 4 / 5, qint64(24 * 3600))) * 1000);
}

} // namespace Client
