// SPDX-License-Identifier: GPL-3.0-or-later
// Client::Session against a real tidings-authd and a real Secret Service:
// Log Out and in again and again (under ASan in the sanitizer pass: it once
// freed the client inside its own socket's signal), certificates trusted per
// host and port, "Stay signed in" resuming from the keyring without the
// password, and a session revoked elsewhere ending here.
#include "client/secretstore.h"
#include "client/session.h"
#include "client/settingsstore.h"

#include <QCryptographicHash>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "../common/realauthd.h"

using namespace Qt::StringLiterals;
using Client::Session;

namespace {
const QString password = u"s3cret – 李"_s;
}

class TestSession : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        const QString why = m_authd.start(u"alice"_s, password);
        QVERIFY2(why.isEmpty(), qPrintable(why));
        m_port = m_authd.port();
        m_tlsPort = m_authd.tlsPort();
    }

    void init()
    {
        m_profile = std::make_unique<QTemporaryDir>();
        m_settings =
            std::make_unique<Client::SettingsStore>(Common::Profile::at(m_profile->path()));
    }

    void logOutAndInRepeatedly()
    {
        Session session(*m_settings);
        QSignalSpy in(&session, &Session::signedIn);
        QSignalSpy out(&session, &Session::signedOut);
        QSignalSpy failed(&session, &Session::loginFailed);
        for (int round = 1; round <= 15; ++round) {
            session.login(u"127.0.0.1"_s, m_port, false, u"alice"_s, password);
            QVERIFY(in.wait(20000));
            QCOMPARE(in.count(), round);
            QCOMPARE(session.state(), Session::State::SignedIn);
            session.logout();
            QVERIFY(out.wait(10000));
            QCOMPARE(out.count(), round);
            QCOMPARE(session.state(), Session::State::SignedOut);
            QVERIFY(session.token().isEmpty());
        }
        QCOMPARE(failed.count(), 0);
    }

    void certificateTrustHoldsForItsHostAndPortOnly()
    {
        Session session(*m_settings);
        QSignalSpy in(&session, &Session::signedIn);
        QSignalSpy failed(&session, &Session::loginFailed);
        session.login(u"localhost"_s, m_tlsPort, true, u"alice"_s, password);
        QVERIFY(failed.wait(20000));
        auto failure = failed.last().first().value<Session::Failure>();
        QCOMPARE(failure.problem, Session::Problem::Certificate);
        session.trustCertificate(failure.certificate);
        session.login(u"localhost"_s, m_tlsPort, true, u"alice"_s, password);
        QVERIFY(in.wait(20000));
        session.logout();
        // The same certificate from another name of the same machine is not trusted by that pin.
        session.login(u"127.0.0.1"_s, m_tlsPort, true, u"alice"_s, password);
        QVERIFY(failed.wait(20000));
        QCOMPARE(failed.last().first().value<Session::Failure>().problem,
                 Session::Problem::Certificate);
        // A different pin for the host (a changed certificate) is asked again, with the old
        // fingerprint.
        const QByteArray old =
            QCryptographicHash::hash("the certificate of last year", QCryptographicHash::Sha256);
        m_settings->pinCertificate(u"tap"_s, u"localhost"_s, m_tlsPort, old);
        session.login(u"localhost"_s, m_tlsPort, true, u"alice"_s, password);
        QVERIFY(failed.wait(20000));
        failure = failed.last().first().value<Session::Failure>();
        QCOMPARE(failure.problem, Session::Problem::CertificateChanged);
        QCOMPARE(failure.pinnedSha256, old);
        QVERIFY(m_settings->pinnedCertificate(u"pop3"_s, u"localhost"_s, m_tlsPort).isEmpty());
    }

    void staySignedInResumesFromTheKeyringWithoutThePassword()
    {
        const auto server = staySignedInOnPlainPort();
        QString firstToken;
        {
            Session session(*m_settings);
            QSignalSpy in(&session, &Session::signedIn);
            session.login(server.host, server.port, false, server.user, password);
            QVERIFY(in.wait(20000));
            firstToken = session.token();
            QTest::qWait(500); // the keyring write is asynchronous
        }
        // The token is in the keyring, never in the settings file.
        QFile ini(m_settings->fileName());
        m_settings->sync();
        QVERIFY(ini.open(QIODevice::ReadOnly));
        QVERIFY(!ini.readAll().contains(firstToken.toLatin1().left(40)));
        QString resumedToken;
        {
            // "After a restart": a new session resumes on its own, no password given.
            Session session(*m_settings);
            QSignalSpy in(&session, &Session::signedIn);
            session.resumeSaved();
            QVERIFY(in.wait(20000));
            QCOMPARE(session.user(), u"alice"_s);
            resumedToken = session.token();
            QVERIFY(resumedToken != firstToken);
            QTest::qWait(500);
        }
        {
            // The resumed token was saved in turn; Log Out forgets it.
            Session session(*m_settings);
            QSignalSpy in(&session, &Session::signedIn);
            QSignalSpy out(&session, &Session::signedOut);
            session.resumeSaved();
            QVERIFY(in.wait(20000));
            session.logout();
            QVERIFY(out.wait(10000));
            QTest::qWait(500);
        }
        Client::SecretStore secrets;
        QSignalSpy read(&secrets, &Client::SecretStore::readFinished);
        secrets.read(Session::tokenKey(u"alice"_s, u"127.0.0.1"_s, m_port));
        QVERIFY(read.wait(10000));
        QVERIFY(read.first().at(1).toString().isEmpty());
        Session after(*m_settings);
        QSignalSpy state(&after, &Session::stateChanged);
        after.resumeSaved();
        QTest::qWait(1000);
        QCOMPARE(after.state(), Session::State::SignedOut);
    }

    void aSpentSavedTokenAsksForThePassword()
    {
        const auto server = staySignedInOnPlainPort();
        Client::SecretStore secrets;
        QSignalSpy written(&secrets, &Client::SecretStore::writeFinished);
        secrets.write(Session::tokenKey(u"alice"_s, u"127.0.0.1"_s, m_port),
                      u"eyJhbGciOiJFZERTQSJ9.e30.AAAA"_s);
        QVERIFY(written.wait(10000));
        Session session(*m_settings);
        QSignalSpy failed(&session, &Session::loginFailed);
        session.resumeSaved();
        QVERIFY(failed.wait(20000));
        QCOMPARE(failed.first().first().value<Session::Failure>().problem,
                 Session::Problem::SessionExpired);
        QCOMPARE(session.state(), Session::State::SignedOut);
    }

    void logOutOfASessionRevokedElsewhereEndsOnce()
    {
        Session here(*m_settings);
        QSignalSpy in(&here, &Session::signedIn);
        QSignalSpy out(&here, &Session::signedOut);
        QSignalSpy failed(&here, &Session::loginFailed);
        here.login(u"127.0.0.1"_s, m_port, false, u"alice"_s, password);
        QVERIFY(in.wait(20000));
        // Another client spends this session's token (one use): the server revokes its jti.
        QProcess cli;
        cli.start(QStringLiteral(TIDINGS_CLI), {u"auth"_s, u"resume"_s, u"--host"_s, u"127.0.0.1"_s,
                                                u"--port"_s, QString::number(m_port)});
        cli.write(here.token().toLatin1() + "\n");
        cli.closeWriteChannel();
        QVERIFY(cli.waitForFinished(20000));
        QCOMPARE(cli.exitCode(), 0);
        QCOMPARE(QString::fromLatin1(cli.readAllStandardOutput()).count(u'.'), 2); // the new token
        // Its next request meets token-revoked: signed out once, no login failure, nothing freed
        // twice.
        QMetaObject::invokeMethod(
            &here, [&here] { here.logout(); }, Qt::QueuedConnection);
        QVERIFY(out.wait(10000));
        QTest::qWait(200);
        QCOMPARE(out.count(), 1);
        QCOMPARE(failed.count(), 0);
        QCOMPARE(here.state(), Session::State::SignedOut);
    }

    void aDroppedConnectionSaysSo()
    {
        // An authd of its own, killed (SIGKILL) while signed in: the session must not stay
        // "signed in" on a dead connection.
        auto authd = std::make_unique<TestSupport::RealAuthd>();
        const QString why = authd->start(u"bob"_s, password);
        QVERIFY2(why.isEmpty(), qPrintable(why));
        Session session(*m_settings);
        session.setKeepAliveInterval(300);
        session.setTimeout(3000);
        QSignalSpy in(&session, &Session::signedIn);
        QSignalSpy lost(&session, &Session::connectionLost);
        QSignalSpy out(&session, &Session::signedOut);
        QSignalSpy failed(&session, &Session::loginFailed);
        session.login(u"127.0.0.1"_s, authd->port(), false, u"bob"_s, password);
        QVERIFY(in.wait(20000));
        QTest::qWait(1200); // several pings answered: a live server is not lost
        QCOMPARE(lost.count(), 0);
        QCOMPARE(session.state(), Session::State::SignedIn);
        authd.reset(); // QProcess kills it
        QVERIFY(lost.wait(10000));
        QCOMPARE(session.state(), Session::State::Disconnected);
        QVERIFY(!session.token().isEmpty()); // still valid until it expires
        QTest::qWait(1000);
        QCOMPARE(lost.count(), 1);
        QCOMPARE(out.count(), 0);
        QCOMPARE(failed.count(), 0);
        session.logout();
        QCOMPARE(out.count(), 1);
        QCOMPARE(session.state(), Session::State::SignedOut);
    }

private:
    // The profile as the dialog leaves it after "Stay signed in" against the test server.
    Client::SettingsStore::AuthServer staySignedInOnPlainPort()
    {
        Client::SettingsStore::AuthServer server;
        server.host = u"127.0.0.1"_s;
        server.port = m_port;
        server.tls = false;
        server.user = u"alice"_s;
        server.staySignedIn = true;
        m_settings->setAuthServer(server);
        return server;
    }

    TestSupport::RealAuthd m_authd;
    quint16 m_port = 0;
    quint16 m_tlsPort = 0;
    std::unique_ptr<QTemporaryDir> m_profile;
    std::unique_ptr<Client::SettingsStore> m_settings;
};

QTEST_GUILESS_MAIN(TestSession)
#include "tst_session.moc"
