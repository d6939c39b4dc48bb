// SPDX-License-Identifier: GPL-3.0-or-later
#include "admin.h"

#include "signingkey.h"
#include "userdatabase.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QTextStream>

#include <cstdio>
#include <termios.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Authd {

namespace {

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

const QCommandLineOption dataOption(u"data"_s, u"Data directory."_s, u"dir"_s);
const QCommandLineOption databaseOption(
    u"database"_s,
    u"sqlite:PATH (default: users.sqlite in --data) or postgresql://USER@HOST:PORT/DB "
    "(password from PGPASSFILE or PGPASSWORD)."_s,
    u"url"_s);

// Parses, answers --help; nullopt-like false means "exit with *code".
bool parse(QCommandLineParser &parser, const QStringList &arguments, int *code)
{
    parser.addHelpOption();
    if (!parser.parse(arguments)) {
        *code = failWith(parser.errorText());
        return false;
    }
    if (parser.isSet(u"help"_s)) {
        QTextStream(stdout) << parser.helpText();
        *code = 0;
        return false;
    }
    return true;
}

} // namespace

int failWith(const QString &message)
{
    QTextStream(stderr) << "tidings-authd: " << message << '\n';
    return 2;
}

std::optional<DatabaseUrl> databaseFor(const QString &dataDirectory, const QString &url,
                                       QString *error)
{
    if (url.isEmpty())
        return DatabaseUrl::sqliteIn(dataDirectory);
    return DatabaseUrl::parse(url, error);
}

std::optional<QByteArray> legacySaltSecret(const QString &dataDirectory, QString *error)
{
    const QString path = QDir(dataDirectory).absoluteFilePath(u"salt-secret"_s);
    const auto secret = readPrivateFile(path, error);
    if (secret && !secret->isEmpty() && secret->size() != 32) {
        *error = u"%1 is not a 32-byte secret; restore it, or move it away to start afresh"_s.arg(
            path);
        return std::nullopt;
    }
    return secret;
}

int runUserCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Manage the users of a tidings-authd database.\n"
        "Actions: add NAME, passwd NAME, disable NAME, enable NAME, remove NAME, list.\n"
        "Passwords are read from the terminal without echo, or from standard input."_s);
    const QCommandLineOption iterations(u"iterations"_s, u"PBKDF2 iterations (default 15000)."_s,
                                        u"n"_s, QString::number(Scram::defaultIterations));
    parser.addOptions({dataOption, databaseOption, iterations});
    int code = 0;
    if (!parse(parser, arguments, &code))
        return code;
    const QStringList args = parser.positionalArguments();
    if (!parser.isSet(dataOption) && !parser.isSet(databaseOption))
        return failWith(u"--data DIR (or --database URL) is required"_s);
    const QString action = args.value(0);
    const QString name = args.value(1);
    if (action != u"list"_s && (args.size() != 2 || name.isEmpty()))
        return failWith(
            u"usage: tidings-authd user add|passwd|disable|enable|remove NAME --data DIR [--database URL], or user list --data DIR"_s);

    QString error;
    const QString data = parser.value(dataOption);
    if (!data.isEmpty() && !makePrivateDirectory(data, &error))
        return failWith(error);
    const auto url = databaseFor(data, parser.value(databaseOption), &error);
    if (!url)
        return failWith(error);
    const auto legacy = data.isEmpty() ? QByteArray() : legacySaltSecret(data, &error);
    if (!legacy)
        return failWith(error);
    UserDatabase database(*url);
    if (!database.open(&error, *legacy))
        return failWith(error);
    if (action == u"list"_s) {
        bool ok = false;
        const QList<UserRecord> users = database.users(&ok);
        if (!ok)
            return failWith(database.lastError());
        for (const UserRecord &u : users)
            QTextStream(stdout) << u.name << (u.disabled ? "\tdisabled" : "\tenabled") << '\n';
        return 0;
    }
    if (action == u"add"_s || action == u"passwd"_s) {
        const auto prepared = Scram::prepare(name);
        if (!prepared || *prepared != name || name.contains(u'\n'))
            return failWith(u"user names must be NFKC-normalised text without control characters"_s);
        const bool exists = database.user(name).has_value();
        if (!database.reachable())
            return failWith(database.lastError());
        if (action == u"add"_s && exists)
            return failWith(u"user \"%1\" already exists; use passwd"_s.arg(name));
        if (action == u"passwd"_s && !exists)
            return failWith(u"no user \"%1\""_s.arg(name));
        bool ok = false;
        const int rounds = parser.value(iterations).toInt(&ok);
        if (!ok || rounds < Scram::minIterations || rounds > Scram::maxIterations)
            return failWith(u"--iterations must be from %1 to %2"_s.arg(Scram::minIterations)
                                .arg(Scram::maxIterations));
        const QString password = readPassword();
        if (password.isEmpty() || !Scram::prepare(password))
            return failWith(u"the password is empty or contains control characters"_s);
        const auto verifier =
            Scram::Verifier::fromPassword(password, Crypto::randomBytes(16), rounds);
        if (!database.putUser(name, verifier, &error))
            return failWith(error);
        QTextStream(stdout) << (action == u"add"_s ? "added " : "changed the password of ") << name
                            << '\n';
        return 0;
    }
    bool done = false;
    if (action == u"disable"_s || action == u"enable"_s)
        done = database.setDisabled(name, action == u"disable"_s, &error);
    else if (action == u"remove"_s)
        done = database.removeUser(name, &error);
    else
        return failWith(u"unknown action \"%1\""_s.arg(action));
    if (!done)
        return failWith(error);
    QTextStream(stdout) << action << "d " << name << '\n';
    return 0;
}

