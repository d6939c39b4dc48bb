// SPDX-License-Identifier: GPL-3.0-or-later
#include "senderrortext.h"

#include <QCoreApplication>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace Gui {

QString sendErrorSummary(const Client::SendError &error)
{
    using Kind = Client::SendErrorKind;
    QString what;
    switch (error.kind) {
    case Kind::None: return {};
    case Kind::Connection: what = QCoreApplication::translate("Gui::SendError", "Cannot connect to the outgoing server, or the connection broke."); break;
    case Kind::Certificate: what = QCoreApplication::translate("Gui::SendError", "The outgoing server's certificate is not trusted."); break;
    case Kind::StartTlsRefused:
        what = QCoreApplication::translate("Gui::SendError", "The outgoing server does not offer encryption (STARTTLS), so nothing was sent.");
        break;
    case Kind::Authentication: what = QCoreApplication::translate("Gui::SendError", "The outgoing server refused the user name or password."); break;
    case Kind::NoSecureAuth:
        what = QCoreApplication::translate("Gui::SendError", "The outgoing server offers no login method that keeps the password safe here.");
        break;
    case Kind::Timeout: what = QCoreApplication::translate("Gui::SendError", "The outgoing server stopped answering."); break;
    case Kind::Cancelled: what = QCoreApplication::translate("Gui::SendError", "Sending was cancelled."); break;
    case Kind::SenderRefused: what = QCoreApplication::translate("Gui::SendError", "The outgoing server refused the sender address."); break;
    case Kind::RecipientsRefused:
        what = error.refused.size() == 1
                   ? QCoreApplication::translate("Gui::SendError", "The outgoing server refused a recipient, so the message was not sent.")
                   : QCoreApplication::translate("Gui::SendError", "The outgoing server refused some recipients, so the message was not sent.");
        break;
    case Kind::MessageRefused: what = QCoreApplication::translate("Gui::SendError", "The outgoing server refused the message."); break;
    case Kind::Protocol: what = QCoreApplication::translate("Gui::SendError", "The outgoing server's answer could not be understood."); break;
    case Kind::Message: what = QCoreApplication::translate("Gui::SendError", "The message cannot be read, or it has no sender or recipient."); break;
    case Kind::Password: what = QCoreApplication::translate("Gui::SendError", "No password was given for the outgoing server."); break;
    case Kind::Store: what = QCoreApplication::translate("Gui::SendError", "The local mail store could not be written."); break;
    case Kind::Interrupted:
        what = QCoreApplication::translate("Gui::SendError", "Tidings stopped while the message was being sent; it may have gone. Retry sends it again.");
        break;
    }
    return what;
}

QString sendErrorText(const Client::SendError &error)
{
    QString what = sendErrorSummary(error);
    if (!error.refused.isEmpty()) {
        QStringList each;
        for (const Client::SendRefusal &r : error.refused)
            each << QCoreApplication::translate("Gui::SendError", "%1: “%2”").arg(r.address, r.text);
        return what + u' ' + each.join(u"; "_s);
    }
    if (!error.serverText.isEmpty())
        what += u' ' + QCoreApplication::translate("Gui::SendError", "The server said: “%1”").arg(error.serverText);
    return what;
}

} // namespace Gui
