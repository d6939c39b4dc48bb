// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Types {

// How the connection to the mail server is protected.
enum class MailSecurity {
    Tls,      // POP3S: TLS from the first byte (RFC 8314)
    StartTls, // plain connection upgraded with STLS (RFC 2595), refused if the server cannot
    None,     // no encryption; never sends a password in clear unless the user allows it
};

// How to log in. Auto: a SASL mechanism the server offers, else APOP, else USER/PASS.
enum class MailAuth { Auto, UserPass, Apop, Sasl };

QString mailAuthName(MailAuth auth);
MailAuth mailAuthFromString(const QString &text, MailAuth fallback);

QString mailSecurityName(MailSecurity security);
MailSecurity mailSecurityFromString(const QString &text, MailSecurity fallback);
quint16 defaultPop3Port(MailSecurity security);
// SMTPS 465 (RFC 8314) or submission 587 with STARTTLS (RFC 6409); 25 without encryption.
quint16 defaultSmtpPort(MailSecurity security);

// What identifies a mail account. Deliberately has no password field: secrets
// live only in the system keyring.
struct AccountSettings
{
    QString host;
    quint16 port = 995;
    MailSecurity security = MailSecurity::Tls;
    QString user;
    QString name;                      // what the user calls it; the user name when empty
    MailAuth auth = MailAuth::Auto;
    bool allowPlainPassword = false;   // with security None only, and only when the user says so
    bool leaveOnServer = true;
    int deleteAfterDays = -1;          // with leaveOnServer: delete from the server after N days; -1 never
    bool deleteWhenDeletedHere = false;
    int sizeLimitKb = -1;              // bigger messages: headers only until opened; -1 no limit
    // Stable identity for the keyring entry, the protocol log and the folder list: survives
    // edits of host, port or user (a new account gets one from SettingsStore::setAccounts).
    QString id;
    QString email;       // the account's address (From of what is sent, autodetection)
    QString displayName; // the sender name shown with it
    QString caFile;      // a CA certificate (PEM) trusted for this account only; empty: the system's
    int checkEveryMinutes = 0; // automatic Get Mail; 0 off

    // The outgoing server (SMTP submission). Its certificate trust is the account's (caFile and
    // pins per host and port, service "smtp"). No host: this account cannot send.
    QString smtpHost;
    quint16 smtpPort = 465;
    MailSecurity smtpSecurity = MailSecurity::Tls; // required: a refused STARTTLS fails closed
    QString smtpUser;                // empty: the account's user
    bool smtpSeparatePassword = false; // false: the POP3 password (one keyring entry)

    // The identity of what this account sends: the From is displayName <email>.
    QString signature;          // appended to new messages; HTML when signatureIsHtml
    bool signatureIsHtml = false;
    QString spellLanguage;      // a Hunspell dictionary name ("en_US"); empty: the UI language's

    bool canSend() const { return !smtpHost.isEmpty() && !email.isEmpty(); }
    QString smtpLogin() const { return smtpUser.isEmpty() ? user : smtpUser; }

    // Identifies the account in the local store, the keyring and the protocol log.
    QString key() const { return user + u'@' + host + u':' + QString::number(port); }
    bool isConfigured() const { return !host.isEmpty() && !user.isEmpty(); }
    friend bool operator==(const AccountSettings &, const AccountSettings &) = default;
};

} // namespace Types
