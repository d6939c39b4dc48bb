// SPDX-License-Identifier: GPL-3.0-or-later
// The message view (issue 11, item 6): remote content is never requested
// until the user loads it (a local HTTP server counts every request), cid:
// and data: images are shown, file: never read, attachments stay inside the
// chosen folder and never overwrite, format=flowed is joined, a damaged
// message says so, and links are never followed inside the view.
#include "client/settingsstore.h"
#include "gui/mail/attachmentpane.h"
#include "gui/mail/messageview.h"
#include "gui/mail/safebrowser.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QBuffer>
#include <QDesktopServices>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QNetworkProxy>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QToolButton>

#include <optional>

using namespace Qt::StringLiterals;

namespace {

QByteArray png(int width, int height)
{
    QImage image(width, height, QImage::Format_ARGB32);
    image.fill(Qt::red);
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return buffer.data();
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<unreadable>");
}

// Answers every GET with a PNG (or CSS for .css) and counts requests per path.
class CountingHttpServer : public QObject
{
public:
    QTcpServer server;
    QHash<QByteArray, int> hits;
    QByteArray image = png(3, 2);

    bool start()
    {
        connect(&server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] { serve(socket); });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
        return server.listen(QHostAddress::LocalHost);
    }
    int total() const
    {
        int n = 0;
        for (int h : hits)
            n += h;
        return n;
    }
    QByteArray url(const char *path) const
    {
        return "http://127.0.0.1:" + QByteArray::number(server.serverPort()) + path;
    }

private:
    void serve(QTcpSocket *socket)
    {
        QByteArray &buffered = m_requests[socket];
        buffered += socket->readAll();
        if (!buffered.contains("\r\n\r\n"))
            return;
        const QByteArray path = buffered.split(' ').value(1);
        m_requests.remove(socket);
        ++hits[path];
        const bool css = path.endsWith(".css");
        const QByteArray body = css ? QByteArray("p { color: #123456 }") : image;
        socket->write(
            "HTTP/1.1 200 OK\r\nContent-Type: " + QByteArray(css ? "text/css" : "image/png") +
            "\r\nContent-Length: " + QByteArray::number(body.size()) +
            "\r\nConnection: close\r\n\r\n" + body);
        socket->disconnectFromHost();
    }
    QHash<QTcpSocket *, QByteArray> m_requests;
};

// Records what QDesktopServices would open instead of starting a browser.
class UrlRecorder : public QObject
{
    Q_OBJECT
public:
    QList<QUrl> opened;
public Q_SLOTS:
    void open(const QUrl &url) { opened << url; }
};

} // namespace

