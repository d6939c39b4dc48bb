// SPDX-License-Identifier: GPL-3.0-or-later
// A QString path as the helpers take it: the bytes QFile would use on POSIX, UTF-16 on Windows
// (no round trip through a code page that cannot hold every name).
#pragma once

#include <QFile>
#include <QString>

#include <filesystem>

namespace Platform {

inline std::filesystem::path toPath(const QString &path)
{
#ifdef Q_OS_WIN
    return std::filesystem::path(path.toStdWString());
#else
    return std::filesystem::path(QFile::encodeName(path).toStdString());
#endif
}

} // namespace Platform
