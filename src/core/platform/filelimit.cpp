// SPDX-License-Identifier: GPL-3.0-or-later
#include "filelimit.h"

#include "windowsbranch_p.h"

#ifdef TIDINGS_PLATFORM_WINDOWS
#include <cstdio>
#include <stdio.h> // _getmaxstdio, _setmaxstdio (the C runtime's, not ISO C)
#else
#include <sys/resource.h>
#endif

namespace Platform {

#ifdef TIDINGS_PLATFORM_WINDOWS

FileLimit raiseOpenFileLimit()
{
    FileLimit limit;
    limit.before = _getmaxstdio();
    limit.after = limit.before < kWindowsStdioStreams && _setmaxstdio(kWindowsStdioStreams) != -1
                      ? kWindowsStdioStreams
                      : limit.before;
    return limit;
}

#else

FileLimit raiseOpenFileLimit()
{
    FileLimit out;
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return out;
    out.before = out.after = static_cast<long long>(limit.rlim_cur);
    if (limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        if (setrlimit(RLIMIT_NOFILE, &limit) == 0)
            out.after = static_cast<long long>(limit.rlim_cur);
    }
    return out;
}

#endif

} // namespace Platform
