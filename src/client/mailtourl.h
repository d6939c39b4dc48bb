// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client/draft.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace Client {

// A mailto: URL (RFC 6068) as the draft it asks for: `tidings "mailto:a@b?subject=..&cc=.."`.
struct MailtoUrl
{
    // To from the path and every to=, Cc, Bcc (comma-separated lists split, each as written),
    // Subject, the body as plain text (CRLF -> LF), In-Reply-To. Percent-escapes are UTF-8; a
    // '+' stays a '+'.
    Draft draft;
    // The header names that were not taken (lower case): attach=, from=, anything that could
    // send a file or pose as someone else, and names this does not know.
    QStringList ignored;

    // nullopt when `url` is not a mailto: URL or is over kMaxLength characters.
    static std::optional<MailtoUrl> parse(const QString &url);

    static constexpr qsizetype kMaxLength = 256 * 1024;
};

} // namespace Client
