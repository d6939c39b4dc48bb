// SPDX-License-Identifier: GPL-3.0-or-later
// Decoding without keys: segments, strict base64url, JSON objects, order and digits.
#include "core/jwt/inspector.h"

#include <QTest>

using namespace Qt::StringLiterals;
using Jwt::ErrorKind;

namespace {

QString b64(const QByteArray &bytes)
{
    return QString::fromLatin1(
        bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString tokenOf(const QByteArray &header, const QByteArray &payload, const QString &sig = u"c2ln"_s)
{
    return b64(header) + u'.' + b64(payload) + u'.' + sig;
}

QList<ErrorKind> kinds(const QList<Jwt::Error> &errors)
{
    QList<ErrorKind> out;
    for (const auto &e : errors)
        out << e.kind;
    return out;
}

} // namespace

class TestJwtDecode : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void keepsMemberOrderAndExactNumbers()
    {
        const QString token = tokenOf("{\"typ\":\"JWT\",\"alg\":\"HS256\",\"zz\":1}",
                                      "{\"z\":1,\"a\":12345678901234567890123,\"m\":1.50e+3,\"n\":-0.0,\"s\":\"李 \\u00e9\\n\"}");
        const Jwt::Token t = Jwt::decodeToken(token);
        QVERIFY2(t.isWellFormed(), qPrintable(t.errors.value(0).message));
        QCOMPARE(t.alg, u"HS256"_s);
        QCOMPARE(*Jwt::displayText(t.header, t.headerText()),
                 u"{\n  \"typ\": \"JWT\",\n  \"alg\": \"HS256\",\n  \"zz\": 1\n}"_s);
        QCOMPARE(*Jwt::displayText(t.payload, t.payloadText()),
                 u"{\n  \"z\": 1,\n  \"a\": 12345678901234567890123,\n  \"m\": 1.50e+3,\n  \"n\": -0.0,\n  \"s\": \"李 é\\n\"\n}"_s);
        QCOMPARE(t.payload->member(u"m")->toInt64(), std::optional<qint64>(1500));
    }

    void trimsWhitespaceAndOneBearer_data()
    {
        QTest::addColumn<QString>("prefix");
        QTest::addColumn<QString>("suffix");
        QTest::newRow("spaces") << u"  \n\t"_s << u" \r\n"_s;
        QTest::newRow("Bearer") << u"Bearer "_s << QString();
        QTest::newRow("bEaReR tabs") << u" bEaReR\t\t "_s << u"\n"_s;
    }
    void trimsWhitespaceAndOneBearer()
    {
        QFETCH(QString, prefix);
        QFETCH(QString, suffix);
        const QString token = tokenOf("{\"alg\":\"HS256\"}", "{\"a\":1}");
        const Jwt::Token t = Jwt::decodeToken(QString(prefix + token + suffix));
        QCOMPARE(t.text, token);
        QCOMPARE(t.textOffset, prefix.size());
        QVERIFY(t.isWellFormed());
    }

    void secondBearerIsNotStripped()
    {
        const Jwt::Token t = Jwt::decodeToken(u"Bearer Bearer abc.def.ghi"_s);
        QCOMPARE(t.text, u"Bearer abc.def.ghi"_s);
        QCOMPARE(t.errors.first().kind, ErrorKind::Base64); // the space
    }

    void segmentCounts_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<int>("kind");
        QTest::newRow("empty") << QString() << int(ErrorKind::Segments);
        QTest::newRow("blank") << u"   "_s << int(ErrorKind::Segments);
        QTest::newRow("one") << u"eyJhbGciOiJIUzI1NiJ9"_s << int(ErrorKind::Segments);
        QTest::newRow("two") << u"eyJhbGciOiJIUzI1NiJ9.e30"_s << int(ErrorKind::Segments);
        QTest::newRow("four") << u"eyJhbGciOiJIUzI1NiJ9.e30.c2ln.c2ln"_s << int(ErrorKind::Segments);
        QTest::newRow("five is JWE") << u"eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6IkEyNTZHQ00ifQ.a.b.c.d"_s
                                     << int(ErrorKind::Jwe);
    }
    void segmentCounts()
    {
        QFETCH(QString, input);
        QFETCH(int, kind);
        const Jwt::Report r = Jwt::inspect(input, {});
        QVERIFY(!r.errors.isEmpty());
        QCOMPARE(int(r.errors.first().kind), kind);
        QCOMPARE(r.exitCode(), 2);
        QCOMPARE(r.signature, Jwt::SignatureVerdict::NotChecked);
    }

    void jweHeaderIsStillShown()
    {
        const Jwt::Token t =
            Jwt::decodeToken(u"eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6IkEyNTZHQ00ifQ.a.b.c.d"_s);
        QCOMPARE(kinds(t.errors), QList<ErrorKind>{ErrorKind::Jwe});
        QVERIFY(t.header);
        QCOMPARE(t.header->member(u"enc")->text, u"A256GCM"_s);
    }

