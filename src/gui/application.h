// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace Gui {

// Runs the desktop application: parses the command line (--profile, --help,
// --version), applies the language and opens the main window.
int runApplication(int &argc, char **argv);

} // namespace Gui
