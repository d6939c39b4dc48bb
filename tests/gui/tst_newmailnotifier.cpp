// SPDX-License-Identifier: GPL-3.0-or-later
// New-mail notifications over a real D-Bus session bus (ctest runs this under
// dbus-run-session): a fake org.freedesktop.Notifications in this very process records the
// Notify calls and can press "Show", as a desktop's notification server would.
#include "gui/newmailnotifier.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMetaType>
#include <QSignalSpy>
#include <QSystemTrayIcon>
#include <QTest>
#include <QWidget>

using namespace Qt::StringLiterals;

namespace {

const QString kService = u"org.freedesktop.Notifications"_s;
const QString kPath = u"/org/freedesktop/Notifications"_s;

struct NotifyCall
{
    QString appName;
    uint replacesId = 0;
    QString appIcon;
    QString summary;
    QString body;
    QStringList actions;
    QVariantMap hints;
    int expireTimeout = 0;
};

} // namespace

// What a desktop's notification server exposes, with the parts Tidings uses.
class FakeNotificationServer : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")
public:
    QList<NotifyCall> calls;
    QStringList capabilities{u"body"_s, u"body-markup"_s, u"actions"_s};

public Q_SLOTS:
    QStringList GetCapabilities() { return capabilities; }
    uint Notify(const QString &appName, uint replacesId, const QString &appIcon,
                const QString &summary, const QString &body, const QStringList &actions,
                const QVariantMap &hints, int expireTimeout)
    {
        calls.append({appName, replacesId, appIcon, summary, body, actions, hints, expireTimeout});
        return replacesId ? replacesId : uint(40 + calls.size());
    }

Q_SIGNALS:
    void ActionInvoked(uint id, const QString &actionKey);
    void NotificationClosed(uint id, uint reason);
};

