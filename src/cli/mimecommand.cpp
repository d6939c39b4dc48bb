// SPDX-License-Identifier: GPL-3.0-or-later
#include "mimecommand.h"

#include "mime/messageview.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace Cli {

namespace {

int fail(const QString &message)
{
    QTextStream(stderr) << "tidings-cli mime: " << message << '\n';
    return 2;
}

QJsonArray addresses(const QList<Mime::Address> &list)
{
    QJsonArray out;
    for (const Mime::Address &a : list)
        out.append(QJsonObject{{u"name"_s, a.name}, {u"address"_s, a.address}});
    return out;
}

QJsonValue optional(const std::optional<QString> &s)
{
    return s ? QJsonValue(*s) : QJsonValue(QJsonValue::Null);
}

QJsonObject toJson(const Mime::MessageView &v)
{
    QJsonArray attachments;
    for (const Mime::Attachment &a : v.attachments)
        attachments.append(QJsonObject{{u"filename"_s, a.filename},
                                       {u"content_type"_s, a.contentType},
                                       {u"size"_s, a.size},
                                       {u"content_id"_s, a.contentId.isEmpty() ? QJsonValue() : QJsonValue(a.contentId)},
                                       {u"inline"_s, a.isInline}});
    return {{u"subject"_s, v.subject},
            {u"from"_s, addresses(v.from)},
            {u"to"_s, addresses(v.to)},
            {u"cc"_s, addresses(v.cc)},
            {u"reply_to"_s, addresses(v.replyTo)},
            {u"date"_s, v.date.isValid() ? QJsonValue(v.date.toString(u"yyyy-MM-ddTHH:mm:ssZ"_s)) : QJsonValue()},
            {u"message_id"_s, v.messageId},
            {u"text"_s, optional(v.text)},
            {u"html"_s, optional(v.html)},
            {u"attachments"_s, attachments},
            {u"warnings"_s, QJsonArray::fromStringList(v.warnings)}};
}

QString people(const QList<Mime::Address> &list)
{
    QStringList out;
    for (const Mime::Address &a : list)
        out << (a.name.isEmpty() ? a.address : u"%1 <%2>"_s.arg(a.name, a.address));
    return out.join(u", "_s);
}

} // namespace

int runMimeCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Read a stored message (RFC 5322 file).\n"
                                     "  show FILE [--json]        headers, bodies and attachments\n"
                                     "  extract FILE INDEX DIR    save attachment INDEX (0-based) into DIR"_s);
    parser.addHelpOption();
    const QCommandLineOption json(u"json"_s, u"Print one JSON object."_s);
    parser.addOption(json);
    parser.addPositionalArgument(u"action"_s, u"show or extract"_s);
    if (!parser.parse(arguments))
        return fail(parser.errorText());
    if (parser.isSet(u"help"_s)) {
        QTextStream(stdout) << parser.helpText();
        return 0;
    }
    const QStringList args = parser.positionalArguments();
    Mime::initialize();
    if (args.value(0) == u"extract"_s && args.size() == 4) {
        bool ok = false;
        const int index = args[2].toInt(&ok);
        QString error;
        const QString saved = ok ? Mime::extractAttachment(args[1], index, args[3], &error) : QString();
        if (saved.isEmpty())
            return fail(ok ? error : u"INDEX must be a number"_s);
        QTextStream(stdout) << saved << '\n';
        return 0;
    }
    if (args.value(0) != u"show"_s || args.size() != 2)
        return fail(u"usage: tidings-cli mime show FILE [--json] | mime extract FILE INDEX DIR"_s);
    const Mime::ReadResult result = Mime::readMessage(args[1]);
    if (!result.view)
        return fail(result.error);
    const Mime::MessageView &v = *result.view;
    QTextStream out(stdout);
    if (parser.isSet(json)) {
        out << QJsonDocument(toJson(v)).toJson(QJsonDocument::Indented);
        return 0;
    }
    out << "Subject: " << v.subject << "\nFrom:    " << people(v.from) << "\nTo:      " << people(v.to) << '\n';
    if (!v.cc.isEmpty())
        out << "Cc:      " << people(v.cc) << '\n';
    out << "Date:    " << (v.date.isValid() ? v.date.toString(Qt::ISODate) : u"-"_s) << "\n\n";
    out << (v.text ? *v.text : v.html ? u"(HTML only)"_s : u"(no text)"_s) << '\n';
    for (qsizetype i = 0; i < v.attachments.size(); ++i)
        out << "[" << i << "] " << v.attachments[i].filename << " (" << v.attachments[i].contentType << ", "
            << v.attachments[i].size << " bytes" << (v.attachments[i].isInline ? ", inline" : "") << ")\n";
    for (const QString &w : v.warnings)
        out << "warning: " << w << '\n';
    return 0;
}

} // namespace Cli
