// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

#include <vmime/exception.hpp>

#include <atomic>
#include <functional>
#include <memory>
#include <vector>

class QString;

namespace vmime::net {
class socket;
}

namespace Net {

// The server's bytes are not POP3 (a reply without +OK/-ERR, an overlong line,
// more data than announced): still a connection_error for vmime, told apart by the sync.
class ProtocolViolation : public vmime::exceptions::connection_error
{
public:
    using vmime::exceptions::connection_error::connection_error;
};

// POP3 commands and replies over the socket of a connection vmime has opened
// and authenticated. vmime sends one command at a time and un-stuffs dot-lines
// wrongly (VMIME-NOTES); this reads replies itself and pipelines (RFC 2449)
// when the server says PIPELINING. Internal to tidings_net; throws vmime
// exceptions (connection_error, operation_timed_out, operation_cancelled).
class Pop3Wire
{
public:
    struct Reply
    {
        bool ok = false;
        QByteArray status; // the first line without "+OK "/"-ERR " and CRLF
        QByteArray body;   // multi-line data, dot-unstuffed, CRLF kept, terminator removed
    };
    struct Command
    {
        QByteArray line;      // without CRLF
        bool multiLine = false;
        qint64 expectedSize = 0; // for the in-flight byte budget and the size bound (0: unknown)
        qint64 limit = 0;        // most bytes accepted; 0: twice expectedSize plus 1 MB
    };

    Pop3Wire(std::shared_ptr<vmime::net::socket> socket, int timeoutMs, const std::atomic_bool *cancel,
             std::function<void(const QString &)> trace);

    void setPipelining(bool on) { m_pipelining = on; }
    bool pipelining() const { return m_pipelining; }

    // Runs the commands in order, several in flight when pipelining, and hands
    // each reply to onReply in order before the next is read.
    void run(const std::vector<Command> &commands, const std::function<void(size_t index, Reply &reply)> &onReply);
    Reply exec(const Command &command);
    void close(); // after QUIT: vmime then sends nothing more

private:
    void send(const QByteArray &lines);
    Reply readReply(const Command &command);
    QByteArray readLine();
    void readBody(QByteArray &body, qint64 limit);
    bool fill(); // more bytes into m_buffer; false never: throws on timeout, cancel, closed
    void trace(const QByteArray &direction, const QByteArray &line) const;

    std::shared_ptr<vmime::net::socket> m_socket;
    int m_timeoutMs;
    const std::atomic_bool *m_cancel;
    std::function<void(const QString &)> m_trace;
    bool m_pipelining = false;
    QByteArray m_buffer;
    qsizetype m_pos = 0;
};

} // namespace Net
