// SPDX-License-Identifier: GPL-3.0-or-later
#include "pop3sync.h"

#include "pop3wire.h"
#include "qtvmimesocket.h"

#include "core/types/mailboxkey.h"
#include "mime/messageview.h"
#include "mime/summary.h"

#include <vmime/net/pop3/POP3Store.hpp>
#include <vmime/security/sasl/defaultSASLAuthenticator.hpp>
#include <vmime/vmime.hpp>

#include <QDateTime>
#include <QDir>
#include <QLoggingCategory>
#include <QStorageInfo>

using namespace Qt::StringLiterals;

namespace Net {

namespace {

// SASL mechanisms we accept, strongest first. gsasl may offer more (the
// *-PLUS ones need channel binding vmime cannot give: VMIME-NOTES).
class MechanismChooser : public vmime::security::sasl::defaultSASLAuthenticator
{
public:
    const std::vector<std::shared_ptr<vmime::security::sasl::SASLMechanism>>
    getAcceptableMechanisms(
        const std::vector<std::shared_ptr<vmime::security::sasl::SASLMechanism>> &available,
        std::shared_ptr<vmime::security::sasl::SASLMechanism>) const override
    {
        std::vector<std::shared_ptr<vmime::security::sasl::SASLMechanism>> out;
        for (const char *name : {"SCRAM-SHA-256", "SCRAM-SHA-1", "CRAM-MD5", "PLAIN", "LOGIN"})
            for (const auto &m : available)
                if (m->getName() == name)
                    out.push_back(m);
        return out;
    }
};

struct ServerMessage
{
    int number = 0;
    QString uidl;
    qint64 size = 0;
};

// An authenticated POP3 session: vmime's store (connect, CAPA, login) and our wire over its socket.
struct Session
{
    std::shared_ptr<vmime::net::store> store;
    std::unique_ptr<Pop3Wire> wire;

