// SPDX-License-Identifier: GPL-3.0-or-later
#include <QCommandLineParser>
#include <QCoreApplication>

using namespace Qt::StringLiterals;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"tidings-authd"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(TIDINGS_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"The Tidings authentication server (TAP/1, SCRAM-SHA-256, signed session tokens)."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(u"command"_s, u"serve or user (not yet available)"_s);
    parser.process(app);
    if (!parser.positionalArguments().isEmpty()) {
        qCritical("tidings-authd: command \"%s\" is not available in this version",
                  qPrintable(parser.positionalArguments().first()));
        return 2;
    }
    parser.showHelp(0);
}
