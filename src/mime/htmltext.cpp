// SPDX-License-Identifier: GPL-3.0-or-later
// The text/plain alternative of an HTML body, made without QtGui (tidings_mime is headless): a
// small tolerant tag reader, and a writer that knows paragraphs, lists, quotes and links.
#include "messagebuilder.h"

#include <QHash>
#include <QRegularExpression>

#include <climits>
#include <vector>

using namespace Qt::StringLiterals;

namespace Mime {

namespace {

QString decodeEntities(const QString &s)
{
    static const QHash<QString, QString> named{
        {u"amp"_s, u"&"_s},        {u"lt"_s, u"<"_s},          {u"gt"_s, u">"_s},
        {u"quot"_s, u"\""_s},      {u"apos"_s, u"'"_s},        {u"nbsp"_s, u"\u00a0"_s},
        {u"copy"_s, u"\u00a9"_s},  {u"reg"_s, u"\u00ae"_s},    {u"trade"_s, u"\u2122"_s},
        {u"mdash"_s, u"\u2014"_s}, {u"ndash"_s, u"\u2013"_s},  {u"hellip"_s, u"\u2026"_s},
        {u"lsquo"_s, u"\u2018"_s}, {u"rsquo"_s, u"\u2019"_s},  {u"ldquo"_s, u"\u201c"_s},
        {u"rdquo"_s, u"\u201d"_s}, {u"laquo"_s, u"\u00ab"_s},  {u"raquo"_s, u"\u00bb"_s},
        {u"bull"_s, u"\u2022"_s},  {u"middot"_s, u"\u00b7"_s}, {u"euro"_s, u"\u20ac"_s},
        {u"pound"_s, u"\u00a3"_s}, {u"yen"_s, u"\u00a5"_s},    {u"cent"_s, u"\u00a2"_s},
        {u"deg"_s, u"\u00b0"_s},   {u"times"_s, u"\u00d7"_s},  {u"divide"_s, u"\u00f7"_s},
        {u"shy"_s, QString()},     {u"zwnj"_s, QString()},     {u"zwj"_s, QString()},
        {u"ensp"_s, u" "_s},       {u"emsp"_s, u" "_s},        {u"thinsp"_s, u" "_s},
    };
    if (!s.contains(u'&'))
        return s;
    QString out;
    for (qsizetype i = 0; i < s.size(); ++i) {
        const qsizetype semi = s[i] == u'&' ? s.indexOf(u';', i + 1) : -1;
        if (semi < 0 || semi - i > 12) {
            out += s[i];
            continue;
        }
        const QString name = s.mid(i + 1, semi - i - 1);
        bool ok = false;
        char32_t code = 0;
        if (name.startsWith(u"#x"_s, Qt::CaseInsensitive))
            code = name.mid(2).toUInt(&ok, 16);
        else if (name.startsWith(u'#'))
            code = name.mid(1).toUInt(&ok, 10);
        if (ok && code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff)) {
            out += QString::fromUcs4(&code, 1);
            i = semi;
        } else if (const auto it = named.constFind(name); it != named.constEnd()) {
            out += *it;
            i = semi;
        } else {
            out += s[i]; // not an entity we know: the text as written
        }
    }
    return out;
}

struct Tag
{
    QString name; // lower case, without the "/"
    bool closing = false;
    QHash<QString, QString> attributes; // names lower case, values decoded
};

// Reads the tag starting at html[pos] == '<'; *end is the index after its '>'.
Tag readTag(const QString &html, qsizetype pos, qsizetype *end)
{
    Tag tag;
    qsizetype i = pos + 1;
    const qsizetype n = html.size();
    if (i < n && html[i] == u'/') {
        tag.closing = true;
        ++i;
    }
    while (i < n && (html[i].isLetterOrNumber() || html[i] == u'-' || html[i] == u':'))
        tag.name += html[i++].toLower();
    while (i < n && html[i] != u'>') {
        if (html[i].isSpace() || html[i] == u'/') {
            ++i;
            continue;
        }
        QString name;
        while (i < n && !html[i].isSpace() && html[i] != u'=' && html[i] != u'>' && html[i] != u'/')
            name += html[i++].toLower();
        while (i < n && html[i].isSpace())
            ++i;
        QString value;
        if (i < n && html[i] == u'=') {
            ++i;
            while (i < n && html[i].isSpace())
                ++i;
            if (i < n && (html[i] == u'"' || html[i] == u'\'')) {
                const QChar quote = html[i++];
                const qsizetype close = html.indexOf(quote, i);
                const qsizetype stop = close < 0 ? n : close;
                value = html.mid(i, stop - i);
                i = close < 0 ? n : close + 1;
            } else {
                while (i < n && !html[i].isSpace() && html[i] != u'>')
                    value += html[i++];
            }
        }
        if (!name.isEmpty())
            tag.attributes.insert(name, decodeEntities(value));
        if (name.isEmpty())
            ++i;
    }
    *end = i < n ? i + 1 : n;
    return tag;
}

// Lines of text with the prefixes of the blocks they are in ("> " quotes, list markers).
class TextWriter
{
public:
    void text(const QString &raw, bool pre)
    {
        if (pre) {
            const QStringList lines = decodeEntities(raw).split(u'\n');
            for (qsizetype i = 0; i < lines.size(); ++i) {
                if (i > 0)
                    lineBreak();
                appendWords(lines[i]);
            }
            return;
        }
        QString collapsed;
        bool space = false;
        for (const QChar c : raw) {
            if (c.isSpace() && c != QChar(0xa0)) {
                space = true;
                continue;
            }
            if (space && !collapsed.isEmpty())
                collapsed += u' ';
            else if (space)
                m_space = true; // before this text: after what came before it
            space = false;
            collapsed += c;
        }
        appendWords(decodeEntities(collapsed));
        m_space = m_space || space;
    }

