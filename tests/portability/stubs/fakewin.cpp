// SPDX-License-Identifier: GPL-3.0-or-later
// Fake Win32 and C runtime functions for the portability check: they record what they were
// asked and answer as FakeWin::state() says. Compiled only into tst_windowsbranch.
#include "fakewin.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <unistd.h>

#include <windows.h>
// After windows.h, as on Windows.
#include <aclapi.h>
#include <io.h>
#include <sddl.h>

namespace FakeWin {

namespace {
State current;
unsigned long lastError = 0;
int createFileCalls = 0;
struct FakeAclData
{
};
// Handles are small tagged numbers; 0x100 + n files, 0x200 the token, 0x300 stdout.
HANDLE fileHandle(int n)
{
    return reinterpret_cast<HANDLE>(std::intptr_t(0x100 + n));
}
const HANDLE kToken = reinterpret_cast<HANDLE>(std::intptr_t(0x200));
const HANDLE kStdout = reinterpret_cast<HANDLE>(std::intptr_t(0x300));
const HANDLE kProcess = reinterpret_cast<HANDLE>(std::intptr_t(-1)); // as GetCurrentProcess()

wchar_t *localCopy(const std::wstring &text)
{
    auto *out = new wchar_t[text.size() + 1];
    std::wmemcpy(out, text.c_str(), text.size() + 1);
    ++current.liveLocalAllocations;
    return out;
}
} // namespace

State &state()
{
    return current;
}

void reset()
{
    current = State();
    lastError = 0;
    createFileCalls = 0;
}

int raiseConsoleEvent(unsigned long event)
{
    if (!current.consoleHandler)
        return -1;
    return reinterpret_cast<PHANDLER_ROUTINE>(current.consoleHandler)(event);
}

} // namespace FakeWin

using FakeWin::current;

DWORD GetLastError()
{
    return FakeWin::lastError;
}

BOOL CloseHandle(HANDLE)
{
    --current.openHandles;
    return TRUE;
}

HLOCAL LocalFree(HLOCAL memory)
{
    // Every LocalAlloc'ed block here is a wchar_t array (SID or descriptor text).
    delete[] static_cast<wchar_t *>(memory);
    --current.liveLocalAllocations;
    return nullptr;
}

HANDLE CreateFileW(LPCWSTR name, DWORD access, DWORD, LPSECURITY_ATTRIBUTES, DWORD, DWORD, HANDLE)
{
    ++FakeWin::createFileCalls;
    if (static_cast<unsigned long>(FakeWin::createFileCalls) == current.createFileFailsOnCall) {
        FakeWin::lastError = ERROR_ACCESS_DENIED;
        return INVALID_HANDLE_VALUE;
    }
    current.createdFiles.emplace_back(name);
    current.createAccess.push_back(access);
    ++current.openHandles;
    return FakeWin::fileHandle(FakeWin::createFileCalls);
}

BOOL FlushFileBuffers(HANDLE)
{
    ++current.flushedHandles;
    return TRUE;
}

BOOL MoveFileExW(LPCWSTR from, LPCWSTR to, DWORD flags)
{
    current.moves.emplace_back(from, to);
    current.moveFlags = flags;
    FakeWin::lastError = current.moveError;
    return current.moveError == 0 ? TRUE : FALSE;
}

HANDLE GetCurrentProcess()
{
    return FakeWin::kProcess;
}

BOOL OpenProcessToken(HANDLE process, DWORD access, PHANDLE token)
{
    if (process != FakeWin::kProcess || !(access & TOKEN_QUERY))
        return FALSE;
    ++current.openHandles;
    *token = FakeWin::kToken;
    return TRUE;
}

BOOL GetTokenInformation(HANDLE token, TOKEN_INFORMATION_CLASS what, LPVOID buffer, DWORD size,
                         LPDWORD needed)
{
    // The SID itself is the user SID text here (ConvertSidToStringSidW copies it out).
    static wchar_t *sid = nullptr;
    delete[] sid;
    sid = nullptr;
    if (token != FakeWin::kToken || what != TokenUser)
        return FALSE;
    *needed = sizeof(TOKEN_USER);
    if (size < sizeof(TOKEN_USER)) {
        FakeWin::lastError = 122; // ERROR_INSUFFICIENT_BUFFER
        return FALSE;
    }
    sid = new wchar_t[current.userSid.size() + 1];
    std::wmemcpy(sid, current.userSid.c_str(), current.userSid.size() + 1);
    static_cast<TOKEN_USER *>(buffer)->User.Sid = sid;
    return TRUE;
}

