// SPDX-License-Identifier: GPL-3.0-or-later
#include "settingsstore.h"

#include "platform/owneronly.h"
#include "platform/qtpath.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace Client {

SettingsStore::SettingsStore(const Common::Profile &profile)
    : m_settings(std::make_unique<QSettings>(profile.settingsFile(), QSettings::IniFormat))
    , m_mailDirectory(profile.dataDir() + u"/mail"_s)
{
}

SettingsStore::~SettingsStore() = default;

// The settings may hold tokens (the JWT inspector's history, when kept) and certificate pins:
// the file is its owner's alone. Made empty with that mode before the first write (QSaveFile
// keeps an existing file's mode), never by merely reading (tidings --version makes no file);
// one an older version left readable is tightened.
QSettings &SettingsStore::writable()
{
    if (!m_private) {
        m_private = true;
        const QString path = m_settings->fileName();
        QFile file(path);
        QDir().mkpath(QFileInfo(path).absolutePath());
        if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly,
                       QFileDevice::ReadOwner | QFileDevice::WriteOwner) &&
            file.exists())
            Platform::restrictToOwner(Platform::toPath(path), Platform::Entry::File);
    }
    return *m_settings;
}

namespace {
// Account 1 lives in [account] (older profiles have only that), account N in [account-N].
QString accountGroup(int index)
{
    return index == 0 ? u"account"_s : u"account-%1"_s.arg(index + 1);
}
} // namespace

Types::AccountSettings SettingsStore::account() const
{
    return accounts().value(0);
}

void SettingsStore::setAccount(const Types::AccountSettings &account)
{
    QList<Types::AccountSettings> all = accounts();
    if (all.isEmpty())
        all.append(account);
    else
        all[0] = account;
    setAccounts(all);
}

QList<Types::AccountSettings> SettingsStore::accounts() const
{
    QList<Types::AccountSettings> out;
    for (int i = 0;; ++i) {
        m_settings->beginGroup(accountGroup(i));
        const bool present = !m_settings->childKeys().isEmpty();
        if (!present && i > 0) {
            m_settings->endGroup();
            break;
        }
        Types::AccountSettings a;
        a.host = m_settings->value("host"_L1).toString();
        a.security = Types::mailSecurityFromString(m_settings->value("security"_L1).toString(), Types::MailSecurity::Tls);
        const uint port = m_settings->value("port"_L1).toUInt();
        a.port = port > 0 && port <= 65535 ? quint16(port) : Types::defaultPop3Port(a.security);
        a.user = m_settings->value("user"_L1).toString();
        a.name = m_settings->value("name"_L1).toString();
        a.auth = Types::mailAuthFromString(m_settings->value("auth"_L1).toString(), Types::MailAuth::Auto);
        a.allowPlainPassword = m_settings->value("allow-cleartext-login"_L1, false).toBool();
        a.leaveOnServer = m_settings->value("leave-on-server"_L1, true).toBool();
        bool ok = false;
        const int days = m_settings->value("delete-after-days"_L1, -1).toInt(&ok);
        a.deleteAfterDays = ok && days >= 0 ? days : -1;
        a.deleteWhenDeletedHere = m_settings->value("delete-when-deleted-here"_L1, false).toBool();
        const int limit = m_settings->value("size-limit-kb"_L1, -1).toInt(&ok);
        a.sizeLimitKb = ok && limit > 0 ? limit : -1;
        a.id = m_settings->value("id"_L1).toString();
        a.email = m_settings->value("email"_L1).toString();
        a.displayName = m_settings->value("display-name"_L1).toString();
        a.caFile = m_settings->value("ca-file"_L1).toString();
        const int every = m_settings->value("check-every-minutes"_L1, 0).toInt(&ok);
        a.checkEveryMinutes = ok && every > 0 ? every : 0;
        a.smtpHost = m_settings->value("smtp-host"_L1).toString();
        a.smtpSecurity = Types::mailSecurityFromString(m_settings->value("smtp-security"_L1).toString(),
                                                       Types::MailSecurity::Tls);
        const uint smtpPort = m_settings->value("smtp-port"_L1).toUInt();
        a.smtpPort = smtpPort > 0 && smtpPort <= 65535 ? quint16(smtpPort) : Types::defaultSmtpPort(a.smtpSecurity);
        a.smtpUser = m_settings->value("smtp-user"_L1).toString();
        a.smtpSeparatePassword = m_settings->value("smtp-own-keyring-entry"_L1, false).toBool();
        a.signature = m_settings->value("signature"_L1).toString();
        a.signatureIsHtml = m_settings->value("signature-html"_L1, false).toBool();
        a.spellLanguage = m_settings->value("spell-language"_L1).toString();
        m_settings->endGroup();
        if (present && a.id.isEmpty()) // made before accounts had an id: the old key is unique
            a.id = a.key();
        if (!present && i == 0)
            return out; // no account yet
        out.append(a);
    }
    return out;
}

