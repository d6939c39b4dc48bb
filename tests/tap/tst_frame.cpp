// SPDX-License-Identifier: GPL-3.0-or-later
// TAP/1 framing: reassembly by length alone, and every kind of bad frame.
#include "core/tap/frame.h"

#include <QTest>
#include <QtEndian>

using namespace Qt::StringLiterals;

namespace {
QByteArray rawFrame(const QByteArray &body, quint32 length)
{
    QByteArray header(4, Qt::Uninitialized);
    qToBigEndian(length, header.data());
    return header + body;
}
} // namespace

class TestFrame : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void splitAndCoalescedFramesReassemble()
    {
        const QByteArray a = Tap::encodeFrame({{u"type"_s, u"ping"_s}});
        const QByteArray b = Tap::encodeFrame({{u"type"_s, u"whoami"_s}, {u"x"_s, u"李"_s}});
        const QByteArray stream = a + b + a;
        // Byte by byte, then all at once: the same three messages.
        for (const int chunk : {1, 3, int(stream.size())}) {
            Tap::FrameDecoder decoder;
            QStringList types;
            QString error;
            for (qsizetype i = 0; i < stream.size(); i += chunk) {
                decoder.feed(stream.mid(i, chunk));
                QJsonObject message;
                while (decoder.next(&message, &error) == Tap::FrameDecoder::Status::Frame)
                    types << message.value(u"type"_s).toString();
            }
            QCOMPARE(types, (QStringList{u"ping"_s, u"whoami"_s, u"ping"_s}));
        }
    }

    void badFrames_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("error");
        QTest::newRow("zero length") << rawFrame({}, 0) << u"outside"_s;
        QTest::newRow("too long") << rawFrame({}, 65537) << u"outside"_s;
        QTest::newRow("huge") << rawFrame({}, 0xffffffff) << u"outside"_s;
        QTest::newRow("not UTF-8") << rawFrame("{\"type\":\"\xff\"}", 12) << u"UTF-8"_s;
        QTest::newRow("not JSON") << rawFrame("hello", 5) << u"not JSON"_s;
        QTest::newRow("array") << rawFrame("[1]", 3) << u"not a JSON object"_s;
        QTest::newRow("no type") << rawFrame("{\"a\":1}", 7) << u"type"_s;
        QTest::newRow("type not string") << rawFrame("{\"type\":1}", 10) << u"type"_s;
    }
    void badFrames()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, error);
        Tap::FrameDecoder decoder;
        decoder.feed(bytes);
        QJsonObject message;
        QString why;
        QCOMPARE(decoder.next(&message, &why), Tap::FrameDecoder::Status::Error);
        QVERIFY2(why.contains(error), qPrintable(why));
        // Stays failed: nothing after a bad frame is trusted.
        decoder.feed(Tap::encodeFrame({{u"type"_s, u"ping"_s}}));
        QCOMPARE(decoder.next(&message, &why), Tap::FrameDecoder::Status::Error);
    }

    void maximumFrameIsAccepted()
    {
        QByteArray body = "{\"type\":\"ping\",\"pad\":\"" + QByteArray(65536 - 24, 'x') + "\"}";
        QCOMPARE(body.size(), 65536);
        Tap::FrameDecoder decoder;
        decoder.feed(rawFrame(body, quint32(body.size())));
        QJsonObject message;
        QString error;
        QCOMPARE(decoder.next(&message, &error), Tap::FrameDecoder::Status::Frame);
        QCOMPARE(decoder.room(), qint64(65540));
    }
};

QTEST_GUILESS_MAIN(TestFrame)
#include "tst_frame.moc"
