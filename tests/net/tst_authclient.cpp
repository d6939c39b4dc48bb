// SPDX-License-Identifier: GPL-3.0-or-later
// Net::AuthClient against a real tidings-authd (plain and TLS) and against
// misbehaving fake servers: impostor, downgrade, garbage, silence.
#include "core/tap/frame.h"
#include "net/authclient.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include "../common/realauthd.h"

using namespace Qt::StringLiterals;
using Net::AuthClient;

namespace {

const QString password = u"pässword with spaces"_s;

AuthClient::Server at(const QString &host, quint16 port, bool tls = false)
{
    AuthClient::Server server;
    server.host = host;
    server.port = port;
    server.tls = tls;
    return server;
}

// A scripted server: sends hello, then answers auth-start with `challenge`
// (or nothing) and auth-proof with `outcome`.
class FakeServer : public QTcpServer
{
public:
    std::function<QByteArray(const QJsonObject &)> respond;
    bool sendHello = true;

    FakeServer()
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            QTcpSocket *s = nextPendingConnection();
            auto *decoder = new Tap::FrameDecoder;
            connect(s, &QObject::destroyed, [decoder] { delete decoder; });
            if (sendHello)
                s->write(Tap::encodeFrame({{u"type"_s, u"hello"_s}, {u"protocol"_s, u"tap/1"_s}}));
            connect(s, &QTcpSocket::readyRead, s, [this, s, decoder] {
                decoder->feed(s->readAll());
                QJsonObject m;
                QString e;
                while (decoder->next(&m, &e) == Tap::FrameDecoder::Status::Frame)
                    if (respond)
                        s->write(respond(m));
            });
        });
        listen(QHostAddress::LocalHost, 0);
    }
};

} // namespace

