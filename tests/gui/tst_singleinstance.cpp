// SPDX-License-Identifier: GPL-3.0-or-later
// One Tidings per profile (issue 12, item 5): a second start finds the first over the local
// socket and hands it a mailto: URL; a crashed instance's socket file is taken over; garbage,
// foreign and oversized requests are dropped; two profiles never meet. And the real program:
// `tidings --profile DIR mailto:...` while one runs exits 0 and the running one opens a
// compose window.
#include "client/settingsstore.h"
#include "core/common/profile.h"
#include "gui/singleinstance.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLocalServer>
#include <QLocalSocket>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <QThread>

#include <atomic>
#include <future>
#include <memory>
#include <tuple>

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using Gui::SingleInstance;

namespace {

// The sending side blocks, so it runs on its own thread while QTRY_* spins this one's events.
template<typename F> auto offThread(F f)
{
    return std::async(std::launch::async, std::move(f));
}

template<typename T> bool ready(const std::future<T> &future)
{
    return future.wait_for(std::chrono::seconds(0)) == std::future_status::ready;
}

// What a raw client gets back for these bytes: the answer, and whether it was hung up on.
struct RawReply
{
    QByteArray answer;
    bool closed = false;
    qint64 ms = 0; // until the hang-up
};

RawReply sendRaw(const QString &name, const QByteArray &bytes)
{
    QLocalSocket socket;
    socket.connectToServer(name);
    if (!socket.waitForConnected(2000))
        return {"not connected", false};
    socket.write(bytes);
    RawReply reply;
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < 3 * SingleInstance::kPeerTimeoutMs) {
        if (socket.state() == QLocalSocket::UnconnectedState) {
            reply.closed = true;
            reply.ms = clock.elapsed();
            break;
        }
        socket.waitForBytesWritten(50);
        socket.waitForReadyRead(50);
        reply.answer += socket.readAll();
    }
    reply.answer += socket.readAll();
    return reply;
}

// A socket file as a killed instance leaves it: bound, never unlinked, nobody accepting.
bool makeStaleSocket(const QString &path)
{
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    if (fd < 0)
        return false;
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    const QByteArray native = QFile::encodeName(path);
    if (native.size() >= qsizetype(sizeof(address.sun_path)))
        return false;
    std::memcpy(address.sun_path, native.constData(), native.size());
    const bool bound = ::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof(address)) == 0;
    ::close(fd);
    return bound;
}

} // namespace

class TestSingleInstance : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void secondStartHandsItsUrlToTheFirst();
    void aStartWithoutUrlOnlyRaisesTheWindow();
    void aCrashedInstancesSocketIsTakenOver();
    void garbageAndOversizedRequestsAreDropped_data();
    void garbageAndOversizedRequestsAreDropped();
    void twoStartsAtOnceMakeOneInstance();
    void aRequestTooLongToSendIsNotSent();
    void aSilentPeerIsHungUpOn();
    void aHungInstanceIsNotStartedOver();
    void differentProfilesDoNotMeet();
    void theSameProfileSpelledDifferentlyMeets();
    void theProgramHandsAMailtoUrlToTheRunningOne();

private:
    QString nameFor(const QString &profile) const
    {
        return SingleInstance::serverNameFor(
            Common::Profile::at(m_dir.filePath(profile)).settingsFile());
    }

    QTemporaryDir m_dir;
    QTemporaryDir m_runtime;
};

void TestSingleInstance::initTestCase()
{
    QVERIFY(m_dir.isValid() && m_runtime.isValid());
    // The sockets go here and nowhere near a real session's.
    qputenv("XDG_RUNTIME_DIR", QFile::encodeName(m_runtime.path()));
}

void TestSingleInstance::secondStartHandsItsUrlToTheFirst()
{
    const QString name = nameFor(u"deliver"_s);
    QVERIFY(
        name.startsWith(m_runtime.path() + u"/tidings-"_s + QString::number(::getuid()) + u'-'));
    SingleInstance first(name);
    QCOMPARE(first.start(QString()), SingleInstance::Start::Listening);
    QVERIFY(first.isListening());
    QSignalSpy urls(&first, &SingleInstance::mailtoRequested);
    QSignalSpy raises(&first, &SingleInstance::activationRequested);

    const QString url = u"mailto:a@b.example?subject=%E4%BD%A0%E5%A5%BD&cc=c@d.example&body=Hi"_s;
    auto second = offThread([name, url] { return SingleInstance(name).start(url); });
    QTRY_VERIFY_WITH_TIMEOUT(ready(second), 10000);
    QCOMPARE(second.get(), SingleInstance::Start::Forwarded);
    QCOMPARE(urls.size(), 1);
    QCOMPARE(urls.first().first().toString(), url);
    QCOMPARE(raises.size(), 1);

    // Raw UTF-8 in the URL arrives as it was sent, and the server keeps serving.
    const QString chinese = u"mailto:张三@例子.中国?subject=你好"_s;
    auto third = offThread([name, chinese] { return SingleInstance::forward(name, chinese); });
    QTRY_VERIFY_WITH_TIMEOUT(ready(third), 10000);
    QCOMPARE(third.get(), SingleInstance::Forward::Delivered);
    QCOMPARE(urls.size(), 2);
    QCOMPARE(urls.last().first().toString(), chinese);
}

