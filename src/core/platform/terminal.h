// SPDX-License-Identifier: GPL-3.0-or-later
// Whether colour escapes may go to standard output.
#pragma once

namespace Platform {

// True when standard output is a terminal that shows ANSI colours: isatty(3) on POSIX; on
// Windows a console in which virtual-terminal processing is on (switched on here when the
// console allows it, as Windows 10 and later do). A pipe or a file is never a terminal.
bool stdoutShowsAnsiColour();

} // namespace Platform
