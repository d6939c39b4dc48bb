// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

#include <functional>

class QAction;
class QComboBox;
class QFontComboBox;
class QTextCharFormat;
class QTextDocument;
class QTextEdit;

namespace Gui {

struct FormatActions
{
    QAction *bold = nullptr;
    QAction *italic = nullptr;
    QAction *underline = nullptr;
    QAction *strikethrough = nullptr;
    QAction *color = nullptr;
    QAction *bulletList = nullptr;
    QAction *numberedList = nullptr;
    QAction *quote = nullptr;
    QAction *link = nullptr;
    QAction *clearFormatting = nullptr;
};

// Applies the formatting actions to the editor's selection (or to what is typed next) and keeps
// their checked state, the font and the size following the text cursor.
class TextFormatter : public QObject
{
    Q_OBJECT
public:
    TextFormatter(QTextEdit *editor, const FormatActions &actions, QFontComboBox *font,
                  QComboBox *size, QObject *parent = nullptr);

    void setEnabled(bool enabled);

    // Whether turning the document into plain text loses anything: character formats, links,
    // images, lists, quotes.
    static bool hasFormatting(const QTextDocument *document);
    // The document as plain text, line for line as it shows: list items as "- " and "1. ",
    // quoted blocks as "> ", links as "text <url>", images left out.
    static QString plainTextOf(const QTextDocument *document);

    // Asks for a link's address and text (the selection's text offered); false: cancelled.
    // Replaceable so that tests need no dialog.
    using LinkQuestion = std::function<bool(QString *url, QString *text)>;
    void setLinkQuestion(LinkQuestion question) { m_askLink = std::move(question); }
    void insertLink(const QString &url, const QString &text);

    void toggleBulletList();
    void toggleNumberedList();
    void toggleQuote();
    void clearFormatting();

private:
    void merge(const QTextCharFormat &format);
    void toggleList(bool numbered);
    void followCharFormat(const QTextCharFormat &format);
    void followBlock();
    void chooseColor();
    void askLink();
    void updateColorIcon(const QColor &color);

    QTextEdit *m_editor;
    FormatActions m_actions;
    QFontComboBox *m_font;
    QComboBox *m_size;
    LinkQuestion m_askLink;
};

} // namespace Gui
