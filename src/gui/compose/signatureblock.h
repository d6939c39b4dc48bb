// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QTextDocument;

// The signature at the end of a message: a blank line, "-- " and the signature, its blocks marked
// so that changing the identity can swap it, unless the user has edited it.
namespace Gui::SignatureBlock {

// Appends the signature (rich: HTML kept; plain: as text). Returns the marked text, the
// reference signatureText() is compared with later; empty when there is no signature.
QString append(QTextDocument *document, const QString &signature, bool signatureIsHtml, bool rich);
// The marked blocks' text ("" when none are marked).
QString text(const QTextDocument *document);
// Removes the marked blocks.
void remove(QTextDocument *document);
// Marks a signature found at the end of a loaded message ("-- " or "--" followed by exactly the
// signature's text); returns the marked text or "" when it is not there.
QString markExisting(QTextDocument *document, const QString &signature, bool signatureIsHtml);
// The signature as plain text.
QString plainText(const QString &signature, bool signatureIsHtml);
// Whether the block at that position belongs to the signature.
bool isSignature(const QTextDocument *document, int blockNumber);

} // namespace Gui::SignatureBlock
