// SPDX-License-Identifier: GPL-3.0-or-later
// Leaving a file or folder to its owner alone (mail, logs, keys). New ones are made that way
// with QFile::open / QDir::mkdir and their permissions argument (Qt sets the mode on POSIX and an
// equivalent ACL on Windows); this tightens one that exists already, left by an older version.
#pragma once

#include "syserror.h"

#include <filesystem>

namespace Platform {

enum class Entry { File, Folder };

// POSIX: mode 0600 (file) or 0700 (folder). Windows: a protected DACL with full control for the
// current user and SYSTEM only, nothing inherited from the parent (QFile::setPermissions only
// toggles the read-only attribute there).
SysError restrictToOwner(const std::filesystem::path &path, Entry entry);

} // namespace Platform
