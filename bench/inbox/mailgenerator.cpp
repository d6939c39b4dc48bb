// SPDX-License-Identifier: GPL-3.0-or-later
#include "mailgenerator.h"

#include <QDateTime>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace Bench {

namespace {

// Who writes: names as people have them, addresses as companies and providers give them.
const char16_t *const kEnglishNames[] = {
    u"Alice Johnson", u"Bob Smith",      u"Carol White",     u"David Brown",   u"Emma Davis",
    u"Frank Miller",  u"Grace Wilson",   u"Henry Moore",     u"Isabel Taylor", u"Jack Anderson",
    u"Karen Thomas",  u"Liam Jackson",   u"Mia Harris",      u"Noah Martin",   u"Olivia Thompson",
    u"Paul Garcia",   u"Quinn Martinez", u"Rachel Robinson", u"Sam Clark",     u"Tina Lewis",
    u"GitHub",        u"Amazon.com",     u"LinkedIn",        u"The Register",  u"IT Helpdesk"};
const char *const kEnglishAddresses[] = {"alice.johnson@example.org",
                                         "bob@smith.example.com",
                                         "carol.white@corp.example",
                                         "dbrown@example.net",
                                         "emma.davis@mail.example",
                                         "frank@miller.example.org",
                                         "grace.wilson@example.com",
                                         "h.moore@uni.example.edu",
                                         "isabel@taylor.example",
                                         "jack.anderson@example.org",
                                         "karen.t@example.net",
                                         "liam@jackson.example",
                                         "mia.harris@example.com",
                                         "noah.martin@corp.example",
                                         "olivia@thompson.example",
                                         "paul.garcia@example.org",
                                         "quinn@example.net",
                                         "rachel.r@example.com",
                                         "sam.clark@example.org",
                                         "tina.lewis@example.net",
                                         "noreply@github.example",
                                         "ship-confirm@amazon.example",
                                         "messages-noreply@linkedin.example",
                                         "newsletter@theregister.example",
                                         "helpdesk@corp.example"};
const char16_t *const kChineseNames[] = {u"王伟", u"李娜", u"张敏", u"刘洋", u"陈静",   u"杨磊",
                                         u"赵丽", u"黄强", u"周杰", u"吴芳", u"项目组", u"人事部"};
const char *const kChineseAddresses[] = {
    "wang.wei@example.cn", "li.na@example.cn",        "zhang.min@corp.example.cn",
    "liu.yang@example.cn", "chen.jing@example.cn",    "yang.lei@example.cn",
    "zhao.li@example.cn",  "huang.qiang@example.cn",  "zhou.jie@example.cn",
    "wu.fang@example.cn",  "project@corp.example.cn", "hr@corp.example.cn"};

const char16_t *const kEnglishSubjects[] = {u"Quarterly budget review",
                                            u"Meeting notes: %1",
                                            u"Invoice %2 for March",
                                            u"Your order %2 has shipped",
                                            u"Weekly report, week %3",
                                            u"Lunch on Friday?",
                                            u"Re-org announcement",
                                            u"Security update required",
                                            u"Design review of %1",
                                            u"[%1] Build failed on main",
                                            u"Travel plans for the conference",
                                            u"Welcome to the team",
                                            u"Contract draft for %1",
                                            u"Holiday schedule",
                                            u"Your password expires soon",
                                            u"Photos from the weekend",
                                            u"Minutes of the board meeting",
                                            u"New comment on %1",
                                            u"Reminder: dentist appointment",
                                            u"Release %3.%2 is out"};
const char16_t *const kChineseSubjects[] = {
    u"本周周报",         u"项目进度更新：%1", u"会议纪要 %3",  u"请审阅合同草案",
    u"发票 %2",          u"周末聚餐",         u"系统升级通知", u"年度预算审核",
    u"关于%1的设计评审", u"出差安排",         u"欢迎新同事",   u"放假安排通知"};
const char16_t *const kProjects[] = {u"Apollo",  u"Borealis", u"Cypress", u"Delta",
                                     u"Everest", u"Falcon",   u"Granite", u"Harbor"};

const char16_t *const kEnglishWords[] = {
    u"budget",       u"meeting",    u"schedule",   u"review",    u"attached",    u"report",
    u"project",      u"team",       u"deadline",   u"customer",  u"release",     u"update",
    u"numbers",      u"quarter",    u"contract",   u"invoice",   u"shipping",    u"design",
    u"server",       u"backup",     u"holiday",    u"travel",    u"figures",     u"agenda",
    u"approve",      u"question",   u"answer",     u"details",   u"proposal",    u"estimate",
    u"revenue",      u"forecast",   u"hiring",     u"interview", u"candidate",   u"offer",
    u"salary",       u"benefits",   u"training",   u"workshop",  u"conference",  u"keynote",
    u"slides",       u"demo",       u"prototype",  u"feature",   u"bug",         u"patch",
    u"deploy",       u"migration",  u"database",   u"network",   u"outage",      u"incident",
    u"postmortem",   u"security",   u"password",   u"firewall",  u"laptop",      u"printer",
    u"office",       u"parking",    u"lunch",      u"dinner",    u"birthday",    u"party",
    u"vacation",     u"flight",     u"hotel",      u"receipt",   u"expense",     u"reimbursement",
    u"policy",       u"compliance", u"audit",      u"legal",     u"lawyer",      u"signature",
    u"draft",        u"final",      u"version",    u"feedback",  u"comments",    u"changes",
    u"approval",     u"launch",     u"marketing",  u"campaign",  u"newsletter",  u"website",
    u"analytics",    u"traffic",    u"conversion", u"pricing",   u"discount",    u"order",
    u"delivery",     u"warehouse",  u"supplier",   u"vendor",    u"procurement", u"purchase",
    u"quote",        u"payment",    u"overdue",    u"reminder",  u"account",     u"statement",
    u"balance",      u"transfer",   u"bank",       u"tax",       u"insurance",   u"renewal",
    u"subscription", u"license",    u"support",    u"ticket",    u"escalation",  u"priority",
    u"urgent",       u"weekend",    u"roadmap",    u"milestone", u"sprint",      u"retrospective",
    u"standup",      u"planning",   u"goals",      u"metrics",   u"dashboard",   u"survey",
    u"results",      u"research",   u"paper",      u"article",   u"summary",     u"notes",
    u"minutes",      u"transcript", u"recording",  u"photos",    u"video",       u"album",
    u"family",       u"garden",     u"recipe",     u"weather",   u"football",    u"concert",
    u"tickets",      u"movie",      u"book",       u"library"};
const char16_t *const kCommonWords[] = {
    u"the",   u"and",  u"for",  u"with",   u"we",     u"will",    u"need", u"before",
    u"after", u"next", u"week", u"please", u"thanks", u"regards", u"you",  u"this",
    u"that",  u"have", u"from", u"our",    u"are",    u"can"};
const char16_t *const kChineseWords[] = {
    u"我们", u"项目", u"进度", u"会议", u"预算", u"周报", u"合同", u"客户", u"需要",
    u"完成", u"本周", u"下周", u"审核", u"计划", u"安排", u"测试", u"发布", u"系统",
    u"问题", u"谢谢", u"附件", u"请",   u"的",   u"了",   u"和",   u"在"};

template<typename T, size_t N> constexpr size_t count(const T (&)[N])
{
    return N;
}

// RFC 2047 for the header when the text is not ASCII.
QByteArray encodedWord(const QString &text)
{
    for (QChar c : text)
        if (c.unicode() > 0x7e)
            return "=?UTF-8?B?" + text.toUtf8().toBase64() + "?=";
    return text.toUtf8();
}

QByteArray wrapped(const QByteArray &base64)
{
    QByteArray out;
    out.reserve(base64.size() + base64.size() / 76 * 2 + 2);
    for (qsizetype i = 0; i < base64.size(); i += 76)
        out += base64.mid(i, 76) + "\r\n";
    return out;
}

} // namespace

