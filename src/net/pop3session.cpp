// SPDX-License-Identifier: GPL-3.0-or-later
#include "pop3session.h"

#include "mechanismchooser.h"
#include "vmimeerror.h"

#include <vmime/net/pop3/POP3Store.hpp>
#include <vmime/vmime.hpp>

#include <QLoggingCategory>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcPop3Session, "tidings.net.pop3", QtInfoMsg)

namespace Net {

Pop3Session::~Pop3Session()
{
    try {
        // After an error no QUIT: the server then undoes the session (RFC 1939 §6; we send DELE
        // only at the very end anyway), and a stalled server cannot make us wait a second timeout.
        if (wire)
            wire->close();
        wire.reset();
        if (store && store->isConnected())
            store
                ->disconnect(); // only when the wire never existed (login failed): vmime's own QUIT
    } catch (...) {
    }
}

SocketSettings socketSettings(const Pop3Account &account, const std::atomic_bool *cancel)
{
    SocketSettings socket;
    socket.host = account.server.host;
    socket.security = account.server.security;
    socket.caCertificates = account.caCertificates;
    socket.timeoutMs = account.timeoutMs;
    socket.cancel = cancel;
    socket.trace = account.trace;
    socket.trustedSha256 = account.trustedSha256;
    return socket;
}

void openSession(Pop3Session &session, const Pop3Account &account, const SocketSettings &socket)
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
            if (const QByteArray item = line.trimmed(); !item.isEmpty())
                session.capabilities << QString::fromUtf8(item);
    for (const QString &item : std::as_const(session.capabilities))
        if (item.compare(u"PIPELINING"_s, Qt::CaseInsensitive) == 0)
            session.wire->setPipelining(true);
}

Pop3Error refusePlainPassword(const Pop3Account &account)
{
    if (account.server.security == Types::MailSecurity::None && !account.server.allowPlainPassword)
        return {Pop3ErrorKind::Connection,
                {},
                u"refusing to send the password without encryption (security \"none\")"_s};
    return {};
}

QString serverWords(const QByteArray &status)
{
    QByteArray text = status.trimmed();
    if (text.startsWith("-ERR"))
        text = text.mid(4).trimmed();
    return QString::fromUtf8(text);
}

Pop3Error runClassified(const SocketSettings &socket, const std::function<void()> &body)
{
    Pop3Error error;
    try {
        body();
        return {};
    } catch (const Pop3Failure &e) {
        error = e.error();
    } catch (const vmime::exceptions::authentication_error &e) {
        error = {Pop3ErrorKind::Authentication,
                 serverWords(QByteArray::fromStdString(e.response())),
                 u"wrong user name or password"_s};
    } catch (const vmime::exceptions::operation_not_supported &) {
        error = {Pop3ErrorKind::NoUidl,
                 {},
                 u"the server does not support UIDL, so messages cannot be tracked safely"_s};
    } catch (const vmime::exceptions::operation_cancelled &) {
        error = {Pop3ErrorKind::Cancelled, {}, u"cancelled"_s};
    } catch (const vmime::exceptions::operation_timed_out &) {
        error = {Pop3ErrorKind::Timeout, {}, u"the server did not answer in time"_s};
    } catch (const ProtocolViolation &e) {
        error = {Pop3ErrorKind::Protocol, {}, describeVmimeError(e)};
    } catch (const vmime::exceptions::connection_greeting_error &e) {
        error = {Pop3ErrorKind::ServerError, serverWords(QByteArray::fromStdString(e.response())),
                 describeVmimeError(e)};
    } catch (const vmime::exceptions::command_error &e) {
        error = {Pop3ErrorKind::ServerError, serverWords(QByteArray::fromStdString(e.response())),
                 describeVmimeError(e)};
    } catch (const vmime::exceptions::invalid_response &e) {
        error = {Pop3ErrorKind::Protocol, serverWords(QByteArray::fromStdString(e.response())),
                 describeVmimeError(e)};
    } catch (const vmime::exceptions::connection_error &e) {
        error = {Pop3ErrorKind::Connection, {}, describeVmimeError(e)};
    } catch (const vmime::exceptions::socket_exception &e) {
        error = {Pop3ErrorKind::Connection, {}, describeVmimeError(e)};
    } catch (const vmime::exception &e) {
        error = {Pop3ErrorKind::Protocol, {}, describeVmimeError(e)};
    } catch (const std::exception &e) {
        error = {Pop3ErrorKind::Protocol, {}, QString::fromLocal8Bit(e.what())};
    }
    // What the socket saw decides over how vmime phrased it.
    const SocketReport &report = *socket.report;
    if (report.certificateRefused)
        error.kind = Pop3ErrorKind::Certificate;
    else if (!report.stlsRefusal.isEmpty())
        error = {Pop3ErrorKind::ServerError, QString::fromUtf8(report.stlsRefusal), error.detail};
    // A cancel makes the socket give up however it was waiting.
    if (socket.cancel && socket.cancel->load() && error.kind != Pop3ErrorKind::Certificate)
        error = {Pop3ErrorKind::Cancelled, {}, u"cancelled"_s};
    qCDebug(lcPop3Session) << "POP3 failed:" << int(error.kind) << error.detail << error.serverText;
    return error;
}

} // namespace Net
