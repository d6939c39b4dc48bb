// SPDX-License-Identifier: GPL-3.0-or-later
// What a platform call failed with: a kind the callers decide on, the system's own code for the
// message. errno on POSIX, GetLastError() on Windows; callers never look at the code's value.
#pragma once

#include <string>

namespace Platform {

struct SysError
{
    enum class Kind { None, NotFound, AccessDenied, CrossDevice, DiskFull, Other };
    Kind kind = Kind::None;
    int code = 0;
    bool windows = false; // code is a GetLastError() value, not an errno

    explicit operator bool() const { return kind != Kind::None; }
    // The system's text for the code (strerror / FormatMessage), in the local 8-bit encoding.
    std::string message() const;

    static SysError fromErrno(int code);
    static SysError fromWindows(unsigned long code);
    // What the call that just failed on this thread left: GetLastError() on Windows, errno
    // elsewhere. For failures seen through another API (QFile) that reports text only.
    static SysError last();
};

} // namespace Platform
