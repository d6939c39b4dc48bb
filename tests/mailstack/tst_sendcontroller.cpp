// SPDX-License-Identifier: GPL-3.0-or-later
// Client::Composer and SendController against the real Postfix (submission: STARTTLS + AUTH):
// a message sent is accepted, moves to Sent and is delivered; a wrong password, a refused
// recipient, a connection dropped in the middle of the data and a server that stalls after it
// leave the message in the Outbox with the right error (the server's own words); Undo within
// the hold makes no connection at all; two queued messages go over one connection.
#include "client/composer.h"
#include "client/settingsstore.h"
#include "core/common/profile.h"
#include "store/messagestore.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;
using Client::Composer;
using Client::SendErrorKind;

namespace {
constexpr int kWaitMs = 60000;
const QString kSender = u"composer-sender"_s;
const QString kPassword = u"c0mposer pässword"_s;
const QString kRecipient = u"composer-rcpt"_s;
const QString kHidden = u"composer-bcc"_s;
const QString kBatch = u"composer-batch"_s; // its own login: its connections are found by it
const QString kUndo = u"composer-undo"_s;

// tests/tools/faultproxy.py in front of the submission port.
class FaultProxy
{
public:
    FaultProxy(const QString &targetPort, const QStringList &options)
    {
        const QString portFile = m_dir.filePath(u"port"_s);
        m_log = m_dir.filePath(u"proxy.log"_s);
        m_process.start(u"/usr/bin/python3"_s,
                        QStringList{QStringLiteral(TIDINGS_SOURCE_DIR "/tests/tools/faultproxy.py"),
                                    u"--listen-port-file"_s, portFile, u"--target"_s,
                                    u"127.0.0.1:"_s + targetPort, u"--log"_s, m_log} +
                            options);
        QElapsedTimer t;
        t.start();
        while (!QFile::exists(portFile) && t.elapsed() < 10000 &&
               m_process.state() != QProcess::NotRunning)
            QTest::qWait(20);
        QFile f(portFile);
        if (f.open(QIODevice::ReadOnly))
            m_port = quint16(f.readAll().trimmed().toUInt());
    }
    ~FaultProxy()
    {
        m_process.kill();
        m_process.waitForFinished();
    }
    quint16 port() const { return m_port; }
    QString log() const
    {
        QFile f(m_log);
        return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
    }

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    QString m_log;
    quint16 m_port = 0;
};
} // namespace

