// SPDX-License-Identifier: GPL-3.0-or-later
#include "logindialog.h"

#include "client/secretstore.h"
#include "client/settingsstore.h"
#include "ui_logindialog.h"

#include <QCryptographicHash>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace Gui {

LoginDialog::LoginDialog(Client::Session &session, Client::SettingsStore &settings, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::LoginDialog>())
    , m_session(session)
    , m_settings(settings)
    , m_secrets(new Client::SecretStore(&session)) // outlives the dialog: a keyring write may still run
{
    m_ui->setupUi(this);
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("Log In"));
    m_ui->hostEdit->setMinimumWidth(fontMetrics().averageCharWidth() * 28);
    m_ui->progress->hide();
    m_ui->trustButton->hide();
    m_ui->message->hide();

    const auto server = settings.authServer();
    m_ui->hostEdit->setText(server.host);
    m_ui->portSpin->setValue(server.port);
    m_ui->tlsCheck->setChecked(server.tls);
    m_ui->userEdit->setText(server.user);
    m_ui->rememberCheck->setChecked(server.rememberPassword);
    m_ui->staySignedInCheck->setChecked(server.staySignedIn);
    m_ui->plainWarning->setStyleSheet(u"color: #b71c1c;"_s);
    m_ui->plainWarning->setVisible(!server.tls);
    connect(m_ui->tlsCheck, &QCheckBox::toggled, this, [this](bool tls) {
        if (m_ui->portSpin->value() == (tls ? 7788 : 7789))
            m_ui->portSpin->setValue(tls ? 7789 : 7788);
        m_ui->plainWarning->setVisible(!tls); // said where the choice is made, not after the fact
    });
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &LoginDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &LoginDialog::reject);
    connect(m_ui->trustButton, &QPushButton::clicked, this, [this] {
        m_session.trustCertificate(m_untrusted);
        m_ui->trustButton->hide();
        submit();
    });
    connect(&m_session, &Client::Session::loginFailed, this, &LoginDialog::showFailure);
    connect(&m_session, &Client::Session::signedIn, this, &LoginDialog::handleSignedIn);

    // A remembered password comes from the keyring, asynchronously.
    if (server.rememberPassword && !server.user.isEmpty() && !server.host.isEmpty()) {
        connect(m_secrets, &Client::SecretStore::readFinished, this, [this](const QString &, const QString &secret) {
            if (m_ui->passwordEdit->text().isEmpty())
                m_ui->passwordEdit->setText(secret);
            focusFirstEmpty();
        });
        m_secrets->read(Client::SecretStore::authKey(server.user, server.host, server.port));
    }
    focusFirstEmpty();
}

LoginDialog::~LoginDialog()
{
    // Finish any keyring job first, then go.
    connect(m_secrets, &Client::SecretStore::writeFinished, m_secrets, &QObject::deleteLater);
    connect(m_secrets, &Client::SecretStore::removeFinished, m_secrets, &QObject::deleteLater);
    if (!m_pendingSecretJob)
        m_secrets->deleteLater();
}

void LoginDialog::focusFirstEmpty()
{
    for (QLineEdit *edit : {m_ui->hostEdit, m_ui->userEdit, m_ui->passwordEdit})
        if (edit->text().isEmpty()) {
            edit->setFocus();
            return;
        }
    m_ui->passwordEdit->setFocus();
}

void LoginDialog::accept()
{
    if (!m_busy)
        submit(); // Enter submits; the dialog closes only when signed in
}

void LoginDialog::reject()
{
    if (m_busy) {
        m_session.cancel(); // Escape while connecting cancels, and keeps the dialog
        return;
    }
    QDialog::reject();
}

void LoginDialog::submit()
{
    const QString host = m_ui->hostEdit->text().trimmed();
    const QString user = m_ui->userEdit->text().trimmed();
    if (host.isEmpty() || user.isEmpty() || m_ui->passwordEdit->text().isEmpty()) {
        showMessage(tr("Enter the server, your user name and your password."), true);
        focusFirstEmpty();
        return;
    }
    Client::SettingsStore::AuthServer server;
    server.host = host;
    server.port = quint16(m_ui->portSpin->value());
    server.tls = m_ui->tlsCheck->isChecked();
    server.user = user;
    server.rememberPassword = m_ui->rememberCheck->isChecked();
    server.staySignedIn = m_ui->staySignedInCheck->isChecked();
    m_settings.setAuthServer(server);
    m_settings.sync();
    setBusy(true);
    showMessage(tr("Connecting to %1…").arg(host), false);
    m_session.login(host, server.port, server.tls, user, m_ui->passwordEdit->text());
}

void LoginDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_ui->progress->setVisible(busy);
    for (QWidget *w : std::initializer_list<QWidget *>{m_ui->hostEdit, m_ui->portSpin, m_ui->tlsCheck, m_ui->userEdit,
                                                        m_ui->passwordEdit, m_ui->rememberCheck,
                                                        m_ui->staySignedInCheck})
        w->setEnabled(!busy);
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(!busy);
}

