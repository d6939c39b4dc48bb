// SPDX-License-Identifier: GPL-3.0-or-later
#include "admin.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>
#include <sys/stat.h>

using namespace Qt::StringLiterals;

namespace {
const char usage[] = "Usage: tidings-authd [--help] [--version] <command> [options]\n"
                     "\n"
                     "Commands:\n"
                     "  serve --data DIR [--listen HOST:PORT] ...   run the TAP/1 server\n"
                     "  user add|passwd|disable|enable|remove NAME --data DIR\n"
                     "  user list --data DIR\n"
                     "\n"
                     "Run 'tidings-authd <command> --help' for the options of a command.\n";
}

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
    const QString command = arguments.value(1);
    if (command.isEmpty() || command == u"--help"_s || command == u"-h"_s) {
        QTextStream(command.isEmpty() ? stderr : stdout) << usage;
        return command.isEmpty() ? 2 : 0;
    }
    if (command == u"--version"_s || command == u"-v"_s) {
        QTextStream(stdout) << "tidings-authd " << TIDINGS_VERSION << '\n';
        return 0;
    }
    arguments.removeAt(1);
    if (command == u"serve"_s)
        return Authd::runServe(arguments);
    if (command == u"user"_s)
        return Authd::runUserCommand(arguments);
    QTextStream(stderr) << "tidings-authd: unknown command \"" << command << "\"\n\n" << usage;
    return 2;
}
