// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Store {

// The full-text index finds words of three characters or more (trigrams). Shorter searches
// typed into the list (Chinese words are often two characters) use a second, small index
// (messages_short, FTS5 with the unicode61 tokenizer) over the sender, subject and start of
// the text, made of:
// - the text as it is: unicode61 splits words, so "bu" finds "budget" as a word prefix;
// - each run of Chinese, Japanese or Korean characters also as its single characters and its
//   pairs: "本周周报" gives 本 周 周 报 本周 周周 周报.
QString shortTerms(const QString &text);

// The FTS5 query for a search word shorter than three characters: its pair or character as a
// whole token, or a word prefix of its letters and digits; a quoted string, never query
// syntax. Empty when nothing is left to search for (punctuation alone).
QString shortQuery(const QString &word);

} // namespace Store
