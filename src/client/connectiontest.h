// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// "Test Connection" of the Account Settings dialog: connect, TLS, CAPA and
// login with the settings as typed (nothing is saved, nothing is downloaded),
// then QUIT. Runs off the caller's thread; never blocks it. No store or net
// type here.

#include "client/syncoutcome.h"
#include "core/types/accountsettings.h"

#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>

namespace Client {

class SettingsStore;
struct ConnectionTestResult;

class ConnectionTest : public QObject
{
    Q_OBJECT
public:
    // In order; Done only after a successful login (and QUIT).
    enum class Step {
        Connect,      // DNS and TCP
        Tls,          // TLS handshake (POP3S) or STLS and its handshake; skipped with security None
        Capabilities, // greeting and CAPA
        Login,        // USER/PASS, APOP or SASL as the account says
        Done,
    };
    Q_ENUM(Step)

    // settings: the certificates the user trusted (pins) are honoured, as in a sync.
    explicit ConnectionTest(Client::SettingsStore &settings, QObject *parent = nullptr);
    ~ConnectionTest() override; // cancels and waits for the worker (at most the timeout)

    bool isRunning() const;
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    // Ignored while a test runs. account.caFile is honoured (an unreadable file
    // ends the test at Tls with SyncErrorKind::Certificate).
    void start(const Types::AccountSettings &account, const QString &password);
    // finished() comes at once, with SyncErrorKind::Cancelled; the worker ends in the background.
    void cancel();
    // Persists the certificate of a question (for its host and port, service
    // "pop3"), as a sync's answerCertificate(true) does; start() again to use it.
    void trustCertificate(const Client::CertificateQuestion &question);

Q_SIGNALS:
    void stepChanged(Client::ConnectionTest::Step step);
    // Exactly one per start().
    void finished(const Client::ConnectionTestResult &result);

private:
    struct Worker;
    void onWorkerDone(const std::shared_ptr<Worker> &worker);
    void finish(const Client::ConnectionTestResult &result);
    Client::SettingsStore &m_settings;
    std::shared_ptr<Worker> m_worker;           // the running test
    QList<std::shared_ptr<Worker>> m_abandoned; // cancelled, still ending
    int m_timeoutMs = 30000;
};

struct ConnectionTestResult
{
    ConnectionTest::Step failedStep = ConnectionTest::Step::Done; // Done: every step passed
    // kind; serverText: the server's own words without "-ERR " ("[AUTH] Authentication failed.")
    SyncError error;
    QString greeting;         // the server's first line, when it got that far
    QStringList capabilities; // CAPA as the server listed it (after login when login passed)
    bool encrypted = false;   // TLS was established (POP3S or STLS)
    QString
        loginMethod; // what was used when login passed: "USER", "APOP", "SASL SCRAM-SHA-256", ...
    bool hasCertificateQuestion = false; // the certificate is the problem: ask the user
    CertificateQuestion certificate;
    bool ok() const { return error.kind == SyncErrorKind::None; }
};

} // namespace Client

Q_DECLARE_METATYPE(Client::ConnectionTestResult)
