// SPDX-License-Identifier: GPL-3.0-or-later
#include "pop3sync.h"

#include "pop3plan.h"
#include "pop3session.h"
#include "pop3wire.h"

#include "core/types/mailboxkey.h"
#include "mime/messageview.h"
#include "mime/summary.h"

#include <QDateTime>
#include <QStorageInfo>

using namespace Qt::StringLiterals;

namespace Net {

namespace {

constexpr int kGroupMessages = 64;              // bodies made durable together (one syncfs)
constexpr qint64 kGroupBytes = 8LL << 20;       // ... or this many bytes, whichever comes first
constexpr qint64 kFreeSpaceMargin = 64LL << 20; // left free on the disk beyond the new mail
constexpr qint64 kHeaderBudget = 4096;          // in-flight bytes counted per TOP n 0
constexpr qint64 kReplySlack = 1LL << 20;       // accepted beyond twice the announced size

Pop3Wire::Command topCommand(const ServerEntry &m)
{
    // A header is a few KB whatever the message's size: that is what the in-flight budget counts.
    return {"TOP " + QByteArray::number(m.number) + " 0", true, qMin<qint64>(m.size, kHeaderBudget),
            m.size * 2 + kReplySlack};
}

QList<ServerEntry> listMessages(Pop3Wire &wire)
{
    QByteArray uidl;
    QByteArray list;
    // UIDL and LIST in one round trip when pipelining.
    wire.run({{"UIDL", true, 0}, {"LIST", true, 0}}, [&](size_t index, Pop3Wire::Reply &reply) {
        if (!reply.ok) {
            if (index == 0)
                throw vmime::exceptions::operation_not_supported();
            throw Pop3Failure({Pop3ErrorKind::ServerError, serverWords(reply.status),
                               u"the server refused LIST: "_s + QString::fromUtf8(reply.status)});
        }
        (index == 0 ? uidl : list) = std::move(reply.body);
    });
    return parseListing(uidl, list);
}

// A store failure for lack of space is the user's to fix differently from a broken store.
[[noreturn]] void storeFailed(const QString &error, const Pop3Sink &store)
{
    const QStorageInfo disk(store.directory());
    const bool full = store.lastFailureWasDiskFull() ||
                      (disk.isValid() && disk.bytesAvailable() < kFreeSpaceMargin);
    throw Pop3Failure({full ? Pop3ErrorKind::DiskFull : Pop3ErrorKind::Store, {}, error});
}

void recordCertificate(Pop3SyncResult &result, const SocketSettings &socket)
{
    if (result.error.kind != Pop3ErrorKind::Certificate)
        return;
    result.untrustedCertificate = socket.report->certificate;
    result.pinnedSha256 = socket.report->pinnedSha256;
    result.tlsProblems = socket.report->tlsProblems;
}

} // namespace

Pop3SyncResult syncPop3(const Pop3Account &account, Pop3Sink &store,
                        const std::function<void(const Pop3Progress &)> &progress,
                        const std::atomic_bool *cancel)
{
    Pop3SyncResult result;
    if ((result.error = refusePlainPassword(account)).kind != Pop3ErrorKind::None)
        return result;
    // Not the port: STLS and POP3S reach one mailbox.
    const QString accountKey = Types::mailboxKey(account.server);
    SyncPolicy policy = SyncPolicy::of(account.server);
    policy.headersFirst = account.headersFirst;
    policy.headersOnly = account.headersOnly;
    policy.fetchUidls = account.fetchUidls;
    Mime::initialize();
    const SocketSettings socket = socketSettings(account, cancel);
    result.error = runClassified(socket, [&] {
        Pop3Session session;
        openSession(session, account, socket);
        Pop3Wire &wire = *session.wire;
        result.pipelined = wire.pipelining();
        const QList<ServerEntry> listing = listMessages(wire);
        const Pop3Plan plan =
            planSync(listing, store.states(accountKey), policy, QDateTime::currentSecsSinceEpoch());
        result.onServer = int(plan.onServer.size());
        result.alreadyStored = plan.alreadyStored;
        result.bodiesLeft = plan.bodiesLeft;
        result.duplicates = plan.duplicates;

        // Room for everything new, plus a margin, before downloading any of it.
        const QStorageInfo disk(store.directory());
        if (disk.isValid() && disk.bytesAvailable() < plan.bodyBytes + kFreeSpaceMargin)
            throw Pop3Failure(
                {Pop3ErrorKind::DiskFull,
                 {},
                 u"not enough free disk space for %1 bytes of mail"_s.arg(plan.bodyBytes)});
        Pop3Progress done{0, int(plan.bodies.size()), 0, plan.bodyBytes};
        if (progress)
            progress(done);

        // 1. Headers, so that a list fills at once; one transaction, no fsync needed.
        QString error;
        if (!plan.headers.isEmpty()) {
            std::vector<Pop3Wire::Command> tops;
            for (const Pop3Plan::Header &h : plan.headers)
                tops.push_back(topCommand(h.message));
            store.beginGroup();
            wire.run(tops, [&](size_t i, Pop3Wire::Reply &reply) {
                if (!reply.ok)
                    return; // a server without TOP: the bodies still come
                const Pop3Plan::Header &h = plan.headers.at(qsizetype(i));
                Types::MessageSummary summary = Mime::summarize(reply.body);
                summary.fullText = h.alone;
                if (!store.addHeaders(accountKey, h.message.uidl, h.message.size, reply.body,
                                      &error, summary))
                    storeFailed(error, store);
                ++result.headersStored;
            });
            if (!store.commitGroup(&error))
                storeFailed(error, store);
        }
        if (account
                .headersStored) // the list can show every new message now (also when there is none)
            account.headersStored(result.headersStored);

        // 2. Bodies, durable in groups.
        std::vector<Pop3Wire::Command> retrs;
        for (const ServerEntry &m : plan.bodies)
            retrs.push_back({"RETR " + QByteArray::number(m.number), true, m.size});
        qint64 groupBytes = 0;
        store.beginGroup();
        wire.run(retrs, [&](size_t i, Pop3Wire::Reply &reply) {
            const ServerEntry &m = plan.bodies.at(qsizetype(i));
            if (!reply.ok)
                throw Pop3Failure({Pop3ErrorKind::ServerError, serverWords(reply.status),
                                   u"the server refused to send message %1: %2"_s.arg(m.number).arg(
                                       QString::fromUtf8(reply.status))});
            if (!store.add(accountKey, m.uidl, reply.body, &error, Mime::summarize(reply.body)))
                storeFailed(error, store);
            ++result.downloaded;
            result.bytes += reply.body.size();
            groupBytes += reply.body.size();
            if (store.pendingInGroup() >= kGroupMessages || groupBytes >= kGroupBytes) {
                if (!store.commitGroup(&error))
                    storeFailed(error, store);
                store.beginGroup();
                groupBytes = 0;
            }
            ++done.messagesDone;
            done.bytesDone += m.size; // LIST's count, so that done reaches the total exactly
            if (progress)
                progress(done);
        });
        if (!store.commitGroup(&error)) // DELE below only for what is durably stored
            storeFailed(error, store);

        // 3. DELE per policy, committed by QUIT (RFC 1939 §6); a failed QUIT deletes nothing.
        QList<ServerEntry> deletions = plan.deletions;
        if (plan.deleteBodiesOnceStored) // "do not leave on server": what just became durable goes
                                         // too
            deletions += plan.bodies;
        std::vector<Pop3Wire::Command> deles;
        for (const ServerEntry &m : std::as_const(deletions))
            deles.push_back({"DELE " + QByteArray::number(m.number), false, 0});
        int marked = 0;
        wire.run(deles, [&](size_t, Pop3Wire::Reply &reply) { marked += reply.ok ? 1 : 0; });
        const Pop3Wire::Reply quit = wire.exec({"QUIT", false, 0});
        wire.close();
        if (!quit.ok) // e.g. Dovecot cannot commit the deletions
            throw Pop3Failure({Pop3ErrorKind::ServerError, serverWords(quit.status),
                               u"the server refused QUIT, nothing was deleted: "_s +
                                   QString::fromUtf8(quit.status)});
        result.deleted = marked;
        // What is gone from the server needs no tombstone or header row any more.
        QSet<QString> onServer = plan.onServer;
        if (marked > 0)
            for (const ServerEntry &m : std::as_const(deletions))
                onServer.remove(m.uidl);
        store.forgetMissing(accountKey, onServer);
    });
    recordCertificate(result, socket);
    return result;
}

Pop3SyncResult listPop3(const Pop3Account &account, const std::atomic_bool *cancel)
{
    Pop3SyncResult result;
    if ((result.error = refusePlainPassword(account)).kind != Pop3ErrorKind::None)
        return result;
    Mime::initialize();
    const SocketSettings socket = socketSettings(account, cancel);
    result.error = runClassified(socket, [&] {
        Pop3Session session;
        openSession(session, account, socket);
        result.pipelined = session.wire->pipelining();
        const QList<ServerEntry> server = listMessages(*session.wire);
        result.onServer = int(server.size());
        std::vector<Pop3Wire::Command> tops;
        for (const ServerEntry &m : server)
            tops.push_back(topCommand(m));
        session.wire->run(tops, [&](size_t i, Pop3Wire::Reply &reply) {
            const ServerEntry &m = server.at(qsizetype(i));
            Pop3Listing item{m.number, m.uidl, m.size, {}};
            if (reply.ok)
                if (const Mime::ReadResult read = Mime::readMessageData(reply.body); read.view)
                    item.subject = read.view->subject;
            result.listing.append(item);
        });
        session.wire->exec({"QUIT", false, 0});
        session.wire->close();
    });
    recordCertificate(result, socket);
    return result;
}

} // namespace Net
