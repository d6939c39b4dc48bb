// SPDX-License-Identifier: GPL-3.0-or-later
// Not a test: renders the main window against a real, running mail stack (scripts/mailstack)
// and a real keyring (run it under tests/store/with-keyring.sh), for scripts/screenshots.
//
// usage: inboxscreenshot OUTDIR SUFFIX LANGUAGE STACKDIR USER PASSWORD
// writes, in OUTDIR:
//   inbox-sync-SUFFIX.png           the window during Get Mail: headers in, bodies downloading
//   inbox-remote-SUFFIX.png         after it, the newsletter shown with its remote content blocked
//   inbox-chinese-SUFFIX.png        the Chinese minutes with their attachments
//   accountsettings-SUFFIX.png      Account Settings opened from the window, on that account
//   certificate-SUFFIX.png          the question about a certificate the system does not trust
//   certificate-changed-SUFFIX.png  the same when another certificate was trusted there before
// USER's mailbox must hold the demo mail (scripts/seed-demo-mail) and enough other mail that
// the bodies take a moment to download. Exits non-zero, saying why, when a shot cannot be taken.
#include "client/messagelistmodel.h"
#include "client/secretstore.h"
#include "client/settingsstore.h"
#include "client/syncscheduler.h"
#include "gui/accountsettingsdialog.h"
#include "gui/certificatedialog.h"
#include "gui/languagemanager.h"
#include "gui/mail/messageview.h"
#include "gui/mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <functional>
#include <optional>

using namespace Qt::StringLiterals;

