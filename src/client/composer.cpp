// SPDX-License-Identifier: GPL-3.0-or-later
#include "composer.h"
#include "outboxbuild_p.h"

#include "client/secretstore.h"
#include "client/sendcontroller.h"
#include "client/settingsstore.h"
#include "mime/messagebuilder.h"
#include "store/messagestore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QThread>
#include <QTimer>
#include <QUuid>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcComposer, "tidings.client.composer", QtInfoMsg)

namespace Client {

namespace {

using Store::Outgoing;
using Types::FolderKind;

bool sameFiles(const QList<DraftFile> &a, const QList<DraftFile> &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i)
        if (a[i].path != b[i].path || a[i].name != b[i].name ||
            a[i].contentType != b[i].contentType || a[i].size != b[i].size ||
            a[i].contentId != b[i].contentId)
            return false;
    return true;
}

// What a save would write: an unchanged draft is not written again.
bool sameDraft(const Draft &a, const Draft &b)
{
    return a.accountId == b.accountId && a.to == b.to && a.cc == b.cc && a.bcc == b.bcc &&
           a.subject == b.subject && a.rich == b.rich && a.html == b.html && a.text == b.text &&
           a.inReplyTo == b.inReplyTo && a.references == b.references &&
           sameFiles(a.attachments, b.attachments) && sameFiles(a.inlineImages, b.inlineImages);
}

bool isDue(const Outgoing &o, qint64 now)
{
    return o.state == Outgoing::State::Queued ||
           (o.state == Outgoing::State::Holding && o.notBefore <= now);
}

} // namespace

// One compose window.
struct Composer::Session
{
    qint64 draftId = 0;
    bool busy = false;  // a build of it is being written
    bool ended = false; // endCompose(): removed once idle
    std::optional<Draft> pendingSave;
    std::optional<Draft> pendingSend;
    std::optional<Draft> lastSaved;
    QStringList fileDirectories; // compose/<id>/ of the drafts it opened
};

// A draft on its way into the store, on a worker thread with its own store connection.
struct Composer::Build
{
    Draft draft;
    Types::AccountSettings account;
    bool send = false;
    qint64 replaceId = 0;
    Outgoing outgoing;
    QString storeDirectory;
    qint64 id = 0; // the result
    QString error;
};

struct Composer::Private
{
    explicit Private(SettingsStore &s)
        : settings(s)
    {}
    SettingsStore &settings;
    std::unique_ptr<Store::MessageStore> store; // this thread's connection
    QString storeError;
    QString composeRoot; // <dataDir>/compose
    SecretStore *secrets = nullptr;
    SendController *controller = nullptr;
    QHash<QString, Session> sessions;
    QSet<QThread *> workers;
    QList<qint64> recoverable;
    QHash<qint64, QString>
        openedDirectories; // openDraft(id) -> its files, until a session takes them
    QHash<qint64, QTimer *> holds;
    QStringList flushQueue; // accounts whose due messages go next
    QString sendingAccount; // the account being sent (or whose password is awaited)
    QString awaitingKey;    // keyring read in flight
    bool awaitingPassword = false;
    QHash<QString, QString> passwords;  // given in a prompt this session
    QHash<QString, QString> toRemember; // written to the keyring once the server accepted it
    int sendBuilds = 0;                 // sends being written into the Outbox
    SendRequest timeouts;               // only its two timeouts are used

    bool storeOpen() const { return store != nullptr; }
};

