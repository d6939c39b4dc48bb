// SPDX-License-Identifier: GPL-3.0-or-later
// Client::SyncController against the real Dovecot: one ending per run with a
// typed outcome, progress (messages and bytes) on the caller's thread, cancel
// that leaves the store consistent, and certificate questions the caller answers.
#include "client/protocollogfeed.h"
#include "client/settingsstore.h"
#include "client/synccontroller.h"
#include "store/messagestore.h"

#include "core/types/mailboxkey.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace Qt::StringLiterals;
using Client::SyncController;
using Client::SyncErrorKind;

namespace {
constexpr int kWaitMs = 60000;
const QString kUser = u"controller"_s;
const QString kPassword = u"contr0ller pässword"_s;
constexpr int kBulkMessages = 300;
constexpr int kBulkLines = 3000; // about 200 KB per message: a sync long enough to cancel in
} // namespace

class TestSyncController : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QFile state(QStringLiteral(MAILSTACK_STATE));
        QVERIFY(state.open(QIODevice::ReadOnly));
        QFile env(QString::fromUtf8(state.readAll().trimmed()) + u"/stack.env"_s);
        QVERIFY(env.open(QIODevice::ReadOnly));
        for (const QByteArray &line : env.readAll().split('\n')) {
            const qsizetype eq = line.indexOf('=');
            if (eq > 0)
                m_env.insert(QString::fromUtf8(line.left(eq)), QString::fromUtf8(line.mid(eq + 1)));
        }
        QVERIFY(m_profile.isValid());
        // A mailbox of its own: the other mail stack tests empty and refill "tester" as they go.
        const QString stack = m_env.value(u"MAILSTACK_DIR"_s);
        QCOMPARE(run(QStringLiteral(TIDINGS_SOURCE_DIR "/scripts/mailstack"),
                     {u"adduser"_s, stack, kUser, kPassword}),
                 0);
        QCOMPARE(run(u"/usr/bin/python3"_s,
                     {QStringLiteral(TIDINGS_SOURCE_DIR "/scripts/seed-demo-mail"), stack, kUser,
                      kPassword}),
                 0);
        qRegisterMetaType<Client::SyncOutcome>();
        qRegisterMetaType<Client::CertificateQuestion>();
    }

    void syncEndsOnceWithProgressOnThisThread()
    {
        Client::SettingsStore settings(profile(u"a"_s));
        SyncController controller(settings);
        QSignalSpy finished(&controller, &SyncController::finished);
        QList<Client::SyncProgress> progress;
        int headers = -1;
        connect(&controller, &SyncController::progress, this, [&](const Client::SyncProgress &p) {
            QCOMPARE(QThread::currentThread(), thread());
            progress << p;
        });
        connect(&controller, &SyncController::headersStored, this, [&](int count) {
            QCOMPARE(QThread::currentThread(), thread());
            QVERIFY(progress.size() <= 1); // headers first: the list fills before any body
            headers = count;
        });
        QTemporaryDir store;
        controller.start(request(true, store.path()));
        QCOMPARE(controller.state(), SyncController::State::Running);
        QVERIFY(finished.wait(kWaitMs));
        const auto outcome = finished.first().first().value<Client::SyncOutcome>();
        QVERIFY2(outcome.ok(), qPrintable(outcome.error.detail));
        QVERIFY(outcome.onServer > 0);
        QCOMPARE(headers, outcome.onServer);
        QCOMPARE(outcome.downloaded, outcome.onServer);
        // One report when the plan is known, then one per body; bytes from LIST reach their total.
        QCOMPARE(progress.size(), outcome.onServer + 1);
        QCOMPARE(progress.first().messagesDone, 0);
        QVERIFY(progress.first().bytesTotal > 0);
        QCOMPARE(progress.last().messagesDone, outcome.onServer);
        QCOMPARE(progress.last().messagesTotal, outcome.onServer);
        QCOMPARE(progress.last().bytesDone, progress.first().bytesTotal);
        QCOMPARE(controller.state(), SyncController::State::Idle);
        QTest::qWait(100);
        QCOMPARE(finished.count(), 1);
    }

    void protocolLogIsPerAccountIdAndLive()
    {
        Client::SettingsStore settings(profile(u"log"_s));
        SyncController controller(settings);
        QTemporaryDir store;
        Client::SyncRequest r = request(true, store.path());
        r.account.id = u"account-7"_s;
        Client::ProtocolLogFeed feed(store.path(), r.account.id);
        feed.follow(&controller);
        QStringList live;
        connect(&feed, &Client::ProtocolLogFeed::lineAdded, this,
                [&](const QString &line) { live << line; });
        QSignalSpy finished(&controller, &SyncController::finished);
        controller.start(r);
        QVERIFY(finished.wait(kWaitMs));
        QVERIFY(!live.filter(u"C: UIDL"_s).isEmpty());
        QVERIFY(!live.filter(u"C: RETR 1"_s).isEmpty());
        // Live lines look like the recorded ones: "2025-01-01T10:00:00.000Z C: UIDL".
        QVERIFY2(
            QDateTime::fromString(live.first().section(u' ', 0, 0), Qt::ISODateWithMs).isValid(),
            qPrintable(live.first()));
        const QString recorded = feed.history();
        QVERIFY(recorded.contains(u"C: UIDL"_s));
        QVERIFY(!recorded.contains(r.password));
        const QStringList logs = QDir(store.path() + u"/logs"_s).entryList(QDir::Files);
        QCOMPARE(logs.size(), 1);
        QCOMPARE(Client::ProtocolLogFeed::path(store.path(), u"account-7"_s),
                 store.path() + u"/logs/"_s + logs.first());
        // Another account's feed hears nothing of this one.
        Client::ProtocolLogFeed other(store.path(), u"account-8"_s);
        other.follow(&controller);
        QSignalSpy otherLines(&other, &Client::ProtocolLogFeed::lineAdded);
        controller.start(r);
        QVERIFY(finished.wait(kWaitMs));
        QCOMPARE(otherLines.count(), 0);
        QVERIFY(other.history().isEmpty());
    }

    void wrongPasswordEndsWithAuthenticationAndTheServersWords()
    {
        Client::SettingsStore settings(profile(u"w"_s));
        SyncController controller(settings);
        QSignalSpy finished(&controller, &SyncController::finished);
        QTemporaryDir store;
        Client::SyncRequest r = request(true, store.path());
        r.password = u"not the password"_s;
        controller.start(r);
        QVERIFY(finished.wait(kWaitMs));
        const auto outcome = finished.first().first().value<Client::SyncOutcome>();
        QCOMPARE(outcome.error.kind, SyncErrorKind::Authentication);
        QCOMPARE(outcome.error.serverText,
                 u"[AUTH] Authentication failed."_s); // Dovecot's own words
    }

    void unreadableCaFileIsACertificateError()
    {
        Client::SettingsStore settings(profile(u"ca"_s));
        SyncController controller(settings);
        QSignalSpy finished(&controller, &SyncController::finished);
        QSignalSpy question(&controller, &SyncController::certificateQuestion);
        QTemporaryDir store;
        Client::SyncRequest r = request(true, store.path());
        r.account.caFile = store.filePath(u"no-such-ca.pem"_s);
        controller.start(r);
        QCOMPARE(finished.count(), 0); // never from inside start()
        QVERIFY(finished.wait(kWaitMs));
        const auto outcome = finished.first().first().value<Client::SyncOutcome>();
        QCOMPARE(outcome.error.kind, SyncErrorKind::Certificate);
        QVERIFY(outcome.error.detail.contains(r.account.caFile));
        QCOMPARE(question.count(), 0);
    }

    void certificateQuestionAnsweredTrueContinuesAndThePinPersists()
    {
        Client::SettingsStore settings(profile(u"b"_s));
        SyncController controller(settings);
        QSignalSpy question(&controller, &SyncController::certificateQuestion);
        QSignalSpy finished(&controller, &SyncController::finished);
        QTemporaryDir store;
        // No CA given: the stack's certificate is unknown.
        const Client::SyncRequest r = request(false, store.path());
        controller.start(r);
        QVERIFY(question.wait(kWaitMs));
        QCOMPARE(controller.state(), SyncController::State::AwaitingAnswer);
        QTest::qWait(100);
        QCOMPARE(finished.count(), 0); // a question is not an ending
        const auto q = question.first().first().value<Client::CertificateQuestion>();
        QCOMPARE(q.certificate, stackCertificate());
        QCOMPARE(q.host, r.account.host);
        QCOMPARE(q.port, r.account.port);
        QVERIFY(q.pinnedSha256.isEmpty());
        QVERIFY(!q.problems.isEmpty());
        controller.answerCertificate(true);
        QVERIFY(finished.wait(kWaitMs));
        const auto outcome = finished.first().first().value<Client::SyncOutcome>();
        QVERIFY2(outcome.ok(), qPrintable(outcome.error.detail));
        QVERIFY(outcome.downloaded > 0);
        QCOMPARE(question.count(), 1);
        // Persisted: a new controller on the same profile accepts it without asking.
        Client::SettingsStore reread(profile(u"b"_s));
        SyncController again(reread);
        QSignalSpy done(&again, &SyncController::finished);
        QSignalSpy asked(&again, &SyncController::certificateQuestion);
        again.start(r);
        QVERIFY(done.wait(kWaitMs));
        QVERIFY(done.first().first().value<Client::SyncOutcome>().ok());
        QCOMPARE(asked.count(), 0);
    }

    void certificateQuestionAnsweredFalseEndsWithCertificate()
    {
        Client::SettingsStore settings(profile(u"f"_s));
        SyncController controller(settings);
        QSignalSpy question(&controller, &SyncController::certificateQuestion);
        QSignalSpy finished(&controller, &SyncController::finished);
        QTemporaryDir store;
        controller.start(request(false, store.path()));
        QVERIFY(question.wait(kWaitMs));
        controller.answerCertificate(false);
        QCOMPARE(finished.count(), 1);
        QCOMPARE(finished.first().first().value<Client::SyncOutcome>().error.kind,
                 SyncErrorKind::Certificate);
        QCOMPARE(controller.state(), SyncController::State::Idle);
        const Client::SyncRequest r = request(false, store.path());
        QVERIFY(settings.pinnedCertificate(u"pop3"_s, r.account.host, r.account.port).isEmpty());
        QVERIFY(QDir(store.path() + u"/Maildir/new"_s).entryList(QDir::Files).isEmpty());
    }

    void trustHoldsForItsHostAndPortAndAChangeIsAskedAgain()
    {
        // The stack's certificate trusted for the POP3S port: the same certificate on the
        // STLS port of the same host is still asked about (a pin is per host and port).
        Client::SettingsStore settings(profile(u"p"_s));
        SyncController controller(settings);
        QSignalSpy question(&controller, &SyncController::certificateQuestion);
        QSignalSpy finished(&controller, &SyncController::finished);
        QTemporaryDir store;
        const QSslCertificate stack = stackCertificate();
        const Client::SyncRequest tls = request(false, store.path());
        settings.pinCertificate(u"pop3"_s, tls.account.host, tls.account.port,
                                stack.digest(QCryptographicHash::Sha256));
        controller.start(tls);
        QVERIFY(finished.wait(kWaitMs));
        QVERIFY(finished.first().first().value<Client::SyncOutcome>().ok());
        Client::SyncRequest stls = request(false, store.path());
        stls.account.port = quint16(m_env.value(u"POP3_PORT"_s).toUInt());
        stls.account.security = Types::MailSecurity::StartTls;
        controller.start(stls);
        QVERIFY(question.wait(kWaitMs));
        QCOMPARE(question.first().first().value<Client::CertificateQuestion>().certificate, stack);
        controller.cancel(); // a question cancelled ends the sync
        QCOMPARE(finished.count(), 2);
        QCOMPARE(finished.last().first().value<Client::SyncOutcome>().error.kind,
                 SyncErrorKind::Cancelled);
        // A pinned host presenting another certificate is asked again, even one the system
        // accepts (the CA is given), and the question names the old pin.
        const QByteArray old =
            QCryptographicHash::hash("last year's certificate", QCryptographicHash::Sha256);
        settings.pinCertificate(u"pop3"_s, tls.account.host, tls.account.port, old);
        question.clear();
        controller.start(request(true, store.path()));
        QVERIFY(question.wait(kWaitMs));
        const auto q = question.first().first().value<Client::CertificateQuestion>();
        QCOMPARE(q.certificate, stack);
        QCOMPARE(q.pinnedSha256, old);
        QVERIFY(!q.problems.isEmpty());
        controller.answerCertificate(true); // the new one replaces the old pin
        QVERIFY(finished.wait(kWaitMs));
        QVERIFY(finished.last().first().value<Client::SyncOutcome>().ok());
        QCOMPARE(settings.pinnedCertificate(u"pop3"_s, tls.account.host, tls.account.port),
                 stack.digest(QCryptographicHash::Sha256));
    }

    void cancelInTheMiddleEndsCancelledAndLeavesTheStoreConsistent()
    {
        const QString user = u"controller-bulk"_s;
        const QString password = u"bulk-pw"_s;
        fillBulkMailbox(user, password);
        Client::SettingsStore settings(profile(u"c"_s));
        SyncController controller(settings);
        QSignalSpy finished(&controller, &SyncController::finished);
        QSignalSpy states(&controller, &SyncController::stateChanged);
        QTemporaryDir store;
        Client::SyncRequest r = request(true, store.path());
        r.account.user = user;
        r.password = password;
        const QMetaObject::Connection canceller = connect(
            &controller, &SyncController::progress, this, [&](const Client::SyncProgress &p) {
                if (p.messagesDone >= 3 && controller.state() == SyncController::State::Running)
                    controller.cancel();
            });
        controller.start(r);
        QVERIFY(finished.wait(kWaitMs));
        QTest::qWait(200);
        QCOMPARE(finished.count(), 1);
        const auto outcome = finished.first().first().value<Client::SyncOutcome>();
        QCOMPARE(outcome.error.kind, SyncErrorKind::Cancelled);
        QVERIFY(
            states.contains(QVariantList{QVariant::fromValue(SyncController::State::Cancelling)}));
        QCOMPARE(controller.state(), SyncController::State::Idle);
        // Every file in the Maildir has its row and every row its file; nothing half written.
        const QString account = Types::mailboxKey(user, r.account.host);
        int stored = 0;
        {
            Store::MessageStore messages(store.path());
            QString error;
            QVERIFY2(messages.open(&error), qPrintable(error));
            const QStringList paths = messages.paths(account);
            const QStringList files = QDir(store.path() + u"/Maildir/new"_s).entryList(QDir::Files);
            QCOMPARE(paths.size(), files.size());
            for (const QString &path : paths)
                QVERIFY2(QFileInfo::exists(path), qPrintable(path));
            stored = int(paths.size());
            QVERIFY2(stored < kBulkMessages, "the sync finished before the cancel");
        }
        // The next sync brings the rest, once.
        disconnect(canceller);
        controller.start(r);
        QVERIFY(finished.wait(kWaitMs * 2));
        const auto again = finished.last().first().value<Client::SyncOutcome>();
        QVERIFY2(again.ok(), qPrintable(again.error.detail));
        QCOMPARE(again.alreadyStored, stored);
        QCOMPARE(again.downloaded, kBulkMessages - stored);
        QCOMPARE(QDir(store.path() + u"/Maildir/new"_s).entryList(QDir::Files).size(),
                 kBulkMessages);
        // What the cancelled group had written (never counted) was written again under the same
        // name.
        QVERIFY(QDir(store.path() + u"/Maildir/tmp"_s).entryList(QDir::Files).isEmpty());
    }

    // Issue 10 item 14: the port and security of a configured account changed
    // (Preferences) is the same mailbox; nothing is downloaded again.
    void otherPortAndSecurityIsTheSameMailbox()
    {
        const QString user = u"controller-switch"_s;
        const QString password = u"switch-pw"_s;
        const QString stack = m_env.value(u"MAILSTACK_DIR"_s);
        QCOMPARE(run(QStringLiteral(TIDINGS_SOURCE_DIR "/scripts/mailstack"),
                     {u"adduser"_s, stack, user, password}),
                 0);
        QCOMPARE(run(u"/usr/bin/python3"_s,
                     {QStringLiteral(TIDINGS_SOURCE_DIR "/scripts/seed-demo-mail"), stack, user,
                      password}),
                 0);
        Client::SettingsStore settings(profile(u"d"_s));
        QTemporaryDir store;
        Client::SyncRequest r = request(true, store.path());
        r.account.user = user;
        r.password = password;
        const Client::SyncOutcome first = syncOnce(settings, r);
        QVERIFY(first.downloaded > 0);
        r.account.port = quint16(m_env.value(u"POP3_PORT"_s).toUInt());
        r.account.security = Types::MailSecurity::StartTls;
        const Client::SyncOutcome second = syncOnce(settings, r);
        QVERIFY(second.ok());
        QCOMPARE(second.downloaded, 0);
        QCOMPARE(second.alreadyStored, first.downloaded);
        QCOMPARE(QDir(store.path() + u"/Maildir/new"_s).entryList(QDir::Files).size(),
                 first.downloaded);
    }

