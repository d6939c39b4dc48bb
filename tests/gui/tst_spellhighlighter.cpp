// SPDX-License-Identifier: GPL-3.0-or-later
// Gui::SpellHighlighter and the spelling context menu over a real Hunspell dictionary (en_US).
#include "client/spellchecker.h"
#include "gui/compose/spellhighlighter.h"

#include <QMenu>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextEdit>
#include <QTextLayout>

using namespace Qt::StringLiterals;

namespace {

struct Range
{
    int start;
    int length;
    friend bool operator==(const Range &, const Range &) = default;
};

// The underlined ranges of the first block (what the highlighter set on its layout).
QList<Range> misspeltRanges(const QTextEdit &edit, int blockNumber = 0)
{
    QList<Range> ranges;
    const QTextBlock block = edit.document()->findBlockByNumber(blockNumber);
    for (const QTextLayout::FormatRange &r : block.layout()->formats()) {
        if (r.format.underlineStyle() == QTextCharFormat::SpellCheckUnderline)
            ranges.append({r.start, r.length});
    }
    return ranges;
}

QPoint pointInside(QTextEdit &edit, int position)
{
    QTextCursor cursor(edit.document());
    cursor.setPosition(position);
    return edit.cursorRect(cursor).center() + QPoint(2, 0);
}

} // namespace

QT_BEGIN_NAMESPACE
namespace QTest {
template<> char *toString(const Range &r)
{
    const QByteArray text = QByteArray::number(r.start) + '+' + QByteArray::number(r.length);
    return qstrdup(text.constData());
}
} // namespace QTest
QT_END_NAMESPACE

