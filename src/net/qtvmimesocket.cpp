// SPDX-License-Identifier: GPL-3.0-or-later
#include "qtvmimesocket.h"

#include <vmime/vmime.hpp>

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QSslConfiguration>
#include <QSslSocket>

using namespace Qt::StringLiterals;

namespace Net {

namespace {

class TimeoutHandler : public vmime::net::timeoutHandler
{
public:
    explicit TimeoutHandler(const SocketSettings &s)
        : m_settings(s)
    {
        m_timer.start();
    }
    bool isTimeOut() override
    {
        return (m_settings.cancel && m_settings.cancel->load()) ||
               m_timer.elapsed() > m_settings.timeoutMs;
    }
    void resetTimeOut() override { m_timer.restart(); }
    bool handleTimeOut() override { return false; } // give up: the caller reports timeout or cancel

private:
    SocketSettings m_settings;
    QElapsedTimer m_timer;
};

class TimeoutHandlerFactory : public vmime::net::timeoutHandlerFactory
{
public:
    explicit TimeoutHandlerFactory(const SocketSettings &s)
        : m_settings(s)
    {}
    std::shared_ptr<vmime::net::timeoutHandler> create() override
    {
        return std::make_shared<TimeoutHandler>(m_settings);
    }

private:
    SocketSettings m_settings;
};

class QtSocket : public vmime::net::socket
{
public:
    QtSocket(const SocketSettings &s, std::shared_ptr<vmime::net::timeoutHandler> th)
        : m_settings(s)
        , m_timeout(std::move(th))
    {}

    void connect(const vmime::string &, const vmime::port_t port) override
    {
        m_socket = std::make_unique<QSslSocket>();
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        // As the login client: never below TLS 1.2, whatever the system's OpenSSL allows.
        config.setProtocol(QSsl::TlsV1_2OrLater);
        if (!m_settings.caCertificates.isEmpty())
            config.addCaCertificates(m_settings.caCertificates);
        m_socket->setSslConfiguration(config);
        // Runs inside waitForEncrypted(): the one exception to verification is
        // the exact certificate the user trusted for this host and port (by SHA-256).
        QObject::connect(
            m_socket.get(), &QSslSocket::sslErrors, m_socket.get(),
            [this](const QList<QSslError> &errors) {
                const QSslCertificate peer = m_socket->peerCertificate();
                if (!peer.isNull() &&
                    m_settings.trustedSha256.contains(peer.digest(QCryptographicHash::Sha256))) {
                    m_socket->ignoreSslErrors(errors);
                    return;
                }
                SocketReport &report = *m_settings.report;
                report.certificateRefused = true;
                report.certificate = peer;
                // Another certificate was trusted here: the question is about a change.
                if (!m_settings.trustedSha256.isEmpty())
                    report.pinnedSha256 = m_settings.trustedSha256.first();
                report.tlsProblems.clear();
                for (const QSslError &e : errors)
                    report.tlsProblems << e.errorString();
            },
            Qt::DirectConnection);
        // The host the user configured, never what vmime resolved: certificates are checked against
        // it.
        const QString host = m_settings.host;
        if (m_settings.security == Types::MailSecurity::Tls) {
            m_socket->connectToHostEncrypted(host, port);
            if (!m_socket->waitForConnected(m_settings.timeoutMs))
                fail(u"cannot connect to %1: %2"_s.arg(host, m_socket->errorString()));
            reached(SocketStage::Connected);
            if (!m_socket->waitForEncrypted(m_settings.timeoutMs))
                fail(u"cannot establish TLS with %1: %2"_s.arg(host, m_socket->errorString()));
            checkPin();
            reached(SocketStage::Encrypted);
            m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
            return;
        }
        m_socket->connectToHost(host, port);
        if (!m_socket->waitForConnected(m_settings.timeoutMs))
            fail(u"cannot connect to %1: %2"_s.arg(host, m_socket->errorString()));
        reached(SocketStage::Connected);
        // Pipelined commands go out at once; never wait for a delayed ACK (Nagle).
        m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        if (m_settings.security == Types::MailSecurity::StartTls) {
            const QByteArray greeting = m_settings.protocol == WireProtocol::Smtp ? startTlsSmtp() : startTlsPop3();
            m_socket->startClientEncryption();
            if (!m_socket->waitForEncrypted(m_settings.timeoutMs))
                fail(u"TLS after %1 failed: %2"_s.arg(m_settings.protocol == WireProtocol::Smtp ? u"STARTTLS"_s : u"STLS"_s).arg(m_socket->errorString()));
            checkPin();
            reached(SocketStage::Encrypted);
            m_pending = greeting; // vmime reads the greeting as if nothing happened
            m_replayingGreeting = true; // (already traced above)
        }
    }

