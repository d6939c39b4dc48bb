// SPDX-License-Identifier: GPL-3.0-or-later
#include "databaseurl.h"

#include <QDir>
#include <QFileInfo>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Authd {

namespace {
constexpr auto sqliteFileName = "users.sqlite";
}

DatabaseUrl DatabaseUrl::sqliteIn(const QString &dataDirectory)
{
    DatabaseUrl url;
    url.path = QDir(dataDirectory).absoluteFilePath(QString::fromLatin1(sqliteFileName));
    return url;
}

std::optional<DatabaseUrl> DatabaseUrl::parse(const QString &text, QString *error)
{
    if (text.startsWith(u"sqlite:"_s)) {
        const QString path = text.mid(7);
        if (path.isEmpty()) {
            *error = u"sqlite: needs a path: sqlite:/var/lib/tidings-authd"_s;
            return std::nullopt;
        }
        // A directory means its users.sqlite, as --data does.
        if (QFileInfo(path).isDir())
            return sqliteIn(path);
        DatabaseUrl url;
        url.path = QFileInfo(path).absoluteFilePath();
        return url;
    }
    if (!text.startsWith(u"postgresql://"_s) && !text.startsWith(u"postgres://"_s)) {
        *error = u"the database must be sqlite:PATH or postgresql://USER@HOST:PORT/DB, not \"%1\""_s
                     .arg(text.left(80));
        return std::nullopt;
    }
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty()) {
        *error = u"\"%1\" is not a postgresql://USER@HOST:PORT/DB address"_s.arg(text.left(80));
        return std::nullopt;
    }
    if (!url.password().isEmpty()) {
        *error = u"a password in the database address would show in the process list; "
                 "put it in PGPASSFILE (~/.pgpass) or PGPASSWORD instead"_s;
        return std::nullopt;
    }
    if (!url.query().isEmpty() || !url.fragment().isEmpty()) {
        *error = u"the database address takes no options: postgresql://USER@HOST:PORT/DB"_s;
        return std::nullopt;
    }
    DatabaseUrl out;
    out.kind = Kind::Postgresql;
    out.user = url.userName();
    out.host = url.host();
    out.port = url.port(defaultPostgresqlPort);
    out.database = url.path().mid(1);
    if (out.user.isEmpty() || out.database.isEmpty() || out.database.contains(u'/')) {
        *error = u"the database address needs a user and a database name: "
                 "postgresql://USER@HOST:PORT/DB"_s;
        return std::nullopt;
    }
    return out;
}

QString DatabaseUrl::toString() const
{
    if (kind == Kind::Sqlite)
        return u"sqlite:"_s + path;
    const QString host = this->host.contains(u':') ? u'[' + this->host + u']' : this->host;
    return u"postgresql://%1@%2:%3/%4"_s.arg(user, host).arg(port).arg(database);
}

} // namespace Authd
