// SPDX-License-Identifier: GPL-3.0-or-later
#include "structure.h"

#include "limits.h"

#include <vmime/contentTypeField.hpp>
#include <vmime/headerFieldFactory.hpp>
#include <vmime/vmime.hpp>

#include <cstring>

using namespace Qt::StringLiterals;

namespace Mime::detail {

namespace {

using namespace Limits;

// An empty line ends a header; vmime also ends it at a line of blanks only.
bool isBlanksOnly(QByteArrayView line)
{
    return std::all_of(line.begin(), line.end(),
                       [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; });
}

bool isContinuation(QByteArrayView line)
{
    return !line.isEmpty() && (line[0] == ' ' || line[0] == '\t');
}

// Python's email package (feedparser's headerRE): printable characters other
// than ':' then ':', or an mbox "From " line. Anything else ends the header.
bool looksLikeField(QByteArrayView line)
{
    if (line.startsWith("From "))
        return true;
    for (const char c : line) {
        if (c == ':')
            return true;
        if (uchar(c) < 0x21 || uchar(c) > 0x7e)
            return false;
    }
    return false;
}

enum class Delimiter { None, Open, Close };

// vmime's rule (body::findNextBoundaryPosition): "--", blanks, the boundary,
// then CR, LF or '-'; "--" after the boundary closes the multipart.
Delimiter delimiter(QByteArrayView line, const std::string &boundary)
{
    if (!line.startsWith("--"))
        return Delimiter::None;
    qsizetype i = 2;
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t'))
        ++i;
    QByteArrayView rest = line.sliced(i);
    if (!rest.startsWith(QByteArrayView(boundary.data(), qsizetype(boundary.size()))))
        return Delimiter::None;
    rest = rest.sliced(qsizetype(boundary.size()));
    if (rest.startsWith("--"))
        return Delimiter::Close;
    if (rest.isEmpty() || rest[0] == '\r' || rest[0] == '\n' || rest[0] == '-')
        return Delimiter::Open;
    return Delimiter::None;
}

// vmime's guess when a multipart names no boundary (body::parseImpl): the
// rest of the first "--" line, blanks trimmed, if shorter than 100 bytes.
std::string guessBoundary(QByteArrayView line)
{
    constexpr qsizetype kMaxGuess = 100; // vmime's own cut-off
    QByteArrayView rest = line.sliced(2);
    while (!rest.isEmpty() && (rest[0] == ' ' || rest[0] == '\t'))
        rest = rest.sliced(1);
    const qsizetype end = std::min(rest.indexOf('\r') < 0 ? rest.size() : rest.indexOf('\r'),
                                   rest.indexOf('\n') < 0 ? rest.size() : rest.indexOf('\n'));
    rest = rest.first(end);
    if (rest.isEmpty() || rest.size() >= kMaxGuess)
        return {};
    return rest.trimmed().toByteArray().toStdString();
}

struct ContentType
{
    bool multipart = false;
    bool hasBoundary = false;
    std::string boundary;
};

// Read by vmime itself, so both agree on what is a multipart and its boundary.
ContentType contentType(const std::string &value)
{
    ContentType out;
    try {
        const auto field = vmime::dynamicCast<vmime::contentTypeField>(
            vmime::headerFieldFactory::getInstance()->create(vmime::fields::CONTENT_TYPE, value));
        if (!field ||
            field->getValue<vmime::mediaType>()->getType() != vmime::mediaTypes::MULTIPART)
            return out;
        out.multipart = true;
        out.hasBoundary = field->hasBoundary();
        if (out.hasBoundary)
            out.boundary = field->getBoundary();
    } catch (const std::exception &) {
        // Not a media type vmime can read: it reads the part as a simple body too.
    }
    return out;
}

struct Level
{
    std::string boundary; // empty while vmime would still guess it
};

class Scanner
{
public:
    explicit Scanner(QByteArrayView data)
        : m_data(data)
    {}

    Structure run()
    {
        for (qsizetype pos = 0; pos < m_data.size() && m_out.refusal == ReadError::None;) {
            const void *nl = std::memchr(m_data.data() + pos, '\n', size_t(m_data.size() - pos));
            const qsizetype end =
                nl ? static_cast<const char *>(nl) - m_data.data() + 1 : m_data.size();
            line(pos, m_data.sliced(pos, end - pos));
            if (!m_levels.empty())
                m_rescan += (end - pos) * qint64(m_levels.size() - 1);
            if (m_rescan > kMaxRescanBytes && m_out.refusal == ReadError::None)
                refuse(ReadError::NestedTooLarge,
                       u"the message nests more than %1 MB inside its multipart levels"_s.arg(
                           kMaxRescanBytes >> 20));
            pos = end;
            // A simple body outside any multipart: nothing further can change the structure.
            if (!m_inHeader && m_levels.empty())
                break;
        }
        return std::move(m_out);
    }

private:
    void refuse(ReadError kind, const QString &reason)
    {
        m_out.refusal = kind;
        m_out.reason = reason;
    }

