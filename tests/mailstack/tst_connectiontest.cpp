// SPDX-License-Identifier: GPL-3.0-or-later
// Client::ConnectionTest ("Test Connection" of Account Settings) against the
// real Dovecot: each step in order, the step that failed and the server's own
// words, the capabilities, a certificate question, and cancel.
#include "client/connectiontest.h"
#include "client/settingsstore.h"

#include <QFile>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using Client::ConnectionTest;
using Client::SyncErrorKind;
using Step = Client::ConnectionTest::Step;

namespace {
constexpr int kWaitMs = 60000;
}

class TestConnectionTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QFile state(QStringLiteral(MAILSTACK_STATE));
        QVERIFY(state.open(QIODevice::ReadOnly));
        QFile env(QString::fromUtf8(state.readAll().trimmed()) + u"/stack.env"_s);
        QVERIFY(env.open(QIODevice::ReadOnly));
        for (const QByteArray &line : env.readAll().split('\n')) {
            const qsizetype eq = line.indexOf('=');
            if (eq > 0)
                m_env.insert(QString::fromUtf8(line.left(eq)), QString::fromUtf8(line.mid(eq + 1)));
        }
        QVERIFY(m_profile.isValid());
    }

    void rightPasswordPassesWithCapabilities()
    {
        Client::SettingsStore settings(Common::Profile::at(m_profile.filePath(u"ok"_s)));
        const Client::ConnectionTestResult r = run(settings, account(true), kPassword);
        QVERIFY2(r.ok(), qPrintable(r.error.detail));
        QCOMPARE(r.failedStep, Step::Done);
        QCOMPARE(m_steps, (QList<Step>{Step::Connect, Step::Tls, Step::Capabilities, Step::Login,
                                       Step::Done}));
        QVERIFY(r.encrypted);
        QVERIFY2(r.greeting.startsWith(u"+OK"_s), qPrintable(r.greeting));
        QVERIFY2(r.capabilities.contains(u"UIDL"_s), qPrintable(r.capabilities.join(u',')));
        QVERIFY(r.capabilities.contains(u"PIPELINING"_s));
        QCOMPARE(r.loginMethod, u"SASL CRAM-MD5"_s); // auto: the strongest Dovecot offers here
        QVERIFY(!r.hasCertificateQuestion);
    }

    void wrongPasswordFailsAtLoginInTheServersWords()
    {
        Client::SettingsStore settings(Common::Profile::at(m_profile.filePath(u"wrong"_s)));
        const Types::AccountSettings a =
            account(true); // auto: vmime asks CAPA for the SASL mechanisms
        const Client::ConnectionTestResult r = run(settings, a, u"not the password"_s);
        qInfo() << "login tried:" << r.loginMethod
                << "capabilities before login:" << r.capabilities;
        QCOMPARE(r.error.kind, SyncErrorKind::Authentication);
        QCOMPARE(r.failedStep, Step::Login);
        QCOMPARE(r.error.serverText, u"[AUTH] Authentication failed."_s);
        QVERIFY(!r.loginMethod.isEmpty());
        QVERIFY2(r.capabilities.contains(u"USER"_s),
                 qPrintable(r.capabilities.join(u','))); // before login
        QCOMPARE(m_steps.last(), Step::Login);
    }

    void closedPortFailsAtConnect()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 closed = probe.serverPort();
        probe.close();
        Client::SettingsStore settings(Common::Profile::at(m_profile.filePath(u"closed"_s)));
        Types::AccountSettings a = account(true);
        a.port = closed;
        const Client::ConnectionTestResult r = run(settings, a, kPassword);
        QCOMPARE(r.error.kind, SyncErrorKind::Connection);
        QCOMPARE(r.failedStep, Step::Connect);
        QCOMPARE(m_steps, QList<Step>{Step::Connect});
        QVERIFY(r.capabilities.isEmpty());
    }

    void stlsOnThePlainPortWorks()
    {
        Client::SettingsStore settings(Common::Profile::at(m_profile.filePath(u"stls"_s)));
        Types::AccountSettings a = account(true);
        a.port = quint16(m_env.value(u"POP3_PORT"_s).toUInt());
        a.security = Types::MailSecurity::StartTls;
        const Client::ConnectionTestResult r = run(settings, a, kPassword);
        QVERIFY2(r.ok(), qPrintable(r.error.detail));
        QVERIFY(r.encrypted);
        QVERIFY(r.greeting.startsWith(u"+OK"_s));
        QCOMPARE(m_steps, (QList<Step>{Step::Connect, Step::Tls, Step::Capabilities, Step::Login,
                                       Step::Done}));
    }

    void untrustedCertificateIsAQuestionAtTls()
    {
        Client::SettingsStore settings(Common::Profile::at(m_profile.filePath(u"cert"_s)));
        const Types::AccountSettings a = account(false);
        ConnectionTest test(settings);
        Client::ConnectionTestResult r = run(test, a, kPassword);
        QCOMPARE(r.error.kind, SyncErrorKind::Certificate);
        QCOMPARE(r.failedStep, Step::Tls);
        QVERIFY(r.hasCertificateQuestion);
        QCOMPARE(r.certificate.certificate,
                 QSslCertificate::fromPath(m_env.value(u"CA_CERT"_s)).value(0));
        QCOMPARE(r.certificate.host, a.host);
        QCOMPARE(r.certificate.port, a.port);
        QVERIFY(!r.certificate.problems.isEmpty());
        test.trustCertificate(r.certificate);
        r = run(test, a, kPassword);
        QVERIFY2(r.ok(), qPrintable(r.error.detail));
    }

    void unreadableCaFileFailsAtTls()
    {
        Client::SettingsStore settings(Common::Profile::at(m_profile.filePath(u"ca"_s)));
        Types::AccountSettings a = account(true);
        a.caFile = m_profile.filePath(u"missing.pem"_s);
        const Client::ConnectionTestResult r = run(settings, a, kPassword);
        QCOMPARE(r.error.kind, SyncErrorKind::Certificate);
        QCOMPARE(r.failedStep, Step::Tls);
        QVERIFY(r.error.detail.contains(a.caFile));
    }

    void cancelEndsAtOnceAndOnlyOnce()
    {
        // A server that accepts and never says a word: the test would wait for its timeout.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        Client::SettingsStore settings(Common::Profile::at(m_profile.filePath(u"cancel"_s)));
        Types::AccountSettings a = account(true);
        a.port = silent.serverPort();
        ConnectionTest test(settings);
        test.setTimeoutMs(3000);
        QSignalSpy finished(&test, &ConnectionTest::finished);
        QSignalSpy steps(&test, &ConnectionTest::stepChanged);
        test.start(a, kPassword);
        QVERIFY(steps.wait(kWaitMs));
        QTRY_VERIFY(steps.size() >= 2); // connected; TLS is waiting for the server
        test.cancel();
        QCOMPARE(finished.count(), 1);
        QVERIFY(!test.isRunning());
        const auto r = finished.first().first().value<Client::ConnectionTestResult>();
        QCOMPARE(r.error.kind, SyncErrorKind::Cancelled);
        QCOMPARE(r.failedStep, Step::Tls);
        QTest::qWait(1000); // the worker notices the cancel and ends: no second ending
        QCOMPARE(finished.count(), 1);
    }

