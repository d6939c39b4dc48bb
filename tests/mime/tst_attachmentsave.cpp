// SPDX-License-Identifier: GPL-3.0-or-later
// Saving an attachment (issue 10, item 11): the target is opened exclusively,
// so an existing file is never overwritten and a symbolic link planted at the
// name is never followed; a taken name falls back to "name (2).ext".
#include "mime/messageview.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QByteArray kContent = "the attachment's own bytes\n";

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<unreadable>");
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

} // namespace

class TestAttachmentSave : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_root;
    QString m_message; // one attachment, "report.txt"
    QString m_out;     // where it is saved
    QString m_outside; // where nothing may ever be written

    QString save(QString *error = nullptr)
    {
        QString why;
        const QString saved = Mime::extractAttachment(m_message, 0, m_out, &why);
        if (error)
            *error = why;
        return saved;
    }

private Q_SLOTS:
    void initTestCase()
    {
        Mime::initialize();
        m_message = m_root.filePath(u"message.eml"_s);
        QVERIFY(
            writeFile(m_message, "From: a@example.org\r\nSubject: report\r\nMIME-Version: 1.0\r\n"
                                 "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n"
                                 "Content-Type: text/plain\r\n\r\nsee attached\r\n--b\r\n"
                                 "Content-Type: text/plain; name=report.txt\r\n"
                                 "Content-Disposition: attachment; filename=report.txt\r\n"
                                 "Content-Transfer-Encoding: base64\r\n\r\n" +
                                     kContent.toBase64() + "\r\n--b--\r\n"));
    }

    void init()
    {
        m_out = m_root.filePath(u"out-%1"_s.arg(QLatin1String(QTest::currentTestFunction())));
        m_outside =
            m_root.filePath(u"outside-%1"_s.arg(QLatin1String(QTest::currentTestFunction())));
        QVERIFY(QDir().mkpath(m_out));
        QVERIFY(QDir().mkpath(m_outside));
    }

    void savesUnderItsName()
    {
        QString error;
        QCOMPARE(save(&error), QDir(m_out).filePath(u"report.txt"_s));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(readAll(QDir(m_out).filePath(u"report.txt"_s)), kContent);
    }

    // The race-free promise, as behaviour: what is at the name stays as it was.
    void anExistingFileIsLeftIntact()
    {
        const QString mine = QDir(m_out).filePath(u"report.txt"_s);
        QVERIFY(writeFile(mine, "mine, not the attachment"));
        QVERIFY(writeFile(QDir(m_out).filePath(u"report (2).txt"_s), "mine too"));
        QCOMPARE(save(), QDir(m_out).filePath(u"report (3).txt"_s));
        QCOMPARE(readAll(mine), QByteArray("mine, not the attachment"));
        QCOMPARE(readAll(QDir(m_out).filePath(u"report (2).txt"_s)), QByteArray("mine too"));
        QCOMPARE(readAll(QDir(m_out).filePath(u"report (3).txt"_s)), kContent);
    }

    // A link to an existing file elsewhere: that file is not written through it.
    void aSymlinkToAFileIsNotFollowed()
    {
        const QString victim = QDir(m_outside).filePath(u"victim"_s);
        QVERIFY(writeFile(victim, "precious"));
        const QString planted = QDir(m_out).filePath(u"report.txt"_s);
        QVERIFY(QFile::link(victim, planted));
        QCOMPARE(save(), QDir(m_out).filePath(u"report (2).txt"_s));
        QCOMPARE(readAll(victim), QByteArray("precious"));
        QCOMPARE(QFileInfo(planted).symLinkTarget(), victim);
    }

    // A dangling link: exists() says "free", and a plain open would create its target outside.
    void aDanglingSymlinkIsNotFollowed()
    {
        const QString target = QDir(m_outside).filePath(u"created-through-the-link"_s);
        const QString planted = QDir(m_out).filePath(u"report.txt"_s);
        QVERIFY(QFile::link(target, planted));
        const QString saved = save();
        QVERIFY2(!QFileInfo::exists(target), "written through the link, outside the folder");
        QVERIFY(QDir(m_outside).isEmpty());
        QCOMPARE(saved, QDir(m_out).filePath(u"report (2).txt"_s));
        QVERIFY(QFileInfo(planted).isSymLink());
    }

    void aMissingFolderIsAnErrorNotALoop()
    {
        m_out = m_root.filePath(u"no-such-folder"_s);
        QString error;
        QVERIFY(save(&error).isEmpty());
        QVERIFY2(error.contains(u"cannot create"_s), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestAttachmentSave)
#include "tst_attachmentsave.moc"
