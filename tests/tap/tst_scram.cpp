// SPDX-License-Identifier: GPL-3.0-or-later
// SCRAM-SHA-256 against RFC 7677 §3, and the exchanges against each other.
#include "core/scram/scram.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace {
const QByteArray clientNonce = "rOprNGfwEbeRWgbNEkqO";
const QByteArray serverNonce = "%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0";
const QByteArray serverFirst = "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096";
const QByteArray clientFinal = "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=";
const QByteArray serverFinal = "v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=";
} // namespace

class TestScram : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void clientMatchesRfc7677()
    {
        Scram::ClientExchange client(u"user"_s, u"pencil"_s, clientNonce);
        QString error;
        QCOMPARE(client.clientFirst(&error), QByteArray("n,,n=user,r=rOprNGfwEbeRWgbNEkqO"));
        QCOMPARE(client.handleServerFirst(serverFirst, &error), clientFinal);
        QVERIFY2(client.verifyServerFinal(serverFinal, &error), qPrintable(error));
        QVERIFY(!client.verifyServerFinal("v=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", &error));
        QVERIFY(error.contains(u"impostor"_s));
    }

    void serverMatchesRfc7677()
    {
        const Scram::Verifier verifier = Scram::Verifier::fromPassword(
            u"pencil"_s, QByteArray::fromBase64("W22ZaJ0SNY7soEsUEjb6gQ=="), 4096);
        Scram::ServerExchange server(serverNonce);
        QCOMPARE(server.handleClientFirst("n,,n=user,r=rOprNGfwEbeRWgbNEkqO"), std::optional(u"user"_s));
        QCOMPARE(server.serverFirst(verifier), serverFirst);
        Scram::ServerExchange::Failure failure;
        QCOMPARE(server.handleClientFinal(clientFinal, &failure), serverFinal);
        QCOMPARE(failure, Scram::ServerExchange::Failure::None);
    }

    void verifierTextRoundTrips()
    {
        const auto v = Scram::Verifier::fromPassword(u"pencil"_s, "0123456789abcdef", 15000);
        const QString text = v.toString();
        QVERIFY(text.startsWith(u"SCRAM-SHA-256$15000:"_s));
        const auto parsed = Scram::Verifier::parse(text);
        QVERIFY(parsed);
        QCOMPARE(parsed->storedKey, v.storedKey);
        QCOMPARE(parsed->serverKey, v.serverKey);
        QVERIFY(!Scram::Verifier::parse(u"SCRAM-SHA-256$x:y$z:w"_s));
        QVERIFY(!Scram::Verifier::parse(u"md5$abc"_s));
    }

    void wrongPasswordAndTamperedNonce()
    {
        const auto verifier = Scram::Verifier::fromPassword(u"right"_s, "saltsaltsalt", 4096);
        for (const bool tamper : {false, true}) {
            Scram::ClientExchange client(u"alice"_s, u"wrong"_s);
            Scram::ServerExchange server;
            QString error;
            QVERIFY(server.handleClientFirst(client.clientFirst(&error)));
            QByteArray final = client.handleServerFirst(server.serverFirst(verifier), &error);
            if (tamper)
                final.replace(",r=", ",r=X");
            Scram::ServerExchange::Failure failure;
            QVERIFY(server.handleClientFinal(final, &failure).isEmpty());
            QCOMPARE(failure, tamper ? Scram::ServerExchange::Failure::NonceMismatch
                                     : Scram::ServerExchange::Failure::InvalidProof);
        }
    }

    void namesAreEscapedAndControlCharactersRefused()
    {
        QCOMPARE(Scram::encodeName(u"a=b,c"_s), std::optional(u"a=3Db=2Cc"_s));
        QCOMPARE(Scram::decodeName(u"a=3Db=2Cc"_s), std::optional(u"a=b,c"_s));
        QVERIFY(!Scram::decodeName(u"a=41"_s));
        QVERIFY(!Scram::encodeName(u"bad\nname"_s));
        QCOMPARE(Scram::encodeName(u"ｕｓｅｒ"_s), std::optional(u"user"_s)); // NFKC
        Scram::ClientExchange client(u"a=b"_s, u"pw"_s, "nonce");
        QString error;
        QCOMPARE(client.clientFirst(&error), QByteArray("n,,n=a=3Db,r=nonce"));
        Scram::ServerExchange server;
        QCOMPARE(server.handleClientFirst("n,,n=a=3Db,r=nonce"), std::optional(u"a=b"_s));
    }

    void clientRefusesDowngradeAndDenialOfService_data()
    {
        QTest::addColumn<QByteArray>("iterations");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("4095") << QByteArray("4095") << false;
        QTest::newRow("4096") << QByteArray("4096") << true;
        QTest::newRow("10000000") << QByteArray("10000000") << true;
        QTest::newRow("10000001") << QByteArray("10000001") << false;
        QTest::newRow("negative") << QByteArray("-1") << false;
        QTest::newRow("text") << QByteArray("many") << false;
    }
    void clientRefusesDowngradeAndDenialOfService()
    {
        QFETCH(QByteArray, iterations);
        QFETCH(bool, accepted);
        Scram::ClientExchange client(u"user"_s, u"pencil"_s, clientNonce);
        QString error;
        client.clientFirst(&error);
        // 10,000,000 is computed too (about 2.5 s with SHA-NI): the bound is inclusive, and
        // an accepted count must yield a client-final message, not only pass a check.
        const QByteArray message = "r=" + clientNonce + "abc,s=c2FsdA==,i=" + iterations;
        const QByteArray final = client.handleServerFirst(message, &error);
        QCOMPARE(!final.isEmpty(), accepted);
        if (accepted) {
            QVERIFY(final.startsWith(QByteArray("c=biws,r=" + clientNonce + "abc,p=")));
            QCOMPARE(client.iterations(), iterations.toInt());
        } else {
            QVERIFY(!error.isEmpty());
            QVERIFY(error.contains(u"iteration"_s) || iterations == "many" || iterations == "-1");
        }
    }

    void clientRefusesAForeignNonce()
    {
        Scram::ClientExchange client(u"user"_s, u"pencil"_s, clientNonce);
        QString error;
        client.clientFirst(&error);
        QVERIFY(client.handleServerFirst("r=somebodyelse,s=c2FsdA==,i=4096", &error).isEmpty());
        QVERIFY(client.handleServerFirst("garbage", &error).isEmpty());
    }

    void serverRefusesMalformedMessages_data()
    {
        QTest::addColumn<QByteArray>("clientFirst");
        QTest::newRow("no gs2") << QByteArray("n=user,r=abc");
        QTest::newRow("channel binding") << QByteArray("p=tls-unique,,n=user,r=abc");
        QTest::newRow("no nonce") << QByteArray("n,,n=user");
        QTest::newRow("empty name") << QByteArray("n,,n=,r=abc");
        QTest::newRow("bad escape") << QByteArray("n,,n=us=er,r=abc");
        QTest::newRow("empty") << QByteArray();
    }
    void serverRefusesMalformedMessages()
    {
        QFETCH(QByteArray, clientFirst);
        Scram::ServerExchange server;
        QVERIFY(!server.handleClientFirst(clientFirst));
    }
};

QTEST_GUILESS_MAIN(TestScram)
#include "tst_scram.moc"