    // RFC 2595 §4: STLS before anything else; a refusal ends the session (fail closed).
    QByteArray startTlsPop3()
    {
        const QByteArray greeting = readLine();
        m_settings.report->greeting = greeting.trimmed();
        traceLine("S", greeting);
        m_socket->write("STLS\r\n");
        traceLine("C", "STLS");
        const QByteArray reply = readLine();
        traceLine("S", reply);
        if (!reply.startsWith("+OK")) {
            m_settings.report->stlsRefusal =
                reply.startsWith("-ERR") ? reply.mid(4).trimmed() : reply.trimmed();
            fail(u"the server refused STLS (%1); not continuing without encryption"_s.arg(
                QString::fromLatin1(reply.trimmed())));
        }
        return greeting;
    }

    // RFC 3207: EHLO, STARTTLS, then vmime starts over (greeting replayed, EHLO again over TLS,
    // as §4.2 requires). Not offered or refused: nothing else is sent (fail closed).
    QByteArray startTlsSmtp()
    {
        const QByteArray greeting = readReply();
        m_settings.report->greeting = greeting.trimmed();
        if (!greeting.startsWith("220"))
            fail(u"the server did not greet (%1)"_s.arg(QString::fromUtf8(greeting.trimmed())));
        m_socket->write("EHLO localhost\r\n");
        traceLine("C", "EHLO localhost");
        const QByteArray ehlo = readReply();
        bool offered = false;
        for (const QByteArray &line : ehlo.split('\n'))
            offered = offered || line.trimmed().mid(4).toUpper() == "STARTTLS";
        if (!ehlo.startsWith("250") || !offered) {
            m_settings.report->stlsRefusal = ehlo.startsWith("250") ? QByteArray("STARTTLS is not offered")
                                                                     : ehlo.trimmed().mid(4);
            fail(u"the server does not offer STARTTLS; not continuing without encryption"_s);
        }
        m_socket->write("STARTTLS\r\n");
        traceLine("C", "STARTTLS");
        const QByteArray reply = readReply();
        if (!reply.startsWith("220")) {
            m_settings.report->stlsRefusal = reply.trimmed().mid(4);
            fail(u"the server refused STARTTLS (%1); not continuing without encryption"_s.arg(
                QString::fromUtf8(reply.trimmed())));
        }
        return greeting;
    }

    // One SMTP reply, all its lines ("250-…" continues, "250 …" ends), each traced.
    QByteArray readReply()
    {
        QByteArray all;
        for (int lines = 0; lines < 100; ++lines) {
            const QByteArray line = readLine();
            traceLine("S", line);
            all += line;
            if (line.size() < 4 || line.at(3) != '-')
                return all;
        }
        fail(u"the server's reply does not end"_s);
    }

    // A pinned host must show its pinned certificate, even one the system
    // accepts: a change is the user's to judge, with both fingerprints.
    void checkPin()
    {
        const QSslCertificate peer = m_socket->peerCertificate();
        const QByteArray shown =
            peer.isNull() ? QByteArray() : peer.digest(QCryptographicHash::Sha256);
        if (m_settings.trustedSha256.isEmpty() || m_settings.trustedSha256.contains(shown))
            return;
        SocketReport &report = *m_settings.report;
        report.certificateRefused = true;
        report.certificate = peer;
        report.pinnedSha256 = m_settings.trustedSha256.first();
        report.tlsProblems = QStringList{u"The certificate differs from the one trusted for this server before"_s};
        fail(u"the certificate of %1 has changed: SHA-256 %2 was trusted, it now shows %3"_s.arg(
            m_settings.host, QString::fromLatin1(m_settings.trustedSha256.first().toHex(':')),
            QString::fromLatin1(shown.toHex(':'))));
    }

    void reached(SocketStage stage)
    {
        SocketReport &report = *m_settings.report;
        (stage == SocketStage::Connected ? report.connected : report.encrypted) = true;
        if (m_settings.stage)
            m_settings.stage(stage);
    }
    void traceLine(const char *direction, const QByteArray &line) const
    {
        if (m_settings.trace)
            m_settings.trace(QString::fromLatin1(direction) + u": "_s +
                             QString::fromUtf8(line.trimmed().left(200)));
    }

