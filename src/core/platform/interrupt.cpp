// SPDX-License-Identifier: GPL-3.0-or-later
#include "interrupt.h"

#include "windowsbranch_p.h"

#ifdef TIDINGS_PLATFORM_WINDOWS
#include "windowsdetail_p.h"

#include <windows.h>
#else
#include <csignal>
#endif

namespace Platform {

namespace {
// Read in a signal handler (or Windows' handler thread): a lock-free atomic, nothing else.
std::atomic<std::atomic_bool *> guardedFlag{nullptr};
static_assert(std::atomic<std::atomic_bool *>::is_always_lock_free);
} // namespace

#ifdef TIDINGS_PLATFORM_WINDOWS

namespace {
BOOL WINAPI onConsoleEvent(DWORD event)
{
    const WindowsDetail::ConsoleAction action = WindowsDetail::consoleAction(event);
    if (std::atomic_bool *flag = guardedFlag.load(); flag && action.raiseFlag)
        flag->store(true);
    return action.handled ? TRUE : FALSE;
}
} // namespace

struct InterruptGuard::Previous
{
    std::atomic_bool *flag = nullptr;
};

InterruptGuard::InterruptGuard(std::atomic_bool &flag)
    : m_previous(std::make_unique<Previous>())
{
    m_previous->flag = guardedFlag.exchange(&flag);
    SetConsoleCtrlHandler(onConsoleEvent, TRUE);
}

InterruptGuard::~InterruptGuard()
{
    SetConsoleCtrlHandler(onConsoleEvent, FALSE);
    guardedFlag.store(m_previous->flag);
}

#else

namespace {
extern "C" void onSignal(int)
{
    if (std::atomic_bool *flag = guardedFlag.load())
        flag->store(true);
}
} // namespace

struct InterruptGuard::Previous
{
    std::atomic_bool *flag = nullptr;
    struct sigaction interrupt
    {
    };
    struct sigaction terminate
    {
    };
};

InterruptGuard::InterruptGuard(std::atomic_bool &flag)
    : m_previous(std::make_unique<Previous>())
{
    m_previous->flag = guardedFlag.exchange(&flag);
    struct sigaction action
    {
    };
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART; // as std::signal on glibc: reads and writes go on
    sigaction(SIGINT, &action, &m_previous->interrupt);
    sigaction(SIGTERM, &action, &m_previous->terminate);
}

InterruptGuard::~InterruptGuard()
{
    sigaction(SIGINT, &m_previous->interrupt, nullptr);
    sigaction(SIGTERM, &m_previous->terminate, nullptr);
    guardedFlag.store(m_previous->flag);
}

#endif

} // namespace Platform
