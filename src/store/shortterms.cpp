// SPDX-License-Identifier: GPL-3.0-or-later
#include "shortterms.h"

#include <QList>

using namespace Qt::StringLiterals;

namespace Store {

namespace {

bool isCjk(uint c)
{
    switch (QChar::script(c)) {
    case QChar::Script_Han:
    case QChar::Script_Hiragana:
    case QChar::Script_Katakana:
    case QChar::Script_Hangul:
    case QChar::Script_Bopomofo:
        return true;
    default:
        return false;
    }
}

} // namespace

QString shortTerms(const QString &text)
{
    const QList<uint> chars = text.toUcs4();
    QString out;
    out.reserve(text.size() * 3);
    qsizetype i = 0;
    while (i < chars.size()) {
        if (!isCjk(chars[i])) {
            out += QString::fromUcs4(reinterpret_cast<const char32_t *>(&chars[i]), 1);
            ++i;
            continue;
        }
        qsizetype end = i;
        while (end < chars.size() && isCjk(chars[end]))
            ++end;
        out += u' ';
        for (qsizetype k = i; k < end; ++k)
            out += QString::fromUcs4(reinterpret_cast<const char32_t *>(&chars[k]), 1) + u' ';
        for (qsizetype k = i; k + 1 < end; ++k)
            out += QString::fromUcs4(reinterpret_cast<const char32_t *>(&chars[k]), 2) + u' ';
        i = end;
    }
    return out;
}

QString shortQuery(const QString &word)
{
    const QList<uint> chars = word.toUcs4();
    if (!chars.isEmpty() &&
        std::all_of(chars.begin(), chars.end(), [](uint c) { return isCjk(c); }))
        return u'"' + word + u'"'; // no quote inside: every character is CJK
    // A word prefix of its letters and digits (what unicode61 keeps of it); punctuation alone
    // finds nothing to narrow the list by.
    QString kept;
    for (const QChar c : word)
        if (c.isLetterOrNumber())
            kept += c;
    return kept.isEmpty() ? QString() : u'"' + kept + u"\"*"_s;
}

} // namespace Store
