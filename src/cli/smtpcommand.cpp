// SPDX-License-Identifier: GPL-3.0-or-later
#include "smtpcommand.h"

#include "net/smtpsend.h"
#include "platform/interrupt.h"

#include <QCommandLineParser>
#include <QFile>
#include <QSslCertificate>
#include <QTextStream>

#include <atomic>

using namespace Qt::StringLiterals;

namespace Cli {

namespace {

// Exit codes of `smtp send`, one per Net::SmtpErrorKind (the first failure decides).
// Stable: scripts rely on them (also listed in --help).
constexpr int kExitOther = 1;
constexpr int kExitUsage = 2;

int exitCodeOf(Net::SmtpErrorKind kind)
{
    using K = Net::SmtpErrorKind;
    switch (kind) {
    case K::None: return 0;
    case K::Authentication: return 3;
    case K::Certificate: return 4;
    case K::StartTlsRefused: return 5;
    case K::Timeout: return 6;
    case K::Cancelled: return 7;
    case K::NoSecureAuth: return 8;
    case K::Protocol: return 9;
    case K::Connection: return 10;
    case K::SenderRefused:
    case K::RecipientsRefused:
    case K::MessageRefused: return 11;
    case K::Message: return 13;
    }
    return kExitOther;
}
constexpr int kExitNoPassword = 12;

const char kExitCodeHelp[] =
    "Exit codes: 0 every message accepted, 1 other failure, 2 usage, 3 login refused,\n"
    "4 certificate not trusted, 5 STARTTLS not offered or refused (nothing was sent),\n"
    "6 timeout, 7 cancelled, 8 no login method may carry the password safely, 9 protocol error,\n"
    "10 connection failed, 11 the server refused a sender, recipient or message (its reply is\n"
    "printed), 12 no password, 13 a message file unreadable or without sender or recipients.\n";

int fail(const QString &message)
{
    QTextStream(stderr) << "tidings-cli smtp: " << message << '\n';
    return kExitUsage;
}

std::atomic_bool interrupted{false};

QString normalizedFingerprint(QString text)
{
    text.remove(u':').remove(u' ');
    return text.toLower();
}

} // namespace

int runSmtpCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Send stored messages (RFC 5322 files) through an SMTP submission server.\n"
        "The envelope comes from each message's headers (Sender or From; To, Cc and Bcc) unless\n"
        "--from/--to are given; Bcc is removed from what is sent. The password comes from\n"
        "--password-file, else the first line of standard input."_s);
    parser.addHelpOption();
    const QCommandLineOption host(u"host"_s, u"SMTP server."_s, u"host"_s);
    const QCommandLineOption port(u"port"_s, u"Port (465 for tls, 587 for starttls, 25 for none)."_s, u"port"_s);
    const QCommandLineOption security(u"security"_s, u"tls, starttls or none."_s, u"mode"_s, u"tls"_s);
    const QCommandLineOption user(u"user"_s, u"User name (no login without it)."_s, u"user"_s);
    const QCommandLineOption passwordFile(u"password-file"_s, u"File whose first line is the password."_s, u"file"_s);
    const QCommandLineOption ca(u"ca"_s, u"Extra CA certificate (PEM) to trust."_s, u"file"_s);
    const QCommandLineOption trustCertificate(
        u"trust-certificate"_s, u"Trust the server's certificate if its SHA-256 fingerprint is this."_s, u"sha256"_s);
    const QCommandLineOption from(u"from"_s, u"Envelope sender (MAIL FROM) of every message."_s, u"address"_s);
    const QCommandLineOption to(u"to"_s, u"Envelope recipient (RCPT TO), repeatable; replaces the headers'."_s,
                                u"address"_s);
    const QCommandLineOption allowPlain(u"allow-plain-password"_s,
                                        u"With --security none, let PLAIN/LOGIN send the password in clear."_s);
    const QCommandLineOption trace(u"trace"_s, u"Print the SMTP conversation on stderr (secrets redacted)."_s);
    const QCommandLineOption timeout(u"timeout"_s, u"Give up when the server is silent this long (default 30);"
                                                   " the reply after the data gets 10 minutes at least."_s,
                                     u"seconds"_s);
    const QCommandLineOption perConnection(u"messages-per-connection"_s,
                                           u"A new connection after this many messages (default 100)."_s, u"n"_s);
    parser.addOptions({host, port, security, user, passwordFile, ca, trustCertificate, from, to, allowPlain, trace,
                       timeout, perConnection});
    parser.addPositionalArgument(u"send"_s, u"send MESSAGE.eml..."_s);
    if (!parser.parse(arguments))
        return fail(parser.errorText());
    if (parser.isSet(u"help"_s)) {
        QTextStream(stdout) << parser.helpText() << '\n' << kExitCodeHelp;
        return 0;
    }
    QStringList files = parser.positionalArguments();
    if (files.value(0) != u"send"_s || files.size() < 2 || !parser.isSet(host))
        return fail(u"usage: tidings-cli smtp send --host H [--port P] [--security tls|starttls|none] [--user U]"
                    " [--password-file F] [--ca FILE] [--from A] [--to A]... MESSAGE.eml..."_s);
    files.removeFirst();

    Net::SmtpServer server;
    server.host = parser.value(host);
    const QString mode = parser.value(security);
    if (mode != u"tls"_s && mode != u"starttls"_s && mode != u"none"_s)
        return fail(u"--security must be tls, starttls or none"_s);
    server.security = Types::mailSecurityFromString(mode, Types::MailSecurity::Tls);
    bool ok = true;
    server.port = parser.isSet(port) ? quint16(parser.value(port).toUInt(&ok)) : Types::defaultSmtpPort(server.security);
    if (!ok || server.port == 0)
        return fail(u"--port must be a port number"_s);
    if (parser.isSet(timeout)) {
        const int seconds = parser.value(timeout).toInt(&ok);
        if (!ok || seconds <= 0)
            return fail(u"--timeout must be a number of seconds"_s);
        server.timeoutMs = seconds * 1000;
        server.finalReplyTimeoutMs = std::max(server.timeoutMs, 60000);
        // A script asking for a short timeout wants it honoured after the data too.
        if (seconds < 60)
            server.finalReplyTimeoutMs = seconds * 1000;
    }
    if (parser.isSet(perConnection)) {
        server.messagesPerConnection = parser.value(perConnection).toInt(&ok);
        if (!ok || server.messagesPerConnection < 1)
            return fail(u"--messages-per-connection must be at least 1"_s);
    }
    server.allowPlainPassword = parser.isSet(allowPlain);
    if (parser.isSet(ca)) {
        server.caCertificates = QSslCertificate::fromPath(parser.value(ca), QSsl::Pem);
        if (server.caCertificates.isEmpty()) {
            QTextStream(stderr) << "tidings-cli smtp: no PEM certificate in " << parser.value(ca) << '\n';
            return exitCodeOf(Net::SmtpErrorKind::Certificate);
        }
    }
    if (parser.isSet(trustCertificate))
        server.trustedSha256 << QByteArray::fromHex(normalizedFingerprint(parser.value(trustCertificate)).toLatin1());
    if (parser.isSet(user)) {
        server.user = parser.value(user);
        if (parser.isSet(passwordFile)) {
            QFile file(parser.value(passwordFile));
            if (!file.open(QIODevice::ReadOnly))
                return fail(u"cannot read %1: %2"_s.arg(file.fileName(), file.errorString()));
            server.password = QString::fromUtf8(file.readLine()).remove(u'\n').remove(u'\r');
        } else {
            server.password = QTextStream(stdin).readLine();
        }
        if (server.password.isEmpty()) {
            QTextStream(stderr) << "tidings-cli smtp: no password given\n";
            return kExitNoPassword;
        }
    }

    std::vector<Net::SmtpJob> jobs;
    for (qsizetype i = 0; i < files.size(); ++i) {
        Net::SmtpJob job;
        job.id = i;
        job.path = files.at(i);
        job.envelopeFrom = parser.value(from);
        job.recipients = parser.values(to);
        jobs.push_back(job);
    }
    // Ctrl+C (SIGINT, SIGTERM, a console's Ctrl+C on Windows) ends the session cleanly.
    const Platform::InterruptGuard interruptGuard(interrupted);
    Net::SmtpCallbacks callbacks;
    Net::SmtpErrorKind firstFailure = Net::SmtpErrorKind::None;
    int accepted = 0;
    callbacks.finished = [&](qint64 id, const Net::SmtpError &result) {
        const QString file = files.at(id);
        if (result.ok()) {
            ++accepted;
            QTextStream(stdout) << "sent " << file << '\n';
            return;
        }
        if (firstFailure == Net::SmtpErrorKind::None)
            firstFailure = result.kind;
        QTextStream err(stderr);
        err << "tidings-cli smtp: " << file << ": " << result.message << '\n';
        if (result.kind == Net::SmtpErrorKind::Certificate) {
            err << "  certificate: " << result.certificate.subjectDisplayName() << ", SHA-256 "
                << QString::fromLatin1(result.certificate.digest(QCryptographicHash::Sha256).toHex(':')) << '\n';
            for (const QString &problem : result.tlsProblems)
                err << "  " << problem << '\n';
        }
    };
    if (parser.isSet(trace))
        callbacks.trace = [](const QString &line) { QTextStream(stderr) << line << '\n'; };
    Net::sendMail(server, jobs, callbacks, &interrupted);
    if (firstFailure != Net::SmtpErrorKind::None)
        QTextStream(stderr) << "tidings-cli smtp: " << accepted << " of " << jobs.size() << " messages accepted\n";
    return exitCodeOf(firstFailure);
}

} // namespace Cli
