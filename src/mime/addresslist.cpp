// SPDX-License-Identifier: GPL-3.0-or-later
// Address lists as people type and paste them, and the one rule for what counts as an address.
#include "addressrules.h"
#include "charsets.h"
#include "messagebuilder.h"

#include <vmime/text.hpp>

#include <QUrl>

using namespace Qt::StringLiterals;

namespace Mime {

namespace {

// RFC 5322 atext plus the dot of a dot-atom: what an unquoted local part may hold.
bool isLocalChar(QChar c)
{
    if (c.unicode() < 0x21 || c.unicode() > 0x7e)
        return false;
    return c.isLetterOrNumber() || u"!#$%&'*+-/=?^_`{|}~."_s.contains(c);
}

bool isValidLocalPart(const QString &local)
{
    if (local.isEmpty() || local.startsWith(u'.') || local.endsWith(u'.') ||
        local.contains(u".."_s))
        return false;
    return std::all_of(local.begin(), local.end(), isLocalChar);
}

// The domain in ASCII (IDNA for a Chinese domain), empty when it is not a host name.
QString asciiDomain(const QString &domain)
{
    if (domain.compare(u"localhost"_s, Qt::CaseInsensitive) == 0)
        return domain;
    if (!domain.contains(u'.') || domain.startsWith(u'.') || domain.endsWith(u'.') ||
        domain.contains(u".."_s))
        return {};
    const QString ace = QString::fromLatin1(QUrl::toAce(domain));
    if (ace.isEmpty())
        return {};
    for (const QString &label : ace.split(u'.')) {
        if (label.isEmpty() || label.startsWith(u'-') || label.endsWith(u'-'))
            return {};
        for (const QChar c : label)
            if (c.unicode() > 0x7e || !(c.isLetterOrNumber() || c == u'-'))
                return {};
    }
    return ace;
}

// Entries split on , ; and line ends that are outside quotes, <...> and (...).
QStringList splitEntries(const QString &text, QList<QChar> *separators)
{
    QStringList entries;
    QString current;
    bool quoted = false;
    int angle = 0;
    int paren = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (quoted) {
            current += c;
            if (c == u'\\' && i + 1 < text.size())
                current += text[++i];
            else if (c == u'"')
                quoted = false;
            continue;
        }
        if (c == u'"')
            quoted = true;
        else if (c == u'<')
            ++angle;
        else if (c == u'>' && angle > 0)
            --angle;
        else if (c == u'(')
            ++paren;
        else if (c == u')' && paren > 0)
            --paren;
        const bool lineEnd = c == u'\n' || c == u'\r';
        if (lineEnd || (angle == 0 && paren == 0 && (c == u',' || c == u';'))) {
            entries << current;
            separators->append(c);
            current.clear();
            angle = paren = 0; // a line end closes whatever was left open
            continue;
        }
        current += c;
    }
    entries << current;
    separators->append(u'\n');
    return entries;
}

QString unquote(const QString &name)
{
    if (name.size() < 2 || !name.startsWith(u'"') || !name.endsWith(u'"'))
        return name;
    QString out;
    for (qsizetype i = 1; i + 1 < name.size(); ++i) {
        if (name[i] == u'\\' && i + 2 < name.size())
            ++i;
        out += name[i];
    }
    return out;
}

// A name pasted from a raw header ("=?UTF-8?B?5byg5LiJ?=") reads as its text.
QString decodedName(const QString &name)
{
    if (!name.contains(u"=?"_s) || !name.contains(u"?="_s))
        return name;
    const auto decoded = vmime::text::decodeAndUnfold(name.toStdString());
    QStringList warnings;
    const QString text = detail::textOf(*decoded, &warnings);
    return warnings.isEmpty() && !text.isEmpty() ? text : name;
}

std::optional<Address> parseEntry(QString entry)
{
    entry = entry.trimmed();
    QString name;
    QString address;
    const qsizetype open = entry.lastIndexOf(u'<');
    if (open >= 0 && entry.endsWith(u'>')) {
        name = unquote(entry.left(open).trimmed());
        address = entry.mid(open + 1, entry.size() - open - 2).trimmed();
    } else if (entry.endsWith(u')') && entry.contains(u'(')) { // "a@b (Ann)"
        const qsizetype paren = entry.indexOf(u'(');
        name = entry.mid(paren + 1, entry.size() - paren - 2).trimmed();
        address = entry.left(paren).trimmed();
    } else {
        address = entry;
    }
    if (address.startsWith(u"mailto:"_s, Qt::CaseInsensitive))
        address = address.mid(7);
    if (!isValidAddress(address))
        return std::nullopt;
    return Address{decodedName(name.simplified()), address};
}

bool needsQuotes(const QString &name)
{
    if (name != name.trimmed() || name.contains(u"  "_s))
        return true;
    for (const QChar c : name)
        if (u"()<>[]:;@\\,.\""_s.contains(c) || c.category() == QChar::Other_Control)
            return true;
    return false;
}

} // namespace

bool isValidAddress(const QString &address)
{
    return !detail::asciiAddress(address).isEmpty();
}

namespace detail {

QString asciiAddress(const QString &address)
{
    if (address.count(u'@') != 1)
        return {};
    const qsizetype at = address.indexOf(u'@');
    const QString local = address.left(at);
    const QString domain = asciiDomain(address.mid(at + 1));
    if (!isValidLocalPart(local) || domain.isEmpty())
        return {};
    return local + u'@' + domain;
}

} // namespace detail

AddressList parseAddressList(const QString &text)
{
    QList<QChar> separators;
    const QStringList entries = splitEntries(text, &separators);
    AddressList out;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        QString entry = entries[i].trimmed();
        if (entry.isEmpty())
            continue;
        // "Smith, John <john@x>" pasted from a client that does not quote names: a lone word
        // before a comma joins the named address after it.
        if (!entry.contains(u'@') && !entry.contains(u'<') && separators[i] == u',' &&
            i + 1 < entries.size() && entries[i + 1].contains(u'<') &&
            !entries[i + 1].trimmed().startsWith(u'<')) {
            const auto joined = parseEntry(entry + u", "_s + entries[i + 1].trimmed());
            if (joined) {
                out.valid << *joined;
                ++i;
                continue;
            }
        }
        if (const auto address = parseEntry(entry))
            out.valid << *address;
        else
            out.invalid << entry;
    }
    return out;
}

QString formatAddress(const Address &address)
{
    if (address.name.isEmpty())
        return address.address;
    QString name = address.name;
    if (needsQuotes(name)) {
        name.replace(u'\\', u"\\\\"_s).replace(u'"', u"\\\""_s);
        name = u'"' + name + u'"';
    }
    return name + u" <"_s + address.address + u'>';
}

} // namespace Mime
