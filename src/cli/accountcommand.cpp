// SPDX-License-Identifier: GPL-3.0-or-later
#include "accountcommand.h"

#include "client/accounts.h"
#include "client/settingsstore.h"

#include <QCommandLineParser>
#include <QCryptographicHash>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSslCertificate>
#include <QTextStream>
#include <QTimer>

#include <optional>

using namespace Qt::StringLiterals;

namespace Cli {

namespace {

constexpr int kKeyringWaitMs = 15000; // a keyring that does not answer is reported, not waited for
constexpr int kMaxCheckEveryMinutes = 10080; // a week
constexpr int kMaxDeleteAfterDays = 3650;

// Options that work as a flag (`--leave-on-server`) and with a value (`--leave-on-server no`).
const QStringList kSwitches{u"allow-plain-password"_s, u"leave-on-server"_s,
                            u"delete-from-server"_s, u"delete-when-deleted-here"_s};

int fail(const QString &message)
{
    QTextStream(stderr) << "tidings-cli account: " << message << '\n';
    return 2;
}

std::optional<bool> yesNo(const QString &value)
{
    const QString v = value.trimmed().toLower();
    if (v == u"yes"_s || v == u"true"_s || v == u"on"_s)
        return true;
    if (v == u"no"_s || v == u"false"_s || v == u"off"_s)
        return false;
    return std::nullopt;
}

// A bare switch gets the value "yes", so that QCommandLineParser, which wants
// a value for these options, accepts both spellings.
QStringList withSwitchValues(const QStringList &arguments)
{
    QStringList out;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        out << arguments.at(i);
        const QString &a = arguments.at(i);
        if (a.startsWith(u"--"_s) && kSwitches.contains(a.mid(2)) &&
            (i + 1 == arguments.size() || !yesNo(arguments.at(i + 1))))
            out << u"yes"_s;
    }
    return out;
}

QString yes(bool on)
{
    return on ? u"yes"_s : u"no"_s;
}

QJsonObject toJson(const Types::AccountSettings &a)
{
    return QJsonObject{
        {u"id"_s, a.id},
        {u"name"_s, a.name},
        {u"email"_s, a.email},
        {u"display_name"_s, a.displayName},
        {u"host"_s, a.host},
        {u"port"_s, a.port},
        {u"security"_s, Types::mailSecurityName(a.security)},
        {u"user"_s, a.user},
        {u"auth"_s, Types::mailAuthName(a.auth)},
        {u"allow_plain_password"_s, a.allowPlainPassword},
        {u"leave_on_server"_s, a.leaveOnServer},
        {u"delete_after_days"_s,
         a.deleteAfterDays < 0 ? QJsonValue() : QJsonValue(a.deleteAfterDays)},
        {u"delete_when_deleted_here"_s, a.deleteWhenDeletedHere},
        {u"size_limit_kb"_s, a.sizeLimitKb < 0 ? QJsonValue() : QJsonValue(a.sizeLimitKb)},
        {u"check_every_minutes"_s, a.checkEveryMinutes},
        {u"ca"_s, a.caFile},
        {u"smtp_host"_s, a.smtpHost},
        {u"smtp_port"_s, a.smtpPort},
        {u"smtp_security"_s, Types::mailSecurityName(a.smtpSecurity)},
        {u"smtp_user"_s, a.smtpLogin()},
        {u"smtp_separate_password"_s, a.smtpSeparatePassword},
    };
}

void printAccount(const Types::AccountSettings &a, bool json)
{
    QTextStream out(stdout);
    if (json) {
        out << QJsonDocument(toJson(a)).toJson(QJsonDocument::Indented);
        return;
    }
    out << "id=" << a.id << '\n'
        << "name=" << a.name << '\n'
        << "email=" << a.email << '\n'
        << "display-name=" << a.displayName << '\n'
        << "host=" << a.host << '\n'
        << "port=" << a.port << '\n'
        << "security=" << Types::mailSecurityName(a.security) << '\n'
        << "user=" << a.user << '\n'
        << "auth=" << Types::mailAuthName(a.auth) << '\n'
        << "allow-plain-password=" << yes(a.allowPlainPassword) << '\n'
        << "leave-on-server=" << yes(a.leaveOnServer) << '\n'
        << "delete-after-days="
        << (a.deleteAfterDays < 0 ? u"never"_s : QString::number(a.deleteAfterDays)) << '\n'
        << "delete-when-deleted-here=" << yes(a.deleteWhenDeletedHere) << '\n'
        << "size-limit-kb=" << (a.sizeLimitKb < 0 ? u"none"_s : QString::number(a.sizeLimitKb))
        << '\n'
        << "check-every="
        << (a.checkEveryMinutes > 0 ? QString::number(a.checkEveryMinutes) : u"off"_s) << '\n'
        << "ca=" << a.caFile << '\n'
        << "smtp-host=" << a.smtpHost << '\n'
        << "smtp-port=" << a.smtpPort << '\n'
        << "smtp-security=" << Types::mailSecurityName(a.smtpSecurity) << '\n'
        << "smtp-user=" << a.smtpLogin() << '\n'
        << "smtp-separate-password=" << yes(a.smtpSeparatePassword) << '\n';
}

void printList(const QList<Types::AccountSettings> &accounts, bool json)
{
    QTextStream out(stdout);
    if (json) {
        QJsonArray array;
        for (qsizetype i = 0; i < accounts.size(); ++i) {
            QJsonObject o = toJson(accounts.at(i));
            o.insert(u"index"_s, int(i + 1));
            array.append(o);
        }
        out << QJsonDocument(array).toJson(QJsonDocument::Indented);
        return;
    }
    for (qsizetype i = 0; i < accounts.size(); ++i) {
        const Types::AccountSettings &a = accounts.at(i);
        out << i + 1 << '\t' << a.id << '\t' << (a.name.isEmpty() ? a.user : a.name) << '\t'
            << a.key() << '\t' << Types::mailSecurityName(a.security) << '\n';
    }
}

// Why this file cannot be an account's CA, or empty.
QString caProblem(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return u"--ca: cannot read %1: %2"_s.arg(path, file.errorString());
    if (QSslCertificate::fromData(file.readAll(), QSsl::Pem).isEmpty())
        return u"--ca: %1 holds no PEM certificate"_s.arg(path);
    return {};
}

// Runs the loop until the keyring call the caller started has ended, with a bound.
bool waitForKeyring(Client::Accounts &accounts, QString *error)
{
    QEventLoop loop;
    auto done = [&] {
        if (!accounts.keyringBusy())
            loop.quit();
    };
    QObject::connect(&accounts, &Client::Accounts::passwordWritten, &loop, done);
    QObject::connect(&accounts, &Client::Accounts::passwordRemoved, &loop, done);
    QObject::connect(&accounts, &Client::Accounts::error, &loop,
                     [&](const QString &, const QString &why) {
                         *error = why;
                         done();
                     });
    QTimer::singleShot(kKeyringWaitMs, &loop, [&] {
        *error = u"the system keyring did not answer within %1 s"_s.arg(kKeyringWaitMs / 1000);
        loop.quit();
    });
    if (accounts.keyringBusy())
        loop.exec();
    return error->isEmpty();
}

struct Parsed
{
    QCommandLineParser parser;
    QCommandLineOption profile{u"profile"_s, u"Profile directory."_s, u"dir"_s};
    QCommandLineOption index{u"index"_s, u"Which account (1 is the first; the default)."_s, u"n"_s};
    QCommandLineOption id{u"id"_s, u"Which account, by its id (see list)."_s, u"id"_s};
    QCommandLineOption json{u"json"_s, u"show and list: JSON output."_s};
    QCommandLineOption smtp{u"smtp"_s, u"password: the outgoing server's own password."_s};
    QCommandLineOption name{u"name"_s, u"What to call the account."_s, u"name"_s};
    QCommandLineOption email{u"email"_s, u"The account's e-mail address."_s, u"address"_s};
    QCommandLineOption displayName{u"display-name"_s, u"Your name, as shown with the address."_s,
                                   u"name"_s};
    QCommandLineOption host{u"host"_s, u"POP3 server host name."_s, u"host"_s};
    QCommandLineOption port{u"port"_s, u"POP3 server port (default 995 with tls, 110 otherwise)."_s,
                            u"port"_s};
    QCommandLineOption security{u"security"_s, u"tls, starttls or none."_s, u"mode"_s};
    QCommandLineOption user{u"user"_s, u"User name."_s, u"user"_s};
    QCommandLineOption auth{
        {u"auth"_s, u"login"_s}, u"Login method: auto, user, apop or sasl."_s, u"method"_s};
    QCommandLineOption allowPlain{
        u"allow-plain-password"_s,
        u"With --security none only: send the password in clear (yes|no)."_s, u"yes|no"_s};
    QCommandLineOption leave{u"leave-on-server"_s,
                             u"Leave messages on the server (yes|no; the default)."_s, u"yes|no"_s};
    QCommandLineOption deleteFromServer{
        u"delete-from-server"_s, u"Delete messages from the server once stored here (yes|no)."_s,
        u"yes|no"_s};
    QCommandLineOption deleteAfter{
        u"delete-after-days"_s, u"Delete from the server after N days, or never."_s, u"n|never"_s};
    QCommandLineOption deleteHere{u"delete-when-deleted-here"_s,
                                  u"Delete on the server what is deleted here (yes|no)."_s,
                                  u"yes|no"_s};
    QCommandLineOption sizeLimit{u"size-limit-kb"_s, u"Headers only above this size, or none."_s,
                                 u"n|none"_s};
    QCommandLineOption checkEvery{
        u"check-every"_s, u"Get mail every N minutes, or off (the default)."_s, u"minutes|off"_s};
    QCommandLineOption ca{
        u"ca"_s, u"A CA certificate (PEM) trusted for this account only, or none."_s, u"file"_s};
    QCommandLineOption smtpHost{u"smtp-host"_s, u"Outgoing (SMTP submission) server; none: cannot send."_s,
                                u"host"_s};
    QCommandLineOption smtpPort{u"smtp-port"_s,
                                u"SMTP port (default 465 with tls, 587 with starttls, 25 with none)."_s, u"port"_s};
    QCommandLineOption smtpSecurity{u"smtp-security"_s, u"tls, starttls or none."_s, u"mode"_s};
    QCommandLineOption smtpUser{u"smtp-user"_s, u"SMTP user name (default: --user)."_s, u"user"_s};
    QCommandLineOption smtpSeparatePassword{
        u"smtp-separate-password"_s,
        u"yes: SMTP has a password of its own (`password --smtp`); no: the POP3 one (the default)."_s,
        u"yes|no"_s};
    QCommandLineOption authHost{u"auth-host"_s, u"tidings-authd host for the login dialog."_s,
                                u"host"_s};
    QCommandLineOption authPort{u"auth-port"_s, u"tidings-authd port."_s, u"port"_s};
    QCommandLineOption authUser{u"auth-user"_s, u"tidings-authd user name."_s, u"user"_s};
    QCommandLineOption authTls{u"auth-tls"_s, u"Log in over TLS: yes (the default) or no."_s,
                               u"yes|no"_s};
    QCommandLineOption authTrust{
        u"auth-trust-certificate"_s,
        u"Trust this certificate (PEM) for the tidings-authd host and port "
        "only, as the dialog's \"Trust This Certificate\" does."_s,
        u"file"_s};

