// SPDX-License-Identifier: GPL-3.0-or-later
#include "accountsettings.h"

namespace Types {

QString mailAuthName(MailAuth auth)
{
    switch (auth) {
    case MailAuth::Auto:
        return QStringLiteral("auto");
    case MailAuth::UserPass:
        return QStringLiteral("user");
    case MailAuth::Apop:
        return QStringLiteral("apop");
    case MailAuth::Sasl:
        return QStringLiteral("sasl");
    }
    return QStringLiteral("auto");
}

MailAuth mailAuthFromString(const QString &text, MailAuth fallback)
{
    const QString name = text.trimmed().toLower();
    for (MailAuth auth : {MailAuth::Auto, MailAuth::UserPass, MailAuth::Apop, MailAuth::Sasl})
        if (name == mailAuthName(auth))
            return auth;
    return fallback;
}

QString mailSecurityName(MailSecurity security)
{
    switch (security) {
    case MailSecurity::Tls:
        return QStringLiteral("tls");
    case MailSecurity::StartTls:
        return QStringLiteral("starttls");
    case MailSecurity::None:
        return QStringLiteral("none");
    }
    return QStringLiteral("tls");
}

MailSecurity mailSecurityFromString(const QString &text, MailSecurity fallback)
{
    const QString name = text.trimmed().toLower(); // settings files are edited by hand
    if (name == QLatin1String("tls"))
        return MailSecurity::Tls;
    if (name == QLatin1String("starttls"))
        return MailSecurity::StartTls;
    if (name == QLatin1String("none"))
        return MailSecurity::None;
    return fallback;
}

quint16 defaultPop3Port(MailSecurity security)
{
    return security == MailSecurity::Tls ? 995 : 110;
}

quint16 defaultSmtpPort(MailSecurity security)
{
    switch (security) {
    case MailSecurity::Tls: return 465;
    case MailSecurity::StartTls: return 587;
    case MailSecurity::None: return 25;
    }
    return 465;
}

} // namespace Types