    void base64ErrorsNameSegmentAndPosition_data()
    {
        QTest::addColumn<QString>("token");
        QTest::addColumn<int>("segment");
        QTest::addColumn<int>("position");
        QTest::addColumn<QString>("message");
        const QString h = b64("{\"alg\":\"HS256\"}"); // 20 characters
        const QString p = b64("{\"a\":1}");          // 10 characters
        QTest::newRow("plus in header") << u"eyJh+GciOiJIUzI1NiJ9."_s + p + u".c2ln"_s << 0 << 4
                                        << u"'+' (U+002B)"_s;
        QTest::newRow("slash in payload") << h + u'.' + p.left(3) + u'/' + p.mid(4) + u".c2ln"_s << 1
                                          << int(h.size() + 1 + 3) << u"'/' (U+002F)"_s;
        QTest::newRow("padding") << h + u'.' + p + u".c2ln="_s << 2 << int(h.size() + p.size() + 2 + 4)
                                 << u"padding"_s;
        QTest::newRow("space in signature") << h + u'.' + p + u".c2 ln"_s << 2
                                            << int(h.size() + p.size() + 2 + 2) << u"U+0020"_s;
        QTest::newRow("non-ASCII") << h + u'.' + p + u".c2é"_s << 2 << int(h.size() + p.size() + 2 + 2)
                                   << u"'é' (U+00E9)"_s;
        QTest::newRow("impossible length") << h + u'.' + p + u".c2lnA"_s << 2
                                           << int(h.size() + p.size() + 2 + 4) << u"impossible"_s;
    }
    void base64ErrorsNameSegmentAndPosition()
    {
        QFETCH(QString, token);
        QFETCH(int, segment);
        QFETCH(int, position);
        QFETCH(QString, message);
        const Jwt::Token t = Jwt::decodeToken(token);
        QCOMPARE(t.errors.size(), 1);
        const Jwt::Error &e = t.errors.first();
        QCOMPARE(e.kind, ErrorKind::Base64);
        QCOMPARE(e.segment, segment);
        QCOMPARE(int(e.position), position);
        QVERIFY2(e.message.contains(message), qPrintable(e.message));
        QVERIFY2(e.message.contains(u"position %1"_s.arg(position)), qPrintable(e.message));
    }

    void jsonErrors_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<int>("segment");
        QTest::addColumn<QString>("message");
        QTest::newRow("duplicate") << QByteArray("{\"alg\":\"HS256\",\"alg\":\"none\"}")
                                   << QByteArray("{}") << 0 << u"duplicate member name \"alg\""_s;
        QTest::newRow("nested duplicate") << QByteArray("{\"alg\":\"HS256\"}")
                                          << QByteArray("{\"a\":{\"b\":1,\"b\":2}}") << 1
                                          << u"duplicate"_s;
        QTest::newRow("not object") << QByteArray("{\"alg\":\"HS256\"}") << QByteArray("[1,2]") << 1
                                    << u"not an object"_s;
        QTest::newRow("plain text") << QByteArray("{\"alg\":\"HS256\"}")
                                    << QByteArray("Example of Ed25519 signing") << 1 << u"not valid JSON"_s;
        QTest::newRow("invalid UTF-8") << QByteArray("{\"alg\":\"HS256\"}")
                                       << QByteArray("{\"a\":\"\xff\xfe\"}") << 1 << u"UTF-8"_s;
        QTest::newRow("trailing") << QByteArray("{\"alg\":\"HS256\"}x") << QByteArray("{}") << 0
                                  << u"not valid JSON"_s;
        QTest::newRow("empty") << QByteArray() << QByteArray("{}") << 0 << u"empty"_s;
        QTest::newRow("deep") << QByteArray("{\"alg\":\"HS256\"}")
                              << QByteArray(1000, '[') + QByteArray(1000, ']') << 1 << u"nested"_s;
    }
    void jsonErrors()
    {
        QFETCH(QByteArray, header);
        QFETCH(QByteArray, payload);
        QFETCH(int, segment);
        QFETCH(QString, message);
        const Jwt::Report r = Jwt::inspect(tokenOf(header, payload), {});
        QVERIFY(!r.errors.isEmpty());
        QCOMPARE(r.errors.first().kind, ErrorKind::Json);
        QCOMPARE(r.errors.first().segment, segment);
        QVERIFY2(r.errors.first().message.contains(message), qPrintable(r.errors.first().message));
        QCOMPARE(r.exitCode(), 2);
    }

    void nonObjectIsStillShownAsText()
    {
        const Jwt::Token t = Jwt::decodeToken(tokenOf("{\"alg\":\"EdDSA\"}", "Example of Ed25519 signing"));
        QCOMPARE(Jwt::displayText(t.payload, t.payloadText()), std::optional(u"Example of Ed25519 signing"_s));
        const Jwt::Token binary = Jwt::decodeToken(tokenOf("{\"alg\":\"EdDSA\"}", "\xff\x00\x01"));
        QVERIFY(!Jwt::displayText(binary.payload, binary.payloadText()));
    }

    void hugeTokenDecodes()
    {
        QByteArray payload = "{\"data\":\"" + QByteArray(1100000, 'x') + "\"}";
        const Jwt::Token t = Jwt::decodeToken(tokenOf("{\"alg\":\"HS256\"}", payload));
        QVERIFY(t.text.size() > 1400000);
        QVERIFY(t.isWellFormed());
        QCOMPARE(t.payload->member(u"data")->text.size(), 1100000);
    }

    void prettyPrintEscapesOnlyWhatJsonNeeds()
    {
        auto parsed = Jwt::parseJson("{\"q\":\"a\\\"b\\\\c\\u0001\\u2028/\",\"e\":{},\"l\":[],\"n\":[1,[true,null]]}");
        QVERIFY(parsed.value);
        QCOMPARE(Jwt::toCompactJson(*parsed.value),
                 u"{\"q\":\"a\\\"b\\\\c\\u0001\\u2028/\",\"e\":{},\"l\":[],\"n\":[1,[true,null]]}"_s);
        QCOMPARE(Jwt::toPrettyJson(*parsed.value),
                 u"{\n  \"q\": \"a\\\"b\\\\c\\u0001\\u2028/\",\n  \"e\": {},\n  \"l\": [],\n  \"n\": [\n    1,\n    [\n      true,\n      null\n    ]\n  ]\n}"_s);
    }
};

QTEST_GUILESS_MAIN(TestJwtDecode)
#include "tst_jwtdecode.moc"
