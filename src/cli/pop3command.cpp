// SPDX-License-Identifier: GPL-3.0-or-later
#include "pop3command.h"

#include "client/protocollogfeed.h"
#include "client/secretstore.h"
#include "client/settingsstore.h"
#include "client/synccontroller.h"
#include "store/messagestore.h"

#include "core/common/profile.h"
#include "core/types/mailboxkey.h"
#include "platform/interrupt.h"

#include <QCommandLineParser>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <atomic>
#include <cstdio>
#include <optional>

using namespace Qt::StringLiterals;

namespace Cli {

namespace {

// Exit codes of `pop3 sync` and `pop3 list`, one per Client::SyncErrorKind.
// Stable: scripts rely on them (also listed in --help).
//
//   code  kind            meaning
//   0     None            success
//   1     -               failed for a reason not listed here
//   2     -               usage: a wrong or missing option (every action)
//   3     Authentication  the server refused the user name or password
//   4     Certificate     not trusted (see --trust-certificate), changed, or the CA file unreadable
//   5     NoUidl          the server cannot list unique ids: nothing can be synced safely
//   6     Timeout         the server stopped answering (--timeout)
//   7     Cancelled       interrupted (SIGINT or SIGTERM)
//   8     DiskFull        not enough space for the store
//   9     Protocol        the server's answer was not POP3
//   10    Connection      cannot connect, or the connection broke
//   11    ServerError     the server answered -ERR (its words are printed)
//   12    Password        no password: none given, none in the keyring
//   13    Store           the local store could not be opened or written
constexpr int kExitUsage = 2;
constexpr int kExitOther = 1;

int exitCodeOf(Client::SyncErrorKind kind)
{
    using K = Client::SyncErrorKind;
    switch (kind) {
    case K::None:
        return 0;
    case K::Authentication:
        return 3;
    case K::Certificate:
        return 4;
    case K::NoUidl:
        return 5;
    case K::Timeout:
        return 6;
    case K::Cancelled:
        return 7;
    case K::DiskFull:
        return 8;
    case K::Protocol:
        return 9;
    case K::Connection:
        return 10;
    case K::ServerError:
        return 11;
    case K::Password:
        return 12;
    case K::Store:
        return 13;
    }
    return kExitOther;
}

const char kExitCodeHelp[] =
    "Exit codes of sync and list: 0 success, 1 other failure, 2 usage,\n"
    "3 authentication refused, 4 certificate not trusted, 5 no UIDL, 6 timeout,\n"
    "7 cancelled, 8 disk full, 9 protocol error, 10 connection failed,\n"
    "11 the server said -ERR, 12 no password, 13 local store failed.\n";

int fail(const QString &message)
{
    QTextStream(stderr) << "tidings-cli pop3: " << message << '\n';
    return kExitUsage;
}

std::atomic_bool interrupted{false};

// "AB:CD:..." or "abcd..." -> lower-case hex without separators.
QString normalizedFingerprint(QString text)
{
    text.remove(u':').remove(u' ');
    return text.toLower();
}

// Search hits and the listing: one line each (UIDL, subject, file, "unreadable: reason" or
// nothing), or a JSON array whose "unreadable" is null or {kind, reason}.
void printHits(const QList<Store::SearchHit> &hits, bool json)
{
    QTextStream out(stdout);
    if (!json) {
        for (const Store::SearchHit &hit : hits)
            out << hit.uidl << '\t' << hit.subject << '\t' << hit.path << '\t'
                << (hit.unreadableKind.isEmpty() ? QString() : u"unreadable: "_s + hit.unreadable)
                << '\n';
        return;
    }
    QJsonArray array;
    for (const Store::SearchHit &hit : hits)
        array.append(
            QJsonObject{{u"account"_s, hit.account},
                        {u"uidl"_s, hit.uidl},
                        {u"subject"_s, hit.subject},
                        {u"path"_s, hit.path},
                        {u"complete"_s, hit.complete},
                        {u"unreadable"_s, hit.unreadableKind.isEmpty()
                                              ? QJsonValue()
                                              : QJsonObject{{u"kind"_s, hit.unreadableKind},
                                                            {u"reason"_s, hit.unreadable}}}});
    out << QJsonDocument(array).toJson(QJsonDocument::Indented);
}
} // namespace

int runPop3Command(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Download new mail over POP3 into a local store (messages stay on the server).\n"
        "The password comes from --password-file, else the first line of standard input."_s);
    parser.addHelpOption();
    const QCommandLineOption host(u"host"_s, u"POP3 server."_s, u"host"_s);
    const QCommandLineOption port(u"port"_s, u"Port (995 for tls, 110 otherwise)."_s, u"port"_s);
    const QCommandLineOption security(u"security"_s, u"tls, starttls or none."_s, u"mode"_s,
                                      u"tls"_s);
    const QCommandLineOption user(u"user"_s, u"User name."_s, u"user"_s);
    const QCommandLineOption passwordFile(u"password-file"_s,
                                          u"File whose first line is the password."_s, u"file"_s);
    const QCommandLineOption ca(u"ca"_s, u"Extra CA certificate (PEM) to trust for this account."_s,
                                u"file"_s);
    const QCommandLineOption trustCertificate(
        u"trust-certificate"_s,
        u"Trust the server's certificate if its SHA-256 fingerprint is this (hex, colons allowed);"
        " with --profile/--account the trust is kept for its host and port."_s,
        u"sha256"_s);
    const QCommandLineOption store(u"store"_s, u"Local store directory (Maildir + index)."_s,
                                   u"dir"_s);
    const QCommandLineOption allowPlain(u"allow-plain-password"_s,
                                        u"With --security none, send the password in clear."_s);
    const QCommandLineOption trace(
        u"trace"_s, u"Print the POP3 conversation on stderr (passwords redacted)."_s);
    const QCommandLineOption deleteAfter(
        u"delete-after-days"_s,
        u"Delete from the server what was stored here at least N days ago."_s, u"n"_s);
    const QCommandLineOption deleteHere(
        u"delete-when-deleted-here"_s,
        u"Delete from the server what was deleted in the local store."_s);
    const QCommandLineOption auth(u"auth"_s,
                                  u"auto (SASL, else APOP, else USER/PASS), user, apop or sasl."_s,
                                  u"method"_s, u"auto"_s);
    const QCommandLineOption headersOnly(
        u"headers-only"_s, u"Store headers only (TOP n 0); bodies stay on the server."_s);
    const QCommandLineOption sizeLimit(
        u"size-limit"_s, u"Headers only for messages over this many bytes."_s, u"bytes"_s);
    const QCommandLineOption fetch(
        u"fetch"_s, u"Download this UIDL's body even if over the size limit (repeatable)."_s,
        u"uidl"_s);
    const QCommandLineOption keyring(
        u"password-from-keyring"_s,
        u"Take the password from the system keyring (see tidings-cli account password)."_s);
    const QCommandLineOption headersFirst(
        u"headers-first"_s,
        u"Fetch every new header (TOP n 0) before any body, as the application does"
        " so that its list fills at once."_s);
    const QCommandLineOption timeout(
        u"timeout"_s, u"Give up when the server is silent this long (default 30)."_s, u"seconds"_s);
    const QCommandLineOption protocolLog(
        u"protocol-log"_s,
        u"Record the conversation (redacted) in the store's bounded log for this account."_s);
    const QCommandLineOption profileOption(
        u"profile"_s, u"Profile of --account (default: your own)."_s, u"dir"_s);
    const QCommandLineOption json(u"json"_s, u"search and messages: print a JSON array."_s);
    const QCommandLineOption accountOption(
        u"account"_s,
        u"Use configured account N (see tidings-cli account list) with its"
        " policies; the store is the profile's."_s,
        u"n"_s, u"1"_s);
    parser.addOptions({host,       port,        security,        user,          passwordFile,
                       ca,         store,       allowPlain,      trace,         deleteAfter,
                       deleteHere, auth,        headersOnly,     sizeLimit,     fetch,
                       timeout,    protocolLog, profileOption,   accountOption, headersFirst,
                       keyring,    json,        trustCertificate});
    parser.addPositionalArgument(
        u"action"_s,
        u"sync; list (UIDL, size, subject; headers only); search TEXT (in --store);"
        " messages (every message in --store, unreadable ones with the reason);"
        " remove UIDL... (delete in --store, kept from being downloaded again); log (print the recorded log)"_s);
    if (!parser.parse(arguments))
        return fail(parser.errorText());
    if (parser.isSet(u"help"_s)) {
        QTextStream(stdout) << parser.helpText() << '\n' << kExitCodeHelp;
        return 0;
    }
    const QString action = parser.positionalArguments().value(0);
    if (action == u"search"_s) {
        if (!parser.isSet(store) || parser.positionalArguments().size() != 2)
            return fail(u"usage: tidings-cli pop3 search --store DIR TEXT"_s);
        Store::MessageStore messages(parser.value(store));
        QString error;
        if (!messages.open(&error))
            return fail(error);
        printHits(messages.search(parser.positionalArguments().at(1)), parser.isSet(json));
        return 0;
    }
    if (action == u"messages"_s) {
        if (!parser.isSet(store) || parser.positionalArguments().size() != 1)
            return fail(u"usage: tidings-cli pop3 messages --store DIR [--json]"_s);
        Store::MessageStore messages(parser.value(store));
        QString error;
        if (!messages.open(&error))
            return fail(error);
        printHits(messages.messages(), parser.isSet(json));
        return 0;
    }
    // A sync from options alone (no configured account, so no account id) is logged under
    // user@host:port (ProtocolLogFeed::logId).
    auto protocolLogKey = [&]() -> QString {
        const auto mode =
            Types::mailSecurityFromString(parser.value(security), Types::MailSecurity::Tls);
        const quint16 p = parser.isSet(port) ? quint16(parser.value(port).toUInt())
                                             : Types::defaultPop3Port(mode);
        Types::AccountSettings a;
        a.user = parser.value(user);
        a.host = parser.value(host);
        a.port = p;
        return a.key();
    };
    if (action == u"log"_s) {
        if (!parser.isSet(store) || !parser.isSet(host) || !parser.isSet(user))
            return fail(u"usage: tidings-cli pop3 log --store DIR --host H [--port P] --user U"_s);
        QTextStream(stdout) << Client::ProtocolLogFeed::read(parser.value(store), protocolLogKey());
        return 0;
    }
    if (action == u"remove"_s) {
        if (!parser.isSet(store) || !parser.isSet(host) || !parser.isSet(user) ||
            parser.positionalArguments().size() < 2)
            return fail(u"usage: tidings-cli pop3 remove --store DIR --host H --user U UIDL..."_s);
        // The store knows a mailbox by user and host; --port is accepted and does not matter.
        const QString accountKey = Types::mailboxKey(parser.value(user), parser.value(host));
        Store::MessageStore messages(parser.value(store));
        QString error;
        if (!messages.open(&error))
            return fail(error);
        for (const QString &uidl : parser.positionalArguments().mid(1))
            if (!messages.removeHere(accountKey, uidl, &error))
                return fail(error);
        return 0;
    }
    if (parser.positionalArguments().size() != 1 || (action != u"sync"_s && action != u"list"_s))
        return fail(u"expected the action: sync, list, search, messages, remove or log"_s);
    Types::AccountSettings account;
    // A configured account (with its login method and leave/delete/size policies), or the options
    // alone.
    const bool configured = parser.isSet(profileOption) || parser.isSet(accountOption);
    const Common::Profile profile = parser.isSet(profileOption)
                                        ? Common::Profile::at(parser.value(profileOption))
                                        : Common::Profile::standard();
    if (configured) {
        const Client::SettingsStore settings(profile);
        const int index = parser.value(accountOption).toInt() - 1;
        const QList<Types::AccountSettings> accounts = settings.accounts();
        if (index < 0 || index >= accounts.size())
            return fail(u"the profile has no account %1"_s.arg(parser.value(accountOption)));
        account = accounts.at(index);
    }
    if (parser.isSet(host))
        account.host = parser.value(host);
    if (parser.isSet(user))
        account.user = parser.value(user);
    if (parser.isSet(security) || !configured) {
        const auto mode =
            Types::mailSecurityFromString(parser.value(security), Types::MailSecurity(-1));
        if (mode == Types::MailSecurity(-1))
            return fail(u"--security must be tls, starttls or none"_s);
        account.security = mode;
        account.port = Types::defaultPop3Port(mode);
    }
    bool ok = true;
    if (parser.isSet(port))
        account.port = quint16(parser.value(port).toUInt(&ok));
    if (!ok || account.port == 0)
        return fail(u"--port must be 1..65535"_s);
    if (account.host.isEmpty() || account.user.isEmpty())
        return fail(u"--host and --user are required (or --profile with a configured account)"_s);
    Client::SyncRequest request;
    request.storeDirectory = parser.isSet(store) ? parser.value(store)
                             : configured        ? profile.dataDir() + u"/mail"_s
                                                 : QString();
    if (action == u"sync"_s && request.storeDirectory.isEmpty())
        return fail(u"--store (or --account) is required for sync"_s);
    if (parser.isSet(allowPlain))
        account.allowPlainPassword = true;
    if (parser.isSet(deleteAfter)) {
        account.deleteAfterDays = parser.value(deleteAfter).toInt(&ok);
        if (!ok || account.deleteAfterDays < 0)
            return fail(u"--delete-after-days must be 0 or more"_s);
    }
    if (parser.isSet(deleteHere))
        account.deleteWhenDeletedHere = true;
    request.headersOnly = parser.isSet(headersOnly);
    request.fetchUidls = parser.values(fetch);
    if (parser.isSet(sizeLimit)) {
        const qint64 bytes = parser.value(sizeLimit).toLongLong(&ok);
        if (!ok || bytes < 1024 || bytes > qint64(INT_MAX) * 1024)
            return fail(u"--size-limit must be a number of bytes, at least 1024"_s);
        account.sizeLimitKb = int(bytes / 1024);
    }
    if (parser.isSet(timeout)) {
        request.timeoutMs = parser.value(timeout).toInt(&ok) * 1000;
        if (!ok || request.timeoutMs <= 0)
            return fail(u"--timeout must be a positive number of seconds"_s);
    }
    if (parser.isSet(auth) || !configured) {
        account.auth = Types::mailAuthFromString(parser.value(auth), Types::MailAuth(-1));
        if (account.auth == Types::MailAuth(-1))
            return fail(u"--auth must be auto, user, apop or sasl"_s);
    }
    if (parser.isSet(ca))
        account.caFile = parser.value(ca); // the controller reads it (exit 4 when it cannot)
    const QString trusted = normalizedFingerprint(parser.value(trustCertificate));
    if (parser.isSet(trustCertificate) &&
        (trusted.size() != 64 || QByteArray::fromHex(trusted.toLatin1()).size() != 32))
        return fail(u"--trust-certificate takes a SHA-256 fingerprint (64 hex digits)"_s);
    request.account = account;