void SettingsStore::setAccounts(const QList<Types::AccountSettings> &accounts)
{
    QSettings &settings = writable();
    for (int i = int(accounts.size());; ++i) { // groups of accounts removed
        const QString group = accountGroup(i);
        settings.beginGroup(group);
        const bool present = !settings.childKeys().isEmpty();
        settings.endGroup();
        if (!present)
            break;
        settings.remove(group);
    }
    for (int i = 0; i < accounts.size(); ++i) {
        const Types::AccountSettings &a = accounts.at(i);
        settings.beginGroup(accountGroup(i));
        settings.setValue("host"_L1, a.host);
        settings.setValue("port"_L1, a.port);
        settings.setValue("security"_L1, Types::mailSecurityName(a.security));
        settings.setValue("user"_L1, a.user);
        settings.setValue("name"_L1, a.name);
        settings.setValue("auth"_L1, Types::mailAuthName(a.auth));
        settings.setValue("allow-cleartext-login"_L1, a.allowPlainPassword);
        settings.setValue("leave-on-server"_L1, a.leaveOnServer);
        settings.setValue("delete-after-days"_L1, a.deleteAfterDays);
        settings.setValue("delete-when-deleted-here"_L1, a.deleteWhenDeletedHere);
        settings.setValue("size-limit-kb"_L1, a.sizeLimitKb);
        settings.setValue("id"_L1, a.id.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces) : a.id);
        settings.setValue("email"_L1, a.email);
        settings.setValue("display-name"_L1, a.displayName);
        settings.setValue("ca-file"_L1, a.caFile);
        settings.setValue("check-every-minutes"_L1, a.checkEveryMinutes);
        settings.setValue("smtp-host"_L1, a.smtpHost);
        settings.setValue("smtp-port"_L1, a.smtpPort);
        settings.setValue("smtp-security"_L1, Types::mailSecurityName(a.smtpSecurity));
        settings.setValue("smtp-user"_L1, a.smtpUser);
        settings.setValue("smtp-own-keyring-entry"_L1, a.smtpSeparatePassword);
        settings.setValue("signature"_L1, a.signature);
        settings.setValue("signature-html"_L1, a.signatureIsHtml);
        settings.setValue("spell-language"_L1, a.spellLanguage);
        settings.endGroup();
    }
}

QString SettingsStore::language() const
{
    return m_settings->value("ui/language"_L1).toString();
}

void SettingsStore::setLanguage(const QString &language)
{
    writable().setValue("ui/language"_L1, language);
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
    writable().setValue("window/geometry"_L1, geometry);
}

void SettingsStore::setWindowState(const QByteArray &state)
{
    writable().setValue("window/state"_L1, state);
}

void SettingsStore::setSplitterState(const QString &name, const QByteArray &state)
{
    writable().setValue("window/splitter-"_L1 + name, state);
}

SettingsStore::AuthServer SettingsStore::authServer() const
{
    AuthServer a;
    a.host = m_settings->value("auth/host"_L1).toString();
    const uint port = m_settings->value("auth/port"_L1, 7789).toUInt();
    a.port = port > 0 && port <= 65535 ? quint16(port) : 7788;
    a.tls = m_settings->value("auth/tls"_L1, true).toBool();
    a.user = m_settings->value("auth/user"_L1).toString();
    a.rememberPassword = m_settings->value("auth/remember-password"_L1, false).toBool();
    a.staySignedIn = m_settings->value("auth/stay-signed-in"_L1, false).toBool();
    return a;
}

void SettingsStore::setAuthServer(const AuthServer &server)
{
    writable().setValue("auth/host"_L1, server.host);
    writable().setValue("auth/port"_L1, server.port);
    writable().setValue("auth/tls"_L1, server.tls);
    writable().setValue("auth/user"_L1, server.user);
    writable().setValue("auth/remember-password"_L1, server.rememberPassword);
    writable().setValue("auth/stay-signed-in"_L1, server.staySignedIn);
}

// One list per service, "host port sha256-hex" per entry: host names and IPv6
// literals need no escaping that way. The old global list (auth/trusted-sha256)
// named no host, so it is not carried over: each host is asked once more.
QByteArray SettingsStore::pinnedCertificate(const QString &service, const QString &host, quint16 port) const
{
    const QString prefix = host.toLower() + u' ' + QString::number(port) + u' ';
    for (const QString &entry : m_settings->value(u"pins/"_s + service).toStringList())
        if (entry.startsWith(prefix))
            return QByteArray::fromHex(entry.mid(prefix.size()).toLatin1());
    return {};
}

