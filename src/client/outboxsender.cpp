// SPDX-License-Identifier: GPL-3.0-or-later
#include "outboxsender.h"
#include "outboxbuild_p.h"

#include "client/secretstore.h"
#include "client/sendcontroller.h"
#include "client/settingsstore.h"
#include "store/messagestore.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QTimer>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcOutbox, "tidings.client.outbox", QtInfoMsg)

namespace Client {

namespace {

using Store::Outgoing;

bool isDue(const Outgoing &o, qint64 now)
{
    return o.state == Outgoing::State::Queued ||
           (o.state == Outgoing::State::Holding && o.notBefore <= now);
}

} // namespace

OutboxSender::OutboxSender(SettingsStore &settings, Store::MessageStore *store, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_store(store)
    , m_secrets(new SecretStore(this))
    , m_controller(new SendController(settings, this))
{
    connect(m_secrets, &SecretStore::readFinished, this, &OutboxSender::onPasswordRead);
    // No keyring service at all: the same as no password stored, the prompt explains.
    connect(m_secrets, &SecretStore::failed, this,
            [this](const QString &key, const QString &) { onPasswordRead(key, QString()); });
    connect(m_controller, &SendController::progress, this, &OutboxSender::progress);
    connect(m_controller, &SendController::protocolLine, this, &OutboxSender::protocolLine);
    connect(m_controller, &SendController::certificateQuestion, this,
            &OutboxSender::certificateQuestion);
    connect(m_controller, &SendController::messageFinished, this, &OutboxSender::onMessageFinished);
    connect(m_controller, &SendController::finished, this, &OutboxSender::onFinished);
}

OutboxSender::~OutboxSender()
{
    for (QTimer *timer : std::as_const(m_holds))
        timer->stop();
    delete m_controller; // cancels and waits for its worker
    m_controller = nullptr;
}

Types::AccountSettings OutboxSender::accountById(const QString &id) const
{
    for (const Types::AccountSettings &a : m_settings.accounts())
        if (a.id == id)
            return a;
    return {};
}

void OutboxSender::markInterrupted()
{
    if (!m_store)
        return;
    for (Outgoing o : m_store->outgoing()) {
        if (o.state != Outgoing::State::Sending)
            continue;
        o.state = Outgoing::State::Failed;
        detail::storeError(
            {SendErrorKind::Interrupted, 0, {}, u"Tidings stopped while it was being sent"_s, {}},
            o);
        QString error;
        if (!m_store->setOutgoing(o, &error))
            qCWarning(lcOutbox) << error;
    }
}

void OutboxSender::forget(qint64 id)
{
    if (QTimer *timer = m_holds.take(id))
        timer->deleteLater();
}

void OutboxSender::hold(qint64 id, qint64 notBefore)
{
    const qint64 ms = qMax<qint64>(0, notBefore - QDateTime::currentMSecsSinceEpoch());
    auto *timer = new QTimer(this);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, this, [this, id] { release(id); });
    delete m_holds.value(id);
    m_holds.insert(id, timer);
    timer->start(int(ms));
    Q_EMIT sendHeld(id, int(ms));
}

void OutboxSender::release(qint64 id)
{
    if (QTimer *timer = m_holds.take(id))
        timer->deleteLater();
    std::optional<Outgoing> o = m_store ? m_store->outgoingOf(id) : std::nullopt;
    if (!o || o->state != Outgoing::State::Holding)
        return; // undone, or edited
    o->state = Outgoing::State::Queued;
    QString error;
    if (!m_store->setOutgoing(*o, &error))
        qCWarning(lcOutbox) << error;
    flush(o->account);
}

void OutboxSender::flush(const QString &accountId)
{
    if (!m_store)
        return;
    QStringList accounts;
    if (accountId.isEmpty()) {
        for (const Outgoing &o : m_store->outgoing())
            if (!accounts.contains(o.account))
                accounts << o.account;
    } else {
        accounts << accountId;
    }
    for (const QString &a : std::as_const(accounts))
        if (!m_flushQueue.contains(a))
            m_flushQueue << a;
    next();
}

void OutboxSender::next()
{
    if (!m_sendingAccount.isEmpty() || !m_store)
        return;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    while (!m_flushQueue.isEmpty()) {
        const QString accountId = m_flushQueue.takeFirst();
        const QList<Outgoing> rows = m_store->outgoing(accountId);
        if (std::none_of(rows.begin(), rows.end(),
                         [&](const Outgoing &o) { return isDue(o, now); }))
            continue;
        const Types::AccountSettings account = accountById(accountId);
        if (!account.canSend()) { // removed, or its outgoing server taken away
            failDue(accountId,
                    {SendErrorKind::Message, 0, {}, u"the account has no outgoing server"_s, {}});
            continue;
        }
        m_sendingAccount = accountId;
        if (account.smtpLogin().isEmpty() || m_passwords.contains(accountId)) {
            start(accountId, m_passwords.value(accountId));
            return;
        }
        m_awaitingKey = SendController::passwordKey(account);
        m_secrets->read(m_awaitingKey);
        return;
    }
    if (m_controller->state() == SendController::State::Idle)
        Q_EMIT idle();
}

void OutboxSender::onPasswordRead(const QString &key, const QString &secret)
{
    if (key != m_awaitingKey || m_sendingAccount.isEmpty())
        return;
    m_awaitingKey.clear();
    if (secret.isEmpty()) {
        m_awaitingPassword = true;
        Q_EMIT passwordNeeded(m_sendingAccount, QString());
        return;
    }
    start(m_sendingAccount, secret);
}

void OutboxSender::start(const QString &accountId, const QString &password)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    SendRequest request;
    request.account = accountById(accountId);
    request.password = password;
    request.storeDirectory = m_settings.mailDirectory();
    request.timeoutMs = m_timeoutMs;
    request.finalReplyTimeoutMs = m_finalReplyTimeoutMs;
    QList<qint64> ids;
    for (Outgoing o : m_store->outgoing(accountId)) {
        if (!isDue(o, now))
            continue;
        if (QTimer *timer = m_holds.take(o.id))
            timer->deleteLater();
        o.state = Outgoing::State::Sending;
        ++o.attempts;
        QString error;
        if (!m_store->setOutgoing(o, &error)) {
            qCWarning(lcOutbox) << error;
            continue;
        }
        request.jobs.append({o.id, m_store->pathOfId(o.id)});
        ids << o.id;
    }
    if (request.jobs.isEmpty()) {
        m_sendingAccount.clear();
        next();
        return;
    }
    Q_EMIT changed();
    for (qint64 id : std::as_const(ids))
        Q_EMIT sending(id);
    qCDebug(lcOutbox) << "sending" << ids.size() << "messages of" << accountId;
    m_controller->start(request);
}

