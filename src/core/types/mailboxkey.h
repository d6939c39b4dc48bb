// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/types/accountsettings.h"

#include <QString>

namespace Types {

// How the local store knows a mailbox: the server and the user. Port and
// security are only how it is reached: switching STLS (110) and POP3S (995)
// must not make it a new mailbox that is downloaded again (issue 10, item 14).
// Host names compare case-insensitively (RFC 4343); a trailing dot names the
// same host. The user name is kept as typed: some servers tell case apart.
inline QString mailboxKey(const QString &user, QString host)
{
    host = host.trimmed().toLower();
    if (host.endsWith(u'.'))
        host.chop(1);
    return user + u'@' + host;
}

inline QString mailboxKey(const AccountSettings &account)
{
    return mailboxKey(account.user, account.host);
}

} // namespace Types
