// SPDX-License-Identifier: GPL-3.0-or-later
#include "synccontroller.h"

#include "storesink.h"
#include "store/messagestore.h"
#include "store/protocollog.h"
#include "client/settingsstore.h"

#include "crypto/crypto.h"

#include <QCryptographicHash>
#include <QScopeGuard>
#include <QThread>

using namespace Qt::StringLiterals;

namespace Client {

SyncController::SyncController(Client::SettingsStore &settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
{
    qRegisterMetaType<Net::Pop3SyncResult>();
}

SyncController::~SyncController()
{
    if (m_thread) {
        m_cancel = true;
        m_thread->wait();
    }
}

void SyncController::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void SyncController::start(Net::Pop3Account account, const QString &storeDirectory)
{
    if (m_state != State::Idle)
        return;
    m_cancel = false;
    // Only the certificate trusted for this very host and port (issue 10, item 5).
    m_pinHost = account.server.host;
    m_pinPort = account.server.port;
    const QByteArray pin = m_settings.pinnedCertificate(u"pop3"_s, m_pinHost, m_pinPort);
    account.trustedSha256 = pin.isEmpty() ? QList<QByteArray>() : QList<QByteArray>{pin};
    auto result = std::make_shared<Net::Pop3SyncResult>();
    m_thread = QThread::create([this, account, storeDirectory, result, logging = m_protocolLogging]() mutable {
        // Runs last, after the store and sockets: TLS state is freed before wait() returns.
        const auto releaseTls = qScopeGuard(&Crypto::releaseThreadState);
        if (logging) {
            auto log = std::make_shared<Store::ProtocolLog>(storeDirectory, account.server.key());
            account.trace = [log, previous = account.trace](const QString &line) {
                log->append(line);
                if (previous)
                    previous(line);
            };
        }
        account.headersStored = [this](int count) {
            QMetaObject::invokeMethod(this, [=, this] { Q_EMIT headersStored(count); }, Qt::QueuedConnection);
        };
        Store::MessageStore store(storeDirectory);
        QString error;
        if (!store.open(&error)) {
            result->error = error;
            return;
        }
        Client::StoreSink sink(store);
        *result = Net::syncPop3(account, sink,
                                [this](int done, int total, qint64 bytes) {
                                    QMetaObject::invokeMethod(this, [=, this] { Q_EMIT progress(done, total, bytes); },
                                                              Qt::QueuedConnection);
                                },
                                &m_cancel);
    });
    connect(m_thread, &QThread::finished, this, [this, result] {
        m_thread->deleteLater();
        m_thread = nullptr;
        setState(State::Idle);
        if (result->ok)
            Q_EMIT finished(*result);
        else if (!result->untrustedCertificate.isNull())
            Q_EMIT certificateNeedsTrust(result->untrustedCertificate);
        else
            Q_EMIT failed(result->error);
    });
    setState(State::Running);
    m_thread->start();
}

void SyncController::cancel()
{
    if (m_state != State::Running)
        return;
    m_cancel = true; // vmime notices through our timeout handler
    setState(State::Cancelling);
}

void SyncController::trustCertificate(const QSslCertificate &certificate)
{
    m_settings.pinCertificate(u"pop3"_s, m_pinHost, m_pinPort, certificate.digest(QCryptographicHash::Sha256));
    m_settings.sync();
}

} // namespace Client