class TestSendController : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        // A stack of one's own may be named (other test runs stop the fixture's when they end).
        QFile state(
            qEnvironmentVariable("TIDINGS_MAILSTACK_STATE", QStringLiteral(MAILSTACK_STATE)));
        QVERIFY(state.open(QIODevice::ReadOnly));
        QFile env(QString::fromUtf8(state.readAll().trimmed()) + u"/stack.env"_s);
        QVERIFY(env.open(QIODevice::ReadOnly));
        for (const QByteArray &line : env.readAll().split('\n')) {
            const qsizetype eq = line.indexOf('=');
            if (eq > 0)
                m_env.insert(QString::fromUtf8(line.left(eq)), QString::fromUtf8(line.mid(eq + 1)));
        }
        for (const QString &user : {kSender, kRecipient, kHidden, kBatch, kUndo})
            QCOMPARE(run(QStringLiteral(TIDINGS_SOURCE_DIR "/scripts/mailstack"),
                         {u"adduser"_s, m_env.value(u"MAILSTACK_DIR"_s), user, kPassword}),
                     0);
        qRegisterMetaType<Client::SendError>();
    }

    void init()
    {
        QVERIFY(m_dir.emplace().isValid());
        m_settings.emplace(Common::Profile::at(m_dir->path() + u"/profile"_s));
        m_settings->setAccounts({account(kSender, m_env.value(u"SUBMISSION_PORT"_s).toUShort())});
        m_settings->setUndoSendSeconds(0);
        m_token = QUuid::createUuid().toString(QUuid::Id128).left(12);
    }

    void cleanup()
    {
        m_settings.reset();
        m_dir.reset();
    }

    void aMessageSentIsAcceptedMovesToSentAndIsDelivered()
    {
        Composer composer(*m_settings);
        answerPassword(composer, kPassword);
        QSignalSpy sent(&composer, &Composer::sent);
        QSignalSpy failed(&composer, &Composer::sendFailed);
        QStringList trace;
        connect(&composer, &Composer::protocolLine, this,
                [&](const QString &, const QString &line) { trace << line; });
        const qint64 id = send(composer, draft({kRecipient + u"@localhost"_s}));
        QVERIFY(id > 0);
        QVERIFY2(sent.wait(kWaitMs), qPrintable(failureText(failed)));
        QCOMPARE(sent.first().first().toLongLong(), id);
        QVERIFY(!composer.outboxEntry(id));
        QCOMPARE(composer.pendingCount(), 0);
        {
            Store::MessageStore store(m_settings->mailDirectory());
            QString error;
            QVERIFY(store.open(&error));
            QCOMPARE(store.folderKindOf(id), Types::FolderKind::Sent);
            QVERIFY(store.outgoing().isEmpty());
        }
        const QByteArray delivered = waitForDelivery(kRecipient);
        QVERIFY2(!delivered.isEmpty(), "not delivered");
        QVERIFY(!delivered.contains("Bcc:"));         // removed from what is sent
        QVERIFY(!waitForDelivery(kHidden).isEmpty()); // but the Bcc recipient got it
        // The conversation is in the protocol log, without the password.
        QVERIFY(!trace.filter(u"STARTTLS"_s).isEmpty());
        QVERIFY(!trace.filter(u"MAIL FROM"_s).isEmpty());
        QVERIFY(!trace.join(u'\n').contains(kPassword));
    }

    void aWrongPasswordStaysInTheOutboxWithTheServersWords()
    {
        Composer composer(*m_settings);
        QSignalSpy asked(&composer, &Composer::passwordNeeded);
        QSignalSpy failed(&composer, &Composer::sendFailed);
        const qint64 id = send(composer, draft({kRecipient + u"@localhost"_s}));
        QVERIFY(asked.wait(kWaitMs));
        QVERIFY(asked.first().at(1).toString().isEmpty()); // no keyring entry: asked plainly
        composer.providePassword(u"send-1"_s, u"not the password"_s, false);
        QVERIFY(failed.wait(kWaitMs));
        const auto error = failed.first().at(1).value<Client::SendError>();
        QCOMPARE(error.kind, SendErrorKind::Authentication);
        QCOMPARE(error.code, 535);
        QVERIFY2(
            error.serverText.contains(u"authentication failed"_s, Qt::CaseInsensitive),
            qPrintable(error.serverText)); // Postfix: "5.7.8 Error: authentication failed: ..."
        // Asked again, in the server's words; declined, it stays.
        QTRY_COMPARE_WITH_TIMEOUT(asked.size(), 2, kWaitMs);
        QCOMPARE(asked.last().at(1).toString(), error.serverText);
        composer.declinePassword(u"send-1"_s);
        const auto entry = composer.outboxEntry(id);
        QVERIFY(entry);
        QCOMPARE(entry->state, Client::OutboxEntry::State::Failed);
        QCOMPARE(entry->error.kind, SendErrorKind::Authentication);
        QCOMPARE(entry->error.serverText, error.serverText);
        QCOMPARE(composer.pendingCount(), 1);
    }

    void aRefusedRecipientStaysWithTheAddressAndPostfixsWords()
    {
        Composer composer(*m_settings);
        answerPassword(composer, kPassword);
        QSignalSpy failed(&composer, &Composer::sendFailed);
        const QString nobody = u"nobody-"_s + m_token.toLower() + u"@localhost"_s;
        const qint64 id =
            send(composer, draft({kRecipient + u"@localhost"_s, u"无名 <"_s + nobody + u'>'}));
        QVERIFY(failed.wait(kWaitMs));
        const auto error = failed.first().at(1).value<Client::SendError>();
        QCOMPARE(error.kind, SendErrorKind::RecipientsRefused);
        QCOMPARE(error.refused.size(), 1);
        QCOMPARE(error.refused.first().address, nobody);
        QCOMPARE(error.refused.first().code, 550);
        QVERIFY2(error.refused.first().text.contains(u"User unknown in virtual mailbox table"_s),
                 qPrintable(error.refused.first().text));
        const auto entry = composer.outboxEntry(id);
        QVERIFY(entry);
        QCOMPARE(entry->state, Client::OutboxEntry::State::Failed);
        QCOMPARE(entry->error.refused.size(), 1);
        QCOMPARE(entry->error.refused.first().address, nobody);
        QCOMPARE(entry->error.refused.first().text, error.refused.first().text);
        QVERIFY(waitForDelivery(kRecipient, 3000).isEmpty()); // nothing to the accepted one
    }

    void undoWithinTheHoldMakesNoConnection()
    {
        FaultProxy proxy(m_env.value(u"SUBMISSION_PORT"_s), {});
        QVERIFY(proxy.port() != 0);
        m_settings->setAccounts({account(kUndo, proxy.port())});
        m_settings->setUndoSendSeconds(2);
        const qsizetype logBefore = postfixLog().size();
        Composer composer(*m_settings);
        answerPassword(composer, kPassword);
        QSignalSpy held(&composer, &Composer::sendHeld);
        QSignalSpy sending(&composer, &Composer::sending);
        QSignalSpy sent(&composer, &Composer::sent);
        const qint64 id = send(composer, draft({kRecipient + u"@localhost"_s}));
        QCOMPARE(held.size(), 1);
        QVERIFY(composer.undoSend(id));
        QTest::qWait(4000); // twice the hold
        QCOMPARE(sending.size(), 0);
        QVERIFY2(proxy.log().isEmpty(), qPrintable(proxy.log())); // not even a greeting
        QVERIFY(!postfixLog().mid(logBefore).contains(u"sasl_username="_s + kUndo));
        QVERIFY(waitForDelivery(kRecipient, 1000).isEmpty());
        // The control: without Undo the same message goes through the proxy after the hold.
        const qint64 again = send(composer, draft({kRecipient + u"@localhost"_s}));
        QVERIFY(again > 0);
        QVERIFY(sent.wait(kWaitMs));
        QVERIFY(proxy.log().contains(u"S: 220"_s));
        QVERIFY(postfixLog().mid(logBefore).contains(u"sasl_username="_s + kUndo));
    }

    void twoQueuedMessagesGoOverOneConnection()
    {
        m_settings->setAccounts({account(kBatch, m_env.value(u"SUBMISSION_PORT"_s).toUShort())});
        const qsizetype logBefore = postfixLog().size();
        Composer composer(*m_settings);
        QSignalSpy asked(&composer, &Composer::passwordNeeded);
        QSignalSpy queued(&composer, &Composer::queued);
        QSignalSpy sent(&composer, &Composer::sent);
        send(composer, draft({kRecipient + u"@localhost"_s}, u"first"_s));
        send(composer, draft({kRecipient + u"@localhost"_s}, u"second"_s));
        // Both wait in the Outbox while the password is asked for.
        QTRY_COMPARE_WITH_TIMEOUT(queued.size(), 2, kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(asked.size(), 1, kWaitMs);
        composer.providePassword(u"send-1"_s, kPassword, false);
        QTRY_COMPARE_WITH_TIMEOUT(sent.size(), 2, kWaitMs);
        QTest::qWait(500); // Postfix logs the disconnect after our QUIT
        // Postfix names a connection by its smtpd's pid from "connect from" to "disconnect from"
        // (an smtpd serves one connection after another under the same pid).
        struct Connection
        {
            int logins = 0;
            QString summary;
        };
        QList<Connection> connections;
        QHash<QString, qsizetype> open; // pid -> its current connection
        static const QRegularExpression line(
            u"postfix/(?:submission|smtps)/smtpd\\[(\\d+)\\]: (.*)"_s);
        for (const QString &l : postfixLog().mid(logBefore).split(u'\n')) {
            const QRegularExpressionMatch m = line.match(l);
            if (!m.hasMatch())
                continue;
            const QString pid = m.captured(1);
            const QString what = m.captured(2);
            if (what.startsWith(u"connect from"_s)) {
                open.insert(pid, connections.size());
                connections.append(Connection{});
            } else if (open.contains(pid) && what.contains(u"sasl_username="_s + kBatch)) {
                ++connections[open.value(pid)].logins;
            } else if (open.contains(pid) && what.startsWith(u"disconnect from"_s)) {
                connections[open.take(pid)].summary = what;
            }
        }
        connections.removeIf([](const Connection &c) { return c.logins == 0; });
        QCOMPARE(connections.size(), 1); // one connection carried both
        QCOMPARE(connections.first().logins, 2);
        QVERIFY2(connections.first().summary.contains(u"data=2"_s) ||
                     connections.first().summary.contains(u"bdat="_s),
                 qPrintable(connections.first().summary));
        QVERIFY(waitForDelivery(kRecipient, kWaitMs, 2).size() > 0);
    }

    void aConnectionDroppedInTheDataStaysInTheOutbox()
    {
        FaultProxy proxy(m_env.value(u"SUBMISSION_PORT"_s), {u"--drop-mid-data"_s, u"100000"_s});
        QVERIFY(proxy.port() != 0);
        m_settings->setAccounts({account(kSender, proxy.port())});
        Composer composer(*m_settings);
        answerPassword(composer, kPassword);
        QSignalSpy failed(&composer, &Composer::sendFailed);
        QSignalSpy sent(&composer, &Composer::sent);
        const qint64 id =
            send(composer, draft({kRecipient + u"@localhost"_s}, {}, randomFile(400000)));
        QVERIFY(failed.wait(kWaitMs));
        QCOMPARE(sent.size(), 0);
        const auto error = failed.first().at(1).value<Client::SendError>();
        QVERIFY2(error.kind == SendErrorKind::Connection, qPrintable(error.detail));
        QVERIFY(proxy.log().contains(u"dropping the connection"_s));
        const auto entry = composer.outboxEntry(id);
        QVERIFY(entry);
        QCOMPARE(entry->state, Client::OutboxEntry::State::Failed);
        QCOMPARE(entry->error.kind, SendErrorKind::Connection);
        QVERIFY(waitForDelivery(kRecipient, 3000).isEmpty());
    }

    void aServerStallingAfterTheDataTimesOutAndStays()
    {
        FaultProxy proxy(m_env.value(u"SUBMISSION_PORT"_s), {u"--stall-after-data"_s});
        QVERIFY(proxy.port() != 0);
        m_settings->setAccounts({account(kSender, proxy.port())});
        Composer composer(*m_settings);
        composer.setSendTimeouts(10000, 3000);
        answerPassword(composer, kPassword);
        QSignalSpy failed(&composer, &Composer::sendFailed);
        QElapsedTimer clock;
        clock.start();
        const qint64 id =
            send(composer, draft({kRecipient + u"@localhost"_s}, {}, randomFile(100000)));
        QVERIFY(failed.wait(kWaitMs));
        QVERIFY(clock.elapsed() > 2500); // it waited for the verdict
        const auto error = failed.first().at(1).value<Client::SendError>();
        QCOMPARE(error.kind, SendErrorKind::Timeout);
        QVERIFY(proxy.log().contains(u"stalled"_s));
        const auto entry = composer.outboxEntry(id);
        QVERIFY(entry);
        QCOMPARE(entry->error.kind, SendErrorKind::Timeout);
    }

    void anUntrustedCertificateIsAQuestionAndTrustIsPinnedForSmtp()
    {
        Types::AccountSettings a = account(kSender, m_env.value(u"SUBMISSION_PORT"_s).toUShort());
        a.caFile.clear(); // the stack's own CA is not the system's
        m_settings->setAccounts({a});
        Composer composer(*m_settings);
        answerPassword(composer, kPassword);
        QSignalSpy question(&composer, &Composer::certificateQuestion);
        QSignalSpy failed(&composer, &Composer::sendFailed);
        QSignalSpy sent(&composer, &Composer::sent);
        // Declined: the message stays, failed with Certificate.
        const qint64 first = send(composer, draft({kRecipient + u"@localhost"_s}, u"one"_s));
        QVERIFY(question.wait(kWaitMs));
        const auto q = question.first().first().value<Client::CertificateQuestion>();
        QCOMPARE(q.host, a.smtpHost);
        QCOMPARE(q.port, a.smtpPort);
        QVERIFY(!q.certificate.isNull());
        QCOMPARE(failed.size(), 0); // a question is not an ending
        composer.answerCertificate(false);
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, kWaitMs);
        QCOMPARE(failed.first().at(1).value<Client::SendError>().kind, SendErrorKind::Certificate);
        QCOMPARE(composer.outboxEntry(first)->error.kind, SendErrorKind::Certificate);
        QVERIFY(m_settings->pinnedCertificate(u"smtp"_s, a.smtpHost, a.smtpPort).isEmpty());
        // Trusted: pinned for SMTP on that host and port only, and sent.
        QVERIFY(composer.retry(first));
        QVERIFY(question.wait(kWaitMs));
        composer.answerCertificate(true);
        QVERIFY2(sent.wait(kWaitMs), qPrintable(failureText(failed)));
        QCOMPARE(sent.first().first().toLongLong(), first);
        QVERIFY(!m_settings->pinnedCertificate(u"smtp"_s, a.smtpHost, a.smtpPort).isEmpty());
        QVERIFY(m_settings->pinnedCertificate(u"pop3"_s, a.smtpHost, a.smtpPort).isEmpty());
        // Asked no more.
        send(composer, draft({kRecipient + u"@localhost"_s}, u"two"_s));
        QVERIFY(sent.wait(kWaitMs));
        QCOMPARE(question.size(), 2);
    }

