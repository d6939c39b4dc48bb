// SPDX-License-Identifier: GPL-3.0-or-later
#include "headerencoding.h"

#include <vmime/utility/outputStream.hpp>

using namespace Qt::StringLiterals;

namespace Mime::detail {

namespace {

bool isAsciiPrintable(const QString &s)
{
    return std::all_of(s.begin(), s.end(),
                       [](QChar c) { return c.unicode() >= 0x20 && c.unicode() < 0x7f; });
}

// Header text never carries a line break or another control character (no header injection).
QString withoutControls(QString s)
{
    for (QChar &c : s)
        if (c.category() == QChar::Other_Control)
            c = u' ';
    return s;
}

bool isAtom(const QString &word)
{
    static const QString specials = u"()<>[]:;@\\,.\""_s;
    return !word.isEmpty() && std::none_of(word.begin(), word.end(), [](QChar c) {
        return specials.contains(c) || c == u' ';
    });
}

} // namespace

QList<QByteArray> encodedWords(const QString &text, int firstBytes)
{
    int limit = std::clamp(firstBytes, 3, kMaxEncodedWordBytes);
    QList<QByteArray> words;
    QByteArray chunk;
    const auto flush = [&] {
        if (!chunk.isEmpty())
            words << "=?utf-8?B?" + chunk.toBase64() + "?=";
        chunk.clear();
    };
    for (const char32_t c : text.toUcs4()) {
        const QByteArray bytes = QString::fromUcs4(&c, 1).toUtf8();
        if (chunk.size() + bytes.size() > limit) {
            flush();
            limit = kMaxEncodedWordBytes;
        }
        chunk += bytes;
    }
    flush();
    return words;
}

std::shared_ptr<FoldedValue> FoldedValue::encoded(const QString &text)
{
    auto value = std::make_shared<FoldedValue>();
    value->m_encode = text;
    return value;
}

std::shared_ptr<vmime::component> FoldedValue::clone() const
{
    auto copy = std::make_shared<FoldedValue>(m_tokens);
    copy->m_encode = m_encode;
    return copy;
}

void FoldedValue::copyFrom(const vmime::component &other)
{
    const auto &value = dynamic_cast<const FoldedValue &>(other);
    m_tokens = value.m_tokens;
    m_encode = value.m_encode;
}

void FoldedValue::parseImpl(const vmime::parsingContext &, const vmime::string &, const size_t,
                            const size_t end, size_t *newPosition)
{
    if (newPosition) // only ever generated
        *newPosition = end;
}

void FoldedValue::generateImpl(const vmime::generationContext &, vmime::utility::outputStream &os,
                               const size_t curLinePos, size_t *newLinePos) const
{
    size_t pos = curLinePos;
    // "=?utf-8?B?" and "?=" around 4 characters for every 3 bytes
    const int room = (int(kMaxHeaderLine) - int(pos) - 12) / 4 * 3;
    const QList<QByteArray> tokens = m_encode.isEmpty() ? m_tokens : encodedWords(m_encode, room);
    for (qsizetype i = 0; i < tokens.size(); ++i) {
        const QByteArray &token = tokens[i];
        const bool fits = pos + (i > 0 ? 1 : 0) + size_t(token.size()) <= kMaxHeaderLine;
        if (!fits && pos > 1) { // the field body may start on the next line ("Subject: " + FWS)
            os << "\r\n ";
            pos = 1;
        } else if (i > 0) {
            os << " ";
            ++pos;
        }
        os.write(token.constData(), size_t(token.size()));
        pos += size_t(token.size());
    }
    if (newLinePos)
        *newLinePos = pos;
}

std::shared_ptr<FoldedValue> unstructuredValue(const QString &text)
{
    const QString clean = withoutControls(text);
    // ASCII as it is (split at single spaces, so a fold gives back the same space), unless it
    // holds something a decoder would take for an encoded word.
    if (isAsciiPrintable(clean) && !clean.contains(u"=?"_s) && !clean.startsWith(u' ') &&
        !clean.endsWith(u' ')) {
        QList<QByteArray> tokens;
        for (const QString &word : clean.split(u' '))
            tokens << word.toLatin1();
        return std::make_shared<FoldedValue>(tokens);
    }
    return FoldedValue::encoded(clean);
}

std::shared_ptr<FoldedValue> addressListValue(const QList<Address> &addresses)
{
    QList<QByteArray> tokens;
    for (qsizetype i = 0; i < addresses.size(); ++i) {
        const QString name = withoutControls(addresses[i].name).simplified();
        const QByteArray address = addresses[i].address.toLatin1();
        if (name.isEmpty()) {
            tokens << address;
        } else {
            const QStringList words = name.split(u' ');
            if (!isAsciiPrintable(name) || name.contains(u"=?"_s)) {
                tokens << encodedWords(name);
            } else if (std::all_of(words.begin(), words.end(), isAtom)) {
                for (const QString &word : words)
                    tokens << word.toLatin1();
            } else {
                QString quoted = name;
                quoted.replace(u'\\', u"\\\\"_s).replace(u'"', u"\\\""_s);
                tokens << '"' + quoted.toLatin1() + '"';
            }
            tokens << '<' + address + '>';
        }
        if (i + 1 < addresses.size())
            tokens.last() += ',';
    }
    return std::make_shared<FoldedValue>(tokens);
}

} // namespace Mime::detail
