// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocollogfeed.h"

#include "client/synccontroller.h"
#include "store/protocollog.h"

#include <QDateTime>

namespace Client {

ProtocolLogFeed::ProtocolLogFeed(const QString &storeDirectory, const QString &accountId,
                                 QObject *parent)
    : QObject(parent)
    , m_storeDirectory(storeDirectory)
    , m_accountId(accountId)
{}

ProtocolLogFeed::~ProtocolLogFeed() = default;

QString ProtocolLogFeed::logId(const Types::AccountSettings &account)
{
    return account.id.isEmpty() ? account.key() : account.id;
}

QString ProtocolLogFeed::path(const QString &storeDirectory, const QString &accountId)
{
    return Store::ProtocolLog(storeDirectory, accountId).path();
}

QString ProtocolLogFeed::read(const QString &storeDirectory, const QString &accountId)
{
    return Store::ProtocolLog(storeDirectory, accountId).read();
}

void ProtocolLogFeed::follow(const SyncController *controller)
{
    connect(controller, &SyncController::protocolLine, this,
            [this](const QString &accountId, const QString &line) {
                // Stamped as Store::ProtocolLog stamps the file, so live and recorded lines look
                // alike.
                if (accountId == m_accountId)
                    Q_EMIT lineAdded(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs) +
                                     u' ' + line);
            });
}

} // namespace Client
