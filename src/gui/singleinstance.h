// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>

class QLocalServer;
class QLocalSocket;

namespace Gui {

// One running Tidings per profile and user. The first instance listens on a local socket
// (in $XDG_RUNTIME_DIR, else the temporary folder, named after a hash of the user and the
// profile); a later start hands its request to it and exits. A request is one line,
// "TIDINGS/1 <payload>\n", where the payload is empty (show the window) or a mailto: URL;
// the receiver answers "OK\n" to a request it took. Anything else, or a line over
// kMaxMessageBytes, is dropped without an answer.
class SingleInstance : public QObject
{
    Q_OBJECT
public:
    enum class Start {
        Forwarded, // another instance took the request: exit
        Listening, // this is the instance now
        NoAnswer,  // an instance listens but did not answer: do not start a second one on it
        Alone,     // no socket could be made (or it is another user's): run without one
    };

    // serverName: a full socket path; serverNameFor() gives the one for a profile.
    explicit SingleInstance(const QString &serverName, QObject *parent = nullptr);
    ~SingleInstance() override;

    // The socket path for a profile (its settings file names it) and the current user.
    static QString serverNameFor(const QString &profileSettingsFile);

    // Hands `request` (empty or a mailto: URL) to a running instance, or becomes it: a
    // socket file left by a crashed instance is removed. Blocks for at most a few seconds.
    Start start(const QString &request);

    enum class Forward {
        Delivered,  // a running instance answered "OK"
        NoInstance, // no socket, or one nobody accepts on (a crashed instance's)
        NoAnswer,   // connected, but no "OK" in time (or the request is too long to send)
    };
    // The sending half alone; usable from any thread.
    static Forward forward(const QString &serverName, const QString &request,
                           int timeoutMs = kAnswerTimeoutMs);

    bool isListening() const;
    QString serverName() const { return m_serverName; }

    // A mailto: URL is at most 256 Ki characters (Client::MailtoUrl), 3 UTF-8 bytes each.
    static constexpr qsizetype kMaxMessageBytes = 1024 * 1024;
    static constexpr int kAnswerTimeoutMs = 5000;
    static constexpr int kConnectTimeoutMs = 1000;
    static constexpr int kPeerTimeoutMs = 5000; // a connection that says nothing is closed
    static constexpr int kMaxPeers = 8;

Q_SIGNALS:
    // Every request taken: the window should come to the front.
    void activationRequested();
    // A request that carried a mailto: URL (not yet parsed: Client::MailtoUrl does that).
    void mailtoRequested(const QString &url);

private:
    bool listen();
    void acceptPeers();
    void readPeer(QLocalSocket *peer);

    QString m_serverName;
    QLocalServer *m_server = nullptr;
};

} // namespace Gui
