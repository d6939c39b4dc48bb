// SPDX-License-Identifier: GPL-3.0-or-later
#include "outgoingstreams.h"

#include <QIODevice>

using namespace Qt::StringLiterals;

namespace Mime::detail {

FileInputStream::FileInputStream(const QString &path)
    : m_file(path)
{}

bool FileInputStream::open(QString *error)
{
    if (m_file.open(QIODevice::ReadOnly))
        return true;
    *error = u"cannot read %1: %2"_s.arg(m_file.fileName(), m_file.errorString());
    return false;
}

bool FileInputStream::eof() const
{
    return m_file.atEnd();
}

void FileInputStream::reset()
{
    if (!m_file.seek(0))
        throw BuildFailed(u"cannot read %1: %2"_s.arg(m_file.fileName(), m_file.errorString()));
}

size_t FileInputStream::read(vmime::byte_t *const data, const size_t count)
{
    const qint64 n = m_file.read(reinterpret_cast<char *>(data), qint64(count));
    if (n < 0)
        throw BuildFailed(u"cannot read %1: %2"_s.arg(m_file.fileName(), m_file.errorString()));
    return size_t(n);
}

size_t FileInputStream::skip(const size_t count)
{
    const qint64 from = m_file.pos();
    const qint64 to = std::min(m_file.size(), from + qint64(count));
    if (!m_file.seek(to))
        throw BuildFailed(u"cannot read %1: %2"_s.arg(m_file.fileName(), m_file.errorString()));
    return size_t(to - from);
}

void DeviceOutputStream::writeImpl(const vmime::byte_t *const data, const size_t count)
{
    if (m_device.write(reinterpret_cast<const char *>(data), qint64(count)) != qint64(count))
        throw BuildFailed(u"cannot write the message: %1"_s.arg(m_device.errorString()));
    m_written += qint64(count);
}

} // namespace Mime::detail
