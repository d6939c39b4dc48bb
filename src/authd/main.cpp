// SPDX-License-Identifier: GPL-3.0-or-later
#include "admin.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>
#include <sys/stat.h>

using namespace Qt::StringLiterals;

namespace {
const char usage[] =
    "Usage: tidings-authd [--help] [--version] <command> [options]\n"
    "\n"
    "Commands:\n"
    "  serve --data DIR --listen HOST:PORT [--database URL] [--threads N] [--config FILE] ...\n"
    "                                         run the TAP/1 server\n"
    "  user add|passwd|disable|enable|remove NAME --data DIR [--database URL]\n"
    "  user list --data DIR [--database URL]\n"
    "  migrate --from sqlite:PATH --to postgresql://USER@HOST:PORT/DB\n"
    "  key rotate --data DIR [--database URL]\n"
    "\n"
    "URL: sqlite:PATH (default: users.sqlite in --data) or postgresql://USER@HOST:PORT/DB\n"
    "(the password comes from PGPASSFILE or PGPASSWORD, never the command line).\n"
    "Options may come before the command too. Run 'tidings-authd <command> --help' for more.\n";

// Options that take a value: their value is never the command.
const QStringList valueOptions = {
    u"--data"_s,        u"--database"_s,       u"--listen"_s,        u"--tls-listen"_s,
    u"--tls-cert"_s,    u"--tls-key"_s,        u"--threads"_s,       u"--trusted-proxy"_s,
    u"--metrics-listen"_s, u"--issuer"_s,      u"--token-lifetime"_s, u"--iterations"_s,
    u"--max-connections"_s, u"--max-per-address"_s, u"--handshake-timeout"_s,
    u"--from"_s,        u"--to"_s,             u"--config"_s};

// Where the command is: the first argument that is neither an option nor an option's value.
qsizetype commandIndex(const QStringList &arguments)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &a = arguments[i];
        if (!a.startsWith(u'-'))
            return i;
        if (valueOptions.contains(a))
            ++i;
    }
    return -1;
}
} // namespace

int main(int argc, char **argv)
{
    // Everything this program creates (database, WAL, keys) is private from the first byte.
    ::umask(077);
    // Qt's own UNIX event dispatcher, not GLib's: with thousands of descriptors
    // GLib's per-source bookkeeping cost more than the requests (measured with perf).
    qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"tidings-authd"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(TIDINGS_VERSION));
    QStringList arguments = QCoreApplication::arguments();
    const qsizetype at = commandIndex(arguments);
    const QString command = at > 0 ? arguments.value(at) : arguments.value(1);
    if (command.isEmpty() || command == u"--help"_s || command == u"-h"_s) {
        QTextStream(command.isEmpty() ? stderr : stdout) << usage;
        return command.isEmpty() ? 2 : 0;
    }
    if (command == u"--version"_s || command == u"-v"_s) {
        QTextStream(stdout) << "tidings-authd " << TIDINGS_VERSION << '\n';
        return 0;
    }
    if (at > 0)
        arguments.removeAt(at);
    if (command == u"serve"_s)
        return Authd::runServe(arguments);
    if (command == u"user"_s)
        return Authd::runUserCommand(arguments);
    if (command == u"migrate"_s)
        return Authd::runMigrate(arguments);
    if (command == u"key"_s)
        return Authd::runKeyCommand(arguments);
    QTextStream(stderr) << "tidings-authd: unknown command \"" << command << "\"\n\n" << usage;
    return 2;
}
