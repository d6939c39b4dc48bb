// SPDX-License-Identifier: GPL-3.0-or-later
// The sync indexes messages from memory, the reader shows them from files:
// the same bytes must read the same way on both paths (found by fuzzing).
#include "mime/messageview.h"

#include <QDir>
#include <QFile>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;

class TestReaderParity : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { Mime::initialize(); }

    void fileAndMemoryAgree_data()
    {
        QTest::addColumn<QString>("path");
        for (const QString &dir : {QStringLiteral(TIDINGS_SOURCE_DIR "/tests/mime/fixtures"),
                                   QStringLiteral(TIDINGS_SOURCE_DIR "/scripts/demo-mail")})
            for (const QFileInfo &file : QDir(dir).entryInfoList(QDir::Files))
                QTest::newRow(qPrintable(file.fileName())) << file.absoluteFilePath();
    }

    void fileAndMemoryAgree()
    {
        QFETCH(QString, path);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        const Mime::ReadResult fromFile = Mime::readMessage(path);
        const Mime::ReadResult fromMemory = Mime::readMessageData(bytes);
        QCOMPARE(fromMemory.error.isEmpty(), fromFile.error.isEmpty());
        QCOMPARE(bool(fromMemory.view), bool(fromFile.view));
        if (!fromFile.view)
            return;
        const Mime::MessageView &a = *fromFile.view;
        const Mime::MessageView &b = *fromMemory.view;
        QCOMPARE(b.subject, a.subject);
        QCOMPARE(b.from.size(), a.from.size());
        for (qsizetype i = 0; i < a.from.size(); ++i)
            QCOMPARE(b.from[i].address, a.from[i].address);
        QCOMPARE(b.date, a.date);
        QCOMPARE(b.text, a.text);
        QCOMPARE(b.html, a.html);
        QCOMPARE(b.attachments.size(), a.attachments.size());
        // What the sync's index reads (no attachment decoded, text cut) still agrees.
        const Mime::ReadResult indexed = Mime::readMessageData(bytes, {16 * 1024, false});
        QVERIFY(indexed.view);
        QCOMPARE(indexed.view->subject, a.subject);
        QCOMPARE(indexed.view->attachments.size(), a.attachments.size());
    }

    void theDateIsTheDateFieldNotTheLastDelivery()
    {
        // As Dovecot stores a message: Received: lines on top. vmime's getDate() prefers them.
        const Mime::ReadResult r = Mime::readMessageData(
            "Received: from mx by pop; Mon, 30 Nov 2026 11:01:00 +0000\r\n"
            "Date: Thu, 05 Nov 2026 15:30:00 +0800\r\n"
            "From: a@example.org\r\nSubject: s\r\n\r\nbody\r\n");
        QVERIFY(r.view);
        QCOMPARE(r.view->date, QDateTime(QDate(2026, 11, 5), QTime(7, 30), Qt::UTC));
        QVERIFY(r.view->warnings.isEmpty());
        // No Date at all: no date (not the delivery's).
        const Mime::ReadResult none = Mime::readMessageData(
            "Received: from mx by pop; Mon, 30 Nov 2026 11:01:00 +0000\r\nFrom: a@example.org\r\n\r\nbody\r\n");
        QVERIFY(none.view);
        QVERIFY(!none.view->date.isValid());
    }

    void anUndecodablePartCostsThatPartOnly()
    {
        // Fuzzing found it: an unknown transfer encoding made the whole message unreadable.
        const Mime::ReadResult r = Mime::readMessageData(
            "From: a@example.org\r\nSubject: odd encoding\r\nMIME-Version: 1.0\r\n"
            "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n"
            "Content-Transfer-Encoding: x-no-such-encoding\r\n\r\nbody text\r\n--b\r\n"
            "Content-Type: application/octet-stream\r\nContent-Disposition: attachment; "
            "filename=a.bin\r\n"
            "Content-Transfer-Encoding: x-no-such-encoding\r\n\r\nabc\r\n--b--\r\n");
        QVERIFY2(r.view, qPrintable(r.error));
        QCOMPARE(r.view->subject, u"odd encoding"_s);
        QVERIFY(r.view->text.value_or(QString()).contains(u"body text"_s));
        QCOMPARE(r.view->attachments.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestReaderParity)
#include "tst_readerparity.moc"