Composer::Composer(SettingsStore &settings, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(settings))
{
    qRegisterMetaType<Client::SendError>();
    qRegisterMetaType<Client::OutboxEntry>();
    d->composeRoot = QFileInfo(settings.mailDirectory()).absolutePath() + u"/compose"_s;
    // What a previous run extracted for editing: drafts are read again when opened.
    QDir(d->composeRoot).removeRecursively();
    auto store = std::make_unique<Store::MessageStore>(settings.mailDirectory());
    if (store->open(&d->storeError))
        d->store = std::move(store);
    else
        qCWarning(lcComposer) << "cannot open the mail store:" << d->storeError;
    d->secrets = new SecretStore(this);
    d->controller = new SendController(settings, this);
    connect(d->secrets, &SecretStore::readFinished, this, &Composer::onPasswordRead);
    connect(d->secrets, &SecretStore::failed, this,
            [this](const QString &key, const QString &) { onPasswordRead(key, QString()); });
    connect(d->controller, &SendController::progress, this, &Composer::progress);
    connect(d->controller, &SendController::protocolLine, this, &Composer::protocolLine);
    connect(d->controller, &SendController::certificateQuestion, this,
            &Composer::certificateQuestion);
    connect(d->controller, &SendController::messageFinished, this, &Composer::onMessageFinished);
    connect(d->controller, &SendController::finished, this, &Composer::onSendFinished);
    if (!d->store)
        return;
    // Drafts of windows open when Tidings stopped without closing them.
    for (qint64 id : settings.openDraftMarkers())
        if (d->store->folderKindOf(id) == FolderKind::Drafts)
            d->recoverable << id;
    writeMarkers();
    // A message being sent when Tidings stopped may have gone: the user decides (Retry).
    for (Outgoing o : d->store->outgoing())
        if (o.state == Outgoing::State::Sending) {
            o.state = Outgoing::State::Failed;
            detail::storeError({SendErrorKind::Interrupted,
                                0,
                                {},
                                u"Tidings stopped while it was being sent"_s,
                                {}},
                               o);
            QString error;
            if (!d->store->setOutgoing(o, &error))
                qCWarning(lcComposer) << error;
        }
}

Composer::~Composer()
{
    for (QTimer *timer : std::as_const(d->holds))
        timer->stop();
    for (QThread *worker : std::as_const(d->workers)) {
        worker->wait();
        delete worker;
    }
    d->workers.clear();
    delete d->controller; // cancels and waits for its worker
    d->controller = nullptr;
}

QList<Types::AccountSettings> Composer::identities() const
{
    QList<Types::AccountSettings> out;
    for (const Types::AccountSettings &a : d->settings.accounts())
        if (a.canSend())
            out << a;
    return out;
}

Types::AccountSettings Composer::accountById(const QString &id) const
{
    for (const Types::AccountSettings &a : d->settings.accounts())
        if (a.id == id)
            return a;
    return {};
}

// --- Drafts and sessions

QString Composer::beginCompose(qint64 draftId)
{
    const QString key = QUuid::createUuid().toString(QUuid::WithoutBraces);
    Session &s = d->sessions[key];
    s.draftId = draftId;
    if (const QString dir = d->openedDirectories.take(draftId); !dir.isEmpty())
        s.fileDirectories << dir;
    if (d->recoverable.removeAll(draftId) > 0 || draftId != 0)
        writeMarkers();
    return key;
}

void Composer::saveDraft(const QString &key, const Draft &draft)
{
    auto it = d->sessions.find(key);
    if (it == d->sessions.end() || it->ended || it->pendingSend)
        return;
    if (!it->busy && it->draftId != 0 && it->lastSaved && sameDraft(*it->lastSaved, draft)) {
        QMetaObject::invokeMethod(
            this, [this, key, id = it->draftId] { Q_EMIT draftSaved(key, id); },
            Qt::QueuedConnection);
        return;
    }
    it->pendingSave = draft; // the newest wins while one is written
    runBuild(key);
}

qint64 Composer::draftIdOf(const QString &key) const
{
    return d->sessions.value(key).draftId;
}

bool Composer::isBusy(const QString &key) const
{
    const auto it = d->sessions.constFind(key);
    return it != d->sessions.constEnd() && (it->busy || it->pendingSave || it->pendingSend);
}

void Composer::endCompose(const QString &key)
{
    auto it = d->sessions.find(key);
    if (it == d->sessions.end())
        return;
    it->ended = true;
    writeMarkers();
    if (!it->busy && !it->pendingSave && !it->pendingSend)
        finishSession(key);
}

void Composer::finishSession(const QString &key)
{
    const Session s = d->sessions.take(key);
    for (const QString &dir : s.fileDirectories)
        QDir(dir).removeRecursively();
    writeMarkers();
}

QList<qint64> Composer::recoverableDrafts() const
{
    return d->recoverable;
}

