// SPDX-License-Identifier: GPL-3.0-or-later
#include "accountcommand.h"

#include "client/secretstore.h"
#include "client/settingsstore.h"

#include <QCommandLineParser>
#include <QCryptographicHash>
#include <QSslCertificate>
#include <QEventLoop>
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
    parser.setApplicationDescription(u"Show or change a profile's mail accounts (passwords are never stored here)."_s);
    parser.addHelpOption();
    parser.addPositionalArgument(u"action"_s, u"show, set, add, list, remove, or password (the first line of standard"
                                              " input into the system keyring for that account)"_s);
    const QCommandLineOption indexOption(u"index"_s, u"Which account for show, set and remove (1 is the first)."_s,
                                         u"n"_s, u"1"_s);
    const QCommandLineOption nameOption(u"name"_s, u"What to call the account."_s, u"name"_s);
    const QCommandLineOption loginOption(u"login"_s, u"auto, user, apop or sasl."_s, u"method"_s);
    const QCommandLineOption leaveOption(u"leave-on-server"_s, u"yes or no."_s, u"yes|no"_s);
    const QCommandLineOption deleteAfterOption(u"delete-after-days"_s, u"Delete from the server after N days, or never."_s,
                                               u"n|never"_s);
    const QCommandLineOption deleteHereOption(u"delete-when-deleted-here"_s, u"yes or no."_s, u"yes|no"_s);
    const QCommandLineOption sizeLimitOption(u"size-limit-kb"_s, u"Headers only above this size, or none."_s,
                                             u"n|none"_s);
    const QCommandLineOption profileOption(u"profile"_s, u"Profile directory."_s, u"dir"_s);
    const QCommandLineOption hostOption(u"host"_s, u"POP3 server host name."_s, u"host"_s);
    const QCommandLineOption portOption(u"port"_s, u"POP3 server port."_s, u"port"_s);
    const QCommandLineOption securityOption(u"security"_s, u"tls, starttls or none."_s, u"mode"_s);
    const QCommandLineOption userOption(u"user"_s, u"User name."_s, u"user"_s);
    const QCommandLineOption authHostOption(u"auth-host"_s, u"tidings-authd host for the login dialog."_s, u"host"_s);
    const QCommandLineOption authPortOption(u"auth-port"_s, u"tidings-authd port."_s, u"port"_s);
    const QCommandLineOption authUserOption(u"auth-user"_s, u"tidings-authd user name."_s, u"user"_s);
    const QCommandLineOption authTlsOption(u"auth-tls"_s, u"Log in over TLS: yes (the default) or no."_s,
                                           u"yes|no"_s);
    const QCommandLineOption authTrustOption(u"auth-trust-certificate"_s,
                                             u"Trust this certificate (PEM) for the tidings-authd host and port "
                                             "only, as the dialog's \"Trust This Certificate\" does."_s,
                                             u"file"_s);
    parser.addOptions({profileOption, hostOption, portOption, securityOption, userOption, authHostOption,
                       authPortOption, authUserOption, authTlsOption, authTrustOption, indexOption, nameOption, loginOption, leaveOption,
                       deleteAfterOption, deleteHereOption, sizeLimitOption});
    if (!parser.parse(arguments))
        return fail(parser.errorText());
    if (parser.isSet(u"help"_s)) {
        QTextStream(stdout) << parser.helpText();
        return 0;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1)
        return fail(u"expected exactly one action: show, set, add, list or remove"_s);

    const Common::Profile profile = parser.isSet(profileOption)
        ? Common::Profile::at(parser.value(profileOption))
        : Common::Profile::standard();
    Client::SettingsStore settings(profile);
    QList<Types::AccountSettings> accounts = settings.accounts();
    const QString action = positional.first();
    if (!QStringList{u"show"_s, u"set"_s, u"add"_s, u"list"_s, u"remove"_s, u"password"_s}.contains(action))
        return fail(u"unknown action \"%1\": use show, set, add, list, remove or password"_s.arg(action));
    bool indexOk = false;
    const int index = parser.value(indexOption).toInt(&indexOk) - 1;
    if (!indexOk || index < 0)
        return fail(u"--index must be 1 or more"_s);
    if (action == u"list"_s) {
        QTextStream out(stdout);
        for (int i = 0; i < accounts.size(); ++i)
            out << i + 1 << '\t' << (accounts[i].name.isEmpty() ? accounts[i].user : accounts[i].name) << '\t'
                << accounts[i].key() << '\t' << Types::mailSecurityName(accounts[i].security) << '\n';
        return 0;
    }
    if (action == u"password"_s) {
        if (index >= accounts.size())
            return fail(u"there is no account %1"_s.arg(index + 1));
        const QString password = QTextStream(stdin).readLine();
        if (password.isEmpty())
            return fail(u"no password on standard input"_s);
        Client::SecretStore secrets;
        QEventLoop loop;
        QString error;
        QObject::connect(&secrets, &Client::SecretStore::writeFinished, &loop,
                         [&](const QString &, bool ok, const QString &why) {
                             if (!ok)
                                 error = why;
                             loop.quit();
                         });
        QObject::connect(&secrets, &Client::SecretStore::failed, &loop, [&](const QString &, const QString &why) {
            error = why;
            loop.quit();
        });
        secrets.write(Client::SecretStore::mailKey(accounts.at(index)), password);
        loop.exec();
        if (!error.isEmpty())
            return fail(u"the system keyring refused the password: %1"_s.arg(error));
        return 0;
    }
    if (action == u"remove"_s) {
        if (index >= accounts.size())
            return fail(u"there is no account %1"_s.arg(index + 1));
        accounts.removeAt(index);
        settings.setAccounts(accounts);
        settings.sync();
        return 0;
    }
    if (action == u"add"_s) {
        accounts.append(Types::AccountSettings());
    } else if (index >= accounts.size() && !(index == 0 && action == u"set"_s)) {
        if (!(index == 0 && action == u"show"_s))
            return fail(u"there is no account %1"_s.arg(index + 1));
    }
    if (accounts.isEmpty())
        accounts.append(Types::AccountSettings());
    const int target = action == u"add"_s ? int(accounts.size()) - 1 : index;
    Types::AccountSettings account = accounts.value(target);

    if (action == u"set"_s || action == u"add"_s) {
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
        if (parser.isSet(nameOption))
            account.name = parser.value(nameOption).trimmed();
        if (parser.isSet(loginOption)) {
            account.auth = Types::mailAuthFromString(parser.value(loginOption), Types::MailAuth(-1));
            if (account.auth == Types::MailAuth(-1))
                return fail(u"--login must be auto, user, apop or sasl"_s);
        }
        auto yesNo = [&](const QCommandLineOption &option, bool &target) {
            const QString v = parser.value(option).toLower();
            if (v != u"yes"_s && v != u"no"_s)
                return false;
            target = v == u"yes"_s;
            return true;
        };
        if (parser.isSet(leaveOption) && !yesNo(leaveOption, account.leaveOnServer))
            return fail(u"--leave-on-server must be yes or no"_s);
        if (parser.isSet(deleteHereOption) && !yesNo(deleteHereOption, account.deleteWhenDeletedHere))
            return fail(u"--delete-when-deleted-here must be yes or no"_s);
        auto numberOrWord = [&](const QCommandLineOption &option, const QString &word, int minimum, int &target) {
            const QString v = parser.value(option).toLower();
            bool ok = false;
            const int n = v.toInt(&ok);
            if (v == word)
                target = -1;
            else if (ok && n >= minimum)
                target = n;
            else
                return false;
            return true;
        };
        if (parser.isSet(deleteAfterOption) && !numberOrWord(deleteAfterOption, u"never"_s, 0, account.deleteAfterDays))
            return fail(u"--delete-after-days must be a number of days or never"_s);
        if (parser.isSet(sizeLimitOption) && !numberOrWord(sizeLimitOption, u"none"_s, 1, account.sizeLimitKb))
            return fail(u"--size-limit-kb must be a positive number or none"_s);
        accounts[target] = account;
        settings.setAccounts(accounts);
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
        if (parser.isSet(authTlsOption)) {
            const QString tls = parser.value(authTlsOption);
            if (tls != u"yes"_s && tls != u"no"_s)
                return fail(u"--auth-tls must be yes or no"_s);
            auth.tls = tls == u"yes"_s;
        }
        if (parser.isSet(authTrustOption)) {
            const auto certificates = QSslCertificate::fromPath(parser.value(authTrustOption));
            if (certificates.size() != 1)
                return fail(u"--auth-trust-certificate: %1 must hold exactly one PEM certificate"_s.arg(
                    parser.value(authTrustOption)));
            settings.pinCertificate(u"tap"_s, auth.host, auth.port,
                                    certificates.first().digest(QCryptographicHash::Sha256));
        }
        settings.setAuthServer(auth);
        settings.sync();
    } else if (action != u"show"_s) {
        return fail(u"unknown action \"%1\": use show, set, add, list or remove"_s.arg(action));
    }

    QTextStream(stdout) << "host=" << account.host << '\n'
                        << "port=" << account.port << '\n'
                        << "security=" << Types::mailSecurityName(account.security) << '\n'
                        << "user=" << account.user << '\n'
                        << "name=" << account.name << '\n'
                        << "login=" << Types::mailAuthName(account.auth) << '\n'
                        << "leave-on-server=" << (account.leaveOnServer ? "yes" : "no") << '\n'
                        << "delete-after-days="
                        << (account.deleteAfterDays < 0 ? u"never"_s : QString::number(account.deleteAfterDays)) << '\n'
                        << "delete-when-deleted-here=" << (account.deleteWhenDeletedHere ? "yes" : "no") << '\n'
                        << "size-limit-kb="
                        << (account.sizeLimitKb < 0 ? u"none"_s : QString::number(account.sizeLimitKb)) << '\n';
    return 0;
}

} // namespace Cli
