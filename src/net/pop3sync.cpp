// SPDX-License-Identifier: GPL-3.0-or-later
#include "pop3sync.h"

#include "qtvmimesocket.h"

#include "mime/messageview.h"
#include "store/messagestore.h"

#include <vmime/vmime.hpp>

#include <QDateTime>
#include <QStorageInfo>

using namespace Qt::StringLiterals;

namespace Net {

namespace {

// The index entry of a stored message, read with the message reader.
Store::MessageSummary summarize(const QString &path)
{
    Store::MessageSummary s;
    const Mime::ReadResult read = Mime::readMessage(path);
    if (!read.view)
        return s;
    const Mime::MessageView &v = *read.view;
    auto names = [](const QList<Mime::Address> &list) {
        QStringList out;
        for (const Mime::Address &a : list)
            out << (a.name.isEmpty() ? a.address : a.name + u" <"_s + a.address + u'>');
        return out.join(u", "_s);
    };
    s.subject = v.subject;
    s.sender = names(v.from);
    s.recipients = names(v.to + v.cc);
    s.date = v.date.isValid() ? v.date.toSecsSinceEpoch() : 0;
    s.hasAttachments = std::any_of(v.attachments.begin(), v.attachments.end(), [](const Mime::Attachment &a) {
        return !a.isInline;
    });
    // The full-text index (trigrams) takes the start of the body: indexing
    // every byte of every message costs more than downloading it.
    s.body = v.text.value_or(QString()).left(4096);
    s.snippet = s.body.simplified().left(200);
    return s;
}

} // namespace

Pop3SyncResult syncPop3(const Pop3Account &account, Store::MessageStore &store,
                        const std::function<void(int, int, qint64)> &progress, const std::atomic_bool *cancel)
{
    Pop3SyncResult result;
    const Types::AccountSettings &s = account.server;
    if (s.security == Types::MailSecurity::None && !account.allowPlainPassword) {
        result.error = u"refusing to send the password without encryption (security \"none\")"_s;
        return result;
    }
    const QString accountKey = u"%1@%2:%3"_s.arg(s.user, s.host).arg(s.port);
    Mime::initialize();
    SocketSettings socket{s.host, s.security, account.caCertificates, account.timeoutMs, cancel, account.trace,
                          account.trustedSha256, std::make_shared<QSslCertificate>()};
    // vmime 0.9.2 touches its folders when the store goes: the store must be
    // disconnected while they still exist, on every path (seen under valgrind).
    std::shared_ptr<vmime::net::store> pop3;
    std::shared_ptr<vmime::net::folder> folder;
    std::vector<std::shared_ptr<vmime::net::message>> messages;
    auto shutdown = [&] {
        try {
            if (pop3 && pop3->isConnected())
                pop3->disconnect();
        } catch (...) {
        }
        messages.clear();
        folder.reset();
        pop3.reset();
    };
    try {
        auto session = vmime::net::session::create();
        // TLS is done by our socket; vmime speaks plain POP3 over it. SASL off:
        // gsasl may offer mechanisms that need channel binding (VMIME-NOTES).
        vmime::utility::url url("pop3", s.host.toStdString(), s.port);
        pop3 = session->getStore(url);
        pop3->setSocketFactory(makeSocketFactory(socket));
        pop3->setTimeoutHandlerFactory(makeTimeoutHandlerFactory(socket));
        pop3->setProperty("connection.tls", false);
        pop3->setProperty("options.sasl", false);
        pop3->setProperty("options.apop", false);
        pop3->setProperty("auth.username", s.user.toStdString());
        pop3->setProperty("auth.password", account.password.toStdString());
        pop3->connect();
        folder = pop3->getDefaultFolder();
        folder->open(vmime::net::folder::MODE_READ_WRITE);
        result.onServer = int(folder->getMessageCount());
        if (result.onServer > 0) {
            messages = folder->getMessages(vmime::net::messageSet::byNumber(1, -1));
            folder->fetchMessages(messages, vmime::net::fetchAttributes::UID | vmime::net::fetchAttributes::SIZE);
            // Room for everything new, plus a margin, before downloading any of it.
            qint64 needed = 0;
            for (const auto &message : messages)
                needed += qint64(message->getSize());
            const QStorageInfo disk(store.maildir());
            if (disk.isValid() && disk.bytesAvailable() < needed + 64 * 1024 * 1024)
                throw std::runtime_error(QStringLiteral("not enough free disk space for %1 bytes of mail")
                                             .arg(needed).toStdString());
            int done = 0;
            std::vector<size_t> toDelete;
            // Groups of up to 64 messages or 8 MB become durable together.
            qint64 groupBytes = 0;
            auto commit = [&] {
                QString error;
                if (!store.commitGroup(&error))
                    throw std::runtime_error(error.toStdString());
                groupBytes = 0;
            };
            store.beginGroup();
            for (const auto &message : messages) {
                if (cancel && cancel->load())
                    throw vmime::exceptions::operation_cancelled();
                const QString uidl = QString::fromStdString(static_cast<vmime::string>(message->getUID()));
                if (uidl.isEmpty())
                    throw vmime::exceptions::operation_not_supported(); // no UIDL: cannot sync safely
                if (store.contains(accountKey, uidl)) {
                    ++result.alreadyStored;
                    // DELE only for what is safely stored, and only per policy.
                    if (account.deleteAfterDays >= 0
                        && store.storedAt(accountKey, uidl) <= QDateTime::currentSecsSinceEpoch() - account.deleteAfterDays * 86400LL)
                        toDelete.push_back(message->getNumber());
                } else {
                    std::string bytes;
                    vmime::utility::outputStreamStringAdapter out(bytes);
                    message->extract(out); // RETR
                    // vmime 0.9.2 drops the CRLF that ends every POP3 message (VMIME-NOTES #168).
                    if (bytes.size() < 2 || bytes.compare(bytes.size() - 2, 2, "\r\n") != 0)
                        bytes += "\r\n";
                    QString error;
                    if (store.add(accountKey, uidl, QByteArray(bytes.data(), qsizetype(bytes.size())), &error, summarize)
                            .isEmpty())
                        throw std::runtime_error(error.toStdString());
                    ++result.downloaded;
                    result.bytes += qint64(bytes.size());
                    groupBytes += qint64(bytes.size());
                    if (store.pendingInGroup() >= 64 || groupBytes >= 8 * 1024 * 1024) {
                        commit();
                        store.beginGroup();
                    }
                }
                ++done;
                if (progress)
                    progress(done, result.onServer, result.bytes);
            }
            commit(); // DELE below only for what is durably stored
            for (const size_t number : toDelete)
                folder->deleteMessages(vmime::net::messageSet::byNumber(number));
            result.deleted = int(toDelete.size()); // committed by QUIT below (RFC 1939 §6)
        }
        folder->close(true); // never RSET-then-QUIT: close(false) would undo deletes
        pop3->disconnect();
        result.ok = true;
    } catch (const vmime::exceptions::authentication_error &) {
        result.error = u"wrong user name or password"_s;
    } catch (const vmime::exceptions::operation_not_supported &) {
        result.error = u"the server does not support UIDL, so messages cannot be tracked safely"_s;
    } catch (const vmime::exceptions::operation_cancelled &) {
        result.error = u"cancelled"_s;
    } catch (const vmime::exceptions::operation_timed_out &) {
        result.error = cancel && cancel->load() ? u"cancelled"_s : u"the server did not answer in time"_s;
    } catch (const vmime::exception &e) {
        QString what = QString::fromStdString(e.what());
        for (const vmime::exception *o = e.other(); o; o = o->other())
            what += u": "_s + QString::fromStdString(o->what());
        result.error = what;
    } catch (const std::exception &e) {
        result.error = QString::fromLocal8Bit(e.what());
    }
    shutdown();
    if (!result.ok && !socket.untrusted->isNull())
        result.untrustedCertificate = *socket.untrusted;
    return result;
}

Pop3SyncResult listPop3(const Pop3Account &account, const std::atomic_bool *cancel)
{
    Pop3SyncResult result;
    const Types::AccountSettings &s = account.server;
    if (s.security == Types::MailSecurity::None && !account.allowPlainPassword) {
        result.error = u"refusing to send the password without encryption (security \"none\")"_s;
        return result;
    }
    Mime::initialize();
    SocketSettings socket{s.host, s.security, account.caCertificates, account.timeoutMs, cancel, account.trace,
                          account.trustedSha256, std::make_shared<QSslCertificate>()};
    std::shared_ptr<vmime::net::store> pop3;
    std::shared_ptr<vmime::net::folder> folder;
    std::vector<std::shared_ptr<vmime::net::message>> messages;
    try {
        auto session = vmime::net::session::create();
        pop3 = session->getStore(vmime::utility::url("pop3", s.host.toStdString(), s.port));
        pop3->setSocketFactory(makeSocketFactory(socket));
        pop3->setTimeoutHandlerFactory(makeTimeoutHandlerFactory(socket));
        pop3->setProperty("connection.tls", false);
        pop3->setProperty("options.sasl", false);
        pop3->setProperty("options.apop", false);
        pop3->setProperty("auth.username", s.user.toStdString());
        pop3->setProperty("auth.password", account.password.toStdString());
        pop3->connect();
        folder = pop3->getDefaultFolder();
        folder->open(vmime::net::folder::MODE_READ_ONLY);
        result.onServer = int(folder->getMessageCount());
        if (result.onServer > 0) {
            messages = folder->getMessages(vmime::net::messageSet::byNumber(1, -1));
            // ENVELOPE over POP3 is TOP n 0: headers only, bodies stay on the server.
            folder->fetchMessages(messages, vmime::net::fetchAttributes::UID | vmime::net::fetchAttributes::SIZE
                                                | vmime::net::fetchAttributes::ENVELOPE);
            for (const auto &m : messages) {
                Pop3Listing item;
                item.number = int(m->getNumber());
                item.uidl = QString::fromStdString(static_cast<vmime::string>(m->getUID()));
                item.size = qint64(m->getSize());
                if (const auto header = m->getHeader(); header && header->findField(vmime::fields::SUBJECT)) {
                    const auto text = header->Subject()->getValue<vmime::text>();
                    item.subject = QString::fromStdString(text->getConvertedText(vmime::charsets::UTF_8));
                }
                result.listing.append(item);
            }
        }
        folder->close(true);
        pop3->disconnect();
        result.ok = true;
    } catch (const vmime::exceptions::authentication_error &) {
        result.error = u"wrong user name or password"_s;
    } catch (const vmime::exception &e) {
        result.error = QString::fromStdString(e.what());
    } catch (const std::exception &e) {
        result.error = QString::fromLocal8Bit(e.what());
    }
    try {
        if (pop3 && pop3->isConnected())
            pop3->disconnect();
    } catch (...) {
    }
    messages.clear();
    folder.reset();
    pop3.reset();
    return result;
}

} // namespace Net
