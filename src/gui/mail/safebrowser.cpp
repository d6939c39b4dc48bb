// SPDX-License-Identifier: GPL-3.0-or-later
#include "safebrowser.h"

#include "boundedimage.h"

#include <QScrollBar>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextFrame>

using namespace Qt::StringLiterals;

namespace Gui {

namespace {
constexpr int kBodyMargin = 10;
}

SafeBrowser::SafeBrowser(QWidget *parent)
    : QTextBrowser(parent)
{
    setOpenLinks(false);
    setOpenExternalLinks(false);
    setUndoRedoEnabled(false);
}

void SafeBrowser::reset(const QHash<QString, QImage> &inlineImages)
{
    m_inline = inlineImages;
    m_remote.clear();
    m_blocked.clear();
    m_wanted.clear();
    m_remoteAllowed = false;
}

void SafeBrowser::setRemoteAllowed(bool allowed)
{
    m_remoteAllowed = allowed;
}

void SafeBrowser::addRemoteResource(const QUrl &url, const QByteArray &data)
{
    m_remote.insert(url, data);
}

void SafeBrowser::setBody(const QString &html)
{
    setHtml(html);
    document()->setDocumentMargin(kBodyMargin);
    touchAllResources();
}

void SafeBrowser::rerender(const QString &html)
{
    const int x = horizontalScrollBar()->value();
    const int y = verticalScrollBar()->value();
    setBody(html); // clears the document's resource cache: each resource is asked again
    horizontalScrollBar()->setValue(x);
    verticalScrollBar()->setValue(y);
}

QVariant SafeBrowser::placeholder(int type, bool remote) const
{
    // Never a null QVariant: QTextDocument then reads the address itself as a local file.
    switch (type) {
    case QTextDocument::ImageResource: {
        QImage blank(1, 1, QImage::Format_ARGB32);
        blank.fill(remote ? QColor(0xe6, 0xe6, 0xe6) : QColor(Qt::transparent));
        return blank;
    }
    case QTextDocument::StyleSheetResource:
        return u"/* blocked */"_s;
    default:
        return QByteArray(" ");
    }
}

QVariant SafeBrowser::fromBytes(int type, const QByteArray &data) const
{
    if (type == QTextDocument::ImageResource) {
        const QImage image = BoundedImage::decode(data);
        return image.isNull() ? placeholder(type) : QVariant(image);
    }
    if (type == QTextDocument::StyleSheetResource)
        return QString(QString::fromUtf8(data) + u" "_s); // never empty
    return placeholder(type);
}

QVariant SafeBrowser::loadResource(int type, const QUrl &name)
{
    const QString scheme = name.scheme().toLower();
    if (scheme == u"cid"_s) {
        const QString id = name.path(QUrl::FullyDecoded);
        const QImage image = m_inline.value(id);
        if (type == QTextDocument::ImageResource && !image.isNull())
            return image;
        return placeholder(type);
    }
    if (scheme == u"data"_s) {
        BoundedImage::DataUrl data;
        if (!BoundedImage::parseDataUrl(name, &data))
            return placeholder(type);
        return fromBytes(type, data.payload);
    }
    if (const auto it = m_remote.constFind(name); it != m_remote.constEnd())
        return fromBytes(type, *it);
    if (m_remoteAllowed && (scheme == u"http"_s || scheme == u"https"_s)) {
        if (!m_wanted.contains(name)) {
            m_wanted.insert(name);
            Q_EMIT remoteResourceWanted(name);
        }
        return placeholder(type, true);
    }
    if (!m_blocked.contains(name)) {
        m_blocked.insert(name);
        Q_EMIT remoteResourceBlocked(name);
    }
    return placeholder(type, true);
}

namespace {

void touchFormat(QTextDocument *doc, const QTextFormat &format)
{
    if (format.hasProperty(QTextFormat::BackgroundImageUrl))
        doc->resource(QTextDocument::ImageResource,
                      QUrl(format.stringProperty(QTextFormat::BackgroundImageUrl)));
}

void touchFrame(QTextDocument *doc, QTextFrame *frame)
{
    touchFormat(doc, frame->frameFormat());
    for (QTextFrame *child : frame->childFrames())
        touchFrame(doc, child);
}

} // namespace

void SafeBrowser::touchAllResources()
{
    QTextDocument *doc = document();
    touchFrame(doc, doc->rootFrame());
    for (QTextBlock block = doc->begin(); block.isValid(); block = block.next()) {
        touchFormat(doc, block.blockFormat());
        touchFormat(doc, block.charFormat());
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextCharFormat format = it.fragment().charFormat();
            touchFormat(doc, format);
            if (format.isImageFormat())
                doc->resource(QTextDocument::ImageResource, QUrl(format.toImageFormat().name()));
        }
    }
}

} // namespace Gui