void OutboxSender::onMessageFinished(qint64 id, const SendError &error)
{
    Q_EMIT changed();
    if (error.ok())
        Q_EMIT sent(id);
    else
        Q_EMIT sendFailed(id, error);
}

void OutboxSender::onFinished(const SendError &error)
{
    const QString accountId = std::exchange(m_sendingAccount, QString());
    if (error.kind == SendErrorKind::Authentication) {
        // Refused: forgotten, and asked again with the server's words (the messages wait in the
        // Outbox as Failed; a password given now sends them again).
        m_passwords.remove(accountId);
        m_toRemember.remove(accountId);
        m_sendingAccount = accountId;
        m_awaitingPassword = true;
        Q_EMIT passwordNeeded(accountId,
                              error.serverText.isEmpty() ? error.detail : error.serverText);
        return;
    }
    if (error.ok() && m_toRemember.contains(accountId)) {
        const Types::AccountSettings account = accountById(accountId);
        if (!account.id.isEmpty())
            m_secrets->write(SendController::passwordKey(account), m_toRemember.take(accountId));
    }
    next();
}

void OutboxSender::providePassword(const QString &accountId, const QString &password, bool remember)
{
    if (!m_awaitingPassword || accountId != m_sendingAccount)
        return;
    m_awaitingPassword = false;
    m_passwords.insert(accountId, password);
    if (remember)
        m_toRemember.insert(accountId, password);
    else
        m_toRemember.remove(accountId);
    // The messages a refused password failed go again with this one.
    for (Outgoing o : m_store->outgoing(accountId)) {
        const SendErrorKind kind = sendErrorKindFromName(o.errorKind);
        if (o.state == Outgoing::State::Failed &&
            (kind == SendErrorKind::Authentication || kind == SendErrorKind::Password)) {
            o.state = Outgoing::State::Queued;
            QString error;
            m_store->setOutgoing(o, &error);
        }
    }
    start(accountId, password);
}

void OutboxSender::declinePassword(const QString &accountId)
{
    if (!m_awaitingPassword || accountId != m_sendingAccount)
        return;
    m_awaitingPassword = false;
    m_sendingAccount.clear();
    // Those still waiting fail with Password; those the server refused keep its words.
    failDue(accountId, {SendErrorKind::Password, 0, {}, u"no password for this account"_s, {}});
    next();
}

void OutboxSender::failDue(const QString &accountId, const SendError &error)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    bool any = false;
    for (Outgoing o : m_store->outgoing(accountId)) {
        if (!isDue(o, now))
            continue;
        if (QTimer *timer = m_holds.take(o.id))
            timer->deleteLater();
        o.state = Outgoing::State::Failed;
        detail::storeError(error, o);
        QString why;
        if (!m_store->setOutgoing(o, &why))
            continue;
        any = true;
        Q_EMIT sendFailed(o.id, error);
    }
    if (any)
        Q_EMIT changed();
}

void OutboxSender::answerCertificate(bool trust)
{
    m_controller->answerCertificate(trust);
}

void OutboxSender::setTimeouts(int silenceMs, int finalReplyMs)
{
    m_timeoutMs = silenceMs;
    m_finalReplyTimeoutMs = finalReplyMs;
}

void OutboxSender::cancel()
{
    m_flushQueue.clear();
    if (m_controller->state() != SendController::State::Idle) {
        m_controller->cancel();
        return;
    }
    if (m_awaitingPassword)
        declinePassword(m_sendingAccount);
    m_awaitingKey.clear();
    m_sendingAccount.clear();
}

bool OutboxSender::retry(qint64 id)
{
    std::optional<Outgoing> o = m_store ? m_store->outgoingOf(id) : std::nullopt;
    if (!o || o->state == Outgoing::State::Sending)
        return false;
    o->state = Outgoing::State::Queued;
    QString error;
    if (!m_store->setOutgoing(*o, &error))
        return false;
    Q_EMIT changed();
    flush(o->account);
    return true;
}

} // namespace Client
