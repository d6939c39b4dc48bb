// SPDX-License-Identifier: GPL-3.0-or-later
// Decode+verify throughput on one core for HS256, RS256, ES256 and EdDSA,
// side by side with PyJWT on the same tokens and keys in the same run.
// Run: scripts/bench jwt [SECONDS]
#include "core/jwt/inspector.h"
#include "core/jwt/signer.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

struct Case
{
    QString alg;
    QString token;
    QByteArray verifyKey; // PEM public key or raw secret
    Jwt::KeySet keys;
    double ours = 0;
    double peer = 0;
};

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
}

double measure(const Case &c, double seconds)
{
    // The same checks as the peer's: signature, exp, nbf, iat, iss, aud, real clock.
    Jwt::InspectOptions options;
    options.issuer = u"https://auth.tidings.test"_s;
    options.audience = u"tidings"_s;
    // Check once that it really verifies: a fast failure is not a result.
    const Jwt::Report first = Jwt::inspect(Jwt::decodeToken(c.token), c.keys, options);
    if (first.signature != Jwt::SignatureVerdict::Valid || first.exitCode() != 0)
        qFatal("%s does not verify", qPrintable(c.alg));
    QElapsedTimer timer;
    timer.start();
    const qint64 budget = qint64(seconds * 1e9);
    qint64 count = 0;
    qint64 elapsed = 0;
    do {
        for (int i = 0; i < 100; ++i) {
            const Jwt::Report r = Jwt::inspect(Jwt::decodeToken(c.token), c.keys, options);
            if (r.signature != Jwt::SignatureVerdict::Valid)
                qFatal("verification failed during the run");
        }
        count += 100;
        elapsed = timer.nsecsElapsed();
    } while (elapsed < budget);
    return double(count) * 1e9 / double(elapsed);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const double seconds = argc > 1 ? QByteArray(argv[1]).toDouble() : 3.0;
    QTemporaryDir dir;
    if (!dir.isValid())
        qFatal("no temporary directory");

    // A realistic session token: the claims tidings-authd issues, plus a name.
    // Times relative to the real clock: the peer checks them against it too.
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const QString payload = u"{\"iss\":\"https://auth.tidings.test\",\"sub\":\"alice\",\"aud\":\"tidings\","
                            "\"iat\":%1,\"nbf\":%1,\"exp\":%2,"
                            "\"jti\":\"6f1c2d3e-4b5a-6978-8a9b-0c1d2e3f4a5b\",\"name\":\"Alice Liddell\"}"_s
                                .arg(now - 60)
                                .arg(now + 3600);
    const QByteArray secret = "bench-secret-0123456789abcdef0123456789abcdef";
    QList<Case> cases;
    const struct { const char *alg; Crypto::Key key; } asymmetric[] = {
        {"RS256", Crypto::Key::generateRsa(2048)},
        {"ES256", Crypto::Key::generateEc(Crypto::Curve::P256)},
        {"EdDSA", Crypto::Key::generateEd25519()},
    };
    {
        Case c{u"HS256"_s, {}, secret, {}};
        const Jwt::KeyInput key{Jwt::KeyInput::Kind::SecretText, QString::fromLatin1(secret)};
        c.token = Jwt::signToken(c.alg, {}, payload, key).token;
        c.keys = Jwt::readKeys(key);
        cases << c;
    }
    for (const auto &a : asymmetric) {
        Case c{QString::fromLatin1(a.alg), {}, a.key.publicPem(), {}};
        c.token = Jwt::signToken(c.alg, {}, payload,
                                 {Jwt::KeyInput::Kind::KeyText, QString::fromLatin1(a.key.privatePem())}).token;
        c.keys = Jwt::readKeys({Jwt::KeyInput::Kind::KeyText, QString::fromLatin1(c.verifyKey)});
        cases << c;
    }
    // TIDINGS_BENCH_ONLY=HS256 times one algorithm without the peer (for profiling).
    const QString only = qEnvironmentVariable("TIDINGS_BENCH_ONLY");
    if (!only.isEmpty()) {
        for (Case &c : cases)
            if (c.alg == only)
                QTextStream(stdout) << c.alg << ' ' << qint64(measure(c, seconds)) << " tokens/s\n";
        return 0;
    }
    for (Case &c : cases) {
        if (!writeFile(dir.filePath(c.alg + u".jwt"_s), c.token.toLatin1())
            || !writeFile(dir.filePath(c.alg + u".key"_s), c.verifyKey))
            qFatal("cannot write the tokens for the peer");
        c.ours = measure(c, seconds);
    }

    QProcess peer;
    peer.start(u"/usr/bin/python3"_s, {QStringLiteral(PEER_SCRIPT), dir.path(), QString::number(seconds)});
    if (!peer.waitForFinished(600000) || peer.exitCode() != 0)
        qFatal("the PyJWT peer failed: %s", peer.readAllStandardError().constData());
    for (const QByteArray &line : peer.readAllStandardOutput().split('\n')) {
        const QList<QByteArray> parts = line.split(' ');
        for (Case &c : cases)
            if (parts.size() == 2 && parts[0] == c.alg.toLatin1())
                c.peer = parts[1].toDouble();
    }

    QTextStream out(stdout);
    out << "JWT decode+verify, one core, " << seconds << " s per cell, token of "
        << cases.first().token.size() << " chars (HS256)\n\n";
    out << "| alg   | Tidings (tokens/s) | PyJWT 2.6 (tokens/s) | ratio  |\n"
        << "|-------|-------------------:|---------------------:|-------:|\n";
    for (const Case &c : cases)
        out << "| " << c.alg.leftJustified(5) << " | " << QString::number(c.ours, 'f', 0).rightJustified(18)
            << " | " << QString::number(c.peer, 'f', 0).rightJustified(20) << " | "
            << (c.peer > 0 ? QString::number(c.ours / c.peer, 'f', 1) + u'x' : u"n/a"_s).rightJustified(6)
            << " |\n";
    return 0;
}
