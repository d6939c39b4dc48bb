// SPDX-License-Identifier: GPL-3.0-or-later
#include "terminal.h"

#include "windowsbranch_p.h"

#include <cstdio>

#ifdef TIDINGS_PLATFORM_WINDOWS
#include <io.h>
#include <windows.h>
#else
#include <unistd.h>
#endif

namespace Platform {

#ifdef TIDINGS_PLATFORM_WINDOWS

bool stdoutShowsAnsiColour()
{
    if (!_isatty(_fileno(stdout)))
        return false;
    HANDLE out = GetStdHandle(STD_OUTPUT_HANDLE);
    DWORD mode = 0;
    if (out == INVALID_HANDLE_VALUE || !GetConsoleMode(out, &mode))
        return false;
    return (mode & ENABLE_VIRTUAL_TERMINAL_PROCESSING) != 0 ||
           SetConsoleMode(out, mode | ENABLE_VIRTUAL_TERMINAL_PROCESSING) != 0;
}

#else

bool stdoutShowsAnsiColour()
{
    return ::isatty(fileno(stdout)) != 0;
}

#endif

} // namespace Platform