void TestSingleInstance::aStartWithoutUrlOnlyRaisesTheWindow()
{
    const QString name = nameFor(u"raise"_s);
    SingleInstance first(name);
    QCOMPARE(first.start(QString()), SingleInstance::Start::Listening);
    QSignalSpy urls(&first, &SingleInstance::mailtoRequested);
    QSignalSpy raises(&first, &SingleInstance::activationRequested);
    auto second = offThread([name] { return SingleInstance(name).start(QString()); });
    QTRY_VERIFY_WITH_TIMEOUT(ready(second), 10000);
    QCOMPARE(second.get(), SingleInstance::Start::Forwarded);
    QCOMPARE(raises.size(), 1);
    QCOMPARE(urls.size(), 0);
}

void TestSingleInstance::aCrashedInstancesSocketIsTakenOver()
{
    const QString name = nameFor(u"stale"_s);
    QVERIFY(makeStaleSocket(name));
    QVERIFY(QFileInfo::exists(name));
    QCOMPARE(SingleInstance::forward(name, QString(), 2000), SingleInstance::Forward::NoInstance);

    SingleInstance revived(name);
    QCOMPARE(revived.start(u"mailto:x@y.example"_s), SingleInstance::Start::Listening);
    QSignalSpy urls(&revived, &SingleInstance::mailtoRequested);
    auto next = offThread([name] { return SingleInstance(name).start(u"mailto:p@q.example"_s); });
    QTRY_VERIFY_WITH_TIMEOUT(ready(next), 10000);
    QCOMPARE(next.get(), SingleInstance::Start::Forwarded);
    QCOMPARE(urls.size(), 1);
    QCOMPARE(urls.first().first().toString(), u"mailto:p@q.example"_s);
}

void TestSingleInstance::garbageAndOversizedRequestsAreDropped_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("no magic") << QByteArray("mailto:a@b.example\n");
    QTest::newRow("other version") << QByteArray("TIDINGS/2 mailto:a@b.example\n");
    QTest::newRow("not mailto") << QByteArray("TIDINGS/1 https://example.org/\n");
    QTest::newRow("file url") << QByteArray("TIDINGS/1 file:///etc/passwd\n");
    QTest::newRow("bad utf-8") << QByteArray("TIDINGS/1 mailto:a\xff\xfe@b.example\n");
    QTest::newRow("control character") << QByteArray("TIDINGS/1 mailto:a@b.example\r\n");
    QTest::newRow("nul") << QByteArray("TIDINGS/1 mailto:a\0@b.example\n", 32);
    QTest::newRow("binary") << QByteArray(4096, '\x01') + '\n';
    QTest::newRow("oversized, no line end")
        << QByteArray(SingleInstance::kMaxMessageBytes + 4096, 'a');
    QTest::newRow("oversized mailto") << "TIDINGS/1 mailto:a@b.example?body=" +
                                             QByteArray(SingleInstance::kMaxMessageBytes, 'x') +
                                             '\n';
}

void TestSingleInstance::garbageAndOversizedRequestsAreDropped()
{
    QFETCH(QByteArray, bytes);
    const QString name = nameFor(u"garbage"_s);
    SingleInstance first(name);
    QCOMPARE(first.start(QString()), SingleInstance::Start::Listening);
    QSignalSpy urls(&first, &SingleInstance::mailtoRequested);
    QSignalSpy raises(&first, &SingleInstance::activationRequested);

    auto raw = offThread([name, bytes] { return sendRaw(name, bytes); });
    QTRY_VERIFY_WITH_TIMEOUT(ready(raw), 4 * SingleInstance::kPeerTimeoutMs);
    const RawReply reply = raw.get();
    QVERIFY2(reply.closed, "the server must hang up on what it does not take");
    // At once, not when the idle peer's time runs out.
    QVERIFY2(reply.ms < SingleInstance::kPeerTimeoutMs / 2,
             QByteArray::number(reply.ms).constData());
    QCOMPARE(reply.answer, QByteArray());
    QCOMPARE(urls.size(), 0);
    QCOMPARE(raises.size(), 0);

    // Still serving.
    auto valid =
        offThread([name] { return SingleInstance::forward(name, u"mailto:ok@b.example"_s); });
    QTRY_VERIFY_WITH_TIMEOUT(ready(valid), 10000);
    QCOMPARE(valid.get(), SingleInstance::Forward::Delivered);
    QCOMPARE(urls.size(), 1);
}

