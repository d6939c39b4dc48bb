// SPDX-License-Identifier: GPL-3.0-or-later
#include "idlepool.h"

#include <QJsonObject>

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <netinet/in.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace LoadGen {

namespace {
constexpr int maxPendingConnects = 64;
constexpr int eventsPerWait = 256;

// A non-blocking socket already connecting to target, or -1.
int startConnect(const Target &target)
{
    sockaddr_storage storage{};
    socklen_t length = 0;
    if (target.address.protocol() == QAbstractSocket::IPv6Protocol) {
        auto *in6 = reinterpret_cast<sockaddr_in6 *>(&storage);
        in6->sin6_family = AF_INET6;
        in6->sin6_port = htons(target.port);
        const Q_IPV6ADDR bytes = target.address.toIPv6Address();
        std::memcpy(&in6->sin6_addr, bytes.c, sizeof bytes.c);
        length = sizeof *in6;
    } else {
        auto *in4 = reinterpret_cast<sockaddr_in *>(&storage);
        in4->sin_family = AF_INET;
        in4->sin_port = htons(target.port);
        in4->sin_addr.s_addr = htonl(target.address.toIPv4Address());
        length = sizeof *in4;
    }
    const int fd = ::socket(storage.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -1;
    if (::connect(fd, reinterpret_cast<sockaddr *>(&storage), length) < 0 && errno != EINPROGRESS) {
        ::close(fd);
        return -1;
    }
    return fd;
}
} // namespace

IdlePool::IdlePool(const Target &target, int count, QObject *parent)
    : QObject(parent)
    , m_target(target)
    , m_count(count)
    , m_epoll(::epoll_create1(EPOLL_CLOEXEC))
{
    m_connections.resize(size_t(count));
    if (m_epoll >= 0) {
        m_notifier = std::make_unique<QSocketNotifier>(m_epoll, QSocketNotifier::Read);
        connect(m_notifier.get(), &QSocketNotifier::activated, this, &IdlePool::onEvents);
    }
}

IdlePool::~IdlePool()
{
    m_notifier.reset();
    for (Connection &c : m_connections)
        if (c.fd >= 0)
            ::close(c.fd);
    if (m_epoll >= 0)
        ::close(m_epoll);
}

void IdlePool::start()
{
    openMore();
    checkSettled();
}

void IdlePool::openMore()
{
    while (m_opened < m_count && m_pending < maxPendingConnects) {
        Connection &c = m_connections[size_t(m_opened)];
        epoll_event event{};
        event.events = EPOLLIN | EPOLLRDHUP;
        event.data.u32 = quint32(m_opened);
        ++m_opened;
        c.fd = m_epoll >= 0 ? startConnect(m_target) : -1;
        if (c.fd >= 0 && ::epoll_ctl(m_epoll, EPOLL_CTL_ADD, c.fd, &event) == 0) {
            ++m_pending;
            continue;
        }
        if (c.fd >= 0) // out of descriptors, or the like: counted, not retried
            ::close(c.fd);
        c.fd = -1;
        c.state = Connection::State::Gone;
        ++m_failed;
    }
}

void IdlePool::onEvents()
{
    epoll_event events[eventsPerWait];
    int n = 0;
    while ((n = ::epoll_wait(m_epoll, events, eventsPerWait, 0)) > 0) {
        for (int i = 0; i < n; ++i) {
            Connection &c = m_connections[events[i].data.u32];
            if (events[i].events & EPOLLIN)
                onReadable(c);
            if (c.state != Connection::State::Gone &&
                (events[i].events & (EPOLLERR | EPOLLHUP | EPOLLRDHUP)))
                onGone(c);
        }
    }
}

void IdlePool::onReadable(Connection &c)
{
    char buffer[4096];
    ssize_t got = 0;
    while ((got = ::read(c.fd, buffer, sizeof buffer)) > 0) {
        if (c.state == Connection::State::Connecting)
            c.firstBytes.append(buffer, got); // later bytes: read, never answered
    }
    if (got == 0 || (got < 0 && errno != EAGAIN && errno != EWOULDBLOCK))
        return onGone(c);
    if (c.state != Connection::State::Connecting)
        return;
    Tap::FrameDecoder decoder;
    decoder.feed(c.firstBytes);
    QJsonObject message;
    QString error;
    const auto status = decoder.next(&message, &error);
    if (status == Tap::FrameDecoder::Status::NeedMore)
        return;
    c.firstBytes = QByteArray();
    if (status != Tap::FrameDecoder::Status::Frame || message.value(u"type"_s) != u"hello"_s)
        return onGone(c); // server-busy and the like: not held
    c.state = Connection::State::Held;
    --m_pending;
    ++m_held;
    openMore();
    checkSettled();
}

void IdlePool::onGone(Connection &c)
{
    if (c.state == Connection::State::Gone)
        return;
    if (c.state == Connection::State::Held) {
        --m_held;
        ++m_lost;
    } else {
        --m_pending;
        ++m_failed;
    }
    c.state = Connection::State::Gone;
    if (c.fd >= 0)
        ::close(c.fd); // also leaves the epoll set
    c.fd = -1;
    openMore();
    checkSettled();
}

void IdlePool::checkSettled()
{
    if (!m_settled && m_held + m_failed + m_lost == m_count) {
        m_settled = true;
        Q_EMIT settled();
    }
}

} // namespace LoadGen