class TestMessageView : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    CountingHttpServer m_http;
    std::optional<Client::SettingsStore> m_settings;
    UrlRecorder m_recorder;
    int m_serial = 0;

    QString write(const QByteArray &message)
    {
        const QString path = m_dir.filePath(u"message-%1.eml"_s.arg(++m_serial));
        return writeFile(path, message) ? path : QString();
    }

    QByteArray remoteHtmlMessage(const QByteArray &subject)
    {
        const QByteArray local = QUrl::fromLocalFile(m_dir.filePath(u"local.png"_s)).toEncoded();
        return "From: Alice <alice@example.org>\r\nTo: bob@example.org\r\nSubject: " + subject +
               "\r\nDate: Mon, 23 Nov 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\n"
               "Content-Type: text/html; charset=utf-8\r\n\r\n"
               "<html><head><link rel=\"stylesheet\" type=\"text/css\" href=\"" +
               m_http.url("/style.css") + "\"><style>@import url(" + m_http.url("/import.css") +
               ");</style></head>"
               "<body background=\"" +
               m_http.url("/background.png") + "\"><p>Hello</p><img src=\"" +
               m_http.url("/pixel.png") +
               "\" width=\"10\" height=\"10\">"
               "<img src=\"ftp://127.0.0.1/x.png\"><img src=\"" +
               local +
               "\" id=\"local\"><img src=\"relative.png\">"
               "<table background=\"" +
               m_http.url("/cell.png") + "\"><tr><td>cell</td></tr></table></body></html>\r\n";
    }

    void show(Gui::MessageView &view, const QString &path)
    {
        QSignalSpy shown(&view, &Gui::MessageView::messageShown);
        view.showMessage(path);
        QVERIFY(shown.wait(10000));
        QCOMPARE(shown.last().at(0).toString(), path);
    }

    static Gui::SafeBrowser *body(Gui::MessageView &view)
    {
        return view.findChild<Gui::SafeBrowser *>(u"messageBody"_s);
    }

    static QSize imageSize(Gui::MessageView &view, const QString &url)
    {
        return body(view)
            ->document()
            ->resource(QTextDocument::ImageResource, QUrl(url))
            .value<QImage>()
            .size();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QNetworkProxy::setApplicationProxy(QNetworkProxy::NoProxy);
        QVERIFY(m_http.start());
        QVERIFY(writeFile(m_dir.filePath(u"local.png"_s), png(9, 9)));
        QDesktopServices::setUrlHandler(u"https"_s, &m_recorder, "open");
        QDesktopServices::setUrlHandler(u"http"_s, &m_recorder, "open");
        QDesktopServices::setUrlHandler(u"file"_s, &m_recorder, "open");
    }
    void init()
    {
        m_settings.reset();
        QDir(m_dir.filePath(u"profile"_s)).removeRecursively();
        m_settings.emplace(Common::Profile::at(m_dir.filePath(u"profile"_s)));
        m_http.hits.clear();
        m_recorder.opened.clear();
    }
    void cleanupTestCase()
    {
        QDesktopServices::unsetUrlHandler(u"https"_s);
        QDesktopServices::unsetUrlHandler(u"http"_s);
        QDesktopServices::unsetUrlHandler(u"file"_s);
    }

    void remoteContentBlockedUntilLoadedOnce()
    {
        Gui::MessageView view;
        view.setSettingsStore(&*m_settings);
        view.resize(800, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        show(view, write(remoteHtmlMessage("first")));
        QVERIFY(view.isShowingHtml());
        QTest::qWait(300);
        QCOMPARE(m_http.total(), 0);
        // stylesheet, @import, body and cell backgrounds, image, ftp, file: and relative.
        QVERIFY2(view.blockedResourceCount() >= 7,
                 qPrintable(QString::number(view.blockedResourceCount())));
        auto *bar = view.findChild<QWidget *>(u"remoteContentBar"_s);
        QTRY_VERIFY(bar->isVisible());
        QTest::qWait(700); // nothing trickles out later either
        QCOMPARE(m_http.total(), 0);
        // The local file is never read, on screen or for printing.
        const QString local = QUrl::fromLocalFile(m_dir.filePath(u"local.png"_s)).toString();
        QCOMPARE(imageSize(view, local), QSize(1, 1));
        const auto printable = view.printableDocument();
        QCOMPARE(
            printable->resource(QTextDocument::ImageResource, QUrl(local)).value<QImage>().size(),
            QSize(1, 1));

        QSignalSpy loaded(&view, &Gui::MessageView::remoteContentLoaded);
        view.loadRemoteContentOnce();
        QVERIFY(loaded.wait(10000));
        QTRY_COMPARE(m_http.total(), 5);
        for (const char *path :
             {"/style.css", "/import.css", "/background.png", "/pixel.png", "/cell.png"})
            QCOMPARE(m_http.hits.value(path), 1);
        QVERIFY(!bar->isVisible());
        QCOMPARE(imageSize(view, QString::fromLatin1(m_http.url("/pixel.png"))), QSize(3, 2));
        QCOMPARE(imageSize(view, local), QSize(1, 1)); // file: stays blocked when remote is allowed

        // "Once" was this message only: the next one from Alice asks again.
        m_http.hits.clear();
        show(view, write(remoteHtmlMessage("second")));
        QTest::qWait(700);
        QCOMPARE(m_http.total(), 0);
        QTRY_VERIFY(bar->isVisible());
        QVERIFY(m_settings->remoteContentAllowedSenders().isEmpty());
    }

    void alwaysForThisSenderPersists()
    {
        {
            Gui::MessageView view;
            view.setSettingsStore(&*m_settings);
            show(view, write(remoteHtmlMessage("always")));
            QSignalSpy loaded(&view, &Gui::MessageView::remoteContentLoaded);
            view.allowRemoteContentForSender();
            QVERIFY(loaded.wait(10000));
            QTRY_COMPARE(m_http.total(), 5);
        }
        m_settings.reset();
        m_http.hits.clear();
        Client::SettingsStore again(Common::Profile::at(m_dir.filePath(u"profile"_s)));
        QCOMPARE(again.remoteContentAllowedSenders(), QStringList{u"alice@example.org"_s});
        Gui::MessageView view;
        view.setSettingsStore(&again);
        QSignalSpy loaded(&view, &Gui::MessageView::remoteContentLoaded);
        show(view, write(remoteHtmlMessage("next from alice")));
        QVERIFY(loaded.wait(10000));
        QTRY_COMPARE(m_http.total(), 5);
        // Another sender is still blocked.
        m_http.hits.clear();
        QByteArray mallory = remoteHtmlMessage("mallory");
        mallory.replace("alice@example.org", "mallory@example.org");
        show(view, write(mallory));
        QTest::qWait(500);
        QCOMPARE(m_http.total(), 0);
    }

    void cidAndDataImagesShown()
    {
        const QByteArray message =
            "From: a@example.org\r\nSubject: images\r\nMIME-Version: 1.0\r\n"
            "Content-Type: multipart/related; boundary=r\r\n\r\n"
            "--r\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
            "<p><img src=\"cid:logo@example.org\"><img src=\"data:image/png;base64," +
            png(4, 3).toBase64() +
            "\"><img src=\"cid:missing@example.org\"></p>\r\n"
            "--r\r\nContent-Type: image/png\r\nContent-ID: <logo@example.org>\r\n"
            "Content-Transfer-Encoding: base64\r\n\r\n" +
            png(7, 5).toBase64() + "\r\n--r--\r\n";
        Gui::MessageView view;
        view.setSettingsStore(&*m_settings);
        show(view, write(message));
        QCOMPARE(imageSize(view, u"cid:logo@example.org"_s), QSize(7, 5));
        QCOMPARE(imageSize(view,
                           u"data:image/png;base64,"_s + QString::fromLatin1(png(4, 3).toBase64())),
                 QSize(4, 3));
        QCOMPARE(imageSize(view, u"cid:missing@example.org"_s), QSize(1, 1));
        QCOMPARE(view.blockedResourceCount(), 0); // the message's own parts are not remote
        // The embedded image is shown, not listed as an attachment.
        QCOMPARE(view.attachmentPane()->count(), 0);
    }

    void saveAllStaysInsideAndNeverOverwrites()
    {
        QByteArray message = "From: a@example.org\r\nSubject: names\r\nMIME-Version: 1.0\r\n"
                             "Content-Type: multipart/mixed; boundary=m\r\n\r\n"
                             "--m\r\nContent-Type: text/plain\r\n\r\nsee attached\r\n";
        const QList<QByteArray> names = {"../../evil.sh", "..\\\\..\\\\evil.bat", "/etc/passwd",
                                         "CON"};
        for (const QByteArray &name : names)
            message += "--m\r\nContent-Type: application/octet-stream\r\n"
                       "Content-Disposition: attachment; filename=\"" +
                       name + "\"\r\n\r\npayload of " + name + "\r\n";
        message += "--m--\r\n";
        Gui::MessageView view;
        view.setSettingsStore(&*m_settings);
        show(view, write(message));
        Gui::AttachmentPane *pane = view.attachmentPane();
        QCOMPARE(pane->count(), 4);

        const QString out = m_dir.filePath(u"deep/er/out"_s);
        QVERIFY(QDir().mkpath(out));
        QVERIFY(writeFile(out + u"/evil.sh"_s, "mine"));
        QStringList errors;
        const QStringList written = pane->saveAllTo(out, &errors);
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
        QCOMPARE(written.size(), 4);
        for (const QString &path : written) {
            QCOMPARE(QFileInfo(path).absolutePath(), QDir(out).absolutePath());
            QVERIFY(QFileInfo(path).fileName() != u"passwd"_s || QFile::exists(path));
        }
        QCOMPARE(readFile(out + u"/evil.sh"_s), QByteArray("mine"));
        QCOMPARE(readFile(out + u"/evil (2).sh"_s), QByteArray("payload of ../../evil.sh"));
        QVERIFY(!QFile::exists(m_dir.filePath(u"deep/evil.sh"_s)));
        QVERIFY(!QFile::exists(m_dir.filePath(u"deep/evil.bat"_s)));
        QVERIFY(!QFileInfo(written.last()).fileName().compare(u"CON"_s, Qt::CaseInsensitive) == 0);
        // Saving again never replaces what the first run wrote.
        const QStringList again = pane->saveAllTo(out, &errors);
        QCOMPARE(again.size(), 4);
        for (const QString &path : again)
            QVERIFY(!written.contains(path));
        QCOMPARE(QDir(out).entryList(QDir::Files).size(), 9);

        // Open and drag use private copies in a folder only the user can enter.
        QString error;
        const QString copy = pane->privateCopy(0, &error);
        QVERIFY2(!copy.isEmpty(), qPrintable(error));
        QCOMPARE(QFileInfo(copy).absolutePath(), pane->privateDirectory());
        QCOMPARE(QFile::permissions(pane->privateDirectory()) & 0x0077, QFileDevice::Permissions());
        QCOMPARE(readFile(copy), QByteArray("payload of ../../evil.sh"));
    }

    void formatFlowedJoined()
    {
        const QByteArray message =
            "From: a@example.org\r\nSubject: flowed\r\nMIME-Version: 1.0\r\n"
            "Content-Type: text/plain; charset=utf-8; format=flowed\r\n\r\n"
            "This paragraph was \r\nwrapped by the sender's \r\nmail program.\r\n"
            "> quoted \r\n> line\r\n"
            " From space-stuffed\r\nsee https://example.org/page. or javascript:alert(1)\r\n";
        Gui::MessageView view;
        view.setSettingsStore(&*m_settings);
        show(view, write(message));
        const QString text = body(view)->toPlainText();
        QVERIFY2(text.contains(u"This paragraph was wrapped by the sender's mail program."_s),
                 qPrintable(text));
        QVERIFY(text.contains(u"> quoted line"_s));
        QVERIFY(text.contains(u"\nFrom space-stuffed"_s));
        const QString html = body(view)->toHtml();
        QVERIFY(html.contains(u"href=\"https://example.org/page\""_s));
        QVERIFY(!html.contains(u"href=\"javascript"_s));
    }

    void damagedMessageShowsWhatWasWrong()
    {
        const QByteArray message = "From: a@example.org\r\nSubject: damaged\r\n"
                                   "Date: not a date at all\r\nMIME-Version: 1.0\r\n"
                                   "Content-Type: text/plain; charset=x-no-such-charset\r\n\r\n"
                                   "what can be read: caf\xe9\r\n";
        Gui::MessageView view;
        view.setSettingsStore(&*m_settings);
        view.show();
        show(view, write(message));
        QVERIFY(body(view)->toPlainText().contains(u"what can be read"_s));
        auto *note = view.findChild<QLabel *>(u"messageProblems"_s);
        QVERIFY(note->isVisible());
        QVERIFY2(note->text().contains(u"x-no-such-charset"_s), qPrintable(note->text()));

        // An empty file cannot be read at all: the reason is shown instead of a body.
        show(view, write(QByteArray()));
        auto *notice = view.findChild<QLabel *>(u"messageNotice"_s);
        QVERIFY(notice->isVisible());
        QVERIFY2(notice->text().contains(u"empty"_s), qPrintable(notice->text()));
    }

    void linksAreNotFollowedInsideTheView()
    {
        const QByteArray message = "From: a@example.org\r\nSubject: links\r\nMIME-Version: 1.0\r\n"
                                   "Content-Type: text/html\r\n\r\n"
                                   "<p><a href=\"https://example.org/offer\">WEBLINK</a></p>"
                                   "<p><a href=\"file:///etc/passwd\">FILELINK</a></p>"
                                   "<p><a href=\"other.html\">RELLINK</a></p>\r\n";
        Gui::MessageView view;
        view.setSettingsStore(&*m_settings);
        view.resize(600, 400);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        show(view, write(message));
        Gui::SafeBrowser *browser = body(view);
        auto click = [browser](const QString &text) {
            QTextCursor found = browser->document()->find(text);
            QVERIFY(!found.isNull());
            QTextCursor middle(browser->document());
            middle.setPosition(found.selectionStart() + 2);
            const QPoint at = browser->cursorRect(middle).center();
            QTest::mouseClick(browser->viewport(), Qt::LeftButton, {}, at);
        };
        click(u"FILELINK"_s);
        click(u"RELLINK"_s);
        QTest::qWait(100);
        QVERIFY(m_recorder.opened.isEmpty());
        click(u"WEBLINK"_s);
        QTRY_COMPARE(m_recorder.opened, QList<QUrl>{QUrl(u"https://example.org/offer"_s)});
        QVERIFY(browser->source().isEmpty());
        QVERIFY(browser->toPlainText().contains(u"WEBLINK"_s)); // still the message
        QCOMPARE(m_http.total(), 0);
    }

    void staleResultIsDropped()
    {
        QByteArray big = "From: a@example.org\r\nSubject: big\r\nMIME-Version: 1.0\r\n"
                         "Content-Type: text/plain\r\n\r\n";
        big += QByteArray(20 * 1024 * 1024, 'x') + "\r\n";
        const QString bigPath = write(big);
        const QString smallPath = write("From: a@example.org\r\nSubject: small\r\n\r\nsmall\r\n");
        Gui::MessageView view;
        view.setSettingsStore(&*m_settings);
        QSignalSpy shown(&view, &Gui::MessageView::messageShown);
        view.showMessage(bigPath);
        view.showMessage(smallPath);
        QVERIFY(shown.wait(20000));
        QTest::qWait(1500); // the big one finishes later and must not replace it
        QCOMPARE(shown.size(), 1);
        QCOMPARE(shown.first().at(0).toString(), smallPath);
        QCOMPARE(body(view)->toPlainText().trimmed(), u"small"_s);
        // A body too long to lay out at once is cut, and the view says so.
        view.show();
        show(view, bigPath);
        QVERIFY(body(view)->toPlainText().size() <= Gui::MessageView::kMaxPlainChars + 16);
        QVERIFY(view.findChild<QLabel *>(u"messageProblems"_s)->text().contains(u"very long"_s));
    }

    void headersOnlyAsksForTheBody()
    {
        Gui::MessageView view;
        view.setSettingsStore(&*m_settings);
        view.show();
        view.showHeadersOnly(u"Quarterly report"_s, u"Alice <alice@example.org>"_s,
                             QDateTime::currentDateTimeUtc(), 4 * 1024 * 1024);
        auto *button = view.findChild<QAbstractButton *>(u"downloadMessageButton"_s);
        QVERIFY(button->isVisible());
        QSignalSpy requested(&view, &Gui::MessageView::downloadRequested);
        QTest::mouseClick(button, Qt::LeftButton);
        QCOMPARE(requested.size(), 1);
        view.setDownloadProgress(40);
        QVERIFY(view.findChild<QWidget *>(u"downloadProgress"_s)->isVisible());
    }

    // Tab goes headers, remote bar, body, attachments; each stop has an accessible name.
    void keyboardOrderAndNames()
    {
        QByteArray message = remoteHtmlMessage("keyboard");
        message.replace("Content-Type: text/html; charset=utf-8\r\n\r\n",
                        "Content-Type: multipart/mixed; boundary=m\r\n\r\n--m\r\n"
                        "Content-Type: text/html; charset=utf-8\r\n\r\n");
        message += "--m\r\nContent-Type: application/pdf\r\n"
                   "Content-Disposition: attachment; filename=a.pdf\r\n\r\n%PDF\r\n--m--\r\n";
        Gui::MessageView view;
        view.setSettingsStore(&*m_settings);
        view.resize(800, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowActive(&view));
        show(view, write(message));
        QTRY_VERIFY(view.findChild<QWidget *>(u"remoteContentBar"_s)->isVisible());
        view.findChild<QWidget *>(u"subjectLabel"_s)->setFocus();
        QStringList order;
        for (int i = 0; i < 14; ++i) {
            QWidget *focus = QApplication::focusWidget();
            QVERIFY(focus);
            QVERIFY2(!focus->accessibleName().isEmpty(), qPrintable(focus->objectName()));
            if (!order.contains(focus->objectName()))
                order << focus->objectName();
            QTest::keyClick(focus, Qt::Key_Tab);
        }
        const auto at = [&order](const char *name) {
            return order.indexOf(QLatin1StringView(name));
        };
        QVERIFY2(at("fromLabel") >= 0 && at("dateLabel") > at("fromLabel") &&
                     at("messageActionsButton") > at("dateLabel") &&
                     at("loadRemoteContentButton") > at("messageActionsButton"),
                 qPrintable(order.join(u' ')));
        QVERIFY2(at("messageBody") > at("loadRemoteContentButton"), qPrintable(order.join(u' ')));
        QVERIFY2(at("attachmentList") > at("messageBody"), qPrintable(order.join(u' ')));
    }

    void exportsPdf()
    {
        Gui::MessageView view;
        view.setSettingsStore(&*m_settings);
        show(view, write("From: a@example.org\r\nSubject: pdf\r\n\r\nprinted\r\n"));
        const QString pdf = m_dir.filePath(u"out.pdf"_s);
        QVERIFY(view.exportPdfTo(pdf));
        QVERIFY(readFile(pdf).startsWith("%PDF"));
    }
};

QTEST_MAIN(TestMessageView)
#include "tst_messageview.moc"
