// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace Cli {

// tidings-cli mime show FILE [--json] | mime extract FILE INDEX DIR; returns the exit code.
int runMimeCommand(const QStringList &arguments);

} // namespace Cli
