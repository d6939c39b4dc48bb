// SPDX-License-Identifier: GPL-3.0-or-later
#include "jwtcommand.h"

#include "jwtreport.h"

#include "core/jwt/inspector.h"
#include "core/jwt/signer.h"

#include <QCommandLineParser>
#include <QFile>
#include <QTextStream>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace Cli {

namespace {

constexpr int usageError = 2;

int fail(const QString &message)
{
    QTextStream(stderr) << "tidings-cli jwt: " << message << '\n';
    return usageError;
}

QString readStdin()
{
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(in.readAll());
}

struct KeyOptions
{
    QCommandLineOption secret{u"secret"_s, u"HMAC secret as text (its UTF-8 bytes)."_s, u"text"_s};
    QCommandLineOption secretBase64{u"secret-base64"_s,
                                    u"HMAC secret in base64 (standard or url-safe, padding optional)."_s,
                                    u"b64"_s};
    QCommandLineOption key{u"key"_s, u"PEM key or certificate, JWK or JWKS file."_s, u"file"_s};

    void addTo(QCommandLineParser &parser) { parser.addOptions({secret, secretBase64, key}); }

    // Returns an error message, or empty with *input filled.
    QString read(const QCommandLineParser &parser, Jwt::KeyInput *input) const
    {
        const int given = int(parser.isSet(secret)) + int(parser.isSet(secretBase64))
            + int(parser.isSet(key));
        if (given > 1)
            return u"give only one of --secret, --secret-base64 and --key"_s;
        if (parser.isSet(secret)) {
            *input = {Jwt::KeyInput::Kind::SecretText, parser.value(secret)};
        } else if (parser.isSet(secretBase64)) {
            *input = {Jwt::KeyInput::Kind::SecretBase64, parser.value(secretBase64)};
        } else if (parser.isSet(key)) {
            QFile file(parser.value(key));
            if (!file.open(QIODevice::ReadOnly))
                return u"cannot read the key file %1: %2"_s.arg(file.fileName(), file.errorString());
            *input = {Jwt::KeyInput::Kind::KeyText, QString::fromUtf8(file.read(1 << 20))};
        }
        return {};
    }
};

int inspect(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Decode a JWT, explain it and, given a key, verify it. Nothing is sent anywhere.\n"
        "Exit status: 0 decoded and every check passed, 1 a signature or claim check failed,\n"
        "2 the token cannot be decoded (or the command line is wrong)."_s);
    parser.addHelpOption();
    KeyOptions keyOptions;
    keyOptions.addTo(parser);
    const QCommandLineOption leeway(u"leeway"_s, u"Clock skew allowed for exp and nbf (default 60)."_s,
                                    u"seconds"_s, u"60"_s);
    const QCommandLineOption now(u"now"_s, u"Check the times as of this Unix time."_s, u"unix"_s);
    const QCommandLineOption iss(u"iss"_s, u"Expected issuer."_s, u"iss"_s);
    const QCommandLineOption aud(u"aud"_s, u"Expected audience."_s, u"aud"_s);
    const QCommandLineOption json(u"json"_s, u"Print one JSON object."_s);
    parser.addOptions({leeway, now, iss, aud, json});
    parser.addPositionalArgument(u"token"_s, u"The token, or - to read it from standard input."_s);
    if (!parser.parse(arguments))
        return fail(parser.errorText());
    if (parser.isSet(u"help"_s)) {
        QTextStream(stdout) << parser.helpText();
        return 0;
    }
    if (parser.positionalArguments().size() != 1)
        return fail(u"expected one token (or - for standard input)"_s);

    Jwt::KeyInput key;
    if (const QString error = keyOptions.read(parser, &key); !error.isEmpty())
        return fail(error);
    Jwt::InspectOptions options;
    bool ok = true;
    options.leeway = parser.value(leeway).toLongLong(&ok);
    if (!ok || options.leeway < 0)
        return fail(u"--leeway must be a number of seconds, 0 or more"_s);
    if (parser.isSet(now)) {
        options.now = parser.value(now).toLongLong(&ok);
        if (!ok)
            return fail(u"--now must be a Unix time in seconds"_s);
    }
    options.issuer = parser.value(iss);
    options.audience = parser.value(aud);

    const QString argument = parser.positionalArguments().constFirst();
    const QString token = argument == u"-"_s ? readStdin() : argument;
    const Jwt::Report report = Jwt::inspect(token, key, options);
    QTextStream out(stdout);
    if (parser.isSet(json))
        out << reportToJson(report) << '\n';
    else
        out << reportToText(report, useColour());
    return report.exitCode();
}

int sign(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Make a signed JWT (compact JWS)."_s);
    parser.addHelpOption();
    KeyOptions keyOptions;
    keyOptions.addTo(parser);
    const QCommandLineOption alg(u"alg"_s, u"Algorithm: %1."_s.arg(Jwt::supportedAlgorithms().join(u", "_s)),
                                 u"alg"_s);
    const QCommandLineOption header(u"header"_s, u"Header JSON object (alg is set from --alg)."_s,
                                    u"json"_s);
    parser.addOptions({alg, header});
    parser.addPositionalArgument(u"payload"_s, u"Payload JSON object, or - for standard input."_s);
    if (!parser.parse(arguments))
        return fail(parser.errorText());
    if (parser.isSet(u"help"_s)) {
        QTextStream(stdout) << parser.helpText();
        return 0;
    }
    if (!parser.isSet(alg))
        return fail(u"--alg is required"_s);
    if (parser.positionalArguments().size() != 1)
        return fail(u"expected one payload (or - for standard input)"_s);
    Jwt::KeyInput key;
    if (const QString error = keyOptions.read(parser, &key); !error.isEmpty())
        return fail(error);
    if (key.kind == Jwt::KeyInput::Kind::None)
        return fail(u"a key is required: --secret, --secret-base64 or --key"_s);
    const QString argument = parser.positionalArguments().constFirst();
    const Jwt::SignResult result = Jwt::signToken(parser.value(alg), parser.value(header),
                                                  argument == u"-"_s ? readStdin() : argument, key);
    if (result.token.isEmpty()) {
        QTextStream(stderr) << "tidings-cli jwt sign: " << result.error << '\n';
        return 1;
    }
    QTextStream(stdout) << result.token << '\n';
    return 0;
}

} // namespace

int runJwtCommand(const QStringList &arguments)
{
    const QString action = arguments.value(1);
    QStringList rest = arguments;
    if (rest.size() > 1)
        rest.removeAt(1);
    if (action == u"inspect"_s)
        return inspect(rest);
    if (action == u"sign"_s)
        return sign(rest);
    QTextStream(action.isEmpty() || action.startsWith(u'-') ? stdout : stderr)
        << "usage: tidings-cli jwt inspect [options] (TOKEN | -)\n"
           "       tidings-cli jwt sign --alg ALG (--secret S | --secret-base64 B | --key FILE)"
           " [--header JSON] (PAYLOAD | -)\n"
           "Run 'tidings-cli jwt inspect --help' or 'tidings-cli jwt sign --help' for details.\n";
    return action == u"--help"_s || action == u"-h"_s ? 0 : usageError;
}

} // namespace Cli
