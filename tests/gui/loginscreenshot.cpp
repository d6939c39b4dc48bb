// SPDX-License-Identifier: GPL-3.0-or-later
// Renders the login dialog (empty, error) or the signed-in main window against
// a running tidings-authd, for scripts/screenshots (Xvfb, real xcb platform).
// usage: loginscreenshot OUT.png LANGUAGE empty|error|signed-in PORT PASSWORD
#include "client/session.h"
#include "gui/languagemanager.h"
#include "gui/logindialog.h"
#include "gui/mainwindow.h"
#include "client/settingsstore.h"

#include <QApplication>
#include <QCryptographicHash>
#include <QLabel>
#include <QLineEdit>
#include <QSslCertificate>
#include <QTemporaryDir>
#include <QTimer>

using namespace Qt::StringLiterals;

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    if (argc != 6 && argc != 7)
        qFatal("usage: loginscreenshot OUT.png LANGUAGE empty|plain|error|signed-in PORT PASSWORD "
               "[CERT.pem]");
    const QString out = QString::fromLocal8Bit(argv[1]);
    const QString state = QString::fromLatin1(argv[3]);
    const quint16 port = quint16(QByteArray(argv[4]).toUInt());
    const QString password = QString::fromLocal8Bit(argv[5]);
    Gui::LanguageManager languages;
    languages.setLanguage(QString::fromLatin1(argv[2]));
    QTemporaryDir dir;
    Client::SettingsStore settings(Common::Profile::at(dir.path()));
    Client::SettingsStore::AuthServer server;
    server.host = u"127.0.0.1"_s;
    server.port = port;
    server.user = state == u"empty"_s ? QString() : u"demo"_s;
    // With the server's certificate: TLS, that certificate trusted for this host and port.
    const QList<QSslCertificate> certificate =
        argc > 6 ? QSslCertificate::fromPath(QString::fromLocal8Bit(argv[6]))
                 : QList<QSslCertificate>();
    server.tls = !certificate.isEmpty() && state != u"plain"_s;
    if (!certificate.isEmpty())
        settings.pinCertificate(u"tap"_s, server.host, port,
                                certificate.first().digest(QCryptographicHash::Sha256));
    settings.setAuthServer(server);
    Types::AccountSettings account;
    account.host = u"mail.example.org"_s;
    account.user = u"demo"_s;
    settings.setAccount(account);

    auto save = [&](QWidget *w) {
        QTimer::singleShot(400, &app, [&app, w, out] {
            if (!w->grab().save(out))
                qFatal("cannot write %s", qPrintable(out));
            app.quit();
        });
    };
    if (state == u"signed-in"_s) {
        auto *window = new Gui::MainWindow(settings, languages);
        window->resize(1280, 800);
        window->show();
        QObject::connect(&window->session(), &Client::Session::signedIn, window,
                         [&, window] { save(window); });
        window->session().login(server.host, port, server.tls, u"demo"_s, password);
        return app.exec();
    }
    Client::Session session(settings);
    auto *dialog = new Gui::LoginDialog(session, settings);
    dialog->show();
    if (state == u"error"_s) {
        dialog->findChild<QLineEdit *>(u"passwordEdit"_s)->setText(u"wrong password"_s);
        QObject::connect(&session, &Client::Session::loginFailed, dialog,
                         [&, dialog] { save(dialog); });
        dialog->accept();
    } else {
        save(dialog);
    }
    return app.exec();
}
