// SPDX-License-Identifier: GPL-3.0-or-later
#include "spellchecker.h"

#include <hunspell.hxx>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QLocale>
#include <QLoggingCategory>
#include <QSaveFile>
#include <QSet>
#include <QStandardPaths>
#include <QStringDecoder>
#include <QStringEncoder>
#include <QThread>

#include <algorithm>
#include <map>
#include <optional>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcSpelling, "tidings.client.spelling", QtInfoMsg)

namespace Client {

namespace {

// Words remembered per dictionary; the cache is simply dropped when it grows past this.
constexpr int kMaxCachedWords = 20000;

struct DictionaryFiles
{
    QString aff;
    QString dic;
};

QStringList dictionaryDirs()
{
    // ':' on POSIX, ';' on Windows, where a drive letter has a colon.
    QStringList dirs = qEnvironmentVariable("TIDINGS_HUNSPELL_PATH")
                           .split(QDir::listSeparator(), Qt::SkipEmptyParts);
    dirs += QStandardPaths::locateAll(QStandardPaths::GenericDataLocation, u"hunspell"_s,
                                      QStandardPaths::LocateDirectory);
#ifdef Q_OS_WIN
    // No system dictionaries on Windows: the installer's next to the program, then the user's.
    dirs += QCoreApplication::applicationDirPath() + u"/hunspell"_s;
    for (const QString &dir : QStandardPaths::standardLocations(QStandardPaths::AppDataLocation))
        dirs += dir + u"/hunspell"_s;
#else
    dirs += u"/usr/share/hunspell"_s;
#endif
    return dirs;
}

// A file name as Hunspell opens it. POSIX: the bytes QFile would use. Windows: Hunspell opens
// narrow names through the ANSI code page, except after the "\\?\" prefix, which it reads as
// UTF-8 and opens with _wfopen (any name, no MAX_PATH limit); such a name must be absolute, with
// backslashes, and a network share's is "\\?\UNC\server\share\...".
QByteArray hunspellPath(const QString &file)
{
#ifdef Q_OS_WIN
    const QString native = QDir::toNativeSeparators(QFileInfo(file).absoluteFilePath());
    if (native.startsWith(u"\\\\"_s))
        return "\\\\?\\UNC\\" + native.mid(2).toUtf8();
    return "\\\\?\\" + native.toUtf8();
#else
    return QFile::encodeName(file);
#endif
}

// Language name -> its files; the first directory that has a language wins.
std::map<QString, DictionaryFiles> installedDictionaries()
{
    std::map<QString, DictionaryFiles> found;
    for (const QString &dir : dictionaryDirs()) {
        const QDir d(dir);
        for (const QFileInfo &aff : d.entryInfoList({u"*.aff"_s}, QDir::Files | QDir::Readable)) {
            const QString dic = d.filePath(aff.completeBaseName() + u".dic"_s);
            if (QFileInfo(dic).isReadable() && !found.count(aff.completeBaseName()))
                found[aff.completeBaseName()] = {aff.filePath(), dic};
        }
    }
    return found;
}

QString languagePart(const QString &name)
{
    return name.section(u'_', 0, 0).toLower();
}

// Hunspell's name for a few encodings differs from ICU's.
QByteArray converterName(const std::string &hunspellName)
{
    QByteArray name = QByteArray::fromStdString(hunspellName).trimmed();
    if (name.startsWith("microsoft-cp"))
        return "windows-" + name.mid(12);
    return name.isEmpty() ? QByteArray("ISO-8859-1") : name; // Hunspell's default
}

bool isCjk(char32_t c)
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

bool looksLikeAddressOrUrl(const QString &word)
{
    return word.contains(u'@') || word.contains(u"://"_s) ||
           word.startsWith(u"www."_s, Qt::CaseInsensitive) ||
           word.startsWith(u"mailto:"_s, Qt::CaseInsensitive);
}

// What no dictionary can judge: numbers, words with digits, code identifiers, addresses, URLs,
// abbreviations in capitals, and Chinese, Japanese or Korean text.
bool neverMisspelt(const QString &word)
{
    if (looksLikeAddressOrUrl(word) || word.contains(u'_'))
        return true;
    int letters = 0;
    bool allUpper = true;
    for (const char32_t c : word.toUcs4()) {
        if (QChar::isDigit(c) || isCjk(c))
            return true;
        if (QChar::isLetter(c)) {
            ++letters;
            allUpper = allUpper && QChar::isUpper(c);
        }
    }
    return letters == 0 || (letters >= 2 && allUpper);
}

QStringList readWordList(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QStringList words;
    for (const QByteArray &line : file.readAll().split('\n')) {
        const QString word = QString::fromUtf8(line).trimmed();
        if (!word.isEmpty())
            words.append(word);
    }
    return words;
}

} // namespace

struct SpellChecker::Private
{
    QString personalPath;
    QSet<QString> personal;
    QSet<QString> ignored;
    QString language;
    std::unique_ptr<Hunspell> hunspell;
    bool utf8 = true;
    QByteArray encoding; // when not UTF-8
    mutable QHash<QString, bool> cache;
    const QThread *owner = QThread::currentThread();

    // The word in the dictionary's encoding; nullopt when it has characters that encoding lacks
    // (then the dictionary cannot know the word).
    std::optional<std::string> encode(const QString &word) const
    {
        if (utf8)
            return word.toUtf8().toStdString();
        QStringEncoder encoder(encoding.constData());
        const QByteArray bytes = encoder.encode(word);
        if (encoder.hasError() || decode(bytes.toStdString()) != word)
            return std::nullopt;
        return bytes.toStdString();
    }

