// SPDX-License-Identifier: GPL-3.0-or-later
// Client::MailtoUrl: the examples of RFC 6068 section 6, Chinese names and subjects, and what a
// link must not be able to do (attach files, change the sender, add header lines).
#include "client/mailtourl.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestMailtoUrl : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void rfc6068Examples_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QStringList>("to");
        QTest::addColumn<QStringList>("cc");
        QTest::addColumn<QString>("subject");
        QTest::addColumn<QString>("body");

        // 6.1 Basic Examples
        QTest::newRow("plain") << u"mailto:chris@example.com"_s
                               << QStringList{u"chris@example.com"_s} << QStringList{} << QString()
                               << QString();
        QTest::newRow("subject") << u"mailto:infobot@example.com?subject=current-issue"_s
                                 << QStringList{u"infobot@example.com"_s} << QStringList{}
                                 << u"current-issue"_s << QString();
        QTest::newRow("body") << u"mailto:infobot@example.com?body=send%20current-issue"_s
                              << QStringList{u"infobot@example.com"_s} << QStringList{} << QString()
                              << u"send current-issue"_s;
        QTest::newRow("body lines")
            << u"mailto:infobot@example.com?body=send%20current-issue%0D%0Asend%20index"_s
            << QStringList{u"infobot@example.com"_s} << QStringList{} << QString()
            << u"send current-issue\nsend index"_s;
        QTest::newRow("subscribe") << u"mailto:majordomo@example.com?body=subscribe%20bamboo-l"_s
                                   << QStringList{u"majordomo@example.com"_s} << QStringList{}
                                   << QString() << u"subscribe bamboo-l"_s;
        QTest::newRow("cc") << u"mailto:joe@example.com?cc=bob@example.com&body=hello"_s
                            << QStringList{u"joe@example.com"_s}
                            << QStringList{u"bob@example.com"_s} << QString() << u"hello"_s;
        QTest::newRow("percent in address") << u"mailto:gorby%25kremvax@example.com"_s
                                            << QStringList{u"gorby%kremvax@example.com"_s}
                                            << QStringList{} << QString() << QString();
        QTest::newRow("unknown header") << u"mailto:unlikely%3Faddress@example.com?blat=foop"_s
                                        << QStringList{u"unlikely?address@example.com"_s}
                                        << QStringList{} << QString() << QString();
        QTest::newRow("ampersand in address")
            << u"mailto:Mike%26family@example.org"_s << QStringList{u"Mike&family@example.org"_s}
            << QStringList{} << QString() << QString();
        // 6.2 Examples of Complicated Email Addresses
        QTest::newRow("quoted local part")
            << u"mailto:%22not%40me%22@example.org"_s << QStringList{u"\"not@me\"@example.org"_s}
            << QStringList{} << QString() << QString();
        QTest::newRow("backslashes") << u"mailto:%22oh%5C%5Cno%22@example.org"_s
                                     << QStringList{u"\"oh\\\\no\"@example.org"_s} << QStringList{}
                                     << QString() << QString();
        QTest::newRow("ugly")
            << u"mailto:%22%5C%5C%5C%22it's%5C%20ugly%5C%5C%5C%22%22@example.org"_s
            << QStringList{u"\"\\\\\\\"it's\\ ugly\\\\\\\"\"@example.org"_s} << QStringList{}
            << QString() << QString();
        // 6.3 Examples Using UTF-8-Based Percent-Encoding
        QTest::newRow("utf-8 subject")
            << u"mailto:user@example.org?subject=caf%C3%A9"_s << QStringList{u"user@example.org"_s}
            << QStringList{} << u"café"_s << QString();
        QTest::newRow("idn domain")
            << u"mailto:user@%E7%B4%8D%E8%B1%86.example.org?subject=Test&body=NATTO"_s
            << QStringList{u"user@納豆.example.org"_s} << QStringList{} << u"Test"_s << u"NATTO"_s;
        // 7. several addresses, in the path and in to=
        QTest::newRow("to header") << u"mailto:?to=addr1@an.example,addr2@an.example"_s
                                   << QStringList{u"addr1@an.example"_s, u"addr2@an.example"_s}
                                   << QStringList{} << QString() << QString();
        QTest::newRow("path list") << u"mailto:addr1@an.example,addr2@an.example"_s
                                   << QStringList{u"addr1@an.example"_s, u"addr2@an.example"_s}
                                   << QStringList{} << QString() << QString();
        QTest::newRow("path and to") << u"mailto:addr1@an.example?to=addr2@an.example"_s
                                     << QStringList{u"addr1@an.example"_s, u"addr2@an.example"_s}
                                     << QStringList{} << QString() << QString();
        // Header names are case-insensitive; '+' is not a space in mailto.
        QTest::newRow("case and plus") << u"MAILTO:a+tag@example.com?SUBJECT=1+1&Cc=b@example.com"_s
                                       << QStringList{u"a+tag@example.com"_s}
                                       << QStringList{u"b@example.com"_s} << u"1+1"_s << QString();
        // Chinese: a display name and a subject, percent-encoded and as typed (an IRI).
        QTest::newRow("chinese encoded")
            << u"mailto:%E5%BC%A0%E4%B8%89%20%3Czhang@example.cn%3E?subject=%E4%BC%9A%E8%AE%AE%E7%BA%AA%E8%A6%81&body=%E9%99%84%E4%BB%B6%E8%A7%81%E4%B8%8B"_s
            << QStringList{u"张三 <zhang@example.cn>"_s} << QStringList{} << u"会议纪要"_s
            << u"附件见下"_s;
        QTest::newRow("chinese typed")
            << u"mailto:zhang@example.cn?cc=李四%20<li@example.cn>,wang@example.cn&subject=周报：第3周"_s
            << QStringList{u"zhang@example.cn"_s}
            << QStringList{u"李四 <li@example.cn>"_s, u"wang@example.cn"_s} << u"周报：第3周"_s
            << QString();
        QTest::newRow("comma in quoted name")
            << u"mailto:%22Doe,%20John%22%20%3Cj@example.com%3E,k@example.com"_s
            << QStringList{u"\"Doe, John\" <j@example.com>"_s, u"k@example.com"_s} << QStringList{}
            << QString() << QString();
    }
    void rfc6068Examples()
    {
        QFETCH(QString, url);
        QFETCH(QStringList, to);
        QFETCH(QStringList, cc);
        QFETCH(QString, subject);
        QFETCH(QString, body);
        const auto parsed = Client::MailtoUrl::parse(url);
        QVERIFY(parsed);
        QCOMPARE(parsed->draft.to, to);
        QCOMPARE(parsed->draft.cc, cc);
        QCOMPARE(parsed->draft.subject, subject);
        QCOMPARE(parsed->draft.text, body);
        QVERIFY(parsed->draft.bcc.isEmpty());
        QVERIFY(!parsed->draft.rich);
    }

    void unknownHeadersAreIgnoredAndSaidSo()
    {
        const auto parsed =
            Client::MailtoUrl::parse(u"mailto:unlikely%3Faddress@example.com?blat=foop"_s);
        QVERIFY(parsed);
        QCOMPARE(parsed->ignored, QStringList{u"blat"_s});
    }

    void dangerousHeadersAreIgnored()
    {
        const auto parsed = Client::MailtoUrl::parse(
            u"mailto:a@example.com?attach=/etc/passwd&Attachment=%2Fhome%2Fme%2F.ssh%2Fid_rsa"
            "&from=boss@example.com&reply-to=evil@example.net&sender=x@y&bcc=hidden@example.net"_s);
        QVERIFY(parsed);
        QCOMPARE(parsed->ignored, (QStringList{u"attach"_s, u"attachment"_s, u"from"_s,
                                               u"reply-to"_s, u"sender"_s}));
        QVERIFY(parsed->draft.attachments.isEmpty());
        QVERIFY(parsed->draft.inlineImages.isEmpty());
        QCOMPARE(parsed->draft.to, QStringList{u"a@example.com"_s});
        QCOMPARE(parsed->draft.bcc, QStringList{u"hidden@example.net"_s});
    }

    void headerValuesCannotAddHeaderLines()
    {
        const auto parsed = Client::MailtoUrl::parse(
            u"mailto:a@example.com%0D%0ABcc:%20x@evil.example?subject=Hi%0D%0ABcc:%20y@evil.example"
            "&cc=c@example.com%0Ad@example.com"_s);
        QVERIFY(parsed);
        for (const QString &value :
             parsed->draft.to + parsed->draft.cc + QStringList{parsed->draft.subject})
            QVERIFY2(!value.contains(u'\n') && !value.contains(u'\r'), qPrintable(value));
        QCOMPARE(parsed->draft.subject, u"Hi Bcc: y@evil.example"_s);
        QVERIFY(parsed->draft.bcc.isEmpty());
    }

    void inReplyToIsKeptWithoutBrackets()
    {
        // RFC 6068 6.1: a reply to a mailing list message.
        const auto parsed = Client::MailtoUrl::parse(
            u"mailto:list@example.org?In-Reply-To=%3C3469A91.D10AF4C@example.com%3E"_s);
        QVERIFY(parsed);
        QCOMPARE(parsed->draft.inReplyTo, u"3469A91.D10AF4C@example.com"_s);
        QVERIFY(parsed->ignored.isEmpty());
    }

    void repeatedFieldsAddAddressesButKeepTheFirstSubjectAndBody()
    {
        const auto parsed = Client::MailtoUrl::parse(
            u"mailto:?to=a@x.example&to=b@x.example&cc=c@x.example&cc=d@x.example&bcc=e@x.example"
            "&subject=first&subject=second&body=one&body=two"_s);
        QVERIFY(parsed);
        QCOMPARE(parsed->draft.to, (QStringList{u"a@x.example"_s, u"b@x.example"_s}));
        QCOMPARE(parsed->draft.cc, (QStringList{u"c@x.example"_s, u"d@x.example"_s}));
        QCOMPARE(parsed->draft.bcc, QStringList{u"e@x.example"_s});
        QCOMPARE(parsed->draft.subject, u"first"_s);
        QCOMPARE(parsed->draft.text, u"one"_s);
    }

    void aFragmentAndEmptyFieldsAreHarmless()
    {
        const auto parsed =
            Client::MailtoUrl::parse(u"  mailto:a@x.example?&&subject=&body#frag"_s);
        QVERIFY(parsed);
        QCOMPARE(parsed->draft.to, QStringList{u"a@x.example"_s});
        QVERIFY(parsed->draft.subject.isEmpty());
        QVERIFY(parsed->draft.text.isEmpty());
        QVERIFY(!parsed->draft.isEmpty());
    }

    void notAMailtoUrl()
    {
        QVERIFY(!Client::MailtoUrl::parse(u"https://example.com/?to=a@b"_s));
        QVERIFY(!Client::MailtoUrl::parse(u"a@example.com"_s));
        QVERIFY(!Client::MailtoUrl::parse(QString()));
        QVERIFY(!Client::MailtoUrl::parse(u"mailto:a@x.example?body="_s +
                                          QString(Client::MailtoUrl::kMaxLength, u'x')));
        QVERIFY(Client::MailtoUrl::parse(u"mailto:"_s)); // an empty message: still a compose window
    }
};

QTEST_GUILESS_MAIN(TestMailtoUrl)
#include "tst_mailtourl.moc"
