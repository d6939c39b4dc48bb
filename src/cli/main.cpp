// SPDX-License-Identifier: GPL-3.0-or-later
#include "accountcommand.h"
#include "authcommand.h"
#include "jwtcommand.h"
#include "mimecommand.h"
#include "pop3command.h"
#include "smtpcommand.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

const char usage[] = "Usage: tidings-cli [--help] [--version] <command> [options]\n"
                     "\n"
                     "Commands:\n"
                     "  account show|set   show or change a profile's mail account settings\n"
                     "  auth login|whoami|refresh|logout   log in to tidings-authd (TAP/1)\n"
                     "  jwt inspect|sign   decode, explain and verify a JWT, or make one\n"
                     "  mime show|extract|build   read a message, save an attachment, write one\n"
                     "  pop3 sync          download new mail into a local store\n"
                     "  smtp send          send stored messages through an SMTP server\n"
                     "\n"
                     "Run 'tidings-cli <command> --help' for the options of a command.\n";

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"Tidings"_s);
    QCoreApplication::setOrganizationName(u"Tidings"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(TIDINGS_VERSION));

    QStringList arguments = QCoreApplication::arguments();
    const QString command = arguments.value(1);
    if (command.isEmpty() || command == u"--help"_s || command == u"-h"_s) {
        QTextStream(command.isEmpty() ? stderr : stdout) << usage;
        return command.isEmpty() ? 2 : 0;
    }
    if (command == u"--version"_s || command == u"-v"_s) {
        QTextStream(stdout) << "tidings-cli " << TIDINGS_VERSION << '\n';
        return 0;
    }
    arguments.removeAt(1); // the sub-command parses the rest as its own command line
    if (command == u"account"_s)
        return Cli::runAccountCommand(arguments);
    if (command == u"auth"_s)
        return Cli::runAuthCommand(arguments);
    if (command == u"pop3"_s)
        return Cli::runPop3Command(arguments);
    if (command == u"smtp"_s)
        return Cli::runSmtpCommand(arguments);
    if (command == u"mime"_s)
        return Cli::runMimeCommand(arguments);
    if (command == u"jwt"_s)
        return Cli::runJwtCommand(arguments);
    QTextStream(stderr) << "tidings-cli: unknown command \"" << command << "\"\n\n" << usage;
    return 2;
}
