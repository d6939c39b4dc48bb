// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/pop3sync.h"

#include <QObject>
#include <QSslCertificate>

#include <atomic>

class QThread;

namespace Client {
class SettingsStore;
}

namespace Client {

// Runs one POP3 sync on a worker thread (vmime blocks) and reports on the
// caller's thread: progress, then exactly one of finished or failed. A TLS
// certificate the system does not trust is offered for a trust decision by
// signal; trustCertificate() persists it and the next start() accepts it.
class SyncController : public QObject
{
    Q_OBJECT
public:
    enum class State { Idle, Running, Cancelling };
    Q_ENUM(State)

    SyncController(Client::SettingsStore &settings, QObject *parent = nullptr);
    ~SyncController() override;

    State state() const { return m_state; }
    void start(Net::Pop3Account account, const QString &storeDirectory);
    void cancel();
    // Record each sync's conversation (redacted) in the store's bounded per-account log.
    void setProtocolLogging(bool on) { m_protocolLogging = on; }
    void trustCertificate(const QSslCertificate &certificate);

Q_SIGNALS:
    void stateChanged(Client::SyncController::State state);
    void progress(int done, int total, qint64 bytes);
    // The headers of all new mail (count may be 0) are in the store: a list can fill before the bodies come.
    void headersStored(int count);
    void finished(const Net::Pop3SyncResult &result);
    void failed(const QString &error);
    void certificateNeedsTrust(const QSslCertificate &certificate);
    // Each line of the protocol log as it is recorded (see ProtocolLogFeed).
    void protocolLine(const QString &accountId, const QString &line);

private:
    void setState(State state);

    Client::SettingsStore &m_settings;
    State m_state = State::Idle;
    QThread *m_thread = nullptr;
    bool m_protocolLogging = false;
    std::atomic_bool m_cancel{false};
    QString m_pinHost; // where the running or last sync connected: a trust decision is for there only
    quint16 m_pinPort = 0;
};

} // namespace Client

Q_DECLARE_METATYPE(Net::Pop3SyncResult)