    void inlineText(const QString &s) { appendWords(s); }
    void space() { m_space = true; }

    void lineBreak() { emitLine(true); }

    // Ends the block; blank: a blank line before whatever comes next.
    void block(bool blank)
    {
        emitLine(false);
        if (blank) {
            m_blank = true;
            m_blankQuote = std::min(m_blankQuote, m_quote); // the blank between two depths
        }
    }

    void startQuote()
    {
        block(true);
        ++m_quote;
    }
    void endQuote()
    {
        block(true);
        m_quote = std::max(0, m_quote - 1);
    }

    void startList(bool ordered, int start)
    {
        block(m_lists.empty());
        m_lists.push_back({ordered, start});
    }
    void endList()
    {
        block(false);
        if (!m_lists.empty())
            m_lists.pop_back();
        m_marker.clear();
        if (m_lists.empty())
            block(true);
    }
    void listItem()
    {
        block(false);
        if (m_lists.empty()) {
            m_marker = u"- "_s;
            return;
        }
        List &list = m_lists.back();
        m_marker = list.ordered ? u"%1. "_s.arg(list.next++) : u"- "_s;
    }

    void startLink(const QString &href)
    {
        m_href = href;
        m_linkText.clear();
    }
    void endLink()
    {
        const QString href = m_href;
        m_href.clear();
        if (href.isEmpty())
            return;
        const QString shown = m_linkText.simplified();
        const QString bare =
            href.startsWith(u"mailto:"_s, Qt::CaseInsensitive) ? href.mid(7) : href;
        if (shown.isEmpty())
            appendWords(href);
        else if (shown != href && shown != bare)
            appendWords(u" <"_s + href + u'>');
    }

    QString result()
    {
        emitLine(false);
        while (!m_lines.isEmpty() && m_lines.last().trimmed().isEmpty())
            m_lines.removeLast();
        QString out = m_lines.join(u'\n');
        out.replace(QChar(0xa0), u' ');
        return out;
    }

private:
    struct List
    {
        bool ordered;
        int next;
    };

    void appendWords(const QString &s)
    {
        if (s.isEmpty())
            return;
        if (m_space && !m_line.isEmpty() && !m_line.endsWith(u' '))
            m_line += u' ';
        m_space = false;
        m_line += s;
        if (!m_href.isEmpty())
            m_linkText += s;
    }

