// SPDX-License-Identifier: GPL-3.0-or-later
#include "owneronly.h"

#include "windowsbranch_p.h"

#include <cerrno>

#ifdef TIDINGS_PLATFORM_WINDOWS
#include "currentuser.h"
#include "windowsdetail_p.h"

#include <windows.h>
// windows.h first: these two use its types.
#include <aclapi.h>
#include <sddl.h>
#else
#include <sys/stat.h>
#endif

namespace Platform {

#ifdef TIDINGS_PLATFORM_WINDOWS

SysError restrictToOwner(const std::filesystem::path &path, Entry entry)
{
    const std::string sid = currentUserKey();
    if (sid.empty())
        return SysError::fromWindows(GetLastError());
    const std::wstring sddl =
        WindowsDetail::wideFromAscii(WindowsDetail::ownerOnlySddl(sid, entry == Entry::Folder));
    PSECURITY_DESCRIPTOR descriptor = nullptr;
    if (!ConvertStringSecurityDescriptorToSecurityDescriptorW(sddl.c_str(), SDDL_REVISION_1,
                                                              &descriptor, nullptr))
        return SysError::fromWindows(GetLastError());
    PACL dacl = nullptr;
    BOOL present = FALSE;
    BOOL defaulted = FALSE;
    SysError e;
    if (!GetSecurityDescriptorDacl(descriptor, &present, &dacl, &defaulted)) {
        e = SysError::fromWindows(GetLastError());
    } else {
        std::wstring name =
            WindowsDetail::widePath(path); // SetNamedSecurityInfoW takes a non-const pointer
        const DWORD rc =
            SetNamedSecurityInfoW(name.data(), SE_FILE_OBJECT,
                                  DACL_SECURITY_INFORMATION | PROTECTED_DACL_SECURITY_INFORMATION,
                                  nullptr, nullptr, dacl, nullptr);
        e = SysError::fromWindows(rc); // returns the error itself; ERROR_SUCCESS is 0
    }
    LocalFree(descriptor);
    return e;
}

#else

SysError restrictToOwner(const std::filesystem::path &path, Entry entry)
{
    const mode_t mode = entry == Entry::Folder ? S_IRWXU : (S_IRUSR | S_IWUSR);
    return ::chmod(path.c_str(), mode) == 0 ? SysError() : SysError::fromErrno(errno);
}

#endif

} // namespace Platform
