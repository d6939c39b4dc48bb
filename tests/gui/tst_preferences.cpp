// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/languagemanager.h"
#include "gui/preferencesdialog.h"
#include "client/settingsstore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using Types::MailSecurity;

class TestPreferences : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.emplace().isValid());
        m_settings.emplace(Common::Profile::at(m_dir->path()));
        m_languages.setLanguage(u"en"_s);
    }
    void cleanup() { m_settings.reset(); }

    void downloadPoliciesRoundTripAndKeepTheOtherAccounts()
    {
        Types::AccountSettings first;
        first.host = u"pop.one.example"_s;
        first.user = u"one"_s;
        first.name = u"Set from the command line"_s; // not on any page: must survive OK
        Types::AccountSettings second = first;
        second.user = u"two"_s;
        second.id = u"second-id"_s;
        m_settings->setAccounts({first, second});
        {
            Gui::PreferencesDialog dialog(*m_settings, m_languages);
            m_dialog = &dialog;
            dialog.show();
            dialog.showPage(Gui::PreferencesDialog::DownloadPage);
            QVERIFY(QTest::qWaitForWindowExposed(&dialog));
            auto *leave = child<QCheckBox>("leaveCheck");
            auto *after = child<QCheckBox>("deleteAfterCheck");
            QVERIFY(leave->isChecked()); // the safe default
            QVERIFY(!after->isChecked());
            QVERIFY(!child<QSpinBox>("deleteAfterSpin")->isEnabled());
            after->setChecked(true);
            QVERIFY(child<QSpinBox>("deleteAfterSpin")->isEnabled());
            child<QSpinBox>("deleteAfterSpin")->setValue(14);
            leave->setChecked(false);
            QVERIFY(!after->isEnabled()); // "after N days" means nothing when nothing is left there
            leave->setChecked(true);
            child<QCheckBox>("deleteHereCheck")->setChecked(true);
            child<QCheckBox>("sizeLimitCheck")->setChecked(true);
            child<QSpinBox>("sizeLimitSpin")->setValue(512);
            auto *login = child<QComboBox>("loginCombo");
            login->setCurrentIndex(login->findData(int(Types::MailAuth::Apop)));
            dialog.accept();
            m_dialog = nullptr;
        }
        Client::SettingsStore reread(Common::Profile::at(m_dir->path()));
        const QList<Types::AccountSettings> accounts = reread.accounts();
        QCOMPARE(accounts.size(), 2);
        QCOMPARE(accounts.at(1), second);
        const Types::AccountSettings &saved = accounts.at(0);
        QCOMPARE(saved.name, first.name);
        QVERIFY(saved.leaveOnServer);
        QCOMPARE(saved.deleteAfterDays, 14);
        QVERIFY(saved.deleteWhenDeletedHere);
        QCOMPARE(saved.sizeLimitKb, 512);
        QCOMPARE(saved.auth, Types::MailAuth::Apop);
    }

    void accountRoundTripsThroughTheSettingsFile()
    {
        {
            Gui::PreferencesDialog dialog(*m_settings, m_languages);
            m_dialog = &dialog;
            dialog.show();
            QVERIFY(QTest::qWaitForWindowExposed(&dialog));
            QTest::keyClicks(child<QLineEdit>("hostEdit"), u"  pop.example.org "_s);
            auto *security = child<QComboBox>("securityCombo");
            security->setCurrentIndex(security->findData(int(MailSecurity::StartTls)));
            QCOMPARE(child<QSpinBox>("portSpin")->value(), 110); // follows the default
            QTest::keyClicks(child<QLineEdit>("userEdit"), u"alice"_s);
            dialog.accept();
            m_dialog = nullptr;
        }
        Client::SettingsStore reread(Common::Profile::at(m_dir->path()));
        const auto account = reread.account();
        QCOMPARE(account.host, u"pop.example.org"_s); // trimmed
        QCOMPARE(account.security, MailSecurity::StartTls);
        QCOMPARE(account.port, quint16(110));
        QCOMPARE(account.user, u"alice"_s);

        // Reopening shows what was saved.
        Gui::PreferencesDialog again(reread, m_languages);
        m_dialog = &again;
        QCOMPARE(child<QLineEdit>("hostEdit")->text(), u"pop.example.org"_s);
        QCOMPARE(child<QComboBox>("securityCombo")->currentData().toInt(),
                 int(MailSecurity::StartTls));
        QCOMPARE(child<QLineEdit>("userEdit")->text(), u"alice"_s);
        m_dialog = nullptr;
    }

    void customPortIsKeptWhenSecurityChanges()
    {
        Gui::PreferencesDialog dialog(*m_settings, m_languages);
        m_dialog = &dialog;
        child<QSpinBox>("portSpin")->setValue(10995);
        auto *security = child<QComboBox>("securityCombo");
        security->setCurrentIndex(security->findData(int(MailSecurity::StartTls)));
        QCOMPARE(child<QSpinBox>("portSpin")->value(), 10995);
        m_dialog = nullptr;
    }

    void cancelWritesNothing()
    {
        Gui::PreferencesDialog dialog(*m_settings, m_languages);
        m_dialog = &dialog;
        child<QLineEdit>("hostEdit")->setText(u"typed.example.org"_s);
        dialog.reject();
        m_dialog = nullptr;
        QVERIFY(m_settings->account().host.isEmpty());
    }

    void plainTextSecurityWarns()
    {
        Gui::PreferencesDialog dialog(*m_settings, m_languages);
        m_dialog = &dialog;
        dialog.show();
        auto *warning = child<QLabel>("securityWarning");
        QVERIFY(!warning->isVisible());
        auto *security = child<QComboBox>("securityCombo");
        security->setCurrentIndex(security->findData(int(MailSecurity::None)));
        QVERIFY(warning->isVisible());
        QVERIFY(warning->text().contains(u"password"_s));
        m_dialog = nullptr;
    }

    void languageChoicePersistsAndApplies()
    {
        {
            Gui::PreferencesDialog dialog(*m_settings, m_languages);
            m_dialog = &dialog;
            dialog.showPage(Gui::PreferencesDialog::GeneralPage);
            QCOMPARE(child<QTabWidget>("tabs")->currentIndex(), int(Gui::PreferencesDialog::GeneralPage));
            auto *language = child<QComboBox>("languageCombo");
            language->setCurrentIndex(language->findData(u"zh_CN"_s));
            dialog.accept();
            QCOMPARE(m_languages.currentLanguage(), u"zh_CN"_s);
            // The open dialog retranslated itself.
            QTRY_VERIFY(child<QTabWidget>("tabs")->tabText(0).contains(QRegularExpression(u"\\p{Han}"_s)));
            m_dialog = nullptr;
        }
        QCOMPARE(Client::SettingsStore(Common::Profile::at(m_dir->path())).language(), u"zh_CN"_s);
        m_languages.setLanguage(u"en"_s);
    }

private:
    template<typename T>
    T *child(const char *name)
    {
        Q_ASSERT(m_dialog);
        auto *widget = m_dialog->findChild<T *>(QString::fromLatin1(name));
        if (!widget)
            qFatal("no child %s", name);
        return widget;
    }

    std::optional<QTemporaryDir> m_dir;
    std::optional<Client::SettingsStore> m_settings;
    Gui::LanguageManager m_languages;
    QWidget *m_dialog = nullptr;
};

QTEST_MAIN(TestPreferences)
#include "tst_preferences.moc"
