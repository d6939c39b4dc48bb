// SPDX-License-Identifier: GPL-3.0-or-later
#include "durablefile.h"

#include "windowsbranch_p.h"

#include <cerrno>

#ifdef TIDINGS_PLATFORM_WINDOWS
#include "windowsdetail_p.h"

#include <io.h>
#include <windows.h>
#else
#include <cstdio>
#include <fcntl.h>
#include <unistd.h>
#endif

namespace Platform {

#ifdef TIDINGS_PLATFORM_WINDOWS

namespace {
// FlushFileBuffers needs a handle with write access; sharing everything leaves the file usable
// by whoever has it open (the store, a virus scanner).
SysError flushPath(const std::filesystem::path &file)
{
    const std::wstring name = WindowsDetail::widePath(file);
    HANDLE h = CreateFileW(name.c_str(), GENERIC_WRITE,
                           FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, nullptr,
                           OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, nullptr);
    if (h == INVALID_HANDLE_VALUE)
        return SysError::fromWindows(GetLastError());
    const bool ok = FlushFileBuffers(h) != 0;
    const SysError e = ok ? SysError() : SysError::fromWindows(GetLastError());
    CloseHandle(h);
    return e;
}
} // namespace

SysError syncFile(int fd)
{
    const auto h = reinterpret_cast<HANDLE>(_get_osfhandle(fd));
    if (h == INVALID_HANDLE_VALUE)
        return SysError::fromErrno(EBADF);
    return FlushFileBuffers(h) != 0 ? SysError() : SysError::fromWindows(GetLastError());
}

SysError syncPath(const std::filesystem::path &file)
{
    return flushPath(file);
}

SysError syncFiles(const std::vector<std::filesystem::path> &files)
{
    for (const std::filesystem::path &file : files)
        if (const SysError e = flushPath(file))
            return e;
    return {};
}

SysError syncDirectory(const std::filesystem::path &)
{
    return {}; // NTFS journals its metadata; a rename is durable with the journal
}

SysError renameReplacing(const std::filesystem::path &from, const std::filesystem::path &to)
{
    // No MOVEFILE_COPY_ALLOWED: across volumes this fails (ERROR_NOT_SAME_DEVICE) as rename(2)
    // does, and the caller's durable copy runs. WRITE_THROUGH: returns once the move is on disk.
    const std::wstring source = WindowsDetail::widePath(from);
    const std::wstring target = WindowsDetail::widePath(to);
    return MoveFileExW(source.c_str(), target.c_str(),
                       MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH) != 0
               ? SysError()
               : SysError::fromWindows(GetLastError());
}

#else

namespace {
SysError syncOpened(const std::filesystem::path &path, int flags, bool wholeFileSystem)
{
    const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
    if (fd < 0)
        return SysError::fromErrno(errno);
#ifdef __linux__
    const int rc = wholeFileSystem ? ::syncfs(fd) : ::fsync(fd);
#else
    (void)wholeFileSystem;
    const int rc = ::fsync(fd);
#endif
    const SysError e = rc == 0 ? SysError() : SysError::fromErrno(errno);
    ::close(fd);
    return e;
}
} // namespace

SysError syncFile(int fd)
{
    return ::fsync(fd) == 0 ? SysError() : SysError::fromErrno(errno);
}

SysError syncPath(const std::filesystem::path &file)
{
    return syncOpened(file, O_RDONLY, false);
}

SysError syncFiles(const std::vector<std::filesystem::path> &files)
{
    if (files.empty())
        return {};
#ifdef __linux__
    // One syncfs(2) instead of one fsync each: the group's files share the Maildir's file system.
    return syncOpened(files.front(), O_RDONLY, true);
#else
    for (const std::filesystem::path &file : files)
        if (const SysError e = syncOpened(file, O_RDONLY, false))
            return e;
    return {};
#endif
}

SysError syncDirectory(const std::filesystem::path &directory)
{
    return syncOpened(directory, O_RDONLY | O_DIRECTORY, false);
}

SysError renameReplacing(const std::filesystem::path &from, const std::filesystem::path &to)
{
    return ::rename(from.c_str(), to.c_str()) == 0 ? SysError() : SysError::fromErrno(errno);
}

#endif

} // namespace Platform
