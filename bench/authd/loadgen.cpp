// SPDX-License-Identifier: GPL-3.0-or-later
// tidings-authd-loadgen: TAP/1 logins from many concurrent clients on one Qt
// event loop (no thread per client), so that the server is what is measured.
// Prints one machine-readable line at the end:
//   loadgen: logins=N failed=N logins_per_s=X p50_ms=X p99_ms=X errors=code:n,...
//            idle_held=N idle_failed=N idle_lost=N client_cpu_us_per_login=X seconds=X
// and, once --idle connections are open, "loadgen: idle held=N failed=N".
// Run: tidings-authd-loadgen --port P --password PW [--concurrency C] [--seconds S] ...
#include "idlepool.h"
#include "loadstats.h"
#include "loginclient.h"
#include "monotonic.h"
#include "scramkeys.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QHostInfo>
#include <QTimer>

#include <cstdio>
#include <memory>
#include <sys/resource.h>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

constexpr int watchdogMs = 100;

double cpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

void raiseFileLimit()
{
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
    }
}

void say(const QString &line)
{
    std::fputs(qPrintable(line + u'\n'), stdout);
    std::fflush(stdout);
}

// RFC 7677 §3 through the cached path: the proof and signature PROTOCOL.md gives.
bool selfTest()
{
    LoadGen::ScramKeyCache cache;
    LoadGen::CachedScramLogin login(cache, u"user"_s, u"pencil"_s);
    login.clientFirst("rOprNGfwEbeRWgbNEkqO");
    QString error;
    const auto final = login.clientFinal(
        "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096",
        &error);
    return final &&
           *final == "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
                     "p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=" &&
           login.serverFinalValid("v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=") &&
           !login.serverFinalValid("v=7rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=");
}

struct Options
{
    LoadGen::Target target;
    QString user;
    QString password;
    int users = 0; // > 0: user0..user<users-1>
    int concurrency = 16;
    double seconds = 0;
    qint64 logins = 0;
    int idle = 0;
    double holdSeconds = 0;
    double timeoutSeconds = 10;
    bool quiet = false;
};

// The whole run: idle connections first, then the logins, then the hold.
class Run : public QObject
{
public:
    explicit Run(const Options &options)
        : m_options(options)
        , m_idle(options.target, options.idle)
    {
        connect(&m_idle, &LoadGen::IdlePool::settled, this, &Run::onIdleSettled);
        connect(&m_watchdog, &QTimer::timeout, this, &Run::onWatchdog);
    }

    void start() { m_idle.start(); }

private:
    bool loginsWanted() const
    {
        return m_options.concurrency > 0 && (m_options.seconds > 0 || m_options.logins > 0);
    }

    void onIdleSettled()
    {
        if (m_options.idle > 0)
            say(u"loadgen: idle held=%1 failed=%2"_s.arg(m_idle.held()).arg(m_idle.failed()));
        if (!loginsWanted())
            return finishLogins();
        for (int i = 0; i < m_options.concurrency; ++i) {
            const QString user = m_options.users > 0
                                     ? m_options.user + QString::number(i % m_options.users)
                                     : m_options.user;
            auto client = std::make_unique<LoadGen::LoginClient>(m_options.target, m_cache, user,
                                                                 m_options.password, m_stats);
            LoadGen::LoginClient *raw = client.get();
            connect(raw, &LoadGen::LoginClient::ended, this,
                    [this, raw](int delayMs) { onLoginEnded(raw, delayMs); });
            m_clients.push_back(std::move(client));
        }
        m_cpuStart = cpuSeconds();
        m_startNs = LoadGen::monotonicNs();
        m_lastReportNs = m_startNs;
        m_watchdog.start(watchdogMs);
        for (auto &client : m_clients)
            startOne(client.get());
    }

    void startOne(LoadGen::LoginClient *client)
    {
        if (m_options.logins > 0 && m_started >= m_options.logins)
            return;
        ++m_started;
        client->start();
    }

