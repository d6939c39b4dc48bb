// SPDX-License-Identifier: GPL-3.0-or-later
#include "mailtourl.h"

#include <QLoggingCategory>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcMailto, "tidings.client.mailto", QtInfoMsg)

namespace Client {

namespace {

// Percent-escapes are octets of UTF-8 (RFC 6068 2); characters typed as such (an IRI) are too.
QString decoded(const QByteArray &bytes)
{
    return QString::fromUtf8(QByteArray::fromPercentEncoding(bytes));
}

// A header value on one line: no CR or LF can start another header field.
QString oneLine(QString value)
{
    value.replace(u'\r', u' ');
    value.replace(u'\n', u' ');
    return value.simplified();
}

// "a@x, \"Doe, J\" <j@y>": split at commas outside quotes and angle brackets.
QStringList addressList(const QString &text)
{
    QStringList out;
    QString current;
    bool quoted = false;
    bool angle = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted && c == u'\\' && i + 1 < text.size()) {
            current += c;
            current += text.at(++i);
            continue;
        }
        if (c == u'"')
            quoted = !quoted;
        else if (!quoted && c == u'<')
            angle = true;
        else if (!quoted && c == u'>')
            angle = false;
        if (c == u',' && !quoted && !angle) {
            out << current;
            current.clear();
        } else {
            current += c;
        }
    }
    out << current;
    QStringList addresses;
    for (const QString &entry : std::as_const(out)) {
        const QString address = oneLine(entry);
        if (!address.isEmpty())
            addresses << address;
    }
    return addresses;
}

QString messageId(const QString &value)
{
    QString id = oneLine(value);
    if (id.startsWith(u'<'))
        id.remove(0, 1);
    if (id.endsWith(u'>'))
        id.chop(1);
    return id.contains(u' ') || id.contains(u'<') || id.contains(u'>') ? QString() : id;
}

} // namespace

std::optional<MailtoUrl> MailtoUrl::parse(const QString &url)
{
    const QString trimmed = url.trimmed();
    if (trimmed.size() > kMaxLength || !trimmed.startsWith(u"mailto:"_s, Qt::CaseInsensitive))
        return std::nullopt;
    QByteArray rest = trimmed.mid(7).toUtf8();
    if (const qsizetype hash = rest.indexOf('#'); hash >= 0) // a fragment means nothing here
        rest.truncate(hash);
    const qsizetype question = rest.indexOf('?');

    MailtoUrl result;
    Draft &draft = result.draft;
    draft.rich = false;
    draft.to = addressList(decoded(rest.left(question < 0 ? rest.size() : question)));
    bool haveBody = false;
    const QByteArray query = question < 0 ? QByteArray() : rest.mid(question + 1);
    for (const QByteArray &field : query.split('&')) {
        if (field.isEmpty())
            continue;
        const qsizetype equals = field.indexOf('=');
        const QString name =
            decoded(field.left(equals < 0 ? field.size() : equals)).trimmed().toLower();
        const QString value = equals < 0 ? QString() : decoded(field.mid(equals + 1));
        if (name == u"to") {
            draft.to += addressList(value);
        } else if (name == u"cc") {
            draft.cc += addressList(value);
        } else if (name == u"bcc") {
            draft.bcc += addressList(value);
        } else if (name == u"subject") {
            if (draft.subject.isEmpty())
                draft.subject = oneLine(value);
        } else if (name == u"body") {
            if (!haveBody) {
                draft.text = QString(value).replace(u"\r\n"_s, u"\n"_s).replace(u'\r', u'\n');
                haveBody = true;
            }
        } else if (name == u"in-reply-to") {
            if (draft.inReplyTo.isEmpty())
                draft.inReplyTo = messageId(value);
        } else {
            // attach=, from=, sender=, reply-to= ... a link must not add a file of ours to the
            // message nor send it in another's name.
            result.ignored << name;
        }
    }
    if (!result.ignored.isEmpty())
        qCInfo(lcMailto) << "mailto: ignored the fields" << result.ignored;
    return result;
}

} // namespace Client
