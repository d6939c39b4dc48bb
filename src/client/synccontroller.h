// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Get Mail for one account, as the window and tidings-cli both drive it. No
// store or net type here: the engine (tidings_net) and the store
// (tidings_store) are linked PRIVATE to tidings_client.

#include "client/syncoutcome.h"

#include <QList>
#include <QObject>
#include <QString>

#include <memory>

namespace Client {

class SettingsStore;

// One message on the server as `list` reports it (headers only, nothing stored).
struct ListedMessage
{
    int number = 0;
    QString uidl;
    qint64 size = 0;
    QString subject;
};

// Runs one POP3 sync at a time on a worker thread (vmime blocks) and reports
// on the caller's thread: progress, headersStored, protocolLine, and exactly
// one finished() per start() or list(). A certificate the system does not
// trust, or that differs from the one trusted here before, is a question, not
// an ending: the controller waits in AwaitingAnswer for answerCertificate().
class SyncController : public QObject
{
    Q_OBJECT
public:
    enum class State {
        Idle,
        Running,
        AwaitingAnswer, // certificateQuestion() was emitted; answerCertificate() or cancel() goes
                        // on
        Cancelling,
    };
    Q_ENUM(State)

    explicit SyncController(Client::SettingsStore &settings, QObject *parent = nullptr);
    ~SyncController() override; // cancels a running sync and waits for its worker

    State state() const { return m_state; }
    // Ignored unless Idle. request.account.caFile (PEM) is trusted for this
    // account only; an unreadable one ends the sync with SyncErrorKind::Certificate.
    void start(const Client::SyncRequest &request);
    // UIDL, size and subject of every message (TOP n 0), nothing stored: listed(), then finished().
    void list(const Client::SyncRequest &request);
    // finished() still comes: Cancelled, or the outcome when the sync completed first.
    void cancel();
    // true: the certificate is pinned for this account's host and port
    // (SettingsStore::pinCertificate("pop3", ...)) and the same sync starts again;
    // false: finished() with SyncErrorKind::Certificate.
    void answerCertificate(bool trust);

    // Record each sync's conversation (redacted) in the store's bounded log of
    // the account (ProtocolLogFeed reads it). On by default.
    void setProtocolLogging(bool on) { m_protocolLogging = on; }
    // TOP n 0 for every new message before any body, so that a list fills at
    // once (the window); a script may skip it. On by default.
    void setHeadersFirst(bool on) { m_headersFirst = on; }

Q_SIGNALS:
    void stateChanged(Client::SyncController::State state);
    void progress(const Client::SyncProgress &progress);
    // The headers of all new mail (count may be 0) are in the store: a list can fill before the
    // bodies come.
    void headersStored(int count);
    void certificateQuestion(const Client::CertificateQuestion &question);
    void listed(const QList<Client::ListedMessage> &messages);
    // Each line of the conversation as it happens ("C: RETR 1", "S: +OK ..."),
    // redacted; also when protocol logging is off. See ProtocolLogFeed.
    void protocolLine(const QString &accountId, const QString &line);
    // Exactly one per start() or list().
    void finished(const Client::SyncOutcome &outcome);

private:
    struct Run;
    void begin(const Client::SyncRequest &request, bool listOnly);
    void launch();
    void onWorkerDone();
    void end(const Client::SyncOutcome &outcome);
    void setState(State state);

    Client::SettingsStore &m_settings;
    State m_state = State::Idle;
    bool m_protocolLogging = true;
    bool m_headersFirst = true;
    std::shared_ptr<Run> m_run; // the request and its worker, from start() to finished()
};

} // namespace Client

Q_DECLARE_METATYPE(Client::ListedMessage)
