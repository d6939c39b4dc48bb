// SPDX-License-Identifier: GPL-3.0-or-later
// Which branch the helpers compile. TIDINGS_PORTABILITY_CHECK takes the Windows branch on Linux
// against the stub headers of tests/portability/stubs, so that branch is compiled and exercised
// here and not only on a Windows runner. Private: included by the helpers' .cpp files only.
#pragma once

#if defined(_WIN32) || defined(TIDINGS_PORTABILITY_CHECK)
#define TIDINGS_PLATFORM_WINDOWS 1
#endif
