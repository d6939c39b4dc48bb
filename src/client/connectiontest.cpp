// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectiontest.h"
#include "syncerrorkind_p.h"

#include "client/settingsstore.h"
#include "crypto/crypto.h"
#include "net/pop3probe.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QScopeGuard>
#include <QThread>

#include <atomic>

using namespace Qt::StringLiterals;

namespace Client {

namespace {

constexpr auto kPinService = "pop3";

ConnectionTest::Step stepOf(Net::ProbeStep step)
{
    switch (step) {
    case Net::ProbeStep::Connect:
        return ConnectionTest::Step::Connect;
    case Net::ProbeStep::Tls:
        return ConnectionTest::Step::Tls;
    case Net::ProbeStep::Capabilities:
        return ConnectionTest::Step::Capabilities;
    case Net::ProbeStep::Login:
        return ConnectionTest::Step::Login;
    case Net::ProbeStep::Done:
        return ConnectionTest::Step::Done;
    }
    return ConnectionTest::Step::Connect;
}

} // namespace

// One test on its own thread: vmime's login blocks.
struct ConnectionTest::Worker
{
    Types::AccountSettings account;
    Net::Pop3Account pop3;
    std::atomic_bool cancel{false};
    QThread *thread = nullptr;
    Net::Pop3ProbeResult result;
    ConnectionTest::Step step = ConnectionTest::Step::Connect; // as last reported (caller's thread)
};

ConnectionTest::ConnectionTest(Client::SettingsStore &settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
{
    qRegisterMetaType<Client::ConnectionTestResult>();
}

ConnectionTest::~ConnectionTest()
{
    if (m_worker)
        m_abandoned << m_worker;
    for (const std::shared_ptr<Worker> &worker : std::as_const(m_abandoned)) {
        worker->cancel = true;
        if (worker->thread) {
            worker->thread->wait(); // the socket gives up within the timeout
            delete worker->thread;
        }
    }
}

bool ConnectionTest::isRunning() const
{
    return m_worker != nullptr;
}

void ConnectionTest::start(const Types::AccountSettings &account, const QString &password)
{
    if (m_worker)
        return;
    auto worker = std::make_shared<Worker>();
    m_worker = worker;
    worker->account = account;
    Net::Pop3Account &pop3 = worker->pop3;
    pop3.server = account;
    pop3.password = password;
    pop3.timeoutMs = m_timeoutMs;
    const QByteArray pin =
        m_settings.pinnedCertificate(QString::fromLatin1(kPinService), account.host, account.port);
    if (!pin.isEmpty())
        pop3.trustedSha256 = {pin};
    if (!account.caFile.isEmpty()) {
        pop3.caCertificates = QSslCertificate::fromPath(account.caFile, QSsl::Pem);
        if (pop3.caCertificates.isEmpty()) {
            ConnectionTestResult result;
            result.failedStep = Step::Tls;
            result.error = {SyncErrorKind::Certificate,
                            {},
                            QFileInfo(account.caFile).isReadable()
                                ? u"no PEM certificate in the CA file %1"_s.arg(account.caFile)
                                : u"cannot read the CA file %1"_s.arg(account.caFile)};
            // Never from inside start(): the caller may not be ready for the ending yet.
            QMetaObject::invokeMethod(
                this,
                [this, worker, result] {
                    if (worker == m_worker) // not cancelled meanwhile
                        finish(result);
                },
                Qt::QueuedConnection);
            return;
        }
    }
    worker->thread = QThread::create([this, worker] {
        // Runs last, after the sockets: TLS state is freed before wait() returns.
        const auto releaseTls = qScopeGuard(&Crypto::releaseThreadState);
        worker->result = Net::probePop3(
            worker->pop3,
            [this, worker](Net::ProbeStep step) {
                QMetaObject::invokeMethod(
                    this,
                    [this, worker, step] {
                        if (worker != m_worker) // not for a cancelled test
                            return;
                        worker->step = stepOf(step);
                        Q_EMIT stepChanged(worker->step);
                    },
                    Qt::QueuedConnection);
            },
            &worker->cancel);
    });
    connect(worker->thread, &QThread::finished, this, [this, worker] { onWorkerDone(worker); });
    worker->thread->start();
}

void ConnectionTest::onWorkerDone(const std::shared_ptr<Worker> &worker)
{
    Q_ASSERT(QThread::currentThread() == thread());
    worker->thread->wait();
    delete worker->thread;
    worker->thread = nullptr;
    if (m_abandoned.removeOne(worker) || worker != m_worker)
        return; // cancelled: its ending was reported then
    const Net::Pop3ProbeResult &r = worker->result;
    ConnectionTestResult result;
    result.failedStep = stepOf(r.failedStep);
    result.error = {detail::syncErrorKindOf(r.error.kind), r.error.serverText, r.error.detail};
    result.greeting = r.greeting;
    result.capabilities = r.capabilities;
    result.encrypted = r.encrypted;
    result.loginMethod = r.loginMethod;
    if (r.error.kind == Net::Pop3ErrorKind::Certificate && !r.untrustedCertificate.isNull()) {
        result.hasCertificateQuestion = true;
        CertificateQuestion &q = result.certificate;
        q.accountId = worker->account.id;
        q.host = worker->account.host;
        q.port = worker->account.port;
        q.certificate = r.untrustedCertificate;
        q.pinnedSha256 = r.pinnedSha256;
        q.problems = r.tlsProblems;
    }
    finish(result);
}

void ConnectionTest::finish(const ConnectionTestResult &result)
{
    m_worker.reset();
    Q_EMIT finished(result);
}

void ConnectionTest::cancel()
{
    if (!m_worker)
        return;
    m_worker->cancel = true;
    if (m_worker->thread)
        m_abandoned << m_worker;
    ConnectionTestResult result;
    result.failedStep = m_worker->step;
    result.error = {SyncErrorKind::Cancelled, {}, u"cancelled"_s};
    finish(result);
}

void ConnectionTest::trustCertificate(const Client::CertificateQuestion &question)
{
    m_settings.pinCertificate(QString::fromLatin1(kPinService), question.host, question.port,
                              question.certificate.digest(QCryptographicHash::Sha256));
    m_settings.sync();
}

} // namespace Client
