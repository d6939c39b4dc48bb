// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Private to tidings_mime (it names vmime types).
#include <vmime/utility/seekableInputStream.hpp>

#include <QtGlobal>

#include <memory>
#include <vector>

namespace Mime::detail {

// The stored bytes as vmime reads them: with an empty line ("\n") inserted at
// each offset where a header block ends without one (see scanStructure), and
// at most Limits::kMaxReadBytes per read. vmime 0.9.2 copies a part's whole
// rest into memory to parse its header (one read() call), so short reads keep
// that copy small; every other reader in vmime loops until the end.
class SplicedStream : public vmime::utility::seekableInputStream
{
public:
    SplicedStream(std::shared_ptr<vmime::utility::seekableInputStream> inner, size_t innerSize,
                  std::vector<qint64> inserts);

    size_t size() const { return m_innerSize + m_inserts.size(); }

    bool eof() const override { return m_pos >= size(); }
    void reset() override { m_pos = 0; }
    size_t read(vmime::byte_t *const data, const size_t count) override;
    size_t skip(const size_t count) override;
    size_t getPosition() const override { return m_pos; }
    void seek(const size_t pos) override { m_pos = std::min(pos, size()); }

private:
    // Index of the first inserted byte at or after virtual position `pos`.
    size_t nextInsert(size_t pos) const;

    std::shared_ptr<vmime::utility::seekableInputStream> m_inner;
    size_t m_innerSize;
    std::vector<qint64> m_inserts; // offsets in the stored bytes, ascending
    size_t m_pos = 0;
    size_t m_innerPos = size_t(-1); // where the inner stream stands; unknown at first
};

} // namespace Mime::detail
