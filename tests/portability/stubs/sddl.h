// SPDX-License-Identifier: GPL-3.0-or-later
// Stub of <sddl.h> for the portability check (see windows.h here).
#pragma once

#define SDDL_REVISION_1 1

BOOL ConvertSidToStringSidW(PSID, LPWSTR *);
BOOL ConvertStringSecurityDescriptorToSecurityDescriptorW(LPCWSTR, DWORD, PSECURITY_DESCRIPTOR *,
                                                          unsigned long *);
