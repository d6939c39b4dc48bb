// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/types/accountsettings.h"

#include <QList>
#include <QObject>
#include <QString>

#include <optional>

namespace Client {

class SecretStore;
class SettingsStore;

// The profile's mail accounts with their keyring entries: what the account
// dialog, the first-run prompt and `tidings-cli account` edit. Settings are
// written at once (synchronously); the keyring is asynchronous and every
// password call ends with exactly one signal (passwordRead, passwordWritten,
// passwordRemoved or error).
class Accounts : public QObject
{
    Q_OBJECT
public:
    explicit Accounts(SettingsStore &settings, QObject *parent = nullptr);
    ~Accounts() override;

    SettingsStore &settings() const { return m_settings; }
    QList<Types::AccountSettings> list() const;
    std::optional<Types::AccountSettings> find(const QString &id) const;

    // Why this account cannot be saved (translated), or empty: a host and a
    // user name are needed, the port must be 1-65535, a CA file must be a
    // readable PEM certificate.
    static QString problem(const Types::AccountSettings &account);

    // Each returns false (and says why in error()) when the account cannot be
    // saved; nothing is written then.
    // add: the new account's id is assigned here and returned through newId.
    bool add(const Types::AccountSettings &account, QString *newId = nullptr);
    bool update(const Types::AccountSettings &account); // found by id
    bool remove(const QString &id);                     // also its keyring entry
    QString errorString() const { return m_error; }

    void readPassword(const QString &id);
    void writePassword(const QString &id, const QString &password);
    // The outgoing server's own password (accounts with smtpSeparatePassword).
    void writeSmtpPassword(const QString &id, const QString &password);
    void removePassword(const QString &id);
    bool keyringBusy() const { return m_inFlight > 0; }

Q_SIGNALS:
    void changed();
    void passwordRead(const QString &id, const QString &password); // empty when none
    void passwordWritten(const QString &id);
    void passwordRemoved(const QString &id);
    // A keyring call failed; message is translated and names the keyring's own words.
    void error(const QString &id, const QString &message);

private:
    QString keyFor(const QString &id) const;
    QString idForKey(const QString &key) const;
    bool refuse(const QString &message);

    SettingsStore &m_settings;
    SecretStore *m_secrets;
    QString m_error;
    int m_inFlight = 0; // keyring calls not finished yet
};

} // namespace Client
