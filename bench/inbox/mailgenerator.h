// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Realistic mail for benchmarks and tests: English and Chinese senders and subjects, text of
// varied length, some attachments, threads (In-Reply-To and References), dates spread over
// three years up to today. Deterministic for a seed. Each message comes with the summary the
// reader would make of it, so a fixture can fill a store without parsing what it just wrote.

#include "core/types/mailindex.h"

#include <QByteArray>
#include <QList>
#include <QRandomGenerator>
#include <QString>

#include <vector>

namespace Bench {

struct GeneratedMail
{
    QString uidl;
    QByteArray raw;
    Types::MessageSummary summary;
    bool seen = false;
    int parent = -1; // the index of the message it replies to, or -1
};

class MailGenerator
{
public:
    // now: the newest message's time (Unix); total: how many will be made (spreads the dates).
    MailGenerator(quint32 seed, qint64 now, int total);
    GeneratedMail next();
    int made() const { return m_made; }

    // Words the generated text is made of: searches that find something.
    static QStringList englishSearchTerms();
    static QStringList chineseSearchTerms(); // two characters each

private:
    struct Sent
    {
        QString messageId;
        QStringList references;
        QString subject;
    };
    QRandomGenerator m_random;
    qint64 m_now;
    int m_total;
    int m_made = 0;
    std::vector<Sent> m_recent; // the last messages, which replies answer
    QString paragraph(bool chinese);
    QByteArray attachment(qsizetype bytes);
};

} // namespace Bench
