// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Common {

// Where one user's state lives. With --profile DIR everything (settings, data,
// caches) is under DIR, so the demo and the tests never touch the real home.
class Profile
{
public:
    // The default profile: the platform's configuration and data locations.
    static Profile standard();
    // A self-contained profile rooted at dir (created if missing).
    static Profile at(const QString &dir);

    bool isCustom() const { return !m_root.isEmpty(); }
    QString root() const { return m_root; }
    QString settingsFile() const;
    QString dataDir() const;

private:
    QString m_root;
};

} // namespace Common
