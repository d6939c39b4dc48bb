// SPDX-License-Identifier: GPL-3.0-or-later
#include "certificatedialog.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Gui {

namespace {

constexpr int kSha256Bytes = 32;
constexpr int kFingerprintBytesPerLine = 16;
constexpr int kIconSize = 48;
constexpr int kDialogWidthChars = 80;
// Colours that read on light and dark palettes alike, as the JWT banner's.
const QString kAlarmStyle = u"color: #b71c1c; font-weight: bold;"_s;
const QString kChangedStyle =
    u"background: #fdecea; color: #7f1d1d; border: 1px solid #e57373; padding: 8px;"_s;

QString dateText(const QDateTime &when)
{
    // ISO order and a 4-digit year: no reading 01/02/03 three ways when deciding on trust.
    return when.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s);
}

// "CN (O, OU)" from a subject or issuer.
QString nameText(const QStringList &common, const QStringList &organisation,
                 const QStringList &unit)
{
    const QString cn = common.join(u", "_s);
    const QStringList rest = organisation + unit;
    if (cn.isEmpty())
        return rest.join(u", "_s);
    return rest.isEmpty() ? cn : u"%1 (%2)"_s.arg(cn, rest.join(u", "_s));
}

QLabel *valueLabel(const QString &text, const QString &accessibleName, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setTextFormat(Qt::PlainText); // a certificate's names are the server's words
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setAccessibleName(accessibleName);
    return label;
}

QLabel *fingerprintLabel(const QByteArray &sha256, const QString &accessibleName, QWidget *parent)
{
    auto *label = valueLabel(fingerprintText(sha256), accessibleName, parent);
    label->setWordWrap(false);
    label->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    // Reachable and selectable from the keyboard: it is what the user compares and copies.
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    label->setFocusPolicy(Qt::StrongFocus);
    return label;
}

} // namespace

CertificateValidity certificateValidity(const QSslCertificate &certificate, const QDateTime &now)
{
    if (now < certificate.effectiveDate())
        return CertificateValidity::NotYetValid;
    if (now > certificate.expiryDate())
        return CertificateValidity::Expired;
    return CertificateValidity::Valid;
}

QString fingerprintText(const QByteArray &sha256)
{
    QByteArray raw = sha256;
    if (raw.size() != kSha256Bytes) // hex text, as the settings file keeps it
        raw = QByteArray::fromHex(QByteArray(sha256).replace(':', QByteArray()));
    QStringList lines;
    for (qsizetype at = 0; at < raw.size(); at += kFingerprintBytesPerLine)
        lines << QString::fromLatin1(raw.mid(at, kFingerprintBytesPerLine).toHex(':').toUpper());
    return lines.join(u'\n');
}

CertificateDialog::CertificateDialog(const Client::CertificateQuestion &question, QWidget *parent)
    : QDialog(parent)
    , m_question(question)
{
    build();
}

CertificateDialog::~CertificateDialog() = default;

bool CertificateDialog::ask(const Client::CertificateQuestion &question, QWidget *parent)
{
    CertificateDialog dialog(question, parent);
    return dialog.exec() == QDialog::Accepted;
}

