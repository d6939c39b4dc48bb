// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client/syncoutcome.h"

#include <QHash>
#include <QObject>
#include <QStringList>

#include <optional>

class QTimer;

namespace Client {

class SecretStore;
class SettingsStore;
class SyncController;

// Get Mail as the window sees it: one account or all of them (one after
// another), the automatic check of each account, the password from the
// keyring (or asked for), and the body of a headers-only message the user
// opened. Never blocks: the syncs run in SyncController's worker thread.
class SyncScheduler : public QObject
{
    Q_OBJECT
public:
    SyncScheduler(SettingsStore &settings, QObject *parent = nullptr);
    ~SyncScheduler() override;

    // Empty id: every configured account. An account already queued or running is not queued twice.
    void getMail(const QString &accountId = {});
    // What the automatic check starts: it never asks (no password prompt); a missing or refused
    // password ends with its error, and the next Get Mail by hand asks.
    void checkAutomatically(const QString &accountId);
    void stopAutomaticChecks(); // the window closed
    // A headers-only message the user opened: its body, whatever the size limit says.
    void fetchBody(const QString &accountId, const QString &uidl);
    void cancel(); // the running sync and everything queued
    bool isRunning() const { return !m_running.isEmpty(); }
    QString runningAccount() const { return m_running; }

    // The answer to passwordNeeded: the sync goes on with it; with remember it
    // goes to the keyring once the server accepted it.
    void providePassword(const QString &accountId, const QString &password, bool remember);
    void declinePassword(const QString &accountId);
    void answerCertificate(bool trust);

    // After the accounts changed: the automatic checks follow checkEveryMinutes.
    void reschedule();
    QString storeDirectory() const;
    const SyncController *controller() const { return m_controller; } // for the live protocol log

Q_SIGNALS:
    void started(const QString &accountId);
    void progress(const QString &accountId, const Client::SyncProgress &progress);
    void headersStored(const QString &accountId, int count);
    // serverText empty: the keyring has no password; otherwise the server refused the one given.
    void passwordNeeded(const QString &accountId, const QString &serverText);
    void certificateQuestion(const Client::CertificateQuestion &question);
    void finished(const Client::SyncOutcome &outcome); // once per account synced
    void idle();                                      // nothing running or queued

private:
    struct Job
    {
        QString accountId;
        QStringList fetchUidls;
        bool automatic = false;
    };
    void next();
    void run(const Job &job, const QString &password);
    void onPasswordRead(const QString &key, const QString &secret);
    void onFinished(const Client::SyncOutcome &outcome);
    Types::AccountSettings accountById(const QString &id) const;
    void enqueue(const Job &job);
    void end(const Client::SyncOutcome &outcome);

    SettingsStore &m_settings;
    SecretStore *m_secrets;
    SyncController *m_controller;
    QList<Job> m_queue;
    QString m_running;                  // account id of the running job, empty when idle
    Job m_current;
    QHash<QString, QString> m_passwords; // given in a prompt this session (not remembered)
    QHash<QString, QString> m_toRemember; // given with "Remember": written once the server accepted it
    QString m_awaitingKey;               // the keyring read in flight
    std::optional<SyncOutcome> m_pendingAuthFailure; // the server refused the password: reported if no other comes
    QHash<QString, QTimer *> m_timers;
};

} // namespace Client
