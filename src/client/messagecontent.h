// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mime/messageview.h"
#include "mime/partdata.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Client {

// One stored message as the message view shows it, read in one go.
struct MessageContent
{
    QString path;
    Mime::ReadResult read;
    // The plain body ready to show: format=flowed paragraphs joined (RFC 3676).
    std::optional<QString> plainText;
    // The parts the HTML body embeds (cid:), within Mime::PartLimits.
    QList<Mime::InlinePart> inlineParts;
    // What was wrong with the message (the reader's warnings and what was left out).
    QStringList problems;
};

// Blocking and thread-safe (the caller runs it off the GUI thread); calls
// Mime::initialize() itself.
MessageContent loadMessageContent(const QString &path);

} // namespace Client
