// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The sending half of Client::Composer (which owns it and forwards its signals): the Undo hold of
// each message, the flush of an account's due Outbox messages over one SendController run, the
// password from the keyring or asked for, Retry. Private to tidings_client: it works on the
// store (forward-declared here).

#include "client/sendoutcome.h"
#include "client/syncoutcome.h"

#include <QHash>
#include <QObject>
#include <QStringList>

namespace Store {
class MessageStore;
}

class QTimer;

namespace Client {

class SecretStore;
class SendController;
class SettingsStore;

class OutboxSender : public QObject
{
    Q_OBJECT
public:
    // store: the owner's connection on this thread (may be null: nothing is sent then).
    OutboxSender(Client::SettingsStore &settings, Store::MessageStore *store,
                 QObject *parent = nullptr);
    ~OutboxSender() override; // cancels a running send and waits for its worker

    // A message left "Sending" by a run that stopped may have gone: Failed (Interrupted).
    void markInterrupted();
    void hold(qint64 id, qint64 notBefore); // sendHeld, then the account's flush at notBefore
    void forget(qint64 id);                 // the message left the Outbox (Undo, Edit)
    // Whether a send of the account is starting or running: its Queued messages are taken.
    bool isSending(const QString &accountId) const { return m_sendingAccount == accountId; }
    void flush(const QString &accountId = {});
    bool retry(qint64 id);
    void cancel();
    void setTimeouts(int silenceMs, int finalReplyMs);

    void providePassword(const QString &accountId, const QString &password, bool remember);
    void declinePassword(const QString &accountId);
    void answerCertificate(bool trust);

Q_SIGNALS:
    void sendHeld(qint64 id, int ms);
    void sending(qint64 id);
    void progress(qint64 id, qint64 sent, qint64 total);
    void sent(qint64 id);
    void sendFailed(qint64 id, const Client::SendError &error);
    void certificateQuestion(const Client::CertificateQuestion &question);
    void passwordNeeded(const QString &accountId, const QString &serverText);
    void protocolLine(const QString &logId, const QString &line);
    void changed();
    void idle();

private:
    void release(qint64 id);
    void next();
    void start(const QString &accountId, const QString &password);
    void failDue(const QString &accountId, const Client::SendError &error);
    void onPasswordRead(const QString &key, const QString &secret);
    void onMessageFinished(qint64 id, const Client::SendError &error);
    void onFinished(const Client::SendError &error);
    Types::AccountSettings accountById(const QString &id) const;

    Client::SettingsStore &m_settings;
    Store::MessageStore *m_store;
    SecretStore *m_secrets;
    SendController *m_controller;
    QHash<qint64, QTimer *> m_holds;
    QStringList m_flushQueue; // accounts whose due messages go next
    QString m_sendingAccount; // being sent, or its password awaited
    QString m_awaitingKey;    // keyring read in flight
    bool m_awaitingPassword = false;
    QHash<QString, QString> m_passwords;  // given in a prompt this session
    QHash<QString, QString> m_toRemember; // to the keyring once the server accepted it
    int m_timeoutMs = 30000;
    int m_finalReplyTimeoutMs = 600000;
};

} // namespace Client
