// SPDX-License-Identifier: GPL-3.0-or-later
// tidings-authd serve: the metrics endpoint and signals on the main thread,
// the clients on N worker threads, each with its own listening socket on the
// shared port, event loop, database connection and token issuer.
#include "admin.h"

#include "authserver.h"
#include "configfile.h"
#include "epolldispatcher.h"
#include "metrics.h"
#include "metricsserver.h"
#include "signingkey.h"
#include "tokenissuer.h"
#include "userdatabase.h"

#include "core/tap/frame.h"
#include "crypto/crypto.h"
#include "platform/filelimit.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QLoggingCategory>
#include <QSemaphore>
#include <QSocketNotifier>
#include <QTextStream>
#include <QThread>

#include <atomic>
#include <csignal>
#include <memory>
#include <unistd.h>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcServe, "tidings.authd.server", QtInfoMsg)

namespace Authd {

namespace {

bool parseHostPort(const QString &text, QHostAddress *address, quint16 *port)
{
    const qsizetype colon = text.lastIndexOf(u':');
    bool ok = false;
    const uint p = text.mid(colon + 1).toUInt(&ok);
    QString host = text.left(colon);
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    if (colon < 0 || !ok || p > 65535 || !address->setAddress(host))
        return false;
    *port = quint16(p);
    return true;
}

int signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char c = 1;
    [[maybe_unused]] const auto n = ::write(signalPipe[1], &c, 1);
}

struct WorkerSettings
{
    DatabaseUrl database;
    QString dataDirectory;
    QString issuer;
    qint64 lifetime = 0;
    int iterations = 0;
    int handshakeTimeoutMs = 0;
    AuthServer::Options options;
    qintptr plainListener = -1; // this thread's share of the listening port
    qintptr tlsListener = -1;
};

// One event loop with its own database connection: everything a session
// touches is this thread's, except the metrics (atomic) and the limits (locked).
class WorkerThread : public QThread
{
public:
    WorkerThread(const WorkerSettings &settings, Metrics &metrics, ConnectionLimits &limits,
                 bool prunes, qintptr plainListener, qintptr tlsListener)
        : m_settings(settings)
        , m_metrics(metrics)
        , m_limits(limits)
    {
        m_settings.options.prunes = prunes;
        m_settings.plainListener = plainListener;
        m_settings.tlsListener = tlsListener;
        // Only ready descriptors cost anything: idle connections do not slow logins.
        setEventDispatcher(new EpollDispatcher);
    }

    // Starts the thread; false with *error when it could not open its database or key.
    bool startServing(QString *error)
    {
        start();
        m_ready.acquire();
        // QSemaphore and QThread::wait() are invisible to ThreadSanitizer (Qt's
        // futexes are not instrumented): the atomics below order what the thread wrote.
        const bool serving = m_serving.load(std::memory_order_acquire);
        *error = m_error;
        return serving;
    }
    // Ends the thread's event loop and waits for it.
    void stop()
    {
        quit();
        wait();
        while (!m_finished.load(std::memory_order_acquire)) // true already: orders it for TSan
            QThread::yieldCurrentThread();
    }

protected:
    void run() override
    {
        serve();
        // Before the thread's last moments, which QThread::wait() does not wait for (nor
        // ThreadSanitizer see): the process may be running OPENSSL_cleanup by then.
        Crypto::releaseThreadState();
        m_finished.store(true, std::memory_order_release);
    }

private:
    void serve()
    {
        UserDatabase database(m_settings.database, &m_metrics);
        const auto key = SigningKey::loadOrCreate(m_settings.dataDirectory, &m_error);
        if (!key || !database.open(&m_error))
            return ready(false);
        TokenIssuer issuer(database, m_settings.dataDirectory, *key, m_settings.issuer,
                           m_settings.lifetime);
        issuer.refreshKeys(QDateTime::currentSecsSinceEpoch(), true);
        ServerContext context{database, issuer, m_metrics, m_settings.iterations};
        context.handshakeTimeoutMs = m_settings.handshakeTimeoutMs;
        AuthServer server(context, m_limits, m_settings.options);
        if (!server.listen(m_settings.plainListener, false, &m_error) ||
            (m_settings.tlsListener >= 0 && !server.listen(m_settings.tlsListener, true, &m_error)))
            return ready(false);
        ready(true);
        exec();
    }

