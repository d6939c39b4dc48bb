// SPDX-License-Identifier: GPL-3.0-or-later
#include "composer.h"

#include "outboxbuild_p.h"

#include "outboxsender.h"

#include "client/settingsstore.h"
#include "mime/messagebuilder.h"
#include "platform/owneronly.h"
#include "platform/qtpath.h"
#include "store/messagestore.h"

#include <algorithm>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QThread>
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
    QHash<QString, Session> sessions;
    QSet<QThread *> workers;
    QList<qint64> recoverable;
    QHash<qint64, QString>
        openedDirectories; // openDraft(id) -> its files, until a session takes them
    int sendBuilds = 0;    // sends being written into the Outbox
    OutboxSender *sender = nullptr;
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
    // Open drafts' and forwards' files (attachments among them) are their owner's alone, like
    // the mail store: the data folder above may be readable by others.
    constexpr QFileDevice::Permissions ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                   QFileDevice::ExeOwner;
    QDir().mkpath(QFileInfo(d->composeRoot).absolutePath());
    if (!QDir().mkdir(d->composeRoot, ownerOnly))
        Platform::restrictToOwner(Platform::toPath(d->composeRoot), Platform::Entry::Folder);
    auto store = std::make_unique<Store::MessageStore>(settings.mailDirectory());
    if (store->open(&d->storeError))
        d->store = std::move(store);
    else
        qCWarning(lcComposer) << "cannot open the mail store:" << d->storeError;
    d->sender = new OutboxSender(settings, d->store.get(), this);
    connect(d->sender, &OutboxSender::sendHeld, this, &Composer::sendHeld);
    connect(d->sender, &OutboxSender::sending, this, &Composer::sending);
    connect(d->sender, &OutboxSender::progress, this, &Composer::progress);
    connect(d->sender, &OutboxSender::sent, this, &Composer::sent);
    connect(d->sender, &OutboxSender::sendFailed, this, &Composer::sendFailed);
    connect(d->sender, &OutboxSender::certificateQuestion, this, &Composer::certificateQuestion);
    connect(d->sender, &OutboxSender::passwordNeeded, this, &Composer::passwordNeeded);
    connect(d->sender, &OutboxSender::protocolLine, this, &Composer::protocolLine);
    connect(d->sender, &OutboxSender::changed, this, &Composer::changed);
    connect(d->sender, &OutboxSender::idle, this, &Composer::idle);
    if (!d->store)
        return;
    // Drafts of windows open when Tidings stopped without closing them.
    for (qint64 id : settings.openDraftMarkers())
        if (d->store->folderKindOf(id) == FolderKind::Drafts)
            d->recoverable << id;
    writeMarkers();
    d->sender->markInterrupted();
}

Composer::~Composer()
{
    delete d->sender; // stops its holds, cancels a send and waits for it
    d->sender = nullptr;
    for (QThread *worker : std::as_const(d->workers)) {
        worker->wait();
        delete worker;
    }
    d->workers.clear();
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
    // Element by element: Qt 6.4's QList<qint64>::operator== hands an empty list's null data to
    // memcmp (undefined behaviour, UBSan stops the sanitizer pass on it).
    const QList<qint64> stored = d->settings.openDraftMarkers();
    if (ids.size() == stored.size() && std::equal(ids.cbegin(), ids.cend(), stored.cbegin()))
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
        d->sender->hold(build->id, build->outgoing.notBefore);
        return;
    }
    d->sender->flush(build->account.id);
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

void Composer::flushOutbox(const QString &accountId)
{
    d->sender->flush(accountId);
}

bool Composer::retry(qint64 id)
{
    return d->sender->retry(id);
}

void Composer::cancelSending()
{
    d->sender->cancel();
}

void Composer::setSendTimeouts(int silenceMs, int finalReplyMs)
{
    d->sender->setTimeouts(silenceMs, finalReplyMs);
}

void Composer::providePassword(const QString &accountId, const QString &password, bool remember)
{
    d->sender->providePassword(accountId, password, remember);
}

void Composer::declinePassword(const QString &accountId)
{
    d->sender->declinePassword(accountId);
}

void Composer::answerCertificate(bool trust)
{
    d->sender->answerCertificate(trust);
}

std::optional<Draft> Composer::backToDrafts(qint64 id, bool heldOnly)
{
    const std::optional<Outgoing> o = d->store ? d->store->outgoingOf(id) : std::nullopt;
    if (!o || o->state == Outgoing::State::Sending ||
        (heldOnly && o->state != Outgoing::State::Holding))
        return std::nullopt;
    if (o->state == Outgoing::State::Queued && d->sender->isSending(o->account))
        return std::nullopt; // its account's send is starting: too late
    QString error;
    if (!d->store->moveLocal(id, FolderKind::Drafts, &error)) {
        qCWarning(lcComposer) << error;
        return std::nullopt;
    }
    d->sender->forget(id);
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
