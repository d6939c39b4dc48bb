// SPDX-License-Identifier: GPL-3.0-or-later
#include "currentuser.h"

#include "windowsbranch_p.h"

#ifdef TIDINGS_PLATFORM_WINDOWS
#include "windowsdetail_p.h"

#include <vector>

#include <windows.h>
// windows.h first: these two use its types.
#include <aclapi.h>
#include <sddl.h>
#else
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace Platform {

#ifdef TIDINGS_PLATFORM_WINDOWS

namespace {
std::string sidText(PSID sid)
{
    LPWSTR text = nullptr;
    if (!ConvertSidToStringSidW(sid, &text))
        return {};
    const std::string out = WindowsDetail::asciiFromWide(text);
    LocalFree(text);
    return out;
}
} // namespace

std::string currentUserKey()
{
    HANDLE token = nullptr;
    if (!OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &token))
        return {};
    DWORD size = 0;
    GetTokenInformation(token, TokenUser, nullptr, 0, &size); // asks for the size only
    std::vector<unsigned char> buffer(size);
    std::string key;
    if (size != 0 && GetTokenInformation(token, TokenUser, buffer.data(), size, &size))
        key = sidText(reinterpret_cast<TOKEN_USER *>(buffer.data())->User.Sid);
    CloseHandle(token);
    return key;
}

bool ownedByAnotherUser(const std::filesystem::path &path)
{
    const std::wstring name = WindowsDetail::widePath(path);
    PSID owner = nullptr;
    PSECURITY_DESCRIPTOR descriptor = nullptr;
    if (GetNamedSecurityInfoW(name.c_str(), SE_FILE_OBJECT, OWNER_SECURITY_INFORMATION, &owner,
                              nullptr, nullptr, nullptr, &descriptor) != ERROR_SUCCESS)
        return false;
    const std::string ownerSid = sidText(owner);
    LocalFree(descriptor);
    const std::string self = currentUserKey();
    return !ownerSid.empty() && !self.empty() && ownerSid != self;
}

#else

std::string currentUserKey()
{
    return std::to_string(::getuid());
}

bool ownedByAnotherUser(const std::filesystem::path &path)
{
    struct stat info
    {
    };
    return ::stat(path.c_str(), &info) == 0 && info.st_uid != ::getuid();
}

#endif

} // namespace Platform
