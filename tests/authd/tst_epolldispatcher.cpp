// SPDX-License-Identifier: GPL-3.0-or-later
// The server threads' epoll dispatcher, as Qt's own code uses a dispatcher:
// this whole test runs on it (QTest's waits included), timers, notifiers,
// TCP, deferred deletes, calls from other threads and many idle descriptors.
#include "epolldispatcher.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QPointer>
#include <QSignalSpy>
#include <QSocketNotifier>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <functional>
#include <memory>
#include <vector>

#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {
struct SocketPair
{
    int fd[2] = {-1, -1};
    SocketPair() { ::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, fd); }
    ~SocketPair()
    {
        ::close(fd[0]);
        ::close(fd[1]);
    }
};
} // namespace

class TestEpollDispatcher : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void isTheDispatcherInUse()
    {
        QVERIFY(qobject_cast<Authd::EpollDispatcher *>(QAbstractEventDispatcher::instance()));
    }

    void timersFireAndStop()
    {
        int single = 0, periodic = 0;
        QTimer::singleShot(30, this, [&] { ++single; });
        QTimer repeat;
        repeat.setInterval(10);
        connect(&repeat, &QTimer::timeout, this, [&] {
            if (++periodic == 5)
                repeat.stop(); // stopped from its own handler
        });
        repeat.start();
        QVERIFY(repeat.remainingTime() >= 0);
        QTRY_COMPARE(single, 1);
        QTRY_COMPARE(periodic, 5);
        QTest::qWait(60);
        QCOMPARE(single, 1);
        QCOMPARE(periodic, 5);
        QCOMPARE(repeat.remainingTime(), -1);
    }

    void aTimerStoppedByAnotherDueAtTheSameTimeIsNotFired()
    {
        QTimer first, second;
        QStringList fired;
        first.setSingleShot(true);
        second.setSingleShot(true);
        connect(&first, &QTimer::timeout, this, [&] {
            fired << u"first"_s;
            second.stop();
        });
        connect(&second, &QTimer::timeout, this, [&] {
            fired << u"second"_s;
            first.stop();
        });
        first.start(20);
        second.start(20);
        QTest::qWait(80);
        QCOMPARE(fired.size(), 1); // whichever went first, the other was due yet never fired
    }

    void notifiersFollowReadiness()
    {
        SocketPair pair;
        QSocketNotifier readable(pair.fd[0], QSocketNotifier::Read);
        int activations = 0;
        connect(&readable, &QSocketNotifier::activated, this, [&] {
            char buffer[16];
            while (::read(pair.fd[0], buffer, sizeof buffer) > 0) {
            }
            ++activations;
        });
        QTest::qWait(30);
        QCOMPARE(activations, 0); // nothing to read: never woken
        QCOMPARE(::write(pair.fd[1], "x", 1), 1);
        QTRY_COMPARE(activations, 1);
        readable.setEnabled(false);
        QCOMPARE(::write(pair.fd[1], "y", 1), 1);
        QTest::qWait(30);
        QCOMPARE(activations, 1); // disabled: not reported
        readable.setEnabled(true);
        QTRY_COMPARE(activations, 2); // level-triggered: the byte waiting is reported at once
        QSocketNotifier writable(pair.fd[1], QSocketNotifier::Write);
        QSignalSpy spy(&writable, &QSocketNotifier::activated);
        QVERIFY(spy.wait(1000));
        writable.setEnabled(false);
    }

    void aNotifierDeletedInItsOwnHandlerIsSafe()
    {
        SocketPair pair;
        auto *reader = new QSocketNotifier(pair.fd[0], QSocketNotifier::Read);
        auto *writer = new QSocketNotifier(pair.fd[0], QSocketNotifier::Write); // same descriptor
        bool done = false;
        connect(reader, &QSocketNotifier::activated, this, [&] {
            delete reader;
            delete writer; // the other one of this descriptor, same pass
            done = true;
        });
        connect(writer, &QSocketNotifier::activated, this, [&] {
            delete reader;
            delete writer;
            done = true;
        });
        QCOMPARE(::write(pair.fd[1], "x", 1), 1);
        QTRY_VERIFY(done);
        QTest::qWait(20);
    }

    void tcpAndDeferredDeletes()
    {
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        QByteArray echoed;
        connect(&server, &QTcpServer::newConnection, this, [&] {
            QTcpSocket *peer = server.nextPendingConnection();
            connect(peer, &QTcpSocket::readyRead, peer, [peer] { peer->write(peer->readAll()); });
            connect(peer, &QTcpSocket::disconnected, peer, &QObject::deleteLater);
        });
        QTcpSocket client;
        connect(&client, &QTcpSocket::readyRead, this, [&] { echoed += client.readAll(); });
        client.connectToHost(QHostAddress::LocalHost, server.serverPort());
        QVERIFY(client.waitForConnected(2000));
        const QByteArray big(512 * 1024, 'z'); // more than the buffers hold: write notifiers too
        client.write(big);
        QTRY_COMPARE_WITH_TIMEOUT(echoed.size(), big.size(), 10000);
        QCOMPARE(echoed, big);
        QPointer<QObject> gone = new QObject;
        gone->deleteLater();
        QTRY_VERIFY(gone.isNull());
    }

    void aChainOfPostsToItselfNeverSleeps()
    {
        // Each queued call posts the next while the previous batch is being sent: the
        // dispatcher must not sleep with one waiting (it writes no eventfd for its own posts).
        QEventLoop loop;
        int left = 1000;
        std::function<void()> step = [&] {
            if (--left == 0)
                return loop.quit();
            QMetaObject::invokeMethod(&loop, step, Qt::QueuedConnection);
        };
        QElapsedTimer timer;
        timer.start();
        QMetaObject::invokeMethod(&loop, step, Qt::QueuedConnection);
        QTimer::singleShot(5000, &loop, &QEventLoop::quit); // only if it slept
        loop.exec();
        QCOMPARE(left, 0);
        QVERIFY2(timer.elapsed() < 4000, "slept with a posted event waiting");
    }

    void otherThreadsWakeIt()
    {
        QThread other;
        other.start();
        QObject there;
        there.moveToThread(&other);
        QEventLoop loop;
        bool called = false;
        QElapsedTimer timer;
        timer.start();
        // From the other thread, a call into this one, which sleeps in epoll_wait meanwhile.
        QMetaObject::invokeMethod(&there, [&] {
            QThread::msleep(50);
            QMetaObject::invokeMethod(
                &loop,
                [&] {
                    called = true;
                    loop.quit();
                },
                Qt::QueuedConnection);
        });
        QTimer::singleShot(5000, &loop, &QEventLoop::quit); // only if never woken
        loop.exec();
        QVERIFY(called);
        QVERIFY2(timer.elapsed() < 4000, "woken by the safety timer, not by the call");
        other.quit();
        other.wait();
    }

    void manyIdleDescriptorsAndOneBusy()
    {
        std::vector<std::unique_ptr<SocketPair>> idle;
        std::vector<std::unique_ptr<QSocketNotifier>> watching;
        for (int i = 0; i < 3000; ++i) {
            idle.push_back(std::make_unique<SocketPair>());
            watching.push_back(
                std::make_unique<QSocketNotifier>(idle.back()->fd[0], QSocketNotifier::Read));
        }
        SocketPair busy;
        QSocketNotifier echo(busy.fd[0], QSocketNotifier::Read);
        int rounds = 0;
        connect(&echo, &QSocketNotifier::activated, this, [&] {
            char c;
            while (::read(busy.fd[0], &c, 1) == 1)
                ++rounds;
            if (rounds < 2000)
                QCOMPARE(::write(busy.fd[1], "p", 1), 1);
        });
        QCOMPARE(::write(busy.fd[1], "p", 1), 1);
        QTRY_COMPARE_WITH_TIMEOUT(rounds, 2000, 20000);
        // One idle one speaks up: only it is reported.
        int spoke = 0;
        connect(watching[1234].get(), &QSocketNotifier::activated, this, [&] {
            char c;
            while (::read(idle[1234]->fd[0], &c, 1) == 1) {
            }
            ++spoke;
        });
        QCOMPARE(::write(idle[1234]->fd[1], "!", 1), 1);
        QTRY_COMPARE(spoke, 1);
    }
};

int main(int argc, char **argv)
{
    QCoreApplication::setEventDispatcher(new Authd::EpollDispatcher);
    QCoreApplication app(argc, argv);
    TestEpollDispatcher test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_epolldispatcher.moc"
