// SPDX-License-Identifier: GPL-3.0-or-later
#include "authcommand.h"

#include "net/authclient.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QFile>
#include <QHostAddress>
#include <QJsonDocument>
#include <QSslCertificate>
#include <QTextStream>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace Cli {

namespace {

int fail(const QString &message, int code = 2)
{
    QTextStream(stderr) << "tidings-cli auth: " << message << '\n';
    return code;
}

QString describe(const Net::AuthClient::Error &e)
{
    switch (e.kind) {
    case Net::AuthClient::ErrorKind::WrongCredentials:
        return u"wrong user name or password (%1 attempts left on this connection)"_s.arg(
            e.attemptsLeft);
    case Net::AuthClient::ErrorKind::Locked:
        return u"locked after too many failures; try again in %1 s"_s.arg(e.retryAfter);
    case Net::AuthClient::ErrorKind::ServerBusy:
        return e.retryAfter > 0 ? u"the server is busy; try again in %1 s"_s.arg(e.retryAfter)
                                : u"the server is busy; try again in a moment"_s;
    case Net::AuthClient::ErrorKind::Tls:
        return u"TLS problem: %1%2"_s.arg(
            e.message, e.certificate.isNull()
                           ? QString()
                           : u" (certificate SHA-256 %1)"_s.arg(QString::fromLatin1(
                                 e.certificate.digest(QCryptographicHash::Sha256).toHex(':'))));
    case Net::AuthClient::ErrorKind::CertificateChanged:
        return u"the server's certificate changed: SHA-256 %1 was trusted, it now shows %2"_s.arg(
            QString::fromLatin1(e.pinnedSha256.toHex(':')),
            QString::fromLatin1(e.certificate.digest(QCryptographicHash::Sha256).toHex(':')));
    case Net::AuthClient::ErrorKind::InvalidToken:
        return u"the token is not active (expired, revoked, already used or not this server's)"_s;
    case Net::AuthClient::ErrorKind::Revoked:
        return u"the session's token was revoked: "_s + e.message;
    case Net::AuthClient::ErrorKind::Impostor:
        return u"impostor server: "_s + e.message;
    default:
        return e.message;
    }
}

} // namespace

int runAuthCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Log in to tidings-authd (TAP/1, SCRAM-SHA-256).\n"
        "Actions: login (prints the token), whoami, refresh (prints the new token), logout;\n"
        "introspect (whether the server holds a token active, as JSON) and resume (a new session\n"
        "from a token instead of the password; prints the new token, the old one is spent).\n"
        "The password, or for introspect and resume the token, comes from --password-file\n"
        "or --token-file, else the first line of standard input."_s);
    parser.addHelpOption();
    const QCommandLineOption host(u"host"_s, u"Server host."_s, u"host"_s, u"127.0.0.1"_s);
    const QCommandLineOption port(u"port"_s, u"Server port (7788, or 7789 with --tls)."_s,
                                  u"port"_s);
    const QCommandLineOption tls(u"tls"_s, u"Use TLS (certificate verified)."_s);
    const QCommandLineOption ca(u"ca"_s, u"Extra CA certificate (PEM) to trust."_s, u"file"_s);
    const QCommandLineOption user(u"user"_s, u"User name."_s, u"user"_s);
    const QCommandLineOption passwordFile(u"password-file"_s,
                                          u"File whose first line is the password."_s, u"file"_s);
    const QCommandLineOption tokenFile(
        u"token-file"_s, u"File whose first line is the token (introspect, resume)."_s, u"file"_s);
    parser.addOptions({host, port, tls, ca, user, passwordFile, tokenFile});
    parser.addPositionalArgument(u"action"_s,
                                 u"login, whoami, refresh, logout, introspect or resume"_s);
    if (!parser.parse(arguments))
        return fail(parser.errorText());
    if (parser.isSet(u"help"_s)) {
        QTextStream(stdout) << parser.helpText();
        return 0;
    }
    const QString action = parser.positionalArguments().value(0);
    if (parser.positionalArguments().size() != 1 ||
        !QStringList{u"login"_s, u"whoami"_s, u"refresh"_s, u"logout"_s, u"introspect"_s,
                     u"resume"_s}
             .contains(action))
        return fail(u"expected one action: login, whoami, refresh, logout, introspect or resume"_s);
    const bool withToken = action == u"introspect"_s || action == u"resume"_s;
    if (!withToken && !parser.isSet(user))
        return fail(u"--user is required"_s);

    Net::AuthClient::Server server;
    server.host = parser.value(host);
    server.tls = parser.isSet(tls);
    bool ok = true;
    const uint portNumber =
        parser.isSet(port) ? parser.value(port).toUInt(&ok) : (server.tls ? 7789 : 7788);
    if (!ok || portNumber == 0 || portNumber > 65535)
        return fail(u"--port must be 1..65535"_s);
    server.port = quint16(portNumber);
    if (parser.isSet(ca)) {
        server.caCertificates = QSslCertificate::fromPath(parser.value(ca));
        if (server.caCertificates.isEmpty())
            return fail(u"no certificate in %1"_s.arg(parser.value(ca)));
    }
    if (!server.tls && !QHostAddress(server.host).isLoopback() && server.host != u"localhost"_s)
        QTextStream(stderr)
            << "tidings-cli auth: warning: without --tls the salt, the proof and the token "
               "cross the network readable by anyone on the path\n";
    QString password;
    const QCommandLineOption &secretFile = withToken ? tokenFile : passwordFile;
    if (parser.isSet(secretFile)) {
        QFile file(parser.value(secretFile));
        if (!file.open(QIODevice::ReadOnly))
            return fail(u"cannot read %1: %2"_s.arg(file.fileName(), file.errorString()));
        password = QString::fromUtf8(file.readLine()).remove(u'\n').remove(u'\r');
    } else {
        password = QTextStream(stdin).readLine();
    }

    Net::AuthClient client;
    QEventLoop loop;
    int exitCode = 1;
    QObject::connect(&client, &Net::AuthClient::failed, &loop,
                     [&](const Net::AuthClient::Error &e) {
                         exitCode = fail(describe(e), 1);
                         loop.quit();
                     });
    QObject::connect(&client, &Net::AuthClient::loggedIn, &loop, [&](const QString &token) {
        if (action == u"login"_s || action == u"resume"_s) {
            QTextStream(stdout) << token << '\n';
            exitCode = 0;
            loop.quit();
        } else {
            client.request(action);
        }
    });
    QObject::connect(&client, &Net::AuthClient::replied, &loop, [&](const QJsonObject &reply) {
        if (action == u"refresh"_s)
            QTextStream(stdout) << reply.value(u"token"_s).toString() << '\n';
        else
            QTextStream(stdout) << QJsonDocument(reply).toJson(QJsonDocument::Compact) << '\n';
        // introspect: exit 1 for an inactive token, so that scripts can branch on it
        exitCode = action == u"introspect"_s && !reply.value(u"active"_s).toBool() ? 1 : 0;
        loop.quit();
    });
    if (action == u"introspect"_s) {
        client.introspect(server, password.trimmed());
    } else if (action == u"resume"_s) {
        client.resume(server, password.trimmed());
    } else {
        client.login(server, parser.value(user), password);
    }
    loop.exec();
    return exitCode;
}

} // namespace Cli
