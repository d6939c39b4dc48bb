// SPDX-License-Identifier: GPL-3.0-or-later
// Renders the mail dialogs and the JWT inspector at a given width and saves them as PNG
// (grab(), so it also works on the offscreen platform).
// usage: dialogscreenshot OUT.png LANGUAGE certificate CERT.pem [PINNED.pem]
//        dialogscreenshot OUT.png LANGUAGE password|protocol-log
//        dialogscreenshot OUT.png LANGUAGE inspector WIDTH
#include "client/settingsstore.h"
#include "core/jwt/signer.h"
#include "gui/certificatedialog.h"
#include "gui/jwt/jwtinspector.h"
#include "gui/languagemanager.h"
#include "gui/passwordprompt.h"
#include "gui/protocollogwindow.h"

#include <QApplication>
#include <QCryptographicHash>
#include <QTabWidget>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace {

std::unique_ptr<QWidget> inspector(int width)
{
    const QString secret = u"correct horse battery staple, 32+ bytes"_s;
    const QString payload =
        u"{\"iss\":\"https://auth.tidings.test/realms/"
        u"tidings-users\",\"sub\":\"alice\",\"name\":\"Alice 李\","
        "\"aud\":\"tidings\",\"scope\":\"openid profile email offline_access mail.read mail.send\","
        "\"nbf\":1799999000,\"iat\":1799999000,\"exp\":1800000240,\"big\":12345678901234567890}"_s;
    auto panel = std::make_unique<Gui::JwtInspector>(nullptr);
    panel->setWindowTitle(Gui::JwtInspector::tr("JWT Inspector"));
    panel->setNow(1800000000);
    panel->setKey(secret);
    panel->setToken(Jwt::signToken(u"HS256"_s, u"{\"kid\":\"demo-2027\"}"_s, payload,
                                   {Jwt::KeyInput::Kind::SecretText, secret})
                        .token);
    panel->resize(width, 720);
    panel->findChild<QTabWidget *>(u"decodedTabs"_s)->setCurrentIndex(2);
    return panel;
}

Client::CertificateQuestion question(const QString &pem, const QString &pinned)
{
    Client::CertificateQuestion q;
    q.host = u"pop.example.org"_s;
    q.port = 995;
    q.certificate = QSslCertificate::fromPath(pem).value(0);
    q.problems = {u"The certificate is self-signed, and untrusted"_s};
    if (!pinned.isEmpty())
        q.pinnedSha256 =
            QSslCertificate::fromPath(pinned).value(0).digest(QCryptographicHash::Sha256);
    return q;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    if (argc < 4)
        qFatal("usage: dialogscreenshot OUT.png LANGUAGE STATE [ARGS]");
    const QString out = QString::fromLocal8Bit(argv[1]);
    const QString state = QString::fromLatin1(argv[3]);
    const QString arg4 = argc > 4 ? QString::fromLocal8Bit(argv[4]) : QString();
    const QString arg5 = argc > 5 ? QString::fromLocal8Bit(argv[5]) : QString();
    Gui::LanguageManager languages;
    languages.setLanguage(QString::fromLatin1(argv[2]));

    Types::AccountSettings account;
    account.id = u"work"_s;
    account.name = u"Work"_s;
    account.user = u"alice"_s;
    account.host = u"pop.example.org"_s;

    std::unique_ptr<QWidget> widget;
    if (state == u"certificate"_s) {
        widget = std::make_unique<Gui::CertificateDialog>(question(arg4, arg5));
    } else if (state == u"password"_s) {
        widget = std::make_unique<Gui::PasswordPrompt>(
            account, Gui::PasswordPrompt::Reason::Refused, u"[AUTH] Authentication failed."_s);
    } else if (state == u"protocol-log"_s) {
        auto log = std::make_unique<Gui::ProtocolLogWindow>(QString());
        log->setAccounts({account});
        log->setText(u"2026-11-30T10:00:00.000Z S: +OK Dovecot ready.\n"
                     "2026-11-30T10:00:00.010Z C: CAPA\n"
                     "2026-11-30T10:00:00.020Z S: +OK\n"
                     "2026-11-30T10:00:00.021Z C: USER alice\n"
                     "2026-11-30T10:00:00.030Z C: PASS <redacted>\n"
                     "2026-11-30T10:00:00.090Z S: +OK Logged in.\n"
                     "2026-11-30T10:00:00.091Z C: STAT\n"
                     "2026-11-30T10:00:00.100Z S: +OK 6 48210"_s);
        widget = std::move(log);
    } else if (state == u"inspector"_s) {
        widget = inspector(arg4.toInt());
    } else {
        qFatal("unknown state %s", argv[3]);
    }
    widget->show();
    if (state != u"inspector"_s && state != u"protocol-log"_s) {
        // Its own size, not one clamped to the offscreen platform's small screen (800x600
        // device pixels, 400x300 at QT_SCALE_FACTOR=2).
        const int width = qMax(widget->sizeHint().width(), widget->minimumSizeHint().width());
        const int height = widget->hasHeightForWidth() ? widget->heightForWidth(width)
                                                       : widget->sizeHint().height();
        widget->resize(width, qMax(height, widget->sizeHint().height()));
    }
    QTimer::singleShot(600, &app, [&] {
        if (!widget->grab().save(out))
            qFatal("cannot write %s", qPrintable(out));
        app.quit();
    });
    return app.exec();
}
