// SPDX-License-Identifier: GPL-3.0-or-later
#include "pop3command.h"

#include "client/storesink.h"
#include "net/pop3sync.h"
#include "store/messagestore.h"
#include "store/protocollog.h"
#include "client/secretstore.h"
#include "client/settingsstore.h"

#include "core/common/profile.h"
#include "core/types/mailboxkey.h"
#include "crypto/crypto.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QTextStream>
#include <QThread>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace Cli {

namespace {
int fail(const QString &message)
{
    QTextStream(stderr) << "tidings-cli pop3: " << message << '\n';
    return 2;
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
    const QCommandLineOption ca(u"ca"_s, u"Extra CA certificate (PEM) to trust."_s, u"file"_s);
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
    parser.addOptions({host,       port,        security,      user,          passwordFile,
                       ca,         store,       allowPlain,    trace,         deleteAfter,
                       deleteHere, auth,        headersOnly,   sizeLimit,     fetch,
                       timeout,    protocolLog, profileOption, accountOption, headersFirst,
                       keyring,    json});
    parser.addPositionalArgument(
        u"action"_s,
        u"sync; list (UIDL, size, subject; headers only); search TEXT (in --store);"
        " messages (every message in --store, unreadable ones with the reason);"
        " remove UIDL... (delete in --store, kept from being downloaded again); log (print the recorded log)"_s);
    if (!parser.parse(arguments))
        return fail(parser.errorText());
    if (parser.isSet(u"help"_s)) {
        QTextStream(stdout) << parser.helpText();
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
    // The protocol log stays per connection (host and port): it records how that server was
    // reached.
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
        QTextStream(stdout) << Store::ProtocolLog(parser.value(store), protocolLogKey()).read();
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
    Net::Pop3Account account;
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
        account.server = accounts.at(index);
    }
    if (parser.isSet(host))
        account.server.host = parser.value(host);
    if (parser.isSet(user))
        account.server.user = parser.value(user);
    if (parser.isSet(security) || !configured) {
        const auto mode =
            Types::mailSecurityFromString(parser.value(security), Types::MailSecurity(-1));
        if (mode == Types::MailSecurity(-1))
            return fail(u"--security must be tls, starttls or none"_s);
        account.server.security = mode;
        account.server.port = Types::defaultPop3Port(mode);
    }
    bool ok = true;
    if (parser.isSet(port))
        account.server.port = quint16(parser.value(port).toUInt(&ok));
    if (!ok || account.server.port == 0)
        return fail(u"--port must be 1..65535"_s);
    if (account.server.host.isEmpty() || account.server.user.isEmpty())
        return fail(u"--host and --user are required (or --profile with a configured account)"_s);
    const QString storeDirectory = parser.isSet(store) ? parser.value(store)
                                   : configured        ? profile.dataDir() + u"/mail"_s
                                                       : QString();
    if (action == u"sync"_s && storeDirectory.isEmpty())
        return fail(u"--store (or --account) is required for sync"_s);
    if (parser.isSet(allowPlain))
        account.server.allowPlainPassword = true;
    std::shared_ptr<Store::ProtocolLog> log;
    if (parser.isSet(protocolLog) && !storeDirectory.isEmpty())
        log = std::make_shared<Store::ProtocolLog>(storeDirectory, account.server.key());
    if (parser.isSet(trace) || log)
        account.trace = [log, toStderr = parser.isSet(trace)](const QString &line) {
            if (toStderr)
                QTextStream(stderr) << line << '\n';
            if (log)
                log->append(line);
        };
    if (parser.isSet(deleteAfter)) {
        account.server.deleteAfterDays = parser.value(deleteAfter).toInt(&ok);
        if (!ok || account.server.deleteAfterDays < 0)
            return fail(u"--delete-after-days must be 0 or more"_s);
    }
    if (parser.isSet(deleteHere))
        account.server.deleteWhenDeletedHere = true;
    account.headersOnly = parser.isSet(headersOnly);
    account.headersFirst = parser.isSet(headersFirst); // a script has no list to fill
    account.fetchUidls = parser.values(fetch);
    if (parser.isSet(sizeLimit)) {
        const qint64 bytes = parser.value(sizeLimit).toLongLong(&ok);
        if (!ok || bytes < 1024 || bytes > qint64(INT_MAX) * 1024)
            return fail(u"--size-limit must be a number of bytes, at least 1024"_s);
        account.server.sizeLimitKb = int(bytes / 1024);
    }
    if (parser.isSet(timeout)) {
        account.timeoutMs = parser.value(timeout).toInt(&ok) * 1000;
        if (!ok || account.timeoutMs <= 0)
            return fail(u"--timeout must be a positive number of seconds"_s);
    }
    if (parser.isSet(auth) || !configured) {
        account.server.auth = Types::mailAuthFromString(parser.value(auth), Types::MailAuth(-1));
        if (account.server.auth == Types::MailAuth(-1))
            return fail(u"--auth must be auto, user, apop or sasl"_s);
    }
    if (parser.isSet(ca)) {
        account.caCertificates = QSslCertificate::fromPath(parser.value(ca));
        if (account.caCertificates.isEmpty())
            return fail(u"no certificate in %1"_s.arg(parser.value(ca)));
    }
    if (parser.isSet(keyring)) {
        Client::SecretStore secrets;
        QEventLoop loop;
        QString why;
        QObject::connect(&secrets, &Client::SecretStore::readFinished, &loop,
                         [&](const QString &, const QString &secret) {
                             account.password = secret;
                             loop.quit();
                         });
        QObject::connect(&secrets, &Client::SecretStore::failed, &loop,
                         [&](const QString &, const QString &error) {
                             why = error;
                             loop.quit();
                         });
        secrets.read(Client::SecretStore::mailKey(account.server));
        loop.exec();
        if (account.password.isEmpty())
            return fail(why.isEmpty() ? u"no password for %1 in the system keyring"_s.arg(
                                            account.server.key())
                                      : u"the system keyring: %1"_s.arg(why));
    } else if (parser.isSet(passwordFile)) {
        QFile file(parser.value(passwordFile));
        if (!file.open(QIODevice::ReadOnly))
            return fail(u"cannot read %1: %2"_s.arg(file.fileName(), file.errorString()));
        account.password = QString::fromUtf8(file.readLine()).remove(u'\n').remove(u'\r');
    } else {
        account.password = QTextStream(stdin).readLine();
    }

    Net::Pop3SyncResult result;
    QElapsedTimer timer;
    timer.start();
    // vmime blocks: it runs on a worker thread, as in the application.
    QThread *worker = QThread::create([&] {
        // Runs last, after the store and sockets: TLS state is freed before wait() returns.
        const auto releaseTls = qScopeGuard(&Crypto::releaseThreadState);
        if (action == u"list"_s) {
            result = Net::listPop3(account);
            return;
        }
        Store::MessageStore messages(storeDirectory);
        QString error;
        if (!messages.open(&error)) {
            result.error = error;
            return;
        }
        QElapsedTimer shown;
        Client::StoreSink sink(messages);
        result = Net::syncPop3(account, sink, [&shown](int done, int total, qint64 bytes) {
            if (done < total && shown.isValid() && shown.elapsed() < 200)
                return; // five updates a second are enough to read
            shown.start();
            QTextStream(stderr) << "\r" << done << "/" << total << " messages, " << bytes
                                << " bytes downloaded" << Qt::flush;
        });
    });
    worker->start();
    worker->wait();
    delete worker;
    if (result.onServer > 0)
        QTextStream(stderr) << '\n';
    if (!result.ok) {
        fail(result.error);
        return 1;
    }
    if (action == u"list"_s) {
        QTextStream out(stdout);
        for (const Net::Pop3Listing &m : result.listing)
            out << m.number << '\t' << m.uidl << '\t' << m.size << '\t' << m.subject << '\n';
        return 0;
    }
    QTextStream(stdout) << "on server " << result.onServer << ", downloaded " << result.downloaded
                        << " (" << result.bytes << " bytes), headers " << result.headersStored
                        << ", bodies left on server " << result.bodiesLeft << ", already stored "
                        << result.alreadyStored << ", deleted " << result.deleted
                        << (result.pipelined ? ", pipelined" : "") << ", in " << timer.elapsed()
                        << " ms\n";
    return 0;
}

} // namespace Cli
