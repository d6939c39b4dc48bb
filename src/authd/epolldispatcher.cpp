// SPDX-License-Identifier: GPL-3.0-or-later
#include "epolldispatcher.h"

#include <QCoreApplication>
#include <QSocketNotifier>
#include <QThread>

#include <chrono>
#include <limits>

#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

namespace Authd {

namespace {

qint64 nowMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

} // namespace

EpollDispatcher::EpollDispatcher(QObject *parent)
    : QAbstractEventDispatcher(parent)
    , m_epoll(::epoll_create1(EPOLL_CLOEXEC))
    , m_wake(::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK))
{
    if (m_epoll < 0 || m_wake < 0)
        qFatal("tidings-authd: cannot create an epoll instance or an eventfd");
    epoll_event event{};
    event.events = EPOLLIN;
    event.data.fd = m_wake;
    ::epoll_ctl(m_epoll, EPOLL_CTL_ADD, m_wake, &event);
}

EpollDispatcher::~EpollDispatcher()
{
    ::close(m_wake);
    ::close(m_epoll);
}

void EpollDispatcher::update(int fd, Watch &watch)
{
    const uint32_t wanted = (watch.read ? uint32_t(EPOLLIN) : 0u) |
                            (watch.write ? uint32_t(EPOLLOUT) : 0u) |
                            (watch.exception ? uint32_t(EPOLLPRI) : 0u);
    if (!wanted) {
        if (watch.inEpoll)
            ::epoll_ctl(m_epoll, EPOLL_CTL_DEL, fd, nullptr);
        m_watches.remove(fd);
        return;
    }
    epoll_event event{};
    event.events = wanted;
    event.data.fd = fd;
    if (::epoll_ctl(m_epoll, watch.inEpoll ? EPOLL_CTL_MOD : EPOLL_CTL_ADD, fd, &event) == 0) {
        watch.inEpoll = true;
    } else if (!watch.inEpoll) {
        qWarning("EpollDispatcher: descriptor %d cannot be watched", fd);
    }
}

void EpollDispatcher::registerSocketNotifier(QSocketNotifier *notifier)
{
    const int fd = int(notifier->socket());
    Watch &watch = m_watches[fd];
    switch (notifier->type()) {
    case QSocketNotifier::Read:
        watch.read = notifier;
        break;
    case QSocketNotifier::Write:
        watch.write = notifier;
        break;
    case QSocketNotifier::Exception:
        watch.exception = notifier;
        break;
    }
    update(fd, watch);
}

void EpollDispatcher::unregisterSocketNotifier(QSocketNotifier *notifier)
{
    const int fd = int(notifier->socket());
    const auto it = m_watches.find(fd);
    if (it == m_watches.end())
        return;
    QSocketNotifier *&slot = notifier->type() == QSocketNotifier::Read    ? it->read
                             : notifier->type() == QSocketNotifier::Write ? it->write
                                                                          : it->exception;
    if (slot != notifier)
        return;
    slot = nullptr;
    update(fd, *it);
}

void EpollDispatcher::registerTimer(int timerId, qint64 interval, Qt::TimerType timerType,
                                    QObject *object)
{
    m_timers.insert(timerId, {object, interval, nowMs() + interval, timerType, false});
}

bool EpollDispatcher::unregisterTimer(int timerId)
{
    return m_timers.remove(timerId);
}

bool EpollDispatcher::unregisterTimers(QObject *object)
{
    return m_timers.removeIf([object](const auto &it) { return it.value().object == object; }) > 0;
}

QList<QAbstractEventDispatcher::TimerInfo> EpollDispatcher::registeredTimers(QObject *object) const
{
    QList<TimerInfo> out;
    for (auto it = m_timers.cbegin(); it != m_timers.cend(); ++it)
        if (it->object == object)
            out.append({it.key(), int(it->intervalMs), it->type});
    return out;
}

int EpollDispatcher::remainingTime(int timerId)
{
    const auto it = m_timers.constFind(timerId);
    return it == m_timers.cend() ? -1 : int(qMax<qint64>(0, it->dueMs - nowMs()));
}

void EpollDispatcher::wakeUp()
{
    // Posting to itself is most of the traffic (every deleteLater): this thread is
    // awake, and its next pass sends what was posted before it may sleep.
    if (QThread::currentThreadId() == m_thread.load(std::memory_order_relaxed)) {
        m_postedHere = true;
        return;
    }
    if (m_wakePending.exchange(true))
        return; // written already, not read yet
    const quint64 one = 1;
    [[maybe_unused]] const auto n = ::write(m_wake, &one, sizeof one);
}

