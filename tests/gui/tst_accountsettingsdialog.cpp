// SPDX-License-Identifier: GPL-3.0-or-later
// The Account Settings dialog as a user drives it (typing into its fields by
// object name), against the real Dovecot of the mail stack and a real keyring
// (with-keyring.sh); the keyring is checked with secret-tool.
#include "client/accountdetector.h"
#include "client/accounts.h"
#include "client/settingsstore.h"
#include "gui/accountsettingsdialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QProcess>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;
using Types::MailSecurity;
using Step = Client::ConnectionTest::Step;

namespace {
constexpr int kServerWaitMs = 60000;
const QString kPassword = u"T3st p@ss wörd"_s; // scripts/mailstack-fixture's user "tester"

QString keyringLookup(const QString &id, const QString &prefix = u"pop3:"_s)
{
    QProcess tool;
    tool.start(u"secret-tool"_s,
               {u"lookup"_s, u"server"_s, u"Tidings"_s, u"user"_s, prefix + id});
    if (!tool.waitForFinished(10000))
        return u"(secret-tool hung)"_s;
    return QString::fromUtf8(tool.readAllStandardOutput());
}

void type(QLineEdit *edit, const QString &text)
{
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    for (const QChar ch : text) {
        if (ch.unicode() <
            0x80) // QTest maps only ASCII to keys; the rest arrives as an input method would
            QTest::keyClick(edit, char(ch.unicode()));
        else
            QTest::sendKeyEvent(QTest::Click, edit, Qt::Key_unknown, QString(ch), Qt::NoModifier);
    }
}

void typeNumber(QSpinBox *spin, int value)
{
    spin->setFocus();
    spin->selectAll();
    QTest::keyClicks(spin, QString::number(value));
    QTest::keyClick(spin, Qt::Key_Tab);
}
} // namespace

