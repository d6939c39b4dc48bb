// SPDX-License-Identifier: GPL-3.0-or-later
#include "smtpsend.h"

#include "mechanismchooser.h"
#include "vmimeerror.h"
#include "mime/envelope.h"
#include "mime/messageview.h" // Mime::initialize
#include "pop3wire.h" // ProtocolViolation
#include "qtvmimesocket.h"
#include "smtpwire.h"

#include <vmime/net/smtp/SMTPTransport.hpp>
#include <vmime/vmime.hpp>

#include <QFile>
#include <QLoggingCategory>

#include <optional>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcSmtp, "tidings.net.smtp", QtInfoMsg)

namespace Net {

namespace {

SmtpError error(SmtpErrorKind kind, const QString &message, int code = 0, const QString &serverText = {})
{
    SmtpError e;
    e.kind = kind;
    e.message = message;
    e.code = code;
    e.serverText = serverText;
    return e;
}

SmtpError replyError(SmtpErrorKind kind, const QString &what, const SmtpWire::Reply &reply)
{
    const QString text = QString::fromUtf8(reply.text);
    return error(kind, u"%1: %2 %3"_s.arg(what).arg(reply.code).arg(text), reply.code, text);
}

// "250 text" -> code and text, for a reply line the socket kept.
std::pair<int, QString> splitReply(const QByteArray &line)
{
    bool ok = false;
    const int code = line.left(3).toInt(&ok);
    return {ok ? code : 0, QString::fromUtf8(line.mid(4).trimmed())};
}

// One sendMail call's state across its connections.
class Sender
{
public:
    Sender(const SmtpServer &server, const SmtpCallbacks &callbacks, const std::atomic_bool *cancel)
        : m_server(server)
        , m_callbacks(callbacks)
        , m_cancel(cancel)
    {}

    SmtpError run(const std::vector<SmtpJob> &jobs)
    {
        SmtpError first;
        size_t next = 0;
        while (next < jobs.size()) {
            const size_t end = std::min(jobs.size(), next + size_t(std::max(1, m_server.messagesPerConnection)));
            SmtpError failed;
            const size_t done = connection(jobs, next, end, &failed);
            if (!failed.ok()) { // the connection failed: so do the jobs it did not finish
                if (first.ok())
                    first = failed;
                for (size_t i = done; i < jobs.size(); ++i)
                    finish(jobs[i].id, failed);
                return first;
            }
            next = done;
        }
        return first;
    }

private:
    void finish(qint64 id, const SmtpError &result)
    {
        qCDebug(lcSmtp) << "job" << id << int(result.kind) << result.message;
        if (m_callbacks.finished)
            m_callbacks.finished(id, result);
    }

    SocketSettings socketSettings() const
    {
        SocketSettings s;
        s.host = m_server.host;
        s.security = m_server.security;
        s.protocol = WireProtocol::Smtp;
        s.caCertificates = m_server.caCertificates;
        s.timeoutMs = m_server.timeoutMs;
        s.cancel = m_cancel;
        s.trace = m_callbacks.trace;
        s.trustedSha256 = m_server.trustedSha256;
        return s;
    }

    bool passwordMayTravel() const
    {
        return m_server.security != Types::MailSecurity::None || m_server.allowPlainPassword;
    }

    // vmime connects, says EHLO (again after STARTTLS, which our socket did) and logs in.
    std::shared_ptr<vmime::net::smtp::SMTPTransport> open(const SocketSettings &socket)
    {
        auto session = vmime::net::session::create();
        auto service = session->getTransport(
            vmime::utility::url("smtp", m_server.host.toStdString(), m_server.port));
        auto transport = std::dynamic_pointer_cast<vmime::net::smtp::SMTPTransport>(service);
        transport->setSocketFactory(makeSocketFactory(socket));
        transport->setTimeoutHandlerFactory(makeTimeoutHandlerFactory(socket));
        transport->setProperty("connection.tls", false); // TLS is our socket's
        const bool login = !m_server.user.isEmpty();
        transport->setProperty("options.need-authentication", login);
        transport->setProperty("options.sasl", true);
        transport->setProperty("options.sasl.fallback", false);
        transport->setProperty("options.pipelining", true);
        transport->setProperty("options.chunking", false);
        if (login) {
            transport->setAuthenticator(std::make_shared<MechanismChooser>(passwordMayTravel()));
            transport->setProperty("auth.username", m_server.user.toStdString());
            transport->setProperty("auth.password", m_server.password.toStdString());
        }
        transport->connect();
        return transport;
    }

