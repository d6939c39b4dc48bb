// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace Cli {

// `tidings-cli account show|set`: reads or writes a profile's mail account
// settings (never a password). Returns the process exit status.
int runAccountCommand(const QStringList &arguments);

} // namespace Cli
