// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Store {

// A message of the Outbox on its way out (index version 6): the account it goes from, where it
// stands, and why its last attempt failed. The store keeps the error as the client gave it
// (a stable kind name, the server's code and words, the refused recipients serialised): it
// knows nothing of SMTP.
struct Outgoing
{
    enum class State { Holding = 0, Queued = 1, Sending = 2, Failed = 3 };
    qint64 id = 0;   // the message's id (messages.id)
    QString account; // Types::AccountSettings::id
    State state = State::Holding;
    qint64 notBefore = 0; // ms since the epoch: held (Undo) until then
    int attempts = 0;
    QString errorKind;   // empty: no error
    int errorCode = 0;   // the server's reply code, 0 when it did not answer
    QString errorText;   // the server's words
    QString errorDetail; // English, for the log
    QString refused;     // refused recipients, as the client serialised them
};

} // namespace Store