    void line(qsizetype offset, QByteArrayView text)
    {
        // The delimiters of the enclosing multiparts come first, outermost
        // first: vmime cuts an outer part before it parses what is inside.
        if (text.startsWith("--") && delimiterLine(text))
            return;
        if (m_inHeader)
            headerLine(offset, text);
    }

    bool delimiterLine(QByteArrayView text)
    {
        for (size_t i = 0; i < m_levels.size(); ++i) {
            Level &level = m_levels[i];
            if (level.boundary.empty()) {
                level.boundary = guessBoundary(text);
                if (level.boundary.empty()) { // vmime reads it as a simple body
                    m_levels.resize(i);
                    return false;
                }
            }
            const Delimiter d = delimiter(text, level.boundary);
            if (d == Delimiter::None)
                continue;
            m_levels.resize(i + 1); // inner multiparts end with their enclosing part
            if (m_inHeader)
                endHeader(false);
            if (d == Delimiter::Close) {
                m_levels.pop_back();
                m_inHeader = false;
                return true;
            }
            if (++m_parts > kMaxParts) {
                refuse(ReadError::TooManyParts,
                       u"the message has more than %1 parts"_s.arg(kMaxParts));
                return true;
            }
            startHeader();
            return true;
        }
        return false;
    }

    void startHeader()
    {
        m_inHeader = true;
        m_headerBytes = 0;
        m_inContentType = false;
        m_contentType.reset();
    }

    void headerLine(qsizetype offset, QByteArrayView text)
    {
        m_headerBytes += text.size();
        if (m_headerBytes > kMaxHeaderBytes) {
            const QString which = m_parts == 0 ? u"the header"_s : u"a part's header"_s;
            refuse(ReadError::HeaderTooLarge,
                   u"%1 is larger than %2 KB"_s.arg(which).arg(kMaxHeaderBytes / 1024));
            return;
        }
        if (isBlanksOnly(text)) {
            endHeader();
            return;
        }
        if (isContinuation(text)) {
            if (m_inContentType)
                m_contentType->append(text.data(), size_t(text.size()));
            return;
        }
        if (!looksLikeField(text)) {
            // The header ends without its empty line: this line is the body's first.
            m_out.missingBlankLines.push_back(offset);
            endHeader();
            return;
        }
        m_inContentType = false;
        const qsizetype colon = text.indexOf(':');
        if (!m_contentType && colon >= 0 &&
            QByteArrayView(text.first(colon)).compare("content-type", Qt::CaseInsensitive) == 0) {
            m_contentType.emplace(text.data() + colon + 1, size_t(text.size() - colon - 1));
            m_inContentType = true;
        }
    }

    void endHeader(bool bodyFollows = true)
    {
        m_inHeader = false;
        m_inContentType = false;
        if (!bodyFollows || !m_contentType)
            return;
        const ContentType type = contentType(trimmed(*m_contentType));
        if (!type.multipart || (type.hasBoundary && type.boundary.empty()))
            return; // vmime reads an empty boundary as a simple body
        if (int(m_levels.size()) + 1 > kMaxDepth) {
            refuse(ReadError::TooDeep,
                   u"the message is nested deeper than %1 multipart levels"_s.arg(kMaxDepth));
            return;
        }
        m_levels.push_back({type.boundary});
    }

    static std::string trimmed(const std::string &s)
    {
        const size_t first = s.find_first_not_of(" \t\r\n");
        if (first == std::string::npos)
            return {};
        return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
    }

    QByteArrayView m_data;
    Structure m_out;
    std::vector<Level> m_levels;
    bool m_inHeader = true;
    bool m_inContentType = false;
    std::optional<std::string> m_contentType; // the block's first, unfolded as vmime sees it
    qint64 m_headerBytes = 0;
    int m_parts = 0;
    qint64 m_rescan = 0; // bytes vmime reads again for the inner levels
};

} // namespace

Structure checkSize(qint64 size)
{
    Structure out;
    if (size == 0) {
        out.refusal = ReadError::Empty;
        out.reason = u"the file is empty"_s;
    } else if (size > kMaxMessageBytes) {
        out.refusal = ReadError::TooLarge;
        out.reason = u"the message is larger than %1 MB"_s.arg(kMaxMessageBytes >> 20);
    }
    return out;
}

Structure scanStructure(QByteArrayView data)
{
    Structure out = checkSize(data.size());
    return out.refusal == ReadError::None ? Scanner(data).run() : out;
}

} // namespace Mime::detail
