// SPDX-License-Identifier: GPL-3.0-or-later
// Ctrl+C and termination requests as a flag a long operation polls, so that it cancels and
// leaves what it stored consistent instead of being killed halfway.
#pragma once

#include <atomic>
#include <memory>

namespace Platform {

// While alive: SIGINT and SIGTERM (POSIX), or Ctrl+C, Ctrl+Break and closing the console
// (Windows) set flag. The handling before it is put back when it goes. One at a time.
class InterruptGuard
{
public:
    explicit InterruptGuard(std::atomic_bool &flag);
    ~InterruptGuard();
    InterruptGuard(const InterruptGuard &) = delete;
    InterruptGuard &operator=(const InterruptGuard &) = delete;

private:
    struct Previous;
    std::unique_ptr<Previous> m_previous;
};

} // namespace Platform
