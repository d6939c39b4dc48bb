// SPDX-License-Identifier: GPL-3.0-or-later
#include "accountsettings.h"

namespace Types {

QString toString(MailSecurity security)
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
    if (text == QLatin1String("tls"))
        return MailSecurity::Tls;
    if (text == QLatin1String("starttls"))
        return MailSecurity::StartTls;
    if (text == QLatin1String("none"))
        return MailSecurity::None;
    return fallback;
}

quint16 defaultPop3Port(MailSecurity security)
{
    return security == MailSecurity::Tls ? 995 : 110;
}

} // namespace Types
