// SPDX-License-Identifier: GPL-3.0-or-later
#include "textformatter.h"

#include "formaticons.h"
#include "linkdialog.h"

#include <QAction>
#include <QColorDialog>
#include <QComboBox>
#include <QFontComboBox>
#include <QFontDatabase>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextEdit>
#include <QTextFragment>
#include <QTextList>

using namespace Qt::StringLiterals;

namespace Gui {

namespace {

constexpr qreal kQuoteMarginPx = 30; // exported as margin-left, which every mail reader shows

bool isNumbered(QTextListFormat::Style style)
{
    return style != QTextListFormat::ListDisc && style != QTextListFormat::ListCircle &&
           style != QTextListFormat::ListSquare;
}

} // namespace

TextFormatter::TextFormatter(QTextEdit *editor, const FormatActions &actions, QFontComboBox *font,
                             QComboBox *size, QObject *parent)
    : QObject(parent)
    , m_editor(editor)
    , m_actions(actions)
    , m_font(font)
    , m_size(size)
{
    for (QAction *action : {actions.bold, actions.italic, actions.underline, actions.strikethrough,
                            actions.bulletList, actions.numberedList, actions.quote})
        action->setCheckable(true);
    actions.bold->setIcon(formatIcon(FormatIcon::Bold));
    actions.italic->setIcon(formatIcon(FormatIcon::Italic));
    actions.underline->setIcon(formatIcon(FormatIcon::Underline));
    actions.strikethrough->setIcon(formatIcon(FormatIcon::Strikethrough));
    actions.bulletList->setIcon(formatIcon(FormatIcon::BulletList));
    actions.numberedList->setIcon(formatIcon(FormatIcon::NumberedList));
    actions.quote->setIcon(formatIcon(FormatIcon::Quote));
    actions.link->setIcon(formatIcon(FormatIcon::Link));
    actions.clearFormatting->setIcon(formatIcon(FormatIcon::ClearFormatting));
    updateColorIcon({});

    connect(actions.bold, &QAction::triggered, this, [this](bool on) {
        QTextCharFormat format;
        format.setFontWeight(on ? QFont::Bold : QFont::Normal);
        merge(format);
    });
    connect(actions.italic, &QAction::triggered, this, [this](bool on) {
        QTextCharFormat format;
        format.setFontItalic(on);
        merge(format);
    });
    connect(actions.underline, &QAction::triggered, this, [this](bool on) {
        QTextCharFormat format;
        format.setFontUnderline(on);
        merge(format);
    });
    connect(actions.strikethrough, &QAction::triggered, this, [this](bool on) {
        QTextCharFormat format;
        format.setFontStrikeOut(on);
        merge(format);
    });
    connect(actions.color, &QAction::triggered, this, &TextFormatter::chooseColor);
    connect(actions.bulletList, &QAction::triggered, this, &TextFormatter::toggleBulletList);
    connect(actions.numberedList, &QAction::triggered, this, &TextFormatter::toggleNumberedList);
    connect(actions.quote, &QAction::triggered, this, &TextFormatter::toggleQuote);
    connect(actions.link, &QAction::triggered, this, &TextFormatter::askLink);
    connect(actions.clearFormatting, &QAction::triggered, this, &TextFormatter::clearFormatting);

    for (int points : QFontDatabase::standardSizes())
        size->addItem(QString::number(points));
    size->setEditable(true);
    size->setInsertPolicy(QComboBox::NoInsert);
    connect(font, &QComboBox::activated, this, [this] {
        QTextCharFormat format;
        format.setFontFamilies({m_font->currentFont().family()});
        merge(format);
        m_editor->setFocus();
    });
    connect(size, &QComboBox::textActivated, this, [this](const QString &text) {
        bool ok = false;
        const qreal points = text.toDouble(&ok);
        if (!ok || points <= 0)
            return;
        QTextCharFormat format;
        format.setFontPointSize(points);
        merge(format);
        m_editor->setFocus();
    });

    connect(editor, &QTextEdit::currentCharFormatChanged, this, &TextFormatter::followCharFormat);
    connect(editor, &QTextEdit::cursorPositionChanged, this, &TextFormatter::followBlock);
    followCharFormat(editor->currentCharFormat());
    followBlock();
}

void TextFormatter::setEnabled(bool enabled)
{
    for (QAction *action :
         {m_actions.bold, m_actions.italic, m_actions.underline, m_actions.strikethrough,
          m_actions.color, m_actions.bulletList, m_actions.numberedList, m_actions.quote,
          m_actions.link, m_actions.clearFormatting})
        action->setEnabled(enabled);
    m_font->setEnabled(enabled);
    m_size->setEnabled(enabled);
}

bool TextFormatter::hasFormatting(const QTextDocument *document)
{
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        const QTextBlockFormat format = block.blockFormat();
        if (block.textList() || format.leftMargin() > 0 || format.indent() > 0)
            return true;
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextCharFormat c = it.fragment().charFormat();
            if (c.isImageFormat() || c.isAnchor() || c.fontWeight() > QFont::Normal ||
                c.fontItalic() || c.fontUnderline() || c.fontStrikeOut() ||
                c.hasProperty(QTextFormat::ForegroundBrush) ||
                c.hasProperty(QTextFormat::FontFamilies) ||
                c.hasProperty(QTextFormat::FontPointSize))
                return true;
        }
    }
    return false;
}

