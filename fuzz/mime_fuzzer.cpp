// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target for the message reader (vmime underneath): any bytes as a
// stored message file must give a view or a clean error, never a crash or hang.
// Build and run: scripts/fuzz mime [SECONDS]
#include "mime/messageview.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const bool initialized = [] {
        Mime::initialize();
        return true;
    }();
    (void)initialized;
    static QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("message.eml"));
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return 0;
        file.write(reinterpret_cast<const char *>(data), qint64(size));
    }
    const Mime::ReadResult result = Mime::readMessage(path);
    // The sync indexes from memory: the same bytes must read the same way.
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const Mime::ReadResult indexed = Mime::readMessageData(bytes, {16 * 1024, false});
    if (bool(result.view) != bool(indexed.view) || result.kind != indexed.kind)
        __builtin_trap();
    if (result.view && (result.view->subject != indexed.view->subject ||
                        result.view->from.size() != indexed.view->from.size() ||
                        result.view->attachments.size() != indexed.view->attachments.size()))
        __builtin_trap();
    if (result.view && !result.view->attachments.isEmpty()) {
        QString error;
        const QString saved = Mime::extractAttachment(path, 0, dir.path(), &error);
        // Whatever the name said, the file lands inside the folder.
        if (!saved.isEmpty() && QFileInfo(saved).absolutePath() != QDir(dir.path()).absolutePath())
            __builtin_trap();
        if (!saved.isEmpty())
            QFile::remove(saved);
    }
    (void)Mime::sanitizeFileName(
        QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size)));
    return 0;
}
