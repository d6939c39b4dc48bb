// SPDX-License-Identifier: GPL-3.0-or-later
#include "charsets.h"

#include <vmime/exception.hpp>

#include <QStringDecoder>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Mime::detail {

namespace {

// Lower case, '_' read as '-': "EUCGB2312_CN" and "eucgb2312-cn" are one label.
std::string normalized(const std::string &label)
{
    std::string n = label;
    for (char &c : n)
        c = c == '_' ? '-' : char(std::tolower(uchar(c)));
    return n;
}

struct Alias
{
    const char *label; // normalized()
    const char *real;  // what ICU should convert from
};

// VMIME-NOTES: labels that lie about their bytes, and the names Python's
// email package writes (email.charset: gb2312 -> eucgb2312_cn, big5 ->
// big5_tw) that ICU does not know. Mapped before converting.
constexpr Alias kAliases[] = {
    {"gb2312", "gb18030"},
    {"gbk", "gb18030"},
    {"cp936", "gb18030"},
    {"x-gbk", "gb18030"},
    {"ms936", "gb18030"},
    {"windows-936", "gb18030"},
    {"euc-cn", "gb18030"},
    {"euccn", "gb18030"},
    {"x-euc-cn", "gb18030"},
    {"eucgb2312-cn", "gb18030"},
    {"gb2312-80", "gb18030"},
    {"gb-2312-80", "gb18030"},
    {"csgb2312", "gb18030"},
    {"chinese", "gb18030"},
    {"big5-tw", "big5"},
    {"csbig5", "big5"},
    {"x-x-big5", "big5"},
    {"ks-c-5601-1987", "windows-949"},
    {"ks-c-5601", "windows-949"},
    {"ksc5601", "windows-949"},
    {"iso-8859-1", "windows-1252"},
    {"iso8859-1", "windows-1252"},
    {"latin1", "windows-1252"},
    {"latin-1", "windows-1252"},
    {"l1", "windows-1252"},
    {"unknown-8bit", "windows-1252"},
    {"x-unknown", "windows-1252"},
};

} // namespace

vmime::charset realCharset(const vmime::charset &label)
{
    const std::string name = normalized(label.getName());
    for (const Alias &alias : kAliases)
        if (name == alias.label)
            return vmime::charset(alias.real);
    return label;
}

namespace {

bool isAscii(const std::string &s)
{
    return std::all_of(s.begin(), s.end(), [](char c) { return uchar(c) < 0x80; });
}

// Charsets whose ASCII-looking bytes are not ASCII text (escape sequences, UTF-7, wide).
bool asciiCompatible(const std::string &name)
{
    return !(name.rfind("iso-2022", 0) == 0 || name.rfind("utf-7", 0) == 0 ||
             name.rfind("utf-16", 0) == 0 || name.rfind("utf-32", 0) == 0 || name == "hz-gb-2312");
}

// Unlabelled 8-bit text that is not UTF-8: every high byte in a GBK double-byte
// pair means Chinese mail (the common case here); anything else reads as windows-1252.
bool looksLikeGbk(const std::string &s)
{
    for (size_t i = 0; i < s.size(); ++i) {
        const uchar c = uchar(s[i]);
        if (c < 0x80)
            continue;
        if (c == 0x80 || c == 0xFF || i + 1 == s.size())
            return false;
        const uchar t = uchar(s[++i]);
        if (t < 0x40 || t == 0x7F || t == 0xFF)
            return false;
    }
    return true;
}

QString converted(const std::string &bytes, const vmime::charset &from)
{
    std::string out;
    vmime::charset::convert(bytes, out, from, vmime::charsets::UTF_8);
    return QString::fromUtf8(out.data(), qsizetype(out.size()));
}

// Unlabelled 8-bit bytes: UTF-8 if valid, else GB18030 or windows-1252.
QString guessed(const std::string &bytes)
{
    const QByteArray raw(bytes.data(), qsizetype(bytes.size()));
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = utf8.decode(raw);
    if (!utf8.hasError())
        return text;
    return converted(bytes, vmime::charset(looksLikeGbk(bytes) ? "gb18030" : "windows-1252"));
}

} // namespace

QString toQString(const std::string &bytes, const vmime::charset &label, QStringList *warnings)
{
    const vmime::charset from = realCharset(label);
    const std::string name = normalized(from.getName());
    // vmime labels raw header bytes us-ascii (or UTF-8).
    if (!isAscii(bytes) && (name == "us-ascii" || name.empty() || name == "utf-8"))
        return guessed(bytes);
    if (isAscii(bytes) && asciiCompatible(name))
        return QString::fromUtf8(bytes.data(), qsizetype(bytes.size()));
    try {
        return converted(bytes, from);
    } catch (const vmime::exception &e) {
        // A label ICU does not know: the bytes read as if unlabelled, not as Latin-1.
        warnings->append(u"cannot convert from %1: %2"_s.arg(
            QString::fromStdString(label.getName()), QString::fromStdString(e.what())));
        try {
            return guessed(bytes);
        } catch (const vmime::exception &) {
            return QString::fromLatin1(bytes.data(), qsizetype(bytes.size()));
        }
    }
}

QString textOf(const vmime::text &t, QStringList *warnings)
{
    QString out;
    for (size_t i = 0; i < t.getWordCount(); ++i) {
        const auto w = t.getWordAt(i);
        out += toQString(w->getBuffer(), w->getCharset(), warnings);
    }
    return out;
}

QString wordOf(const vmime::word &w, QStringList *warnings)
{
    return toQString(w.getBuffer(), w.getCharset(), warnings);
}

} // namespace Mime::detail
