// SPDX-License-Identifier: GPL-3.0-or-later
#include "newmailnotifier.h"

#include <QLocale>
#include <QMenu>
#include <QPainter>
#include <QSystemTrayIcon>
#include <QWidget>

#ifdef QT_DBUS_LIB
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#endif

using namespace Qt::StringLiterals;

namespace Gui {

namespace {

// org.freedesktop.Notifications, Desktop Notifications Specification 1.2.
const QString kService = u"org.freedesktop.Notifications"_s;
const QString kPath = u"/org/freedesktop/Notifications"_s;
const QString kInterface = u"org.freedesktop.Notifications"_s;
const QString kAppName = u"Tidings"_s;                  // a product name: not translated
const QString kDesktopEntry = u"org.tidings.Tidings"_s; // the icon and .desktop name installed
constexpr int kServerDefaultTimeout = -1;
constexpr uchar kNormalUrgency = 1;
constexpr int kShownMessages = 3;      // senders and subjects in the body
constexpr int kMaxFieldChars = 80;     // a subject longer than this is cut in the bubble
constexpr int kMaxBadgeCount = 99;     // "99+" beyond
constexpr int kBadgeNumberFromPx = 32; // smaller icons get a dot, a number would not read

QString cut(const QString &text)
{
    const QString line = text.simplified();
    return line.size() > kMaxFieldChars ? line.left(kMaxFieldChars - 1) + u'…' : line;
}

QPixmap badged(const QIcon &base, int size, int unread)
{
    QPixmap pixmap = base.pixmap(size, size);
    if (unread <= 0)
        return pixmap;
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    const qreal diameter = size * 0.55;
    const QRectF badge(size - diameter, size - diameter, diameter, diameter);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(0xd3, 0x2f, 0x2f));
    p.drawEllipse(badge);
    if (size >= kBadgeNumberFromPx) {
        const QString text =
            unread > kMaxBadgeCount ? u"%1+"_s.arg(kMaxBadgeCount) : QString::number(unread);
        QFont font = p.font();
        font.setBold(true);
        font.setPixelSize(int(diameter * (text.size() > 2 ? 0.4 : 0.55)));
        p.setFont(font);
        p.setPen(Qt::white);
        p.drawText(badge, Qt::AlignCenter, text);
    }
    return pixmap;
}

} // namespace

NewMailNotifier::NewMailNotifier(QWidget *window, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_baseIcon(u":/icons/tidings.svg"_s)
{}

NewMailNotifier::~NewMailNotifier() = default;

void NewMailNotifier::setNotificationsEnabled(bool on)
{
    m_notify = on;
    if (on)
        askCapabilities();
}

void NewMailNotifier::setTrayIconEnabled(bool on)
{
    m_trayWanted = on;
    updateTray();
}

bool NewMailNotifier::trayIconVisible() const
{
    return m_tray && m_tray->isVisible();
}

void NewMailNotifier::setUnreadCount(int unread)
{
    if (unread == m_unread)
        return;
    m_unread = qMax(0, unread);
    updateTray();
}

QString NewMailNotifier::unreadToolTip(int unread)
{
    // Singular and plural spelled out: there is no English translation file to pick plurals.
    if (unread <= 0)
        return tr("Tidings: no unread messages");
    return unread == 1 ? tr("Tidings: 1 unread message")
                       : tr("Tidings: %1 unread messages").arg(QLocale().toString(unread));
}

QIcon NewMailNotifier::unreadIcon(const QIcon &base, int unread)
{
    QIcon icon;
    for (const int size : {16, 22, 24, 32, 48, 64})
        icon.addPixmap(badged(base, size, unread));
    return icon;
}

QString NewMailNotifier::summaryText(int count)
{
    return count == 1 ? tr("1 new message") : tr("%1 new messages").arg(QLocale().toString(count));
}

QString NewMailNotifier::bodyText(int count, const QList<Message> &newest, bool markup)
{
    QStringList lines;
    for (const Message &m : newest.mid(0, kShownMessages)) {
        const QString subject = m.subject.trimmed().isEmpty() ? tr("(no subject)") : m.subject;
        QString sender = cut(m.sender);
        QString title = cut(subject);
        if (markup) { // a subject's "<img src=...>" must stay text, never fetch anything
            sender = sender.toHtmlEscaped();
            title = title.toHtmlEscaped();
        }
        lines << (markup ? u"<b>%1</b>: %2"_s : u"%1: %2"_s).arg(sender, title);
    }
    const int more = count - int(lines.size());
    if (more > 0 && !lines.isEmpty())
        lines << tr("and %1 more").arg(QLocale().toString(more));
    return lines.join(u'\n');
}

void NewMailNotifier::notifyNewMail(int count, const QList<Message> &newest)
{
    if (count <= 0)
        return;
#ifdef QT_DBUS_LIB
    if (!m_notify)
        return;
    const bool markup = m_capabilities.contains(u"body-markup"_s) || m_capabilities.isEmpty();
    QDBusMessage call = QDBusMessage::createMethodCall(kService, kPath, kInterface, u"Notify"_s);
    const QVariantMap hints{
        {u"desktop-entry"_s, kDesktopEntry},
        {u"category"_s, u"email.arrived"_s},
        {u"urgency"_s, QVariant::fromValue(kNormalUrgency)},
    };
    // "default" is a click on the bubble; "show" a button where the server draws buttons.
    const QStringList actions{u"default"_s, tr("Show"), u"show"_s, tr("Show")};
    call << kAppName << m_shownId << kDesktopEntry << summaryText(count)
         << bodyText(count, newest, markup) << actions << hints << kServerDefaultTimeout;
    auto *watcher =
        new QDBusPendingCallWatcher(QDBusConnection::sessionBus().asyncCall(call), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this](QDBusPendingCallWatcher *w) {
        w->deleteLater();
        const QDBusPendingReply<uint> reply = *w;
        if (reply.isError()) {
            setAvailable(false);
            return;
        }
        m_shownId = reply.value();
        setAvailable(true);
    });
#else
    if (m_notify && trayIconVisible())
        m_tray->showMessage(summaryText(count), bodyText(count, newest, false));
#endif
}

