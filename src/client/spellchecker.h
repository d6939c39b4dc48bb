// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

#include <memory>

namespace Client {

// Spelling through a Hunspell dictionary (Debian's hunspell-* packages), plus a personal word
// list kept in a file and words ignored for this session.
//
// Not thread-safe: Hunspell keeps state between calls, so each thread that checks spelling
// makes its own SpellChecker and uses it only there (asserted in debug builds).
class SpellChecker
{
public:
    // The dictionaries installed ("en_US", "en_GB"): an .aff and a .dic of the same name in
    // $TIDINGS_HUNSPELL_PATH (colon-separated; Windows: semicolon), in <XDG data dirs>/hunspell
    // or /usr/share/hunspell; on Windows in <program folder>/hunspell or <AppData>/hunspell.
    static QStringList availableLanguages();

    // The personal dictionary is one word per line (UTF-8); it need not exist yet.
    explicit SpellChecker(const QString &personalDictionaryPath);
    ~SpellChecker();
    SpellChecker(const SpellChecker &) = delete;
    SpellChecker &operator=(const SpellChecker &) = delete;

    // Loads the dictionary for `lang` ("en_US", "en-US" or "en"; empty: the UI locale's), or the
    // first one installed for the same language ("en_AU" -> "en_GB"). False, and no dictionary
    // (every word is then correct), when none fits or it cannot be read.
    bool setLanguage(const QString &lang);
    // The dictionary in use ("en_US"); empty when none.
    QString language() const;

    // Numbers, words with digits, URLs, e-mail addresses, ALLCAPS abbreviations and CJK text
    // (no Hunspell dictionary exists for Chinese) are never misspelt; neither is anything when
    // no dictionary is loaded.
    bool isCorrect(const QString &word) const;
    // At most kMaxSuggestions replacements, the most likely first.
    QStringList suggestions(const QString &word) const;

    // Correct from now on, here and in every later SpellChecker on the same file (written
    // atomically).
    void addToPersonal(const QString &word);
    // Correct until this object is destroyed.
    void ignoreForSession(const QString &word);

    static constexpr int kMaxSuggestions = 8;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Client
