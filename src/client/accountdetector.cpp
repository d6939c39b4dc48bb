// SPDX-License-Identifier: GPL-3.0-or-later
#include "accountdetector.h"

#include <QLoggingCategory>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTimer>
#include <QUrl>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcDetect, "tidings.client.detect", QtWarningMsg)

namespace Client {

namespace {
constexpr qsizetype kMaxLineBytes = 4096; // RFC 2449 allows 512; a longer line is not POP3
constexpr int kMaxCapabilityLines = 200;  // a server listing more is not one we understand
const QByteArray kCrLf = QByteArrayLiteral("\r\n");
} // namespace

// One candidate (host, port, security): connect, TLS, greeting, CAPA, and for
// STLS the upgrade; then QUIT. Ends once with ok() or problem() set.
class AccountDetector::Probe : public QObject
{
public:
    Probe(const DetectionAttempt &attempt, const QHostAddress &address,
          const QList<QSslCertificate> &cas, int timeoutMs, AccountDetector *owner)
        : QObject(owner)
        , m_owner(owner)
        , m_attempt(attempt)
        , m_timeoutMs(timeoutMs)
    {
        m_server.host = attempt.host;
        m_server.port = attempt.port;
        m_server.security = attempt.security;
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        if (!cas.isEmpty())
            config.addCaCertificates(cas);
        m_socket.setSslConfiguration(config);
        m_socket.setPeerVerifyName(attempt.host);
        m_timer.setSingleShot(true);
        connect(&m_timer, &QTimer::timeout, this,
                [this] { fail(u"no answer within %1 ms"_s.arg(m_timeoutMs)); });
        connect(&m_socket, &QSslSocket::errorOccurred, this,
                [this] { fail(m_socket.errorString()); });
        connect(&m_socket, &QSslSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
            for (const QSslError &e : errors)
                m_server.certificateProblems << e.errorString();
            m_socket.ignoreSslErrors(); // only probing: nothing secret is sent, the user sees the
                                        // problems
        });
        connect(&m_socket, &QSslSocket::encrypted, this, [this] {
            m_server.certificate = m_socket.peerCertificate();
            m_server.certificateVerified = m_server.certificateProblems.isEmpty();
            // POP3S: the greeting comes now. STLS: capabilities again, as a login would see them.
            if (m_stage == Stage::StlsHandshake)
                sendCapa();
            else
                expect(Stage::Greeting);
        });
        connect(&m_socket, &QSslSocket::connected, this, [this] {
            if (m_attempt.security == Types::MailSecurity::Tls)
                expect(Stage::TlsHandshake);
            else
                expect(Stage::Greeting);
        });
        connect(&m_socket, &QSslSocket::readyRead, this, &Probe::readLines);

        const QString target = address.isNull() ? attempt.host : address.toString();
        m_timer.start(m_timeoutMs);
        m_stage = Stage::Connecting;
        if (attempt.security == Types::MailSecurity::Tls)
            m_socket.connectToHostEncrypted(target, attempt.port, attempt.host);
        else
            m_socket.connectToHost(target, attempt.port);
    }

    bool ended() const { return m_stage == Stage::Done; }
    bool ok() const { return ended() && m_problem.isEmpty(); }
    const DetectedServer &server() const { return m_server; }
    DetectionAttempt failure() const
    {
        DetectionAttempt out = m_attempt;
        out.problem = m_problem;
        return out;
    }
    void abort()
    {
        if (m_problem.isEmpty() && m_stage != Stage::Done)
            m_problem = u"cancelled"_s;
        m_stage = Stage::Done;
        m_timer.stop();
        m_socket.disconnect(this);
        m_socket.abort();
    }

private:
    enum class Stage {
        Connecting,
        TlsHandshake,
        Greeting,
        Capa,
        CapaLines,
        Stls,
        StlsHandshake,
        Done
    };

    void expect(Stage stage)
    {
        m_stage = stage;
        m_timer.start(m_timeoutMs);
    }

    void send(const QByteArray &line, Stage next)
    {
        expect(next);
        m_socket.write(line + kCrLf);
    }

