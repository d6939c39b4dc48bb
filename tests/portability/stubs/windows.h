// SPDX-License-Identifier: GPL-3.0-or-later
// Stub of <windows.h> for the portability check (TIDINGS_PORTABILITY_CHECK): only what
// src/core/platform uses, with the Win32 names, types and values, so that the helpers' Windows
// branch compiles on Linux and runs against the fakes of fakewin.cpp. Not a Windows SDK.
#pragma once

#include <cstdint>

#define WINAPI
#define TRUE 1
#define FALSE 0

typedef int BOOL;
typedef unsigned long DWORD;
typedef void *HANDLE;
typedef void *PSID;
typedef void *PSECURITY_DESCRIPTOR;
typedef struct FakeAcl *PACL;
typedef wchar_t *LPWSTR;
typedef const wchar_t *LPCWSTR;
typedef void *HLOCAL;
typedef HANDLE *PHANDLE;
typedef DWORD *LPDWORD;
typedef void *LPVOID;
typedef BOOL(WINAPI *PHANDLER_ROUTINE)(DWORD);
struct SECURITY_ATTRIBUTES;
typedef SECURITY_ATTRIBUTES *LPSECURITY_ATTRIBUTES;

#define INVALID_HANDLE_VALUE (reinterpret_cast<HANDLE>(static_cast<std::intptr_t>(-1)))

#define ERROR_SUCCESS 0L
#define ERROR_FILE_NOT_FOUND 2L
#define ERROR_PATH_NOT_FOUND 3L
#define ERROR_ACCESS_DENIED 5L
#define ERROR_NOT_SAME_DEVICE 17L
#define ERROR_SHARING_VIOLATION 32L
#define ERROR_HANDLE_DISK_FULL 39L
#define ERROR_DISK_FULL 112L

#define GENERIC_WRITE 0x40000000L
#define FILE_SHARE_READ 0x00000001
#define FILE_SHARE_WRITE 0x00000002
#define FILE_SHARE_DELETE 0x00000004
#define OPEN_EXISTING 3
#define FILE_ATTRIBUTE_NORMAL 0x00000080
#define MOVEFILE_REPLACE_EXISTING 0x00000001
#define MOVEFILE_COPY_ALLOWED 0x00000002
#define MOVEFILE_WRITE_THROUGH 0x00000008

#define TOKEN_QUERY 0x0008
#define STD_OUTPUT_HANDLE (static_cast<DWORD>(-11))
#define ENABLE_VIRTUAL_TERMINAL_PROCESSING 0x0004

#define CTRL_C_EVENT 0
#define CTRL_BREAK_EVENT 1
#define CTRL_CLOSE_EVENT 2
#define CTRL_LOGOFF_EVENT 5
#define CTRL_SHUTDOWN_EVENT 6

typedef struct _SID_AND_ATTRIBUTES
{
    PSID Sid;
    DWORD Attributes;
} SID_AND_ATTRIBUTES;
typedef struct _TOKEN_USER
{
    SID_AND_ATTRIBUTES User;
} TOKEN_USER;
typedef enum _TOKEN_INFORMATION_CLASS { TokenUser = 1 } TOKEN_INFORMATION_CLASS;

DWORD GetLastError();
BOOL CloseHandle(HANDLE);
HLOCAL LocalFree(HLOCAL);
HANDLE CreateFileW(LPCWSTR, DWORD, DWORD, LPSECURITY_ATTRIBUTES, DWORD, DWORD, HANDLE);
BOOL FlushFileBuffers(HANDLE);
BOOL MoveFileExW(LPCWSTR, LPCWSTR, DWORD);
HANDLE GetCurrentProcess();
BOOL OpenProcessToken(HANDLE, DWORD, PHANDLE);
BOOL GetTokenInformation(HANDLE, TOKEN_INFORMATION_CLASS, LPVOID, DWORD, LPDWORD);
BOOL GetSecurityDescriptorDacl(PSECURITY_DESCRIPTOR, BOOL *, PACL *, BOOL *);
BOOL SetConsoleCtrlHandler(PHANDLER_ROUTINE, BOOL);
HANDLE GetStdHandle(DWORD);
BOOL GetConsoleMode(HANDLE, LPDWORD);
BOOL SetConsoleMode(HANDLE, DWORD);
