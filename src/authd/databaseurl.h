// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>

namespace Authd {

// Where users, revocations and lockouts live: `sqlite:PATH` (the file, or
// the data directory holding users.sqlite) or
// `postgresql://USER@HOST:PORT/DB`. A password in the URL is refused: it
// would show in `ps` and shell history; libpq reads PGPASSWORD or PGPASSFILE.
struct DatabaseUrl
{
    enum class Kind { Sqlite, Postgresql };
    static constexpr int defaultPostgresqlPort = 5432;

    Kind kind = Kind::Sqlite;
    QString path; // sqlite: the database file
    QString user;
    QString host;
    int port = defaultPostgresqlPort;
    QString database;

    static std::optional<DatabaseUrl> parse(const QString &text, QString *error);
    // The default: users.sqlite in the data directory.
    static DatabaseUrl sqliteIn(const QString &dataDirectory);
    // For messages and logs (never carries a password).
    QString toString() const;
};

} // namespace Authd
