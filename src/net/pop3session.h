// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to tidings_net: an authenticated POP3 session (vmime connects and
// logs in over our Qt socket, Pop3Wire speaks afterwards) and the one place
// that turns whatever went wrong into a Pop3Error.

#include "net/pop3error.h"
#include "net/pop3sync.h"
#include "net/pop3wire.h"
#include "net/qtvmimesocket.h"

#include <QStringList>

#include <functional>
#include <memory>

namespace vmime::net {
class store;
}

namespace Net {

struct Pop3Session
{
    std::shared_ptr<vmime::net::store> store;
    std::unique_ptr<Pop3Wire> wire;
    QStringList capabilities; // CAPA after login, one entry per line
    ~Pop3Session();
};

SocketSettings socketSettings(const Pop3Account &account, const std::atomic_bool *cancel);
// The login method vmime is allowed to use, as the account says; then CAPA (PIPELINING).
void openSession(Pop3Session &session, const Pop3Account &account, const SocketSettings &socket);
// Security "none" without the user's permission: an error before any connection.
Pop3Error refusePlainPassword(const Pop3Account &account);
// Runs body; an exception becomes the error of its kind (None when body returned).
Pop3Error runClassified(const SocketSettings &socket, const std::function<void()> &body);
// "-ERR text" -> "text"; a status without the prefix stays as it is.
QString serverWords(const QByteArray &status);

} // namespace Net
