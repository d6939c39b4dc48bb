// SPDX-License-Identifier: GPL-3.0-or-later
// LD_PRELOAD for tests: makes the exit race of issue 10 item 12 certain
// instead of rare. Every thread lingers after its function returned (where
// QThread::wait() has already returned and the thread-local destructors,
// OpenSSL's among them, have not yet run), and the process lingers after
// OPENSSL_cleanup, before LeakSanitizer looks. Whatever a worker left to its
// thread-exit destructors is then lost and reported.
#include <dlfcn.h>
#include <pthread.h>
#include <unistd.h>

#include <cstdlib>

namespace {

constexpr useconds_t kThreadLingerUs = 300 * 1000;
constexpr useconds_t kExitLingerUs = 2 * kThreadLingerUs;

struct Start
{
    void *(*function)(void *);
    void *argument;
};

void *lingering(void *raw)
{
    const Start start = *static_cast<Start *>(raw);
    delete static_cast<Start *>(raw);
    void *result = start.function(start.argument);
    usleep(kThreadLingerUs);
    return result;
}

// Registered before OpenSSL registers OPENSSL_cleanup, so it runs after it.
__attribute__((constructor)) void lingerAtExit()
{
    std::atexit([] { usleep(kExitLingerUs); });
}

} // namespace

extern "C" int pthread_create(pthread_t *thread, const pthread_attr_t *attributes,
                              void *(*function)(void *), void *argument)
{
    using Create = int (*)(pthread_t *, const pthread_attr_t *, void *(*)(void *), void *);
    static const auto next = reinterpret_cast<Create>(dlsym(RTLD_NEXT, "pthread_create"));
    auto *start = new Start{function, argument};
    const int error = next(thread, attributes, lingering, start);
    if (error != 0)
        delete start;
    return error;
}
