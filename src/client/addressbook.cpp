// SPDX-License-Identifier: GPL-3.0-or-later
#include "addressbook.h"

#include "store/messagestore.h"

#include <QHash>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QThread>

using namespace Qt::StringLiterals;

namespace Client {

namespace {

Q_LOGGING_CATEGORY(lcAddressBook, "tidings.client.addressbook")

// The store keeps "Name <addr>" or "addr", joined by ", " (Mime::summarize). A name with a comma
// loses what is before it: the address is what matters.
const QRegularExpression &entryPattern()
{
    static const QRegularExpression re(
        u"\\s*([^,<>]*?)\\s*<([^<>\\s@]+@[^<>\\s]+)>|([^\\s,<>]+@[^\\s,<>]+)"_s);
    return re;
}

struct Seen
{
    int count = 0;
    QHash<QString, int> forms; // "Name <addr>" (or addr) -> uses
};

} // namespace

AddressBook::AddressBook(QObject *parent)
    : QStringListModel(parent)
{}

AddressBook::~AddressBook()
{
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
    }
}

QStringList AddressBook::rank(const QList<std::pair<QString, int>> &texts)
{
    QHash<QString, Seen> byAddress; // lower-case address
    for (const auto &[text, uses] : texts) {
        auto it = entryPattern().globalMatch(text);
        while (it.hasNext()) {
            const QRegularExpressionMatch m = it.next();
            const QString address = m.captured(2).isEmpty() ? m.captured(3) : m.captured(2);
            const QString name = m.captured(1).trimmed().remove(u'"');
            Seen &seen = byAddress[address.toLower()];
            seen.count += uses;
            seen.forms[name.isEmpty() ? address : name + u" <"_s + address + u'>'] += uses;
        }
    }
    struct Ranked
    {
        QString text;
        int count;
    };
    std::vector<Ranked> ranked;
    ranked.reserve(byAddress.size());
    for (const Seen &seen : std::as_const(byAddress)) {
        // A form with a name (the one used most) rather than the bare address.
        QString best;
        int bestUses = -1;
        bool bestNamed = false;
        for (auto f = seen.forms.cbegin(); f != seen.forms.cend(); ++f) {
            const bool named = f.key().endsWith(u'>');
            const bool better = named != bestNamed      ? named
                                : f.value() != bestUses ? f.value() > bestUses
                                                        : f.key() < best;
            if (bestUses < 0 || better) {
                best = f.key();
                bestUses = f.value();
                bestNamed = named;
            }
        }
        ranked.push_back({best, seen.count});
    }
    std::sort(ranked.begin(), ranked.end(), [](const Ranked &a, const Ranked &b) {
        if (a.count != b.count)
            return a.count > b.count;
        return a.text.compare(b.text, Qt::CaseInsensitive) < 0;
    });
    QStringList out;
    out.reserve(qsizetype(ranked.size()));
    for (const Ranked &r : ranked)
        out << r.text;
    return out;
}

void AddressBook::load(const QString &storeDirectory)
{
    if (m_thread) {
        m_again = storeDirectory;
        return;
    }
    auto result = std::make_shared<QStringList>();
    m_result = result;
    m_thread = QThread::create([storeDirectory, result] {
        Store::MessageStore store(storeDirectory);
        QString error;
        if (!store.open(&error)) {
            qCWarning(lcAddressBook) << "cannot read the store:" << error;
            return;
        }
        *result = rank(store.correspondents());
    });
    connect(m_thread, &QThread::finished, this, &AddressBook::onLoaded);
    m_thread->start();
}

void AddressBook::onLoaded()
{
    Q_ASSERT(QThread::currentThread() == thread());
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
    setStringList(*m_result);
    m_result.reset();
    qCDebug(lcAddressBook) << rowCount() << "addresses";
    Q_EMIT loaded(rowCount());
    if (!m_again.isEmpty())
        load(std::exchange(m_again, QString()));
}

} // namespace Client
