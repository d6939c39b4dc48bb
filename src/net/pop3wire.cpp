// SPDX-License-Identifier: GPL-3.0-or-later
#include "pop3wire.h"

#include <vmime/vmime.hpp>

#include <QElapsedTimer>
#include <QString>

#include <cstring>

using namespace Qt::StringLiterals;

namespace Net {

namespace {

constexpr qsizetype MaxStatusLine = 8192;        // RFC 1939 allows 512; be lenient, not unbounded
constexpr qint64 MaxUnknownBody = 256LL << 20;   // UIDL/LIST of a huge mailbox stays far below
constexpr int Window = 512;                      // commands in flight when pipelining (~6 KB of commands)
constexpr qint64 WindowBytes = 8LL << 20;        // announced reply bytes in flight

[[noreturn]] void fail(const QString &why)
{
    throw ProtocolViolation(why.toStdString());
}

} // namespace

Pop3Wire::Pop3Wire(std::shared_ptr<vmime::net::socket> socket, int timeoutMs, const std::atomic_bool *cancel,
                   std::function<void(const QString &)> trace)
    : m_socket(std::move(socket))
    , m_timeoutMs(timeoutMs)
    , m_cancel(cancel)
    , m_trace(std::move(trace))
{
}

void Pop3Wire::trace(const QByteArray &direction, const QByteArray &line) const
{
    if (m_trace)
        m_trace(QString::fromLatin1(direction) + u": "_s + QString::fromUtf8(line.left(200)));
}

void Pop3Wire::send(const QByteArray &lines)
{
    m_socket->send(lines.toStdString()); // our socket traces each line it sends
}

bool Pop3Wire::fill()
{
    if (m_pos > 0) {
        m_buffer.remove(0, m_pos);
        m_pos = 0;
    }
    QElapsedTimer idle;
    idle.start();
    vmime::byte_t chunk[65536];
    for (;;) {
        if (m_cancel && m_cancel->load())
            throw vmime::exceptions::operation_cancelled();
        const size_t n = m_socket->receiveRaw(chunk, sizeof chunk); // throws when the server closed
        if (n > 0) {
            m_buffer.append(reinterpret_cast<const char *>(chunk), qsizetype(n));
            return true;
        }
        if (idle.elapsed() > m_timeoutMs)
            throw vmime::exceptions::operation_timed_out();
        m_socket->waitForRead(250);
    }
}

QByteArray Pop3Wire::readLine()
{
    for (;;) {
        const char *start = m_buffer.constData() + m_pos;
        const qsizetype available = m_buffer.size() - m_pos;
        if (const void *nl = std::memchr(start, '\n', size_t(available))) {
            const qsizetype length = static_cast<const char *>(nl) - start + 1;
            QByteArray line(start, length);
            m_pos += length;
            return line;
        }
        if (available > MaxStatusLine)
            fail(u"the server sent an overlong line"_s);
        fill();
    }
}

// Multi-line data (RFC 1939 §3): up to the line ".", with one leading dot
// removed from every other line that starts with a dot. Copies whole spans
// between dot-lines rather than line by line.
void Pop3Wire::readBody(QByteArray &body, qint64 limit)
{
    bool atLineStart = true;
    for (;;) {
        if (m_pos >= m_buffer.size())
            fill();
        if (atLineStart && m_buffer.at(m_pos) == '.') {
            // Need the whole start of the line to tell the terminator from a stuffed dot.
            while (m_buffer.size() - m_pos < 3 && !(m_buffer.size() - m_pos == 2 && m_buffer.at(m_pos + 1) == '\n'))
                fill();
            const char *p = m_buffer.constData() + m_pos;
            if (p[1] == '\n' || (p[1] == '\r' && p[2] == '\n')) {
                m_pos += p[1] == '\n' ? 2 : 3;
                return;
            }
            ++m_pos; // the stuffed dot
        }
        const char *start = m_buffer.constData() + m_pos;
        const qsizetype available = m_buffer.size() - m_pos;
        qsizetype span = available;
        atLineStart = false;
        // Up to and including the next newline that is followed by a dot (or the end of the buffer).
        for (const char *nl = static_cast<const char *>(std::memchr(start, '\n', size_t(available))); nl;
             nl = static_cast<const char *>(std::memchr(nl + 1, '\n', size_t(start + available - nl - 1)))) {
            if (nl + 1 == start + available) {
                atLineStart = true; // a dot may start the next chunk
                break;
            }
            if (nl[1] == '.') {
                span = nl - start + 1;
                atLineStart = true;
                break;
            }
        }
        body.append(start, span);
        m_pos += span;
        if (body.size() > limit)
            fail(u"the server sent more data than it announced"_s);
    }
}

Pop3Wire::Reply Pop3Wire::readReply(const Command &command)
{
    Reply reply;
    QByteArray line = readLine();
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    trace("S", line);
    if (line.startsWith("+OK")) {
        reply.ok = true;
        reply.status = line.mid(3).trimmed();
    } else if (line.startsWith("-ERR")) {
        reply.status = line.mid(4).trimmed();
        return reply; // an error is always one line
    } else {
        fail(u"unexpected reply from the server: %1"_s.arg(QString::fromUtf8(line.left(80))));
    }
    if (command.multiLine) {
        const qint64 limit = command.limit > 0 ? command.limit
            : command.expectedSize > 0       ? command.expectedSize * 2 + (1LL << 20)
                                             : MaxUnknownBody;
        readBody(reply.body, limit);
    }
    return reply;
}

Pop3Wire::Reply Pop3Wire::exec(const Command &command)
{
    send(command.line + "\r\n");
    return readReply(command);
}

void Pop3Wire::close()
{
    m_socket->disconnect();
}

void Pop3Wire::run(const std::vector<Command> &commands, const std::function<void(size_t, Reply &)> &onReply)
{
    size_t sent = 0;
    qint64 bytesInFlight = 0;
    for (size_t next = 0; next < commands.size(); ++next) {
        // Refill the window in one write once half of it has been answered.
        if (sent == next || (m_pipelining && sent - next <= Window / 2 && sent < commands.size())) {
            QByteArray batch;
            const size_t limit = m_pipelining ? Window : 1;
            while (sent < commands.size() && sent - next < limit
                   && (sent == next || bytesInFlight + commands[sent].expectedSize <= WindowBytes)) {
                batch += commands[sent].line + "\r\n";
                bytesInFlight += commands[sent].expectedSize;
                ++sent;
            }
            if (!batch.isEmpty())
                send(batch);
        }
        Reply reply = readReply(commands[next]);
        bytesInFlight -= commands[next].expectedSize;
        onReply(next, reply);
    }
}

} // namespace Net
