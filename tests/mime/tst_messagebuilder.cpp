// SPDX-License-Identifier: GPL-3.0-or-later
// Outgoing messages: the shape of each kind, the encodings, nothing 8-bit in any header, Bcc only
// when kept, our own Message-ID, and every message read back by our own reader. Also the
// address list parser, the HTML-to-text alternative and readOutgoing.
#include "mime/messagebuilder.h"
#include "mime/messageview.h"
#include "mime/partdata.h"
#include "mime/quotedprintable.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

QByteArray randomBytes(qsizetype size, quint32 seed)
{
    QByteArray data(size, Qt::Uninitialized);
    QRandomGenerator generator(seed);
    generator.fillRange(reinterpret_cast<quint32 *>(data.data()), size / 4);
    for (qsizetype i = size / 4 * 4; i < size; ++i)
        data[i] = char(generator.generate());
    return data;
}

// The header block (up to the first empty line), unfolded, one field per entry.
QStringList headerFields(const QByteArray &message)
{
    const qsizetype end = message.indexOf("\r\n\r\n");
    const QString block = QString::fromLatin1(message.left(end)).replace(u"\r\n "_s, u" "_s);
    return block.split(u"\r\n"_s);
}

QString field(const QByteArray &message, const QString &name)
{
    for (const QString &line : headerFields(message))
        if (line.startsWith(name + u':', Qt::CaseInsensitive))
            return line.mid(name.size() + 1).trimmed();
    return {};
}

QString normalized(QString s)
{
    return s.replace(u"\r\n"_s, u"\n"_s).trimmed();
}

} // namespace

