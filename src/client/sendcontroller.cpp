// SPDX-License-Identifier: GPL-3.0-or-later
#include "sendcontroller.h"
#include "outboxbuild_p.h"

#include "client/protocollogfeed.h"
#include "client/secretstore.h"
#include "client/settingsstore.h"
#include "crypto/crypto.h"
#include "net/smtpsend.h"
#include "store/messagestore.h"
#include "store/protocollog.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QScopeGuard>
#include <QThread>

#include <atomic>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcSend, "tidings.client.send", QtInfoMsg)

namespace Client {

namespace {

constexpr auto kPinService = "smtp"; // SettingsStore pins are per service, host and port

SendErrorKind kindOf(Net::SmtpErrorKind kind)
{
    switch (kind) {
    case Net::SmtpErrorKind::None:
        return SendErrorKind::None;
    case Net::SmtpErrorKind::Connection:
        return SendErrorKind::Connection;
    case Net::SmtpErrorKind::Certificate:
        return SendErrorKind::Certificate;
    case Net::SmtpErrorKind::StartTlsRefused:
        return SendErrorKind::StartTlsRefused;
    case Net::SmtpErrorKind::Authentication:
        return SendErrorKind::Authentication;
    case Net::SmtpErrorKind::NoSecureAuth:
        return SendErrorKind::NoSecureAuth;
    case Net::SmtpErrorKind::Timeout:
        return SendErrorKind::Timeout;
    case Net::SmtpErrorKind::Cancelled:
        return SendErrorKind::Cancelled;
    case Net::SmtpErrorKind::SenderRefused:
        return SendErrorKind::SenderRefused;
    case Net::SmtpErrorKind::RecipientsRefused:
        return SendErrorKind::RecipientsRefused;
    case Net::SmtpErrorKind::MessageRefused:
        return SendErrorKind::MessageRefused;
    case Net::SmtpErrorKind::Protocol:
        return SendErrorKind::Protocol;
    case Net::SmtpErrorKind::Message:
        return SendErrorKind::Message;
    }
    return SendErrorKind::Protocol;
}

SendError errorOf(const Net::SmtpError &e)
{
    SendError out;
    out.kind = kindOf(e.kind);
    out.code = e.code;
    out.serverText = e.serverText;
    out.detail = e.message;
    for (const Net::RecipientRefusal &r : e.refused)
        out.refused.append({r.address, r.code, r.text});
    return out;
}

// A certificate the user may still trust: the send is asked about, not failed.
bool isQuestion(const Net::SmtpError &e)
{
    return e.kind == Net::SmtpErrorKind::Certificate && !e.certificate.isNull();
}

// Where one message ends up: Sent when accepted, Failed in the Outbox with the error otherwise.
SendError record(Store::MessageStore &store, qint64 id, const SendError &error)
{
    QString why;
    if (error.ok()) {
        if (store.moveLocal(id, Types::FolderKind::Sent, &why))
            return error;
        // Sent, but the store could not say so: it stays "Sending", which the next start
        // reports as Interrupted (it may have gone) rather than sending it twice unasked.
        qCWarning(lcSend) << "message" << id << "was sent but not moved to Sent:" << why;
        return error;
    }
    std::optional<Store::Outgoing> row = store.outgoingOf(id);
    if (!row) {
        qCWarning(lcSend) << "message" << id << "left the Outbox while it was sent";
        return error;
    }
    row->state = Store::Outgoing::State::Failed;
    detail::storeError(error, *row);
    if (!store.setOutgoing(*row, &why))
        qCWarning(lcSend) << "cannot record the failure of" << id << ":" << why;
    return error;
}

} // namespace

// One request from start() to finished(), across certificate questions.
struct SendController::Run
{
    SendRequest request;
    QList<QSslCertificate> caCertificates;
    std::atomic_bool cancel{false};
    QThread *thread = nullptr;
    Net::SmtpError result; // the worker's, read once it has finished
    CertificateQuestion question;
};

SendController::SendController(Client::SettingsStore &settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
{
    qRegisterMetaType<Client::SendError>();
    qRegisterMetaType<Client::CertificateQuestion>();
}

SendController::~SendController()
{
    if (m_run && m_run->thread) {
        m_run->cancel = true; // polled between reads and by vmime's timeout handler
        m_run->thread->wait();
        delete m_run->thread;
    }
}

QString SendController::passwordKey(const Types::AccountSettings &account)
{
    return SecretStore::smtpKey(account); // what Account Settings writes
}

QString SendController::accountId() const
{
    return m_run ? m_run->request.account.id : QString();
}

void SendController::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void SendController::start(const SendRequest &request)
{
    if (m_state != State::Idle)
        return;
    m_run = std::make_shared<Run>();
    m_run->request = request;
    setState(State::Running);
    const QString caFile = request.account.caFile;
    if (!caFile.isEmpty()) {
        m_run->caCertificates = QSslCertificate::fromPath(caFile, QSsl::Pem);
        if (m_run->caCertificates.isEmpty()) {
            SendError e{SendErrorKind::Certificate,
                        0,
                        {},
                        QFileInfo(caFile).isReadable()
                            ? u"no PEM certificate in the CA file %1"_s.arg(caFile)
                            : u"cannot read the CA file %1"_s.arg(caFile),
                        {}};
            // Never from inside start(): the caller may not be ready for the ending yet.
            QMetaObject::invokeMethod(
                this, [this, e] { failAll(e); }, Qt::QueuedConnection);
            return;
        }
    }
    launch();
}

void SendController::launch()
{
    Q_ASSERT(QThread::currentThread() == thread());
    const std::shared_ptr<Run> run = m_run;
    const Types::AccountSettings &account = run->request.account;
    Net::SmtpServer server;
    server.host = account.smtpHost;
    server.port = account.smtpPort;
    server.security = account.smtpSecurity;
    server.user = account.smtpLogin();
    server.password = run->request.password;
    server.allowPlainPassword = account.allowPlainPassword;
    server.caCertificates = run->caCertificates;
    server.timeoutMs = run->request.timeoutMs;
    server.finalReplyTimeoutMs = run->request.finalReplyTimeoutMs;
    // Only the certificate trusted for this very host and port.
    const QByteArray pin =
        m_settings.pinnedCertificate(QString::fromLatin1(kPinService), server.host, server.port);
    if (!pin.isEmpty())
        server.trustedSha256 = {pin};
    std::vector<Net::SmtpJob> jobs;
    for (const SendJob &job : run->request.jobs)
        jobs.push_back({job.id, job.path, {}, {}});
    const QString logId = ProtocolLogFeed::logId(account);
    // The worker talks to this object only through queued calls; ~SendController waits for it.
    run->thread = QThread::create([this, run, server, jobs, logId] {
        // Runs last, after the store and sockets: TLS state is freed before wait() returns.
        const auto releaseTls = qScopeGuard(&Crypto::releaseThreadState);
        Store::MessageStore store(run->request.storeDirectory);
        QString error;
        if (!store.open(&error)) {
            run->result.kind = Net::SmtpErrorKind::Message;
            run->result.message = u"cannot open the mail store: "_s + error;
            return;
        }
        Store::ProtocolLog log(run->request.storeDirectory, logId);
        Net::SmtpCallbacks callbacks;
        callbacks.trace = [this, &log, logId](const QString &line) {
            log.append(line);
            QMetaObject::invokeMethod(
                this, [this, logId, line] { Q_EMIT protocolLine(logId, line); },
                Qt::QueuedConnection);
        };
        callbacks.progress = [this](qint64 id, qint64 sent, qint64 total) {
            QMetaObject::invokeMethod(
                this, [this, id, sent, total] { Q_EMIT progress(id, sent, total); },
                Qt::QueuedConnection);
        };
        callbacks.finished = [this, &store, run](qint64 id, const Net::SmtpError &result) {
            if (isQuestion(result) && !run->cancel)
                return; // asked once the connection is over; the job stays "Sending"
            const SendError outcome = record(store, id, errorOf(result));
            QMetaObject::invokeMethod(
                this, [this, id, outcome] { Q_EMIT messageFinished(id, outcome); },
                Qt::QueuedConnection);
        };
        run->result = Net::sendMail(server, jobs, callbacks, &run->cancel);
    });
    connect(run->thread, &QThread::finished, this, &SendController::onWorkerDone);
    run->thread->start();
}

void SendController::onWorkerDone()
{
    Q_ASSERT(QThread::currentThread() == thread());
    const std::shared_ptr<Run> run = m_run;
    if (!run || !run->thread)
        return;
    run->thread->wait();
    delete run->thread;
    run->thread = nullptr;
    const Net::SmtpError &r = run->result;
    if (isQuestion(r) && !run->cancel) {
        CertificateQuestion &q = run->question;
        q.accountId = run->request.account.id;
        q.host = run->request.account.smtpHost;
        q.port = run->request.account.smtpPort;
        q.certificate = r.certificate;
        q.pinnedSha256 = r.pinnedSha256;
        q.problems = r.tlsProblems;
        setState(State::AwaitingAnswer);
        Q_EMIT certificateQuestion(q);
        return;
    }
    if (r.kind == Net::SmtpErrorKind::Message && r.message.startsWith(u"cannot open the mail"_s)) {
        failAll(errorOf(r)); // the worker could not record anything
        return;
    }
    end(errorOf(r));
}

void SendController::failAll(const SendError &error)
{
    Q_ASSERT(QThread::currentThread() == thread());
    Store::MessageStore store(m_run->request.storeDirectory);
    QString why;
    const bool open = store.open(&why);
    if (!open)
        qCWarning(lcSend) << "cannot record the failure:" << why;
    for (const SendJob &job : m_run->request.jobs) {
        if (open)
            record(store, job.id, error);
        Q_EMIT messageFinished(job.id, error);
    }
    end(error);
}

void SendController::end(const SendError &error)
{
    qCDebug(lcSend) << "send of" << accountId() << "ended:" << sendErrorKindName(error.kind)
                    << error.detail;
    m_run.reset();
    setState(State::Idle);
    Q_EMIT finished(error);
}

void SendController::cancel()
{
    if (!m_run)
        return;
    if (m_state == State::AwaitingAnswer) {
        failAll({SendErrorKind::Cancelled, 0, {}, u"cancelled"_s, {}});
        return;
    }
    if (m_state != State::Running)
        return;
    m_run->cancel = true;
    setState(State::Cancelling);
}

void SendController::answerCertificate(bool trust)
{
    if (m_state != State::AwaitingAnswer || !m_run)
        return;
    const CertificateQuestion q = m_run->question;
    if (!trust) {
        failAll(errorOf(m_run->result));
        return;
    }
    m_settings.pinCertificate(QString::fromLatin1(kPinService), q.host, q.port,
                              q.certificate.digest(QCryptographicHash::Sha256));
    m_settings.sync();
    m_run->result = Net::SmtpError();
    setState(State::Running);
    launch();
}

} // namespace Client
