// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIcon>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <memory>

class QMenu;
class QSystemTrayIcon;
class QWidget;

namespace Gui {

// Tells the user about new mail outside the window: a desktop notification (freedesktop
// Notifications over D-Bus, "Show" raises the window) and a tray icon with the unread count.
// Both are optional (Preferences) and quietly off where the desktop has no notification
// service or no tray.
class NewMailNotifier : public QObject
{
    Q_OBJECT
public:
    struct Message
    {
        QString sender;
        QString subject;
    };

    // window: what "Show" raises (may be null: only showRequested() is emitted).
    explicit NewMailNotifier(QWidget *window, QObject *parent = nullptr);
    ~NewMailNotifier() override;

    void setNotificationsEnabled(bool on);
    bool notificationsEnabled() const { return m_notify; }
    // A notification service answered on the session bus (false until it has, and when none).
    bool notificationsAvailable() const { return m_available; }

    void setTrayIconEnabled(bool on);
    bool trayIconEnabled() const { return m_trayWanted; }
    // Enabled and the desktop has a tray to put it in.
    bool trayIconVisible() const;
    QString trayToolTip() const { return unreadToolTip(m_unread); }

    void setUnreadCount(int unread);
    int unreadCount() const { return m_unread; }
    // `count` messages arrived; `newest` are the first few, newest first, for the body.
    void notifyNewMail(int count, const QList<Message> &newest);
    // The server's id of our notification on screen (the next one replaces it); 0 when none.
    uint notificationId() const { return m_shownId; }

    static QString unreadToolTip(int unread);
    // The application icon with the unread count drawn on it (the icon itself at 0).
    static QIcon unreadIcon(const QIcon &base, int unread);
    // The notification's summary and body (markup: the server renders <b> and the like, so
    // senders and subjects are escaped).
    static QString summaryText(int count);
    static QString bodyText(int count, const QList<Message> &newest, bool markup);

Q_SIGNALS:
    // The user asked to see the mail (the notification's Show, a click on the tray icon).
    void showRequested();
    void notificationsAvailableChanged(bool available);

private Q_SLOTS:
    // Signals of the notification service (connected by name over D-Bus).
    void onActionInvoked(uint id, const QString &action);
    void onNotificationClosed(uint id, uint reason);

private:
    void askCapabilities();
    void setAvailable(bool available);
    void updateTray();
    void raiseWindow();

    QPointer<QWidget> m_window;
    bool m_notify = false;
    bool m_available = false;
    bool m_connectedToService = false;
    QStringList m_capabilities;
    uint m_shownId = 0; // the notification on screen, replaced by the next one
    bool m_trayWanted = false;
    int m_unread = 0;
    QIcon m_baseIcon;
    QSystemTrayIcon *m_tray = nullptr;
    std::unique_ptr<QMenu> m_trayMenu;
};

} // namespace Gui
