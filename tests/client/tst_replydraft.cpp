// SPDX-License-Identifier: GPL-3.0-or-later
// Client::makeReply over messages written to files and read back with the real reader
// (Mime::readMessage): subjects, recipients, the identity, threading, quoting and forwarding,
// with Chinese names and subjects.
#include "client/replydraft.h"

#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using Client::ReplyKind;

namespace {

Types::AccountSettings identity(const QString &id, const QString &email, bool canSend = true)
{
    Types::AccountSettings a;
    a.id = id;
    a.email = email;
    a.host = u"pop.example"_s;
    a.user = id;
    if (canSend)
        a.smtpHost = u"smtp.example"_s;
    return a;
}

const QByteArray kChineseMinutes =
    "Return-Path: <zhang@example.cn>\r\n"
    "Delivered-To: me@tidings.test\r\n"
    "From: =?UTF-8?B?5byg5LiJ?= <zhang@example.cn>\r\n"
    "To: Me <me@tidings.test>, =?UTF-8?B?5p2O5Zub?= <li@example.cn>\r\n"
    "Cc: wang@example.cn, ZHANG@example.cn, me@TIDINGS.test\r\n"
    "Subject: =?UTF-8?B?5Zue5aSN77ya5Lya6K6u57qq6KaB?=\r\n" // 回复：会议纪要
    "Date: Tue, 05 Mar 2024 10:00:00 +0800\r\n"
    "Message-ID: <m3@example.cn>\r\n"
    "In-Reply-To: <m2@example.cn>\r\n"
    "References: <m1@example.cn>\r\n"
    " <m2@example.cn>\r\n"
    "MIME-Version: 1.0\r\n"
    "Content-Type: text/plain; charset=UTF-8\r\n"
    "Content-Transfer-Encoding: 8bit\r\n"
    "\r\n"
    "各位好，\r\n"
    "> 上次的问题\r\n"
    "\r\n"
    "附件见下 <b>not bold</b> & done\r\n";

} // namespace