class TestAccountSettings : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QFile state(qEnvironmentVariable("TIDINGS_MAILSTACK_STATE", QStringLiteral(MAILSTACK_STATE)));
        QVERIFY(state.open(QIODevice::ReadOnly));
        QFile env(QString::fromUtf8(state.readAll().trimmed()) + u"/stack.env"_s);
        QVERIFY(env.open(QIODevice::ReadOnly));
        for (const QByteArray &line : env.readAll().split('\n')) {
            const qsizetype eq = line.indexOf('=');
            if (eq > 0)
                m_env.insert(QString::fromUtf8(line.left(eq)), QString::fromUtf8(line.mid(eq + 1)));
        }
        QVERIFY(m_dir.isValid());
        m_settings.emplace(Common::Profile::at(m_dir.path()));
        m_accounts.emplace(*m_settings);
    }

    void addAnAccountThroughTheDialog()
    {
        Gui::AccountSettingsDialog dialog(*m_accounts);
        m_dialog = &dialog;
        dialog.detector().setPorts(port(u"POP3S_PORT"_s), port(u"POP3_PORT"_s));
        dialog.detector().setHostAddresses({{u"pop.example.test"_s, QHostAddress::LocalHost},
                                            {u"mail.example.test"_s, QHostAddress::LocalHost}});
        dialog.openForNewAccount();
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QCOMPARE(QApplication::focusWidget(),
                 child<QLineEdit>("emailEdit")); // add mode starts at the address
        QCOMPARE(child<QListWidget>("accountList")->count(), 1);

        type(child<QLineEdit>("nameEdit"), u"Stack"_s);
        type(child<QLineEdit>("emailEdit"), u"tester@example.test"_s);
        type(child<QLineEdit>("displayNameEdit"), u"Tess Ter 测试"_s);
        QCOMPARE(child<QListWidget>("accountList")->item(0)->text(), u"Stack"_s);

        // Find Settings shows what it found and changes nothing until the user says so.
        QSignalSpy found(&dialog, &Gui::AccountSettingsDialog::settingsFound);
        QTest::mouseClick(child<QPushButton>("findButton"), Qt::LeftButton);
        QVERIFY(found.wait(kServerWaitMs));
        const QString foundText = child<QLabel>("detectionLabel")->text();
        QVERIFY2(foundText.contains(u"pop.example.test"_s) &&
                     foundText.contains(m_env.value(u"POP3S_PORT"_s)) &&
                     foundText.contains(u"Dovecot"_s),
                 qPrintable(foundText));
        QVERIFY(child<QLineEdit>("hostEdit")->text().isEmpty());
        QVERIFY(child<QPushButton>("useDetectedButton")->isVisible());
        QTest::mouseClick(child<QPushButton>("useDetectedButton"), Qt::LeftButton);
        QCOMPARE(child<QLineEdit>("hostEdit")->text(), u"pop.example.test"_s);
        QCOMPARE(child<QSpinBox>("portSpin")->value(), int(port(u"POP3S_PORT"_s)));
        QCOMPARE(child<QLineEdit>("userEdit")->text(), u"tester@example.test"_s);

        // The stack's certificate names 127.0.0.1: use that, with its CA for this account only.
        type(child<QLineEdit>("hostEdit"), m_env.value(u"MAIL_HOST"_s));
        type(child<QLineEdit>("userEdit"), u"tester"_s);
        type(child<QLineEdit>("passwordEdit"), kPassword);
        QVERIFY(child<QCheckBox>("rememberCheck")->isChecked());
        type(child<QLineEdit>("caEdit"), m_env.value(u"CA_CERT"_s));

        // Leave on server with deletion after 7 days, an automatic check every 20 minutes.
        child<QTabWidget>("tabs")->setCurrentIndex(1);
        QVERIFY(child<QCheckBox>("leaveCheck")->isChecked());       // the safe default
        QVERIFY(!child<QCheckBox>("checkEveryCheck")->isChecked()); // off by default
        QTest::mouseClick(child<QCheckBox>("deleteAfterCheck"), Qt::LeftButton);
        typeNumber(child<QSpinBox>("deleteAfterSpin"), 7);
        QTest::mouseClick(child<QCheckBox>("checkEveryCheck"), Qt::LeftButton);
        typeNumber(child<QSpinBox>("checkEverySpin"), 20);
        child<QTabWidget>("tabs")->setCurrentIndex(0);

        QSignalSpy saved(&dialog, &Gui::AccountSettingsDialog::accountsSaved);
        QTest::mouseClick(child<QDialogButtonBox>("buttonBox")->button(QDialogButtonBox::Ok),
                          Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, 10000); // after the keyring answered
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        const QStringList added = saved.first().first().toStringList();
        QCOMPARE(added.size(), 1);
        m_dialog = nullptr;

        Client::SettingsStore reread(Common::Profile::at(m_dir.path()));
        QCOMPARE(reread.accounts().size(), 1);
        const Types::AccountSettings a = reread.accounts().first();
        QCOMPARE(a.id, added.first());
        QCOMPARE(a.name, u"Stack"_s);
        QCOMPARE(a.email, u"tester@example.test"_s);
        QCOMPARE(a.displayName, u"Tess Ter 测试"_s);
        QCOMPARE(a.host, m_env.value(u"MAIL_HOST"_s));
        QCOMPARE(a.port, port(u"POP3S_PORT"_s));
        QCOMPARE(a.security, MailSecurity::Tls);
        QCOMPARE(a.user, u"tester"_s);
        QCOMPARE(a.caFile, m_env.value(u"CA_CERT"_s));
        QCOMPARE(a.deleteAfterDays, 7);
        QCOMPARE(a.checkEveryMinutes, 20);
        QVERIFY(a.leaveOnServer);
        QCOMPARE(keyringLookup(a.id), kPassword);
        m_id = a.id;
    }

    void sendingSettingsAreSavedWithTheirOwnPassword()
    {
        QVERIFY(!m_id.isEmpty());
        Gui::AccountSettingsDialog dialog(*m_accounts);
        m_dialog = &dialog;
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *tabs = child<QTabWidget>("tabs");
        tabs->setCurrentWidget(child<QWidget>("sendingTab"));
        // An incoming host of pop.<domain> suggests smtp.<domain> for an empty outgoing server.
        type(child<QLineEdit>("smtpHostEdit"), QString());
        type(child<QLineEdit>("hostEdit"), u"pop.example.test"_s);
        QMetaObject::invokeMethod(child<QLineEdit>("hostEdit"), "editingFinished");
        QCOMPARE(child<QLineEdit>("smtpHostEdit")->text(), u"smtp.example.test"_s);
        type(child<QLineEdit>("hostEdit"), m_env.value(u"MAIL_HOST"_s));
        type(child<QLineEdit>("smtpHostEdit"), m_env.value(u"MAIL_HOST"_s));
        auto *security = child<QComboBox>("smtpSecurityCombo");
        QCOMPARE(child<QSpinBox>("smtpPortSpin")->value(), 465);
        security->setCurrentIndex(security->findData(int(MailSecurity::StartTls)));
        QCOMPARE(child<QSpinBox>("smtpPortSpin")->value(), 587); // the port follows the security
        typeNumber(child<QSpinBox>("smtpPortSpin"), int(port(u"SUBMISSION_PORT"_s)));
        type(child<QLineEdit>("smtpUserEdit"), u"submitter"_s);
        QVERIFY(!child<QLineEdit>("smtpPasswordEdit")->isEnabled()); // the POP3 one unless checked
        QTest::mouseClick(child<QCheckBox>("smtpSeparatePasswordCheck"), Qt::LeftButton);
        QVERIFY(child<QLineEdit>("smtpPasswordEdit")->isEnabled());
        type(child<QLineEdit>("smtpPasswordEdit"), u"smtp sécret"_s);
        child<QPlainTextEdit>("signatureEdit")->setPlainText(u"-- \nTess 测试"_s);

        QSignalSpy saved(&dialog, &Gui::AccountSettingsDialog::accountsSaved);
        QTest::mouseClick(child<QDialogButtonBox>("buttonBox")->button(QDialogButtonBox::Ok), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, 10000);
        m_dialog = nullptr;
        const Types::AccountSettings a = Client::SettingsStore(Common::Profile::at(m_dir.path())).accounts().first();
        QCOMPARE(a.smtpHost, m_env.value(u"MAIL_HOST"_s));
        QCOMPARE(a.smtpSecurity, MailSecurity::StartTls);
        QCOMPARE(a.smtpPort, port(u"SUBMISSION_PORT"_s));
        QCOMPARE(a.smtpUser, u"submitter"_s);
        QVERIFY(a.smtpSeparatePassword);
        QCOMPARE(a.signature, u"-- \nTess 测试"_s);
        QVERIFY(a.canSend());
        // The outgoing password has an entry of its own; the POP3 one is untouched.
        QCOMPARE(keyringLookup(a.id, u"smtp:"_s), u"smtp sécret"_s);
        QCOMPARE(keyringLookup(a.id), kPassword);
    }

    void testConnectionNamesTheStepThatFailed()
    {
        QVERIFY(!m_id.isEmpty());
        Gui::AccountSettingsDialog dialog(*m_accounts);
        m_dialog = &dialog;
        QVERIFY(dialog.openAccount(m_id));
        dialog.show();
        // The password comes from the keyring: Test Connection works without typing it again.
        QTRY_COMPARE_WITH_TIMEOUT(child<QLineEdit>("passwordEdit")->text(), kPassword, 10000);

        const Client::ConnectionTestResult ok = runTest();
        QVERIFY2(ok.ok(), qPrintable(child<QLabel>("testStatusLabel")->text()));
        QVERIFY(ok.encrypted);
        QVERIFY2(child<QLabel>("testStatusLabel")->text().contains(u"works"_s),
                 qPrintable(child<QLabel>("testStatusLabel")->text()));

        // A wrong password: the Login step, in Dovecot's own words.
        type(child<QLineEdit>("passwordEdit"), u"not the password"_s);
        const Client::ConnectionTestResult wrong = runTest();
        QCOMPARE(wrong.failedStep, Step::Login);
        QVERIFY(!wrong.error.serverText.isEmpty());
        const QString said = child<QLabel>("testStatusLabel")->text();
        QVERIFY2(said.contains(u"Login"_s) && said.contains(wrong.error.serverText),
                 qPrintable(said));
        QVERIFY2(said.contains(u"Authentication failed"_s), qPrintable(said)); // Dovecot's words

        dialog.reject(); // testing saves nothing
        m_dialog = nullptr;
        QCOMPARE(keyringLookup(m_id), kPassword);
    }

    void removingTheAccountRemovesItsKeyringEntry()
    {
        if (m_id.isEmpty()) { // the test before did not get that far: an account of our own
            Types::AccountSettings account;
            account.host = u"pop.example.org"_s;
            account.user = u"tester"_s;
            QVERIFY(m_accounts->add(account, &m_id));
            QSignalSpy written(&*m_accounts, &Client::Accounts::passwordWritten);
            m_accounts->writePassword(m_id, kPassword);
            QVERIFY(written.wait(10000));
        }
        Gui::AccountSettingsDialog dialog(*m_accounts);
        m_dialog = &dialog;
        QVERIFY(dialog.openAccount(m_id));
        QCOMPARE(dialog.currentAccountId(), m_id);
        dialog.show();
        // The stored password is filled in for Test Connection.
        QTRY_COMPARE_WITH_TIMEOUT(child<QLineEdit>("passwordEdit")->text(), kPassword, 10000);
        QVERIFY(child<QCheckBox>("rememberCheck")->isChecked());

        // The confirmation first refused, then accepted.
        answerConfirmation(false);
        QTest::mouseClick(child<QPushButton>("removeButton"), Qt::LeftButton);
        QCOMPARE(child<QListWidget>("accountList")->count(), 1);
        answerConfirmation(true);
        QTest::mouseClick(child<QPushButton>("removeButton"), Qt::LeftButton);
        QCOMPARE(child<QListWidget>("accountList")->count(), 0);
        QVERIFY(!child<QTabWidget>("tabs")->isEnabled()); // nothing to edit
        QCOMPARE(keyringLookup(m_id), kPassword);         // nothing happens before OK

        QSignalSpy saved(&dialog, &Gui::AccountSettingsDialog::accountsSaved);
        dialog.accept();
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, 10000);
        m_dialog = nullptr;
        QVERIFY(Client::SettingsStore(Common::Profile::at(m_dir.path())).accounts().isEmpty());
        QCOMPARE(keyringLookup(m_id), QString());
    }

    void securityChoosesThePortAndPlainPasswordsNeedNone()
    {
        Gui::AccountSettingsDialog dialog(*m_accounts);
        m_dialog = &dialog;
        dialog.openForNewAccount();
        dialog.show();
        auto *security = child<QComboBox>("securityCombo");
        auto *portSpin = child<QSpinBox>("portSpin");
        auto *plain = child<QCheckBox>("allowPlainCheck");
        QCOMPARE(security->currentData().toInt(), int(MailSecurity::Tls));
        QCOMPARE(portSpin->value(), 995);
        QVERIFY(!plain->isEnabled());
        security->setCurrentIndex(security->findData(int(MailSecurity::StartTls)));
        QCOMPARE(portSpin->value(), 110);
        security->setCurrentIndex(security->findData(int(MailSecurity::None)));
        QVERIFY(plain->isEnabled());
        QVERIFY(child<QLabel>("securityWarning")->isVisible());
        QVERIFY(child<QLabel>("securityWarning")->text().contains(u"password"_s));
        plain->setChecked(true);
        security->setCurrentIndex(security->findData(int(MailSecurity::Tls)));
        QCOMPARE(portSpin->value(), 995);
        QVERIFY(!plain->isEnabled());
        QVERIFY(
            !plain->isChecked()); // never a clear password over a connection meant to be encrypted
        QVERIFY(!child<QLabel>("securityWarning")->isVisible());
        typeNumber(portSpin, 10995); // chosen on purpose: kept
        security->setCurrentIndex(security->findData(int(MailSecurity::StartTls)));
        QCOMPARE(portSpin->value(), 10995);
        m_dialog = nullptr;
    }

    void okWithAProblemSaysWhatAndSavesNothing()
    {
        Gui::AccountSettingsDialog dialog(*m_accounts);
        m_dialog = &dialog;
        dialog.openForNewAccount();
        dialog.show();
        type(child<QLineEdit>("userEdit"), u"someone"_s);
        type(child<QLineEdit>("hostEdit"), u"pop.example.org"_s);
        type(child<QLineEdit>("caEdit"), u"/nonexistent/ca.pem"_s);
        dialog.accept();
        QVERIFY(dialog.isVisible());
        QVERIFY(child<QLabel>("problemLabel")->isVisible());
        QVERIFY2(child<QLabel>("problemLabel")->text().contains(u"cannot be read"_s),
                 qPrintable(child<QLabel>("problemLabel")->text()));
        QVERIFY(m_accounts->list().isEmpty());
        dialog.reject(); // Cancel writes nothing either
        QVERIFY(m_accounts->list().isEmpty());
        m_dialog = nullptr;
    }

    void keyboardOrderFollowsTheLayoutAndEveryControlIsNamed()
    {
        Gui::AccountSettingsDialog dialog(*m_accounts);
        m_dialog = &dialog;
        dialog.openForNewAccount();
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        const QStringList expected{u"nameEdit"_s,        u"emailEdit"_s,  u"findButton"_s,
                                   u"displayNameEdit"_s, u"hostEdit"_s,   u"securityCombo"_s,
                                   u"portSpin"_s,        u"userEdit"_s,   u"passwordEdit"_s,
                                   u"rememberCheck"_s,   u"loginCombo"_s, u"caEdit"_s,
                                   u"caBrowseButton"_s,  u"testButton"_s};
        auto focused = [] { // a spin box's line edit stands for the spin box
            QWidget *w = QApplication::focusWidget();
            return qobject_cast<QAbstractSpinBox *>(w->parentWidget())
                       ? w->parentWidget()->objectName()
                       : w->objectName();
        };
        child<QLineEdit>("nameEdit")->setFocus();
        QStringList seen{focused()};
        for (int i = 1; i < expected.size(); ++i) {
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            seen << focused();
        }
        QCOMPARE(seen, expected); // allowPlainCheck is skipped: disabled with TLS
        for (QWidget *w : dialog.findChildren<QWidget *>()) {
            const bool control = qobject_cast<QLineEdit *>(w) || qobject_cast<QComboBox *>(w) ||
                                 qobject_cast<QAbstractButton *>(w) ||
                                 qobject_cast<QSpinBox *>(w) || qobject_cast<QListWidget *>(w);
            if (control && w->parent() != child<QDialogButtonBox>("buttonBox") &&
                !w->objectName().startsWith(u"qt_"_s) && !w->objectName().isEmpty())
                QVERIFY2(!w->accessibleName().isEmpty(), qPrintable(w->objectName()));
        }
        m_dialog = nullptr;
    }

