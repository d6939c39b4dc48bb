// SPDX-License-Identifier: GPL-3.0-or-later
#include "application.h"

#include "client/mailtourl.h"
#include "client/settingsstore.h"
#include "languagemanager.h"
#include "mainwindow.h"
#include "singleinstance.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QTimer>

#include <cstdio>
#include <optional>

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

// Translated options; process() prints --help/--version or an error and exits. Returns the
// positional arguments (a mailto: URL).
QStringList processCommandLine(const QCoreApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "Gui::Application", "Read POP3 mail and inspect authentication tokens."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption(QCommandLineOption(
        u"profile"_s,
        QCoreApplication::translate(
            "Gui::Application",
            "Keep all settings and data under <dir> instead of the home folder."),
        QCoreApplication::translate("Gui::Application", "dir")));
    parser.addPositionalArgument(
        u"url"_s,
        QCoreApplication::translate(
            "Gui::Application",
            "A mailto: link to write a message to; a running Tidings opens it."),
        u"[mailto:...]"_s);
    parser.process(app);
    return parser.positionalArguments();
}

// Tests start the program and read what it did from stdout (TIDINGS_TRACE_INSTANCE=1).
bool tracing()
{
    static const bool on = qEnvironmentVariableIntValue("TIDINGS_TRACE_INSTANCE") == 1;
    return on;
}

void printError(const QString &text)
{
    std::fputs(qPrintable(text + u'\n'), stderr);
}

void trace(const QString &line)
{
    if (!tracing())
        return;
    std::fputs(qPrintable(line + u'\n'), stdout);
    std::fflush(stdout);
}

int visibleComposeWindows()
{
    int count = 0;
    for (const QWidget *w : QApplication::topLevelWidgets())
        count += w->isVisible() && w->inherits("Gui::ComposeWindow") ? 1 : 0;
    return count;
}

void openMailto(MainWindow &window, const QString &url)
{
    const std::optional<Client::MailtoUrl> mailto = Client::MailtoUrl::parse(url);
    if (!mailto)
        return; // the socket only passes mailto: URLs, but a parser may still refuse one
    window.composeDraft(mailto->draft);
    // After the window had its turn to show.
    QTimer::singleShot(0, &window, [subject = mailto->draft.subject] {
        trace(u"mailto opened: subject=%1 compose-windows=%2"_s.arg(subject).arg(
            visibleComposeWindows()));
    });
}

void bringToFront(QWidget &window)
{
    window.setWindowState(window.windowState() & ~Qt::WindowMinimized);
    window.show();
    window.raise();
    window.activateWindow();
}

// --help and --version must work without a display (over ssh, in scripts).
bool asksForInformationOnly(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "-h" || arg == "--help" || arg == "--help-all" || arg == "-v" ||
            arg == "--version")
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

    const Common::Profile profile = profileFrom(QApplication::arguments());
    Client::SettingsStore settings(profile);
    LanguageManager languages;
    languages.setLanguage(settings.language());
    const QStringList urls = processCommandLine(app);
    if (urls.size() > 1 || (urls.size() == 1 && !Client::MailtoUrl::parse(urls.first()))) {
        printError(QCoreApplication::translate("Gui::Application", "Not a mailto: link: %1")
                       .arg(urls.join(u' ')));
        return 2;
    }
    const QString mailto = urls.value(0);

    // One instance per profile: a second start hands its link over and leaves.
    SingleInstance instance(SingleInstance::serverNameFor(profile.settingsFile()));
    switch (instance.start(mailto)) {
    case SingleInstance::Start::Forwarded:
        return 0;
    case SingleInstance::Start::NoAnswer:
        // A second window on the same store would fight the first over it.
        printError(QCoreApplication::translate(
            "Gui::Application", "Tidings is already running with this profile but does not "
                                "answer. Close it, or end it if it hangs, and try again."));
        return 1;
    case SingleInstance::Start::Listening:
    case SingleInstance::Start::Alone:
        break;
    }
    trace(instance.isListening() ? u"listening"_s : u"running alone"_s);

    MainWindow window(settings, languages);
    QObject::connect(&instance, &SingleInstance::activationRequested, &window,
                     [&window] { bringToFront(window); });
    QObject::connect(&instance, &SingleInstance::mailtoRequested, &window,
                     [&window](const QString &url) { openMailto(window, url); });
    window.show();
    if (!mailto.isEmpty())
        QTimer::singleShot(0, &window, [&window, mailto] { openMailto(window, mailto); });
    const int status = QApplication::exec();
    settings.sync();
    return status;
}

} // namespace Gui