    void disconnect() override
    {
        if (m_socket)
            m_socket->disconnectFromHost();
    }
    bool isConnected() const override
    {
        return m_socket && m_socket->state() == QAbstractSocket::ConnectedState;
    }
    bool waitForRead(const int msecs) override
    {
        if (!m_pending.isEmpty() || (m_socket && m_socket->bytesAvailable() > 0))
            return true;
        return m_socket && m_socket->waitForReadyRead(qMin(msecs, 250));
    }
    bool waitForWrite(const int msecs) override
    {
        return m_socket &&
               (m_socket->bytesToWrite() == 0 || m_socket->waitForBytesWritten(qMin(msecs, 250)));
    }

    // At most one line per call: vmime 0.9.2 un-stuffs only the first ".."
    // line of each buffer it receives (VMIME-NOTES, upstream #168).
    void receive(vmime::string &buffer) override
    {
        buffer.clear();
        QByteArray line;
        bool replayed = false;
        if (!m_pending.isEmpty()) {
            replayed = std::exchange(m_replayingGreeting, false);
            const qsizetype end = m_pending.indexOf('\n');
            line = end < 0 ? m_pending : m_pending.left(end + 1);
            m_pending.remove(0, line.size());
        } else if (m_socket && m_socket->canReadLine()) {
            line = m_socket->readLine();
        } else if (m_socket && m_socket->bytesAvailable() > 0) {
            line = m_socket->read(
                m_socket->bytesAvailable()); // a partial line: no second line start in it
        } else if (m_socket && m_socket->state() != QAbstractSocket::ConnectedState) {
            fail(u"the server closed the connection"_s);
        }
        // Nothing buffered: tell vmime to wait for the socket (it only waits when asked).
        m_status = line.isEmpty() ? vmime::net::socket::STATUS_WANT_READ : 0;
        if (!line.isEmpty() && m_timeout)
            m_timeout->resetTimeOut();
        if (line.startsWith("+OK") || line.startsWith("-ERR"))
            m_lastWasAuth = false; // a SASL exchange ends with the server's verdict
        if (m_settings.protocol == WireProtocol::Smtp && !line.isEmpty())
            noteSmtpReply(line);
        if (!line.isEmpty() && !replayed && m_settings.trace)
            m_settings.trace(u"S: "_s + QString::fromUtf8(line.trimmed().left(200)));
        buffer.assign(line.constData(), size_t(line.size()));
    }
    // Pop3Wire reads every multi-line reply through here, in chunks as big as
    // the caller allows: it un-stuffs dot-lines itself. (vmime's own reader of
    // large replies, which un-stuffs only the first dot-line per chunk, is not
    // used: VMIME-NOTES.)
    size_t receiveRaw(vmime::byte_t *buffer, const size_t count) override
    {
        if (m_pending.isEmpty() && m_socket && m_socket->bytesAvailable() > 0)
            m_pending = m_socket->read(qMin<qint64>(m_socket->bytesAvailable(), qint64(count)));
        if (m_pending.isEmpty()) {
            vmime::string s;
            receive(s); // reports a closed connection and sets STATUS_WANT_READ
            if (s.empty())
                return 0;
            m_pending = QByteArray(s.data(), qsizetype(s.size()));
        }
        const qsizetype n = qMin<qsizetype>(m_pending.size(), qsizetype(count));
        std::memcpy(buffer, m_pending.constData(), size_t(n));
        m_pending.remove(0, n);
        m_status = 0;
        if (m_timeout)
            m_timeout->resetTimeOut();
        return size_t(n);
    }
    void send(const vmime::string &buffer) override
    {
        sendRaw(reinterpret_cast<const vmime::byte_t *>(buffer.data()), buffer.size());
    }
    void send(const char *str) override
    {
        sendRaw(reinterpret_cast<const vmime::byte_t *>(str), std::strlen(str));
    }
    void sendRaw(const vmime::byte_t *buffer, const size_t count) override
    {
        if (!isConnected())
            fail(u"not connected"_s);
        m_socket->write(reinterpret_cast<const char *>(buffer), qint64(count));
        if (m_settings.trace && !m_settings.muteSends->load()) {
            const QByteArray data(reinterpret_cast<const char *>(buffer), qsizetype(count));
            for (QByteArray line : data.split('\n')) {
                line = line.trimmed();
                if (line.isEmpty())
                    continue;
                // Never a secret in the log: PASS, APOP digests and SASL payloads are redacted.
                const QByteArray upper = line.toUpper();
                const bool auth = upper.startsWith("AUTH ");
                if (upper.startsWith("PASS ") || upper.startsWith("APOP "))
                    line = line.left(5) + "<redacted>";
                else if (auth) // the mechanism is useful to see, an initial response is not
                    line =
                        line.left(line.indexOf(' ', 5) < 0 ? line.size() : line.indexOf(' ', 5)) +
                        (line.indexOf(' ', 5) < 0 ? QByteArray() : QByteArray(" <redacted>"));
                else if (m_lastWasAuth && !upper.startsWith("QUIT"))
                    line = "<redacted>";
                m_lastWasAuth = auth || m_lastWasAuth; // until the server's final +OK or -ERR
                m_settings.trace(u"C: "_s + QString::fromUtf8(line));
            }
        }
        while (m_socket->bytesToWrite() > 0) {
            if (m_timeout && m_timeout->isTimeOut())
                throw vmime::exceptions::operation_timed_out();
            if (!m_socket->waitForBytesWritten(250) &&
                m_socket->state() != QAbstractSocket::ConnectedState)
                fail(u"the connection broke while sending"_s);
        }
        if (m_timeout)
            m_timeout->resetTimeOut();
    }
    size_t sendRawNonBlocking(const vmime::byte_t *buffer, const size_t count) override
    {
        sendRaw(buffer, count);
        return count;
    }
    size_t getBlockSize() const override { return 16384; }
    unsigned int getStatus() const override { return m_status; }
    const vmime::string getPeerName() const override { return m_settings.host.toStdString(); }
    const vmime::string getPeerAddress() const override
    {
        return m_socket ? m_socket->peerAddress().toString().toStdString() : std::string();
    }
    std::shared_ptr<vmime::net::timeoutHandler> getTimeoutHandler() override { return m_timeout; }
    void setTracer(std::shared_ptr<vmime::net::tracer> tracer) override
    {
        m_tracer = std::move(tracer);
    }
    std::shared_ptr<vmime::net::tracer> getTracer() override { return m_tracer; }

private:
    void noteSmtpReply(const QByteArray &line)
    {
        SocketReport &report = *m_settings.report;
        if (line.startsWith("334"))
            return; // a SASL challenge
        m_lastWasAuth = false;
        report.lastReply = line.trimmed();
        const QByteArray text = line.mid(4).trimmed().toUpper();
        if (line.startsWith("250") && (text.startsWith("AUTH ") || text.startsWith("AUTH=")))
            report.authMechanisms = text.mid(5).simplified().split(' ');
    }
    [[noreturn]] void fail(const QString &why)
    {
        throw vmime::exceptions::connection_error(why.toStdString());
    }
    QByteArray readLine()
    {
        QElapsedTimer timer;
        timer.start();
        while (!m_socket->canReadLine()) {
            if (timer.elapsed() > m_settings.timeoutMs ||
                (m_settings.cancel && m_settings.cancel->load()))
                fail(u"the server did not answer"_s);
            m_socket->waitForReadyRead(250);
        }
        return m_socket->readLine();
    }