private:
    static int run(const QString &program, const QStringList &arguments)
    {
        QProcess p;
        p.start(program, arguments);
        return p.waitForFinished(120000) && p.exitStatus() == QProcess::NormalExit ? p.exitCode()
                                                                                   : -1;
    }

    Types::AccountSettings account(const QString &user, quint16 port) const
    {
        Types::AccountSettings a;
        a.id = u"send-1"_s;
        a.host = m_env.value(u"MAIL_HOST"_s);
        a.user = user;
        a.email = user + u"@localhost"_s;
        a.displayName = u"Composer 发件人"_s;
        a.caFile = m_env.value(u"CA_CERT"_s);
        a.smtpHost = m_env.value(u"MAIL_HOST"_s);
        a.smtpPort = port;
        a.smtpSecurity = Types::MailSecurity::StartTls;
        return a;
    }

    Client::Draft draft(const QStringList &to, const QString &extra = {},
                        const QString &attachment = {}) const
    {
        Client::Draft d;
        d.accountId = u"send-1"_s;
        d.to = to;
        d.bcc = QStringList{kHidden + u"@localhost"_s};
        d.subject = u"Composer %1 %2 测试"_s.arg(m_token, extra);
        d.rich = true;
        d.html = u"<p>Hello <b>there</b> %1</p>"_s.arg(m_token);
        if (!attachment.isEmpty())
            d.attachments.append({attachment,
                                  u"data.bin"_s,
                                  u"application/octet-stream"_s,
                                  QFileInfo(attachment).size(),
                                  {}});
        return d;
    }

    QString randomFile(int size) const
    {
        const QString path = m_dir->filePath(u"random-%1.bin"_s.arg(size));
        QFile f(path);
        if (f.open(QIODevice::WriteOnly)) {
            QByteArray data(size, Qt::Uninitialized);
            for (int i = 0; i < size; ++i)
                data[i] = char(QRandomGenerator::global()->generate());
            f.write(data);
        }
        return path;
    }

    // Send as a compose window does; the id once it is in the Outbox.
    qint64 send(Composer &composer, const Client::Draft &d)
    {
        QSignalSpy queued(&composer, &Composer::queued);
        const QString key = composer.beginCompose();
        QString error;
        if (!composer.send(key, d, &error)) {
            qWarning() << error;
            return 0;
        }
        return queued.wait(kWaitMs) ? queued.first().at(1).toLongLong() : 0;
    }

    void answerPassword(Composer &composer, const QString &password)
    {
        connect(&composer, &Composer::passwordNeeded, &composer,
                [&composer, password](const QString &accountId, const QString &serverText) {
                    if (serverText.isEmpty())
                        composer.providePassword(accountId, password, false);
                    else
                        composer.declinePassword(accountId);
                });
    }

    static QString failureText(const QSignalSpy &failed)
    {
        if (failed.isEmpty())
            return u"no ending"_s;
        const auto e = failed.first().at(1).value<Client::SendError>();
        return Client::sendErrorKindName(e.kind) + u": "_s + e.serverText + u" / "_s + e.detail;
    }

    QString postfixLog() const
    {
        QFile f(m_env.value(u"MAILSTACK_DIR"_s) + u"/log/postfix.log"_s);
        return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
    }

    // The newest message of this test (its token) in user's Maildir; empty when none came.
    QByteArray waitForDelivery(const QString &user, int ms = kWaitMs, int count = 1) const
    {
        const QString dir =
            m_env.value(u"MAILSTACK_DIR"_s) + u"/mail/"_s + user + u"/Maildir/new"_s;
        QElapsedTimer t;
        t.start();
        do {
            QByteArray found;
            int n = 0;
            for (const QString &name : QDir(dir).entryList(QDir::Files)) {
                QFile f(dir + u'/' + name);
                if (!f.open(QIODevice::ReadOnly))
                    continue;
                const QByteArray content = f.readAll();
                if (content.contains(m_token.toLatin1())) {
                    ++n;
                    found = content;
                }
            }
            if (n >= count)
                return found;
            QTest::qWait(200);
        } while (t.elapsed() < ms);
        return {};
    }

    QHash<QString, QString> m_env;
    std::optional<QTemporaryDir> m_dir;
    std::optional<Client::SettingsStore> m_settings;
    QString m_token;
};

QTEST_GUILESS_MAIN(TestSendController)
#include "tst_sendcontroller.moc"
