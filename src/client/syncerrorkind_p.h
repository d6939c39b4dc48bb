// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Private to tidings_client's .cpp files (it names a net type): the net layer's error kinds
// in the client's words, for SyncController and ConnectionTest alike.

#include "client/syncoutcome.h"
#include "net/pop3error.h"

namespace Client::detail {

inline SyncErrorKind syncErrorKindOf(Net::Pop3ErrorKind kind)
{
    switch (kind) {
    case Net::Pop3ErrorKind::None:
        return SyncErrorKind::None;
    case Net::Pop3ErrorKind::Authentication:
        return SyncErrorKind::Authentication;
    case Net::Pop3ErrorKind::Certificate:
        return SyncErrorKind::Certificate;
    case Net::Pop3ErrorKind::NoUidl:
        return SyncErrorKind::NoUidl;
    case Net::Pop3ErrorKind::Timeout:
        return SyncErrorKind::Timeout;
    case Net::Pop3ErrorKind::Cancelled:
        return SyncErrorKind::Cancelled;
    case Net::Pop3ErrorKind::DiskFull:
        return SyncErrorKind::DiskFull;
    case Net::Pop3ErrorKind::Protocol:
        return SyncErrorKind::Protocol;
    case Net::Pop3ErrorKind::Connection:
        return SyncErrorKind::Connection;
    case Net::Pop3ErrorKind::ServerError:
        return SyncErrorKind::ServerError;
    case Net::Pop3ErrorKind::Store:
        return SyncErrorKind::Store;
    }
    return SyncErrorKind::Protocol;
}

} // namespace Client::detail