class TestMessageBuilder : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    Mime::OutgoingMessage basic() const
    {
        Mime::OutgoingMessage m;
        m.from = {u"Ann Example"_s, u"ann@example.org"_s};
        m.to = {{u"Bob"_s, u"bob@example.com"_s}};
        m.subject = u"Hello"_s;
        return m;
    }

    QByteArray build(const Mime::OutgoingMessage &m, Mime::BuildResult *result = nullptr)
    {
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        const Mime::BuildResult r = Mime::buildMessage(m, buffer);
        if (result)
            *result = r;
        else if (!r.ok)
            qWarning() << "build failed:" << r.error;
        return buffer.data();
    }

    // The message through our own reader (from a file, as the store reads it).
    Mime::MessageView readBack(const QByteArray &message, const QString &name)
    {
        const QString file = path(name);
        writeFile(file, message);
        const Mime::ReadResult result = Mime::readMessage(file);
        if (!result.view)
            qWarning() << "read failed:" << result.error;
        return result.view.value_or(Mime::MessageView());
    }

    QString writeImage(const QString &name, quint32 seed)
    {
        const QString p = path(name);
        writeFile(p, "\x89PNG\r\n\x1a\n" + randomBytes(3000, seed));
        return p;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        Mime::initialize();
    }

    void plainTextIsOneQuotedPrintablePart()
    {
        Mime::OutgoingMessage m = basic();
        m.text = u"Line one\nLine two with ünïcödé and 中文\n"_s;
        Mime::BuildResult result;
        const QByteArray out = build(m, &result);
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(result.size, out.size());
        QVERIFY(field(out, u"Content-Type"_s).startsWith(u"text/plain; charset=utf-8"_s));
        QCOMPARE(field(out, u"Content-Transfer-Encoding"_s), u"quoted-printable"_s);
        QCOMPARE(field(out, u"Mime-Version"_s), u"1.0"_s);
        QVERIFY(!field(out, u"Date"_s).isEmpty());
        QVERIFY(out.contains("=C3=BC")); // ü, quoted-printable
        QVERIFY(!out.contains("multipart"));
        const Mime::MessageView v = readBack(out, u"plain.eml"_s);
        QCOMPARE(normalized(v.text.value_or(QString())), normalized(*m.text));
        QVERIFY(!v.html);
        QCOMPARE(v.subject, u"Hello"_s);
    }

    void htmlGetsAPlainAlternative()
    {
        Mime::OutgoingMessage m = basic();
        m.html = u"<p>Hello <b>world</b></p><ul><li>one</li><li>two</li></ul>"_s;
        const QByteArray out = build(m);
        QVERIFY(field(out, u"Content-Type"_s).startsWith(u"multipart/alternative"_s));
        const qsizetype plain = out.indexOf("Content-Type: text/plain");
        const qsizetype html = out.indexOf("Content-Type: text/html");
        QVERIFY(plain > 0 && html > plain); // the richest last (RFC 2046)
        const Mime::MessageView v = readBack(out, u"html.eml"_s);
        QCOMPARE(normalized(v.html.value_or(QString())), *m.html);
        QCOMPARE(normalized(v.text.value_or(QString())), u"Hello world\n\n- one\n- two"_s);
    }

    void htmlWithItsOwnTextKeepsIt()
    {
        Mime::OutgoingMessage m = basic();
        m.html = u"<p>rich</p>"_s;
        m.text = u"my own plain words"_s;
        const Mime::MessageView v = readBack(build(m), u"own.eml"_s);
        QCOMPARE(normalized(v.text.value_or(QString())), *m.text);
    }

    void inlineImagesAreRelatedToTheHtml()
    {
        Mime::OutgoingMessage m = basic();
        const QString image = writeImage(u"logo.png"_s, 1);
        m.html = u"<p>Look: <img src=\"cid:logo1@example.org\" alt=\"logo\"></p>"_s;
        m.inlineImages = {{image, QString(), QString(), u"logo1@example.org"_s}};
        const QByteArray out = build(m);
        QVERIFY(field(out, u"Content-Type"_s).startsWith(u"multipart/alternative"_s));
        QVERIFY(out.contains("Content-Type: multipart/related;"));
        QVERIFY(out.contains("type=\"text/html\""));
        QVERIFY(out.contains("Content-Id: <logo1@example.org>"));
        QVERIFY(out.contains("Content-Type: image/png"));
        QVERIFY(out.contains("Content-Disposition: inline; filename=logo.png"));
        // related sits inside alternative, after the plain text
        QVERIFY(out.indexOf("text/plain") < out.indexOf("multipart/related"));

        const QString file = path(u"inline.eml"_s);
        writeFile(file, out);
        const Mime::DisplayParts parts = Mime::readDisplayParts(file);
        QCOMPARE(parts.inlineParts.size(), 1);
        QCOMPARE(parts.inlineParts[0].contentId, u"logo1@example.org"_s);
        QFile f(image);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(parts.inlineParts[0].data, f.readAll());
        const Mime::MessageView v = readBack(out, u"inline2.eml"_s);
        QVERIFY(v.html->contains(u"cid:logo1@example.org"_s));
    }

    void inlineImageWithoutIdGetsOneOnTheSendersDomain()
    {
        Mime::OutgoingMessage m = basic();
        m.html = u"<p>x</p>"_s;
        m.inlineImages = {{writeImage(u"noid.png"_s, 2), QString(), QString(), QString()}};
        const QByteArray out = build(m);
        static const QRegularExpression cid(u"Content-Id: <[A-Za-z0-9_-]+@example\\.org>"_s);
        QVERIFY(cid.match(QString::fromLatin1(out)).hasMatch());
    }

    void attachmentsAreMixedAndByteExact()
    {
        Mime::OutgoingMessage m = basic();
        m.text = u"see attached"_s;
        const QByteArray big = randomBytes(5 * 1024 * 1024 + 7, 42);
        const QString bin = path(u"data.bin"_s);
        QVERIFY(writeFile(bin, big));
        const QString note = path(u"note.txt"_s);
        QVERIFY(writeFile(note, "line one\nline two without CR\n"));
        const QString empty = path(u"empty"_s);
        QVERIFY(writeFile(empty, {}));
        m.attachments = {{bin, QString(), QString(), QString()},
                         {note, u"renamed.txt"_s, QString(), QString()},
                         {empty, QString(), QString(), QString()}};
        const QByteArray out = build(m);
        QVERIFY(field(out, u"Content-Type"_s).startsWith(u"multipart/mixed"_s));
        QVERIFY(out.contains("Content-Disposition: attachment; filename=data.bin"));
        QVERIFY(out.contains("Content-Type: application/octet-stream"));
        QVERIFY(out.contains("Content-Type: text/plain; name=renamed.txt")); // guessed by name
        QCOMPARE(out.count("Content-Transfer-Encoding: base64"), 3);
        QVERIFY(out.contains("Content-Type: application/octet-stream; name=empty"));

        const QString file = path(u"mixed.eml"_s);
        writeFile(file, out);
        const Mime::ReadResult read = Mime::readMessage(file);
        QVERIFY(read.view);
        QCOMPARE(read.view->attachments.size(), 3);
        QCOMPARE(read.view->attachments[2].size, 0);
        QCOMPARE(read.view->attachments[0].filename, u"data.bin"_s);
        QCOMPARE(read.view->attachments[0].size, big.size());
        QCOMPARE(read.view->attachments[1].filename, u"renamed.txt"_s);
        QBuffer decoded;
        decoded.open(QIODevice::WriteOnly);
        QString error;
        QVERIFY2(Mime::writeViewAttachment(file, 0, decoded, &error), qPrintable(error));
        QCOMPARE(QCryptographicHash::hash(decoded.data(), QCryptographicHash::Sha256),
                 QCryptographicHash::hash(big, QCryptographicHash::Sha256));
        QBuffer text;
        text.open(QIODevice::WriteOnly);
        QVERIFY(Mime::writeViewAttachment(file, 1, text, &error));
        QCOMPARE(text.data(), QByteArray("line one\nline two without CR\n")); // no CR added
    }

    void everyLineIsCrlfSevenBitAndShort()
    {
        Mime::OutgoingMessage m = chinese();
        m.html = u"<p>正文 <b>粗体</b></p>\n<p>second\nline</p>"_s;
        // A line whose encoding ends at 72 characters, just before its line end: vmime's
        // quoted-printable encoder put a soft break between the CR and the LF there.
        m.text = u"正文\nsecond line\n\n附件是会议纪要。\n"_s;
        const QByteArray out = build(m);
        QVERIFY(!out.isEmpty());
        for (qsizetype i = 0; i < out.size(); ++i) {
            QVERIFY2(uchar(out[i]) < 0x80, qPrintable(u"8-bit byte at %1"_s.arg(i)));
            if (out[i] == '\n')
                QVERIFY2(i > 0 && out[i - 1] == '\r', qPrintable(u"bare LF at %1"_s.arg(i)));
            if (out[i] == '\r')
                QVERIFY2(i + 1 < out.size() && out[i + 1] == '\n', "bare CR");
        }
        // 78 (+ the CR) everywhere but in vmime's RFC 2231 parameter sections, which run to 88.
        static const QRegularExpression rfc2231Section(u"\\*[0-9]+\\*="_s);
        for (const QByteArray &line : out.split('\n')) {
            QVERIFY2(line.size() <= 999, line.constData());
            if (!rfc2231Section.match(QString::fromLatin1(line)).hasMatch())
                QVERIFY2(line.size() <= 79, line.constData());
        }
    }

    void chineseSubjectNamesAndFileNamesRoundTrip()
    {
        Mime::OutgoingMessage m = chinese();
        const QByteArray out = build(m);
        QVERIFY(field(out, u"Subject"_s).startsWith(u"=?utf-8?"_s));
        // Not folded before the first word: that would read as a leading space.
        QVERIFY(out.contains("\r\nSubject: =?utf-8?B?"));
        QVERIFY(field(out, u"From"_s).startsWith(u"=?utf-8?"_s));
        static const QRegularExpression rfc2231(u"filename\\*(0\\*)?=utf-8''%E4%BC%9A%E8%AE%AE"_s);
        QVERIFY(rfc2231.match(QString::fromLatin1(out)).hasMatch());
        const Mime::MessageView v = readBack(out, u"chinese.eml"_s);
        QCOMPARE(v.subject, m.subject);
        QCOMPARE(v.from.size(), 1);
        QCOMPARE(v.from[0].name, u"张三"_s);
        QCOMPARE(v.from[0].address, u"zhang@example.cn"_s);
        QCOMPARE(v.to.size(), 3);
        QCOMPARE(v.to[0].name, u"李四 \"老李\""_s);
        QCOMPARE(v.to[1].name, u"Smith, John"_s);
        QCOMPARE(v.to[2].name, u"back\\slash"_s);
        QCOMPARE(v.to[2].address, u"w@xn--fsqu00a.xn--fiqs8s"_s); // 例子.中国 in IDNA
        QCOMPARE(v.attachments.size(), 1);
        QCOMPARE(v.attachments[0].filename, u"会议纪要 第一版.txt"_s);
    }

    void bccOnlyWhenKept()
    {
        Mime::OutgoingMessage m = basic();
        m.bcc = {{u"Secret"_s, u"secret@example.net"_s}};
        const QByteArray sent = build(m);
        QVERIFY(!sent.contains("secret@example.net"));
        QVERIFY(field(sent, u"Bcc"_s).isEmpty());
        m.keepBcc = true;
        const QByteArray draft = build(m);
        QCOMPARE(field(draft, u"Bcc"_s), u"Secret <secret@example.net>"_s);
    }

    void messageIdIsOursOnTheSendersDomain()
    {
        Mime::OutgoingMessage m = basic();
        Mime::BuildResult result;
        const QByteArray out = build(m, &result);
        QVERIFY(result.messageId.endsWith(u"@example.org"_s));
        QCOMPARE(field(out, u"Message-Id"_s), u'<' + result.messageId + u'>');
        QVERIFY(result.messageId.section(u'@', 0, 0).size() >= 20); // 18 random bytes
        const QString host = QSysInfo::machineHostName();
        if (host.size() > 3 && host != u"localhost"_s)
            QVERIFY2(!out.contains(host.toLatin1()), "the host name leaked");
        QVERIFY(Mime::makeMessageId(u"ann@example.org"_s) !=
                Mime::makeMessageId(u"ann@example.org"_s));
        QVERIFY(Mime::makeMessageId(u"z@例子.中国"_s).endsWith(u"@xn--fsqu00a.xn--fiqs8s"_s));
        QVERIFY(Mime::makeMessageId(u"nonsense"_s).endsWith(u"@tidings.invalid"_s));
        m.messageId = u"given@example.org"_s;
        QCOMPARE(field(build(m), u"Message-Id"_s), u"<given@example.org>"_s);
    }

    void threadingAndDate()
    {
        Mime::OutgoingMessage m = basic();
        m.inReplyTo = u"parent@example.com"_s;
        m.references = {u"root@example.com"_s, u"parent@example.com"_s};
        m.date = QDateTime(QDate(2024, 3, 5), QTime(14, 30, 5), Qt::OffsetFromUTC, 8 * 3600);
        m.replyTo = {{u"A"_s, u"a@example.com"_s}, {QString(), u"b@example.com"_s}};
        const QByteArray out = build(m);
        QCOMPARE(field(out, u"In-Reply-To"_s), u"<parent@example.com>"_s);
        QCOMPARE(field(out, u"References"_s), u"<root@example.com> <parent@example.com>"_s);
        QCOMPARE(field(out, u"Date"_s), u"Tue, 5 Mar 2024 14:30:05 +0800"_s);
        QCOMPARE(field(out, u"Reply-To"_s), u"A <a@example.com>, b@example.com"_s);
        const Mime::MessageView v = readBack(out, u"thread.eml"_s);
        QCOMPARE(v.date, m.date.toUTC());
        QCOMPARE(v.replyTo.size(), 2);
    }

    void invalidInputWritesNothing()
    {
        Mime::OutgoingMessage m = basic();
        m.to << Mime::Address{u"X"_s, u"not-an-address"_s};
        Mime::BuildResult result;
        QVERIFY(build(m, &result).isEmpty());
        QVERIFY(!result.ok);
        QVERIFY2(result.error.contains(u"not-an-address"_s), qPrintable(result.error));
        QCOMPARE(result.size, 0);

        m = basic();
        m.attachments = {{path(u"missing.pdf"_s), QString(), QString(), QString()}};
        QVERIFY(build(m, &result).isEmpty());
        QVERIFY(!result.ok);
        QVERIFY2(result.error.contains(u"missing.pdf"_s), qPrintable(result.error));

        m = basic();
        m.from.address = u"用户@example.org"_s; // would need SMTPUTF8
        QVERIFY(build(m, &result).isEmpty());
        QVERIFY(!result.ok);
    }

    void parseAddressList_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("valid"); // "name|address"
        QTest::addColumn<QStringList>("invalid");
        QTest::newRow("bare") << u"a@example.com"_s << QStringList{u"|a@example.com"_s}
                              << QStringList{};
        QTest::newRow("name and angle")
            << u"Ann Lee <ann@example.com>"_s << QStringList{u"Ann Lee|ann@example.com"_s}
            << QStringList{};
        QTest::newRow("quoted name with comma")
            << u"\"Lee, Ann\" <ann@example.com>, bob@example.com"_s
            << QStringList{u"Lee, Ann|ann@example.com"_s, u"|bob@example.com"_s} << QStringList{};
        QTest::newRow("escaped quote")
            << u"\"Ann \\\"the boss\\\" Lee\" <ann@example.com>"_s
            << QStringList{u"Ann \"the boss\" Lee|ann@example.com"_s} << QStringList{};
        QTest::newRow("chinese") << u"张三 <z@example.cn>; 李四 <li@example.cn>"_s
                                 << QStringList{u"张三|z@example.cn"_s, u"李四|li@example.cn"_s}
                                 << QStringList{};
        QTest::newRow("pasted lines and separators")
            << u"a@example.com\nB <b@example.com>;\r\n c@example.com ,, ;\n"_s
            << QStringList{u"|a@example.com"_s, u"B|b@example.com"_s, u"|c@example.com"_s}
            << QStringList{};
        QTest::newRow("unquoted comma name from another client")
            << u"Smith, John <john@example.com>"_s << QStringList{u"Smith, John|john@example.com"_s}
            << QStringList{};
        QTest::newRow("comment name")
            << u"ann@example.com (Ann)"_s << QStringList{u"Ann|ann@example.com"_s} << QStringList{};
        QTest::newRow("encoded word pasted")
            << u"=?UTF-8?B?5byg5LiJ?= <z@example.cn>"_s << QStringList{u"张三|z@example.cn"_s}
            << QStringList{};
        QTest::newRow("mailto") << u"mailto:ann@example.com"_s << QStringList{u"|ann@example.com"_s}
                                << QStringList{};
        QTest::newRow("localhost")
            << u"root@localhost"_s << QStringList{u"|root@localhost"_s} << QStringList{};
        QTest::newRow("idn domain")
            << u"z@例子.中国"_s << QStringList{u"|z@例子.中国"_s} << QStringList{};
        QTest::newRow("invalid ones as typed")
            << u"good@example.com, no-at-sign, two@@example.com, @example.com, x@nodot,"
               " Name <bad address@example.com>, a@b..com, 用户@example.cn"_s
            << QStringList{u"|good@example.com"_s}
            << QStringList{u"no-at-sign"_s,
                           u"two@@example.com"_s,
                           u"@example.com"_s,
                           u"x@nodot"_s,
                           u"Name <bad address@example.com>"_s,
                           u"a@b..com"_s,
                           u"用户@example.cn"_s};
        QTest::newRow("empty") << u"  ,;\n"_s << QStringList{} << QStringList{};
    }
    void parseAddressList()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, valid);
        QFETCH(QStringList, invalid);
        const Mime::AddressList list = Mime::parseAddressList(text);
        QStringList got;
        for (const Mime::Address &a : list.valid)
            got << a.name + u'|' + a.address;
        QCOMPARE(got, valid);
        QCOMPARE(list.invalid, invalid);
    }

    void formatAddressRoundTrips_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("formatted");
        QTest::newRow("none") << QString() << u"a@example.com"_s;
        QTest::newRow("plain") << u"Ann Lee"_s << u"Ann Lee <a@example.com>"_s;
        QTest::newRow("comma") << u"Lee, Ann"_s << u"\"Lee, Ann\" <a@example.com>"_s;
        QTest::newRow("quote") << u"A \"B\" C"_s << u"\"A \\\"B\\\" C\" <a@example.com>"_s;
        QTest::newRow("chinese") << u"张三"_s << u"张三 <a@example.com>"_s;
        QTest::newRow("dot") << u"J. Lee"_s << u"\"J. Lee\" <a@example.com>"_s;
    }
    void formatAddressRoundTrips()
    {
        QFETCH(QString, name);
        QFETCH(QString, formatted);
        const Mime::Address a{name, u"a@example.com"_s};
        QCOMPARE(Mime::formatAddress(a), formatted);
        const Mime::AddressList back = Mime::parseAddressList(formatted);
        QCOMPARE(back.valid.size(), 1);
        QCOMPARE(back.valid[0].name, name);
        QCOMPARE(back.valid[0].address, a.address);
    }

    void plainTextFromHtml_data()
    {
        QTest::addColumn<QString>("html");
        QTest::addColumn<QString>("text");
        QTest::newRow("paragraphs") << u"<p>One</p><p>Two\nlines</p>"_s << u"One\n\nTwo lines"_s;
        QTest::newRow("breaks") << u"a<br>b<br/><br>c"_s << u"a\nb\n\nc"_s;
        QTest::newRow("entities")
            << u"&lt;tag&gt; &amp; &quot;q&quot; &#20013;&#x6587; caf&eacute;&nbsp;x"_s
            << u"<tag> & \"q\" 中文 caf&eacute; x"_s;
        QTest::newRow("bullets") << u"<ul><li>one</li><li>two</li></ul>after"_s
                                 << u"- one\n- two\n\nafter"_s;
        QTest::newRow("numbers") << u"<ol><li>one<li>two</ol>"_s << u"1. one\n2. two"_s;
        QTest::newRow("numbers from start") << u"<ol start=\"3\"><li>c</li></ol>"_s << u"3. c"_s;
        QTest::newRow("nested") << u"<ul><li>a<ul><li>b</li></ul></li><li>c</li></ul>"_s
                                << u"- a\n  - b\n- c"_s;
        QTest::newRow("quote")
            << u"<p>He wrote:</p><blockquote><p>first</p><p>second</p></blockquote><p>ok</p>"_s
            << u"He wrote:\n\n> first\n>\n> second\n\nok"_s;
        QTest::newRow("nested quote")
            << u"<blockquote>a<blockquote>b</blockquote></blockquote>"_s << u"> a\n>\n>> b"_s;
        QTest::newRow("link")
            << u"See <a href=\"https://example.com/x?a=1&amp;b=2\">the site</a>."_s
            << u"See the site <https://example.com/x?a=1&b=2>."_s;
        QTest::newRow("link same as text")
            << u"<a href=\"https://example.com\">https://example.com</a>"_s
            << u"https://example.com"_s;
        QTest::newRow("mailto link") << u"<a href=\"mailto:a@b.com\">a@b.com</a>"_s << u"a@b.com"_s;
        QTest::newRow("no scripts or styles")
            << u"<html><head><title>T</title><style>p{color:red}</style></head>"
               "<body><script>alert(1)</script><p>text</p><!-- hidden --></body></html>"_s
            << u"text"_s;
        QTest::newRow("image alt")
            << u"<p>Logo: <img src=\"cid:x\" alt=\"ACME\"></p>"_s << u"Logo: ACME"_s;
        QTest::newRow("pre") << u"<pre>  a\n    b</pre>"_s << u"  a\n    b"_s;
        QTest::newRow("headings and divs")
            << u"<h1>Title</h1><div>x</div><div>y</div>"_s << u"Title\n\nx\ny"_s;
        QTest::newRow("inline spacing")
            << u"Hello <b>world</b> <i>again</i>!"_s << u"Hello world again!"_s;
        // What QTextEdit::toHtml() writes: a paragraph without margins per line typed, an
        // empty one for an empty line.
        QTest::newRow("qtextedit lines")
            << u"<html><head><meta name=\"qrichtext\" content=\"1\" /><style type=\"text/css\">\n"
               "p, li { white-space: pre-wrap; }\n</style></head><body style=\" font-size:9pt;\">\n"
               "<p style=\" margin-top:0px; margin-bottom:0px; margin-left:0px;\">line one</p>\n"
               "<p style=\" margin-top:0px; margin-bottom:0px; margin-left:0px;\">line two</p>\n"
               "<p style=\"-qt-paragraph-type:empty; margin-top:0px; margin-bottom:0px;\"><br "
               "/></p>\n"
               "<p style=\" margin-top:0px; margin-bottom:0px;\">after an empty line</p></body></html>"_s
            << u"line one\nline two\n\nafter an empty line"_s;
        QTest::newRow("empty paragraph between paragraphs")
            << u"<p>one</p><p><br></p><p>two</p>"_s << u"one\n\ntwo"_s;
        QTest::newRow("stray angle") << u"1 < 2 and 3 > 2"_s << u"1 < 2 and 3 > 2"_s;
    }
    void plainTextFromHtml()
    {
        QFETCH(QString, html);
        QFETCH(QString, text);
        QCOMPARE(Mime::plainTextFromHtml(html), text);
    }

    void replaceImageSources()
    {
        const QString html = u"<p><IMG alt='a' SRC='pics/cat.png' width=3><img src=other.png>"
                             "<img src=\"cat.png\"/></p>"_s;
        const QString out = Mime::replaceImageSources(
            html, {{u"pics/cat.png"_s, u"c1@x.org"_s}, {u"cat.png"_s, u"c1@x.org"_s}});
        QCOMPARE(out, u"<p><IMG alt='a' SRC=\"cid:c1@x.org\" width=3><img src=other.png>"
                      "<img src=\"cid:c1@x.org\"/></p>"_s);
    }

    void imageSources()
    {
        QCOMPARE(Mime::imageSources(u"<p><img alt=x src=\"a.png\"><IMG SRC='b&amp;c.png'>"
                                    "<img><image src=no.png><img src=cid:d@x></p>"_s),
                 (QStringList{u"a.png"_s, u"b&c.png"_s, u"cid:d@x"_s}));
    }

    void quotedPrintable()
    {
        const QByteArray text = "From here\n" + QByteArray(100, 'a') + "=b \n" +
                                QByteArray(73, 'c') + "\xc3\xa9\r\ntrailing tab\t\rend";
        const QByteArray qp = Mime::detail::quotedPrintable(text);
        for (const QByteArray &line : qp.split('\n'))
            QVERIFY2(line.size() <= 77, line.constData()); // 76 + the CR
        QVERIFY(qp.startsWith("=46rom here\r\n"));
        QVERIFY(qp.contains("=3Db=20\r\n"));
        QVERIFY(qp.contains("trailing tab=09\r\nend"));
        QVERIFY(!qp.contains("=\r\n\r\n")); // never a soft break right before a hard one
        // decoded: the text with CRLF line ends
        QByteArray decoded = qp;
        decoded.replace("=\r\n", "");
        QByteArray plain;
        for (qsizetype i = 0; i < decoded.size(); ++i) {
            if (decoded[i] == '=') {
                plain += char(decoded.mid(i + 1, 2).toInt(nullptr, 16));
                i += 2;
            } else {
                plain += decoded[i];
            }
        }
        QByteArray expected = text;
        expected.replace("\r\n", "\n").replace('\r', '\n').replace("\n", "\r\n");
        QCOMPARE(plain, expected);
    }

    void readOutgoingRoundTrip()
    {
        Mime::OutgoingMessage m = chinese();
        m.text.reset();
        m.html = u"<p>图 <img src=\"cid:pic1@example.cn\"></p>"_s;
        m.inlineImages = {
            {writeImage(u"图片.png"_s, 3), QString(), QString(), u"pic1@example.cn"_s}};
        m.bcc = {{u"密送"_s, u"bcc@example.com"_s}};
        m.cc = {{QString(), u"cc@example.com"_s}};
        m.inReplyTo = u"p@example.com"_s;
        m.references = {u"r@example.com"_s, u"p@example.com"_s};
        m.keepBcc = true;
        Mime::BuildResult result;
        const QByteArray out = build(m, &result);
        const QString file = path(u"draft.eml"_s);
        QVERIFY(writeFile(file, out));
        const QString files = path(u"draftfiles"_s);
        QVERIFY(QDir().mkpath(files));
        QString error;
        const auto back = Mime::readOutgoing(file, files, &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(back->from.name, m.from.name);
        QCOMPARE(back->to.size(), m.to.size());
        QCOMPARE(back->cc.size(), 1);
        QCOMPARE(back->bcc.size(), 1);
        QCOMPARE(back->bcc[0].name, u"密送"_s);
        QCOMPARE(back->bcc[0].address, u"bcc@example.com"_s);
        QCOMPARE(back->subject, m.subject);
        QCOMPARE(normalized(back->html.value_or(QString())), *m.html);
        QVERIFY(!back->text); // it was made from the HTML: made again on the next build
        QCOMPARE(back->messageId, result.messageId);
        QCOMPARE(back->inReplyTo, m.inReplyTo);
        QCOMPARE(back->references, m.references);
        QCOMPARE(back->inlineImages.size(), 1);
        QCOMPARE(back->inlineImages[0].contentId, u"pic1@example.cn"_s);
        QCOMPARE(back->inlineImages[0].filename, u"图片.png"_s);
        QCOMPARE(back->attachments.size(), 1);
        QCOMPARE(back->attachments[0].filename, u"会议纪要 第一版.txt"_s);
        for (const Mime::OutgoingFile &f : back->inlineImages + back->attachments) {
            QVERIFY2(f.path.startsWith(files + u'/'), qPrintable(f.path));
            QVERIFY(QFile::exists(f.path));
        }
        QFile image(back->inlineImages[0].path);
        QFile original(m.inlineImages[0].path);
        QVERIFY(image.open(QIODevice::ReadOnly) && original.open(QIODevice::ReadOnly));
        QCOMPARE(image.readAll(), original.readAll());

        // Built again from what was read: the same message.
        Mime::OutgoingMessage again = *back;
        again.keepBcc = true;
        const QByteArray rebuilt = build(again);
        QCOMPARE(field(rebuilt, u"Subject"_s), field(out, u"Subject"_s));
        QCOMPARE(field(rebuilt, u"Bcc"_s), field(out, u"Bcc"_s));
        QCOMPARE(field(rebuilt, u"Message-Id"_s), field(out, u"Message-Id"_s));
    }

    void readOutgoingNeverWritesOutsideTheFolder()
    {
        // A hostile file name in a saved message.
        const QByteArray message =
            "From: a@example.org\r\nTo: b@example.org\r\nSubject: x\r\nMIME-Version: 1.0\r\n"
            "Content-Type: multipart/mixed; boundary=m\r\n\r\n--m\r\n"
            "Content-Type: text/plain\r\n\r\nbody\r\n--m\r\n"
            "Content-Type: application/octet-stream\r\n"
            "Content-Disposition: attachment; filename=\"../../escape.sh\"\r\n"
            "Content-Transfer-Encoding: base64\r\n\r\nZXZpbA==\r\n--m--\r\n";
        const QString file = path(u"hostile.eml"_s);
        QVERIFY(writeFile(file, message));
        const QString files = path(u"hostile/inner"_s);
        QVERIFY(QDir().mkpath(files));
        QString error;
        const auto back = Mime::readOutgoing(file, files, &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(back->attachments.size(), 1);
        QCOMPARE(back->attachments[0].path, files + u"/escape.sh"_s);
        QVERIFY(!QFile::exists(path(u"escape.sh"_s)));
        QVERIFY(!QFile::exists(path(u"hostile/escape.sh"_s)));
    }

private:
    Mime::OutgoingMessage chinese()
    {
        Mime::OutgoingMessage m;
        m.from = {u"张三"_s, u"zhang@example.cn"_s};
        m.to = {{u"李四 \"老李\""_s, u"li@example.cn"_s},
                {u"Smith, John"_s, u"john@example.com"_s},
                {u"back\\slash"_s, u"w@例子.中国"_s}};
        m.subject =
            u"会议纪要：第三季度 — Q3 review \"draft\" (v2) 很长的主题需要折行很长的主题需要折行"_s;
        m.text = u"你好\n"_s;
        const QString note = path(u"会议纪要 第一版.txt"_s);
        writeFile(note, "notes\n");
        m.attachments = {{note, QString(), QString(), QString()}};
        return m;
    }
};

QTEST_GUILESS_MAIN(TestMessageBuilder)
#include "tst_messagebuilder.moc"
