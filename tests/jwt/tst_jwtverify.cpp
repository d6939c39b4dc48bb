// SPDX-License-Identifier: GPL-3.0-or-later
// Verification: every algorithm, the key deciding the algorithm, claims and warnings.
#include "core/jwt/inspector.h"
#include "core/jwt/signer.h"

#include <QTest>

using namespace Qt::StringLiterals;
using Jwt::ErrorKind;
using Jwt::KeyInput;
using Jwt::WarningKind;

namespace {

constexpr qint64 now = 1800000000;
const QString goodPayload = u"{\"sub\":\"tester\",\"iat\":1799999000,\"exp\":1800003600}"_s;
const QByteArray secret32 = "0123456789abcdef0123456789abcdef";
const QByteArray secret64 = secret32 + secret32;

KeyInput secretKey(const QByteArray &s) { return {KeyInput::Kind::SecretText, QString::fromLatin1(s)}; }
KeyInput pemKey(const QByteArray &pem) { return {KeyInput::Kind::KeyText, QString::fromLatin1(pem)}; }

Crypto::Key keyFor(const QString &alg)
{
    if (alg.startsWith(u"RS"_s) || alg.startsWith(u"PS"_s))
        return Crypto::Key::generateRsa(2048);
    if (alg == u"ES256"_s)
        return Crypto::Key::generateEc(Crypto::Curve::P256);
    if (alg == u"ES384"_s)
        return Crypto::Key::generateEc(Crypto::Curve::P384);
    if (alg == u"ES512"_s)
        return Crypto::Key::generateEc(Crypto::Curve::P521);
    return Crypto::Key::generateEd25519();
}

QString sign(const QString &alg, const KeyInput &key, const QString &payload = goodPayload,
             const QString &header = {})
{
    const Jwt::SignResult r = Jwt::signToken(alg, header, payload, key);
    if (r.token.isEmpty())
        qFatal("signing failed: %s", qPrintable(r.error));
    return r.token;
}

Jwt::Report check(const QString &token, const KeyInput &key, qint64 at = now)
{
    Jwt::InspectOptions options;
    options.now = at;
    return Jwt::inspect(token, key, options);
}

bool hasError(const Jwt::Report &r, ErrorKind kind)
{
    return std::any_of(r.errors.begin(), r.errors.end(), [&](const auto &e) { return e.kind == kind; });
}

bool hasWarning(const Jwt::Report &r, WarningKind kind)
{
    return std::any_of(r.warnings.begin(), r.warnings.end(), [&](const auto &w) { return w.kind == kind; });
}

QString flipLastSignatureChar(QString token)
{
    QChar &c = token[token.size() - 2];
    c = c == u'A' ? u'B' : u'A';
    return token;
}

QString jwkOct(const QByteArray &secret, const QString &extra = {})
{
    return u"{\"kty\":\"oct\",%1\"k\":\"%2\"}"_s.arg(extra, QString::fromLatin1(secret.toBase64(
                                                        QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)));
}

} // namespace

