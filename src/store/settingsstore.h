// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/profile.h"
#include "core/types/accountsettings.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <memory>

class QSettings;

namespace Store {

// Typed access to the profile's settings file (INI, human-readable). Keys are
// versioned by group so later releases can migrate them.
class SettingsStore
{
public:
    explicit SettingsStore(const Common::Profile &profile);
    ~SettingsStore();

    // The first account (what Preferences edits), and all of them.
    Types::AccountSettings account() const;
    void setAccount(const Types::AccountSettings &account);
    QList<Types::AccountSettings> accounts() const;
    void setAccounts(const QList<Types::AccountSettings> &accounts);

    // BCP 47 name such as "zh_CN", or empty for "follow the system".
    QString language() const;
    void setLanguage(const QString &language);

    QByteArray windowGeometry() const;
    QByteArray windowState() const;
    QByteArray splitterState(const QString &name) const;
    void setWindowGeometry(const QByteArray &geometry);
    void setWindowState(const QByteArray &state);
    void setSplitterState(const QString &name, const QByteArray &state);

    // The TAP/1 server of the login dialog; never a password.
    struct AuthServer
    {
        QString host;
        quint16 port = 7788;
        bool tls = false;
        QString user;
        bool rememberPassword = false;
    };
    AuthServer authServer() const;
    void setAuthServer(const AuthServer &server);
    // SHA-256 fingerprints of certificates the user chose to trust.
    QList<QByteArray> trustedCertificates() const;
    void addTrustedCertificate(const QByteArray &sha256);

    // JWT inspector history: off by default, tokens are credentials.
    bool keepJwtHistory() const;
    void setKeepJwtHistory(bool keep);
    QStringList jwtHistory() const;
    void setJwtHistory(const QStringList &tokens);

    QString fileName() const;
    void sync();

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace Store