MailGenerator::MailGenerator(quint32 seed, qint64 now, int total)
    : m_random(seed)
    , m_now(now)
    , m_total(std::max(total, 1))
{}

QStringList MailGenerator::englishSearchTerms()
{
    return {u"budget"_s, u"Johnson"_s, u"invoice"_s, u"Falcon"_s};
}

QStringList MailGenerator::chineseSearchTerms()
{
    return {u"周报"_s, u"合同"_s, u"王伟"_s};
}

QString MailGenerator::paragraph(bool chinese)
{
    QString out;
    const int words = 20 + int(m_random.bounded(60));
    for (int i = 0; i < words; ++i) {
        if (chinese) {
            out += QString::fromUtf16(kChineseWords[m_random.bounded(int(count(kChineseWords)))]);
            if (m_random.bounded(12) == 0)
                out += u"，"_s;
        } else {
            if (i > 0)
                out += u' ';
            // Half the words are the common few, the rest spread over many: a topical word is
            // in a fraction of the mail, as in real mail.
            out +=
                m_random.bounded(2) == 0
                    ? QString::fromUtf16(kCommonWords[m_random.bounded(int(count(kCommonWords)))])
                    : QString::fromUtf16(
                          kEnglishWords[m_random.bounded(int(count(kEnglishWords)))]);
        }
    }
    return out + (chinese ? u"。"_s : u"."_s);
}

QByteArray MailGenerator::attachment(qsizetype bytes)
{
    QByteArray data(bytes, Qt::Uninitialized);
    m_random.fillRange(reinterpret_cast<quint32 *>(data.data()), bytes / 4);
    return data;
}

