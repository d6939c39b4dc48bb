// SPDX-License-Identifier: GPL-3.0-or-later
#include "admin.h"

#include "authserver.h"
#include "datastore.h"
#include "throttle.h"
#include "tokenissuer.h"

#include "core/tap/frame.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QSocketNotifier>
#include <QTextStream>

#include <csignal>
#include <cstdio>
#include <sys/resource.h>
#include <termios.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Authd {

namespace {

int fail(const QString &message)
{
    QTextStream(stderr) << "tidings-authd: " << message << '\n';
    return 2;
}

// From a terminal without echo, or the first line of standard input.
QString readPassword()
{
    const bool terminal = isatty(STDIN_FILENO);
    termios saved{};
    if (terminal) {
        QTextStream(stderr) << "Password: " << Qt::flush;
        tcgetattr(STDIN_FILENO, &saved);
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    QTextStream in(stdin);
    const QString line = in.readLine();
    if (terminal) {
        tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        QTextStream(stderr) << '\n';
    }
    return line;
}

bool parseHostPort(const QString &text, QHostAddress *address, quint16 *port)
{
    const qsizetype colon = text.lastIndexOf(u':');
    bool ok = false;
    const uint p = text.mid(colon + 1).toUInt(&ok);
    QString host = text.left(colon);
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    if (colon < 0 || !ok || p > 65535 || !address->setAddress(host))
        return false;
    *port = quint16(p);
    return true;
}

// Every connection is a descriptor: use the hard limit, not the default soft 1024.
void raiseFileLimit()
{
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
    }
}

int signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char c = 1;
    [[maybe_unused]] const auto n = ::write(signalPipe[1], &c, 1);
}

} // namespace

int runUserCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Manage the users of a tidings-authd data directory.\n"
        "Actions: add NAME, passwd NAME, disable NAME, enable NAME, remove NAME, list.\n"
        "Passwords are read from the terminal without echo, or from standard input."_s);
    parser.addHelpOption();
    const QCommandLineOption data(u"data"_s, u"Data directory."_s, u"dir"_s);
    const QCommandLineOption iterations(u"iterations"_s, u"PBKDF2 iterations (default 15000)."_s,
                                        u"n"_s, QString::number(Scram::defaultIterations));
    parser.addOptions({data, iterations});
    if (!parser.parse(arguments))
        return fail(parser.errorText());
    if (parser.isSet(u"help"_s)) {
        QTextStream(stdout) << parser.helpText();
        return 0;
    }
    const QStringList args = parser.positionalArguments();
    if (!parser.isSet(data))
        return fail(u"--data DIR is required"_s);
    const QString action = args.value(0);
    const QString name = args.value(1);
    if (action != u"list"_s && (args.size() != 2 || name.isEmpty()))
        return fail(
            u"usage: tidings-authd user add|passwd|disable|enable|remove NAME --data DIR, or user list --data DIR"_s);

    DataStore store(parser.value(data));
    QString error;
    if (!store.open(&error))
        return fail(error);
    if (action == u"list"_s) {
        for (const UserRecord &u : store.users())
            QTextStream(stdout) << u.name << (u.disabled ? "\tdisabled" : "\tenabled") << '\n';
        return 0;
    }
    if (action == u"add"_s || action == u"passwd"_s) {
        const auto prepared = Scram::prepare(name);
        if (!prepared || *prepared != name || name.contains(u'\n'))
            return fail(u"user names must be NFKC-normalised text without control characters"_s);
        const bool exists = store.user(name).has_value();
        if (action == u"add"_s && exists)
            return fail(u"user \"%1\" already exists; use passwd"_s.arg(name));
        if (action == u"passwd"_s && !exists)
            return fail(u"no user \"%1\""_s.arg(name));
        bool ok = false;
        const int rounds = parser.value(iterations).toInt(&ok);
        if (!ok || rounds < Scram::minIterations || rounds > Scram::maxIterations)
            return fail(u"--iterations must be from %1 to %2"_s.arg(Scram::minIterations)
                            .arg(Scram::maxIterations));
        const QString password = readPassword();
        if (password.isEmpty() || !Scram::prepare(password))
            return fail(u"the password is empty or contains control characters"_s);
        const auto verifier =
            Scram::Verifier::fromPassword(password, Crypto::randomBytes(16), rounds);
        if (!store.putUser(name, verifier, &error))
            return fail(error);
        QTextStream(stdout) << (action == u"add"_s ? "added " : "changed the password of ") << name
                            << '\n';
        return 0;
    }
    bool done = false;
    if (action == u"disable"_s || action == u"enable"_s)
        done = store.setDisabled(name, action == u"disable"_s, &error);
    else if (action == u"remove"_s)
        done = store.removeUser(name, &error);
    else
        return fail(u"unknown action \"%1\""_s.arg(action));
    if (!done)
        return fail(error);
    QTextStream(stdout) << action << "d " << name << '\n';
    return 0;
}

