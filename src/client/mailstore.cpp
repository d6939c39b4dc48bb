// SPDX-License-Identifier: GPL-3.0-or-later
#include "mailstore.h"

#include "mime/summary.h"
#include "store/messagestore.h"

#include <QLoggingCategory>

namespace Client {

namespace {
Q_LOGGING_CATEGORY(lcMailStore, "tidings.client.mailstore")
}

struct MailStore::Private
{
    std::unique_ptr<Store::MessageStore> store;
    QString directory;
    QString error;

    bool done(bool ok)
    {
        if (!ok)
            qCWarning(lcMailStore) << error;
        return ok;
    }
};

MailStore::MailStore(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{}

MailStore::~MailStore() = default;

bool MailStore::open(const QString &directory, QString *error)
{
    auto store = std::make_unique<Store::MessageStore>(directory);
    if (!store->open(error))
        return false;
    d->store = std::move(store);
    d->directory = directory;
    return true;
}

bool MailStore::isOpen() const
{
    return d->store != nullptr;
}

QString MailStore::directory() const
{
    return d->directory;
}

QString MailStore::indexPath() const
{
    return d->store ? d->store->indexPath() : QString();
}

QString MailStore::lastError() const
{
    return d->error;
}

QList<Types::FolderInfo> MailStore::folders() const
{
    return d->store ? d->store->folders() : QList<Types::FolderInfo>();
}

qint64 MailStore::folderId(Types::FolderKind kind, const QString &account)
{
    return d->store ? d->store->folderId(kind, account) : 0;
}

qint64 MailStore::addLocal(Types::FolderKind folder, const QByteArray &message, QString *error)
{
    if (!d->store)
        return 0;
    const qint64 id = d->store->addLocal(folder, message, Mime::summarize(message), error);
    if (id != 0)
        Q_EMIT changed();
    return id;
}

bool MailStore::setRead(const QList<qint64> &ids, bool read)
{
    if (!d->store || !d->done(d->store->setFlag(ids, Store::MessageStore::Seen, read, &d->error)))
        return false;
    Q_EMIT changed();
    return true;
}

bool MailStore::setFlagged(const QList<qint64> &ids, bool flagged)
{
    if (!d->store ||
        !d->done(d->store->setFlag(ids, Store::MessageStore::Flagged, flagged, &d->error)))
        return false;
    Q_EMIT changed();
    return true;
}

QList<qint64> MailStore::moveToTrash(const QList<qint64> &ids)
{
    if (!d->store)
        return {};
    d->error.clear();
    const QList<qint64> moved = d->store->moveToTrash(ids, &d->error);
    d->done(d->error.isEmpty());
    if (!moved.isEmpty())
        Q_EMIT changed();
    return moved;
}

QList<qint64> MailStore::restore(const QList<qint64> &ids)
{
    if (!d->store)
        return {};
    d->error.clear();
    const QList<qint64> restored = d->store->restore(ids, &d->error);
    d->done(d->error.isEmpty());
    if (!restored.isEmpty())
        Q_EMIT changed();
    return restored;
}

int MailStore::deleteForGood(const QList<qint64> &ids)
{
    const int gone = d->store ? d->store->deleteForGood(ids, &d->error) : -1;
    d->done(gone >= 0);
    if (gone > 0)
        Q_EMIT changed();
    return gone;
}

int MailStore::emptyTrash()
{
    const int gone = d->store ? d->store->emptyTrash(&d->error) : -1;
    d->done(gone >= 0);
    if (gone > 0)
        Q_EMIT changed();
    return gone;
}

QString MailStore::messagePath(const QString &account, const QString &uidl) const
{
    return d->store ? d->store->pathOf(account, uidl) : QString();
}

} // namespace Client
