// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace Authd {

// tidings-authd user add|passwd|disable|enable|remove|list ... ; returns the exit code.
int runUserCommand(const QStringList &arguments);
// tidings-authd serve ... ; runs the event loop until SIGINT/SIGTERM.
int runServe(const QStringList &arguments);

} // namespace Authd
