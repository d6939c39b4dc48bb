// SPDX-License-Identifier: GPL-3.0-or-later
#include "boundedimage.h"

#include <QBuffer>
#include <QImageReader>

using namespace Qt::StringLiterals;

namespace Gui::BoundedImage {

QImage decode(const QByteArray &data)
{
    static const QList<QByteArray> allowed = {"png", "jpeg", "jpg", "gif", "bmp", "webp", "ico"};
    QBuffer buffer;
    buffer.setData(data);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    reader.setDecideFormatFromContent(true);
    if (!allowed.contains(reader.format().toLower()))
        return {};
    // The header's size, before any pixel is allocated.
    const QSize size = reader.size();
    if (!size.isValid() || size.width() > kMaxSide || size.height() > kMaxSide ||
        qint64(size.width()) * size.height() > kMaxPixels)
        return {};
    return reader.read();
}

bool parseDataUrl(const QUrl &url, DataUrl *out)
{
    if (url.scheme().compare(u"data"_s, Qt::CaseInsensitive) != 0)
        return false;
    const QByteArray encoded = url.toEncoded();
    if (encoded.size() > kMaxDataUrlBytes * 4 / 3 + 1024)
        return false;
    const qsizetype comma = encoded.indexOf(',');
    if (comma < 0)
        return false;
    QByteArray header = QByteArray::fromPercentEncoding(encoded.mid(5, comma - 5)).trimmed();
    const bool base64 = header.toLower().endsWith(";base64");
    if (base64)
        header.chop(7);
    const QByteArray mime = header.split(';').value(0).trimmed().toLower();
    out->mimeType = mime.isEmpty() ? u"text/plain"_s : QString::fromLatin1(mime);
    const QByteArray payload = QByteArray::fromPercentEncoding(encoded.mid(comma + 1));
    out->payload = base64 ? QByteArray::fromBase64(payload) : payload;
    return out->payload.size() <= kMaxDataUrlBytes;
}

} // namespace Gui::BoundedImage
