// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QSslCertificate>
#include <QTimer>

namespace Net {
class AuthClient;
}
namespace Client {
class SecretStore;
class SettingsStore;
} // namespace Client

namespace Client {

// The signed-in session with tidings-authd, as the GUI sees it: log in
// (through Net::AuthClient), keep the token fresh, log out, and, when the
// user chose "Stay signed in", keep the token in the keyring and resume with
// it at the next start (TAP/1.1), without the password. Widgets use this
// facade and its signals, never the network code.
class Session : public QObject
{
    Q_OBJECT
public:
    // Disconnected: signed in, but the connection to the server is gone (it
    // stopped answering or went away); the token stays valid until it expires.
    // Log in again (or resume) to reconnect, log out to forget it.
    enum class State { SignedOut, SigningIn, SignedIn, Disconnected };
    Q_ENUM(State)

    // Why a login did not succeed, one kind per message the dialog shows.
    enum class Problem {
        CannotConnect,
        Certificate,
        CertificateChanged,
        WrongCredentials,
        SessionExpired, // a saved session could not be resumed: sign in with the password
        TooManyAttempts,
        Locked,
        ServerBusy, // retryAfter seconds
        Impostor,
        Revoked,
        Protocol,
        Timeout,
        Cancelled
    };
    Q_ENUM(Problem)

    struct Failure
    {
        Problem problem = Problem::Protocol;
        QString detail;
        int attemptsLeft = -1;
        qint64 retryAfter = -1;
        QSslCertificate certificate;
        QByteArray pinnedSha256; // CertificateChanged: what was trusted before
    };

    Session(Client::SettingsStore &settings, QObject *parent = nullptr);
    ~Session() override;

    State state() const { return m_state; }
    QString user() const { return m_user; }
    QString token() const { return m_token; }
    QString jwks() const { return m_jwks; } // the server's public keys, to verify the token
    qint64 expiresAt() const { return m_expiresAt; }

    void login(const QString &host, quint16 port, bool tls, const QString &user,
               const QString &password);
    // With "Stay signed in" and a token in the keyring: resume that session.
    // Ends like a login (signedIn or loginFailed); nothing happens otherwise.
    void resumeSaved();
    void cancel();
    void logout();
    // Trusts this certificate for the server of the last login only.
    void trustCertificate(const QSslCertificate &certificate);

    static QString tokenKey(const QString &user, const QString &host, quint16 port);

    // While signed in the connection is checked with a ping this often (it is
    // how a dead server is noticed), and every request must be answered within
    // the timeout.
    void setKeepAliveInterval(int milliseconds);
    void setTimeout(int milliseconds) { m_timeoutMs = milliseconds; }

Q_SIGNALS:
    void stateChanged(Client::Session::State state);
    void signedIn();
    void loginFailed(const Client::Session::Failure &failure);
    void tokenRefreshed();
    void signedOut();
    // A signed-in session lost its connection (state Disconnected).
    void connectionLost();

private:
    Net::AuthClient *newClient();
    void dropClient();
    void setState(State state);
    void scheduleRefresh();
    void saveToken();
    void forgetToken();
    void handleFailure(const Client::Session::Failure &failure, bool revoked);

    Client::SettingsStore &m_settings;
    Client::SecretStore *m_secrets;
    Net::AuthClient *m_client = nullptr; // deleted later: it may be inside its own signal
    State m_state = State::SignedOut;
    QString m_host;
    quint16 m_port = 0;
    bool m_tls = false;
    QString m_user;
    QString m_token;
    QString m_jwks;
    qint64 m_expiresAt = 0;
    QTimer m_refresh;
    QTimer m_keepAlive;
    int m_timeoutMs = 30000;
};

} // namespace Client

Q_DECLARE_METATYPE(Client::Session::Failure)