void LoginDialog::showMessage(const QString &text, bool error)
{
    m_ui->message->setText(text);
    m_ui->message->setStyleSheet(error ? u"color: #b71c1c;"_s : QString());
    m_ui->message->setVisible(!text.isEmpty());
}

void LoginDialog::showFailure(const Client::Session::Failure &f)
{
    using P = Client::Session::Problem;
    setBusy(false);
    m_ui->trustButton->hide();
    m_ui->message->setProperty("problem", QVariant::fromValue(f.problem).toString());
    QString text;
    switch (f.problem) {
    case P::CannotConnect:
        text = tr("Cannot connect to %1: %2").arg(m_ui->hostEdit->text(), f.detail);
        break;
    case P::Certificate:
        if (f.certificate.isNull()) {
            text = tr("The secure connection failed: %1").arg(f.detail);
        } else {
            m_untrusted = f.certificate;
            text = tr("The server's certificate is not trusted: %1\n\nIssued to: %2\nIssued by: %3\nValid: %4 to %5\nSHA-256: %6")
                       .arg(f.detail, f.certificate.subjectDisplayName(), f.certificate.issuerDisplayName(),
                            QLocale().toString(f.certificate.effectiveDate().date(), QLocale::ShortFormat),
                            QLocale().toString(f.certificate.expiryDate().date(), QLocale::ShortFormat),
                            QString::fromLatin1(f.certificate.digest(QCryptographicHash::Sha256).toHex(':')));
            m_ui->trustButton->show();
        }
        break;
    case P::CertificateChanged:
        m_untrusted = f.certificate;
        text = tr("The server's certificate has changed since you trusted it. This happens when the server "
                  "gets a new certificate, and also when someone intercepts the connection: trust the new one "
                  "only if its administrator told you about it.\n\nTrusted before (SHA-256): %1\nPresented now "
                  "(SHA-256): %2\nIssued to: %3\nValid: %4 to %5")
                   .arg(QString::fromLatin1(f.pinnedSha256.toHex(':')),
                        QString::fromLatin1(f.certificate.digest(QCryptographicHash::Sha256).toHex(':')),
                        f.certificate.subjectDisplayName(),
                        QLocale().toString(f.certificate.effectiveDate().date(), QLocale::ShortFormat),
                        QLocale().toString(f.certificate.expiryDate().date(), QLocale::ShortFormat));
        if (!f.certificate.isNull())
            m_ui->trustButton->show();
        break;
    case P::SessionExpired:
        text = tr("Your saved session has ended. Log in with your password.");
        m_ui->passwordEdit->setFocus();
        break;
    case P::Revoked:
        text = tr("This session was ended on the server (logged out elsewhere or by an administrator).");
        break;
    case P::WrongCredentials:
        if (f.attemptsLeft == 1)
            text = tr("Wrong user name or password. 1 attempt left.");
        else if (f.attemptsLeft >= 0)
            text = tr("Wrong user name or password. %1 attempts left.").arg(f.attemptsLeft);
        else
            text = tr("Wrong user name or password.");
        m_ui->passwordEdit->clear();
        m_ui->passwordEdit->setFocus();
        break;
    case P::TooManyAttempts:
        text = tr("Too many failed attempts. The server closed the connection; try again later.");
        break;
    case P::Locked:
        text = tr("This account is locked after repeated failures. Try again in %1 seconds.")
                   .arg(qMax<qint64>(1, f.retryAfter));
        break;
    case P::ServerBusy:
        text = f.retryAfter > 0
                   ? tr("The server is busy. Try again in %1 seconds.").arg(f.retryAfter)
                   : tr("The server is busy. Try again in a moment.");
        break;
    case P::Impostor:
        text = tr("The server could not prove that it knows your account. It may be an impostor: "
                  "your password was not revealed, and you are not logged in.");
        break;
    case P::Timeout:
        text = tr("The server did not answer in time.");
        break;
    case P::Cancelled:
        text = tr("Cancelled.");
        break;
    case P::Protocol:
        text = tr("The server answered something unexpected: %1").arg(f.detail);
        break;
    }
    showMessage(text, f.problem != P::Cancelled);
}

void LoginDialog::handleSignedIn()
{
    setBusy(false);
    const auto server = m_settings.authServer();
    const QString key = Client::SecretStore::authKey(server.user, server.host, server.port);
    m_pendingSecretJob = true;
    if (server.rememberPassword)
        m_secrets->write(key, m_ui->passwordEdit->text());
    else
        m_secrets->remove(key);
    if (!server.staySignedIn) // a token kept by an earlier choice goes too
        m_secrets->remove(Client::Session::tokenKey(server.user, server.host, server.port));
    m_ui->passwordEdit->clear();
    QDialog::accept();
}

void LoginDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        m_ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("Log In"));
    }
    QDialog::changeEvent(event);
}

} // namespace Gui
