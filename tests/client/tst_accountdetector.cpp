// SPDX-License-Identifier: GPL-3.0-or-later
// Client::AccountDetector against the real Dovecot of the mail stack (POP3S and
// STLS), plus scripted local servers for what Dovecot never does.
#include "client/accountdetector.h"

#include <QFile>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace Qt::StringLiterals;
using Types::MailSecurity;

namespace {
const QString kAddress = u"someone@example.test"_s;

// A port on 127.0.0.1 where nothing listens.
quint16 closedPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost))
        return 0;
    return server.serverPort(); // closed when server goes
}
} // namespace

class TestAccountDetector : public QObject
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
        m_ca = QSslCertificate::fromPath(m_env.value(u"CA_CERT"_s)).value(0);
        QVERIFY(!m_ca.isNull());
    }

    void domainsFromAddresses()
    {
        QCOMPARE(Client::AccountDetector::domainOf(u" Alice@Example.ORG. "_s), u"example.org"_s);
        QCOMPARE(Client::AccountDetector::domainOf(u"a@b@mail.example.net"_s),
                 u"mail.example.net"_s);
        QCOMPARE(Client::AccountDetector::domainOf(u"no-at-sign"_s), QString());
        QCOMPARE(Client::AccountDetector::domainOf(u"@example.org"_s), QString());
        QCOMPARE(Client::AccountDetector::domainOf(u"a@exa mple.org"_s), QString());
        QCOMPARE(Client::AccountDetector::domainOf(u"张@例子.中国"_s), u"xn--fsqu00a.xn--fiqs8s"_s);
        Client::AccountDetector detector;
        const auto order = detector.candidates(u"a@example.org"_s);
        QCOMPARE(order.size(), 4);
        QCOMPARE(order.at(0).host, u"pop.example.org"_s);
        QCOMPARE(order.at(0).port, quint16(995));
        QCOMPARE(order.at(0).security, MailSecurity::Tls);
        QCOMPARE(order.at(1).host, u"mail.example.org"_s);
        QCOMPARE(order.at(2).port, quint16(110));
        QCOMPARE(order.at(2).security, MailSecurity::StartTls);
        QVERIFY(!detector.start(u"nobody"_s)); // nothing to guess from
        QVERIFY(!detector.isRunning());
    }

    void findsPop3sFirst()
    {
        Client::AccountDetector detector;
        detector.setPorts(port(u"POP3S_PORT"_s), port(u"POP3_PORT"_s));
        detector.setHostAddresses(bothToLocalhost());
        detector.setCaCertificates({m_ca});
        const Client::DetectionResult result = run(detector);
        QVERIFY(result.found);
        QCOMPARE(result.server.host, u"pop.example.test"_s);
        QCOMPARE(result.server.port, port(u"POP3S_PORT"_s));
        QCOMPARE(result.server.security, MailSecurity::Tls);
        QVERIFY2(result.server.greeting.contains(u"Dovecot"_s), qPrintable(result.server.greeting));
        QVERIFY2(result.server.capabilities.contains(u"UIDL"_s),
                 qPrintable(result.server.capabilities.join(u',')));
        QCOMPARE(result.server.certificate, m_ca);
        // The stack's certificate names localhost and 127.0.0.1, not pop.example.test: the name
        // is checked even when the address comes from the map, and the CA itself is trusted.
        QVERIFY(!result.server.certificateVerified);
        QCOMPARE(result.server.certificateProblems.size(), 1);
        QVERIFY2(
            result.server.certificateProblems.first().contains(u"host name"_s, Qt::CaseInsensitive),
            qPrintable(result.server.certificateProblems.first()));
        QVERIFY(result.failures.isEmpty());
    }

    void findsStlsWhenOnlyThePlainPortAnswers()
    {
        Client::AccountDetector detector;
        detector.setPorts(closedPort(), port(u"POP3_PORT"_s));
        detector.setHostAddresses(bothToLocalhost());
        const Client::DetectionResult result = run(detector);
        QVERIFY(result.found);
        QCOMPARE(result.server.host, u"pop.example.test"_s);
        QCOMPARE(result.server.port, port(u"POP3_PORT"_s));
        QCOMPARE(result.server.security, MailSecurity::StartTls);
        QVERIFY(!result.server.greeting.isEmpty());
        QVERIFY(!result.server.certificate.isNull()); // the upgrade really happened
        // Capabilities as seen after the upgrade: STLS is no longer offered then.
        QVERIFY(result.server.capabilities.contains(u"UIDL"_s));
        QVERIFY(!result.server.capabilities.contains(u"STLS"_s));
        // No CA given: the self-signed certificate is among the problems.
        QVERIFY(!result.server.certificateVerified);
        QVERIFY(result.server.certificateProblems.size() >= 2);
        // The two TLS candidates before it were tried and refused.
        QCOMPARE(result.failures.size(), 2);
        for (const auto &failure : result.failures) {
            QCOMPARE(failure.security, MailSecurity::Tls);
            QVERIFY2(failure.problem.contains(u"refused"_s, Qt::CaseInsensitive),
                     qPrintable(failure.problem));
        }
    }

    void saysNothingWasFoundWhenNothingListens()
    {
        Client::AccountDetector detector;
        const quint16 closed = closedPort();
        detector.setPorts(closed, closed);
        detector.setHostAddresses(bothToLocalhost());
        const Client::DetectionResult result = run(detector);
        QVERIFY(!result.found);
        QVERIFY(!result.cancelled);
        QCOMPARE(result.failures.size(), 4);
        for (const auto &failure : result.failures)
            QVERIFY2(failure.problem.contains(u"refused"_s, Qt::CaseInsensitive),
                     qPrintable(failure.problem));
    }

    void aSilentServerTimesOutAndCancelEndsOnce()
    {
        QTcpServer silent; // accepts and never says a word
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        Client::AccountDetector detector;
        detector.setPorts(silent.serverPort(), silent.serverPort());
        detector.setHostAddresses(bothToLocalhost());
        detector.setTimeout(300);
        QElapsedTimer clock;
        clock.start();
        const Client::DetectionResult result = run(detector);
        QVERIFY(!result.found);
        QCOMPARE(result.failures.size(), 4);
        QVERIFY2(result.failures.first().problem.contains(u"no answer"_s),
                 qPrintable(result.failures.first().problem));
        QVERIFY(clock.elapsed() < 5000); // the candidates are tried at once, not one after another

        detector.setTimeout(60000);
        QSignalSpy finished(&detector, &Client::AccountDetector::finished);
        QVERIFY(detector.start(kAddress));
        QVERIFY(detector.isRunning());
        QTest::qWait(100);
        detector.cancel();
        QCOMPARE(finished.count(), 1);
        QVERIFY(finished.first().first().value<Client::DetectionResult>().cancelled);
        QVERIFY(!detector.isRunning());
        QTest::qWait(300);
        QCOMPARE(finished.count(), 1);
    }

    void dataInjectedBeforeTheTlsUpgradeIsRefused()
    {
        // A man in the middle answering STLS and appending a reply of its own in clear.
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        connect(&server, &QTcpServer::newConnection, this, [&server] {
            QTcpSocket *client = server.nextPendingConnection();
            client->write("+OK fake ready\r\n");
            connect(client, &QTcpSocket::readyRead, client, [client] {
                while (client->canReadLine()) {
                    const QByteArray line = client->readLine().trimmed();
                    if (line == "CAPA")
                        client->write("+OK\r\nUIDL\r\nSTLS\r\n.\r\n");
                    else if (line == "STLS")
                        client->write("+OK begin TLS\r\n+OK injected\r\n");
                }
            });
        });
        Client::AccountDetector detector;
        detector.setPorts(closedPort(), server.serverPort());
        detector.setHostAddresses(bothToLocalhost());
        const Client::DetectionResult result = run(detector);
        QVERIFY(!result.found);
        QCOMPARE(result.failures.size(), 4);
        QVERIFY2(result.failures.at(2).problem.contains(u"after accepting STLS"_s),
                 qPrintable(result.failures.at(2).problem));
    }

    void aServerWithoutStlsIsNotTakenForOne()
    {
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        connect(&server, &QTcpServer::newConnection, this, [&server] {
            QTcpSocket *client = server.nextPendingConnection();
            client->write("+OK plain only\r\n");
            connect(client, &QTcpSocket::readyRead, client, [client] {
                while (client->canReadLine())
                    if (client->readLine().trimmed() == "CAPA")
                        client->write("+OK\r\nUIDL\r\nUSER\r\n.\r\n");
            });
        });
        Client::AccountDetector detector;
        detector.setPorts(closedPort(), server.serverPort());
        detector.setHostAddresses(bothToLocalhost());
        const Client::DetectionResult result = run(detector);
        QVERIFY(!result.found);
        QVERIFY2(result.failures.at(2).problem.contains(u"does not offer STLS"_s),
                 qPrintable(result.failures.at(2).problem));
    }

private:
    quint16 port(const QString &name) const { return quint16(m_env.value(name).toUInt()); }

    static QHash<QString, QHostAddress> bothToLocalhost()
    {
        return {{u"pop.example.test"_s, QHostAddress::LocalHost},
                {u"mail.example.test"_s, QHostAddress::LocalHost}};
    }

    static Client::DetectionResult run(Client::AccountDetector &detector)
    {
        QSignalSpy finished(&detector, &Client::AccountDetector::finished);
        if (!detector.start(kAddress) || !finished.wait(30000))
            return Client::DetectionResult();
        QTest::qWait(50); // exactly one ending
        if (finished.count() != 1)
            qFatal("finished %d times", int(finished.count()));
        return finished.first().first().value<Client::DetectionResult>();
    }

    QHash<QString, QString> m_env;
    QSslCertificate m_ca;
};

QTEST_GUILESS_MAIN(TestAccountDetector)
#include "tst_accountdetector.moc"
