// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QImage>
#include <QSet>
#include <QTextBrowser>
#include <QUrl>

namespace Gui {

// A QTextBrowser for mail bodies. It runs no script (QTextDocument has no
// engine), never follows a link itself (anchorClicked is the caller's), and
// loads only what the message carries: cid: parts and data: URLs. Every other
// resource (http, https, ftp, file:, relative, @import, backgrounds) is
// answered with an empty placeholder and counted, never read; once remote
// content is allowed, http and https addresses are asked of the caller
// (remoteResourceWanted) and shown from what it hands back (addRemoteResource).
class SafeBrowser : public QTextBrowser
{
    Q_OBJECT
public:
    explicit SafeBrowser(QWidget *parent = nullptr);

    // A new message: forgets its images, remote data, counts and the allowance.
    void reset(const QHash<QString, QImage> &inlineImages);
    void setRemoteAllowed(bool allowed);
    bool remoteAllowed() const { return m_remoteAllowed; }
    void addRemoteResource(const QUrl &url, const QByteArray &data);
    // Shows `html` (a body) and asks for its resources at once (see touchAllResources).
    void setBody(const QString &html);
    // Shows `html` again with what has been loaded since, keeping the scroll position.
    void rerender(const QString &html);
    // Asks for every image and background of the document now, so blocked
    // ones are counted before anything is painted.
    void touchAllResources();

    // Distinct addresses refused since reset().
    QSet<QUrl> blockedResources() const { return m_blocked; }

    QVariant loadResource(int type, const QUrl &name) override;

Q_SIGNALS:
    void remoteResourceBlocked(const QUrl &url);
    void remoteResourceWanted(const QUrl &url);

private:
    // `remote`: a grey box where a blocked remote image would be, so its place shows.
    QVariant placeholder(int type, bool remote = false) const;
    QVariant fromBytes(int type, const QByteArray &data) const;

    QHash<QString, QImage> m_inline; // by Content-ID
    QHash<QUrl, QByteArray> m_remote;
    QSet<QUrl> m_blocked;
    QSet<QUrl> m_wanted;
    bool m_remoteAllowed = false;
};

} // namespace Gui