void Composer::forgetRecoverable()
{
    d->recoverable.clear();
    writeMarkers();
}

void Composer::writeMarkers()
{
    QList<qint64> ids = d->recoverable;
    for (const Session &s : std::as_const(d->sessions))
        if (!s.ended && s.draftId != 0 && !ids.contains(s.draftId))
            ids << s.draftId;
    if (ids == d->settings.openDraftMarkers())
        return;
    d->settings.setOpenDraftMarkers(ids);
    d->settings.sync(); // on disk now: a crash is what it is for
}

std::optional<Draft> Composer::openDraft(qint64 id, QString *error)
{
    QString why;
    const QString path = d->store ? d->store->pathOfId(id) : QString();
    if (path.isEmpty()) {
        if (error)
            *error = tr("The message is no longer there.");
        return std::nullopt;
    }
    const QString dir = d->composeRoot + u'/' + QString::number(id);
    QDir(dir).removeRecursively();
    QDir().mkpath(dir);
    const std::optional<Mime::OutgoingMessage> message = Mime::readOutgoing(path, dir, &why);
    if (!message) {
        QDir(dir).removeRecursively();
        qCWarning(lcComposer) << "cannot read message" << id << ":" << why;
        if (error)
            *error = tr("The message cannot be read: %1").arg(why);
        return std::nullopt;
    }
    Draft draft = detail::draftOf(*message, identities());
    draft.storeId = id;
    if (const QString old = d->openedDirectories.value(id); !old.isEmpty() && old != dir)
        QDir(old).removeRecursively();
    d->openedDirectories.insert(id, dir);
    return draft;
}

bool Composer::discardDraft(qint64 id, QString *error)
{
    QString why;
    if (!d->store || d->store->folderKindOf(id) != FolderKind::Drafts ||
        !d->store->deleteLocal(id, &why)) {
        if (error)
            *error = why.isEmpty() ? tr("The draft is no longer there.") : why;
        return false;
    }
    for (Session &s : d->sessions)
        if (s.draftId == id)
            s.draftId = 0;
    d->recoverable.removeAll(id);
    if (const QString dir = d->openedDirectories.take(id); !dir.isEmpty())
        QDir(dir).removeRecursively();
    writeMarkers();
    Q_EMIT changed();
    return true;
}

// --- Building into the store

void Composer::runBuild(const QString &key)
{
    auto it = d->sessions.find(key);
    if (it == d->sessions.end() || it->busy)
        return;
    if (!it->pendingSend && !it->pendingSave) {
        if (it->ended)
            finishSession(key);
        return;
    }
    auto build = std::make_shared<Build>();
    build->send = it->pendingSend.has_value();
    build->draft = build->send ? *std::exchange(it->pendingSend, std::nullopt)
                               : *std::exchange(it->pendingSave, std::nullopt);
    if (build->send)
        it->pendingSave.reset(); // the Outbox copy replaces the draft
    build->account = accountById(build->draft.accountId);
    if (build->account.id.isEmpty() && !identities().isEmpty() && !build->send)
        build->account = identities().first(); // a draft may be saved before its From is chosen
    build->replaceId = it->draftId;
    build->storeDirectory = d->settings.mailDirectory();
    if (build->send) {
        const int undoMs = d->settings.undoSendSeconds() * 1000;
        build->outgoing.account = build->account.id;
        build->outgoing.state = undoMs > 0 ? Outgoing::State::Holding : Outgoing::State::Queued;
        build->outgoing.notBefore = QDateTime::currentMSecsSinceEpoch() + undoMs;
        ++d->sendBuilds;
    }
    it->busy = true;
    QThread *worker = QThread::create([build] {
        Store::MessageStore store(build->storeDirectory);
        if (!store.open(&build->error))
            return;
        build->id = detail::buildIntoStore(store, build->draft, build->account,
                                           build->send ? FolderKind::Outbox : FolderKind::Drafts,
                                           build->replaceId,
                                           build->send ? &build->outgoing : nullptr, &build->error);
    });
    d->workers.insert(worker);
    connect(worker, &QThread::finished, this, [this, worker, key, build] {
        worker->wait();
        d->workers.remove(worker);
        delete worker;
        onBuilt(key, build);
    });
    worker->start();
}