class TestSpellHighlighter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.emplace().isValid());
        m_checker.emplace(m_dir->filePath(u"personal.dic"_s));
        QVERIFY2(m_checker->setLanguage(u"en_US"_s), "hunspell-en-us missing: run scripts/setup");
    }

    void theUnderlineCoversExactlyTheMisspeltWord()
    {
        QTextEdit edit;
        Gui::SpellHighlighter highlighter(&*m_checker, &edit);
        edit.setPlainText(u"We will recieve it today."_s);
        QCOMPARE(misspeltRanges(edit), (QList<Range>{{8, 7}}));
    }

    void linksAddressesNumbersAndChineseAreNotMarked()
    {
        QTextEdit edit;
        Gui::SpellHighlighter highlighter(&*m_checker, &edit);
        edit.setPlainText(u"See https://exmaple.com/recieve or wrte to zhang@exmaple.cn, 中文附件 "
                          "42abc NASA okay"_s);
        const QString text = edit.toPlainText();
        QCOMPARE(misspeltRanges(edit), (QList<Range>{{int(text.indexOf(u"wrte")), 4}}));
    }

    void wordsAfterTheFirstLineAreCheckedInTheirOwnBlock()
    {
        QTextEdit edit;
        Gui::SpellHighlighter highlighter(&*m_checker, &edit);
        edit.setHtml(u"<p>Fine words.</p><p>Then <b>tommorow</b> comes.</p>"_s);
        QVERIFY(misspeltRanges(edit, 0).isEmpty());
        QCOMPARE(misspeltRanges(edit, 1), (QList<Range>{{5, 8}}));
    }

    void addToDictionaryRemovesTheUnderline()
    {
        QTextEdit edit;
        Gui::SpellHighlighter highlighter(&*m_checker, &edit);
        edit.setPlainText(u"Greetings from Qwzxland."_s);
        QCOMPARE(misspeltRanges(edit), (QList<Range>{{15, 8}}));
        showAndWait(edit);

        QMenu menu;
        menu.addAction(u"Existing"_s);
        Gui::addSpellingActions(&menu, &edit, pointInside(edit, 17), &*m_checker, &highlighter);
        QAction *add = findAction(menu, u"Add to Dictionary"_s);
        QVERIFY(add);
        add->trigger();
        QVERIFY(misspeltRanges(edit).isEmpty());
        // And the next checker on the same personal file knows it.
        Client::SpellChecker next(m_dir->filePath(u"personal.dic"_s));
        QVERIFY(next.setLanguage(u"en_US"_s));
        QVERIFY(next.isCorrect(u"Qwzxland"_s));
    }

    void ignoreRemovesTheUnderlineForThisSession()
    {
        QTextEdit edit;
        Gui::SpellHighlighter highlighter(&*m_checker, &edit);
        edit.setPlainText(u"Greetings from Qwzxland."_s);
        showAndWait(edit);
        QMenu menu;
        Gui::addSpellingActions(&menu, &edit, pointInside(edit, 17), &*m_checker, &highlighter);
        QAction *ignore = findAction(menu, u"Ignore"_s);
        QVERIFY(ignore);
        ignore->trigger();
        QVERIFY(misspeltRanges(edit).isEmpty());
        QVERIFY(!QFile::exists(m_dir->filePath(u"personal.dic"_s)));
    }

    void theFirstActionIsTheSuggestionAndChoosingItReplacesTheWord()
    {
        QTextEdit edit;
        Gui::SpellHighlighter highlighter(&*m_checker, &edit);
        edit.setHtml(u"<p>We will <i>recieve</i> it.</p>"_s);
        showAndWait(edit);
        QMenu menu;
        QAction *existing = menu.addAction(u"Copy"_s);
        Gui::addSpellingActions(&menu, &edit, pointInside(edit, 10), &*m_checker, &highlighter);
        const QList<QAction *> actions = menu.actions();
        QVERIFY(actions.size() > 4);
        QCOMPARE(actions.first()->text(), u"receive"_s);
        QCOMPARE(actions.last(), existing); // ours on top, the editor's own below
        QVERIFY(actions.at(actions.size() - 2)->isSeparator());

        actions.first()->trigger();
        QCOMPARE(edit.toPlainText(), u"We will receive it."_s);
        QVERIFY(misspeltRanges(edit).isEmpty());
        QVERIFY(edit.document()->toHtml().contains(u"font-style:italic;\">receive<"_s));
        edit.undo(); // one step back to the word as it was
        QCOMPARE(edit.toPlainText(), u"We will recieve it."_s);
    }

    void aCorrectWordAddsNothing()
    {
        QTextEdit edit;
        Gui::SpellHighlighter highlighter(&*m_checker, &edit);
        edit.setPlainText(u"We will receive it."_s);
        showAndWait(edit);
        QMenu menu;
        menu.addAction(u"Copy"_s);
        Gui::addSpellingActions(&menu, &edit, pointInside(edit, 10), &*m_checker, &highlighter);
        QCOMPARE(menu.actions().size(), 1);
    }

    void aLanguageWithoutDictionaryMarksNothing()
    {
        QTextEdit edit;
        Gui::SpellHighlighter highlighter(&*m_checker, &edit);
        edit.setPlainText(u"We will recieve it."_s);
        QCOMPARE(misspeltRanges(edit).size(), 1);
        QVERIFY(!m_checker->setLanguage(u"xx_YY"_s));
        highlighter.recheck();
        QVERIFY(misspeltRanges(edit).isEmpty());
        QVERIFY(m_checker->setLanguage(u"en_GB"_s) || m_checker->setLanguage(u"en_US"_s));
        highlighter.recheck();
        QCOMPARE(misspeltRanges(edit).size(), 1);
        highlighter.setEnabled(false);
        QVERIFY(misspeltRanges(edit).isEmpty());
    }

    void theWordBeingTypedIsMarkedOnlyWhenItEnds()
    {
        QTextEdit edit;
        Gui::SpellHighlighter highlighter(&*m_checker, &edit);
        showAndWait(edit);
        edit.activateWindow();
        edit.setFocus();
        QVERIFY(QTest::qWaitForWindowActive(&edit));
        QTest::keyClicks(&edit, u"I recieve"_s);
        QVERIFY(misspeltRanges(edit).isEmpty());
        QTest::keyClick(&edit, Qt::Key_Space);
        QCOMPARE(misspeltRanges(edit), (QList<Range>{{2, 7}}));
        QTest::keyClicks(&edit, u"tommorow"_s);
        QCOMPARE(misspeltRanges(edit), (QList<Range>{{2, 7}}));
        QTest::keyClick(&edit, Qt::Key_Home); // the cursor leaves the word: it is checked
        QCOMPARE(misspeltRanges(edit), (QList<Range>{{2, 7}, {10, 8}}));
    }

private:
    static void showAndWait(QTextEdit &edit)
    {
        edit.resize(500, 200);
        edit.show();
        QVERIFY(QTest::qWaitForWindowExposed(&edit));
    }
    static QAction *findAction(const QMenu &menu, const QString &text)
    {
        for (QAction *action : menu.actions()) {
            if (action->text() == text)
                return action;
        }
        return nullptr;
    }

    std::optional<QTemporaryDir> m_dir;
    std::optional<Client::SpellChecker> m_checker;
};

QTEST_MAIN(TestSpellHighlighter)
#include "tst_spellhighlighter.moc"
