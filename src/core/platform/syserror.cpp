// SPDX-License-Identifier: GPL-3.0-or-later
#include "syserror.h"

#include "windowsbranch_p.h"

#include <cerrno>
#include <system_error>

#ifdef TIDINGS_PLATFORM_WINDOWS
#include <windows.h>
#endif

namespace Platform {

namespace {
// The few Win32 codes the callers tell apart (winerror.h); the rest are Other.
constexpr unsigned long kWinFileNotFound = 2;      // ERROR_FILE_NOT_FOUND
constexpr unsigned long kWinPathNotFound = 3;      // ERROR_PATH_NOT_FOUND
constexpr unsigned long kWinAccessDenied = 5;      // ERROR_ACCESS_DENIED
constexpr unsigned long kWinNotSameDevice = 17;    // ERROR_NOT_SAME_DEVICE
constexpr unsigned long kWinHandleDiskFull = 39;   // ERROR_HANDLE_DISK_FULL
constexpr unsigned long kWinSharingViolation = 32; // ERROR_SHARING_VIOLATION
constexpr unsigned long kWinDiskFull = 112;        // ERROR_DISK_FULL
} // namespace

std::string SysError::message() const
{
    if (kind == Kind::None)
        return {};
    // system_category() is FormatMessage on Windows; generic_category() is strerror.
    return windows ? std::system_category().message(code) : std::generic_category().message(code);
}

SysError SysError::fromErrno(int code)
{
    SysError e;
    e.code = code;
    switch (code) {
    case 0:
        return {};
    case ENOENT:
    case ENOTDIR:
        e.kind = Kind::NotFound;
        break;
    case EACCES:
    case EPERM:
        e.kind = Kind::AccessDenied;
        break;
    case EXDEV:
        e.kind = Kind::CrossDevice;
        break;
    case ENOSPC:
        e.kind = Kind::DiskFull;
        break;
    default:
        e.kind = Kind::Other;
    }
    return e;
}

SysError SysError::fromWindows(unsigned long code)
{
    SysError e;
    e.code = int(code);
    e.windows = true;
    switch (code) {
    case 0:
        return {};
    case kWinFileNotFound:
    case kWinPathNotFound:
        e.kind = Kind::NotFound;
        break;
    case kWinAccessDenied:
    case kWinSharingViolation: // another process holds it open: POSIX would not refuse
        e.kind = Kind::AccessDenied;
        break;
    case kWinNotSameDevice:
        e.kind = Kind::CrossDevice;
        break;
    case kWinDiskFull:
    case kWinHandleDiskFull:
        e.kind = Kind::DiskFull;
        break;
    default:
        e.kind = Kind::Other;
    }
    return e;
}

SysError SysError::last()
{
#ifdef TIDINGS_PLATFORM_WINDOWS
    return fromWindows(GetLastError());
#else
    return fromErrno(errno);
#endif
}

} // namespace Platform
