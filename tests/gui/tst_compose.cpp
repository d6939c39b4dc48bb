// SPDX-License-Identifier: GPL-3.0-or-later
// Writing mail through the main window against the real mail stack (Postfix's submission port
// with STARTTLS and AUTH, Dovecot for reading back) and a real keyring (with-keyring.sh),
// offscreen: a message typed in the compose window is sent, delivered (the Bcc recipient too,
// without a Bcc header anywhere), fetched and read back with its Chinese subject, names and
// attachment intact; Reply answers it; Undo within the hold sends nothing (Postfix saw no
// connection); a refused recipient keeps the message in the Outbox with Postfix's words and
// Edit reopens it; a draft typed before a SIGKILL is offered back at the next start.
#include "../common/whenmodal.h"
#include "../common/mailstackenv.h"

#include "client/composer.h"
#include "client/folderlistmodel.h"
#include "client/mailstore.h"
#include "client/messagecontent.h"
#include "client/messagelistmodel.h"
#include "client/secretstore.h"
#include "client/settingsstore.h"
#include "client/syncscheduler.h"
#include "gui/compose/composewindow.h"
#include "gui/languagemanager.h"
#include "gui/mail/messageview.h"
#include "gui/mainwindow.h"
#include "mime/messageview.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDirIterator>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProcess>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTemporaryFile>
#include <QTest>
#include <QTextEdit>
#include <QTimer>
#include <QTreeView>

#include <csignal>
#include <cstdio>
#include <functional>

using namespace Qt::StringLiterals;

namespace {
constexpr int kWaitMs = 60000;
const QString kUser = u"writer"_s;
const QString kPassword = u"wr1ter pässword"_s;
const QString kBccUser = u"hidden"_s;
const QString kBccPassword = u"hidden-pw"_s;
const QString kSubject = u"季度报告 quarterly figures"_s;
const QString kDraftSubject = u"Typed before the crash"_s;

// Types into a widget as a user would (non-ASCII arrives as an input method would send it).
void type(QWidget *widget, const QString &text)
{
    widget->setFocus();
    for (const QChar ch : text) {
        if (ch.unicode() < 0x80 && ch != u'@' && ch != u'<' && ch != u'>')
            QTest::keyClick(widget, char(ch.unicode()));
        else
            QTest::sendKeyEvent(QTest::Click, widget, Qt::Key_unknown, QString(ch), Qt::NoModifier);
    }
}

Gui::ComposeWindow *composeWindow()
{
    for (QWidget *w : QApplication::topLevelWidgets())
        if (auto *window = qobject_cast<Gui::ComposeWindow *>(w); window && window->isVisible())
            return window;
    return nullptr;
}

QByteArray sha256Of(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&f);
    return hash.result().toHex();
}

// Files in a user's Maildir whose bytes contain `needle`.
QStringList deliveredContaining(const QString &stack, const QString &user, const QByteArray &needle)
{
    QStringList out;
    QDirIterator it(stack + u"/mail/"_s + user + u"/Maildir"_s, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        if (f.open(QIODevice::ReadOnly) && f.readAll().contains(needle))
            out << path;
    }
    return out;
}
} // namespace

