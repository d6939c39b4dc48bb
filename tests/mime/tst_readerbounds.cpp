// SPDX-License-Identifier: GPL-3.0-or-later
// Hostile structure is refused before vmime parses it (issue 10, item 1): a
// folded Content-Type nested 20,000 deep and 1,000,000 empty parts each ran
// past 30 s; the limits hold whether headers are folded, boundaries guessed
// or padded, at the top or inside parts, on the file and the memory path.
#include "mime/limits.h"
#include "mime/messageview.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using Mime::ReadError;
namespace Limits = Mime::Limits;

namespace {

constexpr qint64 kAnswerWithinMs = 1000;

const QByteArray kHead = "From: a@example.org\r\nSubject: hostile\r\nMIME-Version: 1.0\r\n";

// `depth` multiparts, each declared in a folded Content-Type of its parent's first part.
QByteArray foldedNesting(int depth,
                         const QByteArray &leaf = "Content-Type: text/plain\r\n\r\ndeep text\r\n")
{
    QByteArray out = kHead;
    out.reserve(depth * 64 + 256);
    for (int i = 0; i < depth; ++i)
        out += "Content-Type:\r\n multipart/mixed;\r\n\tboundary=\"b" + QByteArray::number(i) +
               "\"\r\n\r\n--b" + QByteArray::number(i) + "\r\n";
    return out + leaf;
}

QByteArray emptyParts(int parts)
{
    QByteArray out = kHead + "Content-Type: multipart/mixed; boundary=b\r\n\r\n";
    out.reserve(out.size() + parts * 7 + 8);
    for (int i = 0; i < parts; ++i)
        out += "--b\r\n\r\n";
    return out + "--b--\r\n";
}

} // namespace

class TestReaderBounds : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    // Reads `data` from memory and from a file; both must agree and answer in time.
    Mime::ReadResult read(const QByteArray &data)
    {
        const QString path = m_dir.filePath(u"message.eml"_s);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
            file.write(data) != data.size())
            qFatal("cannot write %s", qPrintable(path));
        file.close();
        QElapsedTimer timer;
        timer.start();
        const Mime::ReadResult fromMemory = Mime::readMessageData(data);
        const Mime::ReadResult fromFile = Mime::readMessage(path);
        const qint64 elapsed = timer.elapsed();
        if (elapsed > 2 * kAnswerWithinMs)
            qWarning("both reads took %lld ms", elapsed);
        [&] {
            QVERIFY2(elapsed < 2 * kAnswerWithinMs, qPrintable(u"%1 ms"_s.arg(elapsed)));
            QCOMPARE(fromFile.kind, fromMemory.kind);
            QCOMPARE(fromFile.error, fromMemory.error);
        }();
        return fromFile;
    }

