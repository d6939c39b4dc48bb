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

QString mailSecurityName(MailSecurity security);
MailSecurity mailSecurityFromString(const QString &text, MailSecurity fallback);
quint16 defaultPop3Port(MailSecurity security);

// What identifies a mail account. Deliberately has no password field: secrets
// live only in the system keyring.
struct AccountSettings
{
    QString host;
    quint16 port = 995;
    MailSecurity security = MailSecurity::Tls;
    QString user;

    bool isConfigured() const { return !host.isEmpty() && !user.isEmpty(); }
    friend bool operator==(const AccountSettings &, const AccountSettings &) = default;
};

} // namespace Types
