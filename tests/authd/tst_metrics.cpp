// SPDX-License-Identifier: GPL-3.0-or-later
// Metrics: exact counts under concurrent updates, text that Prometheus' own
// tools accept (python3-prometheus-client, promtool), and the HTTP endpoint's
// answers and limits.
#include "metrics.h"
#include "metricsserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>

using namespace Qt::StringLiterals;
using Authd::Metrics;
using Authd::MetricsServer;

namespace {

// Our own reading of one sample line ("name{labels} value"): the format is
// checked against independent parsers in scrapedByPrometheusClient.
double sampleValue(const QByteArray &text, const QByteArray &sample)
{
    for (const QByteArray &line : text.split('\n')) {
        if (line.startsWith(QByteArray(sample + ' ')))
            return line.mid(sample.size() + 1).toDouble();
    }
    return -1;
}

QByteArray bucket(const char *le)
{
    return QByteArray("tidings_authd_login_duration_seconds_bucket{le=\"").append(le).append("\"}");
}

// The duration the updaters record on their i-th step: exactly on each bound
// in turn (le is inclusive), then one above every bound.
double durationFor(int i)
{
    const int slot = i % int(Metrics::durationBuckets.size() + 1);
    return slot < int(Metrics::durationBuckets.size()) ? Metrics::durationBuckets[size_t(slot)]
                                                       : 3.0;
}

struct Reply
{
    QByteArray bytes;
    bool closedByServer = false;
};

// A raw client: sends `request` (in pieces, pausing between them) and
// collects everything until the server closes or `timeoutMs` passes.
Reply exchange(quint16 port, const QList<QByteArray> &pieces, int timeoutMs = 3000)
{
    QTcpSocket socket;
    Reply reply;
    QObject::connect(&socket, &QTcpSocket::readyRead, [&] { reply.bytes += socket.readAll(); });
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!QTest::qWaitFor([&] { return socket.state() == QAbstractSocket::ConnectedState; }, 3000))
        return reply;
    for (const QByteArray &piece : pieces) {
        socket.write(piece);
        QTest::qWait(50);
    }
    reply.closedByServer = QTest::qWaitFor(
        [&] { return socket.state() == QAbstractSocket::UnconnectedState; }, timeoutMs);
    reply.bytes += socket.readAll();
    return reply;
}

QByteArray header(const QByteArray &response, const QByteArray &name)
{
    const qsizetype headEnd = response.indexOf("\r\n\r\n");
    for (const QByteArray &line : response.first(std::max<qsizetype>(headEnd, 0)).split('\n')) {
        if (line.toLower().startsWith(QByteArray(name.toLower() + ':')))
            return line.mid(name.size() + 1).trimmed();
    }
    return {};
}

QByteArray body(const QByteArray &response)
{
    const qsizetype headEnd = response.indexOf("\r\n\r\n");
    return headEnd < 0 ? QByteArray() : response.mid(headEnd + 4);
}

QByteArray statusLine(const QByteArray &response)
{
    return response.left(response.indexOf("\r\n"));
}

} // namespace

