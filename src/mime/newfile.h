// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFile>
#include <QString>

namespace Mime::detail {

// How many "name (n).ext" a save tries before it gives up.
constexpr int kMaxNameAttempts = 1000;

// Creates `name` in `directory`, or "name (2).ext", "name (3).ext"... when it
// is taken, each opened exclusively (O_CREAT|O_EXCL; CREATE_NEW on Windows):
// an existing file is never overwritten and a symbolic link planted at the name
// is never followed, whatever happens between looking and opening. `file` is
// left open for writing. Returns false with *error when no name can be had.
bool createNewFile(const QString &directory, const QString &name, QFile &file, QString *error);

} // namespace Mime::detail
