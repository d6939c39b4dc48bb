// SPDX-License-Identifier: GPL-3.0-or-later
// Making written files durable and moving them into place, the cheapest way each system has:
// fsync(2), syncfs(2) and a directory fsync on Linux; FlushFileBuffers and MoveFileExW on
// Windows, where NTFS journals directory entries itself (no directory sync exists or is needed).
#pragma once

#include "syserror.h"

#include <filesystem>
#include <vector>

namespace Platform {

// What was written through this descriptor (QFile::handle(), a C runtime descriptor on Windows
// too) reaches the disk.
SysError syncFile(int fd);

// A written and closed file, named by its path, reaches the disk (fsync(2) / FlushFileBuffers).
SysError syncPath(const std::filesystem::path &file);

// Every one of these written and closed files reaches the disk. Linux: one syncfs(2) of the file
// system holding the first (they share it: one Maildir). Elsewhere: each file flushed.
SysError syncFiles(const std::vector<std::filesystem::path> &files);

// A directory's entries (a rename into it) reach the disk. Windows: nothing to do, see above.
SysError syncDirectory(const std::filesystem::path &directory);

// from replaces to atomically on one file system. Across file systems the kind is CrossDevice
// (EXDEV, ERROR_NOT_SAME_DEVICE) and nothing was moved: the caller copies.
SysError renameReplacing(const std::filesystem::path &from, const std::filesystem::path &to);

} // namespace Platform
