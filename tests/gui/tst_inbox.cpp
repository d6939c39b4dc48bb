// SPDX-License-Identifier: GPL-3.0-or-later
// The main window against the real mail stack (Dovecot) and a real keyring
// (with-keyring.sh), offscreen: an account added through the dialog, Get Mail
// filling the list (before the last body arrives), cancel, the password
// prompt, the certificate decision across a restart, sort, search, threads,
// Trash and Undo.
#include "../common/whenmodal.h"
#include "client/mailstore.h"
#include "client/messagelistmodel.h"
#include "client/secretstore.h"
#include "client/settingsstore.h"
#include "client/syncscheduler.h"
#include "gui/accountsettingsdialog.h"
#include "gui/certificatedialog.h"
#include "gui/languagemanager.h"
#include "gui/mail/messageview.h"
#include "gui/mainwindow.h"
#include "gui/passwordprompt.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>

#include <functional>

using namespace Qt::StringLiterals;

namespace {
constexpr int kWaitMs = 60000;
const QString kUser = u"inbox"_s;
const QString kPassword = u"inb0x pässword"_s;
const QString kBulkUser = u"inbox-bulk"_s;
const QString kBulkPassword = u"bulk-pw"_s;
constexpr int kBulkMessages = 150;
constexpr int kBulkLines = 3000; // about 200 KB each: bodies take long enough to watch the list fill
constexpr int kDemoMessages = 6; // scripts/demo-mail
} // namespace

