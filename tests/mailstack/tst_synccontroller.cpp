// SPDX-License-Identifier: GPL-3.0-or-later
// Client::SyncController against the real Dovecot: one ending per run,
// progress on the caller's thread, cancel, and a trust decision that sticks.
#include "client/synccontroller.h"
#include "client/settingsstore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace Qt::StringLiterals;

class TestSyncController : public QObject
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

    void syncEndsOnceWithProgressOnThisThread()
    {
        Client::SettingsStore settings(Common::Profile::at(m_profile.filePath(u"a"_s)));
        Client::SyncController controller(settings);
        QSignalSpy finished(&controller, &Client::SyncController::finished);
        QSignalSpy failed(&controller, &Client::SyncController::failed);
        int progressCalls = 0;
        int headers = -1;
        connect(&controller, &Client::SyncController::progress, this, [&] {
            QCOMPARE(QThread::currentThread(), thread());
            QVERIFY(headers >= 0); // headers first: the list fills before any body
            ++progressCalls;
        });
        connect(&controller, &Client::SyncController::headersStored, this, [&](int count) {
            QCOMPARE(QThread::currentThread(), thread());
            headers = count;
        });
        QTemporaryDir store;
        controller.start(account(true), store.path());
        QCOMPARE(controller.state(), Client::SyncController::State::Running);
        QVERIFY(finished.wait(60000));
        QCOMPARE(failed.count(), 0);
        const auto result = finished.first().first().value<Net::Pop3SyncResult>();
        QCOMPARE(progressCalls, result.onServer);
        QCOMPARE(headers, result.onServer);
        QCOMPARE(result.downloaded, result.onServer);
        QCOMPARE(controller.state(), Client::SyncController::State::Idle);
        QTest::qWait(100);
        QCOMPARE(finished.count() + failed.count(), 1);
    }

    void untrustedCertificateIsOfferedAndTheDecisionSticks()
    {
        Client::SettingsStore settings(Common::Profile::at(m_profile.filePath(u"b"_s)));
        Client::SyncController controller(settings);
        QSignalSpy trust(&controller, &Client::SyncController::certificateNeedsTrust);
        QSignalSpy finished(&controller, &Client::SyncController::finished);
        QTemporaryDir store;
        // No CA given: the stack's certificate is unknown.
        controller.start(account(false), store.path());
        QVERIFY(trust.wait(60000));
        QCOMPARE(finished.count(), 0);
        const auto certificate = trust.first().first().value<QSslCertificate>();
        QVERIFY(!certificate.isNull());
        controller.trustCertificate(certificate);
        // Persisted: a new controller on the same profile accepts it.
        Client::SettingsStore reread(Common::Profile::at(m_profile.filePath(u"b"_s)));
        Client::SyncController again(reread);
        QSignalSpy done(&again, &Client::SyncController::finished);
        again.start(account(false), store.path());
        QVERIFY(done.wait(60000));
    }

    void trustHoldsForItsHostAndPortAndAChangeIsAskedAgain()
    {
        // The stack's certificate trusted for the POP3S port: the same certificate on the
        // STLS port of the same host is still asked about (a pin is per host and port).
        Client::SettingsStore settings(Common::Profile::at(m_profile.filePath(u"p"_s)));
        Client::SyncController controller(settings);
        QSignalSpy trust(&controller, &Client::SyncController::certificateNeedsTrust);
        QSignalSpy finished(&controller, &Client::SyncController::finished);
        QSignalSpy failed(&controller, &Client::SyncController::failed);
        QTemporaryDir store;
        const QSslCertificate stack = QSslCertificate::fromPath(m_env.value(u"CA_CERT"_s)).value(0);
        QVERIFY(!stack.isNull());
        const Net::Pop3Account tls = account(false);
        settings.pinCertificate(u"pop3"_s, tls.server.host, tls.server.port,
                                stack.digest(QCryptographicHash::Sha256));
        controller.start(tls, store.path());
        QVERIFY(finished.wait(60000));
        Net::Pop3Account stls = account(false);
        stls.server.port = quint16(m_env.value(u"POP3_PORT"_s).toUInt());
        stls.server.security = Types::MailSecurity::StartTls;
        controller.start(stls, store.path());
        QVERIFY(trust.wait(60000));
        QCOMPARE(trust.first().first().value<QSslCertificate>(), stack);
        // A pinned host presenting another certificate is asked again, even one the system accepts
        // (the CA).
        const QByteArray old =
            QCryptographicHash::hash("last year's certificate", QCryptographicHash::Sha256);
        settings.pinCertificate(u"pop3"_s, tls.server.host, tls.server.port, old);
        trust.clear();
        controller.start(account(true), store.path());
        QVERIFY(trust.wait(60000));
        QCOMPARE(trust.first().first().value<QSslCertificate>(), stack);
        QCOMPARE(finished.count(), 1);
    }

    void cancelEndsWithFailedCancelled()
    {
        Client::SettingsStore settings(Common::Profile::at(m_profile.filePath(u"c"_s)));
        Client::SyncController controller(settings);
        QSignalSpy finished(&controller, &Client::SyncController::finished);
        QSignalSpy failed(&controller, &Client::SyncController::failed);
        QTemporaryDir store;
        Net::Pop3Account a = account(true);
        controller.start(a, store.path());
        controller.cancel();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count() + failed.count(), 1, 60000);
        if (failed.count() == 1) // a tiny mailbox may finish before the flag is seen
            QCOMPARE(failed.first().first().toString(), u"cancelled"_s);
    }

    // Issue 10 item 14: the port and security of a configured account changed
    // (Preferences) is the same mailbox; nothing is downloaded again.
    void otherPortAndSecurityIsTheSameMailbox()
    {
        const QString user = u"controller-switch"_s;
        const QString password = u"switch-pw"_s;
        const QString stack = m_env.value(u"MAILSTACK_DIR"_s);
        QCOMPARE(run(QStringLiteral(TIDINGS_SOURCE_DIR "/scripts/mailstack"),
                     {u"adduser"_s, stack, user, password}),
                 0);
        QCOMPARE(run(u"/usr/bin/python3"_s,
                     {QStringLiteral(TIDINGS_SOURCE_DIR "/scripts/seed-demo-mail"), stack, user,
                      password}),
                 0);
        Client::SettingsStore settings(Common::Profile::at(m_profile.filePath(u"d"_s)));
        QTemporaryDir store;
        Net::Pop3Account a = account(true);
        a.server.user = user;
        a.password = password;
        const Net::Pop3SyncResult first = syncOnce(settings, a, store.path());
        QVERIFY(first.downloaded > 0);
        a.server.port = quint16(m_env.value(u"POP3_PORT"_s).toUInt());
        a.server.security = Types::MailSecurity::StartTls;
        const Net::Pop3SyncResult second = syncOnce(settings, a, store.path());
        QCOMPARE(second.downloaded, 0);
        QCOMPARE(second.alreadyStored, first.downloaded);
        QCOMPARE(QDir(store.path() + u"/Maildir/new"_s).entryList(QDir::Files).size(),
                 first.downloaded);
    }

