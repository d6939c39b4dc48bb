// SPDX-License-Identifier: GPL-3.0-or-later
// Stub of the C runtime's <io.h> for the portability check (see windows.h here).
#pragma once

#include <cstdint>

std::intptr_t _get_osfhandle(int fd);
int _isatty(int fd);
