// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace Cli {

// tidings-cli jwt inspect|sign ...; returns the process exit code.
int runJwtCommand(const QStringList &arguments);

} // namespace Cli
