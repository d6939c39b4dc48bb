// SPDX-License-Identifier: GPL-3.0-or-later
// The executables as users run them: exit codes, output, and the profile they write.
#include "client/settingsstore.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
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
    // No keyring here: `remove` must work (and say so) when the keyring cannot be reached.
    env.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, u"unix:path=/nonexistent/bus"_s);
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

// The lines of `account show` from "host=" to "user=" and the policy after them.
QString serverLines(const QString &out)
{
    const qsizetype from = out.indexOf(u"host="_s);
    const qsizetype to = out.indexOf(u"auth="_s);
    return from < 0 || to < 0 ? out : out.mid(from, to - from);
}

QJsonObject showJson(const QStringList &profile, const QStringList &which = {})
{
    const Result r = run(cli, QStringList{u"account"_s, u"show"_s, u"--json"_s} + which + profile);
    return QJsonDocument::fromJson(r.out.toUtf8()).object();
}

// What a new account does unless told otherwise: leave mail on the server, delete nothing.
const QString DEFAULT_POLICY =
    u"auth=auto\nallow-plain-password=no\nleave-on-server=yes\ndelete-after-days=never\n"
    "delete-when-deleted-here=no\nsize-limit-kb=none\ncheck-every=off\nca=\n"
    // No outgoing server until one is given; its user is the account's.
    "smtp-host=\nsmtp-port=465\nsmtp-security=tls\nsmtp-user=demo\nsmtp-separate-password=no\n"_s;

