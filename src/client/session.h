// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QSslCertificate>
#include <QTimer>

#include <memory>

namespace Net {
class AuthClient;
}
namespace Store {
class SecretStore;
class SettingsStore;
}

namespace Client {

// The signed-in session with tidings-authd, as the GUI sees it: log in
// (through Net::AuthClient), keep the token fresh, log out. Widgets use this
// facade and its signals, never the network code.
class Session : public QObject
{
    Q_OBJECT
public:
    enum class State { SignedOut, SigningIn, SignedIn };
    Q_ENUM(State)

    // Why a login did not succeed, one kind per message the dialog shows.
    enum class Problem { CannotConnect, Certificate, WrongCredentials, TooManyAttempts, Locked, Impostor, Protocol, Timeout, Cancelled };
    Q_ENUM(Problem)

    struct Failure
    {
        Problem problem = Problem::Protocol;
        QString detail;
        int attemptsLeft = -1;
        qint64 retryAfter = -1;
        QSslCertificate certificate;
    };

    Session(Store::SettingsStore &settings, QObject *parent = nullptr);
    ~Session() override;

    State state() const { return m_state; }
    QString user() const { return m_user; }
    QString token() const { return m_token; }
    QString jwks() const { return m_jwks; } // the server's public keys, to verify the token
    qint64 expiresAt() const { return m_expiresAt; }

    void login(const QString &host, quint16 port, bool tls, const QString &user, const QString &password);
    void cancel();
    void logout();
    void trustCertificate(const QSslCertificate &certificate);

Q_SIGNALS:
    void stateChanged(Client::Session::State state);
    void signedIn();
    void loginFailed(const Client::Session::Failure &failure);
    void tokenRefreshed();
    void signedOut();

private:
    void setState(State state);
    void scheduleRefresh();

    Store::SettingsStore &m_settings;
    std::unique_ptr<Net::AuthClient> m_client;
    State m_state = State::SignedOut;
    QString m_user;
    QString m_token;
    QString m_jwks;
    qint64 m_expiresAt = 0;
    QTimer m_refresh;
};

} // namespace Client

Q_DECLARE_METATYPE(Client::Session::Failure)
