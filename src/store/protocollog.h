// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <memory>

class QFile;

namespace Store {

// A per-account record of protocol exchanges (POP3 now; SMTP and TAP later)
// under DIR/logs/. Bounded: past maxBytes the file becomes NAME.log.1 (the one
// before is dropped), so an account never holds more than twice maxBytes.
// Callers pass lines that are already redacted (the sockets never trace a
// password, an AUTH payload or a token).
class ProtocolLog
{
public:
    ProtocolLog(const QString &storeDirectory, const QString &account, qint64 maxBytes = 1024 * 1024);
    ~ProtocolLog();

    void append(const QString &line);
    QString path() const { return m_path; }
    // The older rotated part first, then the current file.
    QString read() const;

private:
    QString m_path;
    qint64 m_maxBytes;
    std::unique_ptr<QFile> m_file; // open while lines come
};

} // namespace Store