private:
    static int run(const QString &program, const QStringList &arguments)
    {
        QProcess p;
        p.start(program, arguments);
        return p.waitForFinished(120000) && p.exitStatus() == QProcess::NormalExit ? p.exitCode()
                                                                                   : -1;
    }

    // A user of its own whose messages are dropped straight into its Maildir (as test_pop3_sync's
    // bulk user).
    void fillBulkMailbox(const QString &user, const QString &password)
    {
        const QString stack = m_env.value(u"MAILSTACK_DIR"_s);
        QCOMPARE(run(QStringLiteral(TIDINGS_SOURCE_DIR "/scripts/mailstack"),
                     {u"adduser"_s, stack, user, password}),
                 0);
        const QString script = uR"(
import os, pathlib, sys
new = pathlib.Path(sys.argv[1]) / "mail" / sys.argv[2] / "Maildir" / "new"
for i in range(int(sys.argv[3])):
    body = f"From: load@localhost\nSubject: bulk {i}\nMessage-ID: <cbulk-{i}@localhost>\n\n".encode()
    body += b"".join(b"line %06d of message %03d, padding padding padding padding\n" % (n, i) for n in range(int(sys.argv[4])))
    path = new / f"{1700000000 + i}.cbulk{i}.localhost"
    path.write_bytes(body)
    os.chown(path, 8, 8)
)"_s;
        QCOMPARE(run(u"/usr/bin/python3"_s,
                     {u"-c"_s, script, stack, user, QString::number(kBulkMessages),
                      QString::number(kBulkLines)}),
                 0);
    }

    Client::SyncOutcome syncOnce(Client::SettingsStore &settings, const Client::SyncRequest &r)
    {
        SyncController controller(settings);
        QSignalSpy finished(&controller, &SyncController::finished);
        controller.start(r);
        if (!finished.wait(kWaitMs))
            return {};
        return finished.first().first().value<Client::SyncOutcome>();
    }

    Common::Profile profile(const QString &name) const
    {
        return Common::Profile::at(m_profile.filePath(name));
    }

    QSslCertificate stackCertificate() const
    {
        return QSslCertificate::fromPath(m_env.value(u"CA_CERT"_s)).value(0);
    }

    Client::SyncRequest request(bool withCa, const QString &store) const
    {
        Client::SyncRequest r;
        r.account.host = m_env.value(u"MAIL_HOST"_s);
        r.account.port = quint16(m_env.value(u"POP3S_PORT"_s).toUInt());
        r.account.security = Types::MailSecurity::Tls;
        r.account.user = kUser;
        r.account.id = u"controller-account"_s;
        r.password = kPassword;
        if (withCa)
            r.account.caFile = m_env.value(u"CA_CERT"_s);
        r.storeDirectory = store;
        return r;
    }

    QHash<QString, QString> m_env;
    QTemporaryDir m_profile;
};

QTEST_GUILESS_MAIN(TestSyncController)
#include "tst_synccontroller.moc"
