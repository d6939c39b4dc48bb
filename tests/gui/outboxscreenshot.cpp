// SPDX-License-Identifier: GPL-3.0-or-later
// Not a test: renders the main window with a message the server refused, shown in the Outbox
// with its error, Retry and Edit, for scripts/screenshots. The refusal is real: the message is
// written in the main window's compose window and sent through the submission port (STARTTLS,
// AUTH) of a running mail stack (scripts/mailstack), whose Postfix does not know the recipient.
// Run it under tests/store/with-keyring.sh (the password goes to a real keyring).
//
// usage: outboxscreenshot OUTDIR SUFFIX LANGUAGE STACKDIR USER PASSWORD
// writes OUTDIR/outbox-error-SUFFIX.png. USER must exist on the stack; the recipient must not.
// Exits non-zero, saying why, when the shot cannot be taken or would not show the refusal.
#include "client/composer.h"
#include "client/messagelistmodel.h"
#include "client/secretstore.h"
#include "client/sendoutcome.h"
#include "client/settingsstore.h"
#include "gui/compose/composewindow.h"
#include "gui/languagemanager.h"
#include "gui/mail/messageview.h"
#include "gui/mainwindow.h"

#include <QAbstractButton>
#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <optional>

using namespace Qt::StringLiterals;

namespace {

constexpr int kWaitMs = 60000;
constexpr int kSettleMs = 400;      // layouts, fonts and the message view's worker settle
const QSize kWindowSize(1280, 800); // logical pixels; QT_SCALE_FACTOR scales the PNG

[[noreturn]] void fail(const QString &why)
{
    qFatal("outboxscreenshot: %s", qPrintable(why));
}

void expect(bool condition, const QString &why)
{
    if (!condition)
        fail(u"the shot would not show what it should: "_s + why);
}

QHash<QString, QString> readEnv(const QString &stackDir)
{
    QFile file(stackDir + u"/stack.env"_s);
    if (!file.open(QIODevice::ReadOnly))
        fail(u"no stack.env in "_s + stackDir);
    QHash<QString, QString> env;
    for (const QByteArray &line : file.readAll().split('\n')) {
        const qsizetype eq = line.indexOf('=');
        if (eq > 0)
            env.insert(QString::fromUtf8(line.left(eq)), QString::fromUtf8(line.mid(eq + 1)));
    }
    return env;
}

// The account of the demo user: reads over POP3S, sends over submission with STARTTLS, both
// trusting the stack's own CA.
Types::AccountSettings accountFor(const QHash<QString, QString> &env, const QString &user)
{
    Types::AccountSettings a;
    a.name = u"Tidings Demo"_s;
    a.email = user + u"@localhost"_s;
    a.displayName = u"Alice Liddell"_s;
    a.host = env.value(u"MAIL_HOST"_s);
    a.port = quint16(env.value(u"POP3S_PORT"_s).toUInt());
    a.security = Types::MailSecurity::Tls;
    a.user = user;
    a.caFile = env.value(u"CA_CERT"_s);
    a.smtpHost = env.value(u"MAIL_HOST"_s);
    a.smtpPort = quint16(env.value(u"SUBMISSION_PORT"_s).toUInt());
    a.smtpSecurity = Types::MailSecurity::StartTls;
    return a;
}

// What the user wrote: to a colleague whose address the server does not know.
Client::Draft message(const QString &accountId, bool chinese)
{
    Client::Draft d;
    d.accountId = accountId;
    if (chinese) {
        d.to = {u"李明 <li.ming@localhost>"_s};
        d.subject = u"周四现场考察的时间"_s;
        d.html = u"<p>李明，你好：</p><p>周四上午九点在北坡入口见面，请带上排水方案的图纸。</p>"
                 u"<p>谢谢！</p>"_s;
    } else {
        d.to = {u"Bob Stone <bob.stone@localhost>"_s};
        d.subject = u"Thursday's site visit"_s;
        d.html = u"<p>Hello Bob,</p><p>Shall we meet at the north slope entrance at nine on "
                 u"Thursday? Please bring the drawings of the drainage plan.</p><p>Thanks!</p>"_s;
    }
    return d;
}

Gui::ComposeWindow *composeWindow()
{
    for (QWidget *w : QApplication::topLevelWidgets())
        if (auto *window = qobject_cast<Gui::ComposeWindow *>(w); window && window->isVisible())
            return window;
    return nullptr;
}

bool isShown(QWidget &window, const char *objectName)
{
    const auto *widget = window.findChild<QWidget *>(QLatin1String(objectName));
    return widget && widget->isVisible();
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    if (argc != 7)
        fail(u"usage: outboxscreenshot OUTDIR SUFFIX LANGUAGE STACKDIR USER PASSWORD"_s);
    const auto arg = [argv](int i) {
        return QString::fromLocal8Bit(argv[i]);
    };
    const QString out = arg(1) + u"/outbox-error-"_s + arg(2) + u".png"_s;
    const bool chinese = arg(3).startsWith(u"zh"_s);
    Gui::LanguageManager languages;
    languages.setLanguage(arg(3));

    QTemporaryDir profile;
    if (!profile.isValid())
        fail(u"no temporary directory"_s);
    Client::SettingsStore settings(Common::Profile::at(profile.path()));
    settings.setAccounts({accountFor(readEnv(arg(4)), arg(5))});
    settings.setUndoSendSeconds(0); // straight to the server: the refusal is the point
    settings.sync();
    {
        Client::SecretStore secrets;
        QSignalSpy written(&secrets, &Client::SecretStore::writeFinished);
        secrets.write(Client::SecretStore::mailKey(settings.accounts().first()), arg(6));
        if (!written.wait(kWaitMs) || !written.first().at(1).toBool())
            fail(u"the keyring refused the password (run under tests/store/with-keyring.sh)"_s);
    }

    Gui::MainWindow window(settings, languages);
    window.show();
    window.resize(kWindowSize);
    if (!QTest::qWaitForWindowExposed(&window))
        fail(u"the main window was not shown"_s);
    QTest::qWait(kSettleMs);

    // No question may come (a password prompt, a certificate, a compose warning): it would
    // block the run, and the shot would not show a refusal.
    QTimer noQuestions;
    QObject::connect(&noQuestions, &QTimer::timeout, &app, [] {
        if (QWidget *modal = QApplication::activeModalWidget())
            fail(u"a question came up instead of the refusal: "_s + modal->windowTitle() + u" ("_s +
                 QString::fromLatin1(modal->metaObject()->className()) + u')');
    });
    noQuestions.start(100);

    // Written in the compose window and sent as Send would (its checks, then the Outbox).
    window.writeMessage();
    Gui::ComposeWindow *compose = composeWindow();
    if (!compose)
        fail(u"New Message opened no compose window"_s);
    compose->setDraft(message(compose->draft().accountId, chinese));
    QSignalSpy failed(&window.composer(), &Client::Composer::sendFailed);
    QSignalSpy sent(&window.composer(), &Client::Composer::sent);
    if (!compose->send())
        fail(u"the compose window did not send"_s);
    if (!QTest::qWaitFor([&] { return !failed.isEmpty() || !sent.isEmpty(); }, kWaitMs))
        fail(u"the message was neither sent nor refused"_s);
    expect(sent.isEmpty(), u"the server accepted the message"_s);
    const auto error = failed.first().at(1).value<Client::SendError>();
    expect(error.kind == Client::SendErrorKind::RecipientsRefused && !error.refused.isEmpty(),
           u"the failure is not the recipient's refusal: "_s + error.serverText);

    // "Show Outbox" in the status bar, then the message, as the user would.
    auto *status = window.findChild<QLabel *>(u"sendStatus"_s);
    expect(status && status->isVisible() && status->text().contains(u"href=\"outbox\""_s),
           u"the status bar does not say the message was not sent"_s);
    QMetaObject::invokeMethod(status, "linkActivated", Q_ARG(QString, u"outbox"_s));
    if (!QTest::qWaitFor([&] { return window.messages().rowCount() == 1; }, kWaitMs))
        fail(u"the Outbox does not list the message"_s);
    auto *list = window.findChild<QTableView *>(u"messageList"_s);
    list->setFocus();
    list->setCurrentIndex(window.messages().index(0, Client::MessageListModel::SubjectColumn));
    if (!QTest::qWaitFor([&] { return isShown(window, "outboxBar"); }, kWaitMs))
        fail(u"the Outbox shows no error above the message"_s);
    if (!QTest::qWaitFor([&] { return !window.messageView().messagePath().isEmpty(); }, kWaitMs))
        fail(u"the message view does not show the message"_s);
    QTest::qWait(kSettleMs);
    const QString shownError = window.findChild<QLabel *>(u"outboxError"_s)->text();
    expect(shownError.contains(error.refused.first().address) &&
               shownError.contains(error.refused.first().text),
           u"the bar does not give the server's words: "_s + shownError);
    expect(isShown(window, "outboxRetryButton") && isShown(window, "outboxEditButton"),
           u"Retry or Edit is missing"_s);

    if (window.width() > kWindowSize.width() || window.height() > kWindowSize.height())
        qWarning("outboxscreenshot: the window grew from %dx%d to %dx%d (the status bar's or the "
                 "Outbox bar's text asks for more room)",
                 kWindowSize.width(), kWindowSize.height(), window.width(), window.height());
    if (!window.grab().save(out))
        fail(u"cannot write "_s + out);
    qInfo("outboxscreenshot: wrote %s", qPrintable(out));
    return 0;
}
