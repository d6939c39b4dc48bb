// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QObject>
#include <QSet>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

namespace Gui {

// Fetches the remote resources of one message once the user allowed them:
// http and https only, each address once, no cookies sent or kept, no cache,
// at most kMaxResourceBytes each, kMaxMessageBytes and kMaxResources per
// message, and kTimeoutMs per resource. cancelAll() starts a new message.
class RemoteFetcher : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 kMaxResourceBytes = 5LL * 1024 * 1024;
    static constexpr qint64 kMaxMessageBytes = 20LL * 1024 * 1024;
    static constexpr int kMaxResources = 100;
    static constexpr int kTimeoutMs = 10'000;
    static constexpr int kMaxRedirects = 3;

    explicit RemoteFetcher(QObject *parent = nullptr);
    ~RemoteFetcher() override;

    void fetch(const QUrl &url);
    void cancelAll();
    bool busy() const { return !m_replies.isEmpty(); }

Q_SIGNALS:
    void fetched(const QUrl &url, const QByteArray &data);
    void failed(const QUrl &url);
    // Every fetch asked for so far has ended.
    void idle();

private:
    void handleReadyRead(QNetworkReply *reply);
    void handleFinished(QNetworkReply *reply);
    void abort(QNetworkReply *reply);

    QNetworkAccessManager *m_network;
    QHash<QNetworkReply *, QUrl> m_replies;
    QHash<QNetworkReply *, QByteArray> m_data;
    QSet<QUrl> m_asked;
    qint64 m_total = 0;
};

} // namespace Gui
