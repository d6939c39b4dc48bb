// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractEventDispatcher>
#include <QHash>

#include <atomic>

struct epoll_event;

namespace Authd {

// An event dispatcher on Linux's epoll for the server's worker threads. Qt's
// own (QEventDispatcherUNIX) hands every socket notifier to ppoll() on every
// pass of the loop, so 10,000 idle connections made each login wait for a
// scan of 10,000 descriptors (p50 15-38 ms in `scripts/bench authd`); epoll
// reports only the ready ones. Timers are few here (one per thread and a
// linger timer per closing socket): a linear scan of them is enough.
// Level-triggered, as poll() is, so notifiers behave exactly as with Qt's.
class EpollDispatcher final : public QAbstractEventDispatcher
{
    Q_OBJECT
public:
    static constexpr int maxEventsPerWait = 256;

    explicit EpollDispatcher(QObject *parent = nullptr);
    ~EpollDispatcher() override;

    bool processEvents(QEventLoop::ProcessEventsFlags flags) override;
    void registerSocketNotifier(QSocketNotifier *notifier) override;
    void unregisterSocketNotifier(QSocketNotifier *notifier) override;
    void registerTimer(int timerId, qint64 interval, Qt::TimerType timerType,
                       QObject *object) override;
    bool unregisterTimer(int timerId) override;
    bool unregisterTimers(QObject *object) override;
    QList<TimerInfo> registeredTimers(QObject *object) const override;
    int remainingTime(int timerId) override;
    void wakeUp() override;    // any thread
    void interrupt() override; // any thread

private:
    struct Watch
    {
        QSocketNotifier *read = nullptr;
        QSocketNotifier *write = nullptr;
        QSocketNotifier *exception = nullptr;
        bool inEpoll = false;
    };
    struct Timer
    {
        QObject *object = nullptr;
        qint64 intervalMs = 0;
        qint64 dueMs = 0;
        Qt::TimerType type = Qt::CoarseTimer;
        bool active = false; // its event is being delivered: never fired again from inside
    };

    void update(int fd, Watch &watch);
    int timeoutMs() const;
    bool activateTimers();
    bool activateSockets(const ::epoll_event *events, int count);

    int m_epoll = -1;
    int m_wake = -1; // eventfd
    std::atomic<bool> m_interrupted{false};
    // Another thread posted: the eventfd has been written once and not read yet.
    std::atomic<bool> m_wakePending{false};
    // This thread posted (a deleteLater, a queued call) while not waiting: no
    // eventfd needed, only no sleep before the next pass has sent it.
    bool m_postedHere = false;
    std::atomic<Qt::HANDLE> m_thread{nullptr}; // the thread processing events, once it has
    QHash<int, Watch> m_watches;
    QHash<int, Timer> m_timers;
};

} // namespace Authd