namespace {

constexpr int kWaitMs = 120000;
constexpr int kSettleMs = 400;      // layouts, fonts and the message view's worker settle
const QSize kWindowSize(1280, 800); // logical pixels; QT_SCALE_FACTOR scales the PNG

[[noreturn]] void fail(const QString &why)
{
    qFatal("inboxscreenshot: %s", qPrintable(why));
}

void expect(bool condition, const QString &why)
{
    if (!condition)
        fail(u"the shot would not show what it should: "_s + why);
}

void save(QWidget &widget, const QString &path)
{
    if (!widget.grab().save(path))
        fail(u"cannot write "_s + path);
    qInfo("inboxscreenshot: wrote %s", qPrintable(path));
}

void settle(int ms = kSettleMs)
{
    QTest::qWait(ms);
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

// Acts on the next modal dialog of this type once it is on screen (exec() blocks the caller).
template<class Dialog> void whenModal(std::function<void(Dialog *)> act)
{
    auto *poll = new QTimer(qApp);
    poll->setInterval(50);
    QObject::connect(poll, &QTimer::timeout, qApp, [poll, act] {
        auto *dialog = qobject_cast<Dialog *>(QApplication::activeModalWidget());
        if (!dialog || !dialog->isVisible())
            return;
        poll->deleteLater();
        poll->stop();
        settle();
        act(dialog);
    });
    poll->start();
}

class Shooter
{
public:
    Shooter(const QString &outDir, const QString &suffix, const QString &stackDir,
            const QString &user, const QString &password)
        : m_outDir(outDir)
        , m_suffix(suffix)
        , m_env(readEnv(stackDir))
        , m_password(password)
    {
        m_account.name = u"Tidings Demo"_s;
        m_account.email = user + u"@localhost"_s;
        m_account.displayName = u"Alice Liddell"_s;
        m_account.host = m_env.value(u"MAIL_HOST"_s);
        m_account.port = quint16(m_env.value(u"POP3S_PORT"_s).toUInt());
        m_account.security = Types::MailSecurity::Tls;
        m_account.user = user;
        m_account.caFile = m_env.value(u"CA_CERT"_s);
    }

    void setLanguage(const QString &language) { m_languages.setLanguage(language); }

    void inbox()
    {
        open(m_account);
        storePassword();
        Client::SyncScheduler &sync = m_window->sync();
        QSignalSpy finished(&sync, &Client::SyncScheduler::finished);
        bool headersIn = false;
        bool shot = false;
        QObject::connect(&sync, &Client::SyncScheduler::headersStored, qApp,
                         [&] { headersIn = true; });
        // Headers in, a third of the bodies down: the list is full, the bar shows, Cancel too.
        // No message is selected: the list's "complete" flags are re-read only when the sync
        // ends, so one opened now would show as headers only even when its body has arrived.
        QObject::connect(&sync, &Client::SyncScheduler::progress, qApp,
                         [&](const QString &, const Client::SyncProgress &p) {
                             if (!headersIn || shot || p.bytesTotal == 0 ||
                                 p.bytesDone * 3 < p.bytesTotal)
                                 return;
                             shot = true;
                             expect(messages().rowCount() > 0, u"the list is empty"_s);
                             expect(isShown("cancelSyncButton"), u"Cancel is not shown"_s);
                             save(*m_window, path(u"inbox-sync"_s));
                         });
        m_window->findChild<QAction *>(u"actionGetMail"_s)->trigger();
        if (!finished.wait(kWaitMs))
            fail(u"Get Mail did not finish"_s);
        const auto outcome = finished.first().first().value<Client::SyncOutcome>();
        if (!outcome.ok())
            fail(u"Get Mail failed: "_s + outcome.error.detail);
        if (!shot)
            fail(u"Get Mail ended before a third of the bodies were down: no sync shot (the "
                 u"mailbox needs more mail)"_s);
        settle();

        shootMessage(u"Issue #212"_s, u"inbox-remote"_s, [this] {
            expect(m_window->messageView().isShowingHtml() &&
                       m_window->messageView().blockedResourceCount() > 0,
                   u"the newsletter's remote content is not shown as blocked"_s);
        });
        shootMessage(u"Meeting minutes"_s, u"inbox-chinese"_s, [this] {
            expect(isShown("attachmentPane"), u"the minutes show no attachments"_s);
        });

        whenModal<Gui::AccountSettingsDialog>([this](Gui::AccountSettingsDialog *dialog) {
            save(*dialog, path(u"accountsettings"_s));
            dialog->reject();
        });
        m_window->openAccountSettings();
    }

    // The stack's own CA is not given: the system does not trust the certificate, Tidings asks.
    void certificates()
    {
        Types::AccountSettings untrusted = m_account;
        untrusted.caFile.clear();
        open(untrusted);
        storePassword();
        askAndShoot(u"certificate"_s, false);

        // Another certificate (a real one, a system CA's) was trusted here before: a
        // change. A new window on the same profile, as after a restart (a refusal holds for the
        // session).
        open(untrusted, false);
        QList<QByteArray> digests; // the smallest, so that the shots do not change from run to run
        for (const QSslCertificate &ca : QSslConfiguration::systemCaCertificates())
            digests << ca.digest(QCryptographicHash::Sha256);
        std::sort(digests.begin(), digests.end());
        if (digests.isEmpty())
            fail(u"the system has no CA certificates"_s);
        m_settings->pinCertificate(u"pop3"_s, untrusted.host, untrusted.port, digests.first());
        m_settings->sync();
        askAndShoot(u"certificate-changed"_s, true);
    }

private:
    QString path(const QString &kind) const
    {
        return m_outDir + u'/' + kind + u'-' + m_suffix + u".png"_s;
    }
    Client::MessageListModel &messages() { return m_window->messages(); }
    QTableView *list() { return m_window->findChild<QTableView *>(u"messageList"_s); }

    // A window at its fixed size on a profile (a fresh one unless told) with this one account.
    void open(const Types::AccountSettings &account, bool freshProfile = true)
    {
        m_window.reset();
        m_settings.reset();
        if (freshProfile) {
            m_profile.emplace();
            if (!m_profile->isValid())
                fail(u"no temporary directory"_s);
        }
        m_settings.emplace(Common::Profile::at(m_profile->path()));
        if (freshProfile) { // else the account as stored, with the id its keyring entry is under
            m_settings->setAccounts({account});
            m_settings->sync();
        }
        m_window.emplace(*m_settings, m_languages);
        m_window->show();
        m_window->resize(kWindowSize);
        if (!QTest::qWaitForWindowExposed(&*m_window))
            fail(u"the main window was not shown"_s);
        settle();
    }

    void storePassword()
    {
        Client::SecretStore secrets;
        QSignalSpy written(&secrets, &Client::SecretStore::writeFinished);
        secrets.write(Client::SecretStore::mailKey(m_settings->accounts().first()), m_password);
        if (!written.wait(kWaitMs) || !written.first().at(1).toBool())
            fail(u"the keyring refused the password (run under tests/store/with-keyring.sh)"_s);
    }

    bool isShown(const char *objectName) const
    {
        const auto *widget = m_window->findChild<QWidget *>(QLatin1String(objectName));
        return widget && widget->isVisible();
    }

    int rowOf(const QString &subjectStart)
    {
        for (int row = 0; row < messages().rowCount(); ++row)
            if (messages()
                    .index(row, Client::MessageListModel::SubjectColumn)
                    .data()
                    .toString()
                    .startsWith(subjectStart))
                return row;
        return -1;
    }

    // Selects the row; once the message view shows it and has settled, calls then().
    void showRow(int row, std::function<void()> then)
    {
        auto connection = std::make_shared<QMetaObject::Connection>();
        *connection = QObject::connect(&m_window->messageView(), &Gui::MessageView::messageShown,
                                       qApp, [connection, then] {
                                           QObject::disconnect(*connection);
                                           QTimer::singleShot(kSettleMs, qApp, then);
                                       });
        list()->setFocus();
        list()->setCurrentIndex(messages().index(row, Client::MessageListModel::SubjectColumn));
    }

    // Shows the message and saves the window once check() (which fails loudly) agrees.
    void shootMessage(const QString &subjectStart, const QString &kind, std::function<void()> check)
    {
        const int row = rowOf(subjectStart);
        if (row < 0)
            fail(u"no message \""_s + subjectStart + u"\" in the list (seed the demo mail)"_s);
        bool shot = false;
        showRow(row, [&] {
            check();
            save(*m_window, path(kind));
            shot = true;
        });
        if (!QTest::qWaitFor([&] { return shot; }, kWaitMs))
            fail(u"the message view did not show "_s + subjectStart);
    }

    void askAndShoot(const QString &kind, bool change)
    {
        bool asked = false;
        whenModal<Gui::CertificateDialog>([&](Gui::CertificateDialog *dialog) {
            if (dialog->isChange() != change)
                fail(u"the certificate question is not the one expected for "_s + kind);
            save(*dialog, path(kind));
            asked = true;
            dialog->reject();
        });
        QSignalSpy finished(&m_window->sync(), &Client::SyncScheduler::finished);
        m_window->findChild<QAction *>(u"actionGetMail"_s)->trigger();
        if (!finished.wait(kWaitMs) || !asked)
            fail(u"Tidings did not ask about the certificate for "_s + kind + u": "_s +
                 finished.value(0).value(0).value<Client::SyncOutcome>().error.detail);
        settle();
    }

    QString m_outDir;
    QString m_suffix;
    QHash<QString, QString> m_env;
    QString m_password;
    Types::AccountSettings m_account;
    Gui::LanguageManager m_languages;
    std::optional<QTemporaryDir> m_profile;
    std::optional<Client::SettingsStore> m_settings;
    std::optional<Gui::MainWindow> m_window;
};

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    if (argc != 7)
        fail(u"usage: inboxscreenshot OUTDIR SUFFIX LANGUAGE STACKDIR USER PASSWORD"_s);
    const auto arg = [argv](int i) {
        return QString::fromLocal8Bit(argv[i]);
    };
    Shooter shooter(arg(1), arg(2), arg(4), arg(5), arg(6));
    shooter.setLanguage(arg(3));
    shooter.inbox();
    shooter.certificates();
    return 0;
}
