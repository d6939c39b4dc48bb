// SPDX-License-Identifier: GPL-3.0-or-later
// The PROXY v2 header parser: addresses out of well-formed headers, NeedMore on
// every incomplete prefix, and a refusal (with a reason) for each malformed one.
#include "proxyheader.h"

#include <QTest>

using namespace Qt::StringLiterals;
namespace ProxyV2 = Authd::ProxyV2;
using ProxyV2::Status;

Q_DECLARE_METATYPE(Authd::ProxyV2::Status)

namespace {

const QByteArray signature("\r\n\r\n\0\r\nQUIT\n", 12);

QByteArray bigEndian16(quint16 v)
{
    return QByteArray(1, char(v >> 8)) + char(v & 0xff);
}

// A v2 header built field by field (the layout of proxy-protocol.txt 2.2).
QByteArray header(quint8 versionCommand, quint8 familyTransport, const QByteArray &payload)
{
    return signature + char(versionCommand) + char(familyTransport) +
           bigEndian16(quint16(payload.size())) + payload;
}

QByteArray ipv4Block(const char src[4], quint16 srcPort)
{
    return QByteArray(src, 4) + QByteArray("\x0a\x00\x00\x01", 4) + bigEndian16(srcPort) +
           bigEndian16(4190);
}

QByteArray ipv6Block(const QHostAddress &src, quint16 srcPort)
{
    const Q_IPV6ADDR a = src.toIPv6Address();
    return QByteArray(reinterpret_cast<const char *>(a.c), 16) + QByteArray(15, '\0') + '\1' +
           bigEndian16(srcPort) + bigEndian16(4190);
}

QByteArray tlv(quint8 type, const QByteArray &value)
{
    return char(type) + bigEndian16(quint16(value.size())) + value;
}

// Everything goes through a QByteArray: concatenations are QStringBuilder expressions.
ProxyV2::Result parsed(const QByteArray &received)
{
    return ProxyV2::parse(received);
}

const QByteArray tapFrame("\0\0\0\x20{\"type\":\"auth-start\"}", 26);

} // namespace