void CertificateDialog::build()
{
    const QSslCertificate &cert = m_question.certificate;
    const QString server = tr("%1, port %2").arg(m_question.host).arg(m_question.port);
    setWindowTitle(isChange() ? tr("Certificate Changed") : tr("Untrusted Certificate"));
    setAccessibleName(windowTitle());
    setWindowModality(Qt::WindowModal);

    auto *root = new QVBoxLayout(this);

    auto *top = new QHBoxLayout;
    auto *icon = new QLabel(this);
    icon->setPixmap(style()
                        ->standardIcon(isChange() ? QStyle::SP_MessageBoxCritical
                                                  : QStyle::SP_MessageBoxWarning)
                        .pixmap(kIconSize, kIconSize));
    icon->setAlignment(Qt::AlignTop);
    top->addWidget(icon);
    auto *headline = new QLabel(this);
    headline->setObjectName(u"headline"_s);
    headline->setTextFormat(Qt::PlainText);
    headline->setWordWrap(true);
    QFont big = headline->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.2);
    headline->setFont(big);
    headline->setText(
        isChange() ? tr("The certificate of %1 has CHANGED since you trusted it.").arg(server)
                   : tr("The certificate of %1 is not trusted.").arg(server));
    top->addWidget(headline, 1);
    root->addLayout(top);

    auto *warning = new QLabel(this);
    warning->setObjectName(u"warningLabel"_s);
    warning->setTextFormat(Qt::PlainText);
    warning->setWordWrap(true);
    if (isChange()) {
        warning->setText(
            tr("This server showed a different certificate before. Servers change certificates "
               "when they renew them, but this is also exactly what you would see if someone "
               "were intercepting the connection to read your password and mail. Trust the new "
               "certificate only if your provider confirms the change, for example by publishing "
               "its fingerprint."));
        warning->setStyleSheet(kChangedStyle);
    } else {
        warning->setText(tr("Tidings cannot confirm that it is really talking to this server. "
                            "Trust the certificate only if you know it is the right one, for "
                            "example by comparing its fingerprint with the one your provider "
                            "publishes."));
    }
    warning->setAccessibleName(tr("Warning"));
    root->addWidget(warning);

    auto *problems = new QLabel(this);
    problems->setObjectName(u"problemsLabel"_s);
    problems->setWordWrap(true);
    problems->setTextFormat(Qt::RichText);
    // Bullets as text, not <ul>: a list's indentation and spacing vary with the style.
    QStringList items = m_question.problems;
    if (items.isEmpty() && isChange())
        items << tr("The system accepts this certificate, but it is not the one you trusted "
                    "for this server.");
    QString problemLines;
    for (const QString &p : items)
        problemLines += u"<br>• "_s + p.toHtmlEscaped();
    problems->setText(u"<b>%1</b>%2"_s.arg(tr("Problems found:").toHtmlEscaped(), problemLines));
    problems->setAccessibleName(tr("Problems found"));
    problems->setVisible(!items.isEmpty());
    root->addWidget(problems);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto addRow = [&](const QString &label, QLabel *value, const QString &objectName) {
        value->setObjectName(objectName);
        form->addRow(label, value);
    };
    addRow(tr("Issued to:"),
           valueLabel(nameText(cert.subjectInfo(QSslCertificate::CommonName),
                               cert.subjectInfo(QSslCertificate::Organization),
                               cert.subjectInfo(QSslCertificate::OrganizationalUnitName)),
                      tr("Issued to"), this),
           u"subjectValue"_s);
    const auto alternatives = cert.subjectAlternativeNames();
    QStringList names =
        alternatives.values(QSsl::DnsEntry) + alternatives.values(QSsl::IpAddressEntry);
    std::reverse(names.begin(), names.end()); // a QMultiMap gives the last inserted first
    if (!names.isEmpty())
        addRow(tr("Names:"), valueLabel(names.join(u", "_s), tr("Names"), this), u"namesValue"_s);
    addRow(tr("Issued by:"),
           valueLabel(nameText(cert.issuerInfo(QSslCertificate::CommonName),
                               cert.issuerInfo(QSslCertificate::Organization),
                               cert.issuerInfo(QSslCertificate::OrganizationalUnitName)),
                      tr("Issued by"), this),
           u"issuerValue"_s);

    const CertificateValidity validity = certificateValidity(cert, QDateTime::currentDateTimeUtc());
    auto *from = valueLabel(dateText(cert.effectiveDate()), tr("Valid from"), this);
    auto *until = valueLabel(dateText(cert.expiryDate()), tr("Valid until"), this);
    if (validity == CertificateValidity::NotYetValid) {
        from->setText(tr("%1 (not valid yet)").arg(from->text()));
        from->setStyleSheet(kAlarmStyle);
    } else if (validity == CertificateValidity::Expired) {
        until->setText(tr("%1 (expired)").arg(until->text()));
        until->setStyleSheet(kAlarmStyle);
    }
    from->setProperty("alarm", validity == CertificateValidity::NotYetValid);
    until->setProperty("alarm", validity == CertificateValidity::Expired);
    addRow(tr("Valid from:"), from, u"validFromValue"_s);
    addRow(tr("Valid until:"), until, u"validUntilValue"_s);

    QLabel *previous = nullptr;
    if (isChange()) {
        previous = fingerprintLabel(m_question.pinnedSha256,
                                    tr("SHA-256 fingerprint trusted before"), this);
        addRow(tr("Trusted before (SHA-256):"), previous, u"previousFingerprintValue"_s);
    }
    auto *current = fingerprintLabel(
        cert.digest(QCryptographicHash::Sha256),
        isChange() ? tr("SHA-256 fingerprint shown now") : tr("SHA-256 fingerprint"), this);
    addRow(isChange() ? tr("Shown now (SHA-256):") : tr("SHA-256 fingerprint:"), current,
           u"fingerprintValue"_s);
    if (isChange())
        current->setStyleSheet(kAlarmStyle);
    root->addLayout(form);
    root->addStretch(1);

    auto *buttons = new QDialogButtonBox(this);
    m_trustButton = buttons->addButton(tr("&Trust This Certificate"), QDialogButtonBox::AcceptRole);
    m_trustButton->setObjectName(u"trustButton"_s);
    m_trustButton->setAccessibleName(tr("Trust this certificate"));
    m_trustButton->setAutoDefault(false); // Enter never trusts by accident
    m_cancelButton = buttons->addButton(QDialogButtonBox::Cancel);
    m_cancelButton->setObjectName(u"cancelButton"_s);
    m_cancelButton->setAccessibleName(tr("Cancel"));
    m_cancelButton->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    root->addWidget(buttons);

    // The fingerprints (to select and copy), then the buttons in the order they are shown.
    if (previous)
        setTabOrder(previous, current);
    setTabOrder(current, buttons);
    m_cancelButton->setFocus();
    // Wide enough for a fingerprint line and the warning in a few lines.
    setMinimumWidth(fontMetrics().averageCharWidth() * kDialogWidthChars);
}

} // namespace Gui
