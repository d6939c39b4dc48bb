// SPDX-License-Identifier: GPL-3.0-or-later
#include "syncerrortext.h"

#include <QCoreApplication>

namespace Gui {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Gui::SyncError", text);
}
} // namespace

QString syncErrorText(const Client::SyncError &error, const QString &accountName)
{
    using Kind = Client::SyncErrorKind;
    QString what;
    switch (error.kind) {
    case Kind::None:
        return {};
    case Kind::Authentication:
        what = tr("The server refused the user name or password.");
        break;
    case Kind::Certificate:
        what = tr("The server's certificate is not trusted.");
        break;
    case Kind::NoUidl:
        what = tr("The server cannot list message IDs (UIDL), so mail cannot be downloaded safely.");
        break;
    case Kind::Timeout:
        what = tr("The server stopped answering.");
        break;
    case Kind::Cancelled:
        what = tr("Cancelled.");
        break;
    case Kind::DiskFull:
        what = tr("There is not enough disk space for the new mail.");
        break;
    case Kind::Protocol:
        what = tr("The server's answer could not be understood.");
        break;
    case Kind::Connection:
        what = tr("Cannot connect to the server, or the connection broke.");
        break;
    case Kind::ServerError:
        what = tr("The server reported an error.");
        break;
    case Kind::Password:
        what = tr("No password was given.");
        break;
    case Kind::Store:
        what = tr("The local mail store could not be written.");
        break;
    }
    QString text = QCoreApplication::translate("Gui::SyncError", "%1: %2").arg(accountName, what);
    if (!error.serverText.isEmpty())
        text += u' ' + QCoreApplication::translate("Gui::SyncError", "The server said: “%1”").arg(error.serverText);
    return text;
}

} // namespace Gui