QString TextFormatter::plainTextOf(const QTextDocument *document)
{
    QStringList lines;
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        QString text;
        QString href; // of the link being written, whose address follows its last fragment
        auto endLink = [&] {
            if (!href.isEmpty())
                text += u" <"_s + (href.startsWith(u"mailto:"_s) ? href.mid(7) : href) + u'>';
            href.clear();
        };
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            const QTextCharFormat format = fragment.charFormat();
            const QString linkTo = format.isAnchor() ? format.anchorHref() : QString();
            if (linkTo != href)
                endLink();
            if (format.isImageFormat())
                continue;
            href = linkTo;
            // A link whose text is its address needs it only once.
            const QString fragmentText = fragment.text();
            if (!href.isEmpty() && (href == fragmentText || href == u"mailto:"_s + fragmentText))
                href.clear();
            text += fragmentText;
        }
        endLink();
        text.remove(QChar::ObjectReplacementCharacter);
        text.replace(QChar::Nbsp, u' ');
        const QStringList parts = text.split(QChar::LineSeparator);
        const bool quoted = block.blockFormat().leftMargin() > 0;
        QString first = quoted ? u"> "_s : QString();
        QString more = first;
        if (const QTextList *list = block.textList()) {
            const QString mark = isNumbered(list->format().style())
                                     ? QString::number(list->itemNumber(block) + 1) + u". "_s
                                     : u"- "_s;
            first += mark;
            more += QString(mark.size(), u' ');
        }
        for (qsizetype i = 0; i < parts.size(); ++i)
            lines << (i == 0 ? first : more) + parts.at(i);
    }
    return lines.join(u'\n');
}

void TextFormatter::merge(const QTextCharFormat &format)
{
    // With a selection, the selection; without, what is typed next.
    m_editor->mergeCurrentCharFormat(format);
}

void TextFormatter::followCharFormat(const QTextCharFormat &format)
{
    m_actions.bold->setChecked(format.fontWeight() >= QFont::Bold);
    m_actions.italic->setChecked(format.fontItalic());
    m_actions.underline->setChecked(format.fontUnderline() && !format.isAnchor());
    m_actions.strikethrough->setChecked(format.fontStrikeOut());
    const QFont font = format.font().resolve(m_editor->document()->defaultFont());
    {
        const QSignalBlocker blockFont(m_font);
        m_font->setCurrentFont(font);
    }
    {
        const QSignalBlocker blockSize(m_size);
        const qreal points = font.pointSizeF();
        m_size->setEditText(points > 0 ? QString::number(points) : QString());
    }
    updateColorIcon(format.hasProperty(QTextFormat::ForegroundBrush) ? format.foreground().color()
                                                                     : QColor());
}