class TestReplyDraft : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        Mime::initialize();
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QVERIFY(m_dir.isValid());
    }

    void replySubjectsDoNotStack_data()
    {
        QTest::addColumn<QString>("subject");
        QTest::addColumn<QString>("reply");
        QTest::addColumn<QString>("forward");
        QTest::newRow("new") << u"Hello"_s << u"Re: Hello"_s << u"Fwd: Hello"_s;
        QTest::newRow("re") << u"Re: Hello"_s << u"Re: Hello"_s << u"Fwd: Re: Hello"_s;
        QTest::newRow("re re") << u"RE: re:Hello"_s << u"Re: Hello"_s << u"Fwd: RE: re:Hello"_s;
        QTest::newRow("counter") << u"Re[2]: Hello"_s << u"Re: Hello"_s << u"Fwd: Re[2]: Hello"_s;
        QTest::newRow("german") << u"AW: WG: Hallo"_s << u"Re: WG: Hallo"_s
                                << u"Fwd: AW: WG: Hallo"_s;
        QTest::newRow("chinese") << u"回复：会议纪要"_s << u"Re: 会议纪要"_s
                                 << u"Fwd: 回复：会议纪要"_s;
        QTest::newRow("chinese ascii colon")
            << u"回复: Re: 会议"_s << u"Re: 会议"_s << u"Fwd: 回复: Re: 会议"_s;
        QTest::newRow("forwarded")
            << u"Fwd: FW: 转发：周报"_s << u"Re: Fwd: FW: 转发：周报"_s << u"Fwd: 周报"_s;
        QTest::newRow("german forward")
            << u"WG: Bericht"_s << u"Re: WG: Bericht"_s << u"Fwd: Bericht"_s;
        QTest::newRow("word starting with re")
            << u"Report: Q3"_s << u"Re: Report: Q3"_s << u"Fwd: Report: Q3"_s;
        QTest::newRow("empty") << QString() << u"Re: "_s << u"Fwd: "_s;
    }
    void replySubjectsDoNotStack()
    {
        QFETCH(QString, subject);
        QFETCH(QString, reply);
        QFETCH(QString, forward);
        QCOMPARE(Client::replySubject(subject), reply);
        QCOMPARE(Client::forwardSubject(subject), forward);
    }

    void plainQuotingMarksEveryLine()
    {
        QCOMPARE(Client::quotePlain(u"one\r\n> older\n\n>> oldest\ntwo\n\n"_s),
                 u"> one\n>> older\n>\n>>> oldest\n> two"_s);
    }

    void richQuotingEscapesAndNestsOlderQuotes()
    {
        const QString html =
            Client::quoteHtml(u"<script>alert(1)</script> & a\n> older\n> > oldest\nback"_s);
        QCOMPARE(
            html,
            u"<blockquote type=\"cite\"><div>&lt;script&gt;alert(1)&lt;/script&gt; &amp; a</div>"
            "<blockquote type=\"cite\"><div>older</div><blockquote type=\"cite\"><div>oldest</div>"
            "</blockquote></blockquote><div>back</div></blockquote>"_s);
    }

    void replyInPlainText()
    {
        const QString path = write(u"minutes.eml"_s, kChineseMinutes);
        const Mime::MessageView view = read(path);
        const QList<Types::AccountSettings> identities{
            identity(u"other"_s, u"other@tidings.test"_s), identity(u"me"_s, u"me@tidings.test"_s)};
        const Client::Draft draft =
            Client::makeReply(view, path, ReplyKind::Reply, identities, {}, false);
        QCOMPARE(draft.accountId, u"me"_s);
        QCOMPARE(draft.to, QStringList{u"张三 <zhang@example.cn>"_s});
        QVERIFY(draft.cc.isEmpty());
        QVERIFY(draft.bcc.isEmpty());
        QCOMPARE(draft.subject, u"Re: 会议纪要"_s);
        QCOMPARE(draft.inReplyTo, u"m3@example.cn"_s);
        QCOMPARE(draft.references,
                 (QStringList{u"m1@example.cn"_s, u"m2@example.cn"_s, u"m3@example.cn"_s}));
        QVERIFY(!draft.rich);
        QVERIFY(draft.html.isEmpty());
        const QString date = QLocale().toString(view.date.toLocalTime(), QLocale::ShortFormat);
        QCOMPARE(draft.text,
                 u"\n\nOn "_s + date +
                     u", 张三 wrote:\n"
                     "> 各位好，\n>> 上次的问题\n>\n> 附件见下 <b>not bold</b> & done\n\n"_s);
    }

    void replyAllWithoutOneselfAndDuplicates()
    {
        const QString path = write(u"minutes.eml"_s, kChineseMinutes);
        const QList<Types::AccountSettings> identities{identity(u"me"_s, u"me@tidings.test"_s)};
        const Client::Draft draft =
            Client::makeReply(read(path), path, ReplyKind::ReplyAll, identities, {}, false);
        QCOMPARE(draft.to, (QStringList{u"张三 <zhang@example.cn>"_s, u"李四 <li@example.cn>"_s}));
        QCOMPARE(draft.cc, QStringList{u"wang@example.cn"_s});
        QCOMPARE(draft.accountId, u"me"_s);
    }

    void replyToIsHonoured()
    {
        const QString path =
            write(u"list.eml"_s, "From: Ann <ann@example.org>\r\n"
                                 "Reply-To: Team List <team@lists.example>\r\n"
                                 "To: team@lists.example\r\n"
                                 "Cc: bob@example.org\r\n"
                                 "Subject: Plans\r\nMessage-ID: <p1@example.org>\r\n\r\nHi\r\n");
        const QList<Types::AccountSettings> identities{identity(u"me"_s, u"me@tidings.test"_s)};
        const Mime::MessageView view = read(path);
        const auto reply = Client::makeReply(view, path, ReplyKind::Reply, identities, {}, false);
        QCOMPARE(reply.to, QStringList{u"Team List <team@lists.example>"_s});
        QCOMPARE(reply.references, QStringList{u"p1@example.org"_s});
        const auto all = Client::makeReply(view, path, ReplyKind::ReplyAll, identities, {}, false);
        QCOMPARE(all.to, QStringList{u"Team List <team@lists.example>"_s});
        QCOMPARE(all.cc, QStringList{u"bob@example.org"_s});
    }

    void theIdentityComesFromDeliveredTo()
    {
        // A list message: To names only the list; the mailbox it reached is in Delivered-To.
        const QString path =
            write(u"delivered.eml"_s, "Delivered-To: <second@tidings.test>\r\n"
                                      "From: ann@example.org\r\nTo: team@lists.example\r\n"
                                      "Subject: x\r\n\r\nHi\r\n");
        const QList<Types::AccountSettings> identities{
            identity(u"first"_s, u"first@tidings.test"_s),
            identity(u"second"_s, u"Second@Tidings.test"_s)};
        const Client::Draft draft =
            Client::makeReply(read(path), path, ReplyKind::Reply, identities, {}, true);
        QCOMPARE(draft.accountId, u"second"_s);
    }

    void withoutAMatchTheFirstIdentityThatCanSend()
    {
        const QString path =
            write(u"stranger.eml"_s, "From: ann@example.org\r\nTo: someone@else.example\r\n"
                                     "Subject: x\r\n\r\nHi\r\n");
        const QList<Types::AccountSettings> identities{
            identity(u"popOnly"_s, u"pop@tidings.test"_s, false),
            identity(u"sender"_s, u"sender@tidings.test"_s)};
        QCOMPARE(
            Client::makeReply(read(path), path, ReplyKind::Reply, identities, {}, false).accountId,
            u"sender"_s);
        // Addressed to the identity that cannot send: it is still the one that was written to.
        const QString toPop =
            write(u"topop.eml"_s, "From: ann@example.org\r\nTo: pop@tidings.test\r\n"
                                  "Subject: x\r\n\r\nHi\r\n");
        QCOMPARE(Client::makeReply(read(toPop), toPop, ReplyKind::Reply, identities, {}, false)
                     .accountId,
                 u"popOnly"_s);
    }

    void replyingToOnesOwnMessageGoesToItsRecipients()
    {
        const QString path = write(u"sent.eml"_s, "From: Me <me@tidings.test>\r\n"
                                                  "To: Ann <ann@example.org>\r\n"
                                                  "Subject: Lunch\r\n\r\nNoon?\r\n");
        const QList<Types::AccountSettings> identities{identity(u"me"_s, u"me@tidings.test"_s)};
        const auto draft =
            Client::makeReply(read(path), path, ReplyKind::Reply, identities, {}, false);
        QCOMPARE(draft.to, QStringList{u"Ann <ann@example.org>"_s});
    }

    void onlyTheSelectionIsQuoted()
    {
        const QString path = write(u"minutes.eml"_s, kChineseMinutes);
        const QList<Types::AccountSettings> identities{identity(u"me"_s, u"me@tidings.test"_s)};
        // As QTextCursor::selectedText() gives it: paragraphs separated by U+2029.
        const QString selection = u"附件见下"_s + QChar(QChar::ParagraphSeparator) + u"第二段"_s;
        const auto plain =
            Client::makeReply(read(path), path, ReplyKind::Reply, identities, selection, false);
        QVERIFY(plain.text.contains(u"> 附件见下\n> 第二段\n"_s));
        QVERIFY(!plain.text.contains(u"各位好"_s));
        const auto rich =
            Client::makeReply(read(path), path, ReplyKind::Reply, identities, selection, true);
        QVERIFY(rich.html.contains(
            u"<blockquote type=\"cite\"><div>附件见下<br>第二段</div></blockquote>"_s));
        QVERIFY(!rich.html.contains(u"各位好"_s));
    }

    void richReplyQuotesEscapedText()
    {
        const QString path = write(u"minutes.eml"_s, kChineseMinutes);
        const QList<Types::AccountSettings> identities{identity(u"me"_s, u"me@tidings.test"_s)};
        const auto draft =
            Client::makeReply(read(path), path, ReplyKind::Reply, identities, {}, true);
        QVERIFY(draft.rich);
        QVERIFY(draft.text.isEmpty());
        QVERIFY(draft.html.startsWith(u"<p><br></p><p>On "_s));
        QVERIFY(draft.html.contains(
            u", 张三 wrote:</p><blockquote type=\"cite\"><div>各位好，</div>"
            "<blockquote type=\"cite\"><div>上次的问题</div></blockquote>"
            "<div><br>附件见下 &lt;b&gt;not bold&lt;/b&gt; &amp; done</div></blockquote>"_s));
        QVERIFY(!draft.html.contains(u"<b>not"_s));
    }

    void anHtmlOnlyMessageIsQuotedAsText()
    {
        const QString path = write(
            u"html.eml"_s, "From: \"O'Brien, Pat\" <pat@example.org>\r\nTo: me@tidings.test\r\n"
                           "Subject: Offer\r\nMessage-ID: <h1@example.org>\r\n"
                           "In-Reply-To: <h0@example.org>\r\n"
                           "Content-Type: text/html; charset=UTF-8\r\n\r\n"
                           "<html><head><style>p{color:red}</style></head><body>"
                           "<p>Dear <b>friend</b>,</p><p><img src=\"https://track.example/x.png\">"
                           "Buy now</p><script>evil()</script></body></html>\r\n");
        const QList<Types::AccountSettings> identities{identity(u"me"_s, u"me@tidings.test"_s)};
        const auto draft =
            Client::makeReply(read(path), path, ReplyKind::Reply, identities, {}, true);
        QVERIFY2(draft.html.contains(u"Dear friend,"_s), qPrintable(draft.html));
        QVERIFY(draft.html.contains(u"Buy now"_s));
        for (const QString &markup :
             {u"<img"_s, u"track.example"_s, u"<style"_s, u"<script"_s, u"evil"_s})
            QVERIFY2(!draft.html.contains(markup), qPrintable(markup));
        QVERIFY(draft.html.contains(u"O'Brien, Pat wrote:"_s.toHtmlEscaped()));
        QCOMPARE(draft.to, QStringList{u"\"O'Brien, Pat\" <pat@example.org>"_s});
        // No References: the parent's In-Reply-To starts the chain (RFC 5322 3.6.4).
        QCOMPARE(draft.references, (QStringList{u"h0@example.org"_s, u"h1@example.org"_s}));
    }

    void forwardInline()
    {
        const QString path = write(u"minutes.eml"_s, kChineseMinutes);
        const QList<Types::AccountSettings> identities{identity(u"me"_s, u"me@tidings.test"_s)};
        const QList<Client::DraftFile> files{
            {m_dir.filePath(u"纪要.pdf"_s), u"纪要.pdf"_s, u"application/pdf"_s, 1234, {}}};
        const Mime::MessageView view = read(path);
        const auto draft =
            Client::makeReply(view, path, ReplyKind::Forward, identities, {}, false, files);
        QCOMPARE(draft.subject, u"Fwd: 回复：会议纪要"_s);
        QVERIFY(draft.to.isEmpty() && draft.cc.isEmpty());
        QVERIFY(draft.inReplyTo.isEmpty());
        QVERIFY(draft.references.isEmpty());
        QCOMPARE(draft.accountId, u"me"_s);
        QCOMPARE(draft.attachments.size(), 1);
        QCOMPARE(draft.attachments.first().path, files.first().path);
        QCOMPARE(draft.attachments.first().name, u"纪要.pdf"_s);
        const QString expected = u"\n\n-------- Forwarded Message --------\n"
                                 "Subject: 回复：会议纪要\n"
                                 "Date: "_s +
                                 view.date.toLocalTime().toString(Qt::RFC2822Date) +
                                 u"\nFrom: 张三 <zhang@example.cn>\n"
                                 "To: Me <me@tidings.test>, 李四 <li@example.cn>\n"
                                 "Cc: wang@example.cn, ZHANG@example.cn, me@TIDINGS.test\n"
                                 "\n各位好，\n> 上次的问题\n\n附件见下 <b>not bold</b> & done\n"_s;
        QCOMPARE(draft.text, expected);

        const auto rich =
            Client::makeReply(view, path, ReplyKind::Forward, identities, {}, true, files);
        QVERIFY(rich.html.contains(
            u"-------- Forwarded Message --------<br><b>Subject:</b> 回复：会议纪要"_s));
        QVERIFY(rich.html.contains(u"<b>From:</b> 张三 &lt;zhang@example.cn&gt;"_s));
        QVERIFY(rich.html.contains(u"附件见下 &lt;b&gt;not bold&lt;/b&gt; &amp; done"_s));
    }

    void forwardCarriesTheExtractedAttachments()
    {
        const QString path =
            write(u"attached.eml"_s,
                  "From: zhang@example.cn\r\nTo: me@tidings.test\r\nSubject: files\r\n"
                  "MIME-Version: 1.0\r\n"
                  "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n"
                  "--b\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nsee attached\r\n"
                  "--b\r\nContent-Type: application/pdf\r\n"
                  "Content-Disposition: attachment; filename*=UTF-8''%E7%BA%AA%E8%A6%81.pdf\r\n"
                  "Content-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQKJcfsj6IK\r\n"
                  "--b--\r\n");
        const Mime::MessageView view = read(path);
        QCOMPARE(view.attachments.size(), 1);
        QTemporaryDir files;
        QString error;
        const QList<Client::DraftFile> extracted =
            Client::extractForwardedFiles(path, view, files.path(), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(extracted.size(), 1);
        QCOMPARE(extracted.first().name, u"纪要.pdf"_s);
        QCOMPARE(extracted.first().contentType, u"application/pdf"_s);
        QVERIFY(extracted.first().path.startsWith(files.path()));
        QFile pdf(extracted.first().path);
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        QCOMPARE(pdf.readAll(), QByteArray::fromBase64("JVBERi0xLjQKJcfsj6IK"));
        QCOMPARE(extracted.first().size, 15);

        const auto draft =
            Client::makeReply(view, path, ReplyKind::Forward,
                              {identity(u"me"_s, u"me@tidings.test"_s)}, {}, false, extracted);
        QCOMPARE(draft.attachments.size(), 1);
        QCOMPARE(draft.attachments.first().path, extracted.first().path);
        QVERIFY(draft.text.contains(u"see attached"_s));

        QVERIFY(Client::extractForwardedFiles(path, view, files.filePath(u"missing/dir"_s), &error)
                    .isEmpty());
        QVERIFY(!error.isEmpty());
    }

    void forwardAsAttachment()
    {
        const QString path = write(u"minutes.eml"_s, kChineseMinutes);
        const QList<Types::AccountSettings> identities{identity(u"me"_s, u"me@tidings.test"_s)};
        const auto draft = Client::makeReply(read(path), path, ReplyKind::ForwardAsAttachment,
                                             identities, {}, false);
        QCOMPARE(draft.subject, u"Fwd: 回复：会议纪要"_s);
        QCOMPARE(draft.attachments.size(), 1);
        const Client::DraftFile &file = draft.attachments.first();
        QCOMPARE(file.path, path);
        QCOMPARE(file.contentType, u"message/rfc822"_s);
        QCOMPARE(file.name, u"回复：会议纪要.eml"_s);
        QCOMPARE(file.size, QFileInfo(path).size());
        QVERIFY(draft.text.isEmpty());
        QVERIFY(draft.inReplyTo.isEmpty());
    }

    void aSubjectWithSlashesMakesASafeFileName()
    {
        const QString path =
            write(u"slash.eml"_s, "From: a@example.org\r\nSubject: ../../etc/passwd\r\n\r\nx\r\n");
        const auto draft = Client::makeReply(read(path), path, ReplyKind::ForwardAsAttachment,
                                             {identity(u"me"_s, u"me@tidings.test"_s)}, {}, false);
        QVERIFY(!draft.attachments.first().name.contains(u'/'));
        QVERIFY(draft.attachments.first().name.endsWith(u".eml"_s));
    }

private:
    QString write(const QString &name, const QByteArray &data)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
            file.write(data) != data.size())
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }
    static Mime::MessageView read(const QString &path)
    {
        const Mime::ReadResult result = Mime::readMessage(path);
        if (!result.view)
            qFatal("unreadable test message %s: %s", qPrintable(path), qPrintable(result.error));
        return *result.view;
    }

    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestReplyDraft)
#include "tst_replydraft.moc"
