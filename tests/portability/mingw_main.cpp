// SPDX-License-Identifier: GPL-3.0-or-later
// Links every helper into a Windows program with MinGW (mingw_check.cmake): each Win32 function
// the Windows branch calls must exist in the import libraries, with the types it is called with.
#include "currentuser.h"
#include "durablefile.h"
#include "filelimit.h"
#include "interrupt.h"
#include "owneronly.h"
#include "terminal.h"

#include <cstdio>

int main()
{
    std::atomic_bool interrupted{false};
    const Platform::InterruptGuard guard(interrupted);
    const Platform::FileLimit limit = Platform::raiseOpenFileLimit();
    const bool colour = Platform::stdoutShowsAnsiColour();
    const std::string user = Platform::currentUserKey();
    const bool foreign = Platform::ownedByAnotherUser(L"C:\\Windows");
    const auto synced = Platform::syncFiles({L"a.txt"});
    const auto moved = Platform::renameReplacing(L"a.txt", L"b.txt");
    const auto owned = Platform::restrictToOwner(L"b.txt", Platform::Entry::File);
    const auto dir = Platform::syncDirectory(L".");
    const auto one = Platform::syncFile(1);
    std::printf("%lld %d %s %d %d %d %d %d %d\n", limit.after, colour, user.c_str(), foreign,
                int(synced.kind), int(moved.kind), int(owned.kind), int(dir.kind), int(one.kind));
    return 0;
}
