// SPDX-License-Identifier: GPL-3.0-or-later
#include "addresses.h"

#include "charsets.h"

#include <vmime/vmime.hpp>

#include <QIODevice>

using namespace Qt::StringLiterals;

namespace Mime::detail {

namespace {

constexpr qint64 kMaxAddressFieldBytes =
    64 * 1024; // re-read from the source; longer ones regenerated

bool plainCharset(const vmime::charset &c)
{
    std::string name = c.getName();
    for (char &ch : name)
        ch = char(std::tolower(uchar(ch)));
    return name.empty() || name == "us-ascii" || name == "utf-8";
}

// vmime 0.9.2 gives an address without a domain the platform's host name
// (VMIME-NOTES #235; ours says "localhost"): whether the sender wrote a
// domain is read from the mailbox's own bytes in `value`, the text parsed.
bool wroteDomain(const vmime::mailbox &m, const std::string &value)
{
    const size_t offset = m.getParsedOffset();
    const size_t length = m.getParsedLength();
    if (length == 0 || offset + length > value.size())
        return true; // nothing to go by: keep what vmime read
    const std::string own = value.substr(offset, length);
    const size_t angle = own.rfind('<');
    return own.find('@', angle == std::string::npos ? 0 : angle) != std::string::npos;
}

void addMailbox(QList<Address> &out, const vmime::mailbox &m, const std::string &value,
                QStringList *warnings)
{
    const vmime::emailAddress &email = m.getEmail();
    if (!wroteDomain(m, value)) {
        out.append(
            {textOf(m.getName(), warnings).trimmed(), wordOf(email.getLocalName(), warnings)});
        return;
    }
    // vmime re-encodes the address to print it, and 0.9.2 leaks an ICU
    // converter when a word's charset is one ICU cannot write (found by
    // fuzzing): such addresses are put together from their own bytes.
    QString address;
    if (plainCharset(email.getLocalName().getCharset()) &&
        plainCharset(email.getDomainName().getCharset())) {
        address = QString::fromStdString(email.toString());
    } else {
        address = wordOf(email.getLocalName(), warnings);
        if (!email.getDomainName().isEmpty())
            address += u'@' + wordOf(email.getDomainName(), warnings);
    }
    out.append({textOf(m.getName(), warnings).trimmed(), address});
}

void addAddresses(QList<Address> &out, const vmime::addressList &list, const std::string &value,
                  QStringList *warnings)
{
    for (size_t i = 0; i < list.getAddressCount(); ++i) {
        const auto a = list.getAddressAt(i);
        if (a->isGroup()) {
            const auto group = vmime::dynamicCast<const vmime::mailboxGroup>(a);
            for (size_t j = 0; j < group->getMailboxCount(); ++j)
                addMailbox(out, *group->getMailboxAt(j), value, warnings);
        } else {
            addMailbox(out, *vmime::dynamicCast<const vmime::mailbox>(a), value, warnings);
        }
    }
}

} // namespace

// From and Reply-To may hold lists, but vmime 0.9.2 parses them as one
// mailbox (VMIME-NOTES): re-read the field's own bytes from the file and parse
// those as an address list (To and Cc too: the bytes tell an address without
// a domain).
void addressField(QList<Address> &out, const vmime::header &header, const char *name,
                  QIODevice &source, QStringList *warnings)
{
    const auto field = header.findField(name);
    if (!field)
        return;
    std::string value;
    const size_t length = field->getParsedLength();
    if (length > 0 && qint64(length) < kMaxAddressFieldBytes &&
        source.seek(qint64(field->getParsedOffset()))) {
        const QByteArray raw = source.read(qint64(length));
        const qsizetype colon = raw.indexOf(':');
        if (colon > 0)
            value = raw.mid(colon + 1).toStdString();
    }
    // Regenerating is the fallback only: vmime 0.9.2 leaks an ICU converter
    // when it re-encodes a name in an odd charset (found by fuzzing).
    if (value.empty())
        value = field->getValue()->generate();
    vmime::addressList list;
    list.parse(value);
    addAddresses(out, list, value, warnings);
}

} // namespace Mime::detail