void Composer::onBuilt(const QString &key, const std::shared_ptr<Build> &build)
{
    Q_ASSERT(QThread::currentThread() == thread());
    auto it = d->sessions.find(key);
    if (build->send)
        --d->sendBuilds;
    if (it == d->sessions.end())
        return;
    it->busy = false;
    if (build->id == 0) {
        qCWarning(lcComposer) << (build->send ? "send" : "save") << "failed:" << build->error;
        Q_EMIT composeFailed(
            key, build->send
                     ? tr("The message could not be put in the Outbox: %1").arg(build->error)
                     : tr("The draft could not be saved: %1").arg(build->error));
        runBuild(key);
        return;
    }
    Q_EMIT changed();
    if (!build->send) {
        it->draftId = build->id;
        it->lastSaved = build->draft;
        writeMarkers();
        Q_EMIT draftSaved(key, build->id);
        runBuild(key);
        return;
    }
    // In the Outbox: the compose window's work is done.
    it->draftId = 0;
    it->ended = true;
    it->pendingSave.reset();
    finishSession(key);
    Q_EMIT queued(key, build->id);
    if (build->outgoing.state == Outgoing::State::Holding) {
        hold(build->id, build->outgoing.notBefore);
        return;
    }
    flushOutbox(build->account.id);
}

// --- Sending

bool Composer::send(const QString &key, const Draft &draft, QString *error)
{
    auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    auto it = d->sessions.find(key);
    if (it == d->sessions.end() || it->ended)
        return fail(tr("This message is no longer being written."));
    if (it->pendingSend)
        return fail(tr("This message is already being sent."));
    const Types::AccountSettings account = accountById(draft.accountId);
    if (!account.canSend())
        return fail(
            tr("Choose an account that can send mail (Account Settings: outgoing server)."));
    QStringList invalid;
    const Mime::OutgoingMessage message = detail::outgoingOf(draft, account, &invalid);
    if (!invalid.isEmpty())
        return fail(tr("These addresses are not valid: %1").arg(invalid.join(u", "_s)));
    if (message.to.isEmpty() && message.cc.isEmpty() && message.bcc.isEmpty())
        return fail(tr("Add at least one recipient."));
    for (const DraftFile &f : draft.attachments + draft.inlineImages)
        if (!QFileInfo(f.path).isReadable())
            return fail(tr("The file %1 cannot be read.").arg(f.name));
    it->pendingSend = draft;
    runBuild(key);
    return true;
}

void Composer::hold(qint64 id, qint64 notBefore)
{
    const qint64 ms = qMax<qint64>(0, notBefore - QDateTime::currentMSecsSinceEpoch());
    auto *timer = new QTimer(this);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, this, [this, id] { release(id); });
    delete d->holds.value(id);
    d->holds.insert(id, timer);
    timer->start(int(ms));
    Q_EMIT sendHeld(id, int(ms));
}

void Composer::release(qint64 id)
{
    if (QTimer *timer = d->holds.take(id))
        timer->deleteLater();
    std::optional<Outgoing> o = d->store ? d->store->outgoingOf(id) : std::nullopt;
    if (!o || o->state != Outgoing::State::Holding)
        return; // undone, or edited
    o->state = Outgoing::State::Queued;
    QString error;
    if (!d->store->setOutgoing(*o, &error))
        qCWarning(lcComposer) << error;
    flushOutbox(o->account);
}

void Composer::flushOutbox(const QString &accountId)
{
    if (!d->store)
        return;
    QStringList accounts;
    if (accountId.isEmpty()) {
        for (const Outgoing &o : d->store->outgoing())
            if (!accounts.contains(o.account))
                accounts << o.account;
    } else {
        accounts << accountId;
    }
    for (const QString &a : std::as_const(accounts))
        if (!d->flushQueue.contains(a))
            d->flushQueue << a;
    nextFlush();
}

