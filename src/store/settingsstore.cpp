// SPDX-License-Identifier: GPL-3.0-or-later
#include "settingsstore.h"

#include <QSettings>

using namespace Qt::StringLiterals;

namespace Store {

SettingsStore::SettingsStore(const Common::Profile &profile)
    : m_settings(std::make_unique<QSettings>(profile.settingsFile(), QSettings::IniFormat))
{
}

SettingsStore::~SettingsStore() = default;

Types::AccountSettings SettingsStore::account() const
{
    Types::AccountSettings a;
    a.host = m_settings->value("account/host"_L1).toString();
    a.security = Types::mailSecurityFromString(m_settings->value("account/security"_L1).toString(),
                                               Types::MailSecurity::Tls);
    const uint port = m_settings->value("account/port"_L1).toUInt();
    a.port = port > 0 && port <= 65535 ? quint16(port) : Types::defaultPop3Port(a.security);
    a.user = m_settings->value("account/user"_L1).toString();
    return a;
}

void SettingsStore::setAccount(const Types::AccountSettings &account)
{
    m_settings->setValue("account/host"_L1, account.host);
    m_settings->setValue("account/port"_L1, account.port);
    m_settings->setValue("account/security"_L1, Types::mailSecurityName(account.security));
    m_settings->setValue("account/user"_L1, account.user);
}

QString SettingsStore::language() const
{
    return m_settings->value("ui/language"_L1).toString();
}

void SettingsStore::setLanguage(const QString &language)
{
    m_settings->setValue("ui/language"_L1, language);
}

QByteArray SettingsStore::windowGeometry() const
{
    return m_settings->value("window/geometry"_L1).toByteArray();
}

QByteArray SettingsStore::windowState() const
{
    return m_settings->value("window/state"_L1).toByteArray();
}

QByteArray SettingsStore::splitterState(const QString &name) const
{
    return m_settings->value("window/splitter-"_L1 + name).toByteArray();
}

void SettingsStore::setWindowGeometry(const QByteArray &geometry)
{
    m_settings->setValue("window/geometry"_L1, geometry);
}

void SettingsStore::setWindowState(const QByteArray &state)
{
    m_settings->setValue("window/state"_L1, state);
}

void SettingsStore::setSplitterState(const QString &name, const QByteArray &state)
{
    m_settings->setValue("window/splitter-"_L1 + name, state);
}

SettingsStore::AuthServer SettingsStore::authServer() const
{
    AuthServer a;
    a.host = m_settings->value("auth/host"_L1).toString();
    const uint port = m_settings->value("auth/port"_L1, 7788).toUInt();
    a.port = port > 0 && port <= 65535 ? quint16(port) : 7788;
    a.tls = m_settings->value("auth/tls"_L1, false).toBool();
    a.user = m_settings->value("auth/user"_L1).toString();
    a.rememberPassword = m_settings->value("auth/remember-password"_L1, false).toBool();
    return a;
}

void SettingsStore::setAuthServer(const AuthServer &server)
{
    m_settings->setValue("auth/host"_L1, server.host);
    m_settings->setValue("auth/port"_L1, server.port);
    m_settings->setValue("auth/tls"_L1, server.tls);
    m_settings->setValue("auth/user"_L1, server.user);
    m_settings->setValue("auth/remember-password"_L1, server.rememberPassword);
}

QList<QByteArray> SettingsStore::trustedCertificates() const
{
    QList<QByteArray> out;
    for (const QString &hex : m_settings->value("auth/trusted-sha256"_L1).toStringList())
        out << QByteArray::fromHex(hex.toLatin1());
    return out;
}

void SettingsStore::addTrustedCertificate(const QByteArray &sha256)
{
    QStringList list = m_settings->value("auth/trusted-sha256"_L1).toStringList();
    const QString hex = QString::fromLatin1(sha256.toHex());
    if (!list.contains(hex))
        list << hex;
    m_settings->setValue("auth/trusted-sha256"_L1, list);
}

bool SettingsStore::keepJwtHistory() const
{
    return m_settings->value("jwt/keep-history"_L1, false).toBool();
}

void SettingsStore::setKeepJwtHistory(bool keep)
{
    m_settings->setValue("jwt/keep-history"_L1, keep);
}

QStringList SettingsStore::jwtHistory() const
{
    return m_settings->value("jwt/history"_L1).toStringList();
}

void SettingsStore::setJwtHistory(const QStringList &tokens)
{
    if (tokens.isEmpty())
        m_settings->remove("jwt/history"_L1);
    else
        m_settings->setValue("jwt/history"_L1, tokens);
}

QString SettingsStore::fileName() const
{
    return m_settings->fileName();
}

void SettingsStore::sync()
{
    m_settings->sync();
}

} // namespace Store