    SocketSettings m_settings;
    std::shared_ptr<vmime::net::timeoutHandler> m_timeout;
    std::shared_ptr<vmime::net::tracer> m_tracer;
    std::unique_ptr<QSslSocket> m_socket;
    QByteArray m_pending;
    unsigned int m_status = 0;
    bool m_lastWasAuth = false;
    bool m_replayingGreeting = false;
};

class SocketFactory : public vmime::net::socketFactory
{
public:
    explicit SocketFactory(const SocketSettings &s)
        : m_settings(s)
    {}
    std::shared_ptr<vmime::net::socket> create() override
    {
        return std::make_shared<QtSocket>(m_settings, nullptr);
    }
    std::shared_ptr<vmime::net::socket>
    create(std::shared_ptr<vmime::net::timeoutHandler> th) override
    {
        return std::make_shared<QtSocket>(m_settings, std::move(th));
    }

private:
    SocketSettings m_settings;
};

} // namespace

std::shared_ptr<vmime::net::socketFactory> makeSocketFactory(const SocketSettings &settings)
{
    return std::make_shared<SocketFactory>(settings);
}

std::shared_ptr<vmime::net::timeoutHandlerFactory>
makeTimeoutHandlerFactory(const SocketSettings &settings)
{
    return std::make_shared<TimeoutHandlerFactory>(settings);
}

} // namespace Net