GeneratedMail MailGenerator::next()
{
    const int n = m_made++;
    GeneratedMail mail;
    mail.uidl = u"bench-%1"_s.arg(n, 8, 10, QLatin1Char('0'));
    Types::MessageSummary &s = mail.summary;

    const bool chinese = m_random.bounded(4) == 0;
    QString name;
    QByteArray address;
    if (chinese) {
        const int who = int(m_random.bounded(int(count(kChineseNames))));
        name = QString::fromUtf16(kChineseNames[who]);
        address = kChineseAddresses[who];
    } else {
        const int who = int(m_random.bounded(int(count(kEnglishNames))));
        name = QString::fromUtf16(kEnglishNames[who]);
        address = kEnglishAddresses[who];
    }
    s.sender = name + u" <"_s + QString::fromLatin1(address) + u'>';
    s.recipients = u"Me <me@example.org>"_s;

    // A fifth of the mail answers one of the last few hundred messages.
    const Sent *parent = nullptr;
    if (!m_recent.empty() && m_random.bounded(5) == 0) {
        const size_t back = m_random.bounded(quint32(std::min<size_t>(m_recent.size(), 300)));
        parent = &m_recent[m_recent.size() - 1 - back];
        mail.parent = n - 1 - int(back);
    }
    if (parent) {
        s.subject =
            parent->subject.startsWith(u"Re: "_s) ? parent->subject : u"Re: "_s + parent->subject;
        s.inReplyTo = parent->messageId;
        s.references = parent->references;
        s.references << parent->messageId;
        while (s.references.size() > 10)
            s.references.removeAt(1);
    } else {
        QString pattern =
            chinese ? QString::fromUtf16(
                          kChineseSubjects[m_random.bounded(int(count(kChineseSubjects)))])
                    : QString::fromUtf16(
                          kEnglishSubjects[m_random.bounded(int(count(kEnglishSubjects)))]);
        s.subject =
            pattern
                .replace(u"%1"_s,
                         QString::fromUtf16(kProjects[m_random.bounded(int(count(kProjects)))]))
                .replace(u"%2"_s, QString::number(1000 + m_random.bounded(90000)))
                .replace(u"%3"_s, QString::number(1 + m_random.bounded(52)));
    }
    s.messageId = u"%1.%2@bench.example"_s.arg(n).arg(m_random.generate(), 0, 16);

    // Oldest first, three years up to now; the last few arrived today.
    const qint64 span = 3LL * 365 * 86400;
    s.date = m_now - span + span * n / m_total - qint64(m_random.bounded(3600));
    if (n >= m_total - 5)
        s.date = m_now - (m_total - n) * 60;

    QString text;
    const int paragraphs = 1 + int(m_random.bounded(m_random.bounded(8) == 0 ? 30 : 6));
    for (int i = 0; i < paragraphs; ++i)
        text += paragraph(chinese && m_random.bounded(3) != 0) + u"\n\n"_s;
    s.body = text.left(4096);
    s.snippet = s.body.simplified().left(200);
    mail.seen = n < m_total - m_total / 50; // the newest 2 % unread

    const QByteArray date = QLocale::c()
                                .toString(QDateTime::fromSecsSinceEpoch(s.date, Qt::UTC),
                                          u"ddd, dd MMM yyyy hh:mm:ss +0000"_s)
                                .toLatin1();
    QByteArray header = "Return-Path: <" + address +
                        ">\r\nReceived: from mx.example.org by "
                        "pop.example.org; " +
                        date + "\r\nFrom: " + encodedWord(name) + " <" + address +
                        ">\r\nTo: Me <me@example.org>\r\nSubject: " + encodedWord(s.subject) +
                        "\r\nDate: " + date + "\r\nMessage-ID: <" + s.messageId.toLatin1() +
                        ">\r\n";
    if (parent)
        header += "In-Reply-To: <" + s.inReplyTo.toLatin1() + ">\r\nReferences: <" +
                  s.references.join(u"> <"_s).toLatin1() + ">\r\n";
    header += "MIME-Version: 1.0\r\n";
    const QByteArray body = wrapped(text.toUtf8().toBase64());
    s.hasAttachments = m_random.bounded(10) == 0;
    if (!s.hasAttachments) {
        mail.raw = header +
                   "Content-Type: text/plain; charset=UTF-8\r\n"
                   "Content-Transfer-Encoding: base64\r\n\r\n" +
                   body;
    } else {
        // Mostly tens of KB, now and then a few MB, as office documents and photos are.
        const qsizetype bytes = m_random.bounded(20) == 0 ? 500000 + m_random.bounded(1500000)
                                                          : 10000 + m_random.bounded(150000);
        const QByteArray boundary = "=_bench_" + QByteArray::number(n);
        mail.raw = header + "Content-Type: multipart/mixed; boundary=\"" + boundary +
                   "\"\r\n\r\n--" + boundary +
                   "\r\nContent-Type: text/plain; charset=UTF-8\r\n"
                   "Content-Transfer-Encoding: base64\r\n\r\n" +
                   body + "--" + boundary + "\r\nContent-Type: application/pdf; name=\"report-" +
                   QByteArray::number(n) +
                   ".pdf\"\r\nContent-Disposition: attachment; filename=\"report-" +
                   QByteArray::number(n) + ".pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\n" +
                   wrapped(attachment(bytes).toBase64()) + "--" + boundary + "--\r\n";
    }

    m_recent.push_back({s.messageId, s.references, s.subject});
    if (m_recent.size() > 600)
        m_recent.erase(m_recent.begin(), m_recent.begin() + 300);
    return mail;
}

} // namespace Bench