private:
    quint16 port(const QString &name) const { return quint16(m_env.value(name).toUInt()); }

    Client::ConnectionTestResult runTest()
    {
        auto *dialog = static_cast<Gui::AccountSettingsDialog *>(m_dialog);
        QSignalSpy tested(dialog, &Gui::AccountSettingsDialog::connectionTested);
        QTest::mouseClick(child<QPushButton>("testButton"), Qt::LeftButton);
        if (!tested.wait(kServerWaitMs))
            return Client::ConnectionTestResult();
        return tested.first().first().value<Client::ConnectionTestResult>();
    }

    // Answers the next confirmation box (Remove or Cancel) as soon as it shows.
    void answerConfirmation(bool remove)
    {
        QTimer::singleShot(0, this, [remove] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (!box)
                qFatal("no confirmation box");
            for (QAbstractButton *b : box->buttons())
                if ((box->buttonRole(b) == QMessageBox::DestructiveRole) == remove) {
                    b->click();
                    return;
                }
        });
    }

    template<typename T> T *child(const char *name)
    {
        Q_ASSERT(m_dialog);
        auto *widget = m_dialog->findChild<T *>(QString::fromLatin1(name));
        if (!widget)
            qFatal("no child %s", name);
        return widget;
    }

    QHash<QString, QString> m_env;
    QTemporaryDir m_dir;
    std::optional<Client::SettingsStore> m_settings;
    std::optional<Client::Accounts> m_accounts;
    QWidget *m_dialog = nullptr;
    QString m_id;
};

QTEST_MAIN(TestAccountSettings)
#include "tst_accountsettingsdialog.moc"
