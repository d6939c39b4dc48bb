// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace Cli {

// `tidings-cli account show|set|add|list|remove|password`: every setting the
// Account Settings dialog has, through the same Client::Accounts (the
// password, from standard input, into the system keyring; never a file).
// Returns the process exit status: 0, or 2 with the reason on stderr.
int runAccountCommand(const QStringList &arguments);

} // namespace Cli
