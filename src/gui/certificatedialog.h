// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client/syncoutcome.h"

#include <QDialog>

class QPushButton;

namespace Gui {

enum class CertificateValidity { Valid, Expired, NotYetValid };

// Whether `now` lies within the certificate's validity period.
CertificateValidity certificateValidity(const QSslCertificate &certificate, const QDateTime &now);
// A SHA-256 fingerprint as colon-separated upper-case hex in two lines of 16 bytes. Takes the
// raw digest or its hex text (with or without colons).
QString fingerprintText(const QByteArray &sha256);

// Asks whether to trust a server certificate that TLS did not accept (or that differs from the
// one trusted before): what it is, why it was refused, and its fingerprint to compare with what
// the provider publishes. Cancel is the default. The caller persists the decision
// (SyncController::answerCertificate); this dialog only asks.
class CertificateDialog : public QDialog
{
    Q_OBJECT
public:
    explicit CertificateDialog(const Client::CertificateQuestion &question,
                               QWidget *parent = nullptr);
    ~CertificateDialog() override;

    const Client::CertificateQuestion &question() const { return m_question; }
    // The certificate differs from the one trusted before at this host and port.
    bool isChange() const { return !m_question.pinnedSha256.isEmpty(); }
    // After the dialog closed: the user chose "Trust This Certificate".
    bool trusted() const { return result() == QDialog::Accepted; }

    // Shows the dialog modally and returns the decision.
    static bool ask(const Client::CertificateQuestion &question, QWidget *parent);

private:
    void build();

    Client::CertificateQuestion m_question;
    QPushButton *m_trustButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
};

} // namespace Gui