class TestInbox : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        // A stack of its own when given (several people testing on one machine), else the fixture's.
        QFile state(qEnvironmentVariable("TIDINGS_MAILSTACK_STATE", QStringLiteral(MAILSTACK_STATE)));
        QVERIFY(state.open(QIODevice::ReadOnly));
        QFile env(QString::fromUtf8(state.readAll().trimmed()) + u"/stack.env"_s);
        QVERIFY(env.open(QIODevice::ReadOnly));
        for (const QByteArray &line : env.readAll().split('\n')) {
            const qsizetype eq = line.indexOf('=');
            if (eq > 0)
                m_env.insert(QString::fromUtf8(line.left(eq)), QString::fromUtf8(line.mid(eq + 1)));
        }
        const QString stack = m_env.value(u"MAILSTACK_DIR"_s);
        QCOMPARE(run(QStringLiteral(TIDINGS_SOURCE_DIR "/scripts/mailstack"), {u"adduser"_s, stack, kUser, kPassword}), 0);
        QCOMPARE(run(u"/usr/bin/python3"_s,
                     {QStringLiteral(TIDINGS_SOURCE_DIR "/scripts/seed-demo-mail"), stack, kUser, kPassword}),
                 0);
        fillBulkMailbox();
        m_languages.setLanguage(u"en"_s);
    }

    void init() { QVERIFY(m_dir.emplace().isValid()); }
    void cleanup()
    {
        dropGuards();
        m_window.reset();
        m_settings.reset();
    }

    void addAccountThroughTheDialogThenGetMailFillsTheList()
    {
        open();
        whenModal<Gui::AccountSettingsDialog>([this](Gui::AccountSettingsDialog *dialog) {
            auto field = [dialog](const char *name) { return dialog->findChild<QLineEdit *>(QLatin1String(name)); };
            field("emailEdit")->setText(kUser + u"@localhost"_s);
            field("hostEdit")->setText(m_env.value(u"MAIL_HOST"_s));
            auto *security = dialog->findChild<QComboBox *>(u"securityCombo"_s);
            security->setCurrentIndex(security->findData(int(Types::MailSecurity::Tls)));
            dialog->findChild<QSpinBox *>(u"portSpin"_s)->setValue(m_env.value(u"POP3S_PORT"_s).toInt());
            field("userEdit")->setText(kUser);
            field("passwordEdit")->setText(kPassword);
            dialog->findChild<QCheckBox *>(u"rememberCheck"_s)->setChecked(true);
            field("caEdit")->setText(m_env.value(u"CA_CERT"_s));
            dialog->accept();
        });
        QSignalSpy finished(&m_window->sync(), &Client::SyncScheduler::finished);
        m_window->openAccountSettings(true); // returns after OK; Get Mail starts for the new account
        QCOMPARE(m_settings->accounts().size(), 1);
        QVERIFY(finished.wait(kWaitMs));
        const auto outcome = finished.first().first().value<Client::SyncOutcome>();
        QVERIFY2(outcome.ok(), qPrintable(outcome.error.detail));
        QTRY_COMPARE(m_window->messages().rowCount(), kDemoMessages);
        QVERIFY(list()->isVisible());
        // The password went to the keyring with the account: a new window gets mail without asking.
        reopen();
        whenModal<Gui::PasswordPrompt>([](Gui::PasswordPrompt *prompt) {
            QFAIL(qPrintable(u"asked for a password: "_s + prompt->reasonText()));
        });
        QSignalSpy again(&m_window->sync(), &Client::SyncScheduler::finished);
        m_window->findChild<QAction *>(u"actionGetMail"_s)->trigger();
        QVERIFY(again.wait(kWaitMs));
        QVERIFY(again.first().first().value<Client::SyncOutcome>().ok());
        QCOMPARE(m_window->messages().rowCount(), kDemoMessages);
    }

    void theListFillsBeforeTheLastBodyArrives()
    {
        open(account(kBulkUser), kBulkPassword);
        int rowsAtHeaders = -1;
        bool finishedBeforeHeaders = false;
        QSignalSpy finished(&m_window->sync(), &Client::SyncScheduler::finished);
        connect(&m_window->sync(), &Client::SyncScheduler::headersStored, this, [&] {
            // The window refreshes on the same signal, connected before us.
            rowsAtHeaders = m_window->messages().rowCount();
            finishedBeforeHeaders = !finished.isEmpty();
        });
        m_window->findChild<QAction *>(u"actionGetMail"_s)->trigger();
        QVERIFY(finished.wait(kWaitMs * 2));
        QVERIFY2(finished.first().first().value<Client::SyncOutcome>().ok(),
                 qPrintable(finished.first().first().value<Client::SyncOutcome>().error.detail));
        const int onServer = finished.first().first().value<Client::SyncOutcome>().onServer;
        QVERIFY(onServer >= kBulkMessages);
        QCOMPARE(rowsAtHeaders, onServer);
        QVERIFY(!finishedBeforeHeaders);
        QCOMPARE(m_window->messages().rowCount(), onServer);
    }

    void cancelInTheMiddleOfGetMail()
    {
        open(account(kBulkUser), kBulkPassword);
        QSignalSpy finished(&m_window->sync(), &Client::SyncScheduler::finished);
        auto *cancel = m_window->findChild<QToolButton *>(u"cancelSyncButton"_s);
        bool clicked = false;
        connect(&m_window->sync(), &Client::SyncScheduler::progress, this,
                [&](const QString &, const Client::SyncProgress &p) {
                    if (!clicked && p.messagesDone >= 3 && cancel->isVisible() && cancel->isEnabled()) {
                        clicked = true; // once: the second Get Mail must run to the end
                        cancel->click();
                    }
                });
        m_window->findChild<QAction *>(u"actionGetMail"_s)->trigger();
        QVERIFY(finished.wait(kWaitMs * 2));
        const auto outcome = finished.first().first().value<Client::SyncOutcome>();
        QCOMPARE(outcome.error.kind, Client::SyncErrorKind::Cancelled);
        QVERIFY(m_window->findChild<QLabel *>(u"statusLabel"_s)->text().contains(u"cancelled"_s));
        QVERIFY(!m_window->findChild<QLabel *>(u"syncError"_s)->isVisible()); // a cancel is no error
        QTRY_VERIFY(!cancel->isVisible());
        // Headers of all, bodies of some: the next Get Mail fetches only the rest.
        int complete = 0;
        for (int row = 0; row < m_window->messages().rowCount(); ++row)
            complete += m_window->messages().index(row, 0).data(Client::MessageListModel::CompleteRole).toBool();
        QVERIFY2(complete < kBulkMessages, "the sync finished before the cancel");
        QSignalSpy again(&m_window->sync(), &Client::SyncScheduler::finished);
        m_window->findChild<QAction *>(u"actionGetMail"_s)->trigger();
        QVERIFY(again.wait(kWaitMs * 2));
        const auto rest = again.first().first().value<Client::SyncOutcome>();
        QVERIFY2(rest.ok(), qPrintable(u"kind %1: %2"_s.arg(int(rest.error.kind)).arg(rest.error.detail)));
        QCOMPARE(rest.downloaded, rest.onServer - complete);
    }

    void aWrongPasswordWithNoKeyringEntryPrompts()
    {
        open(account(kUser)); // nothing in the keyring
        QStringList reasons;
        whenModal<Gui::PasswordPrompt>([&](Gui::PasswordPrompt *prompt) {
            reasons << prompt->reasonText();
            prompt->findChild<QLineEdit *>()->setText(u"not the password"_s);
            prompt->setRemember(false);
            prompt->accept();
            // Refused: the prompt comes again with the server's words; this time the user gives up.
            whenModal<Gui::PasswordPrompt>([&](Gui::PasswordPrompt *again) {
                reasons << again->reasonText();
                again->reject();
            });
        });
        QSignalSpy finished(&m_window->sync(), &Client::SyncScheduler::finished);
        m_window->findChild<QAction *>(u"actionGetMail"_s)->trigger();
        QVERIFY(finished.wait(kWaitMs));
        QCOMPARE(reasons.size(), 2);
        QVERIFY2(reasons.at(0).contains(u"No password"_s), qPrintable(reasons.at(0)));
        QVERIFY2(reasons.at(1).contains(u"[AUTH] Authentication failed."_s), qPrintable(reasons.at(1)));
        const auto outcome = finished.first().first().value<Client::SyncOutcome>();
        QCOMPARE(outcome.error.kind, Client::SyncErrorKind::Authentication);
        auto *error = m_window->findChild<QLabel *>(u"syncError"_s);
        QVERIFY(error->isVisible());
        QVERIFY2(error->text().contains(u"Authentication failed"_s), qPrintable(error->text()));
        QVERIFY(error->text().contains(u"href=\"log:"_s)); // the protocol log is one click away
        // Nothing was remembered: the keyring still has no entry.
        Client::SecretStore secrets;
        QSignalSpy read(&secrets, &Client::SecretStore::readFinished);
        secrets.read(Client::SecretStore::mailKey(m_settings->accounts().first()));
        QVERIFY(read.wait(kWaitMs));
        QVERIFY(read.first().at(1).toString().isEmpty());
    }

    void theCertificateDecisionPersistsAcrossARestart()
    {
        Types::AccountSettings a = account(kUser);
        a.caFile.clear(); // the stack's own CA is not trusted by the system
        open(a, kPassword);
        int asked = 0;
        whenModal<Gui::CertificateDialog>([&](Gui::CertificateDialog *dialog) {
            ++asked;
            QVERIFY(!dialog->isChange());
            dialog->accept(); // Trust This Certificate
        });
        QSignalSpy finished(&m_window->sync(), &Client::SyncScheduler::finished);
        m_window->findChild<QAction *>(u"actionGetMail"_s)->trigger();
        QVERIFY(finished.wait(kWaitMs));
        QCOMPARE(asked, 1);
        QVERIFY(finished.first().first().value<Client::SyncOutcome>().ok());
        QVERIFY(!m_settings->pinnedCertificate(u"pop3"_s, a.host, a.port).isEmpty());

        reopen(); // a restart: the decision is in the settings
        QVERIFY(!m_settings->pinnedCertificate(u"pop3"_s, a.host, a.port).isEmpty());
        whenModal<Gui::CertificateDialog>([](Gui::CertificateDialog *) { QFAIL("asked again after a restart"); });
        QSignalSpy again(&m_window->sync(), &Client::SyncScheduler::finished);
        m_window->findChild<QAction *>(u"actionGetMail"_s)->trigger();
        QVERIFY(again.wait(kWaitMs));
        QVERIFY(again.first().first().value<Client::SyncOutcome>().ok());

        // Another certificate was trusted here before: asked again, as a change.
        dropGuards();
        reopen();
        m_settings->pinCertificate(u"pop3"_s, a.host, a.port, QByteArray(32, 'x'));
        bool change = false;
        whenModal<Gui::CertificateDialog>([&](Gui::CertificateDialog *dialog) {
            change = dialog->isChange();
            dialog->reject();
        });
        QSignalSpy third(&m_window->sync(), &Client::SyncScheduler::finished);
        m_window->findChild<QAction *>(u"actionGetMail"_s)->trigger();
        QVERIFY(third.wait(kWaitMs));
        QVERIFY(change);
        QCOMPARE(third.first().first().value<Client::SyncOutcome>().error.kind, Client::SyncErrorKind::Certificate);
        QVERIFY(m_window->findChild<QLabel *>(u"syncError"_s)->isVisible());
    }

    void sortSearchThreadsTrashAndUndo()
    {
        open(account(kUser), kPassword);
        QSignalSpy finished(&m_window->sync(), &Client::SyncScheduler::finished);
        m_window->findChild<QAction *>(u"actionGetMail"_s)->trigger();
        QVERIFY(finished.wait(kWaitMs));
        Client::MessageListModel &model = m_window->messages();
        QTRY_COMPARE(model.rowCount(), kDemoMessages);
        const auto subject = [&](int row) {
            return model.index(row, Client::MessageListModel::SubjectColumn).data().toString();
        };

        // Sort: a click on the Subject header.
        QHeaderView *header = list()->horizontalHeader();
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {},
                          QPoint(header->sectionViewportPosition(Client::MessageListModel::SubjectColumn) + 5, 5));
        QCOMPARE(model.sortColumn(), int(Client::MessageListModel::SubjectColumn));
        for (int row = 1; row < model.rowCount(); ++row)
            QVERIFY2(subject(row - 1).compare(subject(row), Qt::CaseInsensitive) * (model.sortOrder() == Qt::AscendingOrder ? 1 : -1) <= 0,
                     qPrintable(subject(row - 1) + u" / "_s + subject(row)));

        // Search as you type: sender, subject or text; a two-character Chinese word too.
        auto *search = m_window->findChild<QLineEdit *>(u"searchEdit"_s);
        QSignalSpy searched(&model, &Client::MessageListModel::searchFinished);
        search->setText(u"Budget"_s);
        QTRY_VERIFY(!searched.isEmpty() && searched.last().at(0).toString() == u"Budget"_s);
        QCOMPARE(model.rowCount(), 2); // the draft and the reply
        search->setText(u"纪要"_s);
        QTRY_VERIFY(searched.last().at(0).toString() == u"纪要"_s);
        QCOMPARE(model.rowCount(), 1);
        QVERIFY(subject(0).contains(u"会议纪要"_s));
        search->clear();
        QTRY_COMPARE(model.rowCount(), kDemoMessages);

        // Threads: the reply right under the message it answers, one level deeper.
        m_window->findChild<QToolButton *>(u"threadsButton"_s)->click();
        QVERIFY(model.isThreaded());
        int parent = -1;
        int reply = -1;
        for (int row = 0; row < model.rowCount(); ++row) {
            if (subject(row) == u"Budget 2027 draft and notes from Monday"_s)
                parent = row;
            if (subject(row) == u"Re: Budget 2027 draft and notes from Monday"_s)
                reply = row;
        }
        QVERIFY(parent >= 0 && reply >= 0);
        QCOMPARE(reply, parent + 1);
        QCOMPARE(model.index(reply, 0).data(Client::MessageListModel::ThreadDepthRole).toInt(), 1);
        m_window->findChild<QToolButton *>(u"threadsButton"_s)->click();

        // Delete moves to Trash; Ctrl+Z brings it back.
        list()->setFocus();
        list()->setCurrentIndex(model.index(0, Client::MessageListModel::SubjectColumn));
        const qint64 id = model.idAt(0);
        QTest::keyClick(list(), Qt::Key_Delete);
        QCOMPARE(model.rowCount(), kDemoMessages - 1);
        QCOMPARE(model.rowOfId(id), -1);
        QTest::keyClick(list(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(model.rowCount(), kDemoMessages);
        QVERIFY(model.rowOfId(id) >= 0);
    }

    void aHeadersOnlyMessageIsDownloadedWhenOpenedOnce()
    {
        Types::AccountSettings a = account(kUser);
        a.sizeLimitKb = 1; // every demo message over 1 KB stays on the server, headers only
        open(a, kPassword);
        QSignalSpy finished(&m_window->sync(), &Client::SyncScheduler::finished);
        m_window->findChild<QAction *>(u"actionGetMail"_s)->trigger();
        QVERIFY(finished.wait(kWaitMs));
        Client::MessageListModel &model = m_window->messages();
        QTRY_COMPARE(model.rowCount(), kDemoMessages);
        int row = -1;
        for (int r = 0; r < model.rowCount(); ++r)
            if (model.index(r, 0).data(Client::MessageListModel::CompleteRole).toBool() == false)
                row = r;
        QVERIFY2(row >= 0, "no headers-only message");
        const qint64 id = model.idAt(row);
        QSignalSpy shown(&m_window->messageView(), &Gui::MessageView::messageShown);
        list()->setCurrentIndex(model.index(row, Client::MessageListModel::SubjectColumn));
        QVERIFY(finished.wait(kWaitMs)); // the body's own sync
        QCOMPARE(finished.size(), 2);
        QVERIFY(finished.last().first().value<Client::SyncOutcome>().ok());
        QTRY_VERIFY(!shown.isEmpty());
        QVERIFY(model.index(model.rowOfId(id), 0).data(Client::MessageListModel::CompleteRole).toBool());
        // Fetching what the user opened is not new mail.
        QVERIFY2(m_window->findChild<QLabel *>(u"statusLabel"_s)->text().contains(u"no new mail"_s),
                 qPrintable(m_window->findChild<QLabel *>(u"statusLabel"_s)->text()));
        // Moving away (that one may download its own body) and back starts no second download.
        const int other = model.rowOfId(id) == 0 ? 1 : 0;
        const bool otherComplete = model.index(other, 0).data(Client::MessageListModel::CompleteRole).toBool();
        list()->setCurrentIndex(model.index(other, Client::MessageListModel::SubjectColumn));
        if (!otherComplete)
            QVERIFY(finished.wait(kWaitMs));
        const qsizetype syncs = finished.size();
        list()->setCurrentIndex(model.index(model.rowOfId(id), Client::MessageListModel::SubjectColumn));
        QTest::qWait(300);
        QCOMPARE(finished.size(), syncs);
        QVERIFY(!m_window->sync().isRunning());
    }

    void remoteContentOfAnHtmlMessageIsBlocked()
    {
        open(account(kUser), kPassword);
        QSignalSpy finished(&m_window->sync(), &Client::SyncScheduler::finished);
        m_window->findChild<QAction *>(u"actionGetMail"_s)->trigger();
        QVERIFY(finished.wait(kWaitMs));
        Client::MessageListModel &model = m_window->messages();
        QTRY_COMPARE(model.rowCount(), kDemoMessages);
        int newsletter = -1;
        for (int row = 0; row < model.rowCount(); ++row)
            if (model.index(row, Client::MessageListModel::SubjectColumn).data().toString().startsWith(u"Issue #212"_s))
                newsletter = row;
        QVERIFY(newsletter >= 0);
        QSignalSpy shown(&m_window->messageView(), &Gui::MessageView::messageShown);
        list()->setCurrentIndex(model.index(newsletter, Client::MessageListModel::SubjectColumn));
        QVERIFY(shown.wait(kWaitMs));
        QVERIFY(m_window->messageView().isShowingHtml());
        QVERIFY(m_window->messageView().blockedResourceCount() > 0);
        // Read after the delay, unless the preference says at once.
        QVERIFY(model.index(newsletter, 0).data(Client::MessageListModel::UnreadRole).toBool());
        QTRY_VERIFY(!model.index(newsletter, 0).data(Client::MessageListModel::UnreadRole).toBool());
    }

private:
    Types::AccountSettings account(const QString &user) const
    {
        Types::AccountSettings a;
        a.host = m_env.value(u"MAIL_HOST"_s);
        a.port = quint16(m_env.value(u"POP3S_PORT"_s).toUInt());
        a.security = Types::MailSecurity::Tls;
        a.user = user;
        a.caFile = m_env.value(u"CA_CERT"_s);
        return a;
    }

    // A fresh profile with this account (none when empty) and, if given, its password in the keyring.
    void open(const Types::AccountSettings &a = {}, const QString &password = {})
    {
        m_settings.emplace(Common::Profile::at(m_dir->path()));
        if (a.isConfigured()) {
            m_settings->setAccounts({a});
            m_settings->sync();
        }
        if (!password.isEmpty()) {
            Client::SecretStore secrets;
            QSignalSpy written(&secrets, &Client::SecretStore::writeFinished);
            secrets.write(Client::SecretStore::mailKey(m_settings->accounts().first()), password);
            QVERIFY(written.wait(kWaitMs));
            QVERIFY2(written.first().at(1).toBool(), qPrintable(written.first().at(2).toString()));
        }
        m_window.emplace(*m_settings, m_languages);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(&*m_window));
    }

    void reopen()
    {
        m_window.reset();
        m_settings.reset();
        m_settings.emplace(Common::Profile::at(m_dir->path()));
        m_window.emplace(*m_settings, m_languages);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(&*m_window));
    }

    // Pending whenModal() calls that never fired (guards against a dialog that must not come).
    void dropGuards() { m_guards.drop(); }

    QTableView *list() const { return m_window->findChild<QTableView *>(u"messageList"_s); }

    template<class Dialog>
    void whenModal(std::function<void(Dialog *)> act)
    {
        m_guards.whenModal<Dialog>(this, std::move(act));
    }

    int run(const QString &program, const QStringList &arguments)
    {
        QProcess p;
        p.start(program, arguments);
        return p.waitForFinished(120000) && p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    }

    void fillBulkMailbox()
    {
        const QString stack = m_env.value(u"MAILSTACK_DIR"_s);
        QCOMPARE(run(QStringLiteral(TIDINGS_SOURCE_DIR "/scripts/mailstack"), {u"adduser"_s, stack, kBulkUser, kBulkPassword}),
                 0);
        // Once per stack: a stack kept between runs (TIDINGS_MAILSTACK_STATE) already has them.
        const QString script = uR"(
import os, pathlib, sys
maildir = pathlib.Path(sys.argv[1]) / "mail" / sys.argv[2] / "Maildir"
new = maildir / "new"
if any("ibulk" in p.name for p in maildir.rglob("*")):
    sys.exit(0)
for i in range(int(sys.argv[3])):
    body = f"From: load@localhost\nSubject: bulk {i}\nMessage-ID: <ibulk-{i}@localhost>\n\n".encode()
    body += b"".join(b"line %06d of message %03d, padding padding padding padding\n" % (n, i) for n in range(int(sys.argv[4])))
    path = new / f"{1700000000 + i}.ibulk{i}.localhost"
    path.write_bytes(body)
    os.chown(path, 8, 8)
)"_s;
        QCOMPARE(run(u"/usr/bin/python3"_s, {u"-c"_s, script, stack, kBulkUser, QString::number(kBulkMessages),
                                             QString::number(kBulkLines)}),
                 0);
    }

    QHash<QString, QString> m_env;
    std::optional<QTemporaryDir> m_dir;
    std::optional<Client::SettingsStore> m_settings;
    std::optional<Gui::MainWindow> m_window;
    Gui::LanguageManager m_languages;
    TestSupport::ModalGuards m_guards;
};

QTEST_MAIN(TestInbox)
#include "tst_inbox.moc"