class TestCompose : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        const QString why = m_stack.load();
        QVERIFY2(why.isEmpty(), qPrintable(why));
        QCOMPARE(m_stack.addUser(kUser, kPassword), 0);
        QCOMPARE(m_stack.addUser(kBccUser, kBccPassword), 0);
        m_languages.setLanguage(u"en"_s);
        QVERIFY(m_attachment.open());
        QByteArray bytes;
        for (int i = 0; i < 300000; ++i) // binary, every byte value, ~300 KB
            bytes.append(char((i * 7919) % 256));
        m_attachment.write(bytes);
        m_attachment.flush();
    }

    void init() { QVERIFY(m_dir.emplace().isValid()); }
    void cleanup()
    {
        QList<QPointer<QWidget>> windows; // deleting one may delete others: collect first
        for (QWidget *w : QApplication::topLevelWidgets())
            if (qobject_cast<Gui::ComposeWindow *>(w))
                windows << w;
        for (const QPointer<QWidget> &w : windows)
            delete w.data();
        dropGuards();
        m_window.reset();
        m_settings.reset();
    }

    void aComposedMessageIsSentDeliveredAndReadBack()
    {
        open(0);
        m_window->writeMessage();
        Gui::ComposeWindow *window = composeWindow();
        QVERIFY(window);
        QVERIFY(QTest::qWaitForWindowActive(window)); // its shortcuts (Ctrl+Enter) work there
        QCOMPARE(window->currentIdentity().address, kUser + u"@localhost"_s);
        type(window->findChild<QLineEdit *>(u"toEdit"_s), kUser + u"@localhost"_s);
        QTest::mouseClick(window->findChild<QAbstractButton *>(u"bccButton"_s), Qt::LeftButton);
        type(window->findChild<QLineEdit *>(u"bccEdit"_s), kBccUser + u"@localhost"_s);
        type(window->findChild<QLineEdit *>(u"subjectEdit"_s), kSubject);
        auto *editor = window->findChild<QTextEdit *>(u"editor"_s);
        editor->moveCursor(QTextCursor::Start);
        const QString token = QString::number(QDateTime::currentMSecsSinceEpoch()); // this run's message
        type(editor, u"Hello 你好, the figures are attached. Run "_s + token);
        QVERIFY(window->attachFiles(QStringList{m_attachment.fileName()}));

        QSignalSpy sent(&m_window->composer(), &Client::Composer::sent);
        QSignalSpy failed(&m_window->composer(), &Client::Composer::sendFailed);
        QString unexpected; // a question that must not come
        whenModal<QDialog>([&](QDialog *dialog) {
            auto *box = qobject_cast<QMessageBox *>(dialog);
            unexpected = QString::fromLatin1(dialog->metaObject()->className()) + u": "_s + (box ? box->text() : QString());
            dialog->reject();
        });
        QTest::keyClick(editor, Qt::Key_Return, Qt::ControlModifier);
        QTRY_VERIFY_WITH_TIMEOUT(!sent.isEmpty() || !failed.isEmpty() || !unexpected.isEmpty(), kWaitMs);
        QVERIFY2(unexpected.isEmpty(), qPrintable(unexpected));
        QVERIFY2(failed.isEmpty(), "the message was not sent");
        QTRY_VERIFY(!composeWindow()); // closed once the message was in the Outbox
        QCOMPARE(m_window->composer().pendingCount(), 0);

        // Delivered to both; the Bcc recipient is in no header of either copy.
        const QByteArray encodedSubjectMarker = "Run " + token.toLatin1(); // (the subject is RFC 2047 encoded)
        QTRY_COMPARE_WITH_TIMEOUT(deliveredContaining(m_stack.directory(), kBccUser, encodedSubjectMarker).size(), 1,
                                  10000);
        for (const QString &user : {kUser, kBccUser})
            for (const QString &path : deliveredContaining(m_stack.directory(), user, encodedSubjectMarker)) {
                QFile f(path);
                QVERIFY(f.open(QIODevice::ReadOnly));
                const QByteArray bytes = f.readAll();
                const QByteArray header = bytes.left(bytes.indexOf("\r\n\r\n") < 0 ? bytes.indexOf("\n\n")
                                                                                     : bytes.indexOf("\r\n\r\n"));
                QVERIFY2(!header.contains("\nBcc:") && !header.contains(QByteArray(kBccUser.toUtf8() + "@localhost")),
                         qPrintable(path));
            }

        // Get Mail reads it back: subject, sender's name, text, the attachment byte for byte.
        QSignalSpy synced(&m_window->sync(), &Client::SyncScheduler::finished);
        m_window->findChild<QAction *>(u"actionGetMail"_s)->trigger();
        QVERIFY(synced.wait(kWaitMs));
        QVERIFY(synced.first().first().value<Client::SyncOutcome>().ok());
        auto *list = m_window->findChild<QTableView *>(u"messageList"_s);
        // This run's message (a stack kept between runs has earlier ones), found by its text.
        m_window->findChild<QLineEdit *>(u"searchEdit"_s)->setText(token);
        QTRY_COMPARE(m_window->messages().rowCount(), 1);
        list->setCurrentIndex(m_window->messages().index(0, Client::MessageListModel::SubjectColumn));
        QTRY_VERIFY(!m_window->messageView().messagePath().isEmpty());
        const Client::MessageContent content = Client::loadMessageContent(m_window->messageView().messagePath());
        QVERIFY(content.read.view);
        const Mime::MessageView &view = *content.read.view;
        QCOMPARE(view.subject, kSubject);
        QCOMPARE(view.from.value(0).name, u"Wri Ter 作者"_s);
        QVERIFY(view.html && view.html->contains(u"你好"_s));
        QVERIFY(view.text && view.text->contains(u"Hello 你好"_s));
        QCOMPARE(view.attachments.size(), 1);
        QTemporaryDir out;
        QString error;
        const QString saved = Mime::extractAttachment(m_window->messageView().messagePath(), 0, out.path(), &error);
        QVERIFY2(!saved.isEmpty(), qPrintable(error));
        QCOMPARE(sha256Of(saved), sha256Of(m_attachment.fileName()));

        // Sent keeps the copy.
        QCOMPARE(folderCount(Types::FolderKind::Sent), 1);

        // Reply: to the sender, "Re: " once, the text quoted.
        QAction *reply = m_window->findChild<QAction *>(u"actionReply"_s);
        QTRY_VERIFY(reply->isEnabled()); // once the view shows the message
        reply->trigger();
        QTRY_VERIFY(composeWindow());
        const Client::Draft answer = composeWindow()->draft();
        QCOMPARE(answer.subject, u"Re: "_s + kSubject);
        QCOMPARE(answer.to.size(), 1);
        QVERIFY2(answer.to.first().contains(kUser + u"@localhost"_s), qPrintable(answer.to.first()));
        QVERIFY(answer.html.contains(u"figures are attached"_s));
        QVERIFY(!answer.inReplyTo.isEmpty());
    }

    void undoWithinTheHoldSendsNothing()
    {
        open(5);
        m_window->writeMessage();
        Gui::ComposeWindow *window = composeWindow();
        QVERIFY(window);
        QVERIFY(QTest::qWaitForWindowActive(window)); // its shortcuts (Ctrl+Enter) work there
        type(window->findChild<QLineEdit *>(u"toEdit"_s), kUser + u"@localhost"_s);
        type(window->findChild<QLineEdit *>(u"subjectEdit"_s), u"Never sent"_s);
        type(window->findChild<QTextEdit *>(u"editor"_s), u"Second thoughts."_s);
        const qsizetype logBefore = m_stack.postfixLog().size();
        QSignalSpy held(&m_window->composer(), &Client::Composer::sendHeld);
        QSignalSpy sending(&m_window->composer(), &Client::Composer::sending);
        QTest::keyClick(window->findChild<QTextEdit *>(u"editor"_s), Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(held.wait(kWaitMs));
        auto *status = m_window->findChild<QLabel *>(u"sendStatus"_s);
        QVERIFY(status->isVisible());
        QVERIFY2(status->text().contains(u"href=\"undo\""_s), qPrintable(status->text()));
        QMetaObject::invokeMethod(status, "linkActivated", Q_ARG(QString, u"undo"_s));
        // The message comes back to be edited; nothing goes, even after the hold has passed.
        QTRY_VERIFY(composeWindow());
        QCOMPARE(composeWindow()->draft().subject, u"Never sent"_s);
        QTest::qWait(6000);
        QVERIFY(sending.isEmpty());
        QCOMPARE(m_window->composer().pendingCount(), 0);
        const QByteArray added = m_stack.postfixLog().mid(logBefore);
        // Other tests share the stack and log their own sessions: none of this user's may appear.
        QVERIFY2(!added.contains(QByteArray("sasl_username=" + kUser.toUtf8())), added.constData());
        QCOMPARE(folderCount(Types::FolderKind::Drafts), 1);
    }

    void aRefusedRecipientKeepsTheMessageInTheOutbox()
    {
        open(0);
        m_window->writeMessage();
        Gui::ComposeWindow *window = composeWindow();
        QVERIFY(window);
        QVERIFY(QTest::qWaitForWindowActive(window)); // its shortcuts (Ctrl+Enter) work there
        type(window->findChild<QLineEdit *>(u"toEdit"_s), kUser + u"@localhost, nobody-here@localhost"_s);
        type(window->findChild<QLineEdit *>(u"subjectEdit"_s), u"Half refused"_s);
        const int widthBefore = m_window->width();
        type(window->findChild<QTextEdit *>(u"editor"_s), u"Text."_s);
        QSignalSpy failed(&m_window->composer(), &Client::Composer::sendFailed);
        QTest::keyClick(window->findChild<QTextEdit *>(u"editor"_s), Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(failed.wait(kWaitMs));
        const auto error = failed.first().at(1).value<Client::SendError>();
        QCOMPARE(error.kind, Client::SendErrorKind::RecipientsRefused);
        QCOMPARE(error.refused.size(), 1);
        QCOMPARE(error.refused.first().address, u"nobody-here@localhost"_s);
        QVERIFY2(error.refused.first().text.contains(u"User unknown"_s), qPrintable(error.refused.first().text));
        auto *status = m_window->findChild<QLabel *>(u"sendStatus"_s);
        // The status bar says it briefly (the full words in its tooltip) and the window keeps its size.
        QVERIFY2(status->toolTip().contains(u"nobody-here@localhost"_s), qPrintable(status->toolTip()));
        QVERIFY2(status->text().contains(u"href=\"outbox\""_s), qPrintable(status->text()));
        QCOMPARE(m_window->width(), widthBefore);
        QCOMPARE(m_window->composer().pendingCount(), 1);
        // Nothing reached the accepted recipient either.
        QVERIFY(deliveredContaining(m_stack.directory(), kUser, "Half refused").isEmpty());

        // In the Outbox: the error above the message, and Edit takes it back to a compose window.
        QMetaObject::invokeMethod(status, "linkActivated", Q_ARG(QString, u"outbox"_s));
        QTRY_COMPARE(m_window->messages().rowCount(), 1);
        auto *list = m_window->findChild<QTableView *>(u"messageList"_s);
        list->setCurrentIndex(m_window->messages().index(0, Client::MessageListModel::SubjectColumn));
        auto *bar = m_window->findChild<QWidget *>(u"outboxBar"_s);
        QTRY_VERIFY(bar->isVisible());
        QVERIFY(m_window->findChild<QLabel *>(u"outboxError"_s)->text().contains(u"User unknown"_s));
        QTest::mouseClick(m_window->findChild<QAbstractButton *>(u"outboxEditButton"_s), Qt::LeftButton);
        QTRY_VERIFY(composeWindow());
        QCOMPARE(composeWindow()->draft().subject, u"Half refused"_s);
        QCOMPARE(m_window->composer().pendingCount(), 0);
    }

    void aDraftTypedBeforeAKillIsOfferedBack()
    {
        {
            Client::SettingsStore settings(Common::Profile::at(m_dir->path()));
            settings.setAccounts({account()});
            settings.sync();
        }
        QProcess child;
        child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        child.start(QCoreApplication::applicationFilePath(), {u"--type-a-draft"_s, m_dir->path()});
        QVERIFY(child.waitForStarted());
        QByteArray said;
        QTRY_VERIFY_WITH_TIMEOUT((said += child.readAllStandardOutput()).contains("saved"), kWaitMs);
        ::kill(pid_t(child.processId()), SIGKILL); // no close, no save on the way out
        QVERIFY(child.waitForFinished(10000));

        bool offered = false;
        whenModal<QMessageBox>([&](QMessageBox *box) {
            offered = box->objectName() == u"recoverDrafts"_s;
            box->buttons().first()->click(); // Open
        });
        reopenOnly();
        QTRY_VERIFY_WITH_TIMEOUT(offered, 10000);
        QTRY_VERIFY(composeWindow());
        const Client::Draft draft = composeWindow()->draft();
        QCOMPARE(draft.subject, kDraftSubject);
        QVERIFY2(draft.html.contains(u"every word kept"_s), qPrintable(draft.html));
    }

public:
    // The child of aDraftTypedBeforeAKillIsOfferedBack: types a draft, waits for its autosave.
    static int typeADraft(const QString &profile)
    {
        Client::SettingsStore settings(Common::Profile::at(profile));
        Gui::LanguageManager languages;
        Gui::MainWindow window(settings, languages);
        window.show();
        window.writeMessage();
        Gui::ComposeWindow *compose = composeWindow();
        if (!compose)
            return 1;
        QObject::connect(&window.composer(), &Client::Composer::draftSaved, [] {
            std::fputs("saved\n", stdout);
            std::fflush(stdout);
        });
        type(compose->findChild<QLineEdit *>(u"subjectEdit"_s), kDraftSubject);
        type(compose->findChild<QTextEdit *>(u"editor"_s), u"every word kept"_s);
        return QApplication::exec(); // until killed
    }

private:
    // A fresh profile with one account that reads (POP3S) and sends (submission, STARTTLS),
    // its password in the keyring.
    void open(int undoSeconds)
    {
        m_settings.emplace(Common::Profile::at(m_dir->path()));
        m_settings->setAccounts({account()});
        m_settings->setUndoSendSeconds(undoSeconds);
        m_settings->sync();
        Client::SecretStore secrets;
        QSignalSpy written(&secrets, &Client::SecretStore::writeFinished);
        secrets.write(Client::SecretStore::mailKey(m_settings->accounts().first()), kPassword);
        QVERIFY(written.wait(kWaitMs));
        QVERIFY2(written.first().at(1).toBool(), qPrintable(written.first().at(2).toString()));
        m_window.emplace(*m_settings, m_languages);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(&*m_window));
    }

    // The profile as it is (set up by the killed child).
    void reopenOnly()
    {
        m_settings.emplace(Common::Profile::at(m_dir->path()));
        m_window.emplace(*m_settings, m_languages);
        m_window->show();
    }

public:
    static Types::AccountSettings accountFor(const TestSupport::MailStackEnv &stack)
    {
        Types::AccountSettings a;
        a.host = stack.value(u"MAIL_HOST"_s);
        a.port = stack.port(u"POP3S_PORT"_s);
        a.security = Types::MailSecurity::Tls;
        a.user = kUser;
        a.caFile = stack.value(u"CA_CERT"_s);
        a.email = kUser + u"@localhost"_s;
        a.displayName = u"Wri Ter 作者"_s;
        a.smtpHost = stack.value(u"MAIL_HOST"_s);
        a.smtpPort = stack.port(u"SUBMISSION_PORT"_s);
        a.smtpSecurity = Types::MailSecurity::StartTls;
        return a;
    }

private:
    Types::AccountSettings account() const { return accountFor(m_stack); }

    int folderCount(Types::FolderKind kind)
    {
        for (const Types::FolderInfo &f : m_window->mailStore().folders())
            if (f.kind == kind)
                return f.total;
        return -1;
    }

    void dropGuards() { m_guards.drop(); }

    template<class Dialog>
    void whenModal(std::function<void(Dialog *)> act)
    {
        m_guards.whenModal<Dialog>(this, std::move(act));
    }

    TestSupport::MailStackEnv m_stack;
    QTemporaryFile m_attachment{QDir::tempPath() + u"/季度数据-XXXXXX.bin"_s};
    std::optional<QTemporaryDir> m_dir;
    std::optional<Client::SettingsStore> m_settings;
    std::optional<Gui::MainWindow> m_window;
    Gui::LanguageManager m_languages;
    TestSupport::ModalGuards m_guards;
};

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    if (argc == 3 && qstrcmp(argv[1], "--type-a-draft") == 0)
        return TestCompose::typeADraft(QString::fromLocal8Bit(argv[2]));
    TestCompose test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_compose.moc"
