// SPDX-License-Identifier: GPL-3.0-or-later
// The fakes behind the stub Win32 headers: what the helpers' Windows branch asked Windows to
// do, and what "Windows" answers next. Standard types only, so a Qt test can include it.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace FakeWin {

struct State
{
    // Answers.
    std::wstring userSid = L"S-1-5-21-1004336348-1177238915-682003330-1001";
    std::wstring ownerSid = L"S-1-5-21-1004336348-1177238915-682003330-1001";
    unsigned long getNamedSecurityError = 0; // non-zero: GetNamedSecurityInfoW fails
    unsigned long createFileFailsOnCall = 0; // 1-based; 0: CreateFileW always succeeds
    unsigned long moveError = 0;             // non-zero: MoveFileExW fails with it
    bool stdoutIsConsole = true;
    bool consoleAcceptsVirtualTerminal = true;
    unsigned long consoleMode = 0x0003; // ENABLE_PROCESSED_OUTPUT | WRAP_AT_EOL
    int maxStdio = 512;

    // Requests.
    std::vector<std::wstring> createdFiles;
    std::vector<unsigned long> createAccess;
    int flushedHandles = 0;
    int openHandles = 0; // CreateFileW and OpenProcessToken minus CloseHandle
    int liveLocalAllocations = 0;
    std::vector<std::pair<std::wstring, std::wstring>> moves;
    unsigned long moveFlags = 0;
    std::wstring descriptorSddl;
    std::wstring securedPath;
    unsigned long securedWhat = 0;
    bool securedWithDacl = false;
    void *consoleHandler = nullptr;
    int setMaxStdioCalls = 0;
    std::vector<int> osHandleLookups;
};

State &state();
void reset();
// Calls the console handler the helpers registered, as Windows' handler thread would;
// -1 when none is registered.
int raiseConsoleEvent(unsigned long event);

} // namespace FakeWin
