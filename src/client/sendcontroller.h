// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Sending an account's due Outbox messages over one connection (several messages per
// connection, pipelined when the server offers it), as Client::Composer drives it. No store or
// net type here.

#include "client/sendoutcome.h"
#include "client/syncoutcome.h"

#include <QList>
#include <QObject>
#include <QString>

#include <memory>

namespace Client {

class SettingsStore;

struct SendJob
{
    qint64 id = 0; // the message in the Outbox
    QString path;  // its file (Bcc still in it: removed from what is sent)
};

struct SendRequest
{
    Types::AccountSettings account; // its outgoing server, login, CA file
    QString password;
    QList<SendJob> jobs;
    QString storeDirectory;
    int timeoutMs = 30000;            // silence allowed while commands and data move
    int finalReplyTimeoutMs = 600000; // after the end of data (RFC 5321 4.5.3.2.6: 10 minutes)
};

// Runs one Net::sendMail at a time on a worker thread (vmime blocks) and reports on the
// caller's thread. The store is written by the worker as each message ends, before the signal:
// accepted ones move to Sent (read), refused ones stay in the Outbox as Failed with the error.
// A certificate the system does not trust, or one that differs from the pin, is a question
// (AwaitingAnswer), not an ending: answerCertificate() pins it under service "smtp" for the
// server's host and port and sends again, or fails the jobs with Certificate.
class SendController : public QObject
{
    Q_OBJECT
public:
    enum class State { Idle, Running, AwaitingAnswer, Cancelling };
    Q_ENUM(State)

    explicit SendController(Client::SettingsStore &settings, QObject *parent = nullptr);
    ~SendController() override; // cancels a running send and waits for its worker

    State state() const { return m_state; }
    QString accountId() const; // of the running request; empty when Idle
    // Ignored unless Idle.
    void start(const Client::SendRequest &request);
    void cancel(); // finished() still comes; the messages not sent fail with Cancelled
    void answerCertificate(bool trust);

    // The keyring entry of an account's outgoing password: its mail password ("pop3:<id>")
    // unless the account has a separate one ("smtp:<id>").
    static QString passwordKey(const Types::AccountSettings &account);

Q_SIGNALS:
    void stateChanged(Client::SendController::State state);
    void progress(qint64 id, qint64 sent, qint64 total); // bytes of the message going out
    // Once per job: the store already has it in Sent (error.ok()) or Failed in the Outbox.
    void messageFinished(qint64 id, const Client::SendError &error);
    void certificateQuestion(const Client::CertificateQuestion &question);
    // Each line of the conversation ("C: MAIL FROM:<a@b>", "S: 250 2.1.0 Ok"), redacted by the
    // net layer; also recorded in the account's protocol log. logId: ProtocolLogFeed::logId.
    void protocolLine(const QString &logId, const QString &line);
    // Exactly one per start(): the connection's first error (None when every job was tried).
    void finished(const Client::SendError &error);

private:
    struct Run;
    void launch();
    void onWorkerDone();
    void failAll(const Client::SendError &error);
    void end(const Client::SendError &error);
    void setState(State state);

    Client::SettingsStore &m_settings;
    State m_state = State::Idle;
    std::shared_ptr<Run> m_run;
};

} // namespace Client
