// SPDX-License-Identifier: GPL-3.0-or-later
// How many files (and, on POSIX, sockets) a process may have open at once.
#pragma once

namespace Platform {

struct FileLimit
{
    long long before = -1; // -1: the system would not say
    long long after = -1;
};

// Raise the limit as far as an unprivileged process may. POSIX: the soft RLIMIT_NOFILE to the
// hard one (every connection is a descriptor; the default soft 1024 is far too few for a
// server). Windows: handles and sockets have no such per-process limit; only the C runtime's
// FILE* streams do (512 by default), raised to kWindowsStdioStreams.
FileLimit raiseOpenFileLimit();

constexpr int kWindowsStdioStreams = 8192; // _setmaxstdio's ceiling
} // namespace Platform
