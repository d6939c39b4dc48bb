// SPDX-License-Identifier: GPL-3.0-or-later
#include "signatureblock.h"

#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextDocumentFragment>

using namespace Qt::StringLiterals;

namespace Gui::SignatureBlock {

namespace {

constexpr int kSignatureProperty = QTextFormat::UserProperty + 1;

QTextBlock firstMarked(const QTextDocument *document)
{
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next())
        if (block.blockFormat().boolProperty(kSignatureProperty))
            return block;
    return {};
}

void mark(QTextDocument *document, int from)
{
    QTextCursor cursor(document);
    cursor.setPosition(from);
    cursor.movePosition(QTextCursor::End, QTextCursor::KeepAnchor);
    QTextBlockFormat marked;
    marked.setProperty(kSignatureProperty, true);
    cursor.mergeBlockFormat(marked);
}

} // namespace

QString plainText(const QString &signature, bool signatureIsHtml)
{
    const QString text =
        signatureIsHtml ? QTextDocumentFragment::fromHtml(signature).toPlainText() : signature;
    return text.trimmed();
}

QString append(QTextDocument *document, const QString &signature, bool signatureIsHtml, bool rich)
{
    if (plainText(signature, signatureIsHtml).isEmpty())
        return {};
    QTextCursor cursor(document);
    cursor.movePosition(QTextCursor::End);
    cursor.beginEditBlock();
    // A blank line, then the separator of RFC 3676 4.3 ("-- "), in plain blocks (no list or
    // quote carried over from the text above); all of it marked.
    cursor.insertBlock(QTextBlockFormat(), QTextCharFormat());
    const int from = cursor.position();
    cursor.insertBlock(QTextBlockFormat(), QTextCharFormat());
    cursor.insertText(u"-- "_s);
    cursor.insertBlock(QTextBlockFormat(), QTextCharFormat());
    if (rich && signatureIsHtml)
        cursor.insertHtml(signature);
    else
        cursor.insertText(plainText(signature, signatureIsHtml));
    mark(document, from);
    cursor.endEditBlock();
    return text(document);
}

QString text(const QTextDocument *document)
{
    QStringList lines;
    for (QTextBlock block = firstMarked(document); block.isValid(); block = block.next())
        if (block.blockFormat().boolProperty(kSignatureProperty))
            lines << block.text();
    return lines.join(u'\n');
}

void remove(QTextDocument *document)
{
    const QTextBlock first = firstMarked(document);
    if (!first.isValid())
        return;
    QTextCursor cursor(document);
    // From the end of the block before it (or the start), so that no empty block stays.
    cursor.setPosition(qMax(0, first.position() - 1));
    cursor.movePosition(QTextCursor::End, QTextCursor::KeepAnchor);
    cursor.removeSelectedText();
}

QString markExisting(QTextDocument *document, const QString &signature, bool signatureIsHtml)
{
    const QString wanted = plainText(signature, signatureIsHtml);
    if (wanted.isEmpty())
        return {};
    for (QTextBlock block = document->lastBlock(); block.isValid(); block = block.previous()) {
        const QString line = block.text();
        if (line != u"-- "_s && line != u"--"_s)
            continue;
        QStringList after;
        for (QTextBlock next = block.next(); next.isValid(); next = next.next())
            after << next.text();
        if (after.join(u'\n').trimmed() != wanted)
            return {};
        // The blank line before it too, unless that is where the message is written.
        const QTextBlock blank = block.previous();
        const bool withBlank =
            blank.isValid() && blank.text().isEmpty() && blank.previous().isValid();
        mark(document, withBlank ? blank.position() : block.position());
        return text(document);
    }
    return {};
}

bool isSignature(const QTextDocument *document, int blockNumber)
{
    return document->findBlockByNumber(blockNumber).blockFormat().boolProperty(kSignatureProperty);
}

} // namespace Gui::SignatureBlock