class TestMetrics : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void updatesFromFourThreadsAddUp()
    {
        constexpr int threadCount = 4;
        constexpr int perThread = 10000;
        Metrics m;
        // Each worker says it is done through an atomic ThreadSanitizer can see:
        // Debian's Qt is not instrumented, so QThread::wait() orders nothing for it.
        std::atomic<int> done{0};
        std::vector<std::unique_ptr<QThread>> threads;
        for (int t = 0; t < threadCount; ++t) {
            threads.emplace_back(QThread::create([&m, &done] {
                for (int i = 0; i < perThread; ++i) {
                    m.login(Metrics::Outcome(i % Metrics::outcomeCount));
                    m.loginDuration(durationFor(i));
                    m.lockout();
                    m.connectionOpened();
                    if (i % 2) {
                        m.connectionAuthenticated();
                        m.connectionClosed(true);
                    } else if (i % 4 == 0) {
                        m.connectionClosed(false);
                    } // i % 4 == 2: stays in the handshake
                    m.databaseError();
                    if (i % 10 == 0)
                        m.databaseReconnect();
                    m.setDatabaseUp(i % 2);
                }
                done.fetch_add(1, std::memory_order_release);
            }));
        }
        for (auto &t : threads)
            t->start();
        // Render while they run: every snapshot is a consistent histogram.
        int renders = 0;
        while (done.load(std::memory_order_acquire) < threadCount) {
            const QByteArray text = m.render();
            double previous = 0;
            for (const char *le : {"0.001", "0.01", "0.1", "1", "2.5", "+Inf"}) {
                const double count = sampleValue(text, bucket(le));
                QVERIFY2(count >= previous, le);
                previous = count;
            }
            QCOMPARE(sampleValue(text, "tidings_authd_login_duration_seconds_count"), previous);
            ++renders;
        }
        for (auto &t : threads)
            QVERIFY(t->wait(30000));
        qDebug("rendered %d times while the threads ran", renders);

        const QByteArray text = m.render();
        const double total = threadCount * perThread;
        for (const char *outcome : {"success", "failure", "locked", "busy", "resume"}) {
            const QByteArray name =
                QByteArray("tidings_authd_logins_total{outcome=\"").append(outcome).append("\"}");
            QCOMPARE(sampleValue(text, name), total / Metrics::outcomeCount);
        }
        QCOMPARE(sampleValue(text, "tidings_authd_lockouts_total"), total);
        QCOMPARE(sampleValue(text, "tidings_authd_connections{state=\"handshake\"}"), total / 4);
        QCOMPARE(sampleValue(text, "tidings_authd_connections{state=\"authenticated\"}"), 0.0);
        QCOMPARE(sampleValue(text, "tidings_authd_database_errors_total"), total);
        QCOMPARE(sampleValue(text, "tidings_authd_database_reconnects_total"), total / 10);

        // Each bucket's cumulative count, and the sum, worked out independently.
        double expectedSum = 0;
        std::vector<double> perSlot(Metrics::durationBuckets.size() + 1, 0);
        for (int i = 0; i < perThread; ++i) {
            perSlot[size_t(i % int(perSlot.size()))] += threadCount;
            expectedSum += threadCount * durationFor(i);
        }
        const char *les[] = {"0.001", "0.0025", "0.005", "0.01", "0.025", "0.05",
                             "0.1",   "0.25",   "0.5",   "1",    "2.5",   "+Inf"};
        double cumulative = 0;
        for (size_t k = 0; k < perSlot.size(); ++k) {
            cumulative += perSlot[k];
            QCOMPARE(sampleValue(text, bucket(les[k])), cumulative);
        }
        QCOMPARE(cumulative, total);
        QCOMPARE(sampleValue(text, "tidings_authd_login_duration_seconds_count"), total);
        QVERIFY(qAbs(sampleValue(text, "tidings_authd_login_duration_seconds_sum") - expectedSum) <
                1e-6);
    }

    void oddDurationsLandSomewhere()
    {
        Metrics m;
        m.loginDuration(-1); // a clock that stepped back counts as 0
        m.loginDuration(std::numeric_limits<double>::quiet_NaN());
        m.loginDuration(1e300);
        const QByteArray text = m.render();
        QCOMPARE(sampleValue(text, bucket("0.001")), 2.0);
        QCOMPARE(sampleValue(text, bucket("+Inf")), 3.0);
        QCOMPARE(sampleValue(text, "tidings_authd_login_duration_seconds_count"), 3.0);
    }

    void scrapedByPrometheusClient()
    {
        Metrics m;
        const int logins[] = {3, 2, 1, 4, 5}; // success failure locked busy resume
        for (int o = 0; o < Metrics::outcomeCount; ++o)
            for (int i = 0; i < logins[o]; ++i)
                m.login(Metrics::Outcome(o));
        m.lockout();
        for (int i = 0; i < 3; ++i)
            m.connectionOpened();
        m.connectionAuthenticated();
        for (double d : {0.0007, 0.003, 0.2, 7.0})
            m.loginDuration(d);
        m.databaseError();
        m.databaseError();
        m.databaseReconnect();
        m.setDatabaseUp(true);

        MetricsServer server(m);
        QString error;
        QVERIFY2(server.listen(QHostAddress::LocalHost, 0, &error), qPrintable(error));
        QProcess python;
        python.start(u"/usr/bin/python3"_s, {QFINDTESTDATA("scrape_metrics.py"),
                                             u"http://127.0.0.1:%1/metrics"_s.arg(server.port())});
        // The server answers on this thread: wait with the event loop running.
        QVERIFY(QTest::qWaitFor([&] { return python.state() == QProcess::NotRunning; }, 30000));
        QVERIFY2(python.exitCode() == 0, python.readAllStandardError().constData());
        const QJsonObject seen = QJsonDocument::fromJson(python.readAllStandardOutput()).object();
        QCOMPARE(seen[u"content_type"_s].toString(), u"text/plain; version=0.0.4; charset=utf-8"_s);

        QHash<QString, QString> types;
        QHash<QString, double> samples;
        for (const QJsonValue &f : seen[u"families"_s].toArray()) {
            const QJsonObject family = f.toObject();
            types[family[u"name"_s].toString()] = family[u"type"_s].toString();
            QVERIFY(!family[u"help"_s].toString().isEmpty());
            for (const QJsonValue &s : family[u"samples"_s].toArray()) {
                const QJsonArray sample = s.toArray();
                QStringList labels;
                const QJsonObject labelObject = sample[1].toObject();
                for (auto it = labelObject.begin(); it != labelObject.end(); ++it)
                    labels << it.key() + u'=' + it.value().toString();
                labels.sort();
                samples[sample[0].toString() + u'{' + labels.join(u',') + u'}'] =
                    sample[2].toDouble();
            }
        }
        const QHash<QString, QString> expectedTypes{
            {u"tidings_authd_logins"_s, u"counter"_s},
            {u"tidings_authd_lockouts"_s, u"counter"_s},
            {u"tidings_authd_connections"_s, u"gauge"_s},
            {u"tidings_authd_login_duration_seconds"_s, u"histogram"_s},
            {u"tidings_authd_database_errors"_s, u"counter"_s},
            {u"tidings_authd_database_reconnects"_s, u"counter"_s},
            {u"tidings_authd_database_up"_s, u"gauge"_s},
        };
        QCOMPARE(types, expectedTypes);
        const QString d = u"tidings_authd_login_duration_seconds"_s;
        const QHash<QString, double> expected{
            {u"tidings_authd_logins_total{outcome=success}"_s, 3},
            {u"tidings_authd_logins_total{outcome=failure}"_s, 2},
            {u"tidings_authd_logins_total{outcome=locked}"_s, 1},
            {u"tidings_authd_logins_total{outcome=busy}"_s, 4},
            {u"tidings_authd_logins_total{outcome=resume}"_s, 5},
            {u"tidings_authd_lockouts_total{}"_s, 1},
            {u"tidings_authd_connections{state=handshake}"_s, 2},
            {u"tidings_authd_connections{state=authenticated}"_s, 1},
            {d + u"_bucket{le=0.001}"_s, 1},
            {d + u"_bucket{le=0.0025}"_s, 1},
            {d + u"_bucket{le=0.005}"_s, 2},
            {d + u"_bucket{le=0.01}"_s, 2},
            {d + u"_bucket{le=0.025}"_s, 2},
            {d + u"_bucket{le=0.05}"_s, 2},
            {d + u"_bucket{le=0.1}"_s, 2},
            {d + u"_bucket{le=0.25}"_s, 3},
            {d + u"_bucket{le=0.5}"_s, 3},
            {d + u"_bucket{le=1}"_s, 3},
            {d + u"_bucket{le=2.5}"_s, 3},
            {d + u"_bucket{le=+Inf}"_s, 4},
            {d + u"_count{}"_s, 4},
            {d + u"_sum{}"_s, 0.0007 + 0.003 + 0.2 + 7.0},
            {u"tidings_authd_database_errors_total{}"_s, 2},
            {u"tidings_authd_database_reconnects_total{}"_s, 1},
            {u"tidings_authd_database_up{}"_s, 1},
        };
        QCOMPARE(samples.size(), expected.size());
        for (auto it = expected.begin(); it != expected.end(); ++it) {
            QVERIFY2(samples.contains(it.key()), qPrintable(it.key()));
            QVERIFY2(qFuzzyCompare(samples[it.key()], it.value()), qPrintable(it.key()));
        }
    }

    void promtoolLintsClean()
    {
        const QString promtool = QStandardPaths::findExecutable(u"promtool"_s);
        if (promtool.isEmpty())
            QSKIP("promtool (Debian's prometheus) not installed");
        Metrics m;
        m.login(Metrics::Outcome::Success);
        m.loginDuration(0.01);
        QProcess p;
        p.start(promtool, {u"check"_s, u"metrics"_s});
        QVERIFY(p.waitForStarted());
        p.write(m.render());
        p.closeWriteChannel();
        QVERIFY(p.waitForFinished(30000));
        const QByteArray said = p.readAllStandardOutput() + p.readAllStandardError();
        QVERIFY2(p.exitCode() == 0 && said.trimmed().isEmpty(), said.constData());
    }

    void healthSaysWhetherTheDatabaseIsUp()
    {
        Metrics m;
        MetricsServer server(m);
        QVERIFY(server.listen(QHostAddress::LocalHost, 0, nullptr));
        Reply r = exchange(server.port(), {"GET /health HTTP/1.0\r\n\r\n"});
        QVERIFY(r.closedByServer);
        QCOMPARE(statusLine(r.bytes), "HTTP/1.0 200 OK");
        QCOMPARE(body(r.bytes), "ok database=down\n");
        m.setDatabaseUp(true);
        r = exchange(server.port(), {"GET /health HTTP/1.1\r\nHost: x\r\nUser-Agent: t\r\n\r\n"});
        QCOMPARE(statusLine(r.bytes), "HTTP/1.0 200 OK");
        QCOMPARE(body(r.bytes), "ok database=up\n");
        QCOMPARE(header(r.bytes, "Content-Length"), "15");
    }

    void metricsOverHttp()
    {
        Metrics m;
        m.login(Metrics::Outcome::Busy);
        MetricsServer server(m);
        QVERIFY(server.listen(QHostAddress::LocalHost, 0, nullptr));
        // Qt's own HTTP client: status, headers and body as a real client reads them.
        QNetworkAccessManager manager;
        std::unique_ptr<QNetworkReply> reply(manager.get(
            QNetworkRequest(QUrl(u"http://127.0.0.1:%1/metrics"_s.arg(server.port())))));
        QVERIFY(QTest::qWaitFor([&] { return reply->isFinished(); }, 5000));
        QCOMPARE(reply->error(), QNetworkReply::NoError);
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        QCOMPARE(reply->header(QNetworkRequest::ContentTypeHeader).toString(),
                 u"text/plain; version=0.0.4; charset=utf-8"_s);
        QCOMPARE(reply->readAll(), m.render());

        // HEAD: the same headers, no body.
        const Reply head = exchange(server.port(), {"HEAD /metrics HTTP/1.0\r\n\r\n"});
        QCOMPARE(statusLine(head.bytes), "HTTP/1.0 200 OK");
        QCOMPARE(header(head.bytes, "Content-Length").toLongLong(), m.render().size());
        QVERIFY(head.bytes.endsWith("\r\n\r\n"));
        // A query string and a bare-LF client are fine; a request in pieces too.
        const Reply query = exchange(server.port(), {"GET /metrics?x=1 HTTP/1.0\n\n"});
        QCOMPARE(statusLine(query.bytes), "HTTP/1.0 200 OK");
        QCOMPARE(body(query.bytes), m.render());
        const Reply pieces = exchange(server.port(), {"GET /met", "rics HTTP/1.0\r\n", "\r\n"});
        QCOMPARE(statusLine(pieces.bytes), "HTTP/1.0 200 OK");
        QCOMPARE(body(pieces.bytes), m.render());
    }

    void otherRequestsAreRefused_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<QByteArray>("status");
        QTest::newRow("unknown path")
            << QByteArray("GET /metricsx HTTP/1.0\r\n\r\n") << QByteArray("HTTP/1.0 404 Not Found");
        QTest::newRow("root") << QByteArray("GET / HTTP/1.0\r\n\r\n")
                              << QByteArray("HTTP/1.0 404 Not Found");
        QTest::newRow("HEAD unknown")
            << QByteArray("HEAD /x HTTP/1.0\r\n\r\n") << QByteArray("HTTP/1.0 404 Not Found");
        QTest::newRow("POST") << QByteArray("POST /metrics HTTP/1.0\r\n\r\n")
                              << QByteArray("HTTP/1.0 405 Method Not Allowed");
        QTest::newRow("no version")
            << QByteArray("GET /metrics\r\n\r\n") << QByteArray("HTTP/1.0 400 Bad Request");
        QTest::newRow("TAP frame")
            << QByteArray("\0\0\0\x02{}\r\n\r\n", 10) << QByteArray("HTTP/1.0 400 Bad Request");
    }
    void otherRequestsAreRefused()
    {
        QFETCH(QByteArray, request);
        QFETCH(QByteArray, status);
        Metrics m;
        MetricsServer server(m);
        QVERIFY(server.listen(QHostAddress::LocalHost, 0, nullptr));
        const Reply r = exchange(server.port(), {request});
        QVERIFY(r.closedByServer);
        QCOMPARE(statusLine(r.bytes), status);
        QVERIFY(!body(r.bytes).contains("tidings_authd"));
    }

    void oversizedRequestIsDropped()
    {
        Metrics m;
        MetricsServer server(m);
        QVERIFY(server.listen(QHostAddress::LocalHost, 0, nullptr));
        // A head of exactly the limit is still answered...
        QByteArray fits = "GET /health HTTP/1.0\r\nX: ";
        fits += QByteArray(MetricsServer::maxRequestBytes - fits.size() - 4, 'a') + "\r\n\r\n";
        QCOMPARE(fits.size(), MetricsServer::maxRequestBytes);
        QCOMPARE(statusLine(exchange(server.port(), {fits}).bytes), "HTTP/1.0 200 OK");
        // ...one byte more is not, and neither is a request line that never ends.
        QByteArray over = fits;
        over.insert(30, 'a');
        Reply r = exchange(server.port(), {over});
        QVERIFY(r.closedByServer);
        QVERIFY2(!r.bytes.startsWith("HTTP/"), r.bytes.constData());
        r = exchange(server.port(), {"GET /" + QByteArray(100000, 'm')});
        QVERIFY(r.closedByServer);
        QVERIFY(r.bytes.isEmpty());
        QTRY_COMPARE(server.openConnections(), 0);
    }

    void slowRequestIsDropped()
    {
        Metrics m;
        MetricsServer server(m);
        QVERIFY(server.listen(QHostAddress::LocalHost, 0, nullptr));
        QElapsedTimer clock;
        clock.start();
        const Reply r = exchange(server.port(), {"GET /metrics HTTP/1.0\r\n"},
                                 MetricsServer::requestTimeoutMs + 3000);
        QVERIFY(r.closedByServer);
        QVERIFY(r.bytes.isEmpty());
        // Not earlier than the deadline, give or take a coarse timer's 5 %.
        QVERIFY2(clock.elapsed() >= MetricsServer::requestTimeoutMs * 95 / 100 - 50,
                 qPrintable(QString::number(clock.elapsed())));
    }

    void connectionsBeyondTheLimitWait()
    {
        Metrics m;
        MetricsServer server(m);
        QVERIFY(server.listen(QHostAddress::LocalHost, 0, nullptr));
        std::vector<std::unique_ptr<QTcpSocket>> idle;
        for (int i = 0; i < MetricsServer::maxConnections; ++i) {
            idle.push_back(std::make_unique<QTcpSocket>());
            idle.back()->connectToHost(QHostAddress::LocalHost, server.port());
        }
        QTRY_COMPARE(server.openConnections(), MetricsServer::maxConnections);
        QTcpSocket late;
        QByteArray answer;
        connect(&late, &QTcpSocket::readyRead, [&] { answer += late.readAll(); });
        late.connectToHost(QHostAddress::LocalHost, server.port());
        QVERIFY(QTest::qWaitFor([&] { return late.state() == QAbstractSocket::ConnectedState; }));
        late.write("GET /health HTTP/1.0\r\n\r\n");
        QTest::qWait(300);
        QVERIFY(answer.isEmpty()); // in the backlog, not served
        QCOMPARE(server.openConnections(), MetricsServer::maxConnections);
        idle.front()->abort();
        QTRY_VERIFY(answer.endsWith("ok database=down\n"));
        QCOMPARE(statusLine(answer), "HTTP/1.0 200 OK");
    }
};

QTEST_GUILESS_MAIN(TestMetrics)
#include "tst_metrics.moc"
