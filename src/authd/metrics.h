// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

#include <array>
#include <atomic>

namespace Authd {

// The server's Prometheus metrics (plan-13 "Metrics / health"). Every method
// may be called from any thread at any time: each value is its own relaxed
// atomic, no lock on the hot path. render() therefore reads a moment that
// may be a few updates apart between two metrics, never a torn value.
class Metrics
{
public:
    enum class Outcome { Success, Failure, Locked, Busy, Resume };
    static constexpr int outcomeCount = 5;
    // Upper bounds (le) of the login_duration_seconds buckets; +Inf follows.
    static constexpr std::array<double, 11> durationBuckets{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                            0.1,   0.25,   0.5,   1,    2.5};

    void login(Outcome outcome);
    // auth-start received -> auth-ok/auth-failed sent.
    void loginDuration(double seconds);
    void lockout(); // an account or address became locked

    // A connection is in the handshake state from open until authenticated.
    void connectionOpened();
    void connectionAuthenticated();
    void connectionClosed(bool wasAuthenticated);

    void databaseError();
    void databaseReconnect();
    // Down until the server says otherwise: it sets this once the store is open.
    void setDatabaseUp(bool up);
    bool databaseUp() const;

    // Text exposition format 0.0.4.
    QByteArray render() const;

private:
    using Counter = std::atomic<quint64>;
    using Gauge = std::atomic<qint64>;

    std::array<Counter, outcomeCount> m_logins{};
    Counter m_lockouts{0};
    Gauge m_handshake{0};
    Gauge m_authenticated{0};
    // Per bucket, not cumulative (the last one is above every bound): one
    // increment per observation; render() adds them up.
    std::array<Counter, durationBuckets.size() + 1> m_durationBuckets{};
    Counter m_durationSumNanoseconds{0}; // an integer sum needs no CAS loop
    Counter m_databaseErrors{0};
    Counter m_databaseReconnects{0};
    std::atomic<bool> m_databaseUp{false};
};

} // namespace Authd