void NewMailNotifier::askCapabilities()
{
#ifdef QT_DBUS_LIB
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        setAvailable(false);
        return;
    }
    if (!m_connectedToService) {
        m_connectedToService = true;
        bus.connect(kService, kPath, kInterface, u"ActionInvoked"_s, this,
                    SLOT(onActionInvoked(uint, QString)));
        bus.connect(kService, kPath, kInterface, u"NotificationClosed"_s, this,
                    SLOT(onNotificationClosed(uint, uint)));
    }
    // Asynchronous: a missing or slow service never holds up the window. The call also starts
    // a service that is activatable.
    const QDBusMessage call =
        QDBusMessage::createMethodCall(kService, kPath, kInterface, u"GetCapabilities"_s);
    auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(call), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this](QDBusPendingCallWatcher *w) {
        w->deleteLater();
        const QDBusPendingReply<QStringList> reply = *w;
        m_capabilities = reply.isError() ? QStringList() : reply.value();
        setAvailable(!reply.isError());
    });
#else
    setAvailable(QSystemTrayIcon::supportsMessages());
#endif
}

void NewMailNotifier::setAvailable(bool available)
{
    if (available == m_available)
        return;
    m_available = available;
    Q_EMIT notificationsAvailableChanged(available);
}

void NewMailNotifier::onActionInvoked(uint id, const QString &action)
{
    if (id != m_shownId || (action != u"default"_s && action != u"show"_s))
        return; // another application's notification, or an older one of ours
    raiseWindow();
}

void NewMailNotifier::onNotificationClosed(uint id, uint)
{
    if (id == m_shownId)
        m_shownId = 0; // the next one is new, not a replacement
}

void NewMailNotifier::updateTray()
{
    const bool want = m_trayWanted && QSystemTrayIcon::isSystemTrayAvailable();
    if (!want) {
        delete m_tray;
        m_tray = nullptr;
        m_trayMenu.reset();
        return;
    }
    if (!m_tray) {
        m_tray = new QSystemTrayIcon(this);
        m_trayMenu = std::make_unique<QMenu>();
        m_trayMenu->addAction(tr("&Show Tidings"), this, &NewMailNotifier::raiseWindow);
        m_tray->setContextMenu(m_trayMenu.get());
        connect(m_tray, &QSystemTrayIcon::activated, this,
                [this](QSystemTrayIcon::ActivationReason reason) {
                    if (reason == QSystemTrayIcon::Trigger ||
                        reason == QSystemTrayIcon::DoubleClick)
                        raiseWindow();
                });
    }
    m_tray->setIcon(unreadIcon(m_baseIcon, m_unread));
    m_tray->setToolTip(unreadToolTip(m_unread));
    m_tray->show();
}

void NewMailNotifier::raiseWindow()
{
    if (m_window) {
        if (m_window->isMinimized())
            m_window->showNormal();
        else
            m_window->show();
        m_window->raise();
        m_window->activateWindow();
    }
    Q_EMIT showRequested();
}

} // namespace Gui
