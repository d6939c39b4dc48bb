// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

class QSqlDatabase;

namespace Store {

// Index version 3: rows are keyed by Types::mailboxKey (user@host) instead of
// "user@host:port". Rows of one mailbox reached over several ports or host
// spellings become one: the most complete copy stays (with the union of the
// flags), the others go. Runs in one transaction; returns the Maildir paths
// (relative) of the copies that went, to be removed once it is committed.
bool migrateMailboxKeys(QSqlDatabase &db, bool fullText, QStringList *duplicateFiles,
                        QString *error);

// The mailbox key of a key written before version 3, or the key itself when it is not of that form.
QString mailboxKeyOfLegacy(const QString &legacyKey);

} // namespace Store
