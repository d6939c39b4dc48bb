// SPDX-License-Identifier: GPL-3.0-or-later
// The login dialog against a real tidings-authd, as a user fills it in.
#include "client/session.h"
#include "gui/logindialog.h"
#include "client/settingsstore.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QSpinBox>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include "../common/realauthd.h"

using namespace Qt::StringLiterals;

namespace {
const QString password = u"dialog pässword"_s;
}

class TestLoginDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        const QString why = m_authd.start(u"demo"_s, password);
        QVERIFY2(why.isEmpty(), qPrintable(why));
        m_port = m_authd.port();
    }
    void init()
    {
        QVERIFY(m_profile.emplace().isValid());
        m_settings.emplace(Common::Profile::at(m_profile->path()));
        m_session.emplace(*m_settings);
    }
    void cleanup()
    {
        m_session.reset();
        m_settings.reset();
    }

    void focusStartsInTheFirstEmptyField()
    {
        Gui::LoginDialog dialog(*m_session, *m_settings);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        QCOMPARE(QApplication::focusWidget(), dialog.findChild<QLineEdit *>(u"hostEdit"_s));
        Client::SettingsStore::AuthServer prefilled;
        prefilled.host = u"127.0.0.1"_s;
        prefilled.user = u"demo"_s;
        m_settings->setAuthServer(prefilled);
        Gui::LoginDialog second(*m_session, *m_settings);
        second.show();
        QVERIFY(QTest::qWaitForWindowActive(&second));
        QCOMPARE(QApplication::focusWidget(), second.findChild<QLineEdit *>(u"passwordEdit"_s));
    }

    void tlsIsTheDefaultAndPlainConnectionsAreWarnedAbout()
    {
        QTemporaryDir fresh;
        Client::SettingsStore settings(Common::Profile::at(fresh.path()));
        Client::Session session(settings);
        Gui::LoginDialog dialog(session, settings);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *tls = dialog.findChild<QCheckBox *>(u"tlsCheck"_s);
        auto *warning = dialog.findChild<QLabel *>(u"plainWarning"_s);
        QVERIFY(tls->isChecked());
        QCOMPARE(dialog.findChild<QSpinBox *>(u"portSpin"_s)->value(), 7789);
        QVERIFY(!warning->isVisible());
        tls->setChecked(false);
        QVERIFY(warning->isVisible());
        QVERIFY(warning->text().contains(u"token"_s));
        QVERIFY(!warning->accessibleName().isEmpty());
        QCOMPARE(dialog.findChild<QSpinBox *>(u"portSpin"_s)->value(), 7788);
        tls->setChecked(true);
        QVERIFY(!warning->isVisible());
        // "Stay signed in" is reachable from the keyboard, after "Remember password".
        auto *remember = dialog.findChild<QCheckBox *>(u"rememberCheck"_s);
        auto *stay = dialog.findChild<QCheckBox *>(u"staySignedInCheck"_s);
        QCOMPARE(remember->nextInFocusChain(), stay);
        QVERIFY(!stay->isChecked());
    }

    void successClosesTheDialogSignedIn()
    {
        Gui::LoginDialog dialog(*m_session, *m_settings);
        fill(dialog, m_port, u"demo"_s, password);
        QTest::keyClick(dialog.findChild<QLineEdit *>(u"passwordEdit"_s),
                        Qt::Key_Return); // Enter submits
        QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), 20000);
        QCOMPARE(m_session->state(), Client::Session::State::SignedIn);
        QCOMPARE(m_session->user(), u"demo"_s);
        QVERIFY(m_session->token().count(u'.') == 2);
        QVERIFY(m_session->jwks().contains(u"Ed25519"_s));
        // What the dialog saved: the server, never the password.
        QCOMPARE(m_settings->authServer().user, u"demo"_s);
        QFile ini(m_settings->fileName());
        m_settings->sync();
        QVERIFY(ini.open(QIODevice::ReadOnly));
        QVERIFY(!ini.readAll().contains(password.toUtf8()));
    }

    void wrongPasswordSaysHowManyAttemptsAreLeft()
    {
        Gui::LoginDialog dialog(*m_session, *m_settings);
        fill(dialog, m_port, u"demo"_s, u"not it"_s);
        dialog.accept();
        auto *message = dialog.findChild<QLabel *>(u"message"_s);
        QTRY_COMPARE_WITH_TIMEOUT(message->property("problem").toString(), u"WrongCredentials"_s,
                                  20000);
        QVERIFY2(message->text().contains(u"2 attempts left"_s), qPrintable(message->text()));
        QVERIFY(dialog.isVisible());
        QVERIFY(dialog.findChild<QLineEdit *>(u"passwordEdit"_s)->text().isEmpty());
        // Second try on the same connection succeeds.
        dialog.findChild<QLineEdit *>(u"passwordEdit"_s)->setText(password);
        dialog.accept();
        QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), 20000);
    }

    void cannotConnect()
    {
        QTcpServer closed;
        closed.listen(QHostAddress::LocalHost, 0);
        const quint16 port = closed.serverPort();
        closed.close();
        Gui::LoginDialog dialog(*m_session, *m_settings);
        fill(dialog, port, u"demo"_s, password);
        dialog.accept();
        auto *message = dialog.findChild<QLabel *>(u"message"_s);
        QTRY_COMPARE_WITH_TIMEOUT(message->property("problem").toString(), u"CannotConnect"_s,
                                  20000);
        QVERIFY(message->text().startsWith(u"Cannot connect to 127.0.0.1"_s));
        QVERIFY(dialog.findChild<QLineEdit *>(u"hostEdit"_s)->isEnabled()); // usable again
    }

    void emptyFieldsAreExplained()
    {
        Gui::LoginDialog dialog(*m_session, *m_settings);
        dialog.show();
        dialog.accept();
        QVERIFY(dialog.findChild<QLabel *>(u"message"_s)->text().contains(u"Enter the server"_s));
        QCOMPARE(m_session->state(), Client::Session::State::SignedOut);
    }

private:
    void fill(Gui::LoginDialog &dialog, quint16 port, const QString &user, const QString &pw)
    {
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        dialog.findChild<QLineEdit *>(u"hostEdit"_s)->setText(u"127.0.0.1"_s);
        dialog.findChild<QCheckBox *>(u"tlsCheck"_s)
            ->setChecked(false); // the test server speaks plain TCP
        dialog.findChild<QSpinBox *>(u"portSpin"_s)->setValue(port);
        dialog.findChild<QLineEdit *>(u"userEdit"_s)->setText(user);
        dialog.findChild<QLineEdit *>(u"passwordEdit"_s)->setText(pw);
    }

    TestSupport::RealAuthd m_authd;
    quint16 m_port = 0;
    std::optional<QTemporaryDir> m_profile;
    std::optional<Client::SettingsStore> m_settings;
    std::optional<Client::Session> m_session;
};

QTEST_MAIN(TestLoginDialog)
#include "tst_logindialog.moc"
