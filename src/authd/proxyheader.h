// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>
#include <QHostAddress>
#include <QString>

// The PROXY protocol version 2 header (HAProxy's proxy-protocol.txt, section
// 2.2) that a balancer sends before the client's first byte. Sans I/O: the
// caller hands in everything read so far on the connection and calls again
// after each read until the status is no longer NeedMore.
namespace Authd::ProxyV2 {

inline constexpr qsizetype fixedHeaderSize = 16;
// The address block plus TLVs; HAProxy's own headers stay far below this.
inline constexpr qsizetype maxPayloadSize = 1024;

enum class Status {
    NotProxy, // the bytes can never become the v2 signature: ordinary traffic
    NeedMore, // a prefix of a header so far
    Error,    // a v2 signature followed by a header we must refuse (drop the connection)
    Done,     // a whole header of `consumed` bytes; whatever follows is the client's
};

struct Result
{
    Status status = Status::NeedMore;
    qsizetype consumed = 0;
    // LOCAL command (the balancer's own health check), or an address family
    // or transport we do not take addresses from: keep the connection's peer.
    bool local = false;
    QHostAddress source;
    quint16 sourcePort = 0;
    QString error; // why, for Error (not translated: it goes to the log)
};

// PROXY over TCP/IPv4 and TCP/IPv6 gives the source address and port.
// AF_UNSPEC, AF_UNIX, or a transport other than STREAM fall back to the
// spec's UNSPEC mode: local = true. TLVs are skipped unread.
Result parse(QByteArrayView received);

} // namespace Authd::ProxyV2
