// SPDX-License-Identifier: GPL-3.0-or-later
// Client::SpellChecker against the dictionaries Debian installs (hunspell-en-us, scripts/setup).
#include "client/spellchecker.h"

#include <QDir>
#include <QFile>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestSpellChecker : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init() { QVERIFY(m_dir.emplace().isValid()); }

    void americanEnglishIsInstalled()
    {
        QVERIFY2(Client::SpellChecker::availableLanguages().contains(u"en_US"_s),
                 "hunspell-en-us missing: run scripts/setup");
        Client::SpellChecker checker(personalPath());
        QVERIFY(checker.setLanguage(u"en_US"_s));
        QCOMPARE(checker.language(), u"en_US"_s);
    }

    void aMisspeltWordGetsTheRightSuggestion()
    {
        Client::SpellChecker checker(personalPath());
        QVERIFY(checker.setLanguage(u"en_US"_s));
        QVERIFY(!checker.isCorrect(u"recieve"_s));
        QVERIFY(checker.isCorrect(u"receive"_s));
        QVERIFY(checker.isCorrect(u"Receive"_s));
        QVERIFY(checker.isCorrect(u"don't"_s));
        const QStringList suggestions = checker.suggestions(u"recieve"_s);
        QVERIFY2(suggestions.contains(u"receive"_s), qPrintable(suggestions.join(u", ")));
        QCOMPARE(suggestions.first(), u"receive"_s);
        QVERIFY(suggestions.size() <= Client::SpellChecker::kMaxSuggestions);
        QVERIFY(checker.suggestions(u"xqzvw"_s).size() <= Client::SpellChecker::kMaxSuggestions);
    }

    void whatNoDictionaryCanJudgeIsNeverMisspelt_data()
    {
        QTest::addColumn<QString>("word");
        QTest::newRow("url") << u"https://example.com/recieve?x=1"_s;
        QTest::newRow("www") << u"www.exmaple.org"_s;
        QTest::newRow("address") << u"zhang.san@exmaple.cn"_s;
        QTest::newRow("mailto") << u"mailto:qwzx"_s;
        QTest::newRow("number") << u"12345"_s;
        QTest::newRow("decimal") << u"3.14"_s;
        QTest::newRow("digits in a word") << u"abc123xyz"_s;
        QTest::newRow("abbreviation") << u"QWZX"_s;
        QTest::newRow("chinese") << u"中文"_s;
        QTest::newRow("chinese mixed") << u"附件abc"_s;
        QTest::newRow("japanese") << u"ひらがな"_s;
        QTest::newRow("korean") << u"한국어"_s;
        QTest::newRow("identifier") << u"snake_cse"_s;
    }
    void whatNoDictionaryCanJudgeIsNeverMisspelt()
    {
        QFETCH(QString, word);
        Client::SpellChecker checker(personalPath());
        QVERIFY(checker.setLanguage(u"en_US"_s));
        QVERIFY(checker.isCorrect(word));
    }

    void aMixedCaseNonsenseWordIsMisspelt()
    {
        Client::SpellChecker checker(personalPath());
        QVERIFY(checker.setLanguage(u"en_US"_s));
        QVERIFY(!checker.isCorrect(u"Qwzx"_s));
        QVERIFY(!checker.isCorrect(u"naïvx"_s));
    }

    void addToPersonalPersistsAcrossInstances()
    {
        const QString path = m_dir->filePath(u"spelling/personal.dic"_s); // folder not there yet
        {
            Client::SpellChecker checker(path);
            QVERIFY(checker.setLanguage(u"en_US"_s));
            QVERIFY(!checker.isCorrect(u"Tidingsmail"_s));
            checker.addToPersonal(u"Tidingsmail"_s);
            QVERIFY(checker.isCorrect(u"Tidingsmail"_s));
        }
        QVERIFY(QFile::exists(path));
        Client::SpellChecker again(path);
        QVERIFY(again.setLanguage(u"en_US"_s));
        QVERIFY(again.isCorrect(u"Tidingsmail"_s));
        QVERIFY(!again.isCorrect(u"Tidingsmial"_s));
    }

    void twoCheckersOnOneFileKeepEachOthersWords()
    {
        Client::SpellChecker first(personalPath());
        Client::SpellChecker second(personalPath());
        first.addToPersonal(u"Qwzxfirst"_s);
        second.addToPersonal(u"Qwzxsecond"_s);
        Client::SpellChecker third(personalPath());
        QVERIFY(third.setLanguage(u"en_US"_s));
        QVERIFY(third.isCorrect(u"Qwzxfirst"_s));
        QVERIFY(third.isCorrect(u"Qwzxsecond"_s));
    }

    void ignoreLastsForTheSessionOnly()
    {
        {
            Client::SpellChecker checker(personalPath());
            QVERIFY(checker.setLanguage(u"en_US"_s));
            checker.ignoreForSession(u"Qwzxy"_s);
            QVERIFY(checker.isCorrect(u"Qwzxy"_s));
        }
        Client::SpellChecker later(personalPath());
        QVERIFY(later.setLanguage(u"en_US"_s));
        QVERIFY(!later.isCorrect(u"Qwzxy"_s));
        QVERIFY(!QFile::exists(personalPath()));
    }

    void aMissingCountryFallsBackToTheLanguage()
    {
        Client::SpellChecker checker(personalPath());
        QVERIFY(checker.setLanguage(u"en_AU"_s));
        QVERIFY(checker.language().startsWith(u"en_"_s));
        QVERIFY(!checker.isCorrect(u"recieve"_s));
        QVERIFY(checker.setLanguage(u"en-US"_s));
        QCOMPARE(checker.language(), u"en_US"_s);
        QVERIFY(checker.setLanguage(u"en"_s));
        QCOMPARE(checker.language(), u"en_US"_s);
    }

    void aMissingLanguageReportsFalseAndMarksNothing()
    {
        Client::SpellChecker checker(personalPath());
        QVERIFY(checker.setLanguage(u"en_US"_s));
        QVERIFY(!checker.setLanguage(u"xx_YY"_s));
        QVERIFY(checker.language().isEmpty());
        QVERIFY(checker.isCorrect(u"recieve"_s));
        QVERIFY(checker.suggestions(u"recieve"_s).isEmpty());
    }

    void aDictionaryFromTheEnvironmentPathInItsOwnEncoding()
    {
        // A Latin-1 dictionary of our own: words are converted to and from its encoding.
        const QString dir = m_dir->filePath(u"dicts"_s);
        QVERIFY(QDir().mkpath(dir));
        QFile aff(dir + u"/xx_QQ.aff"_s);
        QVERIFY(aff.open(QIODevice::WriteOnly));
        aff.write("SET ISO8859-1\nTRY aeiouçé\n");
        aff.close();
        QFile dic(dir + u"/xx_QQ.dic"_s);
        QVERIFY(dic.open(QIODevice::WriteOnly));
        dic.write("2\ngar\xe7on\ncaf\xe9\n");
        dic.close();
        qputenv("TIDINGS_HUNSPELL_PATH", QFile::encodeName(dir));
        const auto restore = qScopeGuard([] { qunsetenv("TIDINGS_HUNSPELL_PATH"); });

        QVERIFY(Client::SpellChecker::availableLanguages().contains(u"xx_QQ"_s));
        Client::SpellChecker checker(personalPath());
        QVERIFY(checker.setLanguage(u"xx_QQ"_s));
        QVERIFY(checker.isCorrect(u"garçon"_s));
        QVERIFY(checker.isCorrect(u"café"_s));
        QVERIFY(!checker.isCorrect(u"cafe"_s));
        QCOMPARE(checker.suggestions(u"garcon"_s).value(0), u"garçon"_s);
        checker.addToPersonal(u"déjà"_s);
        QVERIFY(checker.isCorrect(u"Déjà"_s)); // Hunspell's add() in Latin-1
    }

private:
    QString personalPath() const { return m_dir->filePath(u"personal.dic"_s); }
    std::optional<QTemporaryDir> m_dir;
};

QTEST_GUILESS_MAIN(TestSpellChecker)
#include "tst_spellchecker.moc"
