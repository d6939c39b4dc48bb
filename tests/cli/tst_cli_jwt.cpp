// SPDX-License-Identifier: GPL-3.0-or-later
// `tidings-cli jwt` as scripts use it: exit codes, standard input, --json.
#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QMessageAuthenticationCode>
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
    QByteArray out;
    QByteArray err;
};

Result cli(const QStringList &arguments, const QByteArray &input = {})
{
    QProcess process;
    process.start(QStringLiteral(TIDINGS_CLI), arguments);
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(30000))
        return {};
    return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
}

const QString secret = u"0123456789abcdef0123456789abcdef"_s;

QString sign(const QString &payload)
{
    const Result r = cli({u"jwt"_s, u"sign"_s, u"--alg"_s, u"HS256"_s, u"--secret"_s, secret, payload});
    return QString::fromLatin1(r.out.trimmed());
}

} // namespace

class TestCliJwt : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void exitCodes_data()
    {
        QTest::addColumn<QString>("token");
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("firstError");
        const QString good = sign(u"{\"sub\":\"x\",\"exp\":1800003600}"_s);
        const QString expired = sign(u"{\"sub\":\"x\",\"exp\":1700000000}"_s);
        const QStringList at = {u"--now"_s, u"1800000000"_s};
        QTest::newRow("verified") << good << (at + QStringList{u"--secret"_s, secret}) << 0 << QString();
        QTest::newRow("decode only") << good << at << 0 << QString();
        QTest::newRow("wrong secret") << good << (at + QStringList{u"--secret"_s, u"nope"_s}) << 1 << u"signature"_s;
        QTest::newRow("expired") << expired << (at + QStringList{u"--secret"_s, secret}) << 1 << u"expired"_s;
        QTest::newRow("wrong issuer") << good << (at + QStringList{u"--iss"_s, u"someone"_s}) << 1 << u"issuer"_s;
        QTest::newRow("garbage") << u"not a token"_s << at << 2 << u"segments"_s;
        QTest::newRow("bad base64") << good.left(5) + u'!' + good.mid(6) << at << 2 << u"base64"_s;
    }
    void exitCodes()
    {
        QFETCH(QString, token);
        QFETCH(QStringList, options);
        QFETCH(int, exitCode);
        QFETCH(QString, firstError);
        // Through standard input ("-"), as in: pbpaste | tidings-cli jwt inspect -
        const Result r = cli(QStringList{u"jwt"_s, u"inspect"_s, u"--json"_s} + options + QStringList{u"-"_s},
                             token.toUtf8() + "\n");
        QCOMPARE(r.exitCode, exitCode);
        QJsonParseError error;
        const QJsonObject json = QJsonDocument::fromJson(r.out, &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        const QJsonArray errors = json.value(u"errors"_s).toArray();
        if (firstError.isEmpty())
            QVERIFY(errors.isEmpty());
        else
            QCOMPARE(errors.first().toObject().value(u"kind"_s).toString(), firstError);
    }

    void readableReportWithoutColourWhenPiped()
    {
        const Result r = cli({u"jwt"_s, u"inspect"_s, u"--secret"_s, secret, u"--now"_s, u"1800000000"_s,
                              sign(u"{\"exp\":1800003600}"_s)});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("Signature: verified"));
        QVERIFY(r.out.contains("expires in 1 hour"));
        QVERIFY(!r.out.contains('\x1b')); // not a terminal: no escape codes
    }

    void jwksWithoutTheTokensKidIsNoMatchingKey()
    {
        // A token naming kid "mine", a JWKS holding only "other": nothing was checked, so
        // signature_valid is null (not false) and the report says why (issue 10, item 15).
        QTemporaryDir dir;
        const QByteArray key = secret.toLatin1();
        const QByteArray input = QByteArray(R"({"alg":"HS256","kid":"mine"})").toBase64(
                                     QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)
            + '.' + QByteArray(R"({"sub":"x"})").toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        const QByteArray token = input + '.'
            + QMessageAuthenticationCode::hash(input, key, QCryptographicHash::Sha256)
                  .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        QFile jwks(dir.filePath(u"jwks.json"_s));
        QVERIFY(jwks.open(QIODevice::WriteOnly));
        jwks.write(R"({"keys":[{"kty":"oct","kid":"other","k":")"
                   + key.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals) + R"("}]})");
        jwks.close();
        const Result json = cli({u"jwt"_s, u"inspect"_s, u"--json"_s, u"--key"_s, jwks.fileName(), QString::fromLatin1(token)});
        QCOMPARE(json.exitCode, 1);
        const QJsonObject report = QJsonDocument::fromJson(json.out).object();
        QVERIFY(report.contains(u"signature_valid"_s));
        QVERIFY(report.value(u"signature_valid"_s).isNull());
        const QJsonObject first = report.value(u"errors"_s).toArray().first().toObject();
        QCOMPARE(first.value(u"kind"_s).toString(), u"key"_s);
        QVERIFY2(first.value(u"message"_s).toString().contains(u"no matching key"_s), json.out.constData());
        const Result text = cli({u"jwt"_s, u"inspect"_s, u"--key"_s, jwks.fileName(), QString::fromLatin1(token)});
        QVERIFY2(text.out.contains("Signature: no matching key"), text.out.constData());
        QVERIFY(!text.out.contains("NOT verified"));
    }

    void keyFileErrorsAreClear()
    {
        const Result r = cli({u"jwt"_s, u"inspect"_s, u"--key"_s, u"/nonexistent/key.pem"_s, u"a.b.c"_s});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("cannot read the key file"));
        const Result both = cli({u"jwt"_s, u"inspect"_s, u"--secret"_s, u"a"_s, u"--key"_s, u"b"_s, u"a.b.c"_s});
        QCOMPARE(both.exitCode, 2);
        QVERIFY(both.err.contains("only one of"));
    }

    void signRefusesNoneAndBadJson()
    {
        Result r = cli({u"jwt"_s, u"sign"_s, u"--alg"_s, u"none"_s, u"--secret"_s, secret, u"{}"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("unsigned"));
        r = cli({u"jwt"_s, u"sign"_s, u"--alg"_s, u"HS256"_s, u"--secret"_s, secret, u"{\"a\":1,\"a\":2}"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("duplicate"));
    }
};

QTEST_GUILESS_MAIN(TestCliJwt)
#include "tst_cli_jwt.moc"