    ~Session()
    {
        try {
            // After an error no QUIT: the server then undoes the session (RFC 1939 §6; we send DELE
            // only at the very end anyway), and a stalled server cannot make us wait a second
            // timeout.
            if (wire)
                wire->close();
            wire.reset();
            if (store && store->isConnected())
                store->disconnect(); // only when the wire never existed (login failed): vmime's own
                                     // QUIT
        } catch (...) {
        }
    }
};

void open(Session &session, const Pop3Account &account, const SocketSettings &socket)
{
    const Types::AccountSettings &s = account.server;
    auto vsession = vmime::net::session::create();
    // TLS is done by our socket; vmime speaks plain POP3 over it.
    session.store = vsession->getStore(vmime::utility::url("pop3", s.host.toStdString(), s.port));
    auto &store = *session.store;
    store.setSocketFactory(makeSocketFactory(socket));
    store.setTimeoutHandlerFactory(makeTimeoutHandlerFactory(socket));
    store.setProperty("connection.tls", false);
    const Pop3Auth auth = s.auth;
    const bool sasl = auth == Pop3Auth::Auto || auth == Pop3Auth::Sasl;
    const bool apop = auth == Pop3Auth::Auto || auth == Pop3Auth::Apop;
    store.setProperty("options.sasl", sasl);
    store.setProperty("options.sasl.fallback", auth == Pop3Auth::Auto);
    store.setProperty("options.apop", apop);
    store.setProperty("options.apop.fallback", auth == Pop3Auth::Auto);
    if (sasl)
        store.setAuthenticator(std::make_shared<MechanismChooser>());
    store.setProperty("auth.username", s.user.toStdString());
    store.setProperty("auth.password", account.password.toStdString());
    store.connect();
    auto pop3 = std::dynamic_pointer_cast<vmime::net::pop3::POP3Store>(session.store);
    auto connection = pop3->getConnection();
    session.wire = std::make_unique<Pop3Wire>(connection->getSocket(), account.timeoutMs,
                                              socket.cancel, account.trace);
    // vmime keeps the capabilities it read to itself; after login they may differ anyway (RFC 2449
    // §5).
    const Pop3Wire::Reply capa = session.wire->exec({"CAPA", true, 0});
    if (capa.ok)
        for (const QByteArray &line : capa.body.split('\n'))
            if (line.trimmed().toUpper() == "PIPELINING")
                session.wire->setPipelining(true);
}

// UIDL and LIST in one round trip when pipelining.
QList<ServerMessage> listMessages(Pop3Wire &wire)
{
    QHash<int, qint64> sizes;
    QList<ServerMessage> out;
    wire.run({{"UIDL", true, 0}, {"LIST", true, 0}}, [&](size_t index, Pop3Wire::Reply &reply) {
        if (!reply.ok) {
            if (index == 0)
                throw vmime::exceptions::operation_not_supported();
            throw std::runtime_error("the server refused LIST: " + reply.status.toStdString());
        }
        for (const QByteArray &line : reply.body.split('\n')) {
            const QList<QByteArray> fields = line.trimmed().split(' ');
            if (fields.size() < 2)
                continue;
            bool ok = false;
            const int number = fields.at(0).toInt(&ok);
            if (!ok || number <= 0)
                continue;
            if (index == 0)
                out.append({number, QString::fromLatin1(fields.at(1)), 0});
            else
                sizes.insert(number, fields.at(1).toLongLong());
        }
    });
    for (ServerMessage &m : out)
        m.size = sizes.value(m.number);
    return out;
}

QString describe(const vmime::exception &e)
{
    QString what = QString::fromStdString(e.what());
    for (const vmime::exception *o = e.other(); o; o = o->other())
        what += u": "_s + QString::fromStdString(o->what());
    return what;
}

// One place that turns every failure into the specific English message the result carries.
template<typename Body>
void guarded(Pop3SyncResult &result, const std::atomic_bool *cancel, Body body)
{
    try {
        body();
        result.ok = true;
    } catch (const vmime::exceptions::authentication_error &) {
        result.error = u"wrong user name or password"_s;
    } catch (const vmime::exceptions::operation_not_supported &) {
        result.error = u"the server does not support UIDL, so messages cannot be tracked safely"_s;
    } catch (const vmime::exceptions::operation_cancelled &) {
        result.error = u"cancelled"_s;
    } catch (const vmime::exceptions::operation_timed_out &) {
        result.error =
            cancel && cancel->load() ? u"cancelled"_s : u"the server did not answer in time"_s;
    } catch (const vmime::exception &e) {
        result.error = describe(e);
    } catch (const std::exception &e) {
        result.error = QString::fromLocal8Bit(e.what());
    }
}

bool refusesPlainPassword(const Pop3Account &account, Pop3SyncResult &result)
{
    if (account.server.security == Types::MailSecurity::None &&
        !account.server.allowPlainPassword) {
        result.error = u"refusing to send the password without encryption (security \"none\")"_s;
        return true;
    }
    return false;
}

SocketSettings socketSettings(const Pop3Account &account, const std::atomic_bool *cancel)
{
    return {account.server.host,
            account.server.security,
            account.caCertificates,
            account.timeoutMs,
            cancel,
            account.trace,
            account.trustedSha256,
            std::make_shared<QSslCertificate>()};
}

} // namespace

Pop3SyncResult syncPop3(const Pop3Account &account, Pop3Sink &store,
                        const std::function<void(int, int, qint64)> &progress,
                        const std::atomic_bool *cancel)
{
    Pop3SyncResult result;
    if (refusesPlainPassword(account, result))
        return result;
    const Types::AccountSettings &s = account.server;
    const QString accountKey =
        Types::mailboxKey(s); // not the port: STLS and POP3S reach one mailbox
    // "Do not leave on server" is "delete as soon as it is safely here".
    const int deleteAfterDays = s.leaveOnServer ? s.deleteAfterDays : 0;
    const qint64 sizeLimit = s.sizeLimitKb > 0 ? qint64(s.sizeLimitKb) * 1024 : -1;
    Mime::initialize();
    const SocketSettings socket = socketSettings(account, cancel);
    guarded(result, cancel, [&] {
        Session session;
        open(session, account, socket);
        Pop3Wire &wire = *session.wire;
        result.pipelined = wire.pipelining();
        const QList<ServerMessage> server = listMessages(wire);
        result.onServer = int(server.size());
        const QHash<QString, Types::StoredState> known = store.states(accountKey);
        const qint64 now = QDateTime::currentSecsSinceEpoch();

        // Decide per message: kept, headers, body, delete.
        std::vector<Pop3Wire::Command> tops;
        std::vector<Pop3Wire::Command> retrs;
        QList<const ServerMessage *> topFor;
        QList<bool>
            topOnly; // headers that stay alone (searchable); the others are replaced in this sync
        QList<const ServerMessage *> retrFor;
        QSet<int> toDelete;
        QSet<QString> onServer;
        qint64 needed = 0;
        for (const ServerMessage &m : server) {
            onServer.insert(m.uidl);
            const auto state = known.constFind(m.uidl);
            const bool seen = state != known.constEnd();
            if (seen && (state->complete || state->deletedHere)) {
                ++result.alreadyStored;
                if ((state->deletedHere && s.deleteWhenDeletedHere) ||
                    (state->complete && deleteAfterDays >= 0 &&
                     state->stored <= now - deleteAfterDays * 86400LL))
                    toDelete << m.number;
                continue;
            }
            // A message the user opened comes whole whatever the mode or the limit.
            const bool wantBody = account.fetchUidls.contains(m.uidl) ||
                                  (!account.headersOnly && (sizeLimit < 0 || m.size <= sizeLimit));
            if (!seen && (account.headersFirst || !wantBody)) {
                // A header is a few KB whatever the message's size: that is what the in-flight
                // budget counts.
                tops.push_back({"TOP " + QByteArray::number(m.number) + " 0", true,
                                qMin<qint64>(m.size, 4096), m.size * 2 + (1 << 20)});
                topFor << &m;
                topOnly << !wantBody;
            }
            if (wantBody) {
                retrs.push_back({"RETR " + QByteArray::number(m.number), true, m.size});
                retrFor << &m;
                needed += m.size;
            } else {
                ++result.bodiesLeft;
            }
        }
        // Room for everything new, plus a margin, before downloading any of it.
        const QStorageInfo disk(store.directory());
        if (disk.isValid() && disk.bytesAvailable() < needed + 64 * 1024 * 1024)
            throw std::runtime_error(
                QStringLiteral("not enough free disk space for %1 bytes of mail")
                    .arg(needed)
                    .toStdString());

        // 1. Headers, so that a list fills at once; one transaction, no fsync needed.
        QString error;
        if (!tops.empty()) {
            store.beginGroup();
            wire.run(tops, [&](size_t i, Pop3Wire::Reply &reply) {
                if (!reply.ok)
                    return; // a server without TOP: the bodies still come
                Types::MessageSummary summary = Mime::summarize(reply.body);
                summary.fullText = topOnly.at(int(i));
                if (!store.addHeaders(accountKey, topFor.at(int(i))->uidl, topFor.at(int(i))->size,
                                      reply.body, &error, summary))
                    throw std::runtime_error(error.toStdString());
                ++result.headersStored;
            });
            if (!store.commitGroup(&error))
                throw std::runtime_error(error.toStdString());
        }
        if (account
                .headersStored) // the list can show every new message now (also when there is none)
            account.headersStored(result.headersStored);

        // 2. Bodies, durable in groups of up to 64 messages or 8 MB.
        qint64 groupBytes = 0;
        int done = 0;
        store.beginGroup();
        wire.run(retrs, [&](size_t i, Pop3Wire::Reply &reply) {
            const ServerMessage &m = *retrFor.at(int(i));
            if (!reply.ok)
                throw std::runtime_error("the server refused to send message " +
                                         std::to_string(m.number) + ": " +
                                         reply.status.toStdString());
            if (!store.add(accountKey, m.uidl, reply.body, &error, Mime::summarize(reply.body)))
                throw std::runtime_error(error.toStdString());
            ++result.downloaded;
            result.bytes += reply.body.size();
            groupBytes += reply.body.size();
            if (store.pendingInGroup() >= 64 || groupBytes >= 8 * 1024 * 1024) {
                if (!store.commitGroup(&error))
                    throw std::runtime_error(error.toStdString());
                store.beginGroup();
                groupBytes = 0;
            }
            if (progress)
                progress(++done, int(retrs.size()), result.bytes);
        });
        if (!store.commitGroup(&error)) // DELE below only for what is durably stored
            throw std::runtime_error(error.toStdString());
        if (deleteAfterDays == 0) // "do not leave on server": what just became durable goes too
            for (const ServerMessage *m : std::as_const(retrFor))
                toDelete << m->number;

        // 3. DELE per policy, committed by QUIT (RFC 1939 §6); a failed QUIT deletes nothing.
        std::vector<Pop3Wire::Command> deles;
        for (const int number : std::as_const(toDelete))
            deles.push_back({"DELE " + QByteArray::number(number), false, 0});
        int marked = 0;
        wire.run(deles, [&](size_t, Pop3Wire::Reply &reply) { marked += reply.ok ? 1 : 0; });
        const Pop3Wire::Reply quit = wire.exec({"QUIT", false, 0});
        wire.close();
        if (!quit.ok) // e.g. Dovecot cannot commit the deletions
            throw std::runtime_error("the server refused QUIT, nothing was deleted: " +
                                     quit.status.toStdString());
        result.deleted = marked;
        // What is gone from the server needs no tombstone or header row any more.
        if (marked > 0)
            for (const ServerMessage &m : server)
                if (toDelete.contains(m.number))
                    onServer.remove(m.uidl);
        store.forgetMissing(accountKey, onServer);
    });
    if (!result.ok && !socket.untrusted->isNull())
        result.untrustedCertificate = *socket.untrusted;
    return result;
}

Pop3SyncResult listPop3(const Pop3Account &account, const std::atomic_bool *cancel)
{
    Pop3SyncResult result;
    if (refusesPlainPassword(account, result))
        return result;
    Mime::initialize();
    const SocketSettings socket = socketSettings(account, cancel);
    guarded(result, cancel, [&] {
        Session session;
        open(session, account, socket);
        result.pipelined = session.wire->pipelining();
        const QList<ServerMessage> server = listMessages(*session.wire);
        result.onServer = int(server.size());
        std::vector<Pop3Wire::Command> tops;
        for (const ServerMessage &m : server)
            tops.push_back({"TOP " + QByteArray::number(m.number) + " 0", true,
                            qMin<qint64>(m.size, 4096), m.size * 2 + (1 << 20)});
        session.wire->run(tops, [&](size_t i, Pop3Wire::Reply &reply) {
            Pop3Listing item{
                server.at(int(i)).number, server.at(int(i)).uidl, server.at(int(i)).size, {}};
            if (reply.ok)
                if (const Mime::ReadResult read = Mime::readMessageData(reply.body); read.view)
                    item.subject = read.view->subject;
            result.listing.append(item);
        });
        session.wire->exec({"QUIT", false, 0});
        session.wire->close();
    });
    if (!result.ok && !socket.untrusted->isNull())
        result.untrustedCertificate = *socket.untrusted;
    return result;
}

} // namespace Net
