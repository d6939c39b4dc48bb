// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocollog.h"

#include "platform/owneronly.h"
#include "platform/qtpath.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace Store {

namespace {
// Owner only from the moment they exist (whatever the umask): a log shows the server, the user
// name and what was fetched.
constexpr QFile::Permissions kFolderMode = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner;
constexpr QFile::Permissions kFileMode = QFile::ReadOwner | QFile::WriteOwner;
} // namespace

ProtocolLog::ProtocolLog(const QString &storeDirectory, const QString &account, qint64 maxBytes)
    : m_maxBytes(maxBytes)
{
    // A name from the account, safe on every file system whatever the user name holds.
    const QString name = QString::fromLatin1(
        QCryptographicHash::hash(account.toUtf8(), QCryptographicHash::Sha256).toHex().left(24));
    // Created with its mode (mkdir(2) with 0700, not chmod after): no moment where others may
    // enter. A folder left by an older version is tightened.
    const QString folder = storeDirectory + u"/logs"_s;
    QDir().mkpath(storeDirectory);
    if (!QDir().mkdir(folder, kFolderMode))
        Platform::restrictToOwner(Platform::toPath(folder), Platform::Entry::Folder);
    m_path = storeDirectory + u"/logs/"_s + name + u".log"_s;
}

ProtocolLog::~ProtocolLog() = default;

void ProtocolLog::append(const QString &line)
{
    if (m_file && m_file->size() > m_maxBytes)
        m_file.reset();
    if (!m_file) {
        if (QFileInfo(m_path).size() > m_maxBytes) {
            QFile::remove(m_path + u".1"_s);
            QFile::rename(m_path, m_path + u".1"_s);
        }
        m_file = std::make_unique<QFile>(m_path);
        // A new file is created 0600 by open(2) itself; one from an older version is tightened.
        if (!m_file->open(QIODevice::WriteOnly | QIODevice::Append, kFileMode)) {
            m_file.reset();
            return; // logging never stops a sync
        }
        Platform::restrictToOwner(Platform::toPath(m_path), Platform::Entry::File);
    }
    const QString stamped =
        QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs) + u' ' + line + u'\n';
    m_file->write(stamped.toUtf8());
    m_file->flush(); // a crash keeps what came before it
}

QString ProtocolLog::read() const
{
    QString out;
    for (const QString &path : {QString(m_path + u".1"_s), m_path}) {
        QFile file(path);
        if (file.open(QIODevice::ReadOnly))
            out += QString::fromUtf8(file.readAll());
    }
    return out;
}

} // namespace Store
