// SPDX-License-Identifier: GPL-3.0-or-later
#include "splicedstream.h"

#include "limits.h"

#include <algorithm>

namespace Mime::detail {

SplicedStream::SplicedStream(std::shared_ptr<vmime::utility::seekableInputStream> inner,
                             size_t innerSize, std::vector<qint64> inserts)
    : m_inner(std::move(inner))
    , m_innerSize(innerSize)
    , m_inserts(std::move(inserts))
{}

// Inserted byte j sits at virtual position m_inserts[j] + j.
size_t SplicedStream::nextInsert(size_t pos) const
{
    size_t low = 0;
    size_t high = m_inserts.size();
    while (low < high) {
        const size_t mid = (low + high) / 2;
        if (size_t(m_inserts[mid]) + mid < pos)
            low = mid + 1;
        else
            high = mid;
    }
    return low;
}

size_t SplicedStream::read(vmime::byte_t *const data, const size_t count)
{
    const size_t wanted =
        std::min({count, Limits::kMaxReadBytes, size() - std::min(m_pos, size())});
    size_t done = 0;
    while (done < wanted) {
        const size_t j = nextInsert(m_pos);
        const size_t insertAt = j < m_inserts.size() ? size_t(m_inserts[j]) + j : size();
        if (insertAt == m_pos) {
            data[done++] = '\n';
            ++m_pos;
            continue;
        }
        if (m_innerPos != m_pos - j) { // a seek may drop the inner stream's buffer
            m_inner->seek(m_pos - j);
            m_innerPos = m_pos - j;
        }
        const size_t got = m_inner->read(data + done, std::min(wanted - done, insertAt - m_pos));
        if (got == 0)
            break;
        done += got;
        m_pos += got;
        m_innerPos += got;
    }
    return done;
}

size_t SplicedStream::skip(const size_t count)
{
    const size_t n = std::min(count, size() - std::min(m_pos, size()));
    m_pos += n;
    return n;
}

} // namespace Mime::detail