    SmtpError classify(const SocketSettings &socket, const std::function<void()> &body)
    {
        SmtpError e;
        try {
            body();
            return SmtpError();
        } catch (const vmime::exceptions::authentication_error &x) {
            e = error(SmtpErrorKind::Authentication, u"the server refused the login: "_s + describeVmimeError(x));
        } catch (const vmime::exceptions::operation_cancelled &) {
            e = error(SmtpErrorKind::Cancelled, u"cancelled"_s);
        } catch (const vmime::exceptions::operation_timed_out &) {
            e = error(SmtpErrorKind::Timeout, u"the server did not answer in time"_s);
        } catch (const ProtocolViolation &x) {
            e = error(SmtpErrorKind::Protocol, describeVmimeError(x));
        } catch (const vmime::exceptions::connection_greeting_error &x) {
            e = error(SmtpErrorKind::Connection, describeVmimeError(x), 0, QString::fromStdString(x.response()));
        } catch (const vmime::exceptions::command_error &x) {
            e = error(SmtpErrorKind::Protocol, describeVmimeError(x), 0, QString::fromStdString(x.response()));
        } catch (const vmime::exceptions::connection_error &x) {
            e = error(SmtpErrorKind::Connection, describeVmimeError(x));
        } catch (const vmime::exceptions::socket_exception &x) {
            e = error(SmtpErrorKind::Connection, describeVmimeError(x));
        } catch (const vmime::exception &x) {
            e = error(SmtpErrorKind::Protocol, describeVmimeError(x));
        } catch (const std::exception &x) {
            e = error(SmtpErrorKind::Protocol, QString::fromLocal8Bit(x.what()));
        }
        // What the socket saw decides over how vmime phrased it.
        const SocketReport &report = *socket.report;
        if (report.certificateRefused) {
            e.kind = SmtpErrorKind::Certificate;
            e.certificate = report.certificate;
            e.pinnedSha256 = report.pinnedSha256;
            e.tlsProblems = report.tlsProblems;
        } else if (!report.stlsRefusal.isEmpty()) {
            e = error(SmtpErrorKind::StartTlsRefused,
                      u"no STARTTLS (%1): nothing was sent without encryption"_s.arg(
                          QString::fromUtf8(report.stlsRefusal)),
                      0, QString::fromUtf8(report.stlsRefusal));
        } else if (e.kind == SmtpErrorKind::Authentication || e.kind == SmtpErrorKind::Protocol) {
            bool acceptable = false;
            for (const QByteArray &m : report.authMechanisms)
                acceptable = acceptable || MechanismChooser::isAcceptable(m.toStdString(), passwordMayTravel());
            if (report.connected && !acceptable && !m_server.user.isEmpty() && !report.authMechanisms.isEmpty() &&
                e.kind == SmtpErrorKind::Authentication) {
                e = error(SmtpErrorKind::NoSecureAuth,
                          u"none of the login methods the server offers (%1) may carry the password here"_s.arg(
                              QString::fromLatin1(report.authMechanisms.join(' '))));
            } else if (e.kind == SmtpErrorKind::Authentication) {
                const auto [code, text] = splitReply(report.lastReply);
                e.code = code;
                e.serverText = text;
                if (!text.isEmpty())
                    e.message = u"the server refused the login: %1 %2"_s.arg(code).arg(text);
            }
        }
        if (m_cancel && m_cancel->load() && e.kind != SmtpErrorKind::Certificate)
            e = error(SmtpErrorKind::Cancelled, u"cancelled"_s);
        return e;
    }

