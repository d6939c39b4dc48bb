// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/types/accountsettings.h"

#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QSslCertificate>
#include <QString>
#include <QStringList>

namespace Client {

// A POP3 server found for an address: what the user is shown before anything is saved.
struct DetectedServer
{
    QString host;
    quint16 port = 0;
    Types::MailSecurity security = Types::MailSecurity::Tls;
    QString greeting;       // the server's greeting after "+OK"
    QString implementation; // CAPA IMPLEMENTATION, when the server names itself
    QStringList capabilities;
    bool certificateVerified = false; // against the system's CAs (and any given) and the host name
    QStringList certificateProblems;  // what TLS verification said, when it did not verify
    QSslCertificate certificate;
};

// One candidate that was tried and why it did not do.
struct DetectionAttempt
{
    QString host;
    quint16 port = 0;
    Types::MailSecurity security = Types::MailSecurity::Tls;
    QString problem; // English, from the socket or the server ("connection refused", "no STLS")
};

struct DetectionResult
{
    bool found = false;
    bool cancelled = false;
    DetectedServer server;
    QList<DetectionAttempt> failures; // in the order of preference
};

// Guesses an account's incoming server from its e-mail address alone:
// pop.<domain> then mail.<domain>, each first on 995 (TLS) then on 110 with
// STLS (greeting, CAPA, STLS, then TLS). All candidates are tried at once on
// the event loop; the first in that order that answers like a POP3 server is
// the result, reported as soon as every candidate before it has failed.
// Nothing is sent but CAPA, STLS and QUIT: no user name, no password.
// Exactly one finished() per start(), also after cancel().
class AccountDetector : public QObject
{
    Q_OBJECT
public:
    static constexpr int kDefaultTimeoutMs =
        10000; // per candidate, for connect, TLS and each reply

    explicit AccountDetector(QObject *parent = nullptr);
    ~AccountDetector() override;

    // For tests and unusual networks: the ports tried (standard 995 and 110),
    // host names answered from this map instead of DNS (the certificate is
    // still checked against the name), extra CAs to verify against.
    void setPorts(quint16 tlsPort, quint16 stlsPort);
    void setHostAddresses(const QHash<QString, QHostAddress> &addresses);
    void setCaCertificates(const QList<QSslCertificate> &certificates);
    void setTimeout(int milliseconds);

    // The domain part of the address, or empty when it has none.
    static QString domainOf(const QString &email);
    // What would be tried for this address, in order of preference.
    QList<DetectionAttempt> candidates(const QString &email) const;

    bool start(const QString &email); // false (and no signal) when the address has no domain
    void cancel();
    bool isRunning() const { return !m_probes.empty(); }

Q_SIGNALS:
    void finished(const Client::DetectionResult &result);

private:
    class Probe;
    void probeEnded(Probe *probe);
    void finish(DetectionResult result);

    quint16 m_tlsPort = 995;
    quint16 m_stlsPort = 110;
    int m_timeoutMs = kDefaultTimeoutMs;
    QHash<QString, QHostAddress> m_addresses;
    QList<QSslCertificate> m_caCertificates;
    QList<Probe *> m_probes; // children, in the order of preference
};

} // namespace Client

Q_DECLARE_METATYPE(Client::DetectionResult)