    if (parser.isSet(keyring)) {
        Client::SecretStore secrets;
        QEventLoop loop;
        QString why;
        QObject::connect(&secrets, &Client::SecretStore::readFinished, &loop,
                         [&](const QString &, const QString &secret) {
                             request.password = secret;
                             loop.quit();
                         });
        QObject::connect(&secrets, &Client::SecretStore::failed, &loop,
                         [&](const QString &, const QString &error) {
                             why = error;
                             loop.quit();
                         });
        secrets.read(Client::SecretStore::mailKey(account));
        loop.exec();
        if (request.password.isEmpty()) {
            QTextStream(stderr) << "tidings-cli pop3: "
                                << (why.isEmpty()
                                        ? u"no password for %1 in the system keyring"_s.arg(
                                              account.key())
                                        : u"the system keyring: %1"_s.arg(why))
                                << '\n';
            return exitCodeOf(Client::SyncErrorKind::Password);
        }
    } else if (parser.isSet(passwordFile)) {
        QFile file(parser.value(passwordFile));
        if (!file.open(QIODevice::ReadOnly))
            return fail(u"cannot read %1: %2"_s.arg(file.fileName(), file.errorString()));
        request.password = QString::fromUtf8(file.readLine()).remove(u'\n').remove(u'\r');
    } else {
        request.password = QTextStream(stdin).readLine();
    }

