// SPDX-License-Identifier: GPL-3.0-or-later
#include "syncerrortext.h"

#include <QCoreApplication>

namespace Gui {

QString syncErrorText(const Client::SyncError &error, const QString &accountName)
{
    using Kind = Client::SyncErrorKind;
    QString what;
    switch (error.kind) {
    case Kind::None:
        return {};
    case Kind::Authentication:
        what = QCoreApplication::translate("Gui::SyncError", "The server refused the user name or password.");
        break;
    case Kind::Certificate:
        what = QCoreApplication::translate("Gui::SyncError", "The server's certificate is not trusted.");
        break;
    case Kind::NoUidl:
        what = QCoreApplication::translate("Gui::SyncError", "The server cannot list message IDs (UIDL), so mail cannot be downloaded safely.");
        break;
    case Kind::Timeout:
        what = QCoreApplication::translate("Gui::SyncError", "The server stopped answering.");
        break;
    case Kind::Cancelled:
        what = QCoreApplication::translate("Gui::SyncError", "Cancelled.");
        break;
    case Kind::DiskFull:
        what = QCoreApplication::translate("Gui::SyncError", "There is not enough disk space for the new mail.");
        break;
    case Kind::Protocol:
        what = QCoreApplication::translate("Gui::SyncError", "The server's answer could not be understood.");
        break;
    case Kind::Connection:
        what = QCoreApplication::translate("Gui::SyncError", "Cannot connect to the server, or the connection broke.");
        break;
    case Kind::ServerError:
        what = QCoreApplication::translate("Gui::SyncError", "The server reported an error.");
        break;
    case Kind::Password:
        what = QCoreApplication::translate("Gui::SyncError", "No password was given.");
        break;
    case Kind::Store:
        what = QCoreApplication::translate("Gui::SyncError", "The local mail store could not be written.");
        break;
    }
    QString text = QCoreApplication::translate("Gui::SyncError", "%1: %2").arg(accountName, what);
    if (!error.serverText.isEmpty())
        text += u' ' + QCoreApplication::translate("Gui::SyncError", "The server said: “%1”").arg(error.serverText);
    return text;
}

} // namespace Gui
