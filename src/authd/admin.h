// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "databaseurl.h"

#include <QStringList>

#include <optional>

namespace Authd {

// tidings-authd user add|passwd|disable|enable|remove|list ... ; returns the exit code.
int runUserCommand(const QStringList &arguments);
// tidings-authd migrate --from sqlite:PATH --to postgresql://... ; returns the exit code.
int runMigrate(const QStringList &arguments);
// tidings-authd key rotate ... ; returns the exit code.
int runKeyCommand(const QStringList &arguments);
// tidings-authd serve ... ; runs the event loop until SIGINT/SIGTERM.
int runServe(const QStringList &arguments);

// Prints "tidings-authd: MESSAGE" to stderr; returns the exit code of a usage or setup error.
int failWith(const QString &message);
// The --database given, else users.sqlite in the data directory.
std::optional<DatabaseUrl> databaseFor(const QString &dataDirectory, const QString &url,
                                       QString *error);
// An older data directory's salt-secret file, adopted by a database that has none yet.
std::optional<QByteArray> legacySaltSecret(const QString &dataDirectory, QString *error);

} // namespace Authd