    // Sends jobs[begin, end) over one connection. Returns the index of the first job it did not
    // finish: end, or earlier when the connection had to be dropped to abort a message (the
    // caller reconnects). *failed: a failure of the connection itself.
    size_t connection(const std::vector<SmtpJob> &jobs, size_t begin, size_t end, SmtpError *failed)
    {
        const SocketSettings socket = socketSettings();
        std::shared_ptr<vmime::net::smtp::SMTPTransport> transport;
        *failed = classify(socket, [&] { transport = open(socket); });
        if (!failed->ok())
            return begin;
        auto connection = transport->getConnection();
        const bool pipelining = connection->hasExtension("PIPELINING");
        const bool size = connection->hasExtension("SIZE");
        SmtpWire wire(connection->getSocket(), m_cancel, socket.muteSends, m_callbacks.trace);
        size_t doneUpTo = begin;
        std::optional<size_t> awaiting; // data sent, final reply not read yet
        bool dropped = false;
        // The verdict of the message whose data went out last; it stays awaited until read.
        const auto settle = [&] {
            finalReply(wire, jobs[*awaiting]);
            awaiting.reset();
        };
        const SmtpError broken = classify(socket, [&] {
            for (size_t i = begin; i < end && !dropped; ++i) {
                const SmtpJob &job = jobs[i];
                QString why;
                const std::optional<Mime::Envelope> envelope = Mime::readEnvelope(job.path, &why);
                QFile file(job.path);
                const QString from = job.envelopeFrom.isEmpty() && envelope ? envelope->from : job.envelopeFrom;
                const QStringList to = job.recipients.isEmpty() && envelope ? envelope->recipients : job.recipients;
                if (!envelope || !file.open(QIODevice::ReadOnly) || !file.seek(envelope->bodyOffset) ||
                    from.isEmpty() || to.isEmpty() || !isAscii(from, to, &why)) {
                    if (awaiting)
                        settle();
                    finish(job.id, error(SmtpErrorKind::Message,
                                         why.isEmpty() ? u"%1 has no sender or no recipient"_s.arg(job.path) : why));
                    doneUpTo = i + 1;
                    continue;
                }
                const qint64 total = envelope->header.size() + (envelope->fileSize - envelope->bodyOffset);
                QByteArray mail = "MAIL FROM:<" + from.toUtf8() + '>';
                if (size)
                    mail += " SIZE=" + QByteArray::number(total);
                QByteArrayList commands{mail};
                for (const QString &r : to)
                    commands << "RCPT TO:<" + r.toUtf8() + '>';
                commands << "DATA";
                // Pipelined: this message's envelope goes out before the last one's verdict is read.
                if (pipelining) {
                    wire.send(commands.join("\r\n") + "\r\n");
                    if (awaiting)
                        settle();
                } else if (awaiting) {
                    settle();
                }
                doneUpTo = i; // finished below, one way or another
                SmtpError refused;
                int dataCode = 0;
                for (qsizetype c = 0; c < commands.size(); ++c) {
                    if (!pipelining) {
                        if (!refused.ok() && (c == commands.size() - 1 || refused.kind == SmtpErrorKind::SenderRefused))
                            break; // DATA is never sent after a refusal
                        wire.send(commands[c] + "\r\n");
                    }
                    const SmtpWire::Reply reply = wire.read(m_server.timeoutMs);
                    if (c == 0 && reply.code != 250) {
                        refused = replyError(SmtpErrorKind::SenderRefused, u"the server refused the sender %1"_s.arg(from), reply);
                    } else if (c > 0 && c < commands.size() - 1 && reply.code != 250 && reply.code != 251) {
                        const QString r = to.at(c - 1);
                        if (refused.kind != SmtpErrorKind::SenderRefused) {
                            if (refused.ok())
                                refused = error(SmtpErrorKind::RecipientsRefused, {}, reply.code, QString::fromUtf8(reply.text));
                            refused.refused.append({r, reply.code, QString::fromUtf8(reply.text)});
                        }
                    } else if (c == commands.size() - 1) {
                        dataCode = reply.code;
                        if (reply.code != 354 && refused.ok())
                            refused = replyError(SmtpErrorKind::MessageRefused, u"the server refused the data"_s, reply);
                    }
                }
                if (refused.kind == SmtpErrorKind::RecipientsRefused) {
                    QStringList each;
                    for (const RecipientRefusal &r : std::as_const(refused.refused))
                        each << u"%1: %2 %3"_s.arg(r.address).arg(r.code).arg(r.text);
                    refused.message = u"the server refused %1 of %2 recipients (%3); the message was not sent"_s
                                          .arg(refused.refused.size()).arg(to.size()).arg(each.join(u"; "_s));
                }
                if (!refused.ok()) {
                    finish(job.id, refused);
                    doneUpTo = i + 1;
                    if (dataCode == 354) {
                        // The server waits for data we must not send: only hanging up aborts it.
                        dropped = true;
                        break;
                    }
                    wire.send("RSET\r\n");
                    wire.read(m_server.timeoutMs);
                    continue;
                }
                wire.sendData(envelope->header, file, [&](qint64 sent) {
                    if (m_callbacks.progress)
                        m_callbacks.progress(job.id, sent, total);
                });
                awaiting = i;
                if (!pipelining || i + 1 == end)
                    settle();
                doneUpTo = i + 1;
            }
            if (awaiting)
                settle();
            if (!dropped) {
                wire.send("QUIT\r\n");
                try {
                    wire.read(std::min(m_server.timeoutMs, 5000));
                } catch (const vmime::exception &) {
                    // the messages are accepted; a server slow to say goodbye changes nothing
                }
            }
        });
        // vmime would send its own QUIT after ours (or into a dropped transaction): hang up first.
        try {
            connection->getSocket()->disconnect();
        } catch (...) {
        }
        if (!broken.ok()) {
            *failed = broken;
            return awaiting ? *awaiting : doneUpTo;
        }
        return doneUpTo;
    }

