// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace Authd {

// The settings file of `serve --config FILE` (the package's /etc/tidings-authd/tidings-authd.conf):
// `name = value` lines naming serve's own options, `#` comments (on their own line or after white
// space) and blank lines; a byte-order mark and CRLF line ends are fine. It becomes
// command-line arguments placed before the real ones, so the command line wins (a repeatable
// option such as trusted-proxy adds up). Unknown names are an error naming the line: a
// misspelt setting silently ignored would leave a server listening where nobody meant it to.
struct ConfigFile
{
    // Returns false with *error set ("FILE:LINE: ...") on an unreadable file or a bad line.
    static bool toArguments(const QString &path, const QStringList &knownOptions,
                            QStringList *arguments, QString *error);
    static bool parse(const QByteArray &text, const QString &path, const QStringList &knownOptions,
                      QStringList *arguments, QString *error);
};

} // namespace Authd
