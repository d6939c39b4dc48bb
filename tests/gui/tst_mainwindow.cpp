// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/languagemanager.h"
#include "gui/mainwindow.h"
#include "client/settingsstore.h"

#include <QAction>
#include <QDockWidget>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QProgressBar>
#include <QSplitter>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QStackedWidget>
#include <QTreeView>

using namespace Qt::StringLiterals;

class TestMainWindow : public QObject
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

    void hasEveryMenuToolbarAndStatusBar()
    {
        Gui::MainWindow window(*m_settings, m_languages);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        const QStringList expected = {u"&File"_s,    u"&Edit"_s,  u"&View"_s, u"&Mail"_s,
                                      u"&Account"_s, u"&Tools"_s, u"&Help"_s};
        QStringList titles;
        for (QAction *action : window.menuBar()->actions()) {
            QVERIFY2(action->menu(), qPrintable(action->text()));
            QVERIFY2(!action->menu()->actions().isEmpty(), qPrintable(action->text()));
            titles << action->text();
        }
        QCOMPARE(titles, expected);

        auto *toolBar = window.findChild<QToolBar *>(u"mainToolBar"_s);
        QVERIFY(toolBar && toolBar->isVisible());
        QVERIFY(toolBar->actions().size() >= 3);
        QVERIFY(window.statusBar()->isVisible());

        // The inspector dock exists, is hidden by default and toggles from the View menu.
        auto *dock = window.findChild<QDockWidget *>(u"inspectorDock"_s);
        QVERIFY(dock);
        QVERIFY(!dock->isVisible());
        dock->toggleViewAction()->trigger();
        QVERIFY(dock->isVisible());
    }

    void progressAreaShowsAndHides()
    {
        Gui::MainWindow window(*m_settings, m_languages);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *progress = window.statusBar()->findChild<QProgressBar *>();
        QVERIFY(progress);
        QVERIFY(!progress->isVisible());
        window.showProgress(u"Downloading"_s, 3, 10);
        QVERIFY(progress->isVisible());
        QCOMPARE(progress->value(), 3);
        QCOMPARE(progress->maximum(), 10);
        window.hideProgress();
        QVERIFY(!progress->isVisible());
    }

    void emptyStateSaysWhatToDo()
    {
        {
            Gui::MainWindow window(*m_settings, m_languages);
            auto *title = window.findChild<QLabel *>(u"emptyStateTitle"_s);
            QCOMPARE(title->text(), u"No mail account yet"_s);
            auto *folders = window.findChild<QTreeView *>(u"folderTree"_s)->model();
            QCOMPARE(folders->rowCount(), 1); // Local Folders only
            QCOMPARE(window.findChild<QStackedWidget *>(u"messageListStack"_s)->currentWidget()->objectName(),
                     u"emptyStatePage"_s);
        }
        Types::AccountSettings account;
        account.host = u"mail.example.org"_s;
        account.user = u"alice"_s;
        m_settings->setAccount(account);
        Gui::MainWindow window(*m_settings, m_languages);
        QCOMPARE(window.findChild<QLabel *>(u"emptyStateTitle"_s)->text(), u"No messages yet"_s);
        QAbstractItemModel *folders = window.findChild<QTreeView *>(u"folderTree"_s)->model();
        QCOMPARE(folders->rowCount(), 2); // the account, then Local Folders
        QCOMPARE(folders->index(0, 0).data().toString(), u"alice@mail.example.org"_s);
        QVERIFY(folders->index(0, 0, folders->index(0, 0)).data().toString().startsWith(u"Inbox"_s));
        QCOMPARE(folders->rowCount(folders->index(1, 0)), 4); // Drafts, Outbox, Sent, Trash
        // The first account's Inbox is selected; empty, it says how to fill it. Get Mail is on.
        QCOMPARE(window.findChild<QStackedWidget *>(u"messageListStack"_s)->currentWidget()->objectName(),
                 u"emptyStatePage"_s);
        QVERIFY(window.findChild<QAction *>(u"actionGetMail"_s)->isEnabled());
    }

    void geometryAndSplittersAreRestored()
    {
        QList<int> mainSizes;
        QList<int> messageSizes;
        {
            Gui::MainWindow window(*m_settings, m_languages);
            window.resize(900, 640);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            auto *mainSplitter = window.findChild<QSplitter *>(u"mainSplitter"_s);
            auto *messageSplitter = window.findChild<QSplitter *>(u"messageSplitter"_s);
            mainSplitter->setSizes({310, 590});
            messageSplitter->setSizes({200, 400});
            mainSizes = mainSplitter->sizes();
            messageSizes = messageSplitter->sizes();
            window.close();
        }
        Client::SettingsStore reread(Common::Profile::at(m_dir->path()));
        QVERIFY(!reread.windowGeometry().isEmpty());
        Gui::MainWindow window(reread, m_languages);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.size(), QSize(900, 640));
        QCOMPARE(window.findChild<QSplitter *>(u"mainSplitter"_s)->sizes(), mainSizes);
        QCOMPARE(window.findChild<QSplitter *>(u"messageSplitter"_s)->sizes(), messageSizes);
    }

    void switchingLanguageRetranslatesTheWindow()
    {
        Gui::MainWindow window(*m_settings, m_languages);
        auto *fileMenu = window.findChild<QMenu *>(u"menuFile"_s);
        auto *title = window.findChild<QLabel *>(u"emptyStateTitle"_s);
        QCOMPARE(fileMenu->title(), u"&File"_s);
        m_languages.setLanguage(u"zh_CN"_s);
        QCOMPARE(m_languages.currentLanguage(), u"zh_CN"_s);
        // Qt posts LanguageChange to each window; it arrives on the next event loop pass.
        QTRY_COMPARE(fileMenu->title(), u"文件(&F)"_s);
        QVERIFY(title->text() != u"No mail account yet"_s);
        // Every menu and action is translated, not only the first one.
        for (QAction *action : window.findChildren<QAction *>()) {
            if (action->isSeparator() || action->text().isEmpty())
                continue;
            QVERIFY2(action->text().contains(QRegularExpression(u"\\p{Han}"_s)),
                     qPrintable(u"untranslated: "_s + action->text()));
        }
        m_languages.setLanguage(u"en"_s);
        QTRY_COMPARE(fileMenu->title(), u"&File"_s);
        QCOMPARE(title->text(), u"No mail account yet"_s);
    }

private:
    std::optional<QTemporaryDir> m_dir;
    std::optional<Client::SettingsStore> m_settings;
    Gui::LanguageManager m_languages;
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