class TestAuthClient : public QObject
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

    void loginThenSessionRequests()
    {
        AuthClient client;
        QSignalSpy in(&client, &AuthClient::loggedIn);
        QSignalSpy failed(&client, &AuthClient::failed);
        client.login(at(u"127.0.0.1"_s, m_port), u"alice"_s, password);
        QVERIFY(in.wait(20000));
        QCOMPARE(failed.count(), 0);
        QVERIFY(client.token().count(u'.') == 2);
        QCOMPARE(client.expiresIn(), 3600);
        QSignalSpy replied(&client, &AuthClient::replied);
        client.request(u"whoami"_s);
        QVERIFY(replied.wait(5000));
        QCOMPARE(replied.last().first().toJsonObject().value(u"sub"_s).toString(), u"alice"_s);
        const QString first = client.token();
        client.request(u"refresh"_s);
        QVERIFY(replied.wait(5000));
        QVERIFY(client.token() != first);
        client.request(u"logout"_s);
        QVERIFY(replied.wait(5000));
        QCOMPARE(replied.last().first().toJsonObject().value(u"type"_s).toString(), u"bye"_s);
    }

    void wrongPasswordThenRightOnTheSameConnection()
    {
        AuthClient client;
        QSignalSpy in(&client, &AuthClient::loggedIn);
        QSignalSpy failed(&client, &AuthClient::failed);
        client.login(at(u"127.0.0.1"_s, m_port), u"alice"_s, u"wrong"_s);
        QVERIFY(failed.wait(20000));
        const auto error = failed.first().first().value<AuthClient::Error>();
        QCOMPARE(error.kind, AuthClient::ErrorKind::WrongCredentials);
        QCOMPARE(error.attemptsLeft, 2);
        client.login(at(u"127.0.0.1"_s, m_port), u"alice"_s, password);
        QVERIFY(in.wait(20000));
    }

    void tlsVerifiedWithTheCa()
    {
        AuthClient client;
        QSignalSpy in(&client, &AuthClient::loggedIn);
        AuthClient::Server server = at(u"localhost"_s, m_tlsPort, true);
        server.caCertificates = QSslCertificate::fromPath(m_authd.certificatePath());
        client.login(server, u"alice"_s, password);
        QVERIFY(in.wait(20000));
    }

    void tlsUnknownCertificateIsRefusedUntilTrusted()
    {
        AuthClient client;
        QSignalSpy failed(&client, &AuthClient::failed);
        client.login(at(u"localhost"_s, m_tlsPort, true), u"alice"_s, password);
        QVERIFY(failed.wait(20000));
        const auto error = failed.first().first().value<AuthClient::Error>();
        QCOMPARE(error.kind, AuthClient::ErrorKind::Tls);
        QVERIFY(!error.certificate.isNull());
        QVERIFY(!error.sslErrors.isEmpty());

        // The user trusts exactly that certificate (by SHA-256): now it works.
        AuthClient again;
        QSignalSpy in(&again, &AuthClient::loggedIn);
        AuthClient::Server server = at(u"localhost"_s, m_tlsPort, true);
        server.pinnedSha256 = error.certificate.digest(QCryptographicHash::Sha256);
        again.login(server, u"alice"_s, password);
        QVERIFY(in.wait(20000));
    }

    void pinnedHostWithAnotherCertificateIsAskedAgain()
    {
        const QByteArray other =
            QCryptographicHash::hash("another certificate", QCryptographicHash::Sha256);
        // Untrusted by the system, and not the pinned one: refused as changed, with both
        // fingerprints.
        {
            AuthClient client;
            QSignalSpy failed(&client, &AuthClient::failed);
            AuthClient::Server server = at(u"localhost"_s, m_tlsPort, true);
            server.pinnedSha256 = other;
            client.login(server, u"alice"_s, password);
            QVERIFY(failed.wait(20000));
            const auto error = failed.first().first().value<AuthClient::Error>();
            QCOMPARE(error.kind, AuthClient::ErrorKind::CertificateChanged);
            QCOMPARE(error.pinnedSha256, other);
            QVERIFY(!error.certificate.isNull());
            QVERIFY(error.certificate.digest(QCryptographicHash::Sha256) != other);
        }
        // Even a certificate the system accepts (here through the CA) is a change for a pinned
        // host.
        {
            AuthClient client;
            QSignalSpy failed(&client, &AuthClient::failed);
            QSignalSpy in(&client, &AuthClient::loggedIn);
            AuthClient::Server server = at(u"localhost"_s, m_tlsPort, true);
            server.caCertificates = QSslCertificate::fromPath(m_authd.certificatePath());
            server.pinnedSha256 = other;
            client.login(server, u"alice"_s, password);
            QVERIFY(failed.wait(20000));
            QCOMPARE(failed.first().first().value<AuthClient::Error>().kind,
                     AuthClient::ErrorKind::CertificateChanged);
            QCOMPARE(in.count(), 0);
        }
    }

    void retryAfterChangingTheServerUsesANewConnection()
    {
        // A wrong password against one server, then the user types another port: the
        // proof must go to the new server over a new connection, never down the old one.
        FakeServer old;
        int starts = 0;
        old.respond = [&starts](const QJsonObject &m) {
            if (m.value(u"type"_s) != u"auth-start"_s)
                return Tap::encodeFrame({{u"type"_s, u"auth-failed"_s},
                                         {u"reason"_s, u"invalid-credentials"_s},
                                         {u"attempts_left"_s, 2}});
            ++starts;
            const QString nonce = m.value(u"message"_s).toString().section(u"r="_s, 1);
            return Tap::encodeFrame(
                {{u"type"_s, u"auth-challenge"_s},
                 {u"message"_s, u"r=%1xyz,s=c2FsdHNhbHQ=,i=4096"_s.arg(nonce)}});
        };
        AuthClient client;
        QSignalSpy failed(&client, &AuthClient::failed);
        QSignalSpy in(&client, &AuthClient::loggedIn);
        client.login(at(u"127.0.0.1"_s, old.serverPort()), u"alice"_s, password);
        QVERIFY(failed.wait(20000));
        QCOMPARE(failed.first().first().value<AuthClient::Error>().kind,
                 AuthClient::ErrorKind::WrongCredentials);
        client.login(at(u"127.0.0.1"_s, m_port), u"alice"_s, password);
        QVERIFY(in.wait(20000));
        QCOMPARE(starts, 1);
        // And TLS switched on for the same host is another connection too (verified).
        AuthClient tls;
        QSignalSpy tlsFailed(&tls, &AuthClient::failed);
        QSignalSpy tlsIn(&tls, &AuthClient::loggedIn);
        tls.login(at(u"localhost"_s, m_port), u"alice"_s, u"wrong"_s);
        QVERIFY(tlsFailed.wait(20000));
        AuthClient::Server secure = at(u"localhost"_s, m_tlsPort, true);
        secure.caCertificates = QSslCertificate::fromPath(m_authd.certificatePath());
        tls.login(secure, u"alice"_s, password);
        QVERIFY(tlsIn.wait(20000));
    }

    void resumeIntrospectAndRevocation()
    {
        AuthClient first;
        QSignalSpy in(&first, &AuthClient::loggedIn);
        first.login(at(u"127.0.0.1"_s, m_port), u"alice"_s, password);
        QVERIFY(in.wait(20000));
        const QString token = first.token();

        AuthClient probe;
        QSignalSpy answer(&probe, &AuthClient::replied);
        probe.introspect(at(u"127.0.0.1"_s, m_port), token);
        QVERIFY(answer.wait(10000));
        QCOMPARE(answer.last().first().toJsonObject().value(u"active"_s).toBool(), true);
        QCOMPARE(answer.last().first().toJsonObject().value(u"sub"_s).toString(), u"alice"_s);
        QCOMPARE(probe.state(), AuthClient::State::Closed);

        // A restart: the token resumes a session without the password, once.
        AuthClient resumed;
        QSignalSpy resumedIn(&resumed, &AuthClient::loggedIn);
        resumed.resume(at(u"127.0.0.1"_s, m_port), token);
        QVERIFY(resumedIn.wait(10000));
        QVERIFY(resumed.token() != token);
        QCOMPARE(resumed.state(), AuthClient::State::Authenticated);

        probe.introspect(at(u"127.0.0.1"_s, m_port), token);
        QVERIFY(answer.wait(10000));
        QCOMPARE(answer.last().first().toJsonObject(),
                 (QJsonObject{{u"type"_s, u"introspection"_s}, {u"active"_s, false}}));

        AuthClient replay;
        QSignalSpy replayFailed(&replay, &AuthClient::failed);
        replay.resume(at(u"127.0.0.1"_s, m_port), token);
        QVERIFY(replayFailed.wait(10000));
        QCOMPARE(replayFailed.first().first().value<AuthClient::Error>().kind,
                 AuthClient::ErrorKind::InvalidToken);

        // The first session's token was spent by the resume: its connection is refused now.
        QSignalSpy firstFailed(&first, &AuthClient::failed);
        first.request(u"whoami"_s);
        QVERIFY(firstFailed.wait(10000));
        QCOMPARE(firstFailed.first().first().value<AuthClient::Error>().kind,
                 AuthClient::ErrorKind::Revoked);
    }

    void keyDerivationDoesNotBlockTheCallersThread()
    {
        // 10,000,000 iterations (the most a client accepts) take seconds: the event loop must keep
        // turning.
        FakeServer slow;
        QElapsedTimer proofAt;
        slow.respond = [&proofAt](const QJsonObject &m) {
            if (m.value(u"type"_s) != u"auth-start"_s) {
                proofAt.start();
                return QByteArray();
            }
            const QString nonce = m.value(u"message"_s).toString().section(u"r="_s, 1);
            return Tap::encodeFrame(
                {{u"type"_s, u"auth-challenge"_s},
                 {u"message"_s, u"r=%1xyz,s=c2FsdHNhbHQ=,i=10000000"_s.arg(nonce)}});
        };
        AuthClient client;
        client.setTimeout(120000);
        QElapsedTimer sinceTick;
        qint64 longestGap = 0;
        QTimer ticker;
        ticker.setInterval(20);
        connect(&ticker, &QTimer::timeout, this,
                [&] { longestGap = qMax(longestGap, sinceTick.restart()); });
        QSignalSpy states(&client, &AuthClient::stateChanged);
        sinceTick.start();
        ticker.start();
        client.login(at(u"127.0.0.1"_s, slow.serverPort()), u"alice"_s, password);
        QTRY_VERIFY_WITH_TIMEOUT(proofAt.isValid(), 120000);
        ticker.stop();
        QVERIFY2(longestGap < 250,
                 qPrintable(u"the event loop stood still for %1 ms"_s.arg(longestGap)));
        bool derived = false;
        for (const auto &args : states)
            derived |= args.first().value<AuthClient::State>() == AuthClient::State::Deriving;
        QVERIFY(derived);
    }

    void cannotConnect()
    {
        QTcpServer closed;
        closed.listen(QHostAddress::LocalHost, 0);
        const quint16 port = closed.serverPort();
        closed.close();
        AuthClient client;
        QSignalSpy failed(&client, &AuthClient::failed);
        client.login(at(u"127.0.0.1"_s, port), u"alice"_s, password);
        QVERIFY(failed.wait(10000));
        QCOMPARE(failed.first().first().value<AuthClient::Error>().kind,
                 AuthClient::ErrorKind::CannotConnect);
    }

    void impostorIsDetected()
    {
        // Accepts any proof and answers with a made-up server signature.
        FakeServer fake;
        fake.respond = [](const QJsonObject &m) {
            const QString message = m.value(u"message"_s).toString();
            if (m.value(u"type"_s) == u"auth-start"_s) {
                const QString nonce = message.section(u"r="_s, 1);
                return Tap::encodeFrame(
                    {{u"type"_s, u"auth-challenge"_s},
                     {u"message"_s, u"r=%1xyz,s=c2FsdHNhbHQ=,i=4096"_s.arg(nonce)}});
            }
            return Tap::encodeFrame(
                {{u"type"_s, u"auth-ok"_s},
                 {u"message"_s, u"v=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="_s},
                 {u"token"_s, u"forged.token.here"_s}});
        };
        AuthClient client;
        QSignalSpy failed(&client, &AuthClient::failed);
        QSignalSpy in(&client, &AuthClient::loggedIn);
        client.login(at(u"127.0.0.1"_s, fake.serverPort()), u"alice"_s, password);
        QVERIFY(failed.wait(20000));
        QCOMPARE(failed.first().first().value<AuthClient::Error>().kind,
                 AuthClient::ErrorKind::Impostor);
        QCOMPARE(in.count(), 0);
        QVERIFY(client.token().isEmpty());
    }

    void iterationCountsOutsideTheBoundsAreRefused_data()
    {
        QTest::addColumn<int>("iterations");
        QTest::newRow("downgrade") << 1000;
        QTest::newRow("denial of service") << 20000000;
    }
    void iterationCountsOutsideTheBoundsAreRefused()
    {
        QFETCH(int, iterations);
        FakeServer fake;
        fake.respond = [iterations](const QJsonObject &m) {
            const QString nonce = m.value(u"message"_s).toString().section(u"r="_s, 1);
            return Tap::encodeFrame(
                {{u"type"_s, u"auth-challenge"_s},
                 {u"message"_s, u"r=%1xyz,s=c2FsdA==,i=%2"_s.arg(nonce).arg(iterations)}});
        };
        AuthClient client;
        QSignalSpy failed(&client, &AuthClient::failed);
        client.login(at(u"127.0.0.1"_s, fake.serverPort()), u"alice"_s, password);
        QVERIFY(failed.wait(10000));
        const auto error = failed.first().first().value<AuthClient::Error>();
        QCOMPARE(error.kind, AuthClient::ErrorKind::Protocol);
        QVERIFY2(error.message.contains(u"iterations"_s), qPrintable(error.message));
    }

    void serverBusyCarriesItsRetryAfter()
    {
        FakeServer busy;
        busy.respond = [](const QJsonObject &) {
            return Tap::encodeFrame({{u"type"_s, u"error"_s}, {u"code"_s, u"server-busy"_s},
                                     {u"message"_s, u"database unavailable"_s},
                                     {u"retry_after"_s, 2}});
        };
        AuthClient client;
        QSignalSpy failed(&client, &AuthClient::failed);
        client.login(at(u"127.0.0.1"_s, busy.serverPort()), u"alice"_s, password);
        QVERIFY(failed.wait(10000));
        const auto error = failed.first().first().value<AuthClient::Error>();
        QCOMPARE(error.kind, AuthClient::ErrorKind::ServerBusy);
        QCOMPARE(error.retryAfter, 2);
    }

    void garbageAndSilence()
    {
        FakeServer garbage;
        garbage.sendHello = false;
        connect(&garbage, &QTcpServer::newConnection, &garbage, [] {});
        garbage.respond = nullptr;
        QObject::connect(&garbage, &QTcpServer::pendingConnectionAvailable, &garbage, [] {});
        {
            // A server that sends an impossible frame length.
            QTcpServer bad;
            bad.listen(QHostAddress::LocalHost, 0);
            connect(&bad, &QTcpServer::newConnection, &bad, [&bad] {
                bad.nextPendingConnection()->write(QByteArray("\xff\xff\xff\xff", 4));
            });
            AuthClient client;
            QSignalSpy failed(&client, &AuthClient::failed);
            client.login(at(u"127.0.0.1"_s, bad.serverPort()), u"alice"_s, password);
            QVERIFY(failed.wait(10000));
            QCOMPARE(failed.first().first().value<AuthClient::Error>().kind,
                     AuthClient::ErrorKind::Protocol);
        }
        // Servers that send garbage after a proper hello: a frame that is not JSON, not UTF-8, not
        // an object.
        for (const QByteArray &junk :
             {QByteArray("\x00\x00\x00\x05hello", 9), QByteArray("\x00\x00\x00\x02\xff\xfe", 6),
              QByteArray("\x00\x00\x00\x03[1]", 7), QByteArray("\x00\x00\x00\x00", 4)}) {
            FakeServer noisy;
            noisy.respond = [junk](const QJsonObject &) {
                return junk;
            };
            AuthClient client;
            QSignalSpy failed(&client, &AuthClient::failed);
            QSignalSpy in(&client, &AuthClient::loggedIn);
            client.login(at(u"127.0.0.1"_s, noisy.serverPort()), u"alice"_s, password);
            QVERIFY(failed.wait(10000));
            const auto error = failed.first().first().value<AuthClient::Error>();
            QCOMPARE(error.kind, AuthClient::ErrorKind::Protocol);
            QVERIFY2(error.message.contains(u"bad frame"_s), qPrintable(error.message));
            QTest::qWait(50);
            QCOMPARE(failed.count(), 1);
            QCOMPARE(in.count(), 0);
        }
        // A server that says nothing: the client gives up on its own.
        AuthClient client;
        client.setTimeout(300);
        QSignalSpy failed(&client, &AuthClient::failed);
        client.login(at(u"127.0.0.1"_s, garbage.serverPort()), u"alice"_s, password);
        QVERIFY(failed.wait(5000));
        QCOMPARE(failed.first().first().value<AuthClient::Error>().kind,
                 AuthClient::ErrorKind::Timeout);
    }

    void cancelEndsOnce()
    {
        FakeServer silent;
        silent.sendHello = false;
        AuthClient client;
        QSignalSpy failed(&client, &AuthClient::failed);
        client.login(at(u"127.0.0.1"_s, silent.serverPort()), u"alice"_s, password);
        client.cancel();
        client.cancel();
        QCOMPARE(failed.count(), 1);
        QCOMPARE(failed.first().first().value<AuthClient::Error>().kind,
                 AuthClient::ErrorKind::Cancelled);
        QTest::qWait(200);
        QCOMPARE(failed.count(), 1);
    }

private:
    TestSupport::RealAuthd m_authd;
    quint16 m_port = 0;
    quint16 m_tlsPort = 0;
};

QTEST_GUILESS_MAIN(TestAuthClient)
#include "tst_authclient.moc"
