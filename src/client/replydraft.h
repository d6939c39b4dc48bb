// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client/draft.h"
#include "core/types/accountsettings.h"
#include "mime/messageview.h"

#include <QList>
#include <QString>

namespace Client {

enum class ReplyKind { Reply, ReplyAll, Forward, ForwardAsAttachment };

// The draft that answers or passes on a stored message (no widgets: the compose window opens it).
// - Reply goes to Reply-To, else From (to the original recipients when the original is one's own);
//   Reply All adds its To and Cc, without one's own addresses (every identity's), each address
//   once (case-insensitive).
// - The identity is the one the original was sent to (To, Cc, Delivered-To or X-Original-To
//   matching an identity's email, one that can send preferred), else the first that canSend().
// - Replies quote `selection` when not empty, else the whole text (the HTML's text when there is
//   no text/plain) under an attribution line: "> " lines when plain, a <blockquote type="cite">
//   (HTML-escaped, older quotes nested) when rich. The original's HTML is never carried over:
//   no remote content or markup of a stranger's goes into what we send.
// - In-Reply-To is the original's Message-ID; References its References (or In-Reply-To) and
//   its Message-ID (RFC 5322 3.6.4), read from the file at originalPath.
// - Forward puts a "Forwarded Message" block (Subject, Date, From, To, Cc) above the text and
//   attaches `originalFiles`: the original's attachments, extracted by the caller
//   (Mime::extractAttachment, in a directory that outlives the draft). Forward as attachment
//   attaches the file at originalPath itself as message/rfc822.
// The draft's signature is not added here (the compose window adds the identity's).
Draft makeReply(const Mime::MessageView &original, const QString &originalPath, ReplyKind kind,
                const QList<Types::AccountSettings> &identities, const QString &selection,
                bool rich, const QList<DraftFile> &originalFiles = {});

// For Forward: the original's attachments, inline images too (the forwarded text does not show
// them), decoded into `directory` (which must outlive the draft) under safe names. Empty with
// *error when one cannot be written.
QList<DraftFile> extractForwardedFiles(const QString &originalPath,
                                       const Mime::MessageView &original, const QString &directory,
                                       QString *error);

// "Re: " before a subject, once: "Re: Re: x", "RE: x", "AW: x" and "回复：x" all become "Re: x".
QString replySubject(const QString &subject);
// "Fwd: " before a subject, once ("Fw: x", "WG: x", "转发：x" become "Fwd: x").
QString forwardSubject(const QString &subject);
// Plain-text quoting: "> " before each line, ">" before one already quoted, ">" for an empty one.
QString quotePlain(const QString &text);
// Rich quoting: the text HTML-escaped in <blockquote type="cite">, lines quoted with ">" in it
// nested one blockquote deeper per level.
QString quoteHtml(const QString &text);

} // namespace Client