BOOL ConvertSidToStringSidW(PSID sid, LPWSTR *text)
{
    *text = FakeWin::localCopy(static_cast<const wchar_t *>(sid));
    return TRUE;
}

BOOL ConvertStringSecurityDescriptorToSecurityDescriptorW(LPCWSTR sddl, DWORD revision,
                                                          PSECURITY_DESCRIPTOR *descriptor,
                                                          unsigned long *)
{
    if (revision != SDDL_REVISION_1)
        return FALSE;
    current.descriptorSddl = sddl;
    *descriptor = FakeWin::localCopy(sddl);
    return TRUE;
}

BOOL GetSecurityDescriptorDacl(PSECURITY_DESCRIPTOR, BOOL *present, PACL *dacl, BOOL *defaulted)
{
    static FakeWin::FakeAclData acl;
    *present = TRUE;
    *dacl = reinterpret_cast<PACL>(&acl);
    *defaulted = FALSE;
    return TRUE;
}

DWORD GetNamedSecurityInfoW(LPCWSTR, SE_OBJECT_TYPE type, SECURITY_INFORMATION what, PSID *owner,
                            PSID *, PACL *, PACL *, PSECURITY_DESCRIPTOR *descriptor)
{
    if (current.getNamedSecurityError != 0)
        return current.getNamedSecurityError;
    if (type != SE_FILE_OBJECT || !(what & OWNER_SECURITY_INFORMATION))
        return ERROR_ACCESS_DENIED;
    // The descriptor owns the owner SID: one LocalFree releases both.
    wchar_t *block = FakeWin::localCopy(current.ownerSid);
    *owner = block;
    *descriptor = block;
    return ERROR_SUCCESS;
}

DWORD SetNamedSecurityInfoW(LPWSTR path, SE_OBJECT_TYPE type, SECURITY_INFORMATION what, PSID, PSID,
                            PACL dacl, PACL)
{
    if (type != SE_FILE_OBJECT)
        return ERROR_ACCESS_DENIED;
    current.securedPath = path;
    current.securedWhat = what;
    current.securedWithDacl = dacl != nullptr;
    return ERROR_SUCCESS;
}

BOOL SetConsoleCtrlHandler(PHANDLER_ROUTINE handler, BOOL add)
{
    if (add)
        current.consoleHandler = reinterpret_cast<void *>(handler);
    else if (current.consoleHandler == reinterpret_cast<void *>(handler))
        current.consoleHandler = nullptr;
    return TRUE;
}

HANDLE GetStdHandle(DWORD which)
{
    return which == STD_OUTPUT_HANDLE ? FakeWin::kStdout : INVALID_HANDLE_VALUE;
}

BOOL GetConsoleMode(HANDLE h, LPDWORD mode)
{
    if (h != FakeWin::kStdout || !current.stdoutIsConsole)
        return FALSE;
    *mode = current.consoleMode;
    return TRUE;
}

BOOL SetConsoleMode(HANDLE h, DWORD mode)
{
    if (h != FakeWin::kStdout ||
        ((mode & ENABLE_VIRTUAL_TERMINAL_PROCESSING) && !current.consoleAcceptsVirtualTerminal))
        return FALSE;
    current.consoleMode = mode;
    return TRUE;
}

std::intptr_t _get_osfhandle(int fd)
{
    current.osHandleLookups.push_back(fd);
    return fd >= 0 ? 0x400 + fd : -1; // -1 is INVALID_HANDLE_VALUE, as the CRT answers
}

int _isatty(int)
{
    return current.stdoutIsConsole ? 1 : 0;
}
int _fileno(FILE *stream)
{
    return fileno(stream);
}
int _getmaxstdio()
{
    return current.maxStdio;
}

int _setmaxstdio(int newMax)
{
    ++current.setMaxStdioCalls;
    if (newMax > 8192)
        return -1;
    current.maxStdio = newMax;
    return newMax;
}
