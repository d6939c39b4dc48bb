// SPDX-License-Identifier: GPL-3.0-or-later
#include "accountcommand.h"

#include "store/settingsstore.h"

#include <QCommandLineParser>
#include <QTextStream>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace Cli {

namespace {

int fail(const QString &message)
{
    QTextStream(stderr) << "tidings-cli account: " << message << '\n';
    return 2;
}

} // namespace

int runAccountCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Show or change a profile's mail account settings."_s);
    parser.addHelpOption();
    parser.addPositionalArgument(u"action"_s, u"show or set"_s);
    const QCommandLineOption profileOption(u"profile"_s, u"Profile directory."_s, u"dir"_s);
    const QCommandLineOption hostOption(u"host"_s, u"POP3 server host name."_s, u"host"_s);
    const QCommandLineOption portOption(u"port"_s, u"POP3 server port."_s, u"port"_s);
    const QCommandLineOption securityOption(u"security"_s, u"tls, starttls or none."_s, u"mode"_s);
    const QCommandLineOption userOption(u"user"_s, u"User name."_s, u"user"_s);
    const QCommandLineOption authHostOption(u"auth-host"_s, u"tidings-authd host for the login dialog."_s, u"host"_s);
    const QCommandLineOption authPortOption(u"auth-port"_s, u"tidings-authd port."_s, u"port"_s);
    const QCommandLineOption authUserOption(u"auth-user"_s, u"tidings-authd user name."_s, u"user"_s);
    parser.addOptions({profileOption, hostOption, portOption, securityOption, userOption, authHostOption,
                       authPortOption, authUserOption});
    if (!parser.parse(arguments))
        return fail(parser.errorText());
    if (parser.isSet(u"help"_s)) {
        QTextStream(stdout) << parser.helpText();
        return 0;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1)
        return fail(u"expected exactly one action: show or set"_s);

    const Common::Profile profile = parser.isSet(profileOption)
        ? Common::Profile::at(parser.value(profileOption))
        : Common::Profile::standard();
    Store::SettingsStore settings(profile);
    Types::AccountSettings account = settings.account();

    if (positional.first() == u"set"_s) {
        if (parser.isSet(securityOption)) {
            const QString mode = parser.value(securityOption);
            const auto security = Types::mailSecurityFromString(mode, Types::MailSecurity(-1));
            if (security == Types::MailSecurity(-1))
                return fail(u"unknown security \"%1\": use tls, starttls or none"_s.arg(mode));
            account.security = security;
            if (!parser.isSet(portOption))
                account.port = Types::defaultPop3Port(security);
        }
        if (parser.isSet(portOption)) {
            bool ok = false;
            const uint port = parser.value(portOption).toUInt(&ok);
            if (!ok || port == 0 || port > 65535)
                return fail(u"port must be a number from 1 to 65535"_s);
            account.port = quint16(port);
        }
        if (parser.isSet(hostOption))
            account.host = parser.value(hostOption).trimmed();
        if (parser.isSet(userOption))
            account.user = parser.value(userOption).trimmed();
        settings.setAccount(account);
        auto auth = settings.authServer();
        if (parser.isSet(authPortOption)) {
            bool ok = false;
            const uint port = parser.value(authPortOption).toUInt(&ok);
            if (!ok || port == 0 || port > 65535)
                return fail(u"--auth-port must be a number from 1 to 65535"_s);
            auth.port = quint16(port);
        }
        if (parser.isSet(authHostOption))
            auth.host = parser.value(authHostOption).trimmed();
        if (parser.isSet(authUserOption))
            auth.user = parser.value(authUserOption).trimmed();
        settings.setAuthServer(auth);
        settings.sync();
    } else if (positional.first() != u"show"_s) {
        return fail(u"unknown action \"%1\": use show or set"_s.arg(positional.first()));
    }

    QTextStream(stdout) << "host=" << account.host << '\n'
                        << "port=" << account.port << '\n'
                        << "security=" << Types::mailSecurityName(account.security) << '\n'
                        << "user=" << account.user << '\n';
    return 0;
}

} // namespace Cli