class TestJwtVerify : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void hmacSignThenVerify_data()
    {
        QTest::addColumn<QString>("alg");
        QTest::newRow("HS256") << u"HS256"_s;
        QTest::newRow("HS384") << u"HS384"_s;
        QTest::newRow("HS512") << u"HS512"_s;
    }
    void hmacSignThenVerify()
    {
        QFETCH(QString, alg);
        const QString token = sign(alg, secretKey(secret64));
        Jwt::Report r = check(token, secretKey(secret64));
        QCOMPARE(r.signature, Jwt::SignatureVerdict::Valid);
        QVERIFY(r.errors.isEmpty());
        QCOMPARE(r.claims, Jwt::ClaimsVerdict::Valid);
        QCOMPARE(r.exitCode(), 0);
        QVERIFY(!hasWarning(r, WarningKind::ShortSecret));

        r = check(flipLastSignatureChar(token), secretKey(secret64));
        QCOMPARE(r.signature, Jwt::SignatureVerdict::Invalid);
        QCOMPARE(r.errors.first().kind, ErrorKind::Signature);
        QCOMPARE(r.exitCode(), 1);

        r = check(token, secretKey("another secret that is long enough for all of them, surely 64b"));
        QCOMPARE(r.signature, Jwt::SignatureVerdict::Invalid);
    }

    void asymmetricSignThenVerify_data()
    {
        QTest::addColumn<QString>("alg");
        for (const char *alg : {"RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256",
                                "ES384", "ES512", "EdDSA"})
            QTest::newRow(alg) << QString::fromLatin1(alg);
    }
    void asymmetricSignThenVerify()
    {
        QFETCH(QString, alg);
        const Crypto::Key key = keyFor(alg);
        const QString token = sign(alg, pemKey(key.privatePem()));
        Jwt::Report r = check(token, pemKey(key.publicPem()));
        QCOMPARE(r.signature, Jwt::SignatureVerdict::Valid);
        QCOMPARE(r.exitCode(), 0);
        QVERIFY(!r.keyUsed.isEmpty());

        r = check(flipLastSignatureChar(token), pemKey(key.publicPem()));
        QCOMPARE(r.signature, Jwt::SignatureVerdict::Invalid);
        QCOMPARE(r.exitCode(), 1);

        const Crypto::Key other = keyFor(alg);
        r = check(token, pemKey(other.publicPem()));
        QCOMPARE(r.signature, Jwt::SignatureVerdict::Invalid);
        QCOMPARE(r.errors.first().kind, ErrorKind::Signature);
    }

    void ecdsaRejectsDerAndZeroSignatures()
    {
        const Crypto::Key key = keyFor(u"ES256"_s);
        const QString token = sign(u"ES256"_s, pemKey(key.privatePem()));
        const QString input = token.left(token.lastIndexOf(u'.'));
        const QByteArray der = Crypto::sign(Crypto::SignatureScheme::Ecdsa, Crypto::Hash::Sha256, key,
                                            input.toLatin1());
        QCOMPARE(der.size(), 64); // JOSE form from our signer
        // The same r and s wrapped in DER must not verify.
        QByteArray r = der.left(32), s = der.mid(32);
        auto derInt = [](QByteArray v) -> QByteArray {
            while (v.size() > 1 && v[0] == 0 && !(quint8(v[1]) & 0x80))
                v.remove(0, 1);
            if (quint8(v[0]) & 0x80)
                v.prepend('\0');
            return QByteArray("\x02", 1) + char(v.size()) + v;
        };
        const QByteArray body = derInt(r) + derInt(s);
        const QByteArray derSig = QByteArray("\x30", 1) + char(body.size()) + body;
        auto withSig = [&](const QByteArray &sig) -> QString {
            return input + u'.' + QString::fromLatin1(sig.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
        };
        QCOMPARE(check(withSig(der), pemKey(key.publicPem())).signature, Jwt::SignatureVerdict::Valid);
        QCOMPARE(check(withSig(derSig), pemKey(key.publicPem())).signature, Jwt::SignatureVerdict::Invalid);
        QCOMPARE(check(withSig(QByteArray(64, '\0')), pemKey(key.publicPem())).signature,
                 Jwt::SignatureVerdict::Invalid);
        QCOMPARE(check(withSig(QByteArray()), pemKey(key.publicPem())).signature,
                 Jwt::SignatureVerdict::Invalid);
    }

    // The classic forgery: an RS256 token re-signed as HS256 with the public key as secret.
    void rsaPublicKeyIsNeverAnHmacSecret()
    {
        const Crypto::Key key = keyFor(u"RS256"_s);
        const QString forged = sign(u"HS256"_s, secretKey(key.publicPem()));
        const Jwt::Report r = check(forged, pemKey(key.publicPem()));
        QCOMPARE(r.signature, Jwt::SignatureVerdict::Invalid);
        QVERIFY(hasError(r, ErrorKind::AlgMismatch));
        QVERIFY(!hasError(r, ErrorKind::Signature));
        QVERIFY2(r.errors.first().message.contains(u"forge"_s), qPrintable(r.errors.first().message));
        QCOMPARE(r.exitCode(), 1);
    }

    void algorithmMismatches_data()
    {
        QTest::addColumn<QString>("alg");
        QTest::addColumn<QString>("keyText");
        QTest::addColumn<int>("keyKind");
        const Crypto::Key rsa = keyFor(u"RS256"_s);
        const Crypto::Key p384 = keyFor(u"ES384"_s);
        QTest::newRow("RS256 with a secret") << u"RS256"_s << u"a secret"_s << int(KeyInput::Kind::SecretText);
        QTest::newRow("ES256 with a P-384 key") << u"ES256"_s << QString::fromLatin1(p384.publicPem())
                                                << int(KeyInput::Kind::KeyText);
        QTest::newRow("EdDSA with RSA") << u"EdDSA"_s << QString::fromLatin1(rsa.publicPem())
                                        << int(KeyInput::Kind::KeyText);
        QTest::newRow("HS256 with a JWK for HS512") << u"HS256"_s << jwkOct(secret64, u"\"alg\":\"HS512\","_s)
                                                    << int(KeyInput::Kind::KeyText);
        QTest::newRow("HS256 with a JWK for encryption") << u"HS256"_s << jwkOct(secret64, u"\"use\":\"enc\","_s)
                                                         << int(KeyInput::Kind::KeyText);
    }
    void algorithmMismatches()
    {
        QFETCH(QString, alg);
        QFETCH(QString, keyText);
        QFETCH(int, keyKind);
        // A token that claims alg; its signature is irrelevant, it must never be checked.
        const QString claimed = QString::fromLatin1(u"{\"alg\":\"%1\"}"_s.arg(alg).toUtf8().toBase64(
                                    QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals))
            + u".eyJleHAiOjE4MDAwMDM2MDB9.c2ln"_s;
        const Jwt::Report r = check(claimed, {KeyInput::Kind(keyKind), keyText});
        QCOMPARE(r.errors.first().kind, ErrorKind::AlgMismatch);
        QCOMPARE(r.signature, Jwt::SignatureVerdict::Invalid);
    }

    void jwkAndJwksSelectByKid()
    {
        const QByteArray other = QByteArray(64, 'z');
        const QString token = sign(u"HS256"_s, secretKey(secret64), goodPayload, u"{\"kid\":\"two\"}"_s);
        const QString jwks = u"{\"keys\":[%1,%2]}"_s.arg(jwkOct(other, u"\"kid\":\"one\","_s),
                                                        jwkOct(secret64, u"\"kid\":\"two\","_s));
        QCOMPARE(check(token, {KeyInput::Kind::KeyText, jwks}).signature, Jwt::SignatureVerdict::Valid);
        QCOMPARE(check(token, {KeyInput::Kind::KeyText, jwkOct(secret64)}).signature,
                 Jwt::SignatureVerdict::Valid);
        // Unknown kid: a clear key error, not a silent try of every key.
        const QString missing = sign(u"HS256"_s, secretKey(secret64), goodPayload, u"{\"kid\":\"three\"}"_s);
        const Jwt::Report r = check(missing, {KeyInput::Kind::KeyText, jwks});
        QCOMPARE(r.errors.first().kind, ErrorKind::Key);
        QVERIFY(r.errors.first().message.contains(u"three"_s));
        // No kid: every key that fits is tried.
        const QString noKid = sign(u"HS256"_s, secretKey(secret64));
        QCOMPARE(check(noKid, {KeyInput::Kind::KeyText, jwks}).signature, Jwt::SignatureVerdict::Valid);
    }

    void secretsInBase64_data()
    {
        QTest::addColumn<QString>("text");
        const QByteArray bytes("\xfb\xff\xfe binary secret \x00\x01 that is long enough!!", 42);
        QTest::newRow("standard padded") << QString::fromLatin1(bytes.toBase64());
        QTest::newRow("url unpadded") << QString::fromLatin1(
            bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
        QTest::newRow("standard unpadded") << QString::fromLatin1(
            bytes.toBase64(QByteArray::OmitTrailingEquals));
    }
    void secretsInBase64()
    {
        QFETCH(QString, text);
        const QByteArray bytes("\xfb\xff\xfe binary secret \x00\x01 that is long enough!!", 42);
        const QString token = sign(u"HS256"_s, {KeyInput::Kind::SecretBase64, text});
        QCOMPARE(check(token, {KeyInput::Kind::SecretBase64,
                               QString::fromLatin1(bytes.toBase64())}).signature,
                 Jwt::SignatureVerdict::Valid);
        QCOMPARE(check(token, {KeyInput::Kind::SecretBase64, text}).signature, Jwt::SignatureVerdict::Valid);
        const Jwt::Report bad = check(token, {KeyInput::Kind::SecretBase64, u"not*base64"_s});
        QCOMPARE(bad.errors.first().kind, ErrorKind::Key);
    }

    void unusableKeysSayWhy()
    {
        const QString token = sign(u"RS256"_s, pemKey(keyFor(u"RS256"_s).privatePem()));
        Jwt::Report r = check(token, pemKey("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n"));
        QCOMPARE(r.errors.first().kind, ErrorKind::Key);
        QCOMPARE(r.signature, Jwt::SignatureVerdict::NotChecked);
        r = check(token, {KeyInput::Kind::KeyText, u"{\"kty\":\"RSA\",\"n\":\"AQAB\"}"_s});
        QCOMPARE(r.errors.first().kind, ErrorKind::Key);
        r = check(token, {KeyInput::Kind::KeyText, u"just some words"_s});
        QVERIFY(r.errors.first().message.contains(u"neither PEM"_s));
    }

    void algNoneIsNeverVerified()
    {
        // RFC 7515 A.5.
        const QString token = u"eyJhbGciOiJub25lIn0.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ."_s;
        for (const KeyInput &key : {KeyInput{}, secretKey(secret64)}) {
            const Jwt::Report r = check(token, key, 1300819000);
            QCOMPARE(r.errors.first().kind, ErrorKind::AlgNone);
            QCOMPARE(r.signature, Jwt::SignatureVerdict::Invalid);
            QCOMPARE(r.exitCode(), 1);
        }
        QVERIFY(Jwt::signToken(u"none"_s, {}, u"{}"_s, secretKey(secret64)).token.isEmpty());
    }

    void unsupportedAndCritical_data()
    {
        QTest::addColumn<QString>("header");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown alg") << u"{\"alg\":\"HS999\"}"_s << int(ErrorKind::UnsupportedAlg) << u"HS999"_s;
        QTest::newRow("no alg") << u"{\"typ\":\"JWT\"}"_s << int(ErrorKind::UnsupportedAlg) << u"no \"alg\""_s;
        QTest::newRow("crit unknown") << u"{\"alg\":\"HS256\",\"crit\":[\"exp\"],\"exp\":1}"_s
                                      << int(ErrorKind::Crit) << u"exp"_s;
        QTest::newRow("b64 false") << u"{\"alg\":\"HS256\",\"b64\":false,\"crit\":[\"b64\"]}"_s
                                   << int(ErrorKind::Crit) << u"RFC 7797"_s;
    }
    void unsupportedAndCritical()
    {
        QFETCH(QString, header);
        QFETCH(int, kind);
        QFETCH(QString, message);
        const QString token = QString::fromLatin1(header.toUtf8().toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals))
            + u".e30.c2ln"_s;
        const Jwt::Report r = check(token, secretKey(secret64));
        QCOMPARE(int(r.errors.first().kind), kind);
        QVERIFY2(r.errors.first().message.contains(message), qPrintable(r.errors.first().message));
        QCOMPARE(r.signature, Jwt::SignatureVerdict::NotChecked);
        QCOMPARE(r.exitCode(), 1);
    }

    void expiryAndNotBeforeWithLeeway_data()
    {
        QTest::addColumn<QString>("payload");
        QTest::addColumn<qint64>("leeway");
        QTest::addColumn<int>("claims");
        QTest::newRow("expired") << u"{\"exp\":1799999000}"_s << qint64(60) << int(Jwt::ClaimsVerdict::Expired);
        QTest::newRow("within leeway") << u"{\"exp\":1799999970}"_s << qint64(60) << int(Jwt::ClaimsVerdict::Valid);
        QTest::newRow("exactly now, no leeway") << u"{\"exp\":1800000000}"_s << qint64(0) << int(Jwt::ClaimsVerdict::Expired);
        QTest::newRow("not yet") << u"{\"exp\":1800009999,\"nbf\":1800000100}"_s << qint64(60)
                                 << int(Jwt::ClaimsVerdict::NotYetValid);
        QTest::newRow("nbf within leeway") << u"{\"exp\":1800009999,\"nbf\":1800000030}"_s << qint64(60)
                                           << int(Jwt::ClaimsVerdict::Valid);
    }
    void expiryAndNotBeforeWithLeeway()
    {
        QFETCH(QString, payload);
        QFETCH(qint64, leeway);
        QFETCH(int, claims);
        const QString token = sign(u"HS256"_s, secretKey(secret64), payload);
        Jwt::InspectOptions options;
        options.now = now;
        options.leeway = leeway;
        const Jwt::Report r = Jwt::inspect(token, secretKey(secret64), options);
        QCOMPARE(int(r.claims), claims);
        // The signature verdict is independent of the claims.
        QCOMPARE(r.signature, Jwt::SignatureVerdict::Valid);
        if (claims == int(Jwt::ClaimsVerdict::Expired))
            QCOMPARE(r.errors.first().kind, ErrorKind::Expired);
        if (claims == int(Jwt::ClaimsVerdict::NotYetValid))
            QCOMPARE(r.errors.first().kind, ErrorKind::NotYetValid);
        QCOMPARE(r.exitCode(), claims == int(Jwt::ClaimsVerdict::Valid) ? 0 : 1);
    }

    void issuerAndAudience()
    {
        const QString token = sign(u"HS256"_s, secretKey(secret64),
                                   u"{\"iss\":\"https://auth\",\"aud\":[\"a\",\"b\"],\"exp\":1800003600}"_s);
        Jwt::InspectOptions options;
        options.now = now;
        options.issuer = u"https://auth"_s;
        options.audience = u"b"_s;
        QCOMPARE(Jwt::inspect(token, secretKey(secret64), options).exitCode(), 0);
        options.issuer = u"https://evil"_s;
        options.audience = u"c"_s;
        const Jwt::Report r = Jwt::inspect(token, secretKey(secret64), options);
        QVERIFY(hasError(r, ErrorKind::Issuer));
        QVERIFY(hasError(r, ErrorKind::Audience));
        QCOMPARE(r.claims, Jwt::ClaimsVerdict::Rejected);
        QCOMPARE(r.exitCode(), 1);
    }

    void warnings()
    {
        Jwt::Report r = check(sign(u"HS512"_s, secretKey("short"), u"{\"sub\":\"x\"}"_s), secretKey("short"));
        QVERIFY(hasWarning(r, WarningKind::ShortSecret));
        QVERIFY(hasWarning(r, WarningKind::NoExp));
        QCOMPARE(r.exitCode(), 0); // advisory only

        r = check(sign(u"HS256"_s, secretKey(secret64),
                       u"{\"iat\":1800000500,\"exp\":1900000000}"_s), secretKey(secret64));
        QVERIFY(hasWarning(r, WarningKind::IatInFuture));
        QVERIFY(hasWarning(r, WarningKind::LongLifetime));

        r = check(sign(u"HS256"_s, secretKey(secret64), u"{\"exp\":1800003600000}"_s), secretKey(secret64));
        QVERIFY(hasWarning(r, WarningKind::TimeInMilliseconds));

        // A registered time claim that is not a NumericDate makes the claims invalid (RFC 7519 §2).
        r = check(sign(u"HS256"_s, secretKey(secret64), u"{\"exp\":\"1800003600\"}"_s), secretKey(secret64));
        QVERIFY(!hasWarning(r, WarningKind::TimeNotNumber));
        QCOMPARE(r.errors.first().kind, Jwt::ErrorKind::TimeClaim);
        QCOMPARE(r.claims, Jwt::ClaimsVerdict::Rejected);
        QCOMPARE(r.exitCode(), 1);
        for (const QString &payload : {u"{\"nbf\":null}"_s, u"{\"iat\":true}"_s, u"{\"exp\":1e30}"_s}) {
            r = check(sign(u"HS256"_s, secretKey(secret64), payload), secretKey(secret64));
            QVERIFY2(r.claims == Jwt::ClaimsVerdict::Rejected, qPrintable(payload));
            QCOMPARE(r.exitCode(), 1);
        }
        // Unregistered ones stay advisory.
        r = check(sign(u"HS256"_s, secretKey(secret64), u"{\"exp\":1800003600,\"auth_time\":\"x\"}"_s),
                  secretKey(secret64));
        QVERIFY(hasWarning(r, WarningKind::TimeNotNumber));
        QCOMPARE(r.exitCode(), 0);

        r = check(sign(u"HS256"_s, secretKey(secret64), goodPayload,
                       u"{\"jku\":\"https://attacker.example/jwks\",\"x5c\":[\"MII\"]}"_s),
                  secretKey(secret64));
        QCOMPARE(std::count_if(r.warnings.begin(), r.warnings.end(),
                               [](const auto &w) { return w.kind == WarningKind::UntrustedHeaderKey; }),
                 2);
        QCOMPARE(r.signature, Jwt::SignatureVerdict::Valid);
    }

    void timesAtTheEdgesOfInt64DoNotOverflow()
    {
        // now - exp with exp = INT64_MIN used to wrap around: an ancient token looked fresh.
        Jwt::Report r = check(sign(u"HS256"_s, secretKey(secret64), u"{\"exp\":-9223372036854775808}"_s),
                              secretKey(secret64));
        QCOMPARE(r.claims, Jwt::ClaimsVerdict::Expired);
        r = check(sign(u"HS256"_s, secretKey(secret64),
                       u"{\"nbf\":-9223372036854775808,\"exp\":9223372036854775807}"_s),
                  secretKey(secret64));
        QCOMPARE(r.claims, Jwt::ClaimsVerdict::Valid); // not "not yet valid" through a wrapped difference
        QVERIFY(hasWarning(r, WarningKind::LongLifetime));
        r = check(sign(u"HS256"_s, secretKey(secret64),
                       u"{\"iat\":9223372036854775807,\"nbf\":9223372036854775807,\"exp\":-9223372036854775808}"_s),
                  secretKey(secret64));
        QCOMPARE(r.claims, Jwt::ClaimsVerdict::Expired);
        QVERIFY(hasWarning(r, WarningKind::IatInFuture));
    }

    void timesAreListed()
    {
        const Jwt::Report r = check(sign(u"HS256"_s, secretKey(secret64), goodPayload), {});
        QCOMPARE(r.times.size(), 2);
        QCOMPARE(r.times[0].name, u"iat"_s);
        QCOMPARE(r.times[1].name, u"exp"_s);
        QCOMPARE(r.times[1].unix, 1800003600);
        QCOMPARE(r.signature, Jwt::SignatureVerdict::NotChecked);
        QCOMPARE(r.exitCode(), 0);
    }

    void signerKeepsHeaderOrderAndSetsAlg()
    {
        const QString token = sign(u"HS256"_s, secretKey(secret64), u"{\"b\":1,\"a\":100000000000000000001}"_s,
                                   u"{\"kid\":\"k1\",\"alg\":\"RS256\"}"_s);
        const Jwt::Token t = Jwt::decodeToken(token);
        QCOMPARE(Jwt::toCompactJson(*t.header), u"{\"kid\":\"k1\",\"alg\":\"HS256\",\"typ\":\"JWT\"}"_s);
        QCOMPARE(Jwt::toCompactJson(*t.payload), u"{\"b\":1,\"a\":100000000000000000001}"_s);
        QVERIFY(Jwt::signToken(u"RS256"_s, {}, u"{}"_s, pemKey(keyFor(u"RS256"_s).publicPem()))
                    .error.contains(u"private"_s));
        QVERIFY(Jwt::signToken(u"HS256"_s, {}, u"[1]"_s, secretKey(secret64)).error.contains(u"object"_s));
    }
};

QTEST_GUILESS_MAIN(TestJwtVerify)
#include "tst_jwtverify.moc"
