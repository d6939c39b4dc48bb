// SPDX-License-Identifier: GPL-3.0-or-later
// The published examples: RFC 7515 Appendix A and RFC 8037 Appendix A.
#include "core/jwt/inspector.h"

#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QString fixture(const QString &name)
{
    QFile file(QStringLiteral(FIXTURES_DIR) + u'/' + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(name));
    return QString::fromUtf8(file.readAll());
}

// Before the examples' exp (1300819380), so the claims are valid too.
constexpr qint64 exampleNow = 1300819000;

} // namespace

class TestJwtRfc : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void appendixAVerifies_data()
    {
        QTest::addColumn<QString>("token");
        QTest::addColumn<QString>("jwk");
        QTest::addColumn<QString>("alg");
        QTest::newRow("A.1 HS256") << u"rfc7515-a1.jwt"_s << u"rfc7515-a1.jwk.json"_s << u"HS256"_s;
        QTest::newRow("A.2 RS256") << u"rfc7515-a2.jwt"_s << u"rfc7515-a2.jwk.json"_s << u"RS256"_s;
        QTest::newRow("A.3 ES256") << u"rfc7515-a3.jwt"_s << u"rfc7515-a3.jwk.json"_s << u"ES256"_s;
    }
    void appendixAVerifies()
    {
        QFETCH(QString, token);
        QFETCH(QString, jwk);
        QFETCH(QString, alg);
        Jwt::InspectOptions options;
        options.now = exampleNow;
        const Jwt::Report r = Jwt::inspect(fixture(token), {Jwt::KeyInput::Kind::KeyText, fixture(jwk)}, options);
        QCOMPARE(r.token.alg, alg);
        QVERIFY2(r.errors.isEmpty(), qPrintable(r.errors.value(0).message));
        QCOMPARE(r.signature, Jwt::SignatureVerdict::Valid);
        QCOMPARE(r.exitCode(), 0);
        // After exp the same signature is still valid, and the claims are not.
        options.now = 1300819380 + 3600;
        const Jwt::Report late = Jwt::inspect(fixture(token), {Jwt::KeyInput::Kind::KeyText, fixture(jwk)}, options);
        QCOMPARE(late.signature, Jwt::SignatureVerdict::Valid);
        QCOMPARE(late.claims, Jwt::ClaimsVerdict::Expired);
        QCOMPARE(late.errors.first().kind, Jwt::ErrorKind::Expired);
    }

    // A.4 signs the plain text "Payload": a valid JWS, though not a JWT.
    void appendixA4VerifiesTextPayload()
    {
        const Jwt::Report r = Jwt::inspect(fixture(u"rfc7515-a4.jwt"_s),
                                           {Jwt::KeyInput::Kind::KeyText, fixture(u"rfc7515-a4.jwk.json"_s)});
        QCOMPARE(r.token.alg, u"ES512"_s);
        QCOMPARE(r.signature, Jwt::SignatureVerdict::Valid);
        QCOMPARE(r.token.payloadText(), std::optional(u"Payload"_s));
        QCOMPARE(r.errors.size(), 1);
        QCOMPARE(r.errors.first().kind, Jwt::ErrorKind::Json);
    }

    void appendixA1KeepsTheExactBytes()
    {
        const Jwt::Token t = Jwt::decodeToken(fixture(u"rfc7515-a1.jwt"_s));
        QCOMPARE(t.headerBytes, QByteArray("{\"typ\":\"JWT\",\r\n \"alg\":\"HS256\"}"));
        QCOMPARE(Jwt::toCompactJson(*t.payload),
                 u"{\"iss\":\"joe\",\"exp\":1300819380,\"http://example.com/is_root\":true}"_s);
    }

    void appendixA5IsUnsecured()
    {
        Jwt::InspectOptions options;
        options.now = exampleNow;
        const Jwt::Report r = Jwt::inspect(fixture(u"rfc7515-a5.jwt"_s), {}, options);
        QCOMPARE(r.errors.first().kind, Jwt::ErrorKind::AlgNone);
        QCOMPARE(r.signature, Jwt::SignatureVerdict::Invalid);
    }

    // RFC 8037 A.4 signs plain text: the signature verifies, the payload is shown
    // as text and reported as not being a JSON object.
    void rfc8037Ed25519()
    {
        const Jwt::Report r = Jwt::inspect(fixture(u"rfc8037-a4.jwt"_s),
                                           {Jwt::KeyInput::Kind::KeyText, fixture(u"rfc8037-a1.jwk.json"_s)});
        QCOMPARE(r.signature, Jwt::SignatureVerdict::Valid);
        QCOMPARE(r.token.payloadText(), std::optional(u"Example of Ed25519 signing"_s));
        QCOMPARE(r.errors.size(), 1);
        QCOMPARE(r.errors.first().kind, Jwt::ErrorKind::Json);
        QCOMPARE(r.errors.first().segment, 1);
    }
};

QTEST_GUILESS_MAIN(TestJwtRfc)
#include "tst_jwtrfc.moc"
