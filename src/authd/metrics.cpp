// SPDX-License-Identifier: GPL-3.0-or-later
#include "metrics.h"

#include <algorithm>
#include <cmath>

namespace Authd {

namespace {

constexpr auto relaxed = std::memory_order_relaxed;

constexpr const char *outcomeLabels[Metrics::outcomeCount] = {"success", "failure", "locked",
                                                              "busy", "resume"};
// The bounds as Prometheus shows them (the histogram's le label values).
constexpr const char *bucketLabels[Metrics::durationBuckets.size()] = {
    "0.001", "0.0025", "0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "2.5"};

void family(QByteArray &out, const char *name, const char *type, const char *help)
{
    out += "# HELP tidings_authd_";
    out += name;
    out += ' ';
    out += help;
    out += "\n# TYPE tidings_authd_";
    out += name;
    out += ' ';
    out += type;
    out += '\n';
}

void sample(QByteArray &out, const char *name, QByteArrayView labels, const QByteArray &value)
{
    out += "tidings_authd_";
    out += name;
    out.append(labels);
    out += ' ';
    out += value;
    out += '\n';
}

void sample(QByteArray &out, const char *name, QByteArrayView labels, qint64 value)
{
    sample(out, name, labels, QByteArray::number(value));
}

QByteArray label(const char *key, const char *value)
{
    QByteArray out = "{";
    out.append(key).append("=\"").append(value).append("\"}");
    return out;
}

} // namespace

void Metrics::login(Outcome outcome)
{
    m_logins[static_cast<size_t>(outcome)].fetch_add(1, relaxed);
}

void Metrics::loginDuration(double seconds)
{
    if (!(seconds >= 0)) // NaN or a clock that went backwards
        seconds = 0;
    const auto bucket = std::lower_bound(durationBuckets.begin(), durationBuckets.end(), seconds) -
                        durationBuckets.begin(); // the first bound >= seconds
    m_durationBuckets[static_cast<size_t>(bucket)].fetch_add(1, relaxed);
    m_durationSumNanoseconds.fetch_add(
        static_cast<quint64>(std::llround(std::min(seconds, 1e9) * 1e9)), relaxed);
}

void Metrics::lockout()
{
    m_lockouts.fetch_add(1, relaxed);
}

void Metrics::connectionOpened()
{
    m_handshake.fetch_add(1, relaxed);
}

void Metrics::connectionAuthenticated()
{
    m_handshake.fetch_sub(1, relaxed);
    m_authenticated.fetch_add(1, relaxed);
}

void Metrics::connectionClosed(bool wasAuthenticated)
{
    (wasAuthenticated ? m_authenticated : m_handshake).fetch_sub(1, relaxed);
}

void Metrics::databaseError()
{
    m_databaseErrors.fetch_add(1, relaxed);
}

void Metrics::databaseReconnect()
{
    m_databaseReconnects.fetch_add(1, relaxed);
}

void Metrics::setDatabaseUp(bool up)
{
    m_databaseUp.store(up, relaxed);
}

bool Metrics::databaseUp() const
{
    return m_databaseUp.load(relaxed);
}

QByteArray Metrics::render() const
{
    QByteArray out;
    out.reserve(3072);

    family(out, "logins_total", "counter", "Login attempts answered, by outcome.");
    for (int i = 0; i < outcomeCount; ++i)
        sample(out, "logins_total", label("outcome", outcomeLabels[i]),
               qint64(m_logins[size_t(i)].load(relaxed)));

    family(out, "lockouts_total", "counter", "Times an account or an address became locked.");
    sample(out, "lockouts_total", "", qint64(m_lockouts.load(relaxed)));

    family(out, "connections", "gauge", "Open client connections, by state.");
    sample(out, "connections", label("state", "handshake"), m_handshake.load(relaxed));
    sample(out, "connections", label("state", "authenticated"), m_authenticated.load(relaxed));

    family(out, "login_duration_seconds", "histogram",
           "Time from auth-start received to auth-ok or auth-failed sent.");
    // Cumulative counts and _count come from one read of each bucket, so they
    // agree with each other even while logins go on.
    quint64 cumulative = 0;
    for (size_t i = 0; i < durationBuckets.size(); ++i) {
        cumulative += m_durationBuckets[i].load(relaxed);
        sample(out, "login_duration_seconds_bucket", label("le", bucketLabels[i]),
               qint64(cumulative));
    }
    cumulative += m_durationBuckets.back().load(relaxed);
    sample(out, "login_duration_seconds_bucket", label("le", "+Inf"), qint64(cumulative));
    const double sumSeconds = double(m_durationSumNanoseconds.load(relaxed)) / 1e9;
    sample(out, "login_duration_seconds_sum", "", QByteArray::number(sumSeconds, 'g', 17));
    sample(out, "login_duration_seconds_count", "", qint64(cumulative));

    family(out, "database_errors_total", "counter", "Database operations that failed.");
    sample(out, "database_errors_total", "", qint64(m_databaseErrors.load(relaxed)));
    family(out, "database_reconnects_total", "counter", "Database connections opened again.");
    sample(out, "database_reconnects_total", "", qint64(m_databaseReconnects.load(relaxed)));
    family(out, "database_up", "gauge", "1 when the last database operation worked, else 0.");
    sample(out, "database_up", "", databaseUp() ? 1 : 0);
    return out;
}

} // namespace Authd