    void onLoginEnded(LoadGen::LoginClient *client, int delayMs)
    {
        if (m_done)
            return;
        if (m_options.logins > 0 && m_stats.logins() + m_stats.failed() >= m_options.logins)
            return finishLogins();
        // Queued even at 0 ms: the client is still inside its socket's signal.
        QTimer::singleShot(delayMs, client, [this, client] {
            if (!m_done)
                startOne(client);
        });
    }

    void onWatchdog()
    {
        const qint64 now = LoadGen::monotonicNs();
        for (auto &client : m_clients)
            client->expireIfOlderThan(now, qint64(m_options.timeoutSeconds * 1e9));
        if (m_options.seconds > 0 && now - m_startNs >= qint64(m_options.seconds * 1e9))
            return finishLogins();
        if (!m_options.quiet && now - m_lastReportNs >= 1000000000) {
            m_lastReportNs = now;
            std::fprintf(stderr, "loadgen: %.0f s logins=%lld failed=%d\n",
                         double(now - m_startNs) / 1e9, qlonglong(m_stats.logins()),
                         m_stats.failed());
        }
    }

    void finishLogins()
    {
        if (m_done)
            return;
        m_done = true;
        m_stats.counting = false;
        const qint64 endNs = LoadGen::monotonicNs();
        m_elapsed = m_startNs > 0 ? double(endNs - m_startNs) / 1e9 : 0;
        m_cpu = m_startNs > 0 ? cpuSeconds() - m_cpuStart : 0;
        m_watchdog.stop();
        for (auto &client : m_clients)
            client->stop();
        QTimer::singleShot(int(m_options.holdSeconds * 1000), this, &Run::report);
    }

    void report()
    {
        const qsizetype logins = m_stats.logins();
        const double rate = m_elapsed > 0 ? double(logins) / m_elapsed : 0;
        const double clientCpuUs = logins > 0 ? m_cpu / double(logins) * 1e6 : 0;
        say(u"loadgen: logins=%1 failed=%2 logins_per_s=%3 p50_ms=%4 p99_ms=%5 errors=%6 "
            "idle_held=%7 idle_failed=%8 idle_lost=%9 client_cpu_us_per_login=%10 seconds=%11"_s
                .arg(logins)
                .arg(m_stats.failed())
                .arg(rate, 0, 'f', 1)
                .arg(m_stats.percentile(50), 0, 'f', 3)
                .arg(m_stats.percentile(99), 0, 'f', 3)
                .arg(m_stats.failuresText())
                .arg(m_idle.held())
                .arg(m_idle.failed())
                .arg(m_idle.lost())
                .arg(clientCpuUs, 0, 'f', 1)
                .arg(m_elapsed, 0, 'f', 3));
        QCoreApplication::exit(m_stats.failed() > 0 && logins == 0 && loginsWanted() ? 1 : 0);
    }

    Options m_options;
    LoadGen::ScramKeyCache m_cache;
    LoadGen::LoadStats m_stats;
    LoadGen::IdlePool m_idle;
    std::vector<std::unique_ptr<LoadGen::LoginClient>> m_clients;
    QTimer m_watchdog;
    qint64 m_started = 0;
    qint64 m_startNs = 0;
    qint64 m_lastReportNs = 0;
    double m_cpuStart = 0;
    double m_cpu = 0;
    double m_elapsed = 0;
    bool m_done = false;
};

std::optional<QHostAddress> resolve(const QString &host)
{
    QHostAddress address;
    if (address.setAddress(host))
        return address;
    const QHostInfo info = QHostInfo::fromName(host);
    if (info.addresses().isEmpty())
        return std::nullopt;
    return info.addresses().constFirst();
}

int fail(const QString &message)
{
    std::fputs(qPrintable(u"tidings-authd-loadgen: "_s + message + u'\n'), stderr);
    return 2;
}

} // namespace

