// SPDX-License-Identifier: GPL-3.0-or-later
#include "singleinstance.h"

#include "client/mailtourl.h"
#include "platform/currentuser.h"
#include "platform/qtpath.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>
#include <QLocalServer>
#include <QLocalSocket>
#include <QLockFile>
#include <QLoggingCategory>
#include <QStringDecoder>
#include <QTimer>

#include <optional>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcSingleInstance, "tidings.gui.singleinstance")

namespace Gui {

namespace {

static_assert(Client::MailtoUrl::kMaxLength * 3 + 64 <= SingleInstance::kMaxMessageBytes);

constexpr QByteArrayView kMagic = "TIDINGS/1 ";
constexpr QByteArrayView kAnswer = "OK\n";
constexpr int kLockTimeoutMs =
    SingleInstance::kAnswerTimeoutMs + SingleInstance::kConnectTimeoutMs + 1000;

// The uid on POSIX, the account's SID on Windows.
QString userKey()
{
    return QString::fromStdString(Platform::currentUserKey());
}

// A socket someone else made (another user in a shared /tmp) is never talked to.
bool ownedByAnotherUser(const QString &path)
{
    return Platform::ownedByAnotherUser(Platform::toPath(path));
}

// The per-user runtime folder (mode 0700) when the session has one, else the temporary folder.
QString socketDirectory()
{
    const QString runtime = qEnvironmentVariable("XDG_RUNTIME_DIR");
    if (!runtime.isEmpty() && QFileInfo(runtime).isDir() && !ownedByAnotherUser(runtime))
        return runtime;
    return QDir::tempPath();
}

bool isMailto(QStringView text)
{
    return text.startsWith(u"mailto:", Qt::CaseInsensitive);
}

// The payload of a valid request line (without its '\n'), or nullopt.
std::optional<QString> payloadOf(QByteArrayView line)
{
    if (!line.startsWith(kMagic))
        return std::nullopt;
    const QByteArrayView bytes = line.sliced(kMagic.size());
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString payload = decoder.decode(bytes);
    if (decoder.hasError())
        return std::nullopt;
    for (const QChar c : std::as_const(payload))
        if (c.category() == QChar::Other_Control)
            return std::nullopt;
    if (!payload.isEmpty() && !isMailto(payload))
        return std::nullopt;
    return payload;
}

} // namespace

SingleInstance::SingleInstance(const QString &serverName, QObject *parent)
    : QObject(parent)
    , m_serverName(serverName)
{}

SingleInstance::~SingleInstance() = default;

QString SingleInstance::serverNameFor(const QString &profileSettingsFile)
{
    const QFileInfo file(profileSettingsFile);
    const QFileInfo folder(file.absolutePath());
    const QString where =
        (folder.exists() ? folder.canonicalFilePath() : folder.absoluteFilePath()) + u'/' +
        file.fileName();
    const QByteArray key = userKey().toUtf8() + '\0' + where.toUtf8();
    const QByteArray hash =
        QCryptographicHash::hash(key, QCryptographicHash::Sha256).toHex().left(20);
    return socketDirectory() + u"/tidings-"_s + userKey() + u'-' + QString::fromLatin1(hash);
}

SingleInstance::Start SingleInstance::start(const QString &request)
{
    // Two starts at once must not both decide that nobody runs and remove each other's
    // socket; QLockFile takes over a lock whose process died.
    QLockFile lock(m_serverName + u".lock"_s);
    if (!lock.tryLock(kLockTimeoutMs))
        qCWarning(lcSingleInstance) << "could not take" << lock.error() << "- going on without it";

    switch (forward(m_serverName, request, kAnswerTimeoutMs)) {
    case Forward::Delivered:
        return Start::Forwarded;
    case Forward::NoAnswer:
        qCWarning(lcSingleInstance)
            << "an instance listens on" << m_serverName << "but did not answer";
        return Start::NoAnswer;
    case Forward::NoInstance:
        break;
    }
    if (ownedByAnotherUser(m_serverName)) {
        qCWarning(lcSingleInstance) << m_serverName << "belongs to another user; running alone";
        return Start::Alone;
    }
    // Nobody accepts there: what is left is a crashed instance's socket file. (Qt's user-only
    // listen() would also rename its new socket over it; this does not rely on that.)
    QLocalServer::removeServer(m_serverName);
    return listen() ? Start::Listening : Start::Alone;
}

SingleInstance::Forward SingleInstance::forward(const QString &serverName, const QString &request,
                                                int timeoutMs)
{
    if (ownedByAnotherUser(serverName))
        return Forward::NoInstance;
    const QByteArray message = kMagic.toByteArray() + request.toUtf8() + '\n';
    if (message.size() > kMaxMessageBytes)
        return Forward::NoAnswer;
    QLocalSocket socket;
    socket.connectToServer(serverName);
    if (!socket.waitForConnected(kConnectTimeoutMs))
        return Forward::NoInstance; // no file, or a file nobody accepts on
    const QDeadlineTimer deadline(timeoutMs);
    socket.write(message);
    while (socket.bytesToWrite() > 0)
        if (!socket.waitForBytesWritten(int(deadline.remainingTime())))
            return Forward::NoAnswer;
    while (!socket.canReadLine()) {
        if (socket.bytesAvailable() > kAnswer.size() ||
            !socket.waitForReadyRead(int(deadline.remainingTime())))
            return Forward::NoAnswer;
    }
    return socket.readLine(kAnswer.size() + 1) == kAnswer ? Forward::Delivered : Forward::NoAnswer;
}

bool SingleInstance::isListening() const
{
    return m_server && m_server->isListening();
}

bool SingleInstance::listen()
{
    auto *server = new QLocalServer(this);
    server->setSocketOptions(QLocalServer::UserAccessOption);
    connect(server, &QLocalServer::newConnection, this, &SingleInstance::acceptPeers);
    if (!server->listen(m_serverName)) {
        qCWarning(lcSingleInstance) << "cannot listen on" << m_serverName << server->errorString();
        delete server;
        return false;
    }
    m_server = server;
    return true;
}

void SingleInstance::acceptPeers()
{
    while (QLocalSocket *peer = m_server->nextPendingConnection()) {
        peer->setParent(this);
        connect(peer, &QLocalSocket::disconnected, peer, &QObject::deleteLater);
        if (findChildren<QLocalSocket *>(Qt::FindDirectChildrenOnly).size() > kMaxPeers) {
            peer->abort();
            peer->deleteLater();
            continue;
        }
        // Memory stays bounded: Qt stops reading once this much waits unread.
        peer->setReadBufferSize(kMaxMessageBytes);
        connect(peer, &QLocalSocket::readyRead, this, [this, peer] { readPeer(peer); });
        QTimer::singleShot(kPeerTimeoutMs, peer, [peer] {
            peer->abort();
            peer->deleteLater();
        });
        if (peer->bytesAvailable() > 0)
            readPeer(peer);
    }
}

void SingleInstance::readPeer(QLocalSocket *peer)
{
    if (!peer->canReadLine()) {
        if (peer->bytesAvailable() >= kMaxMessageBytes) {
            qCInfo(lcSingleInstance) << "dropped a request over" << kMaxMessageBytes << "bytes";
            peer->abort();
            peer->deleteLater();
        }
        return;
    }
    QByteArray line = peer->readLine(kMaxMessageBytes + 1);
    line.chop(1);
    const std::optional<QString> payload = payloadOf(line);
    if (!payload) {
        qCInfo(lcSingleInstance) << "dropped a request that is not ours";
        peer->abort();
        peer->deleteLater();
        return;
    }
    disconnect(peer, &QLocalSocket::readyRead, this, nullptr);
    peer->write(kAnswer.data(), kAnswer.size());
    peer->flush();
    peer->disconnectFromServer();
    // The answer is out before the window opens: the sender can exit at once.
    Q_EMIT activationRequested();
    if (!payload->isEmpty())
        Q_EMIT mailtoRequested(*payload);
}

} // namespace Gui
