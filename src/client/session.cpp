// SPDX-License-Identifier: GPL-3.0-or-later
#include "session.h"

#include "net/authclient.h"
#include "store/settingsstore.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Client {

Session::Session(Store::SettingsStore &settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
{
    qRegisterMetaType<Client::Session::Failure>();
    m_refresh.setSingleShot(true);
    connect(&m_refresh, &QTimer::timeout, this, [this] {
        if (m_client && m_state == State::SignedIn)
            m_client->request(u"refresh"_s);
    });
}

Session::~Session() = default;

void Session::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void Session::login(const QString &host, quint16 port, bool tls, const QString &user, const QString &password)
{
    // A wrong password keeps the connection (TAP/1 allows retries on it).
    const bool retry = m_client && m_client->state() == Net::AuthClient::State::AwaitChallenge;
    if (!retry) {
        m_client = std::make_unique<Net::AuthClient>();
        connect(m_client.get(), &Net::AuthClient::loggedIn, this, [this](const QString &token, qint64 expiresIn) {
            m_token = token;
            m_expiresAt = QDateTime::currentSecsSinceEpoch() + expiresIn;
            m_client->request(u"jwks"_s); // to verify the token offline in the inspector
        });
        connect(m_client.get(), &Net::AuthClient::replied, this, [this](const QJsonObject &reply) {
            const QString type = reply.value(u"type"_s).toString();
            if (type == u"jwks"_s) {
                QJsonObject keys = reply;
                keys.remove(u"type"_s);
                m_jwks = QString::fromUtf8(QJsonDocument(keys).toJson());
                setState(State::SignedIn);
                scheduleRefresh();
                Q_EMIT signedIn();
            } else if (type == u"token"_s) {
                m_token = m_client->token();
                m_expiresAt = QDateTime::currentSecsSinceEpoch() + m_client->expiresIn();
                scheduleRefresh();
                Q_EMIT tokenRefreshed();
            } else if (type == u"bye"_s) {
                m_client.reset();
                m_token.clear();
                setState(State::SignedOut);
                Q_EMIT signedOut();
            }
        });
        connect(m_client.get(), &Net::AuthClient::failed, this, [this](const Net::AuthClient::Error &e) {
            using K = Net::AuthClient::ErrorKind;
            const bool wasSignedIn = m_state == State::SignedIn;
            Failure f;
            f.detail = e.message;
            f.attemptsLeft = e.attemptsLeft;
            f.retryAfter = e.retryAfter;
            f.certificate = e.certificate;
            switch (e.kind) {
            case K::CannotConnect: f.problem = Problem::CannotConnect; break;
            case K::Tls: f.problem = Problem::Certificate; break;
            case K::WrongCredentials: f.problem = Problem::WrongCredentials; break;
            case K::TooManyAttempts: f.problem = Problem::TooManyAttempts; break;
            case K::Locked: f.problem = Problem::Locked; break;
            case K::Impostor: f.problem = Problem::Impostor; break;
            case K::Timeout: f.problem = Problem::Timeout; break;
            case K::Cancelled: f.problem = Problem::Cancelled; break;
            case K::Protocol: f.problem = Problem::Protocol; break;
            }
            if (wasSignedIn) { // the connection dropped later: the token stays valid until it expires
                m_refresh.stop();
                return;
            }
            setState(State::SignedOut);
            Q_EMIT loginFailed(f);
        });
    }
    m_user = user;
    Net::AuthClient::Server server;
    server.host = host;
    server.port = port;
    server.tls = tls;
    server.trustedSha256 = m_settings.trustedCertificates();
    setState(State::SigningIn);
    m_client->login(server, user, password);
}

void Session::cancel()
{
    if (m_client && m_state == State::SigningIn)
        m_client->cancel();
}

void Session::logout()
{
    m_refresh.stop();
    if (m_client && m_client->state() == Net::AuthClient::State::Authenticated) {
        m_client->request(u"logout"_s); // revokes the token's jti on the server
        return;
    }
    m_client.reset();
    m_token.clear();
    setState(State::SignedOut);
    Q_EMIT signedOut();
}

void Session::trustCertificate(const QSslCertificate &certificate)
{
    m_settings.addTrustedCertificate(certificate.digest(QCryptographicHash::Sha256));
    m_settings.sync();
}

void Session::scheduleRefresh()
{
    // Refresh when four fifths of the lifetime are gone.
    const qint64 left = m_expiresAt - QDateTime::currentSecsSinceEpoch();
    m_refresh.start(int(qBound(qint64(5), left * 4 / 5, qint64(24 * 3600))) * 1000);
}

} // namespace Client
