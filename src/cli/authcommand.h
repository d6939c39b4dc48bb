// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace Cli {

// tidings-cli auth login|whoami|refresh|logout ...; returns the exit code.
int runAuthCommand(const QStringList &arguments);

} // namespace Cli