private Q_SLOTS:
    void initTestCase()
    {
        Mime::initialize();
        QVERIFY(m_dir.isValid());
    }

    void foldedNestingIsRefused()
    {
        const QByteArray message = foldedNesting(20000);
        QVERIFY(message.size() > 1000000);
        const Mime::ReadResult r = read(message);
        QVERIFY(!r.view);
        QCOMPARE(r.kind, ReadError::TooDeep);
        QCOMPARE(r.error,
                 u"the message is nested deeper than %1 multipart levels"_s.arg(Limits::kMaxDepth));
    }

    void nestingUpToTheLimitIsRead()
    {
        const Mime::ReadResult r = read(foldedNesting(Limits::kMaxDepth));
        QVERIFY2(r.view, qPrintable(r.error));
        QCOMPARE(r.view->text.value_or(QString()).trimmed(), u"deep text"_s);
        QCOMPARE(read(foldedNesting(Limits::kMaxDepth + 1)).kind, ReadError::TooDeep);
    }

    void aMillionEmptyPartsAreRefused()
    {
        const QByteArray message = emptyParts(1000000);
        QCOMPARE(message.size(), 7000000 + kHead.size() + 52);
        const Mime::ReadResult r = read(message);
        QVERIFY(!r.view);
        QCOMPARE(r.kind, ReadError::TooManyParts);
        QCOMPARE(r.error, u"the message has more than %1 parts"_s.arg(Limits::kMaxParts));
    }

    void partsUpToTheLimitAreRead()
    {
        const Mime::ReadResult r = read(emptyParts(Limits::kMaxParts));
        QVERIFY2(r.view, qPrintable(r.error));
        QCOMPARE(r.view->subject, u"hostile"_s);
        QCOMPARE(read(emptyParts(Limits::kMaxParts + 1)).kind, ReadError::TooManyParts);
    }

    // Every delimiter vmime would match counts, whether nested, padded or suffixed.
    void partsCountAcrossLevelsAndDelimiterForms()
    {
        const int perLevel = Limits::kMaxParts / 2 + 1;
        QByteArray message = kHead +
                             "Content-Type: multipart/mixed; boundary=outer\r\n\r\n--outer\r\n"
                             "Content-Type: multipart/alternative; boundary=\"inner\"\r\n\r\n";
        for (int i = 0; i < perLevel; ++i)
            message += "-- \tinner\r\n\r\n";
        message += "--inner--\r\n";
        for (int i = 0; i < perLevel; ++i)
            message += "--outer-x\r\n\r\n"; // vmime: a boundary followed by '-' still delimits
        const Mime::ReadResult r = read(message + "--outer--\r\n");
        QCOMPARE(r.kind, ReadError::TooManyParts);
    }

    // vmime guesses a missing boundary from the first "--" line: so does the count.
    void guessedBoundariesAreFollowed()
    {
        QByteArray message = kHead;
        for (int i = 0; i <= Limits::kMaxDepth; ++i)
            message += "Content-Type: multipart/mixed\r\n\r\n--g" + QByteArray::number(i) + "\r\n";
        const Mime::ReadResult r = read(message + "\r\nleaf\r\n");
        QCOMPARE(r.kind, ReadError::TooDeep);
    }

    // A boundary line of an outer level ends the inner ones (vmime cuts the outer part first).
    void outerDelimitersCloseInnerLevels()
    {
        QByteArray message = kHead + "Content-Type: multipart/mixed; boundary=o\r\n\r\n";
        for (int i = 0; i < Limits::kMaxDepth * 4; ++i)
            message += "--o\r\nContent-Type: multipart/mixed; boundary=i" + QByteArray::number(i) +
                       "\r\n\r\n--i" + QByteArray::number(i) + "\r\n\r\ntext\r\n";
        const Mime::ReadResult r = read(message + "--o--\r\n");
        QVERIFY2(r.view, qPrintable(r.error));
    }

    void bigContentDeepInsideIsRefused()
    {
        const QByteArray line = QByteArray(76, 'x') + "\r\n";
        const QByteArray payload =
            line.repeated(int(Limits::kMaxRescanBytes / 8 / line.size()) + 1);
        const Mime::ReadResult r =
            read(foldedNesting(9, "Content-Type: application/octet-stream\r\n\r\n" + payload));
        QCOMPARE(r.kind, ReadError::NestedTooLarge);
        QCOMPARE(r.error, u"the message nests more than %1 MB inside its multipart levels"_s.arg(
                              Limits::kMaxRescanBytes >> 20));
        // The same bytes one level down are read.
        QVERIFY(read(foldedNesting(1, "Content-Type: application/octet-stream\r\n\r\n" + payload))
                    .view);
    }

    void aPartsHugeHeaderIsRefused()
    {
        const QByteArray filler = "X-Filler: " + QByteArray(100, 'y') + "\r\n";
        const QByteArray message =
            kHead + "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n" +
            filler.repeated(int(Limits::kMaxHeaderBytes / filler.size()) + 1) +
            "\r\nbody\r\n--b--\r\n";
        const Mime::ReadResult r = read(message);
        QCOMPARE(r.kind, ReadError::HeaderTooLarge);
        QCOMPARE(r.error, u"a part's header is larger than 256 KB"_s);
    }

    void emptyIsRefused()
    {
        const Mime::ReadResult r = read({});
        QCOMPARE(r.kind, ReadError::Empty);
        QCOMPARE(r.error, u"the file is empty"_s);
    }
};

QTEST_GUILESS_MAIN(TestReaderBounds)
#include "tst_readerbounds.moc"