    void sendCapa()
    {
        m_server.capabilities.clear();
        send("CAPA", Stage::Capa);
    }

    void readLines()
    {
        while (m_stage != Stage::Done) {
            const qsizetype end = m_socket.bytesAvailable() > 0 ? peekLineEnd() : -1;
            if (end < 0) {
                if (m_socket.bytesAvailable() > kMaxLineBytes)
                    fail(u"a reply line longer than %1 bytes: not a POP3 server"_s.arg(
                        kMaxLineBytes));
                return;
            }
            QByteArray line = m_socket.read(end + 1);
            while (line.endsWith('\n') || line.endsWith('\r'))
                line.chop(1);
            handleLine(line);
        }
    }

    qsizetype peekLineEnd()
    {
        const QByteArray peeked = m_socket.peek(kMaxLineBytes + 2);
        return peeked.indexOf('\n');
    }

    static QString text(const QByteArray &bytes) { return QString::fromUtf8(bytes).trimmed(); }

    void handleLine(const QByteArray &line)
    {
        const bool positive = line.startsWith("+OK");
        switch (m_stage) {
        case Stage::Greeting:
            if (!positive)
                return fail(u"the greeting is not POP3: \"%1\""_s.arg(text(line.left(200))));
            if (m_server.greeting
                    .isEmpty()) // after STLS there is no second greeting; keep the first
                m_server.greeting = text(line.mid(3));
            return sendCapa();
        case Stage::Capa:
            if (positive)
                return expect(Stage::CapaLines);
            return capabilitiesKnown(); // no CAPA (RFC 1939 servers): STLS is still tried
        case Stage::CapaLines:
            if (line == ".")
                return capabilitiesKnown();
            if (m_server.capabilities.size() >= kMaxCapabilityLines)
                return fail(u"more than %1 capability lines"_s.arg(kMaxCapabilityLines));
            m_server.capabilities << text(line.startsWith('.') ? line.mid(1) : line);
            if (line.toUpper().startsWith("IMPLEMENTATION "))
                m_server.implementation = text(line.mid(15));
            return;
        case Stage::Stls:
            if (!positive)
                return fail(u"the server refused STLS: \"%1\""_s.arg(text(line.left(200))));
            // Anything already buffered was sent in clear and could be injected: refuse it.
            if (m_socket.bytesAvailable() > 0)
                return fail(u"the server sent data after accepting STLS"_s);
            expect(Stage::StlsHandshake); // encrypted() then asks CAPA again
            m_socket.startClientEncryption();
            return;
        default:
            return fail(u"unexpected data from the server"_s);
        }
    }

    void capabilitiesKnown()
    {
        const bool needsStls =
            m_attempt.security == Types::MailSecurity::StartTls && !m_socket.isEncrypted();
        if (!needsStls)
            return succeed();
        const bool offered = m_server.capabilities.isEmpty() ||
                             std::any_of(m_server.capabilities.cbegin(),
                                         m_server.capabilities.cend(), [](const QString &c) {
                                             return c.compare(u"STLS"_s, Qt::CaseInsensitive) == 0;
                                         });
        if (!offered)
            return fail(u"the server does not offer STLS"_s);
        send("STLS", Stage::Stls);
    }

    void succeed()
    {
        m_socket.write("QUIT\r\n");
        m_socket.disconnectFromHost();
        end();
    }

    void fail(const QString &problem)
    {
        if (m_stage == Stage::Done)
            return;
        m_problem = problem.isEmpty() ? u"failed"_s : problem;
        qCDebug(lcDetect) << m_attempt.host << m_attempt.port
                          << Types::mailSecurityName(m_attempt.security) << m_problem;
        m_stage = Stage::Done; // before abort(): it may report an error of its own
        m_timer.stop();
        m_socket.disconnect(this);
        m_socket.abort();
        m_owner->probeEnded(this);
    }

    void end()
    {
        m_stage = Stage::Done;
        m_timer.stop();
        m_socket.disconnect(this);
        m_owner->probeEnded(this);
    }

