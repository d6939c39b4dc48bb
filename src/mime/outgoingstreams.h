// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Private to tidings_mime (it names vmime types): the builder's streams, so that a message is
// written from the files on disk to the output device without ever being held in memory.
#include <vmime/utility/inputStream.hpp>
#include <vmime/utility/outputStream.hpp>

#include <QFile>

#include <stdexcept>

class QIODevice;

namespace Mime::detail {

// Thrown through vmime's generator when a file cannot be read or the output cannot be written;
// what() is the English reason for BuildResult::error.
struct BuildFailed : std::runtime_error
{
    explicit BuildFailed(const QString &reason)
        : std::runtime_error(reason.toStdString())
    {}
};

// A file read in the blocks vmime's encoders ask for.
class FileInputStream : public vmime::utility::inputStream
{
public:
    explicit FileInputStream(const QString &path);
    // False with *error when the file cannot be opened for reading.
    bool open(QString *error);
    qint64 size() const { return m_file.size(); }

    bool eof() const override;
    void reset() override;
    size_t read(vmime::byte_t *const data, const size_t count) override;
    size_t skip(const size_t count) override;

private:
    QFile m_file;
};

// Writes to a QIODevice and counts; a failed write throws BuildFailed.
class DeviceOutputStream : public vmime::utility::outputStream
{
public:
    explicit DeviceOutputStream(QIODevice &device)
        : m_device(device)
    {}
    qint64 written() const { return m_written; }
    void flush() override {}

protected:
    void writeImpl(const vmime::byte_t *const data, const size_t count) override;

private:
    QIODevice &m_device;
    qint64 m_written = 0;
};

} // namespace Mime::detail