    // The same controller as the window. Trust decisions persist in the profile of
    // --profile/--account; a sync from options alone keeps them for this run only.
    QTemporaryDir scratchProfile;
    Client::SettingsStore settings(configured ? profile
                                              : Common::Profile::at(scratchProfile.path()));
    Client::SyncController controller(settings);
    controller.setProtocolLogging(parser.isSet(protocolLog));
    controller.setHeadersFirst(parser.isSet(headersFirst)); // a script has no list to fill
    QEventLoop loop;
    Client::SyncOutcome outcome;
    QList<Client::ListedMessage> listing;
    bool progressShown = false;
    QElapsedTimer shown;
    QElapsedTimer timer;
    timer.start();
    QObject::connect(&controller, &Client::SyncController::protocolLine, &loop,
                     [toStderr = parser.isSet(trace)](const QString &, const QString &line) {
                         if (toStderr)
                             QTextStream(stderr) << line << '\n';
                     });
    QObject::connect(
        &controller, &Client::SyncController::progress, &loop, [&](const Client::SyncProgress &p) {
            if (p.messagesTotal == 0 ||
                (p.messagesDone < p.messagesTotal && shown.isValid() && shown.elapsed() < 200))
                return; // five updates a second are enough to read
            shown.start();
            progressShown = true;
            QTextStream(stderr) << "\r" << p.messagesDone << "/" << p.messagesTotal << " messages, "
                                << p.bytesDone << "/" << p.bytesTotal << " bytes" << Qt::flush;
        });
    QObject::connect(&controller, &Client::SyncController::listed, &loop,
                     [&](const QList<Client::ListedMessage> &messages) { listing = messages; });
    QObject::connect(&controller, &Client::SyncController::certificateQuestion, &loop,
                     [&](const Client::CertificateQuestion &q) {
                         const QString shownSha = QString::fromLatin1(
                             q.certificate.digest(QCryptographicHash::Sha256).toHex());
                         if (!trusted.isEmpty() && trusted == shownSha) {
                             controller.answerCertificate(true);
                             return;
                         }
                         QTextStream err(stderr);
                         err << "tidings-cli pop3: the certificate of " << q.host << ':' << q.port
                             << " is not trusted: " << q.problems.join(u"; "_s) << '\n'
                             << "  SHA-256 "
                             << q.certificate.digest(QCryptographicHash::Sha256).toHex(':') << '\n';
                         if (!q.pinnedSha256.isEmpty())
                             err << "  trusted before: SHA-256 " << q.pinnedSha256.toHex(':')
                                 << '\n';
                         err << "  (--trust-certificate SHA256 trusts it)\n";
                         controller.answerCertificate(false);
                     });
    QObject::connect(&controller, &Client::SyncController::finished, &loop,
                     [&](const Client::SyncOutcome &o) {
                         outcome = o;
                         loop.quit();
                     });
    // Ctrl+C cancels like the window's Cancel: what is stored stays consistent.
    interrupted = false;
    std::optional<Platform::InterruptGuard> interruptGuard(std::in_place, interrupted);
    QTimer interruptPoll;
    QObject::connect(&interruptPoll, &QTimer::timeout, &loop, [&] {
        if (interrupted)
            controller.cancel();
    });
    interruptPoll.start(100);
    if (action == u"list"_s)
        controller.list(request);
    else
        controller.start(request);
    loop.exec();
    interruptGuard.reset(); // the signals' handling before, as the rest runs
    if (progressShown)
        QTextStream(stderr) << '\n';
    if (!outcome.ok()) {
        QString message = outcome.error.detail;
        if (!outcome.error.serverText.isEmpty() && !message.contains(outcome.error.serverText))
            message += u" (the server said: %1)"_s.arg(outcome.error.serverText);
        QTextStream(stderr) << "tidings-cli pop3: " << message << '\n';
        return exitCodeOf(outcome.error.kind);
    }
    if (action == u"list"_s) {
        QTextStream out(stdout);
        for (const Client::ListedMessage &m : std::as_const(listing))
            out << m.number << '\t' << m.uidl << '\t' << m.size << '\t' << m.subject << '\n';
        return 0;
    }
    QTextStream(stdout) << "on server " << outcome.onServer << ", downloaded " << outcome.downloaded
                        << " (" << outcome.bytes << " bytes), headers " << outcome.headersStored
                        << ", bodies left on server " << outcome.bodiesLeft << ", already stored "
                        << outcome.alreadyStored << ", deleted " << outcome.deleted << ", in "
                        << timer.elapsed() << " ms\n";
    return 0;
}

} // namespace Cli
