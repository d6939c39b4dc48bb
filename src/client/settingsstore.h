// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/profile.h"
#include "core/types/accountsettings.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <memory>

class QSettings;

namespace Client {

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

    // The TAP/1 server of the login dialog; never a password or a token.
    struct AuthServer
    {
        QString host;
        quint16 port = 7789; // TLS by default: without it the proof and the token cross the network readable
        bool tls = true;
        QString user;
        bool rememberPassword = false;
        bool staySignedIn = false; // the session token in the keyring, resumed at the next start
    };
    AuthServer authServer() const;
    void setAuthServer(const AuthServer &server);
    // The certificate (SHA-256) the user chose to trust for one service
    // ("tap", "pop3", "smtp") on one host and port; empty when none. A pin
    // holds only there: another host, port or service is verified as usual.
    QByteArray pinnedCertificate(const QString &service, const QString &host, quint16 port) const;
    void pinCertificate(const QString &service, const QString &host, quint16 port, const QByteArray &sha256);

    // The JWT inspector opens in a window of its own unless the user docked it.
    bool inspectorDocked() const;
    void setInspectorDocked(bool docked);
    // Mail list and notifications.
    bool markReadAtOnce() const; // false: after a short delay (kMarkReadDelayMs), so skimming leaves mail unread
    void setMarkReadAtOnce(bool atOnce);
    bool notifyNewMail() const;
    void setNotifyNewMail(bool on);
    bool showTrayIcon() const;
    void setShowTrayIcon(bool on);
    // Senders (lower-case addresses) whose HTML mail may load remote content
    // (images, stylesheets) without asking; empty by default: nothing is fetched.
    QStringList remoteContentAllowedSenders() const;
    void setRemoteContentAllowedSenders(const QStringList &addresses);
    // The message view shows the plain text of a message that has both; false: HTML (remote content blocked).
    bool preferPlainText() const;
    void setPreferPlainText(bool plain);
    // JWT inspector history: off by default, tokens are credentials.
    bool keepJwtHistory() const;
    void setKeepJwtHistory(bool keep);
    QStringList jwtHistory() const;
    void setJwtHistory(const QStringList &tokens);

    // Composing (Client::Composer). A message sent is held this long for Undo (0: off).
    int undoSendSeconds() const; // kDefaultUndoSendSeconds unless set
    void setUndoSendSeconds(int seconds);
    // Attachments above this size (MB) are warned about in the compose window.
    int attachmentWarningMb() const; // kDefaultAttachmentWarningMb unless set
    void setAttachmentWarningMb(int mb);
    // The drafts of the compose windows open now (ids in Drafts): what remains after a crash is
    // offered back at the next start.
    QList<qint64> openDraftMarkers() const;
    void setOpenDraftMarkers(const QList<qint64> &ids);
    static constexpr int kDefaultUndoSendSeconds = 5;
    static constexpr int kDefaultAttachmentWarningMb = 25;

    QString fileName() const;
    // The profile's local mail store (Maildir and index); the CLI uses the same one.
    QString mailDirectory() const { return m_mailDirectory; }
    void sync();

private:
    QSettings &writable(); // every write goes through it: the file is made private first
    std::unique_ptr<QSettings> m_settings;
    QString m_mailDirectory;
    bool m_private = false;
};

} // namespace Client
