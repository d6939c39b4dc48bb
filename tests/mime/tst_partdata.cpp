// SPDX-License-Identifier: GPL-3.0-or-later
// What the message view reads beyond the reader's MessageView: format=flowed
// text (RFC 3676), the bytes of embedded cid: parts (bounded), and any
// attachment by the reader's own index.
#include "mime/flowed.h"
#include "mime/messageview.h"
#include "mime/partdata.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

// multipart/mixed( alternative(plain flowed, related(html, image cid:logo)), pdf, text note )
QByteArray richMessage(const QByteArray &image)
{
    return "From: a@example.org\r\nSubject: rich\r\nMIME-Version: 1.0\r\n"
           "Content-Type: multipart/mixed; boundary=m\r\n\r\n"
           "--m\r\nContent-Type: multipart/alternative; boundary=a\r\n\r\n"
           "--a\r\nContent-Type: text/plain; charset=utf-8; format=flowed; delsp=yes\r\n\r\n"
           "soft \r\nbreak\r\n"
           "--a\r\nContent-Type: multipart/related; boundary=r\r\n\r\n"
           "--r\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
           "<p><img src=\"cid:logo@example.org\"></p>\r\n"
           "--r\r\nContent-Type: image/png\r\nContent-ID: <logo@example.org>\r\n"
           "Content-Transfer-Encoding: base64\r\n\r\n" +
           image.toBase64() +
           "\r\n--r--\r\n--a--\r\n"
           "--m\r\nContent-Type: application/pdf; name=\"report.pdf\"\r\n"
           "Content-Disposition: attachment; filename=\"report.pdf\"\r\n"
           "Content-Transfer-Encoding: base64\r\n\r\n" +
           QByteArray("%PDF-1.4 fake").toBase64() +
           "\r\n--m\r\nContent-Type: text/plain; name=\"note.txt\"\r\n"
           "Content-Disposition: attachment; filename=\"note.txt\"\r\n\r\n"
           "a note\r\n--m--\r\n";
}

} // namespace

class TestPartData : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase() { Mime::initialize(); }

    void unflow_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<bool>("delSp");
        QTest::addColumn<QString>("expected");
        QTest::newRow("soft breaks joined")
            << u"one \ntwo \nthree\nnext"_s << false << u"one two three\nnext"_s;
        QTest::newRow("delsp removes the space") << u"Hel \nlo"_s << true << u"Hello"_s;
        QTest::newRow("hard break kept") << u"one\ntwo"_s << false << u"one\ntwo"_s;
        QTest::newRow("space-stuffing removed")
            << u" From here\n >not a quote"_s << false << u"From here\n>not a quote"_s;
        QTest::newRow("quotes joined per depth")
            << u"> a \n> b\n>> c \n>> d"_s << false << u"> a b\n>> c d"_s;
        QTest::newRow("quote depth change ends the paragraph")
            << u"> quoted \nnot quoted"_s << false << u"> quoted \nnot quoted"_s;
        QTest::newRow("signature separator is not soft")
            << u"text\n-- \nsig"_s << false << u"text\n-- \nsig"_s;
        QTest::newRow("CRLF") << u"one \r\ntwo\r\n"_s << false << u"one two\n"_s;
    }
    void unflow()
    {
        QFETCH(QString, input);
        QFETCH(bool, delSp);
        QFETCH(QString, expected);
        QCOMPARE(Mime::unflowText(input, delSp), expected);
    }

    void flowedParametersAndInlineParts()
    {
        const QByteArray png = QByteArray::fromHex("89504e470d0a1a0a") + QByteArray(300, 'x');
        const QString path = m_dir.filePath(u"rich.eml"_s);
        QVERIFY(writeFile(path, richMessage(png)));
        const Mime::DisplayParts parts = Mime::readDisplayParts(path);
        QVERIFY2(parts.error.isEmpty(), qPrintable(parts.error));
        QVERIFY(parts.flowed);
        QVERIFY(parts.delSp);
        QCOMPARE(parts.inlineParts.size(), 1);
        QCOMPARE(parts.inlineParts[0].contentId, u"logo@example.org"_s);
        QCOMPARE(parts.inlineParts[0].contentType, u"image/png"_s);
        QCOMPARE(parts.inlineParts[0].data, png);
    }

    void notFlowedWhenTheParameterIsAbsent()
    {
        const QString path = m_dir.filePath(u"plain.eml"_s);
        QVERIFY(
            writeFile(path, "From: a@example.org\r\nContent-Type: text/plain\r\n\r\nbody \r\n"));
        const Mime::DisplayParts parts = Mime::readDisplayParts(path);
        QVERIFY(!parts.flowed);
        QVERIFY(parts.inlineParts.isEmpty());
    }

    void oversizedInlinePartLeftOut()
    {
        const QByteArray big(Mime::PartLimits::kMaxInlinePartBytes + 1, 'z');
        const QString path = m_dir.filePath(u"big.eml"_s);
        QVERIFY(writeFile(path, richMessage(big)));
        const Mime::DisplayParts parts = Mime::readDisplayParts(path);
        QVERIFY(parts.inlineParts.isEmpty());
        QCOMPARE(parts.warnings.size(), 1);
    }

    // Index i of writeViewAttachment is entry i of readMessage's attachments.
    void attachmentsByTheReadersIndex()
    {
        const QByteArray png = QByteArray::fromHex("89504e470d0a1a0a") + QByteArray(50, 'y');
        const QString path = m_dir.filePath(u"rich2.eml"_s);
        QVERIFY(writeFile(path, richMessage(png)));
        const Mime::ReadResult read = Mime::readMessage(path);
        QVERIFY(read.view);
        const auto &list = read.view->attachments;
        QCOMPARE(list.size(), 3);
        for (int i = 0; i < list.size(); ++i) {
            QBuffer out;
            out.open(QIODevice::WriteOnly);
            QString error;
            QVERIFY2(Mime::writeViewAttachment(path, i, out, &error), qPrintable(error));
            QCOMPARE(out.data().size(), list[i].size);
        }
        QBuffer pdf;
        pdf.open(QIODevice::WriteOnly);
        QString error;
        QVERIFY(Mime::writeViewAttachment(path, 1, pdf, &error));
        QCOMPARE(pdf.data(), QByteArray("%PDF-1.4 fake"));
        QBuffer none;
        none.open(QIODevice::WriteOnly);
        QVERIFY(!Mime::writeViewAttachment(path, 3, none, &error));
    }

    void saveNeverOverwritesAndStaysInside()
    {
        const QString path = m_dir.filePath(u"rich3.eml"_s);
        QVERIFY(writeFile(path, richMessage("png")));
        const QString out = m_dir.filePath(u"out"_s);
        QVERIFY(QDir().mkpath(out));
        QVERIFY(writeFile(out + u"/evil.sh"_s, "mine"));
        QString error;
        const QString saved = Mime::saveViewAttachment(path, 1, out, u"../../evil.sh"_s, &error);
        QCOMPARE(saved, out + u"/evil (2).sh"_s);
        QFile mine(out + u"/evil.sh"_s);
        QVERIFY(mine.open(QIODevice::ReadOnly));
        QCOMPARE(mine.readAll(), QByteArray("mine"));
    }
};

QTEST_GUILESS_MAIN(TestPartData)
#include "tst_partdata.moc"