    QString quotePrefix() const { return m_quote == 0 ? QString() : QString(m_quote, u'>') + u' '; }
    static bool isBlank(const QString &line)
    {
        return std::all_of(line.begin(), line.end(), [](QChar c) { return c == u'>'; });
    }

    // The current line out; `always`: even when empty (a <br>).
    void emitLine(bool always)
    {
        QString line = m_line;
        while (line.endsWith(u' '))
            line.chop(1);
        m_line.clear();
        m_space = false;
        if (line.isEmpty() && !always)
            return;
        const bool separated = m_blank && !m_lines.isEmpty();
        if (separated && !isBlank(m_lines.last()))
            m_lines << QString(std::min(m_blankQuote, m_quote), u'>');
        m_blank = false;
        m_blankQuote = INT_MAX;
        if (line.isEmpty() && m_marker.isEmpty()) {
            if (!separated) // an empty paragraph between paragraphs: their blank line says it
                m_lines << QString(m_quote, u'>');
            return;
        }
        const QString indent(2 * std::max<qsizetype>(0, qsizetype(m_lists.size()) - 1), u' ');
        if (!m_marker.isEmpty()) {
            m_lines << quotePrefix() + indent + m_marker + line;
            m_continuation = QString(m_marker.size(), u' ');
            m_marker.clear();
        } else {
            m_lines << quotePrefix() + (m_lists.empty() ? QString() : indent + m_continuation) +
                           line;
        }
    }

    QStringList m_lines;
    QString m_line;
    bool m_space = false;
    bool m_blank = false;
    int m_blankQuote = INT_MAX; // the quote depth of the blank line m_blank asks for
    int m_quote = 0;
    std::vector<List> m_lists;
    QString m_marker;       // for the first line of the current list item
    QString m_continuation; // its following lines
    QString m_href;
    QString m_linkText;
};

bool isOneOf(const QString &name, std::initializer_list<const char16_t *> names)
{
    for (const char16_t *n : names)
        if (name == QStringView(n))
            return true;
    return false;
}

// Where the element whose content is never shown (script, style...) ends.
qsizetype skipContent(const QString &html, const QString &name, qsizetype from)
{
    const qsizetype close = html.indexOf(u"</"_s + name, from, Qt::CaseInsensitive);
    if (close < 0)
        return html.size();
    const qsizetype gt = html.indexOf(u'>', close);
    return gt < 0 ? html.size() : gt + 1;
}

// A paragraph without vertical margins (what QTextEdit writes for every line typed) is a line.
bool hasNoMargins(const Tag &tag)
{
    const QString style = tag.attributes.value(u"style"_s).remove(u' ');
    return style.contains(u"margin-top:0px"_s) && style.contains(u"margin-bottom:0px"_s);
}

struct ReaderState
{
    int pre = 0;                // inside <pre>
    bool lineParagraph = false; // the open <p> has no margins
};

void handleTag(TextWriter &w, const Tag &tag, ReaderState &state)
{
    const QString &n = tag.name;
    int &pre = state.pre;
    if (n == u"p"_s) {
        if (!tag.closing)
            state.lineParagraph = hasNoMargins(tag);
        w.block(!state.lineParagraph);
    } else if (n == u"br"_s) {
        w.lineBreak();
    } else if (n == u"a"_s) {
        if (!tag.closing) {
            const QString href = tag.attributes.value(u"href"_s).trimmed();
            const bool shown = href.startsWith(u"http:"_s, Qt::CaseInsensitive) ||
                               href.startsWith(u"https:"_s, Qt::CaseInsensitive) ||
                               href.startsWith(u"ftp:"_s, Qt::CaseInsensitive) ||
                               href.startsWith(u"mailto:"_s, Qt::CaseInsensitive);
            w.startLink(shown ? href : QString());
        } else {
            w.endLink();
        }
    } else if (n == u"img"_s) {
        const QString alt = tag.attributes.value(u"alt"_s).simplified();
        if (!alt.isEmpty())
            w.inlineText(alt);
    } else if (n == u"blockquote"_s) {
        tag.closing ? w.endQuote() : w.startQuote();
    } else if (n == u"ul"_s || n == u"ol"_s) {
        if (tag.closing)
            w.endList();
        else
            w.startList(n == u"ol"_s, tag.attributes.value(u"start"_s, u"1"_s).toInt());
    } else if (n == u"li"_s) {
        tag.closing ? w.block(false) : w.listItem();
    } else if (n == u"pre"_s) {
        w.block(true);
        pre = std::max(0, pre + (tag.closing ? -1 : 1));
    } else if (n == u"td"_s || n == u"th"_s) {
        w.space();
    } else if (isOneOf(n, {u"h1", u"h2", u"h3", u"h4", u"h5", u"h6", u"table", u"hr", u"dl",
                           u"figure", u"address"})) {
        w.block(true);
    } else if (isOneOf(n, {u"div", u"tr", u"dt", u"dd", u"section", u"article", u"header",
                           u"footer", u"nav", u"aside", u"main", u"center", u"form", u"fieldset",
                           u"details", u"summary", u"caption", u"body"})) {
        w.block(false);
    }
}

} // namespace

