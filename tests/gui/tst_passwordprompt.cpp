// SPDX-License-Identifier: GPL-3.0-or-later
// The password prompt says which account and why, and hands back what was typed.
#include "gui/passwordprompt.h"

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>

using namespace Qt::StringLiterals;

class TestPasswordPrompt : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void refusedSaysTheServersWordsAsText()
    {
        Gui::PasswordPrompt prompt(account(), Gui::PasswordPrompt::Reason::Refused,
                                   u"[AUTH] Authentication <b>failed</b>."_s);
        QCOMPARE(label(prompt, "accountLabel"), u"Account: Work (alice@pop.example.test)"_s);
        QCOMPARE(label(prompt, "reasonLabel"),
                 u"The server refused the password: [AUTH] Authentication <b>failed</b>."_s);
        QCOMPARE(prompt.findChild<QLabel *>(u"reasonLabel"_s)->textFormat(), Qt::PlainText);
        QVERIFY(prompt.windowTitle().contains(u"Work"_s));
    }

    void missingPasswordSaysSo()
    {
        Types::AccountSettings a = account();
        a.name.clear();
        Gui::PasswordPrompt prompt(a, Gui::PasswordPrompt::Reason::NoStoredPassword);
        QCOMPARE(label(prompt, "accountLabel"), u"Account: alice@pop.example.test"_s);
        QCOMPARE(prompt.reasonText(), u"No password is stored for this account."_s);
    }

    void longServerTextIsCut()
    {
        Gui::PasswordPrompt prompt(account(), Gui::PasswordPrompt::Reason::Refused,
                                   QString(5000, u'x'));
        QVERIFY(prompt.reasonText().size() < 400);
        QVERIFY(prompt.reasonText().endsWith(u'…'));
    }

    void typedPasswordAndRememberComeBack()
    {
        Gui::PasswordPrompt prompt(account(), Gui::PasswordPrompt::Reason::NoStoredPassword);
        prompt.show();
        QVERIFY(QTest::qWaitForWindowExposed(&prompt));
        auto *edit = prompt.findChild<QLineEdit *>(u"passwordEdit"_s);
        auto *ok = prompt.findChild<QPushButton *>(u"okButton"_s);
        QCOMPARE(QApplication::focusWidget(), edit);
        QCOMPARE(edit->echoMode(), QLineEdit::Password);
        QVERIFY(!ok->isEnabled()); // nothing to send yet
        QVERIFY(!prompt.remember());
        QTest::keyClicks(edit, u"s3cret p"_s);
        edit->insert(u"ässword"_s); // QTest types Latin-1 keys only
        QVERIFY(ok->isEnabled());
        QTest::keyClick(edit, Qt::Key_Tab);
        auto *remember = prompt.findChild<QCheckBox *>(u"rememberCheck"_s);
        QCOMPARE(QApplication::focusWidget(), remember);
        QTest::keyClick(remember, Qt::Key_Space);
        QVERIFY(prompt.remember());
        QTest::keyClick(remember, Qt::Key_Return);
        QCOMPARE(prompt.result(), int(QDialog::Accepted));
        QCOMPARE(prompt.password(), u"s3cret pässword"_s);
    }

    void escapeCancels()
    {
        Gui::PasswordPrompt prompt(account(), Gui::PasswordPrompt::Reason::NoStoredPassword);
        prompt.setRemember(true);
        QVERIFY(prompt.remember());
        prompt.show();
        QVERIFY(QTest::qWaitForWindowExposed(&prompt));
        QTest::keyClicks(prompt.findChild<QLineEdit *>(u"passwordEdit"_s), u"abc"_s);
        QTest::keyClick(&prompt, Qt::Key_Escape);
        QCOMPARE(prompt.result(), int(QDialog::Rejected));
    }

private:
    static Types::AccountSettings account()
    {
        Types::AccountSettings a;
        a.id = u"work"_s;
        a.name = u"Work"_s;
        a.user = u"alice"_s;
        a.host = u"pop.example.test"_s;
        return a;
    }
    static QString label(const QDialog &dialog, const char *name)
    {
        auto *l = dialog.findChild<QLabel *>(QString::fromLatin1(name));
        if (!l)
            qFatal("no label %s", name);
        return l->text();
    }
};

QTEST_MAIN(TestPasswordPrompt)
#include "tst_passwordprompt.moc"