class TestNewMailNotifier : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QDBusConnection::sessionBus().isConnected(),
                 "needs a session bus: run under dbus-run-session (ctest does)");
    }

    // First, before any server exists: off, and no call leaves a trace.
    void withoutAServiceNotificationsAreOff()
    {
        QVERIFY(!QDBusConnection::sessionBus().interface()->isServiceRegistered(kService));
        Gui::NewMailNotifier notifier(nullptr);
        QSignalSpy availability(&notifier, &Gui::NewMailNotifier::notificationsAvailableChanged);
        notifier.setNotificationsEnabled(true);
        QTest::qWait(300); // the GetCapabilities error comes back
        QVERIFY(!notifier.notificationsAvailable());
        QCOMPARE(availability.count(), 0);
        notifier.notifyNewMail(2, {{u"a@example.test"_s, u"hello"_s}}); // must not crash or block
        QTest::qWait(100);
        QVERIFY(!notifier.notificationsAvailable());
    }

    void notifyCarriesCountSendersAndShow()
    {
        startServer();
        QWidget window;
        Gui::NewMailNotifier notifier(&window);
        notifier.setNotificationsEnabled(true);
        QTRY_VERIFY(notifier.notificationsAvailable());

        notifier.notifyNewMail(5, {{u"Alice <alice@example.test>"_s, u"Lunch <b>today</b>?"_s},
                                   {u"李雷"_s, u"周报"_s},
                                   {u"bob@example.test"_s, QString()},
                                   {u"never@shown.test"_s, u"fourth"_s}});
        QTRY_COMPARE(m_server->calls.size(), 1);
        QTRY_COMPARE(notifier.notificationId(), 41u);
        const NotifyCall call = m_server->calls.constFirst();
        QCOMPARE(call.appName, u"Tidings"_s);
        QCOMPARE(call.replacesId, 0u);
        QCOMPARE(call.appIcon, u"org.tidings.Tidings"_s);
        QCOMPARE(call.summary, u"5 new messages"_s);
        // The server renders markup: what the sender wrote stays text.
        QCOMPARE(call.body,
                 u"<b>Alice &lt;alice@example.test&gt;</b>: Lunch &lt;b&gt;today&lt;/b&gt;?\n"
                 "<b>李雷</b>: 周报\n"
                 "<b>bob@example.test</b>: (no subject)\n"
                 "and 2 more"_s);
        QCOMPARE(call.actions, (QStringList{u"default"_s, u"Show"_s, u"show"_s, u"Show"_s}));
        QCOMPARE(call.hints.value(u"desktop-entry"_s).toString(), u"org.tidings.Tidings"_s);
        QCOMPARE(call.hints.value(u"category"_s).toString(), u"email.arrived"_s);
        QCOMPARE(call.expireTimeout, -1);

        // The next notification replaces the one on screen.
        notifier.notifyNewMail(1, {{u"carol@example.test"_s, u"again"_s}});
        QTRY_COMPARE(m_server->calls.size(), 2);
        QCOMPARE(m_server->calls.at(1).replacesId, 41u);
        QCOMPARE(m_server->calls.at(1).summary, u"1 new message"_s);

        // "Show" on our notification raises the window; another id is not ours.
        QSignalSpy shown(&notifier, &Gui::NewMailNotifier::showRequested);
        Q_EMIT m_server->ActionInvoked(7, u"show"_s);
        Q_EMIT m_server->ActionInvoked(41, u"show"_s);
        QTRY_COMPARE(shown.count(), 1);
        QTRY_VERIFY(window.isVisible());
        Q_EMIT m_server->ActionInvoked(41, u"default"_s);
        QTRY_COMPARE(shown.count(), 2);

        // Once closed, the next one is a new notification.
        Q_EMIT m_server->NotificationClosed(41, 2);
        QTRY_COMPARE(notifier.notificationId(), 0u);
        notifier.notifyNewMail(3, {});
        QTRY_COMPARE(m_server->calls.size(), 3);
        QCOMPARE(m_server->calls.at(2).replacesId, 0u);
        QCOMPARE(m_server->calls.at(2).body, QString());
    }

    void disabledSendsNothing()
    {
        startServer();
        Gui::NewMailNotifier notifier(nullptr);
        notifier.notifyNewMail(3, {{u"a@example.test"_s, u"x"_s}});
        notifier.setNotificationsEnabled(true);
        notifier.setNotificationsEnabled(false);
        notifier.notifyNewMail(3, {{u"a@example.test"_s, u"x"_s}});
        QTest::qWait(300);
        QCOMPARE(m_server->calls.size(), 0);
    }

    void plainServerGetsPlainText()
    {
        startServer();
        m_server->capabilities = {u"body"_s};
        Gui::NewMailNotifier notifier(nullptr);
        notifier.setNotificationsEnabled(true);
        QTRY_VERIFY(notifier.notificationsAvailable());
        notifier.notifyNewMail(1, {{u"a&b@example.test"_s, u"1 < 2"_s}});
        QTRY_COMPARE(m_server->calls.size(), 1);
        QCOMPARE(m_server->calls.constFirst().body, u"a&b@example.test: 1 < 2"_s);
    }

    void trayShowsTheUnreadCount()
    {
        QCOMPARE(Gui::NewMailNotifier::unreadToolTip(0), u"Tidings: no unread messages"_s);
        QCOMPARE(Gui::NewMailNotifier::unreadToolTip(1), u"Tidings: 1 unread message"_s);
        QCOMPARE(Gui::NewMailNotifier::unreadToolTip(12), u"Tidings: 12 unread messages"_s);
        const QIcon base(u":/icons/tidings.svg"_s);
        QVERIFY(!base.isNull());
        const QImage plain = base.pixmap(32, 32).toImage().convertToFormat(QImage::Format_ARGB32);
        const QImage zero =
            Gui::NewMailNotifier::unreadIcon(base, 0).pixmap(32, 32).toImage().convertToFormat(
                QImage::Format_ARGB32);
        const QImage three =
            Gui::NewMailNotifier::unreadIcon(base, 3).pixmap(32, 32).toImage().convertToFormat(
                QImage::Format_ARGB32);
        QCOMPARE(zero, plain);
        // The badge sits in the bottom right corner: red there, the icon elsewhere unchanged.
        const QColor badge = three.pixelColor(27, 27);
        QVERIFY2(badge.red() > 150 && badge.green() < 120, qPrintable(badge.name()));
        QCOMPARE(three.pixelColor(4, 4), plain.pixelColor(4, 4));

        // No tray on this platform: enabled but not shown, the tooltip still follows.
        Gui::NewMailNotifier notifier(nullptr);
        notifier.setTrayIconEnabled(true);
        notifier.setUnreadCount(4);
        QCOMPARE(notifier.trayIconVisible(), QSystemTrayIcon::isSystemTrayAvailable());
        QCOMPARE(notifier.trayToolTip(), u"Tidings: 4 unread messages"_s);
    }

private:
    void startServer()
    {
        QDBusConnection bus = QDBusConnection::sessionBus();
        if (!m_server) {
            m_server = std::make_unique<FakeNotificationServer>();
            QVERIFY(bus.registerObject(kPath, m_server.get(),
                                       QDBusConnection::ExportAllSlots |
                                           QDBusConnection::ExportAllSignals));
            QVERIFY(bus.registerService(kService));
        }
        m_server->calls.clear();
        m_server->capabilities = {u"body"_s, u"body-markup"_s, u"actions"_s};
    }

    std::unique_ptr<FakeNotificationServer> m_server;
};

QTEST_MAIN(TestNewMailNotifier)
#include "tst_newmailnotifier.moc"
