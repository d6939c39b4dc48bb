// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QImage>
#include <QString>
#include <QUrl>

// Images from mail are decoded only within bounds, and only in raster formats
// that cannot reference anything outside themselves (no SVG).
namespace Gui::BoundedImage {

constexpr int kMaxSide = 10000;
constexpr qint64 kMaxPixels = 40'000'000; // 160 MB as ARGB32
constexpr qsizetype kMaxDataUrlBytes = 10 * 1024 * 1024;

// A null image when the data is not an allowed format or is over the bounds.
QImage decode(const QByteArray &data);

struct DataUrl
{
    QString mimeType; // lower case, "text/plain" when the URL names none
    QByteArray payload;
};
// RFC 2397; false when it is not a data: URL or is over kMaxDataUrlBytes.
bool parseDataUrl(const QUrl &url, DataUrl *out);

} // namespace Gui::BoundedImage