void Composer::nextFlush()
{
    if (!d->sendingAccount.isEmpty() || !d->store)
        return;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    while (!d->flushQueue.isEmpty()) {
        const QString accountId = d->flushQueue.takeFirst();
        const QList<Outgoing> rows = d->store->outgoing(accountId);
        if (std::none_of(rows.begin(), rows.end(),
                         [&](const Outgoing &o) { return isDue(o, now); }))
            continue;
        const Types::AccountSettings account = accountById(accountId);
        if (!account.canSend()) { // removed, or its outgoing server taken away
            failDue(accountId,
                    {SendErrorKind::Message, 0, {}, u"the account has no outgoing server"_s, {}});
            continue;
        }
        d->sendingAccount = accountId;
        if (account.smtpLogin().isEmpty() || d->passwords.contains(accountId)) {
            startSend(accountId, d->passwords.value(accountId));
            return;
        }
        d->awaitingKey = SendController::passwordKey(account);
        d->secrets->read(d->awaitingKey);
        return;
    }
    if (d->controller->state() == SendController::State::Idle)
        Q_EMIT idle();
}

void Composer::onPasswordRead(const QString &key, const QString &secret)
{
    if (key != d->awaitingKey || d->sendingAccount.isEmpty())
        return;
    d->awaitingKey.clear();
    if (secret.isEmpty()) {
        d->awaitingPassword = true;
        Q_EMIT passwordNeeded(d->sendingAccount, QString());
        return;
    }
    startSend(d->sendingAccount, secret);
}

void Composer::startSend(const QString &accountId, const QString &password)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    SendRequest request;
    request.account = accountById(accountId);
    request.password = password;
    request.storeDirectory = d->settings.mailDirectory();
    request.timeoutMs = d->timeouts.timeoutMs;
    request.finalReplyTimeoutMs = d->timeouts.finalReplyTimeoutMs;
    QList<qint64> ids;
    for (Outgoing o : d->store->outgoing(accountId)) {
        if (!isDue(o, now))
            continue;
        if (QTimer *timer = d->holds.take(o.id))
            timer->deleteLater();
        o.state = Outgoing::State::Sending;
        ++o.attempts;
        QString error;
        if (!d->store->setOutgoing(o, &error)) {
            qCWarning(lcComposer) << error;
            continue;
        }
        request.jobs.append({o.id, d->store->pathOfId(o.id)});
        ids << o.id;
    }
    if (request.jobs.isEmpty()) {
        d->sendingAccount.clear();
        nextFlush();
        return;
    }
    Q_EMIT changed();
    for (qint64 id : std::as_const(ids))
        Q_EMIT sending(id);
    qCDebug(lcComposer) << "sending" << ids.size() << "messages of" << accountId;
    d->controller->start(request);
}

void Composer::onMessageFinished(qint64 id, const SendError &error)
{
    Q_EMIT changed();
    if (error.ok())
        Q_EMIT sent(id);
    else
        Q_EMIT sendFailed(id, error);
}

void Composer::onSendFinished(const SendError &error)
{
    const QString accountId = std::exchange(d->sendingAccount, QString());
    if (error.kind == SendErrorKind::Authentication) {
        // Refused: forgotten, and asked again with the server's words (the messages wait in the
        // Outbox as Failed; a password given now sends them again).
        d->passwords.remove(accountId);
        d->toRemember.remove(accountId);
        d->sendingAccount = accountId;
        d->awaitingPassword = true;
        Q_EMIT passwordNeeded(accountId,
                              error.serverText.isEmpty() ? error.detail : error.serverText);
        return;
    }
    if (error.ok() && d->toRemember.contains(accountId)) {
        const Types::AccountSettings account = accountById(accountId);
        if (!account.id.isEmpty())
            d->secrets->write(SendController::passwordKey(account), d->toRemember.take(accountId));
    }
    nextFlush();
}

void Composer::providePassword(const QString &accountId, const QString &password, bool remember)
{
    if (!d->awaitingPassword || accountId != d->sendingAccount)
        return;
    d->awaitingPassword = false;
    d->passwords.insert(accountId, password);
    if (remember)
        d->toRemember.insert(accountId, password);
    else
        d->toRemember.remove(accountId);
    // The messages a refused password failed go again with this one.
    for (Outgoing o : d->store->outgoing(accountId)) {
        const SendErrorKind kind = sendErrorKindFromName(o.errorKind);
        if (o.state == Outgoing::State::Failed &&
            (kind == SendErrorKind::Authentication || kind == SendErrorKind::Password)) {
            o.state = Outgoing::State::Queued;
            QString error;
            d->store->setOutgoing(o, &error);
        }
    }
    startSend(accountId, password);
}

