// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace Tap {

// TAP/1 framing (PROTOCOL.md "Transport"): a 4-byte big-endian length N,
// 1 <= N <= 65536, then N bytes of UTF-8 JSON holding one object with a
// string member "type".
constexpr quint32 maxFrameSize = 65536;
constexpr quint16 defaultPort = 7788;
constexpr quint16 defaultTlsPort = 7789;

QByteArray encodeFrame(const QJsonObject &message);

// Reassembles frames from a byte stream split or coalesced in any way. The
// buffer never holds more than one frame plus its header, so a peer cannot
// make it grow without bound.
class FrameDecoder
{
public:
    enum class Status { NeedMore, Frame, Error };

    // Appends bytes; call next() until it stops returning Frame.
    void feed(const QByteArray &bytes);
    Status next(QJsonObject *message, QString *error);
    // Bytes the caller may still read from the socket without exceeding the bound.
    qint64 room() const;
    void clear() { m_buffer.clear(); }

private:
    QByteArray m_buffer;
    bool m_failed = false;
};

} // namespace Tap
