// SPDX-License-Identifier: GPL-3.0-or-later
#include "pop3sync.h"

#include "qtvmimesocket.h"

#include "mime/messageview.h"
#include "store/messagestore.h"

#include <vmime/vmime.hpp>

using namespace Qt::StringLiterals;

namespace Net {

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
    SocketSettings socket{s.host, s.security, account.caCertificates, account.timeoutMs, cancel};
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
            int done = 0;
            for (const auto &message : messages) {
                if (cancel && cancel->load())
                    throw vmime::exceptions::operation_cancelled();
                const QString uidl = QString::fromStdString(static_cast<vmime::string>(message->getUID()));
                if (uidl.isEmpty())
                    throw vmime::exceptions::operation_not_supported(); // no UIDL: cannot sync safely
                if (store.contains(accountKey, uidl)) {
                    ++result.alreadyStored;
                } else {
                    std::string bytes;
                    vmime::utility::outputStreamStringAdapter out(bytes);
                    message->extract(out); // RETR
                    // vmime 0.9.2 drops the CRLF that ends every POP3 message (VMIME-NOTES #168).
                    if (bytes.size() < 2 || bytes.compare(bytes.size() - 2, 2, "\r\n") != 0)
                        bytes += "\r\n";
                    QString error;
                    if (store.add(accountKey, uidl, QByteArray(bytes.data(), qsizetype(bytes.size())), &error).isEmpty())
                        throw std::runtime_error(error.toStdString());
                    ++result.downloaded;
                    result.bytes += qint64(bytes.size());
                }
                ++done;
                if (progress)
                    progress(done, result.onServer, result.bytes);
            }
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
    return result;
}

} // namespace Net
