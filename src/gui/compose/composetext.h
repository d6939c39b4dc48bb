// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

// Text rules of the compose window, kept out of the widgets so that they can be tested alone.
namespace Gui::ComposeText {

// Whether the text speaks of an attachment ("see attached", "见附件"): the words attach,
// attached, attaching, attachment(s), enclosed, 附件, 附上. Quoted lines ("> ...") do not
// count: they are someone else's words.
bool mentionsAttachment(const QString &text);

// The entry of a comma- (or semicolon-) separated address list that the cursor is in: [start, end)
// without the blanks around it. Separators inside "quoted names" and <angle brackets> do not count.
struct Span
{
    int start = 0;
    int end = 0;
};
Span addressEntryAt(const QString &text, int cursor);
// Every non-empty entry of the list, in order.
QList<Span> addressEntries(const QString &text);

} // namespace Gui::ComposeText