private:
    Client::ConnectionTestResult run(Client::SettingsStore &settings,
                                     const Types::AccountSettings &a, const QString &password)
    {
        ConnectionTest test(settings);
        return run(test, a, password);
    }

    Client::ConnectionTestResult run(ConnectionTest &test, const Types::AccountSettings &a,
                                     const QString &password)
    {
        m_steps.clear();
        const QMetaObject::Connection c = connect(&test, &ConnectionTest::stepChanged, this,
                                                  [this](Step step) { m_steps << step; });
        QSignalSpy finished(&test, &ConnectionTest::finished);
        test.start(a, password);
        const bool ended = finished.wait(kWaitMs);
        disconnect(c);
        if (!ended) {
            qWarning("Test Connection did not end");
            return Client::ConnectionTestResult();
        }
        [&] {
            QCOMPARE(finished.count(), 1);
        }();
        return finished.first().first().value<Client::ConnectionTestResult>();
    }

    Types::AccountSettings account(bool withCa) const
    {
        Types::AccountSettings a;
        a.id = u"probe"_s;
        a.host = m_env.value(u"MAIL_HOST"_s);
        a.port = quint16(m_env.value(u"POP3S_PORT"_s).toUInt());
        a.security = Types::MailSecurity::Tls;
        a.user = u"tester"_s;
        if (withCa)
            a.caFile = m_env.value(u"CA_CERT"_s);
        return a;
    }

    const QString kPassword = u"T3st p@ss wörd"_s;
    QHash<QString, QString> m_env;
    QTemporaryDir m_profile;
    QList<Step> m_steps;
};

QTEST_GUILESS_MAIN(TestConnectionTest)
#include "tst_connectiontest.moc"
