// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/types/accountsettings.h"

#include <QObject>
#include <QString>

namespace Client {

// Passwords in the system keyring (Secret Service, Windows Credential
// Manager) through qtkeychain, never in a file: the plain-text fallback is
// switched off. Asynchronous; every call ends with exactly one signal.
class SecretStore : public QObject
{
    Q_OBJECT
public:
    explicit SecretStore(QObject *parent = nullptr);

    void read(const QString &key);
    void write(const QString &key, const QString &secret);
    void remove(const QString &key);

    static QString authKey(const QString &user, const QString &host, quint16 port);
    // One keyring entry per mail account, by its id: editing host or port keeps the password.
    static QString mailKey(const Types::AccountSettings &account);
    // The outgoing server's password: its own entry ("smtp:<id>") when the account says it has
    // one, else the POP3 entry.
    static QString smtpKey(const Types::AccountSettings &account);

Q_SIGNALS:
    void readFinished(const QString &key, const QString &secret); // empty when none
    void writeFinished(const QString &key, bool ok, const QString &error);
    void removeFinished(const QString &key);
    void failed(const QString &key, const QString &error);
};

} // namespace Client