void TestSingleInstance::twoStartsAtOnceMakeOneInstance()
{
    // Without the lock both may find nobody and both listen (the later one's socket replacing
    // the earlier one's file): several rounds make that interleaving likely.
    QThread *main = QThread::currentThread();
    for (int round = 0; round < 20; ++round) {
        const QString name = nameFor(u"race-%1"_s.arg(round));
        std::atomic<int> waiting{2};
        auto racer = [name, main, &waiting] {
            auto instance = std::make_unique<SingleInstance>(name);
            --waiting;
            while (waiting.load() > 0) {
            }
            const SingleInstance::Start result = instance->start(u"mailto:r@s.example"_s);
            instance->moveToThread(main); // the listening one answers from the test's events
            return std::make_pair(result, std::move(instance));
        };
        auto one = offThread(racer);
        auto two = offThread(racer);
        QTRY_VERIFY_WITH_TIMEOUT(ready(one) && ready(two), 20000);
        auto [resultOne, instanceOne] = one.get();
        auto [resultTwo, instanceTwo] = two.get();
        const QList<SingleInstance::Start> results{resultOne, resultTwo};
        QVERIFY2(results.count(SingleInstance::Start::Listening) == 1 &&
                     results.count(SingleInstance::Start::Forwarded) == 1,
                 qPrintable(
                     u"round %1: %2 and %3"_s.arg(round).arg(int(resultOne)).arg(int(resultTwo))));
    }
}

void TestSingleInstance::aRequestTooLongToSendIsNotSent()
{
    const QString name = nameFor(u"toolong"_s);
    SingleInstance first(name);
    QCOMPARE(first.start(QString()), SingleInstance::Start::Listening);
    QSignalSpy raises(&first, &SingleInstance::activationRequested);
    const QString url =
        u"mailto:a@b.example?body="_s + QString(SingleInstance::kMaxMessageBytes, u'x');
    QCOMPARE(SingleInstance::forward(name, url), SingleInstance::Forward::NoAnswer);
    QTest::qWait(50);
    QCOMPARE(raises.size(), 0);
}

void TestSingleInstance::aSilentPeerIsHungUpOn()
{
    const QString name = nameFor(u"silent"_s);
    SingleInstance first(name);
    QCOMPARE(first.start(QString()), SingleInstance::Start::Listening);
    auto raw = offThread([name] { return sendRaw(name, "TIDINGS/1 mailto:half-way"); });
    QTRY_VERIFY_WITH_TIMEOUT(ready(raw), 4 * SingleInstance::kPeerTimeoutMs);
    const RawReply reply = raw.get();
    QVERIFY(reply.closed);
    QCOMPARE(reply.answer, QByteArray());
    QVERIFY2(reply.ms >= SingleInstance::kPeerTimeoutMs - 500,
             QByteArray::number(reply.ms).constData());
}

void TestSingleInstance::aHungInstanceIsNotStartedOver()
{
    // Something listens on the name but never answers (an instance stuck in a long operation).
    const QString name = nameFor(u"hung"_s);
    QLocalServer hung;
    QVERIFY(hung.listen(name));
    auto second = offThread([name] {
        QElapsedTimer clock;
        clock.start();
        SingleInstance instance(name);
        const SingleInstance::Start result = instance.start(u"mailto:a@b.example"_s);
        return std::make_tuple(result, instance.isListening(), clock.elapsed());
    });
    QTRY_VERIFY_WITH_TIMEOUT(ready(second), 4 * SingleInstance::kAnswerTimeoutMs);
    const auto [result, listening, ms] = second.get();
    QCOMPARE(result, SingleInstance::Start::NoAnswer);
    QVERIFY(!listening);
    QVERIFY(hung.isListening());
    QVERIFY(QFileInfo::exists(name)); // its socket was left alone
    QVERIFY2(ms < 3 * SingleInstance::kAnswerTimeoutMs, QByteArray::number(ms).constData());
}

