// SPDX-License-Identifier: GPL-3.0-or-later
#include "messagecontent.h"

#include "mime/flowed.h"

namespace Client {

MessageContent loadMessageContent(const QString &path)
{
    Mime::initialize();
    MessageContent content;
    content.path = path;
    content.read = Mime::readMessage(path);
    if (!content.read.view)
        return content; // unreadable: the reason is in read.error
    const Mime::MessageView &view = *content.read.view;
    content.problems = view.warnings;
    // A second parse for what MessageView leaves out; it only costs the headers again
    // (vmime leaves the bodies in the file until they are extracted).
    Mime::DisplayParts parts = Mime::readDisplayParts(path);
    content.problems += parts.warnings;
    if (view.text)
        content.plainText = parts.flowed ? Mime::unflowText(*view.text, parts.delSp) : *view.text;
    if (view.html)
        content.inlineParts = std::move(parts.inlineParts);
    return content;
}

} // namespace Client
