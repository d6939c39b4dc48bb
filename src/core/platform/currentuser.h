// SPDX-License-Identifier: GPL-3.0-or-later
// Who runs this process, as a key for per-user names (the single-instance socket) and for
// refusing what another user made (a socket in a shared /tmp).
#pragma once

#include <filesystem>
#include <string>

namespace Platform {

// The uid in decimal on POSIX; the account's SID (S-1-5-21-…) on Windows, which, unlike the
// user name, stays the same when the account is renamed and differs between domain and local.
std::string currentUserKey();

// True when path exists and its owner is not the current user. A path whose owner cannot be
// read is not counted as another user's.
bool ownedByAnotherUser(const std::filesystem::path &path);

} // namespace Platform
