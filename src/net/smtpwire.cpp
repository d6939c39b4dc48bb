// SPDX-License-Identifier: GPL-3.0-or-later
#include "smtpwire.h"

#include "pop3wire.h" // ProtocolViolation

#include <vmime/vmime.hpp>

#include <QElapsedTimer>
#include <QIODevice>
#include <QString>

using namespace Qt::StringLiterals;

namespace Net {

namespace {

constexpr qsizetype MaxReplyLine = 8192; // RFC 5321 4.5.3.1.5 says 512; lenient, not unbounded
constexpr int MaxReplyLines = 1000;
constexpr qint64 Block = 256 * 1024;

} // namespace

SmtpWire::SmtpWire(std::shared_ptr<vmime::net::socket> socket, const std::atomic_bool *cancel,
                   std::shared_ptr<std::atomic_bool> muteSends, std::function<void(const QString &)> trace)
    : m_socket(std::move(socket))
    , m_cancel(cancel)
    , m_mute(std::move(muteSends))
    , m_trace(std::move(trace))
{
    // From here on the wire traces what it sends itself: commands line by line, a message's
    // data as its size; the socket's line tracing (for vmime's login) stays off.
    m_mute->store(true);
}

void SmtpWire::send(const QByteArray &lines)
{
    if (m_trace)
        for (const QByteArray &line : lines.split('\n'))
            if (!line.trimmed().isEmpty())
                m_trace(u"C: "_s + QString::fromUtf8(line.trimmed().left(200)));
    queue(lines);
}

void SmtpWire::queue(const QByteArray &bytes)
{
    m_out += bytes;
    if (m_out.size() >= Block)
        flush();
}

void SmtpWire::flush()
{
    if (m_out.isEmpty())
        return;
    const QByteArray out = std::exchange(m_out, {});
    m_socket->sendRaw(reinterpret_cast<const vmime::byte_t *>(out.constData()), size_t(out.size()));
}

void SmtpWire::fill(int timeoutMs)
{
    QElapsedTimer idle;
    idle.start();
    vmime::byte_t chunk[16384];
    for (;;) {
        if (m_cancel && m_cancel->load())
            throw vmime::exceptions::operation_cancelled();
        const size_t n = m_socket->receiveRaw(chunk, sizeof chunk); // throws when the server closed
        if (n > 0) {
            m_buffer.append(reinterpret_cast<const char *>(chunk), qsizetype(n));
            return;
        }
        if (idle.elapsed() > timeoutMs)
            throw vmime::exceptions::operation_timed_out();
        m_socket->waitForRead(250);
    }
}

QByteArray SmtpWire::readLine(int timeoutMs)
{
    for (;;) {
        const qsizetype nl = m_buffer.indexOf('\n');
        if (nl >= 0) {
            QByteArray line = m_buffer.left(nl + 1);
            m_buffer.remove(0, nl + 1);
            if (m_trace)
                m_trace(u"S: "_s + QString::fromUtf8(line.trimmed().left(200)));
            return line;
        }
        if (m_buffer.size() > MaxReplyLine)
            throw ProtocolViolation("the server sent an overlong line");
        fill(timeoutMs);
    }
}

SmtpWire::Reply SmtpWire::read(int timeoutMs)
{
    flush();
    Reply reply;
    for (int i = 0; i < MaxReplyLines; ++i) {
        const QByteArray line = readLine(timeoutMs).trimmed();
        bool ok = false;
        const int code = line.left(3).toInt(&ok);
        if (!ok || code < 200 || code > 599 || (line.size() > 3 && line.at(3) != ' ' && line.at(3) != '-'))
            throw ProtocolViolation("the server's reply is not SMTP: " + line.left(80).toStdString());
        if (reply.code != 0 && code != reply.code)
            throw ProtocolViolation("the lines of one reply carry different codes");
        reply.code = code;
        if (!reply.text.isEmpty())
            reply.text += '\n';
        reply.text += line.mid(4);
        if (line.size() <= 3 || line.at(3) == ' ')
            return reply;
    }
    throw ProtocolViolation("the server's reply does not end");
}

void SmtpWire::sendData(const QByteArray &header, QIODevice &body, const std::function<void(qint64)> &progress)
{
    // The header ends with its empty line; lines never start with a dot in it.
    queue(header);
    qint64 sent = header.size();
    bool lineStart = true;
    char last = '\n';
    QByteArray out;
    out.reserve(Block + Block / 8);
    while (!body.atEnd()) {
        if (m_cancel && m_cancel->load())
            throw vmime::exceptions::operation_cancelled();
        const QByteArray in = body.read(Block);
        if (in.isEmpty())
            break;
        out.clear();
        for (const char c : in) {
            if (last == '\r' && c != '\n') {
                out += '\n'; // a bare CR ends a line too
                lineStart = true;
            }
            if (c == '\n' && last != '\r')
                out += '\r'; // a bare LF becomes CRLF
            if (lineStart && c == '.')
                out += '.'; // RFC 5321 4.5.2
            out += c;
            lineStart = c == '\n';
            last = c;
        }
        queue(out);
        sent += in.size();
        if (progress)
            progress(sent);
    }
    // The end of data waits for what follows it (the next envelope): one write for both.
    if (last == '\r')
        queue("\n.\r\n");
    else
        queue(lineStart ? QByteArray(".\r\n") : QByteArray("\r\n.\r\n"));
    if (m_trace) {
        m_trace(u"C: <%1 bytes of message data>"_s.arg(sent));
        m_trace(u"C: ."_s);
    }
}

} // namespace Net