    QList<QCommandLineOption> accountOptions() const
    {
        return {name,
                email,
                displayName,
                host,
                port,
                security,
                user,
                auth,
                allowPlain,
                leave,
                deleteFromServer,
                deleteAfter,
                deleteHere,
                sizeLimit,
                checkEvery,
                ca,
                smtpHost,
                smtpPort,
                smtpSecurity,
                smtpUser,
                smtpSeparatePassword};
    }

    Parsed()
    {
        parser.setApplicationDescription(
            u"Show or change a profile's mail accounts. Passwords are never written to a file: "
            "`password` puts the first line of standard input into the system keyring."_s);
        parser.addHelpOption();
        parser.addPositionalArgument(u"action"_s, u"show, set, add, list, remove or password"_s);
        parser.addOptions({profile, index, id, json, smtp});
        parser.addOptions(accountOptions());
        parser.addOptions({authHost, authPort, authUser, authTls, authTrust});
    }
};

// The settings of the command line applied to one account; an error message or empty.
QString applyOptions(const Parsed &p, Types::AccountSettings &account, bool isNew)
{
    const QCommandLineParser &parser = p.parser;
    auto text = [&](const QCommandLineOption &o, QString &target) {
        if (parser.isSet(o))
            target = parser.value(o).trimmed();
    };
    text(p.name, account.name);
    text(p.displayName, account.displayName);
    text(p.host, account.host);
    text(p.user, account.user);
    if (parser.isSet(p.email)) {
        const QString email = parser.value(p.email).trimmed();
        const qsizetype at = email.lastIndexOf(u'@');
        if (!email.isEmpty() && (at <= 0 || at == email.size() - 1 || email.contains(u' ')))
            return u"--email must be an address like alice@example.org"_s;
        account.email = email;
    }
    if (parser.isSet(p.security)) {
        const QString mode = parser.value(p.security);
        const auto security = Types::mailSecurityFromString(mode, Types::MailSecurity(-1));
        if (security == Types::MailSecurity(-1))
            return u"unknown security \"%1\": use tls, starttls or none"_s.arg(mode);
        // The standard port follows the security choice, as in the dialog; a port chosen on purpose
        // stays.
        if (isNew || account.port == Types::defaultPop3Port(account.security))
            account.port = Types::defaultPop3Port(security);
        account.security = security;
    }
    if (parser.isSet(p.port)) {
        bool ok = false;
        const uint port = parser.value(p.port).toUInt(&ok);
        if (!ok || port == 0 || port > 65535)
            return u"port must be a number from 1 to 65535"_s;
        account.port = quint16(port);
    }
    if (parser.isSet(p.smtpHost))
        account.smtpHost = parser.value(p.smtpHost).trimmed() == u"none"_s ? QString()
                                                                           : parser.value(p.smtpHost).trimmed();
    if (parser.isSet(p.smtpSecurity)) {
        const QString mode = parser.value(p.smtpSecurity);
        const auto security = Types::mailSecurityFromString(mode, Types::MailSecurity(-1));
        if (security == Types::MailSecurity(-1))
            return u"unknown SMTP security \"%1\": use tls, starttls or none"_s.arg(mode);
        if (isNew || account.smtpPort == Types::defaultSmtpPort(account.smtpSecurity))
            account.smtpPort = Types::defaultSmtpPort(security);
        account.smtpSecurity = security;
    }
    if (parser.isSet(p.smtpPort)) {
        bool ok = false;
        const uint port = parser.value(p.smtpPort).toUInt(&ok);
        if (!ok || port == 0 || port > 65535)
            return u"--smtp-port must be a number from 1 to 65535"_s;
        account.smtpPort = quint16(port);
    }
    if (parser.isSet(p.smtpUser))
        account.smtpUser = parser.value(p.smtpUser).trimmed();
    if (parser.isSet(p.auth)) {
        account.auth = Types::mailAuthFromString(parser.value(p.auth), Types::MailAuth(-1));
        if (account.auth == Types::MailAuth(-1))
            return u"--auth must be auto, user, apop or sasl"_s;
    }
    auto flag = [&](const QCommandLineOption &o, bool &target, bool invert) {
        const auto v = yesNo(parser.value(o));
        if (!v)
            return false;
        target = invert ? !*v : *v;
        return true;
    };
    if (parser.isSet(p.leave) && parser.isSet(p.deleteFromServer))
        return u"use one of --leave-on-server and --delete-from-server"_s;
    if (parser.isSet(p.leave) && !flag(p.leave, account.leaveOnServer, false))
        return u"--leave-on-server must be yes or no"_s;
    if (parser.isSet(p.deleteFromServer) && !flag(p.deleteFromServer, account.leaveOnServer, true))
        return u"--delete-from-server must be yes or no"_s;
    if (parser.isSet(p.smtpSeparatePassword) &&
        !flag(p.smtpSeparatePassword, account.smtpSeparatePassword, false))
        return u"--smtp-separate-password must be yes or no"_s;
    if (parser.isSet(p.deleteHere) && !flag(p.deleteHere, account.deleteWhenDeletedHere, false))
        return u"--delete-when-deleted-here must be yes or no"_s;
    if (parser.isSet(p.allowPlain)) {
        if (!flag(p.allowPlain, account.allowPlainPassword, false))
            return u"--allow-plain-password must be yes or no"_s;
        if (account.allowPlainPassword && account.security != Types::MailSecurity::None)
            return u"--allow-plain-password only applies with --security none"_s;
    }
    if (account.security != Types::MailSecurity::None)
        account.allowPlainPassword =
            false; // as the dialog: only ever with an unencrypted connection

    auto numberOrWord = [&](const QCommandLineOption &o, const QString &word, int minimum,
                            int maximum, int off, int &target) {
        const QString v = parser.value(o).trimmed().toLower();
        bool ok = false;
        const int n = v.toInt(&ok);
        if (v == word)
            target = off;
        else if (ok && n >= minimum && n <= maximum)
            target = n;
        else
            return false;
        return true;
    };
    if (parser.isSet(p.deleteAfter) &&
        !numberOrWord(p.deleteAfter, u"never"_s, 0, kMaxDeleteAfterDays, -1,
                      account.deleteAfterDays))
        return u"--delete-after-days must be a number of days (0 to %1) or never"_s.arg(
            kMaxDeleteAfterDays);
    if (parser.isSet(p.sizeLimit) &&
        !numberOrWord(p.sizeLimit, u"none"_s, 1, 4 << 20, -1, account.sizeLimitKb))
        return u"--size-limit-kb must be a positive number or none"_s;
    if (parser.isSet(p.checkEvery) &&
        !numberOrWord(p.checkEvery, u"off"_s, 0, kMaxCheckEveryMinutes, 0,
                      account.checkEveryMinutes))
        return u"--check-every must be a number of minutes (1 to %1) or off"_s.arg(
            kMaxCheckEveryMinutes);
    if (parser.isSet(p.ca)) {
        const QString path = parser.value(p.ca).trimmed();
        if (path.isEmpty() || path == u"none"_s) {
            account.caFile.clear();
        } else {
            if (const QString why = caProblem(path); !why.isEmpty())
                return why;
            account.caFile =
                QFileInfo(path).absoluteFilePath(); // the profile outlives this directory
        }
    }
    return {};
}

QString applyAuthServer(const Parsed &p, Client::SettingsStore &settings)
{
    const QCommandLineParser &parser = p.parser;
    auto auth = settings.authServer();
    if (parser.isSet(p.authPort)) {
        bool ok = false;
        const uint port = parser.value(p.authPort).toUInt(&ok);
        if (!ok || port == 0 || port > 65535)
            return u"--auth-port must be a number from 1 to 65535"_s;
        auth.port = quint16(port);
    }
    if (parser.isSet(p.authHost))
        auth.host = parser.value(p.authHost).trimmed();
    if (parser.isSet(p.authUser))
        auth.user = parser.value(p.authUser).trimmed();
    if (parser.isSet(p.authTls)) {
        const auto tls = yesNo(parser.value(p.authTls));
        if (!tls)
            return u"--auth-tls must be yes or no"_s;
        auth.tls = *tls;
    }
    if (parser.isSet(p.authTrust)) {
        const auto certificates = QSslCertificate::fromPath(parser.value(p.authTrust));
        if (certificates.size() != 1)
            return u"--auth-trust-certificate: %1 must hold exactly one PEM certificate"_s.arg(
                parser.value(p.authTrust));
        settings.pinCertificate(u"tap"_s, auth.host, auth.port,
                                certificates.first().digest(QCryptographicHash::Sha256));
    }
    settings.setAuthServer(auth);
    return {};
}

} // namespace

