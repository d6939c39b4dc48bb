// SPDX-License-Identifier: GPL-3.0-or-later
// The protocol log window over a temporary store: the recorded log of the chosen account,
// then the lines of a running sync as they come, never another account's.
#include "client/protocollogfeed.h"
#include "client/settingsstore.h"
#include "client/synccontroller.h"
#include "gui/protocollogwindow.h"

#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QGuiApplication>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
// The log's lines start with an ISO time ("2026-11-30T10:00:00.000Z "): compare what follows.
QString withoutTimes(const QString &text)
{
    static const QRegularExpression time(u"^\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z "_s, QRegularExpression::MultilineOption);
    return QString(text).remove(time);
}
} // namespace

class TestProtocolLogWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.emplace().isValid());
        m_settings.emplace(Common::Profile::at(m_dir->path()));
        m_store = m_dir->filePath(u"store"_s);
        m_controller = std::make_unique<Client::SyncController>(*m_settings);
        record(u"home"_s, u"2026-11-30T10:00:00.000Z S: +OK Dovecot ready.\n"
                          "2026-11-30T10:00:00.010Z C: USER bob\n"_s);
        record(u"work"_s, u"2026-11-30T11:00:00.000Z S: +OK work server\n"_s);
    }
    void cleanup()
    {
        m_controller.reset();
        m_settings.reset();
    }

    void showsTheRecordedLogOfTheChosenAccount()
    {
        Gui::ProtocolLogWindow window(m_store);
        window.setAccounts(accounts());
        QCOMPARE(window.currentAccountId(), u"home"_s);
        QCOMPARE(window.text(), u"2026-11-30T10:00:00.000Z S: +OK Dovecot ready.\n"
                                "2026-11-30T10:00:00.010Z C: USER bob"_s);
        auto *combo = window.findChild<QComboBox *>(u"accountCombo"_s);
        QCOMPARE(combo->count(), 2);
        QCOMPARE(combo->itemText(1), u"Work (alice@pop.work.test)"_s);
        combo->setCurrentIndex(1);
        QCOMPARE(window.text(), u"2026-11-30T11:00:00.000Z S: +OK work server"_s);
        // A new account list keeps the shown account.
        window.setAccounts(accounts());
        QCOMPARE(window.currentAccountId(), u"work"_s);
    }

    void linesOfARunningSyncShowUpLive()
    {
        Gui::ProtocolLogWindow window(m_store);
        window.setAccounts(accounts());
        window.follow(m_controller.get());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        // What the controller emits as its worker records each line.
        Q_EMIT m_controller->protocolLine(u"home"_s, u"C: STAT"_s);
        Q_EMIT m_controller->protocolLine(u"work"_s, u"C: USER alice"_s); // another account
        Q_EMIT m_controller->protocolLine(u"home"_s, u"S: +OK 2 320"_s);
        // Live lines carry the time they were seen, like the recorded ones.
        QVERIFY2(withoutTimes(window.text()).endsWith(u"C: USER bob\nC: STAT\nS: +OK 2 320"_s), qPrintable(window.text()));
        QVERIFY(!window.text().contains(u"alice"_s));

        // After switching, the new account's lines follow, the old one's no longer.
        window.showAccount(u"work"_s);
        Q_EMIT m_controller->protocolLine(u"home"_s, u"C: QUIT"_s);
        Q_EMIT m_controller->protocolLine(u"work"_s, u"C: LIST"_s);
        QCOMPARE(withoutTimes(window.text()), u"S: +OK work server\nC: LIST"_s);
    }

    void longLogFollowsTheEndOnlyWhenTheReaderIsThere()
    {
        QString many;
        for (int i = 0; i < 500; ++i)
            many += u"2026-11-30T10:00:00.000Z C: RETR %1\n"_s.arg(i);
        record(u"home"_s, many);
        Gui::ProtocolLogWindow window(m_store);
        window.setAccounts(accounts());
        window.follow(m_controller.get());
        window.resize(600, 300);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *view = window.findChild<QPlainTextEdit *>(u"logView"_s);
        auto *bar = view->verticalScrollBar();
        QVERIFY(bar->maximum() > 0);
        QCOMPARE(bar->value(), bar->maximum());
        Q_EMIT m_controller->protocolLine(u"home"_s, u"C: RETR 500"_s);
        QCOMPARE(bar->value(), bar->maximum());
        bar->setValue(0); // reading back
        Q_EMIT m_controller->protocolLine(u"home"_s, u"C: RETR 501"_s);
        QCOMPARE(bar->value(), 0);
    }

    void copyAllAndClearView()
    {
        Gui::ProtocolLogWindow window(m_store);
        window.setAccounts(accounts());
        window.findChild<QPushButton *>(u"copyAllButton"_s)->click();
        QCOMPARE(QGuiApplication::clipboard()->text(), window.text());
        QVERIFY(!window.text().isEmpty());
        window.findChild<QPushButton *>(u"clearButton"_s)->click();
        QVERIFY(window.text().isEmpty());
        // The file is kept: reopening the account shows it again.
        window.showAccount(u"work"_s);
        window.showAccount(u"home"_s);
        QVERIFY(window.text().contains(u"Dovecot ready"_s));
    }

private:
    void record(const QString &accountId, const QString &lines)
    {
        const QString path = Client::ProtocolLogFeed::path(m_store, accountId);
        QFile file(path);
        QVERIFY2(file.open(QIODevice::WriteOnly | QIODevice::Append), qPrintable(path));
        file.write(lines.toUtf8());
    }
    static QList<Types::AccountSettings> accounts()
    {
        Types::AccountSettings home;
        home.id = u"home"_s;
        home.user = u"bob"_s;
        home.host = u"pop.home.test"_s;
        Types::AccountSettings work;
        work.id = u"work"_s;
        work.name = u"Work"_s;
        work.user = u"alice"_s;
        work.host = u"pop.work.test"_s;
        return {home, work};
    }

    std::optional<QTemporaryDir> m_dir;
    std::optional<Client::SettingsStore> m_settings;
    std::unique_ptr<Client::SyncController> m_controller;
    QString m_store;
};

QTEST_MAIN(TestProtocolLogWindow)
#include "tst_protocollogwindow.moc"
