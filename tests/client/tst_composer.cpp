// SPDX-License-Identifier: GPL-3.0-or-later
// Client::Composer without a mail server: drafts saved atomically and replaced, read back with
// their files, crash markers, Send into the Outbox first, Undo within the hold (a listening
// socket proves nothing connected), a failure that keeps the message in the Outbox with its
// error, and Client::AddressBook's ranking.
#include "client/addressbook.h"
#include "client/composer.h"
#include "client/settingsstore.h"
#include "core/common/profile.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>

#include <sys/stat.h>
#include <QTest>

using namespace Qt::StringLiterals;
using Client::Composer;
using Client::Draft;

namespace {
constexpr int kWaitMs = 20000;

QString messageFile(const QString &mailDir)
{
    const QStringList files = QDir(mailDir + u"/Maildir/new"_s).entryList(QDir::Files);
    return files.size() == 1 ? mailDir + u"/Maildir/new/"_s + files.first() : QString();
}

QByteArray contentOf(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
} // namespace

class TestComposer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.emplace().isValid());
        m_settings.emplace(Common::Profile::at(m_dir->path() + u"/profile"_s));
        // A server that accepts connections and says nothing: what connects is counted.
        m_server.emplace();
        QVERIFY(m_server->listen(QHostAddress::LocalHost));
        Types::AccountSettings a;
        a.id = u"acct-1"_s;
        a.host = u"pop.example.org"_s;
        a.email = u"ann@example.org"_s;
        a.displayName = u"Ann Example"_s;
        a.smtpHost = u"127.0.0.1"_s;
        a.smtpPort = m_server->serverPort();
        a.smtpSecurity = Types::MailSecurity::None; // no login: no keyring, no password
        Types::AccountSettings readOnly;
        readOnly.id = u"acct-2"_s;
        readOnly.host = u"pop.example.net"_s;
        readOnly.user = u"bob"_s;
        m_settings->setAccounts({a, readOnly});
        m_account = m_settings->accounts().first();
        m_settings->setUndoSendSeconds(2);
    }
    void cleanup()
    {
        m_server.reset();
        m_settings.reset();
        m_dir.reset();
    }

    void composeSettingsHaveTheirDefaults()
    {
        Client::SettingsStore fresh(Common::Profile::at(m_dir->path() + u"/fresh"_s));
        QCOMPARE(fresh.undoSendSeconds(), 5);
        QCOMPARE(fresh.attachmentWarningMb(), 25);
        QVERIFY(fresh.openDraftMarkers().isEmpty());
        fresh.setUndoSendSeconds(0); // off
        fresh.setAttachmentWarningMb(10);
        fresh.setOpenDraftMarkers({7, 9});
        fresh.sync();
        Client::SettingsStore reread(Common::Profile::at(m_dir->path() + u"/fresh"_s));
        QCOMPARE(reread.undoSendSeconds(), 0);
        QCOMPARE(reread.attachmentWarningMb(), 10);
        QCOMPARE(reread.openDraftMarkers(), (QList<qint64>{7, 9}));
        reread.setUndoSendSeconds(-3);
        QCOMPARE(reread.undoSendSeconds(), 0);
    }

    void identitiesAreTheAccountsThatCanSend()
    {
        Composer composer(*m_settings);
        const auto ids = composer.identities();
        QCOMPARE(ids.size(), 1);
        QCOMPARE(ids.first().id, u"acct-1"_s);
    }

    void filesOfOpenDraftsAreTheOwnersAlone()
    {
        ::umask(022); // what a desktop session usually has: new folders readable by everyone
        const QString root = QFileInfo(m_settings->mailDirectory()).absolutePath() + u"/compose"_s;
        QDir().mkpath(root); // an older version's, readable by everyone
        QFile::setPermissions(root, QFileDevice::Permissions(0x7755));
        Composer composer(*m_settings);
        QCOMPARE(QFileInfo(root).permissions() & 0x0077, QFileDevice::Permissions());
        QVERIFY(QFileInfo(root).permissions().testFlag(QFileDevice::WriteOwner));
    }

    void aDraftIsSavedReplacedAndReadBackWithItsFiles()
    {
        Composer composer(*m_settings);
        QSignalSpy saved(&composer, &Composer::draftSaved);
        const QString key = composer.beginCompose();
        Draft draft = sample();
        composer.saveDraft(key, draft);
        QVERIFY(saved.wait(kWaitMs));
        const qint64 first = saved.last().at(1).toLongLong();
        QVERIFY(first > 0);
        QCOMPARE(saved.last().at(0).toString(), key);
        QCOMPARE(composer.draftIdOf(key), first);
        const QString firstFile = messageFile(m_settings->mailDirectory());
        QVERIFY(!firstFile.isEmpty());
        const QByteArray stored = contentOf(firstFile);
        QVERIFY(stored.contains("Bcc:")); // a draft keeps Bcc
        QVERIFY(stored.contains("hidden@example.net"));
        // Nothing left behind in tmp/: written, fsync'ed, renamed.
        QVERIFY(
            QDir(m_settings->mailDirectory() + u"/Maildir/tmp"_s).entryList(QDir::Files).isEmpty());

        // Saved again with a change: a new copy, the old one gone.
        draft.subject = u"Second version 第二版"_s;
        composer.saveDraft(key, draft);
        QVERIFY(saved.wait(kWaitMs));
        const qint64 second = saved.last().at(1).toLongLong();
        QVERIFY(second != first);
        QVERIFY(!QFile::exists(firstFile));
        QVERIFY(!messageFile(m_settings->mailDirectory()).isEmpty()); // exactly one file

        // Unchanged: nothing written, the same id.
        const QString secondFile = messageFile(m_settings->mailDirectory());
        composer.saveDraft(key, draft);
        QVERIFY(saved.wait(kWaitMs));
        QCOMPARE(saved.last().at(1).toLongLong(), second);
        QCOMPARE(messageFile(m_settings->mailDirectory()), secondFile);

        QString error;
        const std::optional<Draft> back = composer.openDraft(second, &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(back->storeId, second);
        QCOMPARE(back->accountId, u"acct-1"_s);
        QCOMPARE(back->subject, draft.subject);
        QCOMPARE(back->to.size(), 2);
        QVERIFY(back->to.first().contains(u"bob@example.net"_s));
        QVERIFY(back->to.at(1).contains(u"张三"_s));
        QCOMPARE(back->bcc.size(), 1);
        QVERIFY(back->bcc.first().contains(u"hidden@example.net"_s));
        QVERIFY(!back->rich);
        QCOMPARE(back->text.trimmed(), draft.text.trimmed());
        QCOMPARE(back->attachments.size(), 1);
        const Client::DraftFile &file = back->attachments.first();
        QCOMPARE(file.name, u"报告.bin"_s);
        QVERIFY(file.path.startsWith(QFileInfo(m_settings->mailDirectory()).absolutePath() +
                                     u"/compose/%1/"_s.arg(second)));
        QCOMPARE(contentOf(file.path), m_attachment);
    }

    void savesOfOneWindowWaitForEachOtherAndTheNewestWins()
    {
        Composer composer(*m_settings);
        QSignalSpy saved(&composer, &Composer::draftSaved);
        const QString key = composer.beginCompose();
        Draft draft = sample();
        for (int i = 0; i < 5; ++i) {
            draft.subject = u"version %1"_s.arg(i);
            composer.saveDraft(key, draft);
        }
        QVERIFY(composer.isBusy(key));
        QTRY_VERIFY_WITH_TIMEOUT(!composer.isBusy(key), kWaitMs);
        QVERIFY(saved.size() <= 2); // the first, then only the newest
        QVERIFY(contentOf(messageFile(m_settings->mailDirectory())).contains("version 4"));
    }

    void anOpenWindowsDraftIsOfferedAfterACrashAndNotAfterAClose()
    {
        qint64 crashed = 0;
        {
            Composer composer(*m_settings);
            QSignalSpy saved(&composer, &Composer::draftSaved);
            const QString open = composer.beginCompose();
            composer.saveDraft(open, sample());
            QVERIFY(saved.wait(kWaitMs));
            crashed = saved.last().at(1).toLongLong();
            const QString closed = composer.beginCompose();
            Draft other = sample();
            other.subject = u"closed normally"_s;
            composer.saveDraft(closed, other);
            QVERIFY(saved.wait(kWaitMs));
            composer.endCompose(closed);
            // No endCompose(open): what a crash (or SIGKILL) leaves.
        }
        // The marker is in the settings file on disk, not only in memory.
        Client::SettingsStore reread(Common::Profile::at(m_dir->path() + u"/profile"_s));
        QCOMPARE(reread.openDraftMarkers(), QList<qint64>{crashed});
        Composer again(reread);
        QCOMPARE(again.recoverableDrafts(), QList<qint64>{crashed});
        // Offered until taken (reopened) or forgotten.
        const std::optional<Draft> draft = again.openDraft(crashed);
        QVERIFY(draft);
        const QString key = again.beginCompose(crashed);
        QVERIFY(again.recoverableDrafts().isEmpty());
        QCOMPARE(reread.openDraftMarkers(), QList<qint64>{crashed}); // marked by its new window
        again.endCompose(key);
        QVERIFY(reread.openDraftMarkers().isEmpty());
    }

    void sendWritesTheOutboxFirstAndUndoSendsNothing()
    {
        Composer composer(*m_settings);
        QSignalSpy saved(&composer, &Composer::draftSaved);
        QSignalSpy queued(&composer, &Composer::queued);
        QSignalSpy held(&composer, &Composer::sendHeld);
        QSignalSpy sending(&composer, &Composer::sending);
        QSignalSpy connected(&*m_server, &QTcpServer::newConnection);
        const QString key = composer.beginCompose();
        composer.saveDraft(key, sample());
        QVERIFY(saved.wait(kWaitMs));
        QString error;
        QVERIFY2(composer.send(key, sample(), &error), qPrintable(error));
        QCOMPARE(composer.pendingCount(), 1); // being written into the Outbox already counts
        QVERIFY(queued.wait(kWaitMs));
        const qint64 id = queued.first().at(1).toLongLong();
        QCOMPARE(held.size(), 1);
        QCOMPARE(held.first().at(0).toLongLong(), id);
        QVERIFY(held.first().at(1).toInt() > 1000);
        // The Outbox copy replaced the draft, and keeps Bcc for the envelope.
        const QString file = messageFile(m_settings->mailDirectory());
        QVERIFY(contentOf(file).contains("hidden@example.net"));
        QCOMPARE(composer.pendingCount(), 1);
        const auto entry = composer.outboxEntry(id);
        QVERIFY(entry);
        QCOMPARE(entry->state, Client::OutboxEntry::State::Holding);
        QCOMPARE(entry->accountId, u"acct-1"_s);

        const std::optional<Draft> back = composer.undoSend(id);
        QTest::qWait(3000); // past the hold
        QCOMPARE(connected.size(), 0);
        QCOMPARE(sending.size(), 0);
        QVERIFY(back);
        QCOMPARE(back->storeId, id);
        QCOMPARE(back->subject, sample().subject);
        QCOMPARE(composer.pendingCount(), 0);
        QVERIFY(!composer.outboxEntry(id));
        QVERIFY(!composer.undoSend(id)); // once
    }

    void afterTheHoldItGoesAndAFailureStaysInTheOutbox()
    {
        Composer composer(*m_settings);
        QSignalSpy queued(&composer, &Composer::queued);
        QSignalSpy sending(&composer, &Composer::sending);
        QSignalSpy failed(&composer, &Composer::sendFailed);
        // The server hangs up at once: a connection error, not an answer.
        connect(&*m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = m_server->nextPendingConnection())
                s->abort();
        });
        const QString key = composer.beginCompose();
        QVERIFY(composer.send(key, sample()));
        QVERIFY(queued.wait(kWaitMs));
        const qint64 id = queued.first().at(1).toLongLong();
        QVERIFY(sending.wait(kWaitMs));
        QCOMPARE(sending.first().first().toLongLong(), id);
        QVERIFY(!composer.undoSend(id)); // too late
        QVERIFY(failed.wait(kWaitMs));
        QCOMPARE(failed.first().first().toLongLong(), id);
        const auto error = failed.first().at(1).value<Client::SendError>();
        QVERIFY(error.kind == Client::SendErrorKind::Connection ||
                error.kind == Client::SendErrorKind::Protocol);
        const auto entry = composer.outboxEntry(id);
        QVERIFY(entry);
        QCOMPARE(entry->state, Client::OutboxEntry::State::Failed);
        QCOMPARE(entry->attempts, 1);
        QCOMPARE(entry->error.kind, error.kind);
        QCOMPARE(composer.pendingCount(), 1);
        // Edit: back to Drafts with everything.
        const std::optional<Draft> edited = composer.editOutgoing(id);
        QVERIFY(edited);
        QCOMPARE(edited->bcc.size(), 1);
        QCOMPARE(composer.pendingCount(), 0);
    }

    void invalidAddressesAreRefusedBeforeAnythingIsWritten()
    {
        Composer composer(*m_settings);
        const QString key = composer.beginCompose();
        Draft draft = sample();
        draft.to = QStringList{u"not an address"_s};
        QString error;
        QVERIFY(!composer.send(key, draft, &error));
        QVERIFY(error.contains(u"not an address"_s));
        draft = sample();
        draft.to.clear();
        draft.bcc.clear();
        QVERIFY(!composer.send(key, draft, &error));
        draft = sample();
        draft.accountId = u"acct-2"_s; // cannot send
        QVERIFY(!composer.send(key, draft, &error));
        QCOMPARE(composer.pendingCount(), 0);
        QVERIFY(
            QDir(m_settings->mailDirectory() + u"/Maildir/new"_s).entryList(QDir::Files).isEmpty());
    }

    void theAddressBookIsOneEntryPerAddressMostFrequentFirst()
    {
        const QStringList ranked = Client::AddressBook::rank({
            {u"Ann <ann@example.org>"_s, 3},
            {u"bob@example.net, 张三 <zhang@example.cn>"_s, 2},
            {u"ANN@example.org"_s, 4},
            {u"Bob B <bob@example.net>"_s, 1},
        });
        // Ann 7 times (a name wins over the bare address), Bob 3, 张三 2.
        QCOMPARE(ranked, (QStringList{u"Ann <ann@example.org>"_s, u"Bob B <bob@example.net>"_s,
                                      u"张三 <zhang@example.cn>"_s}));
    }

    void theAddressBookLoadsWhatTheStoreHolds()
    {
        {
            Composer composer(*m_settings);
            QSignalSpy saved(&composer, &Composer::draftSaved);
            const QString key = composer.beginCompose();
            composer.saveDraft(key, sample());
            QVERIFY(saved.wait(kWaitMs));
            composer.endCompose(key);
        }
        Client::AddressBook book;
        QSignalSpy loaded(&book, &Client::AddressBook::loaded);
        book.load(m_settings->mailDirectory());
        QVERIFY(book.isLoading());
        QCOMPARE(loaded.size(), 0); // never from inside load()
        QVERIFY(loaded.wait(kWaitMs));
        const QStringList rows = book.stringList();
        QCOMPARE(loaded.first().first().toInt(), rows.size());
        QVERIFY2(rows.contains(u"Ann Example <ann@example.org>"_s), qPrintable(rows.join(u'|')));
        QVERIFY(rows.contains(u"Bob <bob@example.net>"_s));
        QVERIFY(rows.contains(u"张三 <zhang@example.cn>"_s));
        QVERIFY(!rows.join(u' ').contains(u"hidden@"_s)); // Bcc is nobody else's business
    }

