// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Private to tidings_client's .cpp files (it names store and mime types): a Draft built into the
// store and read back, and a send error as the Outbox keeps it.

#include "client/draft.h"
#include "client/sendoutcome.h"
#include "core/types/accountsettings.h"
#include "mime/messagebuilder.h"
#include "store/messagestore.h"

namespace Client::detail {

// The message the draft describes, sent from account (Bcc kept: drafts and the Outbox need it).
// Entries that do not parse are left out and listed in *invalid when given.
Mime::OutgoingMessage outgoingOf(const Draft &draft, const Types::AccountSettings &account,
                                 QStringList *invalid = nullptr);
// What the list shows and search finds of it, made from the draft (the message is not read).
Types::MessageSummary summaryOf(const Mime::OutgoingMessage &message, const QString &messageId);

// Builds the draft into a file of the store's tmp/ (written, fsync'ed), then into folder,
// replacing replaceId (0: none) and with outgoing when it goes to the Outbox, in one
// transaction. Runs on a worker thread with its own store. Its id, 0 with *error.
qint64 buildIntoStore(Store::MessageStore &store, const Draft &draft,
                      const Types::AccountSettings &account, Types::FolderKind folder,
                      qint64 replaceId, const Store::Outgoing *outgoing, QString *error);

// A message read back (Mime::readOutgoing) as a Draft; accountId: the identity whose address is
// its From, else the first one.
Draft draftOf(const Mime::OutgoingMessage &message,
              const QList<Types::AccountSettings> &identities);

// The error as the Outbox row keeps it, and back.
void storeError(const SendError &error, Store::Outgoing &row);
SendError errorOf(const Store::Outgoing &row);
OutboxEntry entryOf(const Store::Outgoing &row);

} // namespace Client::detail
