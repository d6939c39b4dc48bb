// SPDX-License-Identifier: GPL-3.0-or-later
// Our POP3 reply reader under the worst a network or a server can do: replies
// cut at every byte, dot-lines at chunk edges, bare LF line ends, pipelined
// replies in one chunk, errors mid-pipeline, garbage, overlong lines, too much
// data, a server that closes or stalls, and cancel. A scripted socket stands
// in for the connection; the real Dovecot runs in mailstack.pop3_sync.
#include "net/pop3wire.h"

#include <vmime/vmime.hpp>

#include <QElapsedTimer>
#include <QTest>

#include <deque>

using namespace Qt::StringLiterals;

namespace {

class ScriptedSocket : public vmime::net::socket
{
public:
    // The server's bytes, handed out `chunk` bytes per read; stall: never any more after them.
    ScriptedSocket(const QByteArray &reply, qsizetype chunk, bool stallAtEnd = false)
        : m_reply(reply)
        , m_chunk(chunk)
        , m_stall(stallAtEnd)
    {
    }
    QByteArray sent;
    int writes = 0;

    void connect(const vmime::string &, const vmime::port_t) override { }
    void disconnect() override { m_open = false; }
    bool isConnected() const override { return m_open; }
    bool waitForRead(const int msecs) override
    {
        if (m_pos >= m_reply.size())
            QTest::qSleep(qMin(msecs, 20));
        return m_pos < m_reply.size();
    }
    bool waitForWrite(const int) override { return true; }
    void receive(vmime::string &buffer) override
    {
        vmime::byte_t b[4096];
        const size_t n = receiveRaw(b, sizeof b);
        buffer.assign(reinterpret_cast<const char *>(b), n);
    }
    size_t receiveRaw(vmime::byte_t *buffer, const size_t count) override
    {
        if (m_pos >= m_reply.size()) {
            if (m_stall)
                return 0;
            throw vmime::exceptions::connection_error("the server closed the connection");
        }
        const qsizetype n = qMin<qsizetype>(qMin<qsizetype>(m_chunk, qsizetype(count)), m_reply.size() - m_pos);
        std::memcpy(buffer, m_reply.constData() + m_pos, size_t(n));
        m_pos += n;
        return size_t(n);
    }
    void send(const vmime::string &buffer) override { sendRaw(reinterpret_cast<const vmime::byte_t *>(buffer.data()), buffer.size()); }
    void send(const char *str) override { sendRaw(reinterpret_cast<const vmime::byte_t *>(str), std::strlen(str)); }
    void sendRaw(const vmime::byte_t *buffer, const size_t count) override
    {
        sent.append(reinterpret_cast<const char *>(buffer), qsizetype(count));
        ++writes;
    }
    size_t sendRawNonBlocking(const vmime::byte_t *buffer, const size_t count) override
    {
        sendRaw(buffer, count);
        return count;
    }
    size_t getBlockSize() const override { return 4096; }
    unsigned int getStatus() const override { return 0; }
    const vmime::string getPeerName() const override { return "pop.example.org"; }
    const vmime::string getPeerAddress() const override { return "127.0.0.1"; }
    std::shared_ptr<vmime::net::timeoutHandler> getTimeoutHandler() override { return nullptr; }
    void setTracer(std::shared_ptr<vmime::net::tracer>) override { }
    std::shared_ptr<vmime::net::tracer> getTracer() override { return nullptr; }

private:
    QByteArray m_reply;
    qsizetype m_chunk;
    bool m_stall;
    qsizetype m_pos = 0;
    bool m_open = true;
};

Net::Pop3Wire::Command retr(int n, qint64 size = 0)
{
    return {"RETR " + QByteArray::number(n), true, size, 0};
}

} // namespace

