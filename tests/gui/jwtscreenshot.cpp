// SPDX-License-Identifier: GPL-3.0-or-later
// Renders the JWT inspector in a known state and saves it as PNG, for
// scripts/screenshots (run under Xvfb with the real xcb platform).
// usage: jwtscreenshot OUT.png LANGUAGE verified|expired|broken
#include "core/jwt/signer.h"
#include "gui/jwt/jwtinspector.h"
#include "gui/languagemanager.h"

#include <QApplication>
#include <QTabWidget>
#include <QTimer>

using namespace Qt::StringLiterals;

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    if (argc != 4)
        qFatal("usage: jwtscreenshot OUT.png LANGUAGE verified|expired|broken");
    const QString out = QString::fromLocal8Bit(argv[1]);
    const QString state = QString::fromLatin1(argv[3]);
    Gui::LanguageManager languages;
    languages.setLanguage(QString::fromLatin1(argv[2]));

    constexpr qint64 now = 1800000000; // 2027-01-15T08:00:00Z
    const QString secret = u"correct horse battery staple, 32+ bytes"_s;
    const QString payload = state == u"expired"_s
        ? u"{\"iss\":\"https://auth.tidings.test\",\"sub\":\"alice\",\"name\":\"Alice 李\",\"iat\":1799730000,\"exp\":1799740800}"_s
        : u"{\"iss\":\"https://auth.tidings.test\",\"sub\":\"alice\",\"name\":\"Alice 李\",\"aud\":\"tidings\",\"iat\":1799999000,\"exp\":1800000240,\"big\":12345678901234567890}"_s;
    QString token = Jwt::signToken(u"HS256"_s, u"{\"kid\":\"demo-2027\"}"_s, payload,
                                   {Jwt::KeyInput::Kind::SecretText, secret}).token;
    if (state == u"broken"_s)
        token[token.indexOf(u'.') + 12] = u'*';

    Gui::JwtInspector inspector(nullptr);
    inspector.setWindowTitle(Gui::JwtInspector::tr("JWT Inspector"));
    inspector.setNow(now);
    inspector.setKey(secret);
    inspector.setToken(token);
    inspector.resize(1180, 720);
    inspector.show();
    if (state != u"broken"_s)
        inspector.findChild<QTabWidget *>(u"decodedTabs"_s)->setCurrentIndex(2); // the claims
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &app, [&] {
        if (!inspector.isIdle())
            return;
        poll.stop();
        QTimer::singleShot(300, &app, [&] {
            if (!inspector.grab().save(out))
                qFatal("cannot write %s", qPrintable(out));
            app.quit();
        });
    });
    poll.start(50);
    return app.exec();
}
