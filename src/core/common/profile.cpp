// SPDX-License-Identifier: GPL-3.0-or-later
#include "profile.h"

#include <QDir>
#include <QStandardPaths>

namespace Common {

Profile Profile::standard()
{
    return {};
}

Profile Profile::at(const QString &dir)
{
    Profile p;
    p.m_root = QDir(dir).absolutePath();
    QDir().mkpath(p.m_root);
    return p;
}

QString Profile::settingsFile() const
{
    const QString base = isCustom()
        ? m_root
        : QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation);
    return base + QStringLiteral("/tidings.ini");
}

QString Profile::dataDir() const
{
    return isCustom() ? m_root + QStringLiteral("/data")
                      : QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

} // namespace Common