    void ready(bool serving)
    {
        m_serving.store(serving, std::memory_order_release);
        m_ready.release();
    }

    WorkerSettings m_settings;
    Metrics &m_metrics;
    ConnectionLimits &m_limits;
    QSemaphore m_ready;
    QString m_error;
    std::atomic<bool> m_serving{false};
    std::atomic<bool> m_finished{false};
};

} // namespace

int runServe(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Serve TAP/1 (SCRAM-SHA-256 logins, signed session tokens)."_s);
    parser.addHelpOption();
    const QCommandLineOption data(u"data"_s, u"Data directory (signing key; the SQLite database "
                                             "unless --database says otherwise)."_s,
                                  u"dir"_s);
    const QCommandLineOption database(
        u"database"_s,
        u"sqlite:PATH (default: users.sqlite in --data) or postgresql://USER@HOST:PORT/DB "
        "(password from PGPASSFILE or PGPASSWORD) for several instances."_s,
        u"url"_s);
    const QCommandLineOption listen(
        u"listen"_s, u"Plain TCP address (default 127.0.0.1:7788; port 0 picks one)."_s,
        u"host:port"_s, u"127.0.0.1:7788"_s);
    const QCommandLineOption tlsListen(
        u"tls-listen"_s,
        u"Implicit TLS address (needs --tls-cert, --tls-key; with those, the default is the --listen host, port 7789)."_s,
        u"host:port"_s);
    const QCommandLineOption tlsCert(u"tls-cert"_s, u"TLS certificate chain (PEM)."_s, u"file"_s);
    const QCommandLineOption tlsKey(u"tls-key"_s, u"TLS private key (PEM)."_s, u"file"_s);
    const QCommandLineOption threads(
        u"threads"_s,
        u"Event loops serving clients (default: the number of cores, %1 here)."_s.arg(
            QThread::idealThreadCount()),
        u"n"_s, QString::number(QThread::idealThreadCount()));
    const QCommandLineOption trustedProxy(
        u"trusted-proxy"_s,
        u"An address (e.g. HAProxy's) whose connections to the plain --listen port may begin "
        "with a PROXY protocol v2 header naming the real client; repeat for several. Lockouts "
        "and logs then see the client."_s,
        u"address"_s);
    const QCommandLineOption metricsListen(
        u"metrics-listen"_s,
        u"Serve Prometheus metrics (/metrics) and a health check (/health) over HTTP here."_s,
        u"host:port"_s);
    const QCommandLineOption issuer(u"issuer"_s, u"Token issuer (iss)."_s, u"iss"_s,
                                    u"tidings-authd"_s);
    const QCommandLineOption lifetime(
        u"token-lifetime"_s, u"Token lifetime in seconds (default 3600)."_s, u"s"_s, u"3600"_s);
    const QCommandLineOption iterations(
        u"iterations"_s,
        u"Iterations of unknown users' fake challenges while there are no users "
        "(4096..10000000, default 15000); otherwise they carry the counts real "
        "users have."_s,
        u"n"_s, QString::number(Scram::defaultIterations));
    const QCommandLineOption maxConnections(
        u"max-connections"_s, u"Connection cap (default 15000)."_s, u"n"_s, u"15000"_s);
    const QCommandLineOption maxPerAddress(
        u"max-per-address"_s,
        u"Connections one address (IPv6: one /64) may hold (default 64; trusted proxies are "
        "exempt)."_s,
        u"n"_s, u"64"_s);
    const QCommandLineOption handshakeTimeout(
        u"handshake-timeout"_s, u"Seconds to complete a login (default 30)."_s, u"s"_s, u"30"_s);
    const QCommandLineOption config(
        u"config"_s,
        u"Settings file: 'name = value' lines naming these options without their dashes, '#' "
        "comments (the package's is /etc/tidings-authd/tidings-authd.conf). The command line "
        "wins; repeatable options add up."_s,
        u"file"_s);
    const QList<QCommandLineOption> settable = {
        data, database, listen, tlsListen, tlsCert, tlsKey, threads, trustedProxy, metricsListen,
        issuer, lifetime, iterations, maxConnections, maxPerAddress, handshakeTimeout};
    parser.addOptions(settable);
    parser.addOption(config);
    if (!parser.parse(arguments))
        return failWith(parser.errorText());
    if (parser.isSet(config)) {
        QStringList names;
        for (const QCommandLineOption &option : settable)
            names << option.names();
        QStringList fromFile;
        QString error;
        if (!ConfigFile::toArguments(parser.value(config), names, &fromFile, &error))
            return failWith(error);
        // Before the command line's own arguments: for a single-valued option the last one counts.
        const QStringList combined = arguments.mid(0, 1) + fromFile + arguments.mid(1);
        if (!parser.parse(combined))
            return failWith(u"%1: %2"_s.arg(parser.value(config), parser.errorText()));
    }
    if (parser.isSet(u"help"_s)) {
        QTextStream(stdout) << parser.helpText();
        return 0;
    }
    if (!parser.isSet(data))
        return failWith(u"--data DIR is required"_s);
    bool ok1 = false, ok2 = false, ok3 = false, ok4 = false, ok5 = false;
    const qint64 seconds = parser.value(lifetime).toLongLong(&ok1);
    const int rounds = parser.value(iterations).toInt(&ok2);
    const int cap = parser.value(maxConnections).toInt(&ok3);
    const int perAddress = parser.value(maxPerAddress).toInt(&ok4);
    const int threadCount = parser.value(threads).toInt(&ok5);
    if (!ok1 || seconds < 60)
        return failWith(u"--token-lifetime must be a number of seconds, at least 60"_s);
    // The range clients accept (PROTOCOL.md): anything else would set unknown users apart.
    if (!ok2 || rounds < Scram::minIterations || rounds > Scram::maxIterations)
        return failWith(u"--iterations must be from %1 to %2"_s.arg(Scram::minIterations)
                            .arg(Scram::maxIterations));
    if (!ok3 || cap < 1 || !ok4 || perAddress < 1)
        return failWith(u"--max-connections and --max-per-address must be numbers, at least 1"_s);
    if (!ok5 || threadCount < 1 || threadCount > 256)
        return failWith(u"--threads must be from 1 to 256"_s);
    const int handshakeSeconds = parser.value(handshakeTimeout).toInt();
    if (handshakeSeconds < 1 || handshakeSeconds > 300)
        return failWith(u"--handshake-timeout must be 1..300 seconds"_s);

    WorkerSettings settings;
    settings.dataDirectory = parser.value(data);
    settings.issuer = parser.value(issuer);
    settings.lifetime = seconds;
    settings.iterations = rounds;
    settings.handshakeTimeoutMs = handshakeSeconds * 1000;
    for (const QString &value : parser.values(trustedProxy))
        for (const QString &text : value.split(u',', Qt::SkipEmptyParts)) {
            QHostAddress proxy;
            if (!proxy.setAddress(text.trimmed()))
                return failWith(u"--trusted-proxy \"%1\" is not an IP address"_s.arg(text));
            settings.options.trustedProxies.append(proxy);
        }
    QString error;
    const auto url = databaseFor(settings.dataDirectory, parser.value(database), &error);
    if (!url)
        return failWith(error);
    settings.database = *url;

    QHostAddress address;
    quint16 port = 0;
    if (!parseHostPort(parser.value(listen), &address, &port))
        return failWith(u"--listen must be HOST:PORT"_s);
    // A certificate configured means TLS is served, on its default port unless told otherwise.
    const bool certificateGiven = parser.isSet(tlsCert) && parser.isSet(tlsKey);
    QHostAddress tlsAddress = address;
    quint16 tlsPort = Tap::defaultTlsPort;
    if (parser.isSet(tlsListen) || certificateGiven) {
        if (!certificateGiven)
            return failWith(u"--tls-listen needs --tls-cert and --tls-key"_s);
        if (parser.isSet(tlsListen) && !parseHostPort(parser.value(tlsListen), &tlsAddress, &tlsPort))
            return failWith(u"--tls-listen must be HOST:PORT"_s);
        if (!loadTlsConfiguration(parser.value(tlsCert), parser.value(tlsKey),
                                  &settings.options.tls, &error))
            return failWith(error);
    }
    QHostAddress metricsAddress;
    quint16 metricsPort = 0;
    if (parser.isSet(metricsListen) &&
        !parseHostPort(parser.value(metricsListen), &metricsAddress, &metricsPort))
        return failWith(u"--metrics-listen must be HOST:PORT"_s);

    // Key, schema and secret once, here: the threads then only read what exists.
    if (!makePrivateDirectory(settings.dataDirectory, &error) ||
        !SigningKey::loadOrCreate(settings.dataDirectory, &error))
        return failWith(error);
    {
        const auto legacy = legacySaltSecret(settings.dataDirectory, &error);
        if (!legacy)
            return failWith(error);
        UserDatabase first(settings.database);
        if (!first.open(&error, *legacy))
            return failWith(error);
    }

    Platform::raiseOpenFileLimit(); // every connection is a descriptor: the hard limit
    Metrics metrics;
    ConnectionLimits limits(cap, perAddress);
    std::vector<std::unique_ptr<WorkerThread>> workers;
    const auto stopWorkers = [&workers] {
        for (auto &worker : workers)
            worker->stop();
    };
    // Every thread listens on the same port (SO_REUSEPORT): the kernel spreads the clients.
    quint16 boundPort = port;
    quint16 boundTlsPort = tlsPort;
    for (int i = 0; i < threadCount; ++i) {
        const qintptr plain = openSharedListener(address, boundPort, &error);
        const qintptr tls =
            certificateGiven && plain >= 0 ? openSharedListener(tlsAddress, boundTlsPort, &error) : -1;
        if (plain < 0 || (certificateGiven && tls < 0)) {
            stopWorkers();
            return failWith(error);
        }
        boundPort = listenerPort(plain);
        if (tls >= 0)
            boundTlsPort = listenerPort(tls);
        workers.push_back(
            std::make_unique<WorkerThread>(settings, metrics, limits, i == 0, plain, tls));
        if (!workers.back()->startServing(&error)) {
            stopWorkers();
            return failWith(error);
        }
    }
    qCInfo(lcServe).noquote() << u"event=listen address="_s + address.toString()
                              << u"port="_s + QString::number(boundPort)
                              << u"threads="_s + QString::number(threadCount);
    QTextStream(stdout) << "tidings-authd: listening on " << address.toString() << ':' << boundPort
                        << Qt::endl;
    if (certificateGiven) {
        qCInfo(lcServe).noquote() << u"event=listen-tls address="_s + tlsAddress.toString()
                                  << u"port="_s + QString::number(boundTlsPort);
        QTextStream(stdout) << "tidings-authd: listening with TLS on " << tlsAddress.toString()
                            << ':' << boundTlsPort << Qt::endl;
    }
    std::unique_ptr<MetricsServer> metricsServer;
    if (parser.isSet(metricsListen)) {
        metricsServer = std::make_unique<MetricsServer>(metrics);
        if (!metricsServer->listen(metricsAddress, metricsPort, &error)) {
            stopWorkers();
            return failWith(error);
        }
        QTextStream(stdout) << "tidings-authd: metrics on " << metricsAddress.toString() << ':'
                            << metricsServer->port() << Qt::endl;
    }

    // SIGINT/SIGTERM end the event loop cleanly (a self-pipe: the handler only writes).
    if (::pipe(signalPipe) == 0) {
        auto *notifier = new QSocketNotifier(signalPipe[0], QSocketNotifier::Read, qApp);
        QObject::connect(notifier, &QSocketNotifier::activated, qApp, [] {
            QTextStream(stdout) << "tidings-authd: shutting down" << Qt::endl;
            QCoreApplication::quit();
        });
        std::signal(SIGINT, onSignal);
        std::signal(SIGTERM, onSignal);
    }
    const int code = QCoreApplication::exec();
    stopWorkers();
    return code;
}

} // namespace Authd