    AccountDetector *m_owner;
    DetectionAttempt m_attempt;
    int m_timeoutMs;
    QSslSocket m_socket;
    QTimer m_timer;
    Stage m_stage = Stage::Connecting;
    DetectedServer m_server;
    QString m_problem;
};

AccountDetector::AccountDetector(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<Client::DetectionResult>();
}

AccountDetector::~AccountDetector()
{
    for (Probe *probe : std::as_const(m_probes))
        probe->abort();
}

void AccountDetector::setPorts(quint16 tlsPort, quint16 stlsPort)
{
    m_tlsPort = tlsPort;
    m_stlsPort = stlsPort;
}

void AccountDetector::setHostAddresses(const QHash<QString, QHostAddress> &addresses)
{
    m_addresses = addresses;
}

void AccountDetector::setCaCertificates(const QList<QSslCertificate> &certificates)
{
    m_caCertificates = certificates;
}

void AccountDetector::setTimeout(int milliseconds)
{
    m_timeoutMs = qMax(1, milliseconds);
}

QString AccountDetector::domainOf(const QString &email)
{
    const QString address = email.trimmed();
    const qsizetype at = address.lastIndexOf(u'@');
    if (at <= 0)
        return {};
    QString domain = address.mid(at + 1).toLower();
    while (domain.endsWith(u'.'))
        domain.chop(1);
    if (domain.isEmpty() || domain.contains(u' ') || domain.startsWith(u'.') ||
        domain.contains(u"..") || domain.contains(u'/') || domain.contains(u':'))
        return {};
    const QByteArray ace = QUrl::toAce(domain); // 例子.中国 -> xn--fsqu00a.xn--fiqs8s
    return ace.isEmpty() ? QString() : QString::fromLatin1(ace);
}

QList<DetectionAttempt> AccountDetector::candidates(const QString &email) const
{
    const QString domain = domainOf(email);
    if (domain.isEmpty())
        return {};
    QList<DetectionAttempt> out;
    // Implicit TLS first on every host (RFC 8314 prefers it), then STLS.
    for (const auto &[security, port] : {std::pair{Types::MailSecurity::Tls, m_tlsPort},
                                         std::pair{Types::MailSecurity::StartTls, m_stlsPort}})
        for (const QString &prefix : {u"pop."_s, u"mail."_s})
            out.append({prefix + domain, port, security, {}});
    return out;
}

bool AccountDetector::start(const QString &email)
{
    const QList<DetectionAttempt> attempts = candidates(email);
    if (attempts.isEmpty())
        return false;
    cancel();
    m_probes.fill(nullptr, attempts.size());
    // Created after the list is complete: a probe may end (and call back) at once.
    for (qsizetype i = 0; i < attempts.size(); ++i) {
        const DetectionAttempt &attempt = attempts.at(i);
        m_probes[i] = new Probe(attempt, m_addresses.value(attempt.host), m_caCertificates,
                                m_timeoutMs, this);
    }
    probeEnded(nullptr); // in case some ended while the list was being made
    return true;
}

void AccountDetector::cancel()
{
    if (m_probes.isEmpty())
        return;
    DetectionResult result;
    result.cancelled = true;
    finish(result);
}

void AccountDetector::probeEnded(Probe *)
{
    if (m_probes.isEmpty())
        return; // already finished
    DetectionResult result;
    for (Probe *probe : std::as_const(m_probes)) {
        if (!probe || !probe->ended())
            return; // a better candidate is still being tried
        if (probe->ok()) {
            result.found = true;
            result.server = probe->server();
            return finish(result);
        }
        result.failures.append(probe->failure());
    }
    finish(result);
}

void AccountDetector::finish(DetectionResult result)
{
    const QList<Probe *> probes = std::exchange(m_probes, {});
    for (Probe *probe : probes) {
        if (!probe)
            continue;
        if (!probe->ended())
            probe->abort();
        probe->deleteLater(); // we may be inside one of its socket's signals
    }
    Q_EMIT finished(result);
}

} // namespace Client