    // The verdict after the data: worth waiting for (VMIME-NOTES #110: not the idle timeout).
    void finalReply(SmtpWire &wire, const SmtpJob &job)
    {
        const SmtpWire::Reply reply = wire.read(m_server.finalReplyTimeoutMs);
        if (reply.code == 250)
            finish(job.id, SmtpError());
        else
            finish(job.id, replyError(SmtpErrorKind::MessageRefused, u"the server refused the message"_s, reply));
    }

    static bool isAscii(const QString &from, const QStringList &to, QString *why)
    {
        const QStringList all = QStringList(to) << from; // (a temporary in the for would die first)
        for (const QString &a : all) {
            for (const QChar c : a) {
                if (c.unicode() > 126 || c.unicode() < 33 || c == u'<' || c == u'>') {
                    *why = u"the address %1 cannot be sent without SMTPUTF8, which Tidings does not use"_s.arg(a);
                    return false;
                }
            }
        }
        return true;
    }

    const SmtpServer &m_server;
    const SmtpCallbacks &m_callbacks;
    const std::atomic_bool *m_cancel;
};

} // namespace

SmtpError sendMail(const SmtpServer &server, const std::vector<SmtpJob> &jobs, const SmtpCallbacks &callbacks,
                   const std::atomic_bool *cancel)
{
    Mime::initialize(); // vmime's platform handler: never the local host name in EHLO
    // Without encryption only SCRAM and CRAM-MD5 may log in (MechanismChooser), unless allowed.
    Sender sender(server, callbacks, cancel);
    return sender.run(jobs);
}

QString smtpErrorKindName(SmtpErrorKind kind)
{
    switch (kind) {
    case SmtpErrorKind::None: return u"none"_s;
    case SmtpErrorKind::Connection: return u"connection"_s;
    case SmtpErrorKind::Certificate: return u"certificate"_s;
    case SmtpErrorKind::StartTlsRefused: return u"starttls-refused"_s;
    case SmtpErrorKind::Authentication: return u"authentication"_s;
    case SmtpErrorKind::NoSecureAuth: return u"no-secure-auth"_s;
    case SmtpErrorKind::Timeout: return u"timeout"_s;
    case SmtpErrorKind::Cancelled: return u"cancelled"_s;
    case SmtpErrorKind::SenderRefused: return u"sender-refused"_s;
    case SmtpErrorKind::RecipientsRefused: return u"recipients-refused"_s;
    case SmtpErrorKind::MessageRefused: return u"message-refused"_s;
    case SmtpErrorKind::Protocol: return u"protocol"_s;
    case SmtpErrorKind::Message: return u"message"_s;
    }
    return u"unknown"_s;
}

} // namespace Net
