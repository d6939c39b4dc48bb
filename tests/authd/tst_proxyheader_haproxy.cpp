// SPDX-License-Identifier: GPL-3.0-or-later
// The PROXY v2 parser against the headers a real HAProxy sends: TCP over IPv4
// and IPv6 with TLVs (unique-id, crc32c), and LOCAL on its health checks.
#include "proxyheader.h"

#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
namespace ProxyV2 = Authd::ProxyV2;

namespace {

// A port nobody listens on right now (HAProxy needs a number in its config).
quint16 freePort(const QHostAddress &address)
{
    QTcpServer probe;
    return probe.listen(address, 0) ? probe.serverPort() : 0;
}

// Stands where tidings-authd would: parses each connection's first bytes.
class Backend : public QObject
{
public:
    struct Seen
    {
        ProxyV2::Result header;
        QByteArray after; // what followed the header
    };
    QTcpServer server;
    QList<Seen> seen;

    Backend()
    {
        connect(&server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = server.nextPendingConnection()) {
                seen.append(Seen());
                const qsizetype index = seen.size() - 1;
                auto buffer = std::make_shared<QByteArray>();
                connect(socket, &QTcpSocket::readyRead, this, [this, socket, index, buffer] {
                    *buffer += socket->readAll();
                    Seen &s = seen[index];
                    if (s.header.status == ProxyV2::Status::NeedMore)
                        s.header = ProxyV2::parse(*buffer);
                    if (s.header.status == ProxyV2::Status::Done)
                        s.after = buffer->mid(s.header.consumed);
                });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }
};

} // namespace

class TestProxyHeaderHaproxy : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        m_haproxyPath = u"/usr/sbin/haproxy"_s;
        if (!QFile::exists(m_haproxyPath))
            QSKIP("haproxy not installed");
        QVERIFY(m_dir.isValid());
        QVERIFY(m_backend.server.listen(QHostAddress::LocalHost, 0));
        m_port4 = freePort(QHostAddress::LocalHost);
        m_port6 = freePort(QHostAddress::LocalHostIPv6);
        QVERIFY(m_port4 && m_port6);
        const QString config = uR"(global
    maxconn 64
defaults
    mode tcp
    timeout connect 2s
    timeout client 10s
    timeout server 10s
frontend front
    bind 127.0.0.1:%1
    bind [::1]:%2
    unique-id-format conn-%%{+X}o%%ci:%%cp
    default_backend authd
backend authd
    server a 127.0.0.1:%3 send-proxy-v2 proxy-v2-options unique-id,crc32c check check-send-proxy inter 200ms
)"_s.arg(m_port4)
                                   .arg(m_port6)
                                   .arg(m_backend.server.serverPort());
        QFile file(m_dir.filePath(u"haproxy.cfg"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(config.toUtf8());
        file.close();
        m_haproxy.setProcessChannelMode(QProcess::ForwardedChannels);
        m_haproxy.start(m_haproxyPath, {u"-db"_s, u"-f"_s, file.fileName()});
        QVERIFY(m_haproxy.waitForStarted());
        // Ready once a health check has come through with its header.
        QTRY_VERIFY_WITH_TIMEOUT(healthChecks() > 0, 10000);
    }

    void cleanupTestCase()
    {
        if (m_haproxy.state() != QProcess::NotRunning) {
            m_haproxy.terminate();
            m_haproxy.waitForFinished(5000);
        }
    }

    void healthChecksAreLocal()
    {
        for (const Backend::Seen &s : std::as_const(m_backend.seen)) {
            if (s.header.status == ProxyV2::Status::Done && s.header.local) {
                QVERIFY(s.header.source.isNull());
                // No address block, but the crc32c TLV (3 + 4 bytes): skipped by the length.
                QCOMPARE(s.header.consumed, 16 + 3 + 4);
                QVERIFY(s.after.isEmpty());
                return;
            }
        }
        QFAIL("no LOCAL header seen");
    }

    void clientAddressesComeThrough_data()
    {
        QTest::addColumn<QString>("client");
        QTest::newRow("IPv4") << u"127.0.0.1"_s;
        QTest::newRow("IPv6") << u"::1"_s;
    }
    void clientAddressesComeThrough()
    {
        QFETCH(QString, client);
        const QHostAddress address(client);
        const quint16 port =
            address.protocol() == QAbstractSocket::IPv6Protocol ? m_port6 : m_port4;
        QTcpSocket socket;
        socket.connectToHost(address, port);
        QTRY_COMPARE(socket.state(), QAbstractSocket::ConnectedState);
        const QByteArray frame("\0\0\0\x02{}", 6); // a TAP frame follows the header
        socket.write(frame);
        const auto proxied = [&]() -> const Backend::Seen * {
            for (const Backend::Seen &s : std::as_const(m_backend.seen)) {
                if (s.header.status == ProxyV2::Status::Done && !s.header.local &&
                    s.header.sourcePort == socket.localPort() && s.after == frame)
                    return &s;
            }
            return nullptr;
        };
        QTRY_VERIFY_WITH_TIMEOUT(proxied(), 5000);
        const Backend::Seen *s = proxied();
        QCOMPARE(s->header.source, address);
        // The address block plus the unique-id and crc32c TLVs, all skipped.
        const qsizetype addressBlock = client == u"::1"_s ? 36 : 12;
        QVERIFY2(s->header.consumed > 16 + addressBlock + 3 + 4,
                 qPrintable(QString::number(s->header.consumed)));
        for (const Backend::Seen &other : std::as_const(m_backend.seen))
            QVERIFY2(other.header.status != ProxyV2::Status::Error, qPrintable(other.header.error));
    }

private:
    int healthChecks() const
    {
        int n = 0;
        for (const Backend::Seen &s : m_backend.seen)
            n += s.header.status == ProxyV2::Status::Done && s.header.local;
        return n;
    }

    QString m_haproxyPath;
    QTemporaryDir m_dir;
    Backend m_backend;
    QProcess m_haproxy;
    quint16 m_port4 = 0;
    quint16 m_port6 = 0;
};

QTEST_GUILESS_MAIN(TestProxyHeaderHaproxy)
#include "tst_proxyheader_haproxy.moc"
