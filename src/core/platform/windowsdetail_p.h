// SPDX-License-Identifier: GPL-3.0-or-later
// The Windows branch's decisions as plain functions, compiled on every system so that
// tests/portability checks them here. Private to src/core/platform and its tests.
#pragma once

#include <filesystem>
#include <string>

namespace Platform::WindowsDetail {

// The protected DACL (SDDL) that leaves a file or folder to the user with this SID (and
// SYSTEM, which backs up and indexes it): full control, nothing inherited from the parent,
// and a folder's entries inherit the same.
std::string ownerOnlySddl(const std::string &userSid, bool directory);

// What a console control event (CTRL_*_EVENT) does while an InterruptGuard is alive.
struct ConsoleAction
{
    bool raiseFlag = false; // the guarded flag is set: the operation cancels itself
    bool handled = false;   // TRUE to Windows: the process is not ended for it
};
ConsoleAction consoleAction(unsigned long event);

// A path as the W functions take it. Windows: the path's own UTF-16, nothing converted. In the
// portability check (Linux, where a path holds UTF-8 and libstdc++ converts to wchar_t only in
// the "C" locale's ASCII): the UTF-8 decoded, so that names arrive whole as on Windows.
std::wstring widePath(const std::filesystem::path &path);

// A SID or SDDL string (ASCII) from UTF-16, without a locale.
std::string asciiFromWide(const std::wstring &text);
std::wstring wideFromAscii(const std::string &text);

} // namespace Platform::WindowsDetail
