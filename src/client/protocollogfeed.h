// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// An account's protocol log (the redacted POP3 conversation, bounded per
// account under STORE/logs/) for a window to show: what was recorded, then
// each new line while a sync of that account runs. No store or net type here.

#include "core/types/accountsettings.h"

#include <QObject>
#include <QPointer>
#include <QString>

namespace Client {

class SyncController;

class ProtocolLogFeed : public QObject
{
    Q_OBJECT
public:
    // accountId: Types::AccountSettings::id (see logId()).
    ProtocolLogFeed(const QString &storeDirectory, const QString &accountId,
                    QObject *parent = nullptr);
    ~ProtocolLogFeed() override;

    // The name an account's log goes by: its id; an account without one (a
    // command-line sync from options alone) is logged as user@host:port.
    static QString logId(const Types::AccountSettings &account);
    // The current file of that log (the older, rotated part is the same path plus ".1").
    static QString path(const QString &storeDirectory, const QString &accountId);
    // Everything recorded so far, older part first; one "UTC-time C:|S: line" per line.
    static QString read(const QString &storeDirectory, const QString &accountId);

    QString accountId() const { return m_accountId; }
    QString history() const { return read(m_storeDirectory, m_accountId); }
    // Live lines of this account's syncs run by that controller (any number of
    // controllers; a destroyed one is simply no longer followed).
    void follow(const SyncController *controller);

Q_SIGNALS:
    // One new line, as history() shows it (time stamp, direction, text), already redacted.
    void lineAdded(const QString &line);

private:
    QString m_storeDirectory;
    QString m_accountId;
};

} // namespace Client
