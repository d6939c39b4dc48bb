// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Writing mail as the window sees it: drafts saved atomically (and offered back after a crash),
// Send that writes the message durably into the Outbox first, holds it for Undo and then sends
// every due message of the account over one connection; the Outbox with its errors, Retry and
// Edit. No store or net type here.

#include "client/draft.h"
#include "client/sendoutcome.h"
#include "client/syncoutcome.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

class QThread;

namespace Client {

class SettingsStore;

// Owned by the main window (like SyncScheduler). Never blocks on a message: building one (its
// attachments streamed from disk) and sending run on worker threads; the store's own changes
// (a move, a state) are small SQL writes on this thread.
//
// A compose window is a session, named by the key beginCompose() returns: saves of one session
// replace each other (the newest waits while one is written; an unchanged draft is not written
// again), and while the session is open its draft is marked in the settings, so that a crash
// leaves it in recoverableDrafts() at the next start.
class Composer : public QObject
{
    Q_OBJECT
public:
    static constexpr int kAutosaveMs = 5000; // what a compose window's autosave timer should use

    explicit Composer(Client::SettingsStore &settings, QObject *parent = nullptr);
    ~Composer() override; // waits for builds in flight; cancels a send (it stays in the Outbox)

    // The accounts that can send (Types::AccountSettings::canSend), in the settings' order.
    QList<Types::AccountSettings> identities() const;

    // --- Drafts
    // A new compose window, or one on an existing draft (draftId, e.g. Draft::storeId of
    // openDraft()): that draft is what its saves replace.
    QString beginCompose(qint64 draftId = 0);
    // Saves in the background (draftSaved or composeFailed); the draft's storeId is ignored, the
    // session knows its copy.
    void saveDraft(const QString &key, const Client::Draft &draft);
    qint64 draftIdOf(const QString &key) const; // the session's copy in Drafts; 0: none yet
    bool isBusy(const QString &key) const;      // a save or a send of it is being written
    // The window closed normally: its crash marker goes (the draft stays in Drafts when saved;
    // discardDraft() removes it). Work in flight still finishes.
    void endCompose(const QString &key);
    // The drafts of compose windows open when Tidings last stopped without closing them, still
    // in Drafts. They stay offered (and marked) until forgetRecoverable() or beginCompose(id).
    QList<qint64> recoverableDrafts() const;
    void forgetRecoverable();
    // A saved message (Drafts, or the Outbox) read back for editing: its files written into
    // <dataDir>/compose/<id>/ (removed when the session that edits it ends). nullopt with *error.
    std::optional<Client::Draft> openDraft(qint64 id, QString *error = nullptr);
    bool discardDraft(qint64 id, QString *error = nullptr); // deleted for good

    // --- Sending
    // Checks what can be checked at once (an identity that can send, at least one recipient,
    // every address valid): false with *error (translated). Then, in the background: the
    // message built into the Outbox (replacing the session's draft in the same transaction),
    // queued(key, id) and the session ended; held for undoSendSeconds() (sendHeld) unless 0;
    // then the account's due messages go over one connection.
    bool send(const QString &key, const Client::Draft &draft, QString *error = nullptr);
    // Within the hold: back to Drafts, nothing sent; the Draft to reopen (its storeId set).
    std::optional<Client::Draft> undoSend(qint64 id);
    bool retry(qint64 id);                                // a Failed message: queued and sent now
    std::optional<Client::Draft> editOutgoing(qint64 id); // a Failed or held one: back to Drafts
    // Every due message (queued, or held past its time) of one account (empty: of all), now.
    // Messages left Holding or Queued when Tidings stopped go this way.
    void flushOutbox(const QString &accountId = {});
    void cancelSending(); // the running send and the accounts waiting for theirs
    // How long a server may stay silent, and how long its verdict after the data may take
    // (default 30 s and 10 minutes, as RFC 5321 asks); tests shorten them.
    void setSendTimeouts(int silenceMs, int finalReplyMs);
    // Messages in the Outbox plus those still being written into it: "quit anyway?"
    int pendingCount() const;
    QList<Client::OutboxEntry> outbox() const;
    std::optional<Client::OutboxEntry> outboxEntry(qint64 id) const;

    // The answers to passwordNeeded and certificateQuestion (as SyncScheduler's).
    void providePassword(const QString &accountId, const QString &password, bool remember);
    void declinePassword(const QString &accountId);
    void answerCertificate(bool trust);

Q_SIGNALS:
    void draftSaved(const QString &key, qint64 id);
    // A save or a send of that session wrote nothing (translated message): the window stays.
    void composeFailed(const QString &key, const QString &message);
    // The message is durably in the Outbox: the window may close.
    void queued(const QString &key, qint64 id);
    void sendHeld(qint64 id, int ms); // Undo possible for ms
    void sending(qint64 id);
    void progress(qint64 id, qint64 sent, qint64 total);
    void sent(qint64 id); // accepted by the server, now in Sent
    void sendFailed(qint64 id, const Client::SendError &error);
    void certificateQuestion(const Client::CertificateQuestion &question);
    // serverText empty: the keyring has no password; else the server refused the one given.
    void passwordNeeded(const QString &accountId, const QString &serverText);
    void protocolLine(const QString &logId, const QString &line); // see SendController
    void changed(); // Drafts, Outbox or Sent changed: lists and counts re-read
    void idle();    // nothing being sent or waiting to be

private:
    struct Session;
    struct Build;
    struct Private;
    void runBuild(const QString &key);
    void onBuilt(const QString &key, const std::shared_ptr<Build> &build);
    void finishSession(const QString &key);
    void writeMarkers();
    std::optional<Client::Draft> backToDrafts(qint64 id, bool heldOnly);
    Types::AccountSettings accountById(const QString &id) const;

    std::unique_ptr<Private> d;
};

} // namespace Client