class TestProxyHeader : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void ipv4SourceAndPort()
    {
        const QByteArray h = header(0x21, 0x11, ipv4Block("\xc0\x00\x02\x07", 54321));
        const auto r = parsed(h + tapFrame); // the client's bytes may follow at once
        QCOMPARE(r.status, Status::Done);
        QCOMPARE(r.consumed, 16 + 12);
        QVERIFY(!r.local);
        QCOMPARE(r.source, QHostAddress(u"192.0.2.7"_s));
        QCOMPARE(r.sourcePort, 54321);
        QVERIFY(r.error.isEmpty());
    }

    void ipv6SourceAndPort()
    {
        const QHostAddress src(u"2001:db8::42:1"_s);
        const auto r = parsed(header(0x21, 0x21, ipv6Block(src, 443)));
        QCOMPARE(r.status, Status::Done);
        QCOMPARE(r.consumed, 16 + 36);
        QVERIFY(!r.local);
        QCOMPARE(r.source, src);
        QCOMPARE(r.sourcePort, 443);
    }

    void localCommandKeepsTheConnectionAddress()
    {
        auto r = parsed(header(0x20, 0x00, {}));
        QCOMPARE(r.status, Status::Done);
        QCOMPARE(r.consumed, 16);
        QVERIFY(r.local);
        QVERIFY(r.source.isNull());
        // LOCAL with an address block anyway: skipped by its length, never read.
        r = parsed(header(0x20, 0x11, ipv4Block("\x01\x02\x03\x04", 1)) + tapFrame);
        QCOMPARE(r.status, Status::Done);
        QCOMPARE(r.consumed, 16 + 12);
        QVERIFY(r.local);
        QVERIFY(r.source.isNull());
        // ...even one far too short for its family or of an unknown family.
        r = parsed(header(0x20, 0xff, "ab"));
        QCOMPARE(r.status, Status::Done);
        QVERIFY(r.local);
    }

    void familiesWithoutATcpAddressFallBackToLocal_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("AF_UNSPEC") << header(0x21, 0x00, {});
        QTest::newRow("AF_UNIX stream") << header(0x21, 0x31, QByteArray(216, 'u'));
        QTest::newRow("UDP over IPv4") << header(0x21, 0x12, ipv4Block("\x01\x02\x03\x04", 53));
        QTest::newRow("UDP over IPv6")
            << header(0x21, 0x22, ipv6Block(QHostAddress(u"2001:db8::1"_s), 53));
    }
    void familiesWithoutATcpAddressFallBackToLocal()
    {
        QFETCH(QByteArray, bytes);
        const auto r = parsed(bytes);
        QCOMPARE(r.status, Status::Done);
        QCOMPARE(r.consumed, bytes.size());
        QVERIFY(r.local);
        QVERIFY(r.source.isNull());
    }

    void tlvsAreSkipped()
    {
        const QByteArray tlvs = tlv(0x04, "pad") + tlv(0x05, "conn-1234") + tlv(0x03, "\0\0\0\0");
        const QByteArray h = header(0x21, 0x11, ipv4Block("\x0a\x01\x02\x03", 40000) + tlvs);
        const auto r = parsed(h + tapFrame);
        QCOMPARE(r.status, Status::Done);
        QCOMPARE(r.consumed, h.size());
        QCOMPARE(r.source, QHostAddress(u"10.1.2.3"_s));
        QCOMPARE(r.sourcePort, 40000);
    }

    void largestAllowedLength()
    {
        const QByteArray payload =
            ipv4Block("\x0a\x01\x02\x03", 1) + tlv(0x04, QByteArray(1009, 'p'));
        QCOMPARE(payload.size(), ProxyV2::maxPayloadSize);
        const auto r = parsed(header(0x21, 0x11, payload));
        QCOMPARE(r.status, Status::Done);
        QCOMPARE(r.consumed, 16 + 1024);
    }

    void byteByByteNeedsMoreUntilComplete_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("ipv4 + TLV")
            << header(0x21, 0x11, ipv4Block("\xc0\x00\x02\x07", 1) + tlv(0x05, "id"));
        QTest::newRow("ipv6") << header(0x21, 0x21, ipv6Block(QHostAddress(u"::1"_s), 2));
        QTest::newRow("local") << header(0x20, 0x00, {});
    }
    void byteByByteNeedsMoreUntilComplete()
    {
        QFETCH(QByteArray, bytes);
        for (qsizetype n = 0; n < bytes.size(); ++n) {
            const auto r = ProxyV2::parse(QByteArrayView(bytes).first(n));
            QVERIFY2(r.status == Status::NeedMore, qPrintable(u"after %1 bytes"_s.arg(n)));
            QCOMPARE(r.consumed, 0);
        }
        const auto r = parsed(bytes);
        QCOMPARE(r.status, Status::Done);
        QCOMPARE(r.consumed, bytes.size());
    }

    void malformedHeadersAreRefused_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("reason");
        const QByteArray v4 = ipv4Block("\x01\x02\x03\x04", 1);
        const QByteArray v6 = ipv6Block(QHostAddress(u"2001:db8::1"_s), 1);
        QTest::newRow("version 1") << header(0x11, 0x11, v4) << u"version 1"_s;
        QTest::newRow("version 3") << header(0x31, 0x11, v4) << u"version 3"_s;
        QTest::newRow("version 0") << header(0x01, 0x11, v4) << u"version 0"_s;
        QTest::newRow("command 2") << header(0x22, 0x11, v4) << u"command 2"_s;
        QTest::newRow("command 15") << header(0x2f, 0x11, v4) << u"command 15"_s;
        QTest::newRow("length 1025")
            << header(0x21, 0x11, v4 + tlv(0x04, QByteArray(1010, 'p'))) << u"length 1025"_s;
        QTest::newRow("length 65535")
            << header(0x21, 0x11, QByteArray(65535, 'x')) << u"length 65535"_s;
        QTest::newRow("ipv4 block of 11") << header(0x21, 0x11, v4.first(11)) << u"needs 12"_s;
        QTest::newRow("ipv4 block of 0") << header(0x21, 0x11, {}) << u"needs 12"_s;
        QTest::newRow("ipv6 block of 35") << header(0x21, 0x21, v6.first(35)) << u"needs 36"_s;
        QTest::newRow("ipv6 block of ipv4 size") << header(0x21, 0x21, v4) << u"needs 36"_s;
        QTest::newRow("unix block of 215")
            << header(0x21, 0x31, QByteArray(215, 'u')) << u"needs 216"_s;
        QTest::newRow("family 4") << header(0x21, 0x41, v4) << u"family/transport 0x41"_s;
        QTest::newRow("transport 3") << header(0x21, 0x13, v4) << u"family/transport 0x13"_s;
    }
    void malformedHeadersAreRefused()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, reason);
        const auto r = parsed(bytes + tapFrame);
        QCOMPARE(r.status, Status::Error);
        QVERIFY2(r.error.contains(reason), qPrintable(r.error));
        QCOMPARE(r.consumed, 0);
        QVERIFY(r.source.isNull());
    }

    void badVersionIsRefusedWithoutWaiting()
    {
        // 13 bytes already say "not version 2": no reason to wait for the rest.
        QCOMPARE(parsed(signature + '\x11').status, Status::Error);
        QCOMPARE(parsed(signature + '\x25').status, Status::Error);
        QCOMPARE(parsed(signature + '\x21').status, Status::NeedMore);
        // A length over the limit is refused before its bytes arrive.
        QCOMPARE(parsed(signature + "\x21\x11\x04\x01").status, Status::Error);
    }

    void otherTrafficIsNotProxy_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("TAP frame start") << QByteArray("\0\0\0\x20{", 5);
        QTest::newRow("one zero byte") << QByteArray(1, '\0');
        QTest::newRow("whole TAP frame") << tapFrame;
        QTest::newRow("TLS ClientHello") << QByteArray("\x16\x03\x01\x02\x00", 5);
        QTest::newRow("PROXY v1 text") << QByteArray("PROXY TCP4 1.2.3.4 5.6.7.8 1 2\r\n");
        QTest::newRow("HTTP") << QByteArray("GET / HTTP/1.0\r\n\r\n");
        QTest::newRow("CRLFCRLF then text") << QByteArray("\r\n\r\nX");
        QTest::newRow("last signature byte differs") << QByteArray("\r\n\r\n\0\r\nQUIT\r", 12);
    }
    void otherTrafficIsNotProxy()
    {
        QFETCH(QByteArray, bytes);
        const auto r = parsed(bytes);
        QCOMPARE(r.status, Status::NotProxy);
        QCOMPARE(r.consumed, 0);
    }

    void signaturePrefixesNeedMore()
    {
        for (qsizetype n = 0; n <= signature.size(); ++n)
            QCOMPARE(ProxyV2::parse(QByteArrayView(signature).first(n)).status, Status::NeedMore);
    }
};

QTEST_GUILESS_MAIN(TestProxyHeader)
#include "tst_proxyheader.moc"
