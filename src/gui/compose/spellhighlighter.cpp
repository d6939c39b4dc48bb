// SPDX-License-Identifier: GPL-3.0-or-later
#include "spellhighlighter.h"

#include "client/spellchecker.h"

#include <QAction>
#include <QCoreApplication>
#include <QEvent>
#include <QMenu>
#include <QTextBlock>
#include <QTextBoundaryFinder>
#include <QTextEdit>

using namespace Qt::StringLiterals;

namespace Gui {

namespace {

// Whitespace-separated tokens that are addresses, links or paths: no word inside is checked.
bool isSkippedToken(QStringView token)
{
    return token.contains(u'@') || token.contains(u"://") ||
           token.startsWith(u"www.", Qt::CaseInsensitive) ||
           token.startsWith(u"mailto:", Qt::CaseInsensitive) || token.startsWith(u'/') ||
           token.startsWith(u"~/");
}

QList<std::pair<int, int>> skippedRanges(const QString &text)
{
    QList<std::pair<int, int>> ranges;
    int i = 0;
    while (i < text.size()) {
        while (i < text.size() && text.at(i).isSpace())
            ++i;
        const int start = i;
        while (i < text.size() && !text.at(i).isSpace())
            ++i;
        if (i > start && isSkippedToken(QStringView(text).mid(start, i - start)))
            ranges.append({start, i});
    }
    return ranges;
}

bool hasLetter(QStringView word)
{
    return std::any_of(word.begin(), word.end(), [](QChar c) { return c.isLetter(); });
}

QTextCharFormat misspeltFormat()
{
    QTextCharFormat format;
    format.setUnderlineStyle(QTextCharFormat::SpellCheckUnderline);
    format.setUnderlineColor(Qt::red);
    return format;
}

} // namespace

SpellHighlighter::SpellHighlighter(Client::SpellChecker *checker, QTextEdit *edit)
    : QSyntaxHighlighter(edit->document())
    , m_checker(checker)
    , m_edit(edit)
{
    connect(edit, &QTextEdit::cursorPositionChanged, this, &SpellHighlighter::cursorMoved);
    edit->installEventFilter(this);
}

void SpellHighlighter::setEnabled(bool enabled)
{
    if (enabled == m_enabled)
        return;
    m_enabled = enabled;
    rehighlight();
}

void SpellHighlighter::recheck()
{
    m_typingPosition = -1;
    rehighlight();
}

QList<SpellHighlighter::Word> SpellHighlighter::words(const QString &blockText)
{
    const auto skipped = skippedRanges(blockText);
    const auto inSkipped = [&](int start, int end) {
        return std::any_of(skipped.cbegin(), skipped.cend(),
                           [&](const auto &r) { return start < r.second && end > r.first; });
    };
    QList<Word> out;
    QTextBoundaryFinder finder(QTextBoundaryFinder::Word, blockText);
    int wordStart = -1;
    for (int pos = 0; pos >= 0; pos = finder.toNextBoundary()) {
        const auto reasons = finder.boundaryReasons();
        if ((reasons & QTextBoundaryFinder::EndOfItem) && wordStart >= 0) {
            const QString word = blockText.mid(wordStart, pos - wordStart);
            if (hasLetter(word) && !inSkipped(wordStart, pos))
                out.append({wordStart, int(pos - wordStart), word});
            wordStart = -1;
        }
        if (reasons & QTextBoundaryFinder::StartOfItem)
            wordStart = pos;
    }
    return out;
}

void SpellHighlighter::highlightBlock(const QString &text)
{
    if (!m_enabled || !m_checker)
        return;
    // The word just before the cursor is still being typed: marking it at every key is noise.
    int typingEnd = -1;
    if (m_edit && m_edit->hasFocus()) {
        const QTextCursor cursor = m_edit->textCursor();
        if (!cursor.hasSelection() && cursor.block() == currentBlock())
            typingEnd = cursor.positionInBlock();
    }
    static const QTextCharFormat format = misspeltFormat();
    for (const Word &word : words(text)) {
        if (word.start + word.length == typingEnd) {
            m_typingPosition = currentBlock().position() + typingEnd;
            continue;
        }
        if (!m_checker->isCorrect(word.text))
            setFormat(word.start, word.length, format);
    }
}

void SpellHighlighter::cursorMoved()
{
    if (m_typingPosition < 0 || !m_edit || m_edit->textCursor().position() == m_typingPosition)
        return;
    const QTextBlock block = document()->findBlock(m_typingPosition);
    m_typingPosition = -1;
    if (block.isValid())
        rehighlightBlock(block);
}

bool SpellHighlighter::eventFilter(QObject *watched, QEvent *event)
{
    // Leaving the editor ends the typing: the last word is checked now.
    if (watched == m_edit && event->type() == QEvent::FocusOut && m_typingPosition >= 0) {
        const QTextBlock block = document()->findBlock(m_typingPosition);
        m_typingPosition = -1;
        if (block.isValid())
            rehighlightBlock(block);
    }
    return QSyntaxHighlighter::eventFilter(watched, event);
}

void addSpellingActions(QMenu *menu, QTextEdit *edit, const QPoint &pos,
                        Client::SpellChecker *checker, SpellHighlighter *highlighter)
{
    if (!menu || !edit || !checker || (highlighter && !highlighter->isEnabled()))
        return;
    const QTextCursor at = edit->cursorForPosition(pos);
    const QTextBlock block = at.block();
    const int offset = at.positionInBlock();
    const QList<SpellHighlighter::Word> words = SpellHighlighter::words(block.text());
    // The word under the pointer; else the one that ends where it points (its right edge).
    auto word = std::find_if(words.cbegin(), words.cend(), [&](const auto &w) {
        return w.start <= offset && offset < w.start + w.length;
    });
    if (word == words.cend()) {
        word = std::find_if(words.cbegin(), words.cend(),
                            [&](const auto &w) { return offset == w.start + w.length; });
    }
    if (word == words.cend() || checker->isCorrect(word->text))
        return;

    const int start = block.position() + word->start;
    const int end = start + word->length;
    const QString misspelt = word->text;
    QList<QAction *> actions;
    for (const QString &suggestion : checker->suggestions(misspelt)) {
        auto *action = new QAction(QString(suggestion).replace(u'&', u"&&"_s), menu);
        QFont bold = action->font();
        bold.setBold(true);
        action->setFont(bold);
        QObject::connect(action, &QAction::triggered, edit,
                         [edit, start, end, misspelt, suggestion] {
                             QTextCursor cursor(edit->document());
                             cursor.setPosition(start);
                             cursor.setPosition(end, QTextCursor::KeepAnchor);
                             if (cursor.selectedText() != misspelt)
                                 return;              // the text changed while the menu was open
                             cursor.beginEditBlock(); // one undo step
                             cursor.insertText(suggestion);
                             cursor.endEditBlock();
                             edit->setTextCursor(cursor);
                         });
        actions.append(action);
    }
    if (actions.isEmpty()) {
        auto *none = new QAction(QCoreApplication::translate("Gui::SpellHighlighter", "No Suggestions"), menu);
        none->setEnabled(false);
        actions.append(none);
    }
    const QPointer<SpellHighlighter> guard(highlighter);
    auto *add = new QAction(QCoreApplication::translate("Gui::SpellHighlighter", "Add to Dictionary"), menu);
    QObject::connect(add, &QAction::triggered, edit, [checker, guard, misspelt] {
        checker->addToPersonal(misspelt);
        if (guard)
            guard->recheck();
    });
    auto *ignore = new QAction(QCoreApplication::translate("Gui::SpellHighlighter", "Ignore"), menu);
    QObject::connect(ignore, &QAction::triggered, edit, [checker, guard, misspelt] {
        checker->ignoreForSession(misspelt);
        if (guard)
            guard->recheck();
    });
    actions << add << ignore;

    QAction *first = menu->actions().value(0);
    menu->insertActions(first, actions);
    if (first)
        menu->insertSeparator(first);
}

} // namespace Gui