void TextFormatter::followBlock()
{
    const QTextCursor cursor = m_editor->textCursor();
    const QTextList *list = cursor.currentList();
    m_actions.bulletList->setChecked(list && !isNumbered(list->format().style()));
    m_actions.numberedList->setChecked(list && isNumbered(list->format().style()));
    m_actions.quote->setChecked(cursor.blockFormat().leftMargin() > 0);
}

void TextFormatter::toggleBulletList()
{
    toggleList(false);
}

void TextFormatter::toggleNumberedList()
{
    toggleList(true);
}

void TextFormatter::toggleList(bool numbered)
{
    QTextCursor cursor = m_editor->textCursor();
    QTextList *list = cursor.currentList();
    const QTextListFormat::Style style =
        numbered ? QTextListFormat::ListDecimal : QTextListFormat::ListDisc;
    cursor.beginEditBlock();
    if (list && isNumbered(list->format().style()) == numbered) {
        // Out of the list: every block of the selection.
        const QTextDocument *document = m_editor->document();
        const QTextBlock last = document->findBlock(cursor.selectionEnd());
        for (QTextBlock block = document->findBlock(cursor.selectionStart()); block.isValid();
             block = block.next()) {
            if (QTextList *in = block.textList())
                in->remove(block);
            if (block == last)
                break;
        }
    } else if (list) {
        QTextListFormat format = list->format();
        format.setStyle(style);
        list->setFormat(format);
    } else {
        QTextListFormat format;
        format.setStyle(style);
        cursor.createList(format);
    }
    cursor.endEditBlock();
    followBlock();
}

void TextFormatter::toggleQuote()
{
    QTextCursor cursor = m_editor->textCursor();
    const bool quoted = cursor.blockFormat().leftMargin() > 0;
    QTextBlockFormat format;
    format.setLeftMargin(quoted ? 0 : kQuoteMarginPx);
    if (quoted)
        format.setRightMargin(0); // an imported <blockquote> has both
    cursor.mergeBlockFormat(format);
    followBlock();
}

void TextFormatter::clearFormatting()
{
    QTextCursor cursor = m_editor->textCursor();
    if (cursor.hasSelection())
        cursor.setCharFormat(QTextCharFormat());
    m_editor->setCurrentCharFormat(QTextCharFormat());
}

void TextFormatter::chooseColor()
{
    const QColor color = QColorDialog::getColor(m_editor->textColor(), m_editor, tr("Text Colour"));
    if (!color.isValid())
        return;
    QTextCharFormat format;
    format.setForeground(color);
    merge(format);
    updateColorIcon(color);
}

void TextFormatter::updateColorIcon(const QColor &color)
{
    m_actions.color->setIcon(formatIcon(FormatIcon::TextColor, color));
}

void TextFormatter::askLink()
{
    QString url;
    QString text = m_editor->textCursor().selectedText();
    if (m_askLink) {
        if (!m_askLink(&url, &text))
            return;
    } else {
        LinkDialog dialog(text, m_editor->window());
        if (dialog.exec() != QDialog::Accepted)
            return;
        url = dialog.url();
        text = dialog.text();
    }
    insertLink(url, text);
}

void TextFormatter::insertLink(const QString &url, const QString &text)
{
    if (url.isEmpty())
        return;
    QTextCursor cursor = m_editor->textCursor();
    const QTextCharFormat before = cursor.charFormat();
    QTextCharFormat link = before;
    link.setAnchor(true);
    link.setAnchorHref(url);
    link.setFontUnderline(true);
    link.setForeground(m_editor->palette().color(QPalette::Link));
    cursor.insertText(text.isEmpty() ? url : text, link);
    // What is typed after the link is not part of it.
    QTextCharFormat after = before;
    after.setAnchor(false);
    after.clearProperty(QTextFormat::AnchorHref);
    m_editor->setTextCursor(cursor);
    m_editor->setCurrentCharFormat(after);
}

} // namespace Gui