void SettingsStore::pinCertificate(const QString &service, const QString &host, quint16 port,
                                   const QByteArray &sha256)
{
    const QString prefix = host.toLower() + u' ' + QString::number(port) + u' ';
    QStringList list = m_settings->value(u"pins/"_s + service).toStringList();
    list.removeIf([&](const QString &entry) { return entry.startsWith(prefix); });
    if (!sha256.isEmpty())
        list << prefix + QString::fromLatin1(sha256.toHex());
    writable().setValue(u"pins/"_s + service, list);
    writable().remove("auth/trusted-sha256"_L1);
}

bool SettingsStore::keepJwtHistory() const
{
    return m_settings->value("jwt/keep-history"_L1, false).toBool();
}

void SettingsStore::setKeepJwtHistory(bool keep)
{
    writable().setValue("jwt/keep-history"_L1, keep);
}

QStringList SettingsStore::jwtHistory() const
{
    return m_settings->value("jwt/history"_L1).toStringList();
}

void SettingsStore::setJwtHistory(const QStringList &tokens)
{
    if (tokens.isEmpty())
        writable().remove("jwt/history"_L1);
    else
        writable().setValue("jwt/history"_L1, tokens);
}

QString SettingsStore::fileName() const
{
    return m_settings->fileName();
}

void SettingsStore::sync()
{
    m_settings->sync();
}

bool SettingsStore::inspectorDocked() const
{
    return m_settings->value("window/inspector-docked"_L1, false).toBool();
}

void SettingsStore::setInspectorDocked(bool docked)
{
    writable().setValue("window/inspector-docked"_L1, docked);
}

QStringList SettingsStore::remoteContentAllowedSenders() const
{
    return m_settings->value("mail/remote-content-senders"_L1).toStringList();
}

void SettingsStore::setRemoteContentAllowedSenders(const QStringList &addresses)
{
    writable().setValue("mail/remote-content-senders"_L1, addresses);
}

bool SettingsStore::preferPlainText() const
{
    return m_settings->value("mail/prefer-plain-text"_L1, false).toBool();
}

void SettingsStore::setPreferPlainText(bool plain)
{
    writable().setValue("mail/prefer-plain-text"_L1, plain);
}

bool SettingsStore::markReadAtOnce() const
{
    return m_settings->value("mail/mark-read-at-once"_L1, false).toBool();
}

void SettingsStore::setMarkReadAtOnce(bool atOnce)
{
    writable().setValue("mail/mark-read-at-once"_L1, atOnce);
}

bool SettingsStore::notifyNewMail() const
{
    return m_settings->value("mail/notify-new-mail"_L1, true).toBool();
}

void SettingsStore::setNotifyNewMail(bool on)
{
    writable().setValue("mail/notify-new-mail"_L1, on);
}

bool SettingsStore::showTrayIcon() const
{
    return m_settings->value("mail/tray-icon"_L1, false).toBool();
}

void SettingsStore::setShowTrayIcon(bool on)
{
    writable().setValue("mail/tray-icon"_L1, on);
}

int SettingsStore::undoSendSeconds() const
{
    bool ok = false;
    const int seconds = m_settings->value("compose/undo-send-seconds"_L1).toInt(&ok);
    return ok && seconds >= 0 ? seconds : kDefaultUndoSendSeconds;
}

void SettingsStore::setUndoSendSeconds(int seconds)
{
    writable().setValue("compose/undo-send-seconds"_L1, qMax(0, seconds));
}

int SettingsStore::attachmentWarningMb() const
{
    bool ok = false;
    const int mb = m_settings->value("compose/attachment-warning-mb"_L1).toInt(&ok);
    return ok && mb > 0 ? mb : kDefaultAttachmentWarningMb;
}

void SettingsStore::setAttachmentWarningMb(int mb)
{
    writable().setValue("compose/attachment-warning-mb"_L1, qMax(1, mb));
}

QList<qint64> SettingsStore::openDraftMarkers() const
{
    QList<qint64> ids;
    for (const QString &id : m_settings->value("compose/open-drafts"_L1).toStringList())
        if (const qint64 n = id.toLongLong(); n > 0)
            ids << n;
    return ids;
}

void SettingsStore::setOpenDraftMarkers(const QList<qint64> &ids)
{
    QStringList list;
    for (qint64 id : ids)
        list << QString::number(id);
    if (list.isEmpty())
        writable().remove("compose/open-drafts"_L1);
    else
        writable().setValue("compose/open-drafts"_L1, list);
}

} // namespace Client
