// SPDX-License-Identifier: GPL-3.0-or-later
#include "client/settingsstore.h"
#include "gui/languagemanager.h"
#include "gui/preferencesdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

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

    void accountsAreLeftToTheirOwnDialog()
    {
        Types::AccountSettings first;
        first.host = u"pop.one.example"_s;
        first.user = u"one"_s;
        first.deleteAfterDays = 14;
        m_settings->setAccounts({first});
        const QList<Types::AccountSettings> before = m_settings->accounts();
        {
            Gui::PreferencesDialog dialog(*m_settings, m_languages);
            m_dialog = &dialog;
            dialog.show();
            QVERIFY(QTest::qWaitForWindowExposed(&dialog));
            // The account and download pages moved to Account Settings.
            QVERIFY(!dialog.findChild<QLineEdit *>(u"hostEdit"_s));
            QVERIFY(!dialog.findChild<QCheckBox *>(u"leaveCheck"_s));
            QCOMPARE(child<QTabWidget>("tabs")->count(), 1);
            dialog.showPage(5); // an old page number (the account pages) shows the first page
            QCOMPARE(child<QTabWidget>("tabs")->currentIndex(), 0);
            dialog.accept();
            m_dialog = nullptr;
        }
        QCOMPARE(Client::SettingsStore(Common::Profile::at(m_dir->path())).accounts(),
                 before); // untouched
    }

    void mailAndWindowChoicesRoundTrip()
    {
        QVERIFY(!m_settings->markReadAtOnce()); // the defaults: a delay, notifications, no tray
                                                // icon, own window
        QVERIFY(m_settings->notifyNewMail());
        QVERIFY(!m_settings->showTrayIcon());
        QVERIFY(!m_settings->inspectorDocked());
        {
            Gui::PreferencesDialog dialog(*m_settings, m_languages);
            m_dialog = &dialog;
            QVERIFY(!child<QCheckBox>("markReadCheck")->isChecked());
            QVERIFY(child<QCheckBox>("notifyCheck")->isChecked());
            for (const char *name :
                 {"markReadCheck", "notifyCheck", "trayCheck", "inspectorDockedCheck"})
                child<QCheckBox>(name)->toggle();
            dialog.accept();
            m_dialog = nullptr;
        }
        Client::SettingsStore reread(Common::Profile::at(m_dir->path()));
        QVERIFY(reread.markReadAtOnce());
        QVERIFY(!reread.notifyNewMail());
        QVERIFY(reread.showTrayIcon());
        QVERIFY(reread.inspectorDocked());
        Gui::PreferencesDialog again(reread, m_languages); // shows what was saved
        m_dialog = &again;
        QVERIFY(child<QCheckBox>("trayCheck")->isChecked());
        QVERIFY(!child<QCheckBox>("notifyCheck")->isChecked());
        m_dialog = nullptr;
    }

    void writingChoicesRoundTrip()
    {
        {
            Gui::PreferencesDialog dialog(*m_settings, m_languages);
            m_dialog = &dialog;
            QCOMPARE(child<QSpinBox>("undoSendSpin")->value(), 5); // the defaults: 5 s, 25 MB
            QCOMPARE(child<QSpinBox>("attachmentWarningSpin")->value(), 25);
            QCOMPARE(child<QSpinBox>("undoSendSpin")->specialValueText(), u"Off"_s); // 0 says what it means
            child<QSpinBox>("undoSendSpin")->setValue(0);
            child<QSpinBox>("attachmentWarningSpin")->setValue(10);
            dialog.accept();
            m_dialog = nullptr;
        }
        Client::SettingsStore reread(Common::Profile::at(m_dir->path()));
        QCOMPARE(reread.undoSendSeconds(), 0);
        QCOMPARE(reread.attachmentWarningMb(), 10);
    }

    void cancelWritesNothing()
    {
        Gui::PreferencesDialog dialog(*m_settings, m_languages);
        m_dialog = &dialog;
        auto *language = child<QComboBox>("languageCombo");
        language->setCurrentIndex(language->findData(u"zh_CN"_s));
        child<QCheckBox>("trayCheck")->setChecked(true);
        dialog.reject();
        m_dialog = nullptr;
        QVERIFY(m_settings->language().isEmpty());
        QVERIFY(!m_settings->showTrayIcon());
        QCOMPARE(m_languages.currentLanguage(), u"en"_s);
    }

    void everyControlHasAnAccessibleName()
    {
        Gui::PreferencesDialog dialog(*m_settings, m_languages);
        for (QWidget *w : dialog.findChildren<QWidget *>()) {
            if (qobject_cast<QComboBox *>(w) || qobject_cast<QTabWidget *>(w) ||
                qobject_cast<QCheckBox *>(w))
                QVERIFY2(!w->accessibleName().isEmpty(), qPrintable(w->objectName()));
        }
    }

    void languageChoicePersistsAndApplies()
    {
        {
            Gui::PreferencesDialog dialog(*m_settings, m_languages);
            m_dialog = &dialog;
            dialog.showPage(Gui::PreferencesDialog::GeneralPage);
            QCOMPARE(child<QTabWidget>("tabs")->currentIndex(),
                     int(Gui::PreferencesDialog::GeneralPage));
            auto *language = child<QComboBox>("languageCombo");
            language->setCurrentIndex(language->findData(u"zh_CN"_s));
            dialog.accept();
            QCOMPARE(m_languages.currentLanguage(), u"zh_CN"_s);
            // The open dialog retranslated itself.
            QTRY_VERIFY(
                child<QTabWidget>("tabs")->tabText(0).contains(QRegularExpression(u"\\p{Han}"_s)));
            m_dialog = nullptr;
        }
        QCOMPARE(Client::SettingsStore(Common::Profile::at(m_dir->path())).language(), u"zh_CN"_s);
        m_languages.setLanguage(u"en"_s);
    }

private:
    template<typename T> T *child(const char *name)
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
