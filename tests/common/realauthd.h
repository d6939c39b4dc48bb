// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A real tidings-authd for a test: one user, a self-signed certificate for
// localhost / 127.0.0.1 made by Debian's openssl, plain and TLS ports picked
// by the kernel. Header-only: each test target defines TIDINGS_AUTHD.

#include <QProcess>
#include <QRegularExpression>
#include <QString>
#include <QTemporaryDir>

namespace TestSupport {

class RealAuthd
{
public:
    ~RealAuthd()
    {
        m_server.terminate();
        m_server.waitForFinished(10000);
    }

    // Empty when ready, else what went wrong (for QVERIFY2).
    QString start(const QString &user, const QString &password)
    {
        if (!m_dir.isValid())
            return QStringLiteral("no temporary directory");
        const QString data = m_dir.filePath(QStringLiteral("data"));
        QProcess add;
        add.start(QStringLiteral(TIDINGS_AUTHD), {QStringLiteral("user"), QStringLiteral("add"),
                                                  user, QStringLiteral("--data"), data});
        add.write(password.toUtf8() + "\n");
        add.closeWriteChannel();
        if (!add.waitForFinished(30000) || add.exitCode() != 0)
            return QStringLiteral("user add failed: ") +
                   QString::fromLocal8Bit(add.readAllStandardError());
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"),
                      {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                       QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                       QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"),
                       QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                       QStringLiteral("/CN=localhost"), QStringLiteral("-addext"),
                       QStringLiteral("subjectAltName=DNS:localhost,IP:127.0.0.1"),
                       QStringLiteral("-keyout"), m_dir.filePath(QStringLiteral("key.pem")),
                       QStringLiteral("-out"), certificatePath()});
        if (!openssl.waitForFinished(30000) || openssl.exitCode() != 0)
            return QStringLiteral("openssl failed: ") +
                   QString::fromLocal8Bit(openssl.readAllStandardError());
        m_server.start(QStringLiteral(TIDINGS_AUTHD),
                       {QStringLiteral("serve"), QStringLiteral("--data"), data,
                        QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                        QStringLiteral("--tls-listen"), QStringLiteral("127.0.0.1:0"),
                        QStringLiteral("--tls-cert"), certificatePath(),
                        QStringLiteral("--tls-key"), m_dir.filePath(QStringLiteral("key.pem"))});
        if (!m_server.waitForStarted())
            return QStringLiteral("tidings-authd did not start");
        QByteArray out;
        while (!out.contains("with TLS on") && m_server.waitForReadyRead(10000))
            out += m_server.readAllStandardOutput();
        const QString text = QString::fromLatin1(out);
        m_port = quint16(QRegularExpression(QStringLiteral("listening on 127.0.0.1:(\\d+)"))
                             .match(text)
                             .captured(1)
                             .toUInt());
        m_tlsPort = quint16(QRegularExpression(QStringLiteral("with TLS on 127.0.0.1:(\\d+)"))
                                .match(text)
                                .captured(1)
                                .toUInt());
        return m_port && m_tlsPort ? QString() : QStringLiteral("no ports in: ") + text;
    }

    quint16 port() const { return m_port; }
    quint16 tlsPort() const { return m_tlsPort; }
    QString certificatePath() const { return m_dir.filePath(QStringLiteral("cert.pem")); }

private:
    QTemporaryDir m_dir;
    QProcess m_server;
    quint16 m_port = 0;
    quint16 m_tlsPort = 0;
};

} // namespace TestSupport
