// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to tidings_net (names vmime types).
#include <vmime/exception.hpp>

#include <QString>

namespace Net {

// A vmime exception with the ones it wraps, for logs and the CLI ("connection error: ...").
inline QString describeVmimeError(const vmime::exception &e)
{
    QString what = QString::fromStdString(e.what());
    for (const vmime::exception *o = e.other(); o; o = o->other())
        what += QStringLiteral(": ") + QString::fromStdString(o->what());
    return what;
}

} // namespace Net
