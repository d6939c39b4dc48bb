// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QPointer>
#include <QSyntaxHighlighter>

class QMenu;
class QPoint;
class QTextEdit;

namespace Client {
class SpellChecker;
}

namespace Gui {

// Marks misspelt words of a QTextEdit with a red wavy underline as the user types. The word
// the cursor is still typing is left alone until the cursor leaves it.
class SpellHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    // Neither is owned; the highlighter belongs to the editor's current document (an editor given
    // another document needs a new highlighter). The checker must outlive it.
    SpellHighlighter(Client::SpellChecker *checker, QTextEdit *edit);

    Client::SpellChecker *checker() const { return m_checker; }
    // Off: nothing is marked (no dictionary, or the user turned spelling off).
    void setEnabled(bool enabled);
    bool isEnabled() const { return m_enabled; }
    // Marks the whole document again: after a language change or a word added or ignored.
    void recheck();

    // A word of a text block: its offset and length in the block.
    struct Word
    {
        int start = 0;
        int length = 0;
        QString text;
    };
    // The words spelling looks at (QTextBoundaryFinder), without those inside URLs, e-mail
    // addresses and paths.
    static QList<Word> words(const QString &blockText);

protected:
    void highlightBlock(const QString &text) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void cursorMoved();

    Client::SpellChecker *m_checker;
    QPointer<QTextEdit> m_edit;
    bool m_enabled = true;
    int m_typingPosition = -1; // where the word left unmarked while typing ends; -1 none
};

// Puts the spelling actions for the misspelt word under `pos` (viewport coordinates, as in
// QTextEdit::contextMenuEvent) on top of `menu`: its suggestions (choosing one replaces the
// word in one undo step), "Add to Dictionary" and "Ignore". Adds nothing for a correct word.
void addSpellingActions(QMenu *menu, QTextEdit *edit, const QPoint &pos,
                        Client::SpellChecker *checker, SpellHighlighter *highlighter);

} // namespace Gui