void EpollDispatcher::interrupt()
{
    m_interrupted.store(true);
    wakeUp();
}

int EpollDispatcher::timeoutMs() const
{
    if (m_timers.isEmpty())
        return -1;
    qint64 earliest = std::numeric_limits<qint64>::max();
    for (const Timer &t : m_timers)
        if (!t.active)
            earliest = qMin(earliest, t.dueMs);
    if (earliest == std::numeric_limits<qint64>::max())
        return -1;
    return int(qBound(qint64(0), earliest - nowMs(), qint64(std::numeric_limits<int>::max())));
}

bool EpollDispatcher::activateTimers()
{
    const qint64 now = nowMs();
    QList<int> due;
    for (auto it = m_timers.cbegin(); it != m_timers.cend(); ++it)
        if (!it->active && it->dueMs <= now)
            due.append(it.key());
    for (const int id : due) {
        auto it = m_timers.find(id);
        if (it == m_timers.end() || it->active) // unregistered by an earlier one's handler
            continue;
        // The next due time from now: a loop that fell behind does not fire in a burst.
        it->dueMs = now + it->intervalMs;
        it->active = true;
        QObject *object = it->object;
        QTimerEvent event(id);
        QCoreApplication::sendEvent(object, &event);
        it = m_timers.find(id); // the handler may have changed the table
        if (it != m_timers.end())
            it->active = false;
    }
    return !due.isEmpty();
}

bool EpollDispatcher::activateSockets(const epoll_event *events, int count)
{
    bool any = false;
    for (int i = 0; i < count; ++i) {
        const int fd = events[i].data.fd;
        const uint32_t ready = events[i].events;
        // Looked up again before each delivery: a handler may close or replace any notifier.
        const auto deliver = [&](QSocketNotifier *Watch::*which) {
            const auto it = m_watches.constFind(fd);
            QSocketNotifier *notifier = it == m_watches.cend() ? nullptr : (*it).*which;
            if (!notifier)
                return;
            QEvent event(QEvent::SockAct);
            QCoreApplication::sendEvent(notifier, &event);
            any = true;
        };
        // As poll() reports them to Qt: a hang-up or an error wakes readers and writers.
        if (ready & (EPOLLIN | EPOLLHUP | EPOLLERR | EPOLLRDHUP))
            deliver(&Watch::read);
        if (ready & (EPOLLOUT | EPOLLHUP | EPOLLERR))
            deliver(&Watch::write);
        if (ready & EPOLLPRI)
            deliver(&Watch::exception);
    }
    return any;
}

bool EpollDispatcher::processEvents(QEventLoop::ProcessEventsFlags flags)
{
    m_thread.store(QThread::currentThreadId(), std::memory_order_relaxed);
    m_interrupted.store(false);
    Q_EMIT awake();
    m_postedHere = false;
    QCoreApplication::sendPostedEvents();
    if (m_interrupted.load())
        return false;
    // What the events just sent posted in turn waits for the next pass: do not sleep on it.
    const bool wait = flags.testFlag(QEventLoop::WaitForMoreEvents) && !m_postedHere;
    if (wait)
        Q_EMIT aboutToBlock();
    epoll_event events[maxEventsPerWait];
    int count = ::epoll_wait(m_epoll, events, maxEventsPerWait, wait ? timeoutMs() : 0);
    if (wait)
        Q_EMIT awake();
    if (count < 0)
        count = 0; // EINTR: go round again
    bool any = false;
    int sockets = 0;
    for (int i = 0; i < count; ++i) {
        if (events[i].data.fd == m_wake) {
            quint64 value = 0;
            [[maybe_unused]] const auto n = ::read(m_wake, &value, sizeof value);
            // After reading: a post that still saw "pending" is queued already and is sent
            // on the next pass; one after this store writes the eventfd again.
            m_wakePending.store(false);
            any = true; // posted events: sent on the next pass
            continue;
        }
        events[sockets++] = events[i];
    }
    if (m_interrupted.load())
        return any;
    if (!flags.testFlag(QEventLoop::ExcludeSocketNotifiers))
        any = activateSockets(events, sockets) || any;
    if (!flags.testFlag(QEventLoop::X11ExcludeTimers))
        any = activateTimers() || any;
    // What the handlers posted woke the eventfd: the next pass sends it first.
    return any;
}

} // namespace Authd