QString plainTextFromHtml(const QString &html)
{
    TextWriter w;
    ReaderState state;
    qsizetype i = 0;
    const qsizetype n = html.size();
    while (i < n) {
        if (html[i] != u'<') {
            qsizetype next = html.indexOf(u'<', i + 1);
            if (next < 0)
                next = n;
            w.text(html.mid(i, next - i), state.pre > 0);
            i = next;
            continue;
        }
        if (html.mid(i, 4) == u"<!--"_s) {
            const qsizetype close = html.indexOf(u"-->"_s, i + 4);
            i = close < 0 ? n : close + 3;
            continue;
        }
        const QChar next = i + 1 < n ? html[i + 1] : QChar();
        if (next == u'!' || next == u'?') {
            const qsizetype gt = html.indexOf(u'>', i);
            i = gt < 0 ? n : gt + 1;
            continue;
        }
        if (!next.isLetter() && next != u'/') {
            w.text(u"<"_s, state.pre > 0);
            ++i;
            continue;
        }
        qsizetype end = 0;
        const Tag tag = readTag(html, i, &end);
        i = end;
        if (!tag.closing &&
            isOneOf(tag.name, {u"head", u"style", u"script", u"title", u"template", u"noscript"}))
            i = skipContent(html, tag.name, i);
        else
            handleTag(w, tag, state);
    }
    return w.result();
}

QStringList imageSources(const QString &html)
{
    QStringList out;
    for (qsizetype i = html.indexOf(u"<img"_s, 0, Qt::CaseInsensitive); i >= 0;
         i = html.indexOf(u"<img"_s, i, Qt::CaseInsensitive)) {
        qsizetype end = 0;
        const Tag tag = readTag(html, i, &end);
        if (tag.name == u"img"_s && tag.attributes.contains(u"src"_s))
            out << tag.attributes.value(u"src"_s);
        i = std::max(end, i + 1);
    }
    return out;
}

QString replaceImageSources(const QString &html, const QHash<QString, QString> &contentIds)
{
    QString out;
    qsizetype i = 0;
    while (i < html.size()) {
        const qsizetype open = html.indexOf(u"<img"_s, i, Qt::CaseInsensitive);
        if (open < 0)
            break;
        qsizetype end = 0;
        const Tag tag = readTag(html, open, &end);
        out += html.mid(i, open - i);
        QString element = html.mid(open, end - open);
        const auto cid = contentIds.constFind(tag.attributes.value(u"src"_s));
        if (tag.name == u"img"_s && cid != contentIds.constEnd()) {
            // The attribute rewritten in place: everything else of the element stays as written.
            static const QRegularExpression src(u"(\\ssrc\\s*=\\s*)(\"[^\"]*\"|'[^']*'|[^\\s>]+)"_s,
                                                QRegularExpression::CaseInsensitiveOption);
            element.replace(src, u"\\1\"cid:"_s + *cid + u'"');
        }
        out += element;
        i = end;
    }
    out += html.mid(i);
    return out;
}

} // namespace Mime
