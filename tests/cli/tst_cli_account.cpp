// SPDX-License-Identifier: GPL-3.0-or-later
// The executables as users run them: exit codes, output, and the profile they write.
#include "client/settingsstore.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

struct Result
{
    int exitCode = -1;
    QString out;
    QString err;
};

Result run(const QString &program, const QStringList &arguments)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"DISPLAY"_s); // --help and --version must work on a headless machine
    env.remove(u"WAYLAND_DISPLAY"_s);
    env.remove(u"QT_QPA_PLATFORM"_s);
    process.setProcessEnvironment(env);
    process.start(program, arguments);
    if (!process.waitForFinished(30000))
        return {};
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

const QString cli = QStringLiteral(TIDINGS_CLI);

} // namespace

// What a new account does unless told otherwise: leave mail on the server, delete nothing.
const QString DEFAULT_POLICY = u"name=\nlogin=auto\nleave-on-server=yes\ndelete-after-days=never\ndelete-when-deleted-here=no\nsize-limit-kb=none\n"_s;

class TestCliAccount : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void setThenShow()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        Result r = run(cli, {u"account"_s, u"set"_s, u"--profile"_s, dir.path(), u"--host"_s,
                             u"127.0.0.1"_s, u"--security"_s, u"starttls"_s, u"--user"_s, u"demo"_s});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, u"host=127.0.0.1\nport=110\nsecurity=starttls\nuser=demo\n%1"_s.arg(DEFAULT_POLICY));

        r = run(cli, {u"account"_s, u"set"_s, u"--profile"_s, dir.path(), u"--port"_s, u"10110"_s});
        QCOMPARE(r.exitCode, 0);
        r = run(cli, {u"account"_s, u"show"_s, u"--profile"_s, dir.path()});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, u"host=127.0.0.1\nport=10110\nsecurity=starttls\nuser=demo\n%1"_s.arg(DEFAULT_POLICY));

        // The GUI reads exactly what the CLI wrote.
        Client::SettingsStore store(Common::Profile::at(dir.path()));
        QCOMPARE(store.account().port, quint16(10110));
        QCOMPARE(store.account().user, u"demo"_s);
    }

    void severalAccountsWithPolicies()
    {
        QTemporaryDir dir;
        const QStringList profile{u"--profile"_s, dir.path()};
        Result r = run(cli, QStringList{u"account"_s, u"add"_s} + profile
                                + QStringList{u"--host"_s, u"pop.work.example"_s, u"--user"_s, u"alice"_s, u"--name"_s,
                                              u"Work"_s, u"--login"_s, u"apop"_s, u"--delete-after-days"_s, u"30"_s,
                                              u"--delete-when-deleted-here"_s, u"yes"_s, u"--size-limit-kb"_s, u"512"_s});
        QCOMPARE(r.exitCode, 0);
        r = run(cli, QStringList{u"account"_s, u"add"_s} + profile
                         + QStringList{u"--host"_s, u"pop.home.example"_s, u"--security"_s, u"starttls"_s, u"--user"_s,
                                       u"bob"_s, u"--leave-on-server"_s, u"no"_s});
        QCOMPARE(r.exitCode, 0);
        r = run(cli, QStringList{u"account"_s, u"list"_s} + profile);
        QCOMPARE(r.out, u"1\tWork\talice@pop.work.example:995\ttls\n2\tbob\tbob@pop.home.example:110\tstarttls\n"_s);
        r = run(cli, QStringList{u"account"_s, u"show"_s, u"--index"_s, u"1"_s} + profile);
        QVERIFY2(r.out.contains(u"login=apop\nleave-on-server=yes\ndelete-after-days=30\n"
                                "delete-when-deleted-here=yes\nsize-limit-kb=512\n"_s), qPrintable(r.out));
        Client::SettingsStore store(Common::Profile::at(dir.path()));
        QCOMPARE(store.accounts().size(), 2);
        QVERIFY(!store.accounts().at(1).leaveOnServer);
        r = run(cli, QStringList{u"account"_s, u"remove"_s, u"--index"_s, u"1"_s} + profile);
        QCOMPARE(r.exitCode, 0);
        r = run(cli, QStringList{u"account"_s, u"list"_s} + profile);
        QCOMPARE(r.out, u"1\tbob\tbob@pop.home.example:110\tstarttls\n"_s);
        r = run(cli, QStringList{u"account"_s, u"show"_s, u"--index"_s, u"5"_s} + profile);
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(u"no account 5"_s));
        r = run(cli, QStringList{u"account"_s, u"set"_s, u"--delete-after-days"_s, u"soon"_s} + profile);
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(u"never"_s));
    }

    void badInputIsRefusedWithAReason_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("security") << QStringList{u"set"_s, u"--security"_s, u"ssl"_s}
                                  << u"unknown security \"ssl\""_s;
        QTest::newRow("port-zero") << QStringList{u"set"_s, u"--port"_s, u"0"_s}
                                   << u"port must be a number from 1 to 65535"_s;
        QTest::newRow("port-text") << QStringList{u"set"_s, u"--port"_s, u"pop"_s}
                                   << u"port must be a number from 1 to 65535"_s;
        QTest::newRow("action") << QStringList{u"delete"_s} << u"unknown action \"delete\""_s;
        QTest::newRow("no-action") << QStringList{} << u"expected exactly one action"_s;
        QTest::newRow("option") << QStringList{u"show"_s, u"--bogus"_s} << u"bogus"_s;
    }
    void badInputIsRefusedWithAReason()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const Result r = run(cli, QStringList{u"account"_s, u"--profile"_s, dir.path()} + arguments);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
        // Nothing half-written.
        QVERIFY(!Client::SettingsStore(Common::Profile::at(dir.path())).account().isConfigured());
    }

    void unknownCommandAndUsage()
    {
        Result r = run(cli, {u"frobnicate"_s});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(u"unknown command \"frobnicate\""_s));
        r = run(cli, {});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(u"Usage: tidings-cli"_s));
    }

    void versionAndHelpWorkWithoutADisplay_data()
    {
        QTest::addColumn<QString>("program");
        QTest::addColumn<QString>("name");
        QTest::newRow("tidings") << QStringLiteral(TIDINGS_APP) << u"tidings"_s;
        QTest::newRow("tidings-cli") << cli << u"tidings-cli"_s;
        QTest::newRow("tidings-authd") << QStringLiteral(TIDINGS_AUTHD) << u"tidings-authd"_s;
    }
    void versionAndHelpWorkWithoutADisplay()
    {
        QFETCH(QString, program);
        QFETCH(QString, name);
        Result r = run(program, {u"--version"_s});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.startsWith(name + u' ', Qt::CaseInsensitive), qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral(TIDINGS_VERSION)));
        r = run(program, {u"--help"_s});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(u"Usage:"_s), qPrintable(r.out));
    }

    void appHelpListsProfileOption()
    {
        const Result r = run(QStringLiteral(TIDINGS_APP), {u"--help"_s});
        QVERIFY(r.out.contains(u"--profile"_s));
    }
};

QTEST_GUILESS_MAIN(TestCliAccount)
#include "tst_cli_account.moc"
