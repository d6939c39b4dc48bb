// SPDX-License-Identifier: GPL-3.0-or-later
#include "syncscheduler.h"

#include "secretstore.h"
#include "settingsstore.h"
#include "synccontroller.h"

#include <QTimer>

using namespace Qt::StringLiterals;

namespace Client {

SyncScheduler::SyncScheduler(SettingsStore &settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_secrets(new SecretStore(this))
    , m_controller(new SyncController(settings, this))
{
    m_controller->setProtocolLogging(true); // the Protocol Log window shows it; secrets are redacted
    connect(m_secrets, &SecretStore::readFinished, this, &SyncScheduler::onPasswordRead);
    // No keyring service at all: the same as no password stored, the prompt explains.
    connect(m_secrets, &SecretStore::failed, this,
            [this](const QString &key, const QString &) { onPasswordRead(key, QString()); });
    connect(m_controller, &SyncController::progress, this,
            [this](const SyncProgress &p) { Q_EMIT progress(m_running, p); });
    connect(m_controller, &SyncController::headersStored, this,
            [this](int count) { Q_EMIT headersStored(m_running, count); });
    connect(m_controller, &SyncController::certificateQuestion, this, &SyncScheduler::certificateQuestion);
    connect(m_controller, &SyncController::finished, this, &SyncScheduler::onFinished);
    reschedule();
}

SyncScheduler::~SyncScheduler() = default;

QString SyncScheduler::storeDirectory() const
{
    return m_settings.mailDirectory();
}

Types::AccountSettings SyncScheduler::accountById(const QString &id) const
{
    for (const Types::AccountSettings &a : m_settings.accounts())
        if (a.id == id)
            return a;
    return {};
}

void SyncScheduler::enqueue(const Job &job)
{
    if (!job.fetchUidls.isEmpty()) {
        // Bodies the user opened: once each, and with a job of that account already waiting.
        if (m_running == job.accountId && m_current.fetchUidls.contains(job.fetchUidls.first()))
            return;
        for (Job &queued : m_queue)
            if (queued.accountId == job.accountId) {
                if (!queued.fetchUidls.contains(job.fetchUidls.first()))
                    queued.fetchUidls += job.fetchUidls;
                queued.automatic = false;
                return;
            }
        m_queue.append(job);
        return;
    }
    const auto same = [&](const Job &j) { return j.accountId == job.accountId; };
    if (m_running == job.accountId || std::any_of(m_queue.begin(), m_queue.end(), same))
        return;
    m_queue.append(job);
}

void SyncScheduler::checkAutomatically(const QString &accountId)
{
    enqueue({accountId, {}, true});
    next();
}

void SyncScheduler::stopAutomaticChecks()
{
    qDeleteAll(m_timers);
    m_timers.clear();
}

void SyncScheduler::getMail(const QString &accountId)
{
    for (const Types::AccountSettings &a : m_settings.accounts())
        if (a.isConfigured() && (accountId.isEmpty() || a.id == accountId))
            enqueue({a.id, {}});
    next();
}

void SyncScheduler::fetchBody(const QString &accountId, const QString &uidl)
{
    enqueue({accountId, {uidl}});
    next();
}

void SyncScheduler::next()
{
    if (!m_running.isEmpty())
        return;
    if (m_queue.isEmpty()) {
        Q_EMIT idle();
        return;
    }
    m_current = m_queue.takeFirst();
    const Types::AccountSettings account = accountById(m_current.accountId);
    if (!account.isConfigured()) { // removed while queued
        next();
        return;
    }
    m_running = m_current.accountId;
    m_pendingAuthFailure.reset();
    Q_EMIT started(m_running);
    if (m_passwords.contains(m_running)) {
        run(m_current, m_passwords.value(m_running));
        return;
    }
    m_awaitingKey = SecretStore::mailKey(account);
    m_secrets->read(m_awaitingKey);
}

void SyncScheduler::onPasswordRead(const QString &key, const QString &secret)
{
    if (key != m_awaitingKey || m_running.isEmpty())
        return;
    m_awaitingKey.clear();
    if (secret.isEmpty()) {
        if (m_current.automatic) { // never a prompt the user did not ask for
            SyncOutcome outcome;
            outcome.error = {SyncErrorKind::Password, {}, u"no password for this account"_s};
            end(outcome);
            return;
        }
        Q_EMIT passwordNeeded(m_running, QString());
        return;
    }
    run(m_current, secret);
}

void SyncScheduler::run(const Job &job, const QString &password)
{
    SyncRequest request;
    request.account = accountById(job.accountId);
    if (!request.account.isConfigured()) { // removed while its password was looked up
        SyncOutcome outcome;
        outcome.error = {SyncErrorKind::Cancelled, {}, u"the account was removed"_s};
        end(outcome);
        return;
    }
    request.password = password;
    request.storeDirectory = storeDirectory();
    request.fetchUidls = job.fetchUidls;
    m_controller->start(request);
}

void SyncScheduler::providePassword(const QString &accountId, const QString &password, bool remember)
{
    if (accountId != m_running || m_controller->state() != SyncController::State::Idle)
        return;
    m_passwords.insert(accountId, password);
    if (remember)
        m_toRemember.insert(accountId, password);
    else
        m_toRemember.remove(accountId);
    run(m_current, password);
}

void SyncScheduler::declinePassword(const QString &accountId)
{
    if (accountId != m_running || m_controller->state() != SyncController::State::Idle)
        return;
    SyncOutcome outcome;
    if (m_pendingAuthFailure) {
        outcome = *m_pendingAuthFailure;
    } else {
        outcome.error.kind = SyncErrorKind::Password;
        outcome.error.detail = u"no password for this account"_s;
    }
    end(outcome);
}

void SyncScheduler::answerCertificate(bool trust)
{
    m_controller->answerCertificate(trust);
}

void SyncScheduler::cancel()
{
    m_queue.clear();
    if (m_running.isEmpty())
        return;
    if (m_controller->state() != SyncController::State::Idle) {
        m_controller->cancel(); // ends in onFinished with Cancelled
        return;
    }
    // Waiting for the keyring or for a password prompt.
    m_awaitingKey.clear();
    SyncOutcome outcome;
    outcome.error.kind = SyncErrorKind::Cancelled;
    end(outcome);
}

void SyncScheduler::onFinished(const SyncOutcome &result)
{
    if (m_running.isEmpty())
        return;
    SyncOutcome outcome = result;
    outcome.accountId = m_running;
    if (outcome.error.kind == SyncErrorKind::Authentication && !m_current.automatic) {
        // Ask again with the server's words; the refused password is forgotten.
        m_passwords.remove(m_running);
        m_toRemember.remove(m_running);
        m_pendingAuthFailure = outcome;
        Q_EMIT passwordNeeded(m_running, outcome.error.serverText.isEmpty() ? outcome.error.detail
                                                                            : outcome.error.serverText);
        return;
    }
    if (outcome.error.kind == SyncErrorKind::Authentication)
        m_passwords.remove(m_running); // refused: the next Get Mail by hand asks
    const Types::AccountSettings account = accountById(m_running);
    if (outcome.ok() && m_toRemember.contains(m_running) && account.isConfigured())
        m_secrets->write(SecretStore::mailKey(account), m_toRemember.take(m_running));
    end(outcome);
}

void SyncScheduler::end(const SyncOutcome &outcome)
{
    SyncOutcome out = outcome;
    out.accountId = m_running;
    m_running.clear();
    m_pendingAuthFailure.reset();
    Q_EMIT finished(out);
    next();
}

void SyncScheduler::reschedule()
{
    // The accounts may have changed (a new password in Account Settings): the keyring decides again.
    m_passwords.clear();
    m_toRemember.clear();
    QSet<QString> wanted;
    for (const Types::AccountSettings &a : m_settings.accounts()) {
        if (!a.isConfigured() || a.checkEveryMinutes <= 0)
            continue;
        wanted.insert(a.id);
        QTimer *&timer = m_timers[a.id];
        if (!timer) {
            timer = new QTimer(this);
            connect(timer, &QTimer::timeout, this, [this, id = a.id] { checkAutomatically(id); });
        }
        const int ms = a.checkEveryMinutes * 60 * 1000;
        if (timer->interval() != ms || !timer->isActive())
            timer->start(ms);
    }
    for (auto it = m_timers.begin(); it != m_timers.end();) {
        if (wanted.contains(it.key())) {
            ++it;
            continue;
        }
        delete it.value();
        it = m_timers.erase(it);
    }
}

} // namespace Client