int runMigrate(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Copy every user, revocation, signing key and the fake-salt secret from one database "
        "to another, in one transaction: sqlite:PATH (the file, or the data directory holding "
        "it) to postgresql://USER@HOST:PORT/DB. Users already in the target are overwritten."_s);
    const QCommandLineOption from(u"from"_s, u"The source: sqlite:PATH."_s, u"url"_s);
    const QCommandLineOption to(u"to"_s, u"The target: postgresql://USER@HOST:PORT/DB."_s,
                                u"url"_s);
    parser.addOptions({from, to});
    int code = 0;
    if (!parse(parser, arguments, &code))
        return code;
    if (!parser.isSet(from) || !parser.isSet(to))
        return failWith(u"usage: tidings-authd migrate --from sqlite:PATH --to postgresql://USER@HOST:PORT/DB"_s);
    QString error;
    const auto source = DatabaseUrl::parse(parser.value(from), &error);
    if (!source)
        return failWith(error);
    const auto target = DatabaseUrl::parse(parser.value(to), &error);
    if (!target)
        return failWith(error);
    if (source->kind == DatabaseUrl::Kind::Sqlite && !QFileInfo::exists(source->path))
        return failWith(u"there is no database at %1"_s.arg(source->path));
    if (source->toString() == target->toString())
        return failWith(u"--from and --to are the same database"_s);
    const QString sourceDirectory = QFileInfo(source->path).absolutePath();
    const auto legacy = source->kind == DatabaseUrl::Kind::Sqlite
                            ? legacySaltSecret(sourceDirectory, &error)
                            : std::optional<QByteArray>(QByteArray());
    if (!legacy)
        return failWith(error);
    UserDatabase in(*source);
    UserDatabase out(*target);
    if (!in.open(&error, *legacy) || !out.open(&error))
        return failWith(error);
    bool ok1 = false, ok2 = false, ok3 = false;
    const QList<UserRecord> users = in.users(&ok1);
    const QList<Revocation> revocations = in.revocations(&ok2);
    const QList<UserRecord> existing = out.users(&ok3);
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const auto keys = in.keys(now);
    if (!ok1 || !ok2 || !ok3 || !keys)
        return failWith(in.lastError() + out.lastError());
    if (!out.transaction())
        return failWith(out.lastError());
    // Unknown users keep their fake salts when the target is new; an old target keeps its own.
    if (existing.isEmpty() && !out.adoptSaltSecret(in.fakeSaltSecret(), &error)) {
        out.rollback();
        return failWith(error);
    }
    for (const UserRecord &user : users)
        if (!out.importUser(user, &error)) {
            out.rollback();
            return failWith(error);
        }
    for (const Revocation &r : revocations)
        out.revoke(r.jti, r.expires); // false for one already there: fine
    for (const PublishedKey &key : *keys)
        out.publishKey(key);
    // A connection lost on the way fails every later step and the commit (never a reconnect
    // inside the transaction): nothing half-copied is reported as done.
    if (!out.reachable() || !out.commit()) {
        out.rollback();
        return failWith(u"the copy failed and was undone: "_s + out.lastError());
    }
    QTextStream(stdout) << "migrated " << users.size() << " users, " << revocations.size()
                        << " revocations and " << keys->size() << " signing keys from "
                        << source->toString() << " to " << target->toString() << '\n';
    return 0;
}

int runKeyCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"key rotate: give this instance a new signing key. The old key stops signing at once "
        "(a running server switches within seconds) but stays in the JWKS, and keeps verifying, "
        "until the longest lifetime of the tokens it signed has passed."_s);
    parser.addOptions({dataOption, databaseOption});
    int code = 0;
    if (!parse(parser, arguments, &code))
        return code;
    if (parser.positionalArguments() != QStringList{u"rotate"_s} || !parser.isSet(dataOption))
        return failWith(u"usage: tidings-authd key rotate --data DIR [--database URL]"_s);
    QString error;
    const QString data = parser.value(dataOption);
    const auto url = databaseFor(data, parser.value(databaseOption), &error);
    const auto legacy = url ? legacySaltSecret(data, &error) : std::nullopt;
    if (!url || !legacy)
        return failWith(error);
    const auto old = SigningKey::loadOrCreate(data, &error);
    if (!old)
        return failWith(error);
    UserDatabase database(*url);
    if (!database.open(&error, *legacy))
        return failWith(error);
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const auto published = database.keys(now);
    if (!published)
        return failWith(database.lastError());
    // Tokens it signed live at most as long as the lifetime it was published with.
    qint64 lifetime = 0;
    for (const PublishedKey &k : *published)
        if (k.kid == old->kid)
            lifetime = k.lifetime;
    if (!lifetime)
        lifetime = 24 * 3600; // never published (never served): be generous
    const auto fresh = SigningKey::replace(data, &error);
    if (!fresh)
        return failWith(error);
    if (!database.publishKey({fresh->kid, fresh->x, now, lifetime, 0}) ||
        !database.retireKey(old->kid, now + lifetime))
        return failWith(database.lastError());
    QTextStream(stdout) << "new signing key " << fresh->kid << "; " << old->kid
                        << " is retired at "
                        << QDateTime::fromSecsSinceEpoch(now + lifetime).toString(Qt::ISODate)
                        << '\n';
    return 0;
}

} // namespace Authd
