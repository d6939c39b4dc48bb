// SPDX-License-Identifier: GPL-3.0-or-later
// tidings-authd's settings file (serve --config): what an administrator's editor may write.
#include "configfile.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using Authd::ConfigFile;

namespace {
const QStringList known = {u"listen"_s, u"database"_s, u"trusted-proxy"_s, u"issuer"_s};

QStringList parsed(const QByteArray &text, QString *error = nullptr)
{
    QStringList arguments;
    QString why;
    if (!ConfigFile::parse(text, u"f.conf"_s, known, &arguments, &why)) {
        if (error)
            *error = why;
        return {u"<refused>"_s};
    }
    return arguments;
}
} // namespace

class TestConfigFile : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void linesBecomeArgumentsInOrder()
    {
        QCOMPARE(parsed("# a comment\n\n  listen =  127.0.0.1:7788  \ntrusted-proxy=10.0.0.1\n"
                        "trusted-proxy = 10.0.0.2\n"),
                 (QStringList{u"--listen"_s, u"127.0.0.1:7788"_s, u"--trusted-proxy"_s,
                              u"10.0.0.1"_s, u"--trusted-proxy"_s, u"10.0.0.2"_s}));
    }
    void windowsEditorsAreFine()
    {
        QCOMPARE(parsed("\xEF\xBB\xBFlisten = 0.0.0.0:7788\r\nissuer = me\r\n"),
                 (QStringList{u"--listen"_s, u"0.0.0.0:7788"_s, u"--issuer"_s, u"me"_s}));
    }
    void valuesMayHoldEqualsSignsAndCommentsMayFollowThem()
    {
        QCOMPARE(parsed("database = postgresql://u@h:5432/db?sslmode=require   # shared\n"),
                 (QStringList{u"--database"_s, u"postgresql://u@h:5432/db?sslmode=require"_s}));
        QCOMPARE(parsed("issuer = https://auth.example/#frag\n"),
                 (QStringList{u"--issuer"_s, u"https://auth.example/#frag"_s}));
    }
    void badLinesAreRefusedWithTheirNumber_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("unknown") << QByteArray("listen = x:1\nlisten-address = y\n")
                                 << u"f.conf:2: unknown setting 'listen-address'"_s;
        QTest::newRow("no equals") << QByteArray("listen\n") << u"f.conf:1: expected 'name = value'"_s;
        QTest::newRow("empty value") << QByteArray("\n\nissuer =   # none\n")
                                     << u"f.conf:3: 'issuer' has no value"_s;
        QTest::newRow("config in config") << QByteArray("config = /etc/x\n")
                                          << u"f.conf:1: a settings file cannot name another"_s;
    }
    void badLinesAreRefusedWithTheirNumber()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, expected);
        QString error;
        QCOMPARE(parsed(text, &error), QStringList{u"<refused>"_s});
        QVERIFY2(error.startsWith(expected), qPrintable(error));
    }
    void filesThatAreNotSettingsAreRefused()
    {
        QTemporaryDir dir;
        QStringList arguments;
        QString error;
        QVERIFY(!ConfigFile::toArguments(dir.filePath(u"missing.conf"_s), known, &arguments, &error));
        QVERIFY2(error.contains(u"missing.conf"_s), qPrintable(error));
        QFile huge(dir.filePath(u"huge.conf"_s));
        QVERIFY(huge.open(QIODevice::WriteOnly));
        huge.write(QByteArray((1 << 20) + 1, '#'));
        huge.close();
        QVERIFY(!ConfigFile::toArguments(huge.fileName(), known, &arguments, &error));
        QVERIFY2(error.contains(u"not a settings file"_s), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestConfigFile)
#include "tst_configfile.moc"