int runServe(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Serve TAP/1 (SCRAM-SHA-256 logins, signed session tokens)."_s);
    parser.addHelpOption();
    const QCommandLineOption data(u"data"_s, u"Data directory."_s, u"dir"_s);
    const QCommandLineOption listen(
        u"listen"_s, u"Plain TCP address (default 127.0.0.1:7788; port 0 picks one)."_s,
        u"host:port"_s, u"127.0.0.1:7788"_s);
    const QCommandLineOption tlsListen(
        u"tls-listen"_s,
        u"Implicit TLS address (needs --tls-cert, --tls-key; with those, the default is the --listen host, port 7789)."_s,
        u"host:port"_s);
    const QCommandLineOption tlsCert(u"tls-cert"_s, u"TLS certificate chain (PEM)."_s, u"file"_s);
    const QCommandLineOption tlsKey(u"tls-key"_s, u"TLS private key (PEM)."_s, u"file"_s);
    const QCommandLineOption issuer(u"issuer"_s, u"Token issuer (iss)."_s, u"iss"_s,
                                    u"tidings-authd"_s);
    const QCommandLineOption lifetime(
        u"token-lifetime"_s, u"Token lifetime in seconds (default 3600)."_s, u"s"_s, u"3600"_s);
    const QCommandLineOption iterations(
        u"iterations"_s,
        u"Iterations of unknown users' fake challenges while there are no users "
        "(4096..10000000, default 15000); otherwise they carry the counts real "
        "users have."_s,
        u"n"_s, QString::number(Scram::defaultIterations));
    const QCommandLineOption maxConnections(
        u"max-connections"_s, u"Connection cap (default 15000)."_s, u"n"_s, u"15000"_s);
    const QCommandLineOption maxPerAddress(
        u"max-per-address"_s,
        u"Connections one address (IPv6: one /64) may hold (default %1)."_s.arg(
            AuthServer::defaultMaxPerAddress),
        u"n"_s, QString::number(AuthServer::defaultMaxPerAddress));
    const QCommandLineOption handshakeTimeout(
        u"handshake-timeout"_s, u"Seconds to complete a login (default 30)."_s, u"s"_s, u"30"_s);
    parser.addOptions({data, listen, tlsListen, tlsCert, tlsKey, issuer, lifetime, iterations,
                       maxConnections, maxPerAddress, handshakeTimeout});
    if (!parser.parse(arguments))
        return fail(parser.errorText());
    if (parser.isSet(u"help"_s)) {
        QTextStream(stdout) << parser.helpText();
        return 0;
    }
    if (!parser.isSet(data))
        return fail(u"--data DIR is required"_s);
    bool ok1 = false, ok2 = false, ok3 = false, ok4 = false;
    const qint64 seconds = parser.value(lifetime).toLongLong(&ok1);
    const int rounds = parser.value(iterations).toInt(&ok2);
    const int cap = parser.value(maxConnections).toInt(&ok3);
    const int perAddress = parser.value(maxPerAddress).toInt(&ok4);
    if (!ok1 || seconds < 60)
        return fail(u"--token-lifetime must be a number of seconds, at least 60"_s);
    // The range clients accept (PROTOCOL.md): anything else would set unknown users apart.
    if (!ok2 || rounds < Scram::minIterations || rounds > Scram::maxIterations)
        return fail(u"--iterations must be from %1 to %2"_s.arg(Scram::minIterations)
                        .arg(Scram::maxIterations));
    if (!ok3 || cap < 1 || !ok4 || perAddress < 1)
        return fail(u"--max-connections and --max-per-address must be numbers, at least 1"_s);

    DataStore store(parser.value(data));
    QString error;
    if (!store.open(&error))
        return fail(error);
    TokenIssuer tokens(store, parser.value(issuer), seconds);
    Throttle throttle;
    ServerContext context{store, tokens, throttle, rounds};
    const int handshakeSeconds = parser.value(handshakeTimeout).toInt();
    if (handshakeSeconds < 1 || handshakeSeconds > 300)
        return fail(u"--handshake-timeout must be 1..300 seconds"_s);
    context.handshakeTimeoutMs = handshakeSeconds * 1000;
    raiseFileLimit();
    AuthServer server(context, cap, perAddress);

    QHostAddress address;
    quint16 port = 0;
    if (!parseHostPort(parser.value(listen), &address, &port))
        return fail(u"--listen must be HOST:PORT"_s);
    if (!server.listen(address, port, &error))
        return fail(error);
    QTextStream(stdout) << "tidings-authd: listening on " << address.toString() << ':'
                        << server.port() << Qt::endl;
    // A certificate configured means TLS is served, on its default port unless told otherwise.
    const bool certificateGiven = parser.isSet(tlsCert) && parser.isSet(tlsKey);
    if (parser.isSet(tlsListen) || certificateGiven) {
        if (!certificateGiven)
            return fail(u"--tls-listen needs --tls-cert and --tls-key"_s);
        if (!parser.isSet(tlsListen))
            port = Tap::defaultTlsPort;
        else if (!parseHostPort(parser.value(tlsListen), &address, &port))
            return fail(u"--tls-listen must be HOST:PORT"_s);
        if (!server.listenTls(address, port, parser.value(tlsCert), parser.value(tlsKey), &error))
            return fail(error);
        QTextStream(stdout) << "tidings-authd: listening with TLS on " << address.toString() << ':'
                            << server.tlsPort() << Qt::endl;
    }

    // SIGINT/SIGTERM end the event loop cleanly (a self-pipe: the handler only writes).
    if (::pipe(signalPipe) == 0) {
        auto *notifier = new QSocketNotifier(signalPipe[0], QSocketNotifier::Read, &server);
        QObject::connect(notifier, &QSocketNotifier::activated, qApp, [] {
            QTextStream(stdout) << "tidings-authd: shutting down" << Qt::endl;
            QCoreApplication::quit();
        });
        std::signal(SIGINT, onSignal);
        std::signal(SIGTERM, onSignal);
    }
    return QCoreApplication::exec();
}

} // namespace Authd