private:
    static int run(const QString &program, const QStringList &arguments)
    {
        QProcess p;
        p.start(program, arguments);
        return p.waitForFinished(120000) && p.exitStatus() == QProcess::NormalExit ? p.exitCode()
                                                                                   : -1;
    }

    Net::Pop3SyncResult syncOnce(Client::SettingsStore &settings, const Net::Pop3Account &a,
                                 const QString &store)
    {
        Client::SyncController controller(settings);
        QSignalSpy finished(&controller, &Client::SyncController::finished);
        QSignalSpy failed(&controller, &Client::SyncController::failed);
        controller.start(a, store);
        if (!finished.wait(60000))
            qWarning() << "sync did not finish:" << failed;
        return finished.isEmpty() ? Net::Pop3SyncResult()
                                  : finished.first().first().value<Net::Pop3SyncResult>();
    }

    Net::Pop3Account account(bool withCa)
    {
        Net::Pop3Account a;
        a.server.host = m_env.value(u"MAIL_HOST"_s);
        a.server.port = quint16(m_env.value(u"POP3S_PORT"_s).toUInt());
        a.server.security = Types::MailSecurity::Tls;
        a.server.user = u"tester"_s;
        a.password = u"T3st p@ss wörd"_s;
        if (withCa)
            a.caCertificates = QSslCertificate::fromPath(m_env.value(u"CA_CERT"_s));
        return a;
    }

    QHash<QString, QString> m_env;
    QTemporaryDir m_profile;
};

QTEST_GUILESS_MAIN(TestSyncController)
#include "tst_synccontroller.moc"
