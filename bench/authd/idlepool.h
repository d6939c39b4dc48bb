// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "loginclient.h"

#include <QByteArray>
#include <QObject>
#include <QSocketNotifier>

#include <memory>
#include <vector>

namespace LoadGen {

// N connections that read the server's hello and then stay silent, opened a
// bounded number at a time so the server's accept backlog never overflows
// (a dropped SYN costs a second-long retransmission). They live in their own
// epoll set, watched by ONE socket notifier: as QTcpSockets, 10,000 of them
// made every pass of Qt's poll() loop walk 10,000 descriptors, and the logins
// measured alongside cost the client 30 ms each instead of the server's time.
class IdlePool : public QObject
{
    Q_OBJECT
public:
    IdlePool(const Target &target, int count, QObject *parent = nullptr);
    ~IdlePool() override;

    void start();
    int held() const { return m_held; }     // hello received and still open
    int failed() const { return m_failed; } // refused, closed or answered with an error first
    int lost() const { return m_lost; }     // held once, then closed by the server

Q_SIGNALS:
    void settled(); // every connection has either been held or failed

private:
    struct Connection
    {
        int fd = -1;
        QByteArray firstBytes; // until the first frame is complete
        enum class State { Connecting, Held, Gone } state = State::Connecting;
    };

    void openMore();
    void onEvents();
    void onReadable(Connection &connection);
    void onGone(Connection &connection);
    void checkSettled();

    Target m_target;
    int m_count = 0;
    int m_opened = 0;
    int m_pending = 0;
    int m_held = 0;
    int m_failed = 0;
    int m_lost = 0;
    bool m_settled = false;
    int m_epoll = -1;
    std::unique_ptr<QSocketNotifier> m_notifier;
    std::vector<Connection> m_connections;
};

} // namespace LoadGen
