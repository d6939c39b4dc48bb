// SPDX-License-Identifier: GPL-3.0-or-later
#include "newfile.h"

#include "limits.h"

#include <QDir>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace Mime::detail {

bool createNewFile(const QString &directory, const QString &name, QFile &file, QString *error)
{
    const QDir dir(directory);
    const QFileInfo info(name);
    const QString suffix = info.suffix().isEmpty() ? QString() : u"."_s + info.suffix();
    for (int n = 1; n <= kMaxNameAttempts; ++n) {
        const QString target =
            n == 1 ? dir.filePath(name)
                   : dir.filePath(u"%1 (%2)%3"_s.arg(info.completeBaseName()).arg(n).arg(suffix));
        file.setFileName(target);
        // NewOnly is O_EXCL: the check and the creation are one step, and a symlink counts as
        // taken.
        if (file.open(QIODevice::WriteOnly | QIODevice::NewOnly))
            return true;
        const QFileInfo taken(target);
        if (!taken.exists() && !taken.isSymLink()) { // not a collision: no folder, no permission
            *error = u"cannot create %1: %2"_s.arg(target, file.errorString());
            return false;
        }
        qCDebug(lcMime) << "taken, trying the next name:" << target;
    }
    *error = u"%1 and %2 other names like it are taken in %3"_s.arg(name)
                 .arg(kMaxNameAttempts - 1)
                 .arg(directory);
    return false;
}

} // namespace Mime::detail