void TestSingleInstance::differentProfilesDoNotMeet()
{
    const QString nameA = nameFor(u"profile-a"_s);
    const QString nameB = nameFor(u"profile-b"_s);
    QVERIFY(nameA != nameB);
    SingleInstance a(nameA);
    QCOMPARE(a.start(QString()), SingleInstance::Start::Listening);
    QSignalSpy raisesA(&a, &SingleInstance::activationRequested);

    SingleInstance b(nameB);
    QCOMPARE(b.start(u"mailto:x@y.example"_s), SingleInstance::Start::Listening);
    QVERIFY(a.isListening() && b.isListening());
    QTest::qWait(50);
    QCOMPARE(raisesA.size(), 0);

    // The standard profile (no --profile) has a name of its own too.
    const QString standard =
        SingleInstance::serverNameFor(Common::Profile::standard().settingsFile());
    QVERIFY(standard != nameA && standard != nameB);
}

void TestSingleInstance::theSameProfileSpelledDifferentlyMeets()
{
    const QString name = nameFor(u"spelled"_s);
    const QString dotted = SingleInstance::serverNameFor(
        Common::Profile::at(m_dir.path() + u"/./spelled/../spelled"_s).settingsFile());
    QCOMPARE(dotted, name);
    QVERIFY(QFile::link(m_dir.filePath(u"spelled"_s), m_dir.filePath(u"linked"_s)));
    QCOMPARE(nameFor(u"linked"_s), name);
}

void TestSingleInstance::theProgramHandsAMailtoUrlToTheRunningOne()
{
    // A profile with an identity that can send, so the compose window opens (not the question
    // about setting one up). No incoming server: nothing is fetched.
    const QString profileDir = m_dir.filePath(u"program"_s);
    {
        Client::SettingsStore settings(Common::Profile::at(profileDir));
        Types::AccountSettings account;
        account.email = u"me@example.org"_s;
        account.displayName = u"Me"_s;
        account.smtpHost = u"127.0.0.1"_s;
        account.smtpPort = 1;
        settings.setAccounts({account});
        settings.sync();
        QCOMPARE(settings.accounts().size(), 1);
    }
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    env.insert(u"XDG_RUNTIME_DIR"_s, m_runtime.path());
    env.insert(u"TIDINGS_TRACE_INSTANCE"_s, u"1"_s);
    const QStringList profile{u"--profile"_s, profileDir};

    // No instance yet: this one starts and opens its own link.
    QProcess first;
    first.setProcessEnvironment(env);
    first.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    first.start(QStringLiteral(TIDINGS_EXE),
                profile + QStringList{u"mailto:a@b.example?subject=First"_s});
    QByteArray out;
    auto sawLine = [&](const QByteArray &line) {
        out += first.readAllStandardOutput();
        return out.contains(line);
    };
    QTRY_VERIFY_WITH_TIMEOUT(sawLine("listening\n"), 30000);
    QTRY_VERIFY_WITH_TIMEOUT(sawLine("mailto opened: subject=First compose-windows=1\n"), 30000);

    // A second start hands its link over and leaves at once.
    QProcess second;
    second.setProcessEnvironment(env);
    QElapsedTimer clock;
    clock.start();
    second.start(QStringLiteral(TIDINGS_EXE),
                 profile + QStringList{u"mailto:x@y.example?subject=Hi"_s});
    QVERIFY(second.waitForFinished(15000));
    qInfo("second start took %lld ms", qlonglong(clock.elapsed()));
    QCOMPARE(second.exitStatus(), QProcess::NormalExit);
    QCOMPARE(second.exitCode(), 0);
    QCOMPARE(second.readAllStandardOutput(), QByteArray()); // it never became an instance
    QTRY_VERIFY_WITH_TIMEOUT(sawLine("mailto opened: subject=Hi compose-windows=2\n"), 15000);

    // Not a mailto: link: refused, nothing sent.
    QProcess wrong;
    wrong.setProcessEnvironment(env);
    wrong.start(QStringLiteral(TIDINGS_EXE), profile + QStringList{u"https://example.org/"_s});
    QVERIFY(wrong.waitForFinished(15000));
    QCOMPARE(wrong.exitCode(), 2);

    first.kill();
    QVERIFY(first.waitForFinished(15000));
    QVERIFY2(!out.contains("subject=https"), out.constData());
}

QTEST_MAIN(TestSingleInstance)
#include "tst_singleinstance.moc"
