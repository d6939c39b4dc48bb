// SPDX-License-Identifier: GPL-3.0-or-later
#include "mimecommand.h"

#include "mime/messagebuilder.h"
#include "mime/messageview.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringDecoder>
#include <QTextStream>
#include <QUrl>

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
        attachments.append(QJsonObject{
            {u"filename"_s, a.filename},
            {u"content_type"_s, a.contentType},
            {u"size"_s, a.size},
            {u"content_id"_s, a.contentId.isEmpty() ? QJsonValue() : QJsonValue(a.contentId)},
            {u"inline"_s, a.isInline}});
    return {{u"subject"_s, v.subject},
            {u"from"_s, addresses(v.from)},
            {u"to"_s, addresses(v.to)},
            {u"cc"_s, addresses(v.cc)},
            {u"reply_to"_s, addresses(v.replyTo)},
            {u"date"_s, v.date.isValid() ? QJsonValue(v.date.toString(u"yyyy-MM-ddTHH:mm:ssZ"_s))
                                         : QJsonValue()},
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

const char buildUsage[] =
    "usage: tidings-cli mime build --from A --to A [--to A]... [--cc A]... [--bcc A]...\n"
    "         [--subject S] [--text FILE] [--html FILE] [--attach FILE]... [--inline FILE]...\n"
    "         > message.eml";

bool readUtf8(const QString &path, QString *text, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = u"cannot read %1: %2"_s.arg(path, file.errorString());
        return false;
    }
    QStringDecoder decoder(QStringDecoder::Utf8);
    *text = decoder(file.readAll());
    if (decoder.hasError()) {
        *error = u"%1 is not UTF-8 text"_s.arg(path);
        return false;
    }
    return true;
}

// Every value of `option` as addresses ("a@b, Ann <c@d>" in one value is fine too).
bool addressesOf(const QCommandLineParser &parser, const QString &option, QList<Mime::Address> *out,
                 QString *error)
{
    for (const QString &value : parser.values(option)) {
        const Mime::AddressList list = Mime::parseAddressList(value);
        if (!list.invalid.isEmpty()) {
            *error = u"--%1: not an address: %2"_s.arg(option, list.invalid.first());
            return false;
        }
        *out << list.valid;
    }
    return true;
}

// The src values of the HTML that name the image at `path`: the path as given, its file name, or
// the same file relative to the HTML's folder or as a file: URL.
QHash<QString, QString> sourcesFor(const QString &html, const QString &htmlPath,
                                   const QString &path, const QString &contentId)
{
    const QFileInfo image(path);
    const QString canonical = image.canonicalFilePath();
    const QDir base = QFileInfo(htmlPath).absoluteDir();
    QHash<QString, QString> out;
    for (const QString &src : Mime::imageSources(html)) {
        const QUrl url(src);
        const QString local = url.isLocalFile() ? url.toLocalFile() : base.absoluteFilePath(src);
        if (src == path || src == image.fileName() ||
            (!canonical.isEmpty() && QFileInfo(local).canonicalFilePath() == canonical))
            out.insert(src, contentId);
    }
    return out;
}

