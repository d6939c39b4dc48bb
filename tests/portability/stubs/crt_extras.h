// SPDX-License-Identifier: GPL-3.0-or-later
// The Microsoft C runtime's additions to <stdio.h> the helpers use; force-included in the
// portability check (glibc's stdio.h has none of them and must not be shadowed).
#pragma once

#include <cstdio>

int _fileno(FILE *stream);
int _getmaxstdio();
int _setmaxstdio(int newMax);
