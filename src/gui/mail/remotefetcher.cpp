// SPDX-License-Identifier: GPL-3.0-or-later
#include "remotefetcher.h"

#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkCookie>
#include <QNetworkCookieJar>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcRemote, "tidings.gui.remote", QtWarningMsg)

namespace Gui {

namespace {

// A jar that never keeps nor sends anything: a tracker cannot recognise us by a cookie.
class NoCookies : public QNetworkCookieJar
{
public:
    using QNetworkCookieJar::QNetworkCookieJar;
    QList<QNetworkCookie> cookiesForUrl(const QUrl &) const override { return {}; }
    bool setCookiesFromUrl(const QList<QNetworkCookie> &, const QUrl &) override { return false; }
};

bool isWeb(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    return scheme == u"http"_s || scheme == u"https"_s;
}

} // namespace

RemoteFetcher::RemoteFetcher(QObject *parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
{
    m_network->setCookieJar(new NoCookies(m_network));
    m_network->setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
    m_network->setTransferTimeout(kTimeoutMs);
}

RemoteFetcher::~RemoteFetcher()
{
    cancelAll();
}

void RemoteFetcher::fetch(const QUrl &url)
{
    if (!isWeb(url) || m_asked.contains(url))
        return;
    m_asked.insert(url);
    if (m_asked.size() > kMaxResources || m_total >= kMaxMessageBytes) {
        qCInfo(lcRemote) << "over the message's limits, not fetched:" << url;
        Q_EMIT failed(url);
        return;
    }
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute,
                         QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    request.setMaximumRedirectsAllowed(kMaxRedirects);
    QNetworkReply *reply = m_network->get(request);
    m_replies.insert(reply, url);
    connect(reply, &QNetworkReply::readyRead, this, [this, reply] { handleReadyRead(reply); });
    connect(reply, &QNetworkReply::finished, this, [this, reply] { handleFinished(reply); });
    connect(reply, &QNetworkReply::redirected, this, [this, reply](const QUrl &to) {
        if (!isWeb(to))
            abort(reply);
    });
    // transferTimeout is for silence; this bounds a slow trickle too.
    QTimer::singleShot(kTimeoutMs, reply, [this, reply] { abort(reply); });
}

void RemoteFetcher::handleReadyRead(QNetworkReply *reply)
{
    if (!m_replies.contains(reply))
        return;
    QByteArray &data = m_data[reply];
    data += reply->readAll();
    if (data.size() > kMaxResourceBytes || m_total + data.size() > kMaxMessageBytes) {
        qCInfo(lcRemote) << "too large, dropped:" << m_replies.value(reply);
        abort(reply);
    }
}

void RemoteFetcher::abort(QNetworkReply *reply)
{
    if (!m_replies.contains(reply))
        return;
    m_data.remove(reply);
    m_data.insert(reply, QByteArray()); // nothing of it is shown
    reply->setProperty("tidings-refused", true);
    reply->abort(); // emits finished
}

void RemoteFetcher::handleFinished(QNetworkReply *reply)
{
    const QUrl url = m_replies.take(reply);
    const QByteArray data = m_data.take(reply) + reply->readAll();
    const bool refused = reply->property("tidings-refused").toBool();
    reply->deleteLater();
    if (url.isEmpty())
        return; // cancelled
    if (refused || reply->error() != QNetworkReply::NoError || data.size() > kMaxResourceBytes) {
        qCInfo(lcRemote) << "not loaded:" << url << reply->errorString();
        Q_EMIT failed(url);
    } else {
        m_total += data.size();
        Q_EMIT fetched(url, data);
    }
    if (m_replies.isEmpty())
        Q_EMIT idle();
}

void RemoteFetcher::cancelAll()
{
    const auto replies = m_replies.keys();
    m_replies.clear();
    m_data.clear();
    m_asked.clear();
    m_total = 0;
    for (QNetworkReply *reply : replies) {
        reply->abort();
        reply->deleteLater();
    }
}

} // namespace Gui