int runBuild(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Write a new message (RFC 5322, CRLF) to standard output. Bcc is kept in the file:\n"
        "'tidings-cli smtp send' takes those recipients from it and removes the field.\n"
        "--inline embeds an image and points the HTML's src attributes that name the file at it."_s);
    parser.addHelpOption();
    const struct
    {
        QString name, value, help;
    } options[] = {
        {u"from"_s, u"ADDRESS"_s, u"The sender, \"Name <a@b>\" or a@b."_s},
        {u"to"_s, u"ADDRESS"_s, u"A recipient (repeat it, or give a list: \"a@b, Ann <c@d>\")."_s},
        {u"cc"_s, u"ADDRESS"_s, u"A copy recipient (repeatable)."_s},
        {u"bcc"_s, u"ADDRESS"_s, u"A blind copy recipient (repeatable; kept for smtp send)."_s},
        {u"subject"_s, u"TEXT"_s, u"The subject."_s},
        {u"text"_s, u"FILE"_s, u"The plain text body (UTF-8)."_s},
        {u"html"_s, u"FILE"_s,
         u"The HTML body (UTF-8); without --text a plain text is made from it."_s},
        {u"attach"_s, u"FILE"_s, u"Attach a file (repeatable)."_s},
        {u"inline"_s, u"FILE"_s, u"Embed an image the HTML shows (repeatable)."_s},
    };
    for (const auto &o : options)
        parser.addOption(QCommandLineOption(o.name, o.help, o.value));
    if (!parser.parse(arguments))
        return fail(parser.errorText() + u'\n' + QString::fromLatin1(buildUsage));
    if (parser.isSet(u"help"_s)) {
        QTextStream(stdout) << parser.helpText();
        return 0;
    }
    if (parser.positionalArguments().size() != 1) // "build" itself
        return fail(QString::fromLatin1(buildUsage));
    for (const QString &single : {u"from"_s, u"subject"_s, u"text"_s, u"html"_s})
        if (parser.values(single).size() > 1)
            return fail(u"--%1 is given more than once"_s.arg(single));

    Mime::OutgoingMessage m;
    m.keepBcc = true; // smtp send reads the Bcc recipients from the file and strips them
    QString error;
    QList<Mime::Address> from;
    if (!addressesOf(parser, u"from"_s, &from, &error) ||
        !addressesOf(parser, u"to"_s, &m.to, &error) ||
        !addressesOf(parser, u"cc"_s, &m.cc, &error) ||
        !addressesOf(parser, u"bcc"_s, &m.bcc, &error))
        return fail(error);
    if (from.size() != 1)
        return fail(u"--from needs exactly one address\n"_s + QString::fromLatin1(buildUsage));
    if (m.to.isEmpty() && m.cc.isEmpty() && m.bcc.isEmpty())
        return fail(u"no recipient: give --to, --cc or --bcc\n"_s +
                    QString::fromLatin1(buildUsage));
    m.from = from.first();
    m.subject = parser.value(u"subject"_s);
    QString body;
    if (parser.isSet(u"text"_s)) {
        if (!readUtf8(parser.value(u"text"_s), &body, &error))
            return fail(error);
        m.text = body;
    }
    if (parser.isSet(u"html"_s)) {
        if (!readUtf8(parser.value(u"html"_s), &body, &error))
            return fail(error);
        m.html = body;
    }
    if (parser.isSet(u"inline"_s) && !m.html)
        return fail(u"--inline needs --html (the images are shown from the HTML)"_s);
    for (const QString &path : parser.values(u"inline"_s)) {
        const QString cid = Mime::makeMessageId(m.from.address);
        const QHash<QString, QString> sources =
            sourcesFor(*m.html, parser.value(u"html"_s), path, cid);
        if (sources.isEmpty())
            QTextStream(stderr) << "tidings-cli mime: warning: no <img src> in the HTML names "
                                << path << '\n';
        m.html = Mime::replaceImageSources(*m.html, sources);
        m.inlineImages << Mime::OutgoingFile{path, QFileInfo(path).fileName(), QString(), cid};
    }
    for (const QString &path : parser.values(u"attach"_s))
        m.attachments << Mime::OutgoingFile{path, QFileInfo(path).fileName(), QString(), QString()};

    Mime::initialize();
    QFile out;
    if (!out.open(stdout, QIODevice::WriteOnly))
        return fail(u"cannot write to standard output: %1"_s.arg(out.errorString()));
    const Mime::BuildResult result = Mime::buildMessage(m, out);
    if (!result.ok) {
        QTextStream(stderr) << "tidings-cli mime: " << result.error << '\n';
        return result.size > 0 ? 1 : 2; // 1: output already started
    }
    return 0;
}

} // namespace

int runMimeCommand(const QStringList &arguments)
{
    if (arguments.value(1) == u"build"_s)
        return runBuild(arguments);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Read a stored message (RFC 5322 file), or write one.\n"
        "  show FILE [--json]        headers, bodies and attachments\n"
        "  extract FILE INDEX DIR    save attachment INDEX (0-based) into DIR\n"
        "  build --from A --to A ... write a new message to standard output\n"
        "                            (see 'mime build --help')"_s);
    parser.addHelpOption();
    const QCommandLineOption json(u"json"_s, u"Print one JSON object."_s);
    parser.addOption(json);
    parser.addPositionalArgument(u"action"_s, u"show, extract or build"_s);
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
        const QString saved =
            ok ? Mime::extractAttachment(args[1], index, args[3], &error) : QString();
        if (saved.isEmpty())
            return fail(ok ? error : u"INDEX must be a number"_s);
        QTextStream(stdout) << saved << '\n';
        return 0;
    }
    if (args.value(0) != u"show"_s || args.size() != 2)
        return fail(
            u"usage: tidings-cli mime show FILE [--json] | mime extract FILE INDEX DIR | mime build ..."_s);
    const Mime::ReadResult result = Mime::readMessage(args[1]);
    if (!result.view)
        return fail(result.error);
    const Mime::MessageView &v = *result.view;
    QTextStream out(stdout);
    if (parser.isSet(json)) {
        out << QJsonDocument(toJson(v)).toJson(QJsonDocument::Indented);
        return 0;
    }
    out << "Subject: " << v.subject << "\nFrom:    " << people(v.from)
        << "\nTo:      " << people(v.to) << '\n';
    if (!v.cc.isEmpty())
        out << "Cc:      " << people(v.cc) << '\n';
    out << "Date:    " << (v.date.isValid() ? v.date.toString(Qt::ISODate) : u"-"_s) << "\n\n";
    out << (v.text ? *v.text : v.html ? u"(HTML only)"_s : u"(no text)"_s) << '\n';
    for (qsizetype i = 0; i < v.attachments.size(); ++i)
        out << "[" << i << "] " << v.attachments[i].filename << " (" << v.attachments[i].contentType
            << ", " << v.attachments[i].size << " bytes"
            << (v.attachments[i].isInline ? ", inline" : "") << ")\n";
    for (const QString &w : v.warnings)
        out << "warning: " << w << '\n';
    return 0;
}

} // namespace Cli