    QString decode(const std::string &bytes) const
    {
        if (utf8)
            return QString::fromStdString(bytes);
        QStringDecoder decoder(encoding.constData());
        return decoder.decode(QByteArrayView(bytes.data(), qsizetype(bytes.size())));
    }

    void addToHunspell(const QString &word)
    {
        if (!hunspell)
            return;
        if (const auto bytes = encode(word))
            hunspell->add(*bytes);
    }
};

QStringList SpellChecker::availableLanguages()
{
    QStringList names;
    for (const auto &entry : installedDictionaries())
        names.append(entry.first);
    return names; // std::map: sorted
}

SpellChecker::SpellChecker(const QString &personalDictionaryPath)
    : d(std::make_unique<Private>())
{
    d->personalPath = personalDictionaryPath;
    const QStringList words = readWordList(personalDictionaryPath);
    d->personal = QSet<QString>(words.cbegin(), words.cend());
}

SpellChecker::~SpellChecker() = default;

bool SpellChecker::setLanguage(const QString &lang)
{
    Q_ASSERT(QThread::currentThread() == d->owner);
    d->hunspell.reset();
    d->language.clear();
    d->cache.clear();

    QString wanted = lang.trimmed();
    wanted.replace(u'-', u'_');
    if (wanted.isEmpty())
        wanted = QLocale().name();
    const auto installed = installedDictionaries();
    auto chosen = installed.find(wanted);
    if (chosen == installed.end()) // "en" -> "en_US": the language's most likely country
        chosen = installed.find(QLocale(wanted).name());
    if (chosen == installed.end() || languagePart(chosen->first) != languagePart(wanted)) {
        chosen = std::find_if(installed.begin(), installed.end(), [&](const auto &entry) {
            return languagePart(entry.first) == languagePart(wanted);
        });
    }
    if (chosen == installed.end()) {
        qCInfo(lcSpelling) << "no dictionary for" << lang;
        return false;
    }

    auto hunspell = std::make_unique<Hunspell>(hunspellPath(chosen->second.aff).constData(),
                                               hunspellPath(chosen->second.dic).constData());
    const QByteArray encoding = converterName(hunspell->get_dict_encoding());
    const bool utf8 = encoding.compare("UTF-8", Qt::CaseInsensitive) == 0;
    if (!utf8 && !QStringEncoder(encoding.constData()).isValid()) {
        qCWarning(lcSpelling) << "dictionary" << chosen->second.aff << "has an unknown encoding"
                              << encoding;
        return false;
    }
    d->hunspell = std::move(hunspell);
    d->utf8 = utf8;
    d->encoding = encoding;
    d->language = chosen->first;
    // Hunspell's own add(): the capitalised and all-capitals forms of a word become correct too.
    for (const QString &word : std::as_const(d->personal))
        d->addToHunspell(word);
    for (const QString &word : std::as_const(d->ignored))
        d->addToHunspell(word);
    qCDebug(lcSpelling) << "dictionary" << d->language << "from" << chosen->second.dic << "encoding"
                        << encoding;
    return true;
}

QString SpellChecker::language() const
{
    return d->language;
}

bool SpellChecker::isCorrect(const QString &word) const
{
    Q_ASSERT(QThread::currentThread() == d->owner);
    const QString w = word.trimmed();
    if (!d->hunspell || w.isEmpty() || neverMisspelt(w) || d->personal.contains(w) ||
        d->ignored.contains(w))
        return true;
    if (const auto cached = d->cache.constFind(w); cached != d->cache.cend())
        return *cached;
    const auto bytes = d->encode(w);
    const bool correct = !bytes || d->hunspell->spell(*bytes);
    if (d->cache.size() >= kMaxCachedWords)
        d->cache.clear();
    d->cache.insert(w, correct);
    return correct;
}

QStringList SpellChecker::suggestions(const QString &word) const
{
    Q_ASSERT(QThread::currentThread() == d->owner);
    const QString w = word.trimmed();
    if (!d->hunspell || w.isEmpty())
        return {};
    const auto bytes = d->encode(w);
    if (!bytes)
        return {};
    QStringList out;
    for (const std::string &suggestion : d->hunspell->suggest(*bytes)) {
        const QString text = d->decode(suggestion);
        if (!text.isEmpty() && !out.contains(text))
            out.append(text);
        if (out.size() == kMaxSuggestions)
            break;
    }
    return out;
}

void SpellChecker::addToPersonal(const QString &word)
{
    Q_ASSERT(QThread::currentThread() == d->owner);
    const QString w = word.trimmed();
    if (w.isEmpty() || w.contains(u'\n') || w.contains(u'\r'))
        return;
    d->personal.insert(w);
    d->addToHunspell(w);
    d->cache.clear();

    // Another window may have added words to the same file since it was read.
    const QStringList onDisk = readWordList(d->personalPath);
    QSet<QString> all(onDisk.cbegin(), onDisk.cend());
    all.unite(d->personal);
    QStringList sorted(all.cbegin(), all.cend());
    sorted.sort();
    QDir().mkpath(QFileInfo(d->personalPath).absolutePath());
    QSaveFile file(d->personalPath);
    if (!file.open(QIODevice::WriteOnly) || file.write((sorted.join(u'\n') + u'\n').toUtf8()) < 0 ||
        !file.commit()) {
        qCWarning(lcSpelling) << "cannot write the personal dictionary" << d->personalPath << ":"
                              << file.errorString();
    }
}

void SpellChecker::ignoreForSession(const QString &word)
{
    Q_ASSERT(QThread::currentThread() == d->owner);
    const QString w = word.trimmed();
    if (w.isEmpty())
        return;
    d->ignored.insert(w);
    d->addToHunspell(w);
    d->cache.clear();
}

} // namespace Client