class TestPop3Wire : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void dotStuffingSurvivesEveryCut_data()
    {
        QTest::addColumn<QByteArray>("eol");
        QTest::newRow("CRLF") << QByteArray("\r\n");
        QTest::newRow("LF") << QByteArray("\n"); // some servers; must not break the terminator
    }
    void dotStuffingSurvivesEveryCut()
    {
        QFETCH(QByteArray, eol);
        QByteArray message;
        for (const char *line : {"Subject: dots", "", ".starts with a dot", "..two dots", ".", "..", "...",
                                 "middle . dot", "."})
            message += QByteArray(line) + eol;
        // The wire form: one more dot on every line that starts with one, then the terminator.
        QByteArray wire = "+OK " + QByteArray::number(message.size()) + " octets" + eol;
        qsizetype start = 0;
        while (start < message.size()) {
            const qsizetype end = message.indexOf('\n', start) + 1;
            const QByteArray line = message.mid(start, end - start);
            wire += line.startsWith('.') ? "." + line : line;
            start = end;
        }
        wire += "." + eol;
        for (qsizetype chunk : {qsizetype(1), qsizetype(2), qsizetype(3), qsizetype(7), qsizetype(4096)}) {
            auto socket = std::make_shared<ScriptedSocket>(wire + "+OK next" + eol, chunk);
            Net::Pop3Wire wire(socket, 5000, nullptr, {});
            const Net::Pop3Wire::Reply reply = wire.exec(retr(1));
            QVERIFY(reply.ok);
            QCOMPARE(reply.body, message); // byte for byte, one dot removed from stuffed lines only
            // Nothing of the next reply was eaten.
            QCOMPARE(wire.exec({"NOOP", false, 0, 0}).status, QByteArray("next"));
        }
    }

    void pipelinedRepliesInOneChunkAndAnErrorAmongThem()
    {
        const QByteArray replies = "+OK\r\nfirst\r\n.\r\n-ERR no such message\r\n+OK\r\nthird\r\n.\r\n";
        auto socket = std::make_shared<ScriptedSocket>(replies, 4096);
        Net::Pop3Wire wire(socket, 5000, nullptr, {});
        wire.setPipelining(true);
        QList<QByteArray> bodies;
        QList<bool> oks;
        wire.run({retr(1), retr(2), retr(3)}, [&](size_t, Net::Pop3Wire::Reply &reply) {
            oks << reply.ok;
            bodies << reply.body;
        });
        QCOMPARE(oks, (QList<bool>{true, false, true})); // -ERR is one line, never a body
        QCOMPARE(bodies, (QList<QByteArray>{"first\r\n", QByteArray(), "third\r\n"}));
        QCOMPARE(socket->sent, QByteArray("RETR 1\r\nRETR 2\r\nRETR 3\r\n"));
        QCOMPARE(socket->writes, 1); // all three in one write
    }

    void withoutPipeliningOneCommandAtATime()
    {
        auto socket = std::make_shared<ScriptedSocket>("+OK\r\na\r\n.\r\n+OK\r\nb\r\n.\r\n", 4096);
        Net::Pop3Wire wire(socket, 5000, nullptr, {});
        int replies = 0;
        wire.run({retr(1), retr(2)}, [&](size_t, Net::Pop3Wire::Reply &) { ++replies; });
        QCOMPARE(replies, 2);
        QCOMPARE(socket->writes, 2);
    }

    void badServersGetSpecificErrors_data()
    {
        QTest::addColumn<QByteArray>("reply");
        QTest::addColumn<bool>("stall");
        QTest::addColumn<QString>("message");
        QTest::newRow("garbage") << QByteArray("\x00\xffHELLO\r\n", 9) << false << u"unexpected reply"_s;
        QTest::newRow("overlong") << QByteArray(20000, 'A') << false << u"overlong line"_s;
        QTest::newRow("too much") << QByteArray("+OK\r\n" + QByteArray(3 << 20, 'x')) << false
                                  << u"more data than it announced"_s;
        QTest::newRow("closed mid-body") << QByteArray("+OK\r\nhalf a mess") << false << u"closed the connection"_s;
    }
    void badServersGetSpecificErrors()
    {
        QFETCH(QByteArray, reply);
        QFETCH(bool, stall);
        QFETCH(QString, message);
        // "too much": the body runs on without a terminator past twice the announced 1000 bytes plus 1 MB.
        auto socket = std::make_shared<ScriptedSocket>(reply, 4096, stall);
        Net::Pop3Wire wire(socket, 5000, nullptr, {});
        try {
            wire.exec(retr(1, 1000));
            QFAIL("no error");
        } catch (const vmime::exception &e) {
            QVERIFY2(QString::fromStdString(e.what()).contains(message), e.what());
        }
    }

    void aStalledServerTimesOut()
    {
        auto socket = std::make_shared<ScriptedSocket>("+OK\r\nsome of it\r\n", 4096, true);
        Net::Pop3Wire wire(socket, 300, nullptr, {});
        QElapsedTimer timer;
        timer.start();
        QVERIFY_THROWS_EXCEPTION(vmime::exceptions::operation_timed_out, wire.exec(retr(1)));
        QVERIFY(timer.elapsed() >= 250 && timer.elapsed() < 5000);
    }

    void cancelStopsAWait()
    {
        auto socket = std::make_shared<ScriptedSocket>("+OK\r\n", 4096, true);
        std::atomic_bool cancel{true};
        Net::Pop3Wire wire(socket, 60000, &cancel, {});
        QElapsedTimer timer;
        timer.start();
        QVERIFY_THROWS_EXCEPTION(vmime::exceptions::operation_cancelled, wire.exec(retr(1)));
        QVERIFY(timer.elapsed() < 5000);
    }

    void traceShowsStatusLinesOnly()
    {
        auto socket = std::make_shared<ScriptedSocket>("+OK 5 octets\r\nsecret body\r\n.\r\n", 4096);
        QStringList lines;
        Net::Pop3Wire wire(socket, 5000, nullptr, [&](const QString &line) { lines << line; });
        wire.exec(retr(1));
        QCOMPARE(lines, QStringList{u"S: +OK 5 octets"_s}); // bodies are not logged
    }
};

QTEST_GUILESS_MAIN(TestPop3Wire)
#include "tst_pop3wire.moc"
