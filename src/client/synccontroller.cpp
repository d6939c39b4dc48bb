// SPDX-License-Identifier: GPL-3.0-or-later
#include "synccontroller.h"
#include "syncerrorkind_p.h"

#include "client/protocollogfeed.h"
#include "client/settingsstore.h"
#include "crypto/crypto.h"
#include "net/pop3sync.h"
#include "store/messagestore.h"
#include "store/protocollog.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QScopeGuard>
#include <QThread>

#include <atomic>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcSync, "tidings.client.sync", QtInfoMsg)

namespace Client {

namespace {

constexpr auto kPinService = "pop3"; // SettingsStore pins are per service, host and port

// The local store as the destination of a POP3 sync (net knows only Pop3Sink).
class StoreSink : public Net::Pop3Sink
{
public:
    explicit StoreSink(Store::MessageStore &store)
        : m_store(store)
    {}
    QHash<QString, Types::StoredState> states(const QString &account) const override
    {
        return m_store.states(account);
    }
    bool addHeaders(const QString &account, const QString &uidl, qint64 size,
                    const QByteArray &header, QString *error,
                    const Types::MessageSummary &summary) override
    {
        return m_store.addHeaders(account, uidl, size, header, error, summary);
    }
    bool add(const QString &account, const QString &uidl, const QByteArray &message, QString *error,
             const Types::MessageSummary &summary) override
    {
        return !m_store.add(account, uidl, message, error, summary).isEmpty();
    }
    void beginGroup() override { m_store.beginGroup(); }
    bool commitGroup(QString *error) override { return m_store.commitGroup(error); }
    int pendingInGroup() const override { return m_store.pendingInGroup(); }
    void forgetMissing(const QString &account, const QSet<QString> &onServer) override
    {
        m_store.forgetMissing(account, onServer);
    }
    QString directory() const override { return m_store.maildir(); }
    bool lastFailureWasDiskFull() const override { return m_store.lastFailureWasDiskFull(); }

private:
    Store::MessageStore &m_store;
};

SyncOutcome outcomeOf(const QString &accountId, const Net::Pop3SyncResult &r)
{
    SyncOutcome o;
    o.error = {detail::syncErrorKindOf(r.error.kind), r.error.serverText, r.error.detail};
    o.accountId = accountId;
    o.onServer = r.onServer;
    o.downloaded = r.downloaded;
    o.alreadyStored = r.alreadyStored;
    o.deleted = r.deleted;
    o.headersStored = r.headersStored;
    o.bodiesLeft = r.bodiesLeft;
    o.bytes = r.bytes;
    return o;
}

} // namespace

// One request from start() (or list()) to finished(), across certificate questions.
struct SyncController::Run
{
    SyncRequest request;
    bool listOnly = false;
    QList<QSslCertificate> caCertificates;
    std::atomic_bool cancel{false};
    QThread *thread = nullptr;
    Net::Pop3SyncResult result; // the worker's, read once it has finished
    CertificateQuestion question;
};

SyncController::SyncController(Client::SettingsStore &settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
{
    qRegisterMetaType<Client::SyncOutcome>();
    qRegisterMetaType<Client::SyncProgress>();
    qRegisterMetaType<Client::CertificateQuestion>();
    qRegisterMetaType<Client::ListedMessage>();
}

SyncController::~SyncController()
{
    if (m_run && m_run->thread) {
        m_run->cancel = true; // vmime and the wire notice within a quarter of a second
        m_run->thread->wait();
        delete m_run->thread;
    }
}

void SyncController::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void SyncController::start(const SyncRequest &request)
{
    begin(request, false);
}

void SyncController::list(const SyncRequest &request)
{
    begin(request, true);
}

void SyncController::begin(const SyncRequest &request, bool listOnly)
{
    if (m_state != State::Idle)
        return;
    m_run = std::make_shared<Run>();
    m_run->request = request;
    m_run->listOnly = listOnly;
    setState(State::Running);
    const Types::AccountSettings &account = request.account;
    auto endSoon = [this](SyncErrorKind kind, const QString &detail) {
        SyncOutcome outcome;
        outcome.accountId = m_run->request.account.id;
        outcome.error = {kind, {}, detail};
        // Never from inside start(): the caller may not be ready for the ending yet.
        QMetaObject::invokeMethod(
            this, [this, outcome] { end(outcome); }, Qt::QueuedConnection);
    };
    if (!account.caFile.isEmpty()) {
        m_run->caCertificates = QSslCertificate::fromPath(account.caFile, QSsl::Pem);
        if (m_run->caCertificates.isEmpty()) {
            const QFileInfo file(account.caFile);
            endSoon(SyncErrorKind::Certificate,
                    file.isReadable()
                        ? u"no PEM certificate in the CA file %1"_s.arg(account.caFile)
                        : u"cannot read the CA file %1"_s.arg(account.caFile));
            return;
        }
    }
    if (request.password.isEmpty()) {
        endSoon(SyncErrorKind::Password, u"no password for %1"_s.arg(account.key()));
        return;
    }
    if (!listOnly && request.storeDirectory.isEmpty()) {
        endSoon(SyncErrorKind::Store, u"no store directory"_s);
        return;
    }
    launch();
}

void SyncController::launch()
{
    Q_ASSERT(QThread::currentThread() == thread());
    const std::shared_ptr<Run> run = m_run;
    const SyncRequest &request = run->request;
    Net::Pop3Account account;
    account.server = request.account;
    account.password = request.password;
    account.caCertificates = run->caCertificates;
    account.timeoutMs = request.timeoutMs;
    account.headersFirst = m_headersFirst;
    account.headersOnly = request.headersOnly;
    account.fetchUidls = request.fetchUidls;
    // Only the certificate trusted for this very host and port.
    const QByteArray pin = m_settings.pinnedCertificate(QString::fromLatin1(kPinService),
                                                        account.server.host, account.server.port);
    if (!pin.isEmpty())
        account.trustedSha256 = {pin};
    const QString logId = ProtocolLogFeed::logId(request.account);
    const bool logging = m_protocolLogging && !request.storeDirectory.isEmpty();
    // The worker talks to this object only through queued calls; ~SyncController waits for it.
    run->thread = QThread::create([this, run, account, logId, logging]() mutable {
        // Runs last, after the store and sockets: TLS state is freed before wait() returns.
        const auto releaseTls = qScopeGuard(&Crypto::releaseThreadState);
        std::shared_ptr<Store::ProtocolLog> log;
        if (logging)
            log = std::make_shared<Store::ProtocolLog>(run->request.storeDirectory, logId);
        account.trace = [this, log, logId](const QString &line) {
            if (log)
                log->append(line);
            QMetaObject::invokeMethod(
                this, [this, logId, line] { Q_EMIT protocolLine(logId, line); },
                Qt::QueuedConnection);
        };
        account.headersStored = [this](int count) {
            QMetaObject::invokeMethod(
                this, [this, count] { Q_EMIT headersStored(count); }, Qt::QueuedConnection);
        };
        if (run->listOnly) {
            run->result = Net::listPop3(account, &run->cancel);
            return;
        }
        Store::MessageStore store(run->request.storeDirectory);
        QString error;
        if (!store.open(&error)) {
            run->result.error = {Net::Pop3ErrorKind::Store, {}, error};
            return;
        }
        StoreSink sink(store);
        run->result = Net::syncPop3(
            account, sink,
            [this](const Net::Pop3Progress &p) {
                const SyncProgress progressNow{p.messagesDone, p.messagesTotal, p.bytesDone,
                                               p.bytesTotal};
                QMetaObject::invokeMethod(
                    this, [this, progressNow] { Q_EMIT progress(progressNow); },
                    Qt::QueuedConnection);
            },
            &run->cancel);
    });
    connect(run->thread, &QThread::finished, this, &SyncController::onWorkerDone);
    run->thread->start();
}

void SyncController::onWorkerDone()
{
    Q_ASSERT(QThread::currentThread() == thread());
    const std::shared_ptr<Run> run = m_run;
    if (!run || !run->thread)
        return;
    run->thread->wait();
    delete run->thread;
    run->thread = nullptr;
    const Net::Pop3SyncResult &r = run->result;
    if (r.error.kind == Net::Pop3ErrorKind::Certificate && !r.untrustedCertificate.isNull() &&
        !run->cancel) {
        CertificateQuestion &q = run->question;
        q.accountId = run->request.account.id;
        q.host = run->request.account.host;
        q.port = run->request.account.port;
        q.certificate = r.untrustedCertificate;
        q.pinnedSha256 = r.pinnedSha256;
        q.problems = r.tlsProblems;
        setState(State::AwaitingAnswer);
        Q_EMIT certificateQuestion(q);
        return;
    }
    if (run->listOnly && r.ok()) {
        QList<ListedMessage> listed;
        for (const Net::Pop3Listing &m : r.listing)
            listed.append({m.number, m.uidl, m.size, m.subject});
        Q_EMIT this->listed(listed);
    }
    end(outcomeOf(run->request.account.id, r));
}

void SyncController::end(const SyncOutcome &outcome)
{
    qCDebug(lcSync) << "sync of" << outcome.accountId << "ended:" << int(outcome.error.kind)
                    << outcome.error.detail;
    m_run.reset();
    setState(State::Idle);
    Q_EMIT finished(outcome);
}

void SyncController::cancel()
{
    if (!m_run)
        return;
    if (m_state == State::AwaitingAnswer) {
        SyncOutcome outcome;
        outcome.accountId = m_run->request.account.id;
        outcome.error = {SyncErrorKind::Cancelled, {}, u"cancelled"_s};
        end(outcome);
        return;
    }
    if (m_state != State::Running)
        return;
    m_run->cancel = true; // vmime notices through our timeout handler, the wire between reads
    setState(State::Cancelling);
}

void SyncController::answerCertificate(bool trust)
{
    if (m_state != State::AwaitingAnswer || !m_run)
        return;
    const CertificateQuestion q = m_run->question;
    if (!trust) {
        SyncOutcome outcome = outcomeOf(m_run->request.account.id, m_run->result);
        end(outcome);
        return;
    }
    m_settings.pinCertificate(QString::fromLatin1(kPinService), q.host, q.port,
                              q.certificate.digest(QCryptographicHash::Sha256));
    m_settings.sync();
    m_run->result = Net::Pop3SyncResult();
    setState(State::Running);
    launch();
}

} // namespace Client
