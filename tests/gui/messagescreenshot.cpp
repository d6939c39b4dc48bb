// SPDX-License-Identifier: GPL-3.0-or-later
// Renders the message view with a sample message and saves it as PNG, for
// scripts/screenshots and for looking at it (offscreen works too).
// usage: messagescreenshot OUT.png LANGUAGE remote|chinese
#include "client/settingsstore.h"
#include "gui/languagemanager.h"
#include "gui/mail/messageview.h"

#include <QApplication>
#include <QBuffer>
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QTemporaryDir>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace {

QByteArray remoteNewsletter()
{
    return "From: Northwind Travel <news@northwind.example>\r\n"
           "To: Alice Liddell <alice@example.org>\r\n"
           "Subject: Your spring getaway ideas are here\r\n"
           "Date: Tue, 17 Mar 2026 09:30:00 +0000\r\nMIME-Version: 1.0\r\n"
           "Content-Type: multipart/alternative; boundary=a\r\n\r\n"
           "--a\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
           "Spring getaways: three city breaks under 300 EUR.\r\n"
           "--a\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
           "<html><head><link rel=\"stylesheet\" href=\"https://tracker.northwind.example/s.css\">"
           "</head><body>"
           "<img src=\"https://tracker.northwind.example/open.gif?u=alice\" width=\"1\" "
           "height=\"1\">"
           "<h2 style=\"color:#1a5276\">Spring getaways</h2>"
           "<p>Hello Alice,</p><p>Three city breaks for under 300 EUR, hand-picked for you:</p>"
           "<table cellpadding=\"6\" border=\"0\">"
           "<tr><td><img src=\"https://cdn.northwind.example/lisbon.jpg\" width=\"120\" "
           "height=\"80\"></td><td><b>Lisbon</b><br>Trams, tiles and pastéis de nata.</td></tr>"
           "<tr><td><img src=\"https://cdn.northwind.example/krakow.jpg\" width=\"120\" "
           "height=\"80\"></td><td><b>Kraków</b><br>The old town at dusk.</td></tr>"
           "<tr><td><img src=\"https://cdn.northwind.example/porto.jpg\" width=\"120\" "
           "height=\"80\"></td><td><b>Porto</b><br>Port cellars along the Douro.</td></tr>"
           "</table><p><a href=\"https://northwind.example/offers\">See all offers</a></p>"
           "<p style=\"color:#7f8c8d;font-size:small\">You receive this because you subscribed. "
           "<a href=\"https://northwind.example/unsubscribe\">Unsubscribe</a></p>"
           "</body></html>\r\n--a--\r\n";
}

QByteArray attachment(const QByteArray &type, const QByteArray &name, const QByteArray &data)
{
    return "--m\r\nContent-Type: " + type +
           "\r\nContent-Disposition: attachment; filename*=UTF-8''" + name.toPercentEncoding() +
           "\r\nContent-Transfer-Encoding: base64\r\n\r\n" + data.toBase64() + "\r\n";
}

QByteArray chineseWithAttachments()
{
    QImage photo(640, 480, QImage::Format_RGB32);
    photo.fill(QColor(0x2e, 0x86, 0xc1));
    QBuffer jpeg;
    jpeg.open(QIODevice::WriteOnly);
    photo.save(&jpeg, "JPEG");
    const QByteArray body =
        QStringLiteral(
            "各位同事：\r\n\r\n附件是第一季度的销售报告和下周会议的照片，请在周五之前查阅。"
            "如有问题，请直接回复这封邮件或访问 https://intranet.example.cn/q1 。\r\n\r\n"
            "> 上次会议的纪要已经发到群里了。\r\n\r\n谢谢！\r\n王芳\r\n")
            .toUtf8();
    return "From: =?UTF-8?B?546L6Iqz?= <wang.fang@example.cn>\r\n"
           "To: =?UTF-8?B?5p2O5piO?= <li.ming@example.cn>, team@example.cn\r\n"
           "Cc: Alice Liddell <alice@example.org>\r\n"
           "Subject: =?UTF-8?B?56ys5LiA5a2j5bqm6ZSA5ZSu5oql5ZGK5ZKM5Lya6K6u5a6J5o6S?=\r\n"
           "Date: Wed, 18 Mar 2026 14:05:00 +0800\r\nMIME-Version: 1.0\r\n"
           "Content-Type: multipart/mixed; boundary=m\r\n\r\n"
           "--m\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: "
           "base64\r\n\r\n" +
           body.toBase64() + "\r\n" +
           attachment("application/pdf", QStringLiteral("第一季度报告.pdf").toUtf8(),
                      "%PDF-1.4\n" + QByteArray(180 * 1024, ' ')) +
           attachment("image/jpeg", QStringLiteral("会议照片.jpg").toUtf8(), jpeg.data()) +
           attachment("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                      QStringLiteral("预算.xlsx").toUtf8(), QByteArray(42 * 1024, 'x')) +
           "--m--\r\n";
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    if (argc != 4)
        qFatal("usage: messagescreenshot OUT.png LANGUAGE remote|chinese");
    const QString out = QString::fromLocal8Bit(argv[1]);
    const QString state = QString::fromLatin1(argv[3]);
    Gui::LanguageManager languages;
    languages.setLanguage(QString::fromLatin1(argv[2]));
    QTemporaryDir dir;
    Client::SettingsStore settings(Common::Profile::at(dir.filePath(u"profile"_s)));
    const QString path = dir.filePath(u"message.eml"_s);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(state == u"chinese"_s ? chineseWithAttachments() : remoteNewsletter()) < 0)
        qFatal("cannot write the sample message");
    file.close();

    Gui::MessageView view;
    view.setSettingsStore(&settings);
    view.resize(860, 640);
    view.show();
    QObject::connect(&view, &Gui::MessageView::messageShown, &app, [&] {
        QTimer::singleShot(300, &app, [&] {
            if (!view.grab().save(out))
                qFatal("cannot write %s", qPrintable(out));
            app.quit();
        });
    });
    view.showMessage(path);
    return app.exec();
}
