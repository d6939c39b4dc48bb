// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to tidings_net: SMTP commands, replies and message data over the socket of a
// connection vmime has opened and authenticated. vmime 0.9.2 sends a whole message from memory
// (or a stream) one at a time and gives up on the final reply after its idle timeout
// (VMIME-NOTES #110); this streams from the file, pipelines across messages and waits as
// long as the caller says. Throws vmime exceptions (connection_error, operation_timed_out,
// operation_cancelled) and ProtocolViolation.

#include <QByteArray>

#include <atomic>
#include <functional>
#include <memory>

class QIODevice;
class QString;

namespace vmime::net {
class socket;
}

namespace Net {

class SmtpWire
{
public:
    struct Reply
    {
        int code = 0;
        QByteArray text; // the lines' texts after the code, joined by "\n"
    };

    SmtpWire(std::shared_ptr<vmime::net::socket> socket, const std::atomic_bool *cancel,
             std::shared_ptr<std::atomic_bool> muteSends, std::function<void(const QString &)> trace);

    // Commands are queued and go out together with the next read() (or flush()): one write per
    // pipelined group, so the end of one message's data and the next envelope share a packet
    // (separate small writes wait on the peer's delayed ACK: ~40 ms per message).
    void send(const QByteArray &lines);
    void flush();
    Reply read(int timeoutMs);
    // The message data: header as given, then the body from `body` (CRLF line ends made,
    // leading dots doubled), then the terminating "." line. progress(sent bytes) per block.
    void sendData(const QByteArray &header, QIODevice &body, const std::function<void(qint64)> &progress);

private:
    void queue(const QByteArray &bytes); // untraced
    QByteArray readLine(int timeoutMs);
    void fill(int timeoutMs);

    std::shared_ptr<vmime::net::socket> m_socket;
    const std::atomic_bool *m_cancel;
    std::shared_ptr<std::atomic_bool> m_mute;
    std::function<void(const QString &)> m_trace;
    QByteArray m_buffer;
    QByteArray m_out;
};

} // namespace Net