int main(int argc, char **argv)
{
    // Qt's own poll() dispatcher: GLib's per-source bookkeeping dominates with
    // thousands of sockets (the server does the same, see src/authd/main.cpp).
    qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"TAP/1 login load generator for tidings-authd."_s);
    parser.addHelpOption();
    const QCommandLineOption host(u"host"_s, u"Server address (default 127.0.0.1)."_s, u"host"_s,
                                  u"127.0.0.1"_s);
    const QCommandLineOption port(u"port"_s, u"Server port."_s, u"port"_s);
    const QCommandLineOption user(u"user"_s, u"User name (default bench)."_s, u"name"_s,
                                  u"bench"_s);
    const QCommandLineOption password(u"password"_s, u"Password."_s, u"password"_s);
    const QCommandLineOption users(
        u"users-prefix"_s, u"Use users <user>0..<user>N-1 (same password), spread over clients."_s,
        u"n"_s, u"0"_s);
    const QCommandLineOption concurrency(
        u"concurrency"_s, u"Clients logging in at once (default 16)."_s, u"c"_s, u"16"_s);
    const QCommandLineOption seconds(u"seconds"_s, u"Run the logins this long."_s, u"s"_s);
    const QCommandLineOption logins(u"logins"_s, u"Stop after this many logins."_s, u"n"_s);
    const QCommandLineOption idle(u"idle"_s, u"Open N idle connections first and hold them."_s,
                                  u"n"_s, u"0"_s);
    const QCommandLineOption hold(
        u"hold"_s, u"Keep the idle connections this long after the logins."_s, u"s"_s, u"0"_s);
    const QCommandLineOption timeout(u"timeout"_s, u"One login's limit (default 10 s)."_s, u"s"_s,
                                     u"10"_s);
    const QCommandLineOption quiet(u"quiet"_s, u"No progress lines on stderr."_s);
    const QCommandLineOption test(u"self-test"_s,
                                  u"Check the cached SCRAM path on RFC 7677's vector."_s);
    parser.addOptions({host, port, user, password, users, concurrency, seconds, logins, idle, hold,
                       timeout, quiet, test});
    parser.process(app);
    if (parser.isSet(test)) {
        const bool ok = selfTest();
        say(ok ? u"loadgen: self-test ok"_s : u"loadgen: self-test FAILED"_s);
        return ok ? 0 : 1;
    }

    Options options;
    bool ok[8] = {};
    const auto address = resolve(parser.value(host));
    const int portNumber = parser.value(port).toInt(&ok[0]);
    options.users = parser.value(users).toInt(&ok[1]);
    options.concurrency = parser.value(concurrency).toInt(&ok[2]);
    options.seconds = parser.isSet(seconds) ? parser.value(seconds).toDouble(&ok[3]) : 0;
    options.logins = parser.isSet(logins) ? parser.value(logins).toLongLong(&ok[4]) : 0;
    options.idle = parser.value(idle).toInt(&ok[5]);
    options.holdSeconds = parser.value(hold).toDouble(&ok[6]);
    options.timeoutSeconds = parser.value(timeout).toDouble(&ok[7]);
    ok[3] = ok[3] || !parser.isSet(seconds);
    ok[4] = ok[4] || !parser.isSet(logins);
    if (!address)
        return fail(u"cannot resolve %1"_s.arg(parser.value(host)));
    if (!ok[0] || portNumber < 1 || portNumber > 65535)
        return fail(u"--port must be 1..65535"_s);
    if (!std::all_of(std::begin(ok), std::end(ok), [](bool b) { return b; }) || options.users < 0 ||
        options.concurrency < 0 || options.seconds < 0 || options.logins < 0 || options.idle < 0 ||
        options.holdSeconds < 0 || options.timeoutSeconds <= 0)
        return fail(u"numeric options must be non-negative numbers"_s);
    if (!parser.isSet(password) && options.concurrency > 0 &&
        (options.seconds > 0 || options.logins > 0))
        return fail(u"--password is required for logins"_s);
    if (!parser.isSet(seconds) && !parser.isSet(logins) && options.idle == 0)
        options.seconds = 5;
    options.target = {*address, quint16(portNumber)};
    options.user = parser.value(user);
    options.password = parser.value(password);
    options.quiet = parser.isSet(quiet);

    raiseFileLimit();
    Run run(options);
    QTimer::singleShot(0, &run, &Run::start);
    return app.exec();
}