int runAccountCommand(const QStringList &arguments)
{
    Parsed p;
    QCommandLineParser &parser = p.parser;
    if (!parser.parse(withSwitchValues(arguments)))
        return fail(parser.errorText());
    if (parser.isSet(u"help"_s)) {
        QTextStream(stdout) << parser.helpText();
        return 0;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1)
        return fail(u"expected exactly one action: show, set, add, list, remove or password"_s);
    const QString action = positional.first();
    if (!QStringList{u"show"_s, u"set"_s, u"add"_s, u"list"_s, u"remove"_s, u"password"_s}.contains(
            action))
        return fail(
            u"unknown action \"%1\": use show, set, add, list, remove or password"_s.arg(action));
    if (parser.isSet(p.index) && parser.isSet(p.id))
        return fail(u"use one of --index and --id"_s);
    int index = 0;
    if (parser.isSet(p.index)) {
        bool ok = false;
        index = parser.value(p.index).toInt(&ok) - 1;
        if (!ok || index < 0)
            return fail(u"--index must be 1 or more"_s);
    }

    const Common::Profile profile = parser.isSet(p.profile)
                                        ? Common::Profile::at(parser.value(p.profile))
                                        : Common::Profile::standard();
    Client::SettingsStore settings(profile);
    Client::Accounts accounts(settings);
    const QList<Types::AccountSettings> all = accounts.list();
    const bool json = parser.isSet(p.json);
    if (action == u"list"_s) {
        printList(all, json);
        return 0;
    }

    // The account addressed, if it exists.
    std::optional<Types::AccountSettings> target;
    if (parser.isSet(p.id)) {
        target = accounts.find(parser.value(p.id));
        if (!target && action != u"add"_s)
            return fail(u"there is no account with id %1"_s.arg(parser.value(p.id)));
    } else if (index < all.size()) {
        target = all.at(index);
    } else if (action != u"add"_s && !(action == u"set"_s && index == 0) &&
               !(action == u"show"_s && index == 0 && all.isEmpty())) {
        return fail(u"there is no account %1"_s.arg(index + 1));
    }

    if (action == u"show"_s) {
        printAccount(target.value_or(Types::AccountSettings()), json);
        return 0;
    }
    if (action == u"remove"_s) {
        if (!accounts.remove(target->id))
            return fail(accounts.errorString());
        QString error;
        if (!waitForKeyring(accounts, &error)) // the account is gone either way
            QTextStream(stderr) << "tidings-cli account: the password entry was not removed: "
                                << error << '\n';
        return 0;
    }
    if (action == u"password"_s) {
        const QString password = QTextStream(stdin).readLine();
        if (password.isEmpty())
            return fail(u"no password on standard input"_s);
        if (parser.isSet(p.smtp))
            accounts.writeSmtpPassword(target->id, password);
        else
            accounts.writePassword(target->id, password);
        QString error;
        if (!waitForKeyring(accounts, &error))
            return fail(u"the system keyring refused the password: %1"_s.arg(error));
        return 0;
    }

    // set or add
    const bool adding = action == u"add"_s || !target;
    const QList<QCommandLineOption> accountOptions = p.accountOptions();
    const bool accountOptionGiven =
        std::any_of(accountOptions.cbegin(), accountOptions.cend(),
                    [&](const QCommandLineOption &o) { return parser.isSet(o); });
    Types::AccountSettings account = adding ? Types::AccountSettings() : *target;
    if (const QString why = applyOptions(p, account, adding); !why.isEmpty())
        return fail(why);
    const bool saveAccount = !adding || accountOptionGiven || action == u"add"_s;
    if (saveAccount) { // checked before anything is written
        if (account.host.isEmpty())
            return fail(u"the account needs a server: --host"_s);
        if (account.user.isEmpty())
            return fail(u"the account needs a user name: --user"_s);
        if (const QString why = Client::Accounts::problem(account); !why.isEmpty())
            return fail(why);
    }
    if (const QString why = applyAuthServer(p, settings); !why.isEmpty())
        return fail(why);
    if (adding && saveAccount) {
        QString id;
        if (!accounts.add(account, &id))
            return fail(accounts.errorString());
        account = *accounts.find(id);
    } else if (!adding && !accounts.update(account)) {
        return fail(accounts.errorString());
    }
    settings.sync();
    printAccount(account, json);
    return 0;
}

} // namespace Cli