class TestCliAccount : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init() { QVERIFY(m_dir.emplace().isValid()); }

    void setThenShow()
    {
        Result r =
            run(cli, {u"account"_s, u"set"_s, u"--profile"_s, dir(), u"--host"_s, u"127.0.0.1"_s,
                      u"--security"_s, u"starttls"_s, u"--user"_s, u"demo"_s});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(serverLines(r.out), u"host=127.0.0.1\nport=110\nsecurity=starttls\nuser=demo\n"_s);
        QVERIFY2(r.out.endsWith(DEFAULT_POLICY), qPrintable(r.out));

        r = run(cli, {u"account"_s, u"set"_s, u"--profile"_s, dir(), u"--port"_s, u"10110"_s});
        QCOMPARE(r.exitCode, 0);
        r = run(cli, {u"account"_s, u"show"_s, u"--profile"_s, dir()});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(serverLines(r.out),
                 u"host=127.0.0.1\nport=10110\nsecurity=starttls\nuser=demo\n"_s);

        // The GUI reads exactly what the CLI wrote.
        Client::SettingsStore store(Common::Profile::at(dir()));
        QCOMPARE(store.account().port, quint16(10110));
        QCOMPARE(store.account().user, u"demo"_s);
        QVERIFY(r.out.startsWith(u"id="_s + store.account().id + u'\n'));
        QVERIFY(!store.account().canSend());
    }

    void theOutgoingServerIsPartOfTheAccount()
    {
        Result r = run(cli, {u"account"_s, u"add"_s, u"--profile"_s, dir(), u"--host"_s, u"pop.example.org"_s,
                             u"--user"_s, u"ann"_s, u"--email"_s, u"ann@example.org"_s, u"--smtp-host"_s,
                             u"smtp.example.org"_s, u"--smtp-security"_s, u"starttls"_s});
        QCOMPARE(r.exitCode, 0);
        r = run(cli, {u"account"_s, u"show"_s, u"--profile"_s, dir()});
        QVERIFY2(r.out.contains(u"smtp-host=smtp.example.org\nsmtp-port=587\nsmtp-security=starttls\n"_s),
                 qPrintable(r.out)); // the submission port follows STARTTLS
        r = run(cli, {u"account"_s, u"set"_s, u"--profile"_s, dir(), u"--smtp-port"_s, u"2525"_s,
                      u"--smtp-user"_s, u"ann-out"_s, u"--smtp-separate-password"_s, u"yes"_s});
        QCOMPARE(r.exitCode, 0);
        r = run(cli, {u"account"_s, u"set"_s, u"--profile"_s, dir(), u"--smtp-security"_s, u"bogus"_s});
        QCOMPARE(r.exitCode, 2);
        const Types::AccountSettings a = Client::SettingsStore(Common::Profile::at(dir())).account();
        QCOMPARE(a.smtpHost, u"smtp.example.org"_s);
        QCOMPARE(a.smtpPort, quint16(2525)); // a port typed on purpose stays
        QCOMPARE(a.smtpSecurity, Types::MailSecurity::StartTls);
        QCOMPARE(a.smtpLogin(), u"ann-out"_s);
        QVERIFY(a.smtpSeparatePassword);
        QVERIFY(a.canSend());
    }

    void everyOptionRoundTrips()
    {
        const QString ca = writeCa();
        Result r = run(cli, QStringList{u"account"_s, u"add"_s} + profile() +
                                QStringList{u"--name"_s,
                                            u"Work"_s,
                                            u"--email"_s,
                                            u"alice@work.example"_s,
                                            u"--display-name"_s,
                                            u"Alice Liddell 爱丽丝"_s,
                                            u"--host"_s,
                                            u"pop.work.example"_s,
                                            u"--security"_s,
                                            u"none"_s,
                                            u"--port"_s,
                                            u"10110"_s,
                                            u"--user"_s,
                                            u"alice"_s,
                                            u"--auth"_s,
                                            u"apop"_s,
                                            u"--allow-plain-password"_s,
                                            u"--delete-from-server"_s,
                                            u"--delete-after-days"_s,
                                            u"30"_s,
                                            u"--delete-when-deleted-here"_s,
                                            u"--size-limit-kb"_s,
                                            u"512"_s,
                                            u"--check-every"_s,
                                            u"15"_s,
                                            u"--ca"_s,
                                            ca});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = showJson(profile());
        QCOMPARE(o.value(u"name"_s).toString(), u"Work"_s);
        QCOMPARE(o.value(u"email"_s).toString(), u"alice@work.example"_s);
        QCOMPARE(o.value(u"display_name"_s).toString(), u"Alice Liddell 爱丽丝"_s);
        QCOMPARE(o.value(u"host"_s).toString(), u"pop.work.example"_s);
        QCOMPARE(o.value(u"port"_s).toInt(), 10110);
        QCOMPARE(o.value(u"security"_s).toString(), u"none"_s);
        QCOMPARE(o.value(u"user"_s).toString(), u"alice"_s);
        QCOMPARE(o.value(u"auth"_s).toString(), u"apop"_s);
        QCOMPARE(o.value(u"allow_plain_password"_s).toBool(), true);
        QCOMPARE(o.value(u"leave_on_server"_s).toBool(), false);
        QCOMPARE(o.value(u"delete_after_days"_s).toInt(), 30);
        QCOMPARE(o.value(u"delete_when_deleted_here"_s).toBool(), true);
        QCOMPARE(o.value(u"size_limit_kb"_s).toInt(), 512);
        QCOMPARE(o.value(u"check_every_minutes"_s).toInt(), 15);
        QCOMPARE(o.value(u"ca"_s).toString(), ca);

        // The same in the settings file, as the window reads it.
        Client::SettingsStore store(Common::Profile::at(dir()));
        const Types::AccountSettings a = store.account();
        QCOMPARE(a.id, o.value(u"id"_s).toString());
        QCOMPARE(a.email, u"alice@work.example"_s);
        QCOMPARE(a.displayName, u"Alice Liddell 爱丽丝"_s);
        QCOMPARE(a.security, Types::MailSecurity::None);
        QVERIFY(a.allowPlainPassword);
        QVERIFY(!a.leaveOnServer);
        QCOMPARE(a.checkEveryMinutes, 15);
        QCOMPARE(a.caFile, ca);

        // And back: each one undone with `set`, found by id.
        r = run(cli, QStringList{u"account"_s, u"set"_s, u"--id"_s, a.id} + profile() +
                         QStringList{u"--leave-on-server"_s, u"--allow-plain-password"_s, u"no"_s,
                                     u"--delete-after-days"_s, u"never"_s,
                                     u"--delete-when-deleted-here"_s, u"no"_s, u"--size-limit-kb"_s,
                                     u"none"_s, u"--check-every"_s, u"off"_s, u"--ca"_s, u"none"_s,
                                     u"--login"_s, u"user"_s, u"--security"_s, u"tls"_s});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject back = showJson(profile(), {u"--id"_s, a.id});
        QCOMPARE(back.value(u"leave_on_server"_s).toBool(), true);
        QCOMPARE(back.value(u"allow_plain_password"_s).toBool(), false);
        QVERIFY(back.value(u"delete_after_days"_s).isNull());
        QCOMPARE(back.value(u"delete_when_deleted_here"_s).toBool(), false);
        QVERIFY(back.value(u"size_limit_kb"_s).isNull());
        QCOMPARE(back.value(u"check_every_minutes"_s).toInt(), 0);
        QCOMPARE(back.value(u"ca"_s).toString(), QString());
        QCOMPARE(back.value(u"auth"_s).toString(), u"user"_s);
        QCOMPARE(back.value(u"port"_s).toInt(),
                 10110); // a port chosen on purpose stays with the security
        QCOMPARE(back.value(u"id"_s).toString(), a.id);
    }

    void portFollowsTheSecurityUnlessChosen()
    {
        Result r =
            run(cli, QStringList{u"account"_s, u"add"_s, u"--host"_s, u"h"_s, u"--user"_s, u"u"_s} +
                         profile());
        QCOMPARE(showJson(profile()).value(u"port"_s).toInt(), 995);
        r = run(cli,
                QStringList{u"account"_s, u"set"_s, u"--security"_s, u"starttls"_s} + profile());
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(showJson(profile()).value(u"port"_s).toInt(), 110);
        r = run(cli, QStringList{u"account"_s, u"set"_s, u"--security"_s, u"tls"_s} + profile());
        QCOMPARE(showJson(profile()).value(u"port"_s).toInt(), 995);
    }

    void severalAccountsWithPolicies()
    {
        Result r = run(cli, QStringList{u"account"_s, u"add"_s} + profile() +
                                QStringList{u"--host"_s, u"pop.work.example"_s, u"--user"_s,
                                            u"alice"_s, u"--name"_s, u"Work"_s, u"--login"_s,
                                            u"apop"_s, u"--delete-after-days"_s, u"30"_s,
                                            u"--delete-when-deleted-here"_s, u"yes"_s,
                                            u"--size-limit-kb"_s, u"512"_s});
        QCOMPARE(r.exitCode, 0);
        r = run(cli,
                QStringList{u"account"_s, u"add"_s} + profile() +
                    QStringList{u"--host"_s, u"pop.home.example"_s, u"--security"_s, u"starttls"_s,
                                u"--user"_s, u"bob"_s, u"--leave-on-server"_s, u"no"_s});
        QCOMPARE(r.exitCode, 0);
        const QList<Types::AccountSettings> saved =
            Client::SettingsStore(Common::Profile::at(dir())).accounts();
        QCOMPARE(saved.size(), 2);
        r = run(cli, QStringList{u"account"_s, u"list"_s} + profile());
        QCOMPARE(
            r.out,
            u"1\t%1\tWork\talice@pop.work.example:995\ttls\n2\t%2\tbob\tbob@pop.home.example:110\tstarttls\n"_s
                .arg(saved.at(0).id, saved.at(1).id));
        r = run(cli, QStringList{u"account"_s, u"list"_s, u"--json"_s} + profile());
        const QJsonArray list = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QCOMPARE(list.size(), 2);
        QCOMPARE(list.at(1).toObject().value(u"id"_s).toString(), saved.at(1).id);
        QCOMPARE(list.at(1).toObject().value(u"index"_s).toInt(), 2);
        QCOMPARE(list.at(1).toObject().value(u"leave_on_server"_s).toBool(), false);
        r = run(cli, QStringList{u"account"_s, u"show"_s, u"--index"_s, u"1"_s} + profile());
        QVERIFY2(
            r.out.contains(
                u"auth=apop\nallow-plain-password=no\nleave-on-server=yes\ndelete-after-days=30\n"
                "delete-when-deleted-here=yes\nsize-limit-kb=512\n"_s),
            qPrintable(r.out));
        r = run(cli, QStringList{u"account"_s, u"remove"_s, u"--index"_s, u"1"_s} + profile());
        QCOMPARE(r.exitCode, 0);
        r = run(cli, QStringList{u"account"_s, u"list"_s} + profile());
        QCOMPARE(r.out, u"1\t%1\tbob\tbob@pop.home.example:110\tstarttls\n"_s.arg(saved.at(1).id));
        r = run(cli, QStringList{u"account"_s, u"remove"_s, u"--id"_s, saved.at(1).id} + profile());
        QCOMPARE(r.exitCode, 0);
        r = run(cli, QStringList{u"account"_s, u"list"_s} + profile());
        QCOMPARE(r.out, QString());
    }

    void badInputIsRefusedWithAReason_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        const QStringList add{u"add"_s, u"--host"_s, u"h"_s, u"--user"_s, u"u"_s};
        QTest::newRow("security") << QStringList{u"set"_s, u"--security"_s, u"ssl"_s}
                                  << u"unknown security \"ssl\""_s;
        QTest::newRow("port-zero") << QStringList{u"set"_s, u"--port"_s, u"0"_s}
                                   << u"port must be a number from 1 to 65535"_s;
        QTest::newRow("port-big") << add + QStringList{u"--port"_s, u"65536"_s}
                                  << u"port must be a number from 1 to 65535"_s;
        QTest::newRow("port-text") << QStringList{u"set"_s, u"--port"_s, u"pop"_s}
                                   << u"port must be a number from 1 to 65535"_s;
        QTest::newRow("ca-missing") << add + QStringList{u"--ca"_s, u"/nonexistent/ca.pem"_s}
                                    << u"--ca: cannot read /nonexistent/ca.pem"_s;
        QTest::newRow("ca-not-pem") << add + QStringList{u"--ca"_s, QStringLiteral(TIDINGS_CLI)}
                                    << u"holds no PEM certificate"_s;
        QTest::newRow("ca-directory")
            << add + QStringList{u"--ca"_s, u"/"_s} << u"--ca: cannot read /"_s;
        QTest::newRow("plain-with-tls") << add + QStringList{u"--allow-plain-password"_s}
                                        << u"only applies with --security none"_s;
        QTest::newRow("leave-and-delete")
            << add + QStringList{u"--leave-on-server"_s, u"--delete-from-server"_s}
            << u"use one of"_s;
        QTest::newRow("check-every")
            << add + QStringList{u"--check-every"_s, u"often"_s} << u"minutes"_s;
        QTest::newRow("delete-after")
            << add + QStringList{u"--delete-after-days"_s, u"soon"_s} << u"never"_s;
        QTest::newRow("size-limit")
            << add + QStringList{u"--size-limit-kb"_s, u"0"_s} << u"positive number"_s;
        QTest::newRow("email") << add + QStringList{u"--email"_s, u"alice"_s}
                               << u"--email must be an address"_s;
        QTest::newRow("auth") << add + QStringList{u"--auth"_s, u"kerberos"_s}
                              << u"--auth must be"_s;
        QTest::newRow("no-host") << QStringList{u"add"_s, u"--user"_s, u"u"_s} << u"--host"_s;
        QTest::newRow("no-user") << QStringList{u"add"_s, u"--host"_s, u"h"_s} << u"--user"_s;
        QTest::newRow("unknown-id")
            << QStringList{u"set"_s, u"--id"_s, u"nope"_s, u"--port"_s, u"1"_s}
            << u"no account with id nope"_s;
        QTest::newRow("no-such-index")
            << QStringList{u"show"_s, u"--index"_s, u"5"_s} << u"no account 5"_s;
        QTest::newRow("index-and-id")
            << QStringList{u"show"_s, u"--index"_s, u"1"_s, u"--id"_s, u"x"_s}
            << u"use one of --index and --id"_s;
        QTest::newRow("action") << QStringList{u"delete"_s} << u"unknown action \"delete\""_s;
        QTest::newRow("no-action") << QStringList{} << u"expected exactly one action"_s;
        QTest::newRow("option") << QStringList{u"show"_s, u"--bogus"_s} << u"bogus"_s;
    }
    void badInputIsRefusedWithAReason()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const Result r = run(cli, QStringList{u"account"_s, u"--profile"_s, dir()} + arguments);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
        // Nothing half-written.
        QVERIFY(Client::SettingsStore(Common::Profile::at(dir())).accounts().isEmpty());
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

private:
    QString dir() const { return m_dir->path(); }
    QStringList profile() const { return {u"--profile"_s, dir()}; }
    QString writeCa() const
    {
        // A real self-signed certificate, made by an independent tool.
        const QString path = m_dir->filePath(u"ca.pem"_s);
        QProcess openssl;
        openssl.start(u"openssl"_s, {u"req"_s, u"-x509"_s, u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s,
                                     u"ec_paramgen_curve:P-256"_s, u"-nodes"_s, u"-keyout"_s,
                                     m_dir->filePath(u"ca.key"_s), u"-out"_s, path, u"-subj"_s,
                                     u"/CN=Test CA"_s, u"-days"_s, u"2"_s});
        openssl.waitForFinished(30000);
        return path;
    }

    std::optional<QTemporaryDir> m_dir;
};

QTEST_GUILESS_MAIN(TestCliAccount)
#include "tst_cli_account.moc"
