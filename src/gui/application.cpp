// SPDX-License-Identifier: GPL-3.0-or-later
#include "application.h"

#include "languagemanager.h"
#include "mainwindow.h"
#include "client/settingsstore.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>

using namespace Qt::StringLiterals;

namespace Gui {

namespace {

// The profile must be known before the language (a setting inside it) and the
// language before the translated --help text, so look for --profile first.
QString findProfileArgument(const QStringList &arguments)
{
    QCommandLineParser early;
    early.addOption(QCommandLineOption(u"profile"_s, QString(), u"dir"_s));
    early.parse(arguments);
    return early.value(u"profile"_s);
}

void setIdentity()
{
    QCoreApplication::setApplicationName(u"Tidings"_s);
    QCoreApplication::setOrganizationName(u"Tidings"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(TIDINGS_VERSION));
}

// Translated options; process() prints --help/--version or an error and exits.
void processCommandLine(const QCoreApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "Gui::Application", "Read POP3 mail and inspect authentication tokens."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption(QCommandLineOption(
        u"profile"_s,
        QCoreApplication::translate(
            "Gui::Application", "Keep all settings and data under <dir> instead of the home folder."),
        QCoreApplication::translate("Gui::Application", "dir")));
    parser.process(app);
}

// --help and --version must work without a display (over ssh, in scripts).
bool asksForInformationOnly(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "-h" || arg == "--help" || arg == "--help-all" || arg == "-v"
            || arg == "--version")
            return true;
    }
    return false;
}

Common::Profile profileFrom(const QStringList &arguments)
{
    const QString dir = findProfileArgument(arguments);
    return dir.isEmpty() ? Common::Profile::standard() : Common::Profile::at(dir);
}

} // namespace

int runApplication(int &argc, char **argv)
{
    if (asksForInformationOnly(argc, argv)) {
        QCoreApplication app(argc, argv);
        setIdentity();
        Client::SettingsStore settings(profileFrom(QCoreApplication::arguments()));
        LanguageManager languages;
        languages.setLanguage(settings.language());
        processCommandLine(app);
        return 0;
    }

    QApplication app(argc, argv);
    setIdentity();
    QApplication::setDesktopFileName(u"org.tidings.Tidings"_s);
    QApplication::setWindowIcon(QIcon(u":/icons/tidings.svg"_s));

    Client::SettingsStore settings(profileFrom(QApplication::arguments()));
    LanguageManager languages;
    languages.setLanguage(settings.language());
    processCommandLine(app);

    MainWindow window(settings, languages);
    window.show();
    const int status = QApplication::exec();
    settings.sync();
    return status;
}

} // namespace Gui
