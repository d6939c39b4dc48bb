// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace Cli {

// tidings-cli pop3 sync ...; returns the exit code.
int runPop3Command(const QStringList &arguments);

} // namespace Cli
