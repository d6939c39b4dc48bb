// SPDX-License-Identifier: GPL-3.0-or-later
#include "proxyheader.h"

#include <QtEndian>

#include <algorithm>
#include <cstring>

using namespace Qt::StringLiterals;

namespace Authd::ProxyV2 {

namespace {

constexpr char signature[] = "\r\n\r\n\0\r\nQUIT\n";
constexpr qsizetype signatureSize = sizeof(signature) - 1; // 12

constexpr quint8 commandLocal = 0x0;
constexpr quint8 commandProxy = 0x1;
constexpr quint8 familyUnspec = 0x0;
constexpr quint8 familyInet = 0x1;
constexpr quint8 familyInet6 = 0x2;
constexpr quint8 familyUnix = 0x3;
constexpr quint8 transportStream = 0x1;
constexpr quint8 transportDgram = 0x2;

// Bytes of the address block each family needs (addresses, then ports).
constexpr qsizetype inetAddressBlock = 2 * 4 + 2 * 2;
constexpr qsizetype inet6AddressBlock = 2 * 16 + 2 * 2;
constexpr qsizetype unixAddressBlock = 2 * 108;

Result withStatus(Status status)
{
    Result r;
    r.status = status;
    return r;
}

Result failed(QString why)
{
    Result r = withStatus(Status::Error);
    r.error = std::move(why);
    return r;
}

quint8 byteAt(QByteArrayView data, qsizetype i)
{
    return static_cast<quint8>(data[i]);
}

} // namespace

Result parse(QByteArrayView received)
{
    if (received.isEmpty()) // memcmp must not see a null pointer, even for 0 bytes
        return withStatus(Status::NeedMore);
    const qsizetype prefix = std::min(received.size(), signatureSize);
    if (std::memcmp(received.data(), signature, size_t(prefix)) != 0)
        return withStatus(Status::NotProxy);
    if (received.size() <= signatureSize)
        return withStatus(Status::NeedMore);

    const quint8 versionCommand = byteAt(received, 12);
    if (versionCommand >> 4 != 2)
        return failed(u"PROXY header version %1, only 2 is supported"_s.arg(versionCommand >> 4));
    const quint8 command = versionCommand & 0x0f;
    if (command != commandLocal && command != commandProxy)
        return failed(u"PROXY header with unknown command %1"_s.arg(command));
    if (received.size() < fixedHeaderSize)
        return withStatus(Status::NeedMore);

    const quint16 payloadSize = qFromBigEndian<quint16>(received.data() + 14);
    if (payloadSize > maxPayloadSize)
        return failed(u"PROXY header length %1 exceeds %2"_s.arg(payloadSize).arg(maxPayloadSize));
    const qsizetype total = fixedHeaderSize + payloadSize;
    if (received.size() < total)
        return withStatus(Status::NeedMore);

    Result r;
    r.status = Status::Done;
    r.consumed = total;
    if (command == commandLocal) { // the family byte is ignored, as the spec says
        r.local = true;
        return r;
    }

    const quint8 family = byteAt(received, 13) >> 4;
    const quint8 transport = byteAt(received, 13) & 0x0f;
    if (family > familyUnix || transport > transportDgram)
        return failed(u"PROXY header with unknown family/transport 0x%1"_s.arg(
            byteAt(received, 13), 2, 16, QLatin1Char('0')));

    qsizetype needed = 0;
    if (family == familyInet)
        needed = inetAddressBlock;
    else if (family == familyInet6)
        needed = inet6AddressBlock;
    else if (family == familyUnix)
        needed = unixAddressBlock;
    if (payloadSize < needed)
        return failed(
            u"PROXY header address block of %1 bytes, family %2 needs %3"_s.arg(payloadSize)
                .arg(family)
                .arg(needed));

    if (family == familyUnspec || family == familyUnix || transport != transportStream) {
        r.local = true; // no TCP peer address to take: keep the connection's
        return r;
    }

    const char *addresses = received.data() + fixedHeaderSize;
    if (family == familyInet) {
        r.source = QHostAddress(qFromBigEndian<quint32>(addresses));
        r.sourcePort = qFromBigEndian<quint16>(addresses + 8);
    } else {
        r.source = QHostAddress(reinterpret_cast<const quint8 *>(addresses));
        r.sourcePort = qFromBigEndian<quint16>(addresses + 32);
    }
    return r;
}

} // namespace Authd::ProxyV2