void Composer::declinePassword(const QString &accountId)
{
    if (!d->awaitingPassword || accountId != d->sendingAccount)
        return;
    d->awaitingPassword = false;
    d->sendingAccount.clear();
    // Those still waiting fail with Password; those the server refused keep its words.
    failDue(accountId, {SendErrorKind::Password, 0, {}, u"no password for this account"_s, {}});
    nextFlush();
}

void Composer::failDue(const QString &accountId, const SendError &error)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    bool any = false;
    for (Outgoing o : d->store->outgoing(accountId)) {
        if (!isDue(o, now))
            continue;
        if (QTimer *timer = d->holds.take(o.id))
            timer->deleteLater();
        o.state = Outgoing::State::Failed;
        detail::storeError(error, o);
        QString why;
        if (!d->store->setOutgoing(o, &why))
            continue;
        any = true;
        Q_EMIT sendFailed(o.id, error);
    }
    if (any)
        Q_EMIT changed();
}

void Composer::answerCertificate(bool trust)
{
    d->controller->answerCertificate(trust);
}

void Composer::setSendTimeouts(int silenceMs, int finalReplyMs)
{
    d->timeouts.timeoutMs = silenceMs;
    d->timeouts.finalReplyTimeoutMs = finalReplyMs;
}

void Composer::cancelSending()
{
    d->flushQueue.clear();
    if (d->controller->state() != SendController::State::Idle) {
        d->controller->cancel();
        return;
    }
    if (d->awaitingPassword)
        declinePassword(d->sendingAccount);
    d->awaitingKey.clear();
    d->sendingAccount.clear();
}

std::optional<Draft> Composer::backToDrafts(qint64 id, bool heldOnly)
{
    const std::optional<Outgoing> o = d->store ? d->store->outgoingOf(id) : std::nullopt;
    if (!o || o->state == Outgoing::State::Sending ||
        (heldOnly && o->state != Outgoing::State::Holding))
        return std::nullopt;
    if (o->state == Outgoing::State::Queued && d->sendingAccount == o->account)
        return std::nullopt; // its account's send is starting: too late
    QString error;
    if (!d->store->moveLocal(id, FolderKind::Drafts, &error)) {
        qCWarning(lcComposer) << error;
        return std::nullopt;
    }
    if (QTimer *timer = d->holds.take(id))
        timer->deleteLater();
    Q_EMIT changed();
    return openDraft(id);
}

std::optional<Draft> Composer::undoSend(qint64 id)
{
    return backToDrafts(id, true);
}

std::optional<Draft> Composer::editOutgoing(qint64 id)
{
    return backToDrafts(id, false);
}

bool Composer::retry(qint64 id)
{
    std::optional<Outgoing> o = d->store ? d->store->outgoingOf(id) : std::nullopt;
    if (!o || o->state == Outgoing::State::Sending)
        return false;
    o->state = Outgoing::State::Queued;
    QString error;
    if (!d->store->setOutgoing(*o, &error))
        return false;
    Q_EMIT changed();
    flushOutbox(o->account);
    return true;
}

int Composer::pendingCount() const
{
    int inOutbox = 0;
    if (d->store)
        for (const Types::FolderInfo &f : d->store->folders())
            if (f.kind == FolderKind::Outbox)
                inOutbox += f.total;
    return inOutbox + d->sendBuilds;
}

QList<OutboxEntry> Composer::outbox() const
{
    QList<OutboxEntry> out;
    if (d->store)
        for (const Outgoing &o : d->store->outgoing())
            out << detail::entryOf(o);
    return out;
}

std::optional<OutboxEntry> Composer::outboxEntry(qint64 id) const
{
    const std::optional<Outgoing> o = d->store ? d->store->outgoingOf(id) : std::nullopt;
    if (!o)
        return std::nullopt;
    return detail::entryOf(*o);
}

} // namespace Client