private:
    Draft sample()
    {
        if (m_attachment.isEmpty()) {
            for (int i = 0; i < 300000; ++i)
                m_attachment.append(char(i * 7 % 256));
        }
        const QString path = m_dir->path() + u"/attachment.bin"_s;
        if (!QFile::exists(path)) {
            QFile f(path);
            if (f.open(QIODevice::WriteOnly))
                f.write(m_attachment);
        }
        Draft d;
        d.accountId = u"acct-1"_s;
        d.to = QStringList{u"Bob <bob@example.net>"_s, u"张三 <zhang@example.cn>"_s};
        d.bcc = QStringList{u"hidden@example.net"_s};
        d.subject = u"Quarterly figures 季度报告"_s;
        d.rich = false;
        d.text = u"Hello Bob,\n\nthe figures are attached.\n"_s;
        d.attachments.append(
            {path, u"报告.bin"_s, u"application/octet-stream"_s, qint64(m_attachment.size()), {}});
        return d;
    }

    std::optional<QTemporaryDir> m_dir;
    std::optional<Client::SettingsStore> m_settings;
    std::optional<QTcpServer> m_server;
    Types::AccountSettings m_account;
    QByteArray m_attachment;
};

QTEST_GUILESS_MAIN(TestComposer)
#include "tst_composer.moc"
