// SPDX-License-Identifier: GPL-3.0-or-later
// Renders the compose window writing a rich-text message with an inline image, two attachments
// and misspelt words marked by the spell checker (Debian's en_US Hunspell dictionary, as the
// main window attaches it), and saves it as PNG, for scripts/screenshots and for looking at it
// (offscreen works too). usage: composescreenshot OUT.png LANGUAGE
#include "client/spellchecker.h"
#include "gui/compose/composewindow.h"
#include "gui/compose/spellhighlighter.h"
#include "gui/languagemanager.h"

#include <QApplication>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QLinearGradient>
#include <QPainter>
#include <QPainterPath>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextEdit>
#include <QTextLayout>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace {

// A photo-like picture: sky, sun and hills, so that the inline image reads as one.
QImage landscape()
{
    QImage image(480, 270, QImage::Format_RGB32);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    QLinearGradient sky(0, 0, 0, 270);
    sky.setColorAt(0, QColor(0x8e, 0xc5, 0xfc));
    sky.setColorAt(1, QColor(0xe0, 0xf0, 0xff));
    p.fillRect(image.rect(), sky);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(0xff, 0xd1, 0x66));
    p.drawEllipse(QPointF(370, 70), 34, 34);
    QPainterPath far;
    far.moveTo(0, 190);
    far.cubicTo(120, 120, 220, 200, 330, 150);
    far.cubicTo(400, 120, 450, 160, 480, 150);
    far.lineTo(480, 270);
    far.lineTo(0, 270);
    p.setBrush(QColor(0x5b, 0x9a, 0x6b));
    p.drawPath(far);
    QPainterPath near;
    near.moveTo(0, 230);
    near.cubicTo(160, 190, 300, 260, 480, 215);
    near.lineTo(480, 270);
    near.lineTo(0, 270);
    p.setBrush(QColor(0x3d, 0x7a, 0x4f));
    p.drawPath(near);
    return image;
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

// The words the spell checker underlined, in document order.
QStringList markedWords(const QTextDocument *document)
{
    QStringList out;
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next())
        for (const QTextLayout::FormatRange &range : block.layout()->formats())
            if (range.format.underlineStyle() == QTextCharFormat::SpellCheckUnderline)
                out << block.text().mid(range.start, range.length);
    return out;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    if (argc != 3)
        qFatal("usage: composescreenshot OUT.png LANGUAGE");
    const QString out = QString::fromLocal8Bit(argv[1]);
    const bool chinese = QString::fromLatin1(argv[2]).startsWith(u"zh"_s);
    Gui::LanguageManager languages;
    languages.setLanguage(QString::fromLatin1(argv[2]));

    QTemporaryDir dir;
    const QString photo = dir.filePath(u"site.png"_s);
    const QString report =
        dir.filePath(chinese ? u"现场报告草稿.pdf"_s : u"Site report (draft).pdf"_s);
    const QString budget = dir.filePath(chinese ? u"预算 2026.xlsx"_s : u"Budget 2026.xlsx"_s);
    if (!landscape().save(photo, "PNG") ||
        !writeFile(report, "%PDF-1.4\n" + QByteArray(184 * 1024, ' ')) ||
        !writeFile(budget, QByteArray(42 * 1024, 'x')))
        qFatal("cannot write the sample files");

    const QList<Gui::ComposeIdentity> identities{
        {u"work"_s, chinese ? u"王芳"_s : u"Alice Liddell"_s,
         chinese ? u"wang.fang@example.cn"_s : u"alice@example.org"_s,
         chinese ? u"王芳\n示例公司 · 项目部"_s : u"Alice Liddell\nProjects, Example Ltd."_s, false,
         chinese ? u"zh_CN"_s : u"en_US"_s}};
    // Before the window: its highlighter uses the checker until the window is gone. The sender's
    // own surname is in her personal dictionary, as after "Add to Dictionary", so that only the
    // typos are marked.
    Client::SpellChecker checker(dir.filePath(u"personal.dic"_s));
    checker.addToPersonal(u"Liddell"_s);
    Gui::ComposeWindow window(identities);

    Client::Draft draft;
    draft.accountId = u"work"_s;
    if (chinese) {
        draft.to = {u"李明 <li.ming@example.cn>"_s, u"张伟 <zhang.wei@example.cn>"_s};
        draft.cc = {u"项目组 <team@example.cn>"_s};
        draft.subject = u"现场考察：照片和报告草稿"_s;
        draft.html =
            u"<p>各位好，</p>"
            u"<p>周四的<b>现场考察</b>很顺利。下面是北坡的照片：</p>"
            u"<p><img src=\"cid:site@example.cn\" width=\"360\"></p>"
            u"<p>下周要决定的事：</p>"
            u"<ul><li>排水方案（见附件报告第 4 页）</li><li><i>预算</i>是否增加 5%</li></ul>"
            u"<p style=\"margin-left:30px\">“北坡的土质比预想的好。”——李工</p>"
            u"<p>详情请看 <a href=\"https://intranet.example.cn/site\">项目页面</a>。</p>"
            u"<p>PS：给 Bob 的英文摘要：The final report will follow tomorow.</p>"_s;
    } else {
        draft.to = {u"Bob Stone <bob@example.com>"_s, u"Li Ming <li.ming@example.cn>"_s};
        draft.cc = {u"Project team <team@example.org>"_s};
        draft.subject = u"Site visit: photos and the draft report"_s;
        draft.html = u"<p>Hello all,</p>"
                     u"<p>Thursday's <b>site visit</b> went well. Here is the north slope:</p>"
                     u"<p><img src=\"cid:site@example.org\" width=\"360\"></p>"
                     u"<p>To decide next week:</p>"
                     u"<ul><li>the drainage plan (page 4 of the attached report)</li>"
                     u"<li>whether the <i>budget</i> grows by 5%</li></ul>"
                     u"<p style=\"margin-left:30px\">“The soil on the north slope is better "
                     u"than we feared.” (Li)</p>"
                     u"<p>Details are on the <a href=\"https://intranet.example.org/site\">"
                     u"project page</a>; you should recieve the final report tomorow.</p>"_s;
    }
    draft.inlineImages = {{photo, u"site.png"_s, u"image/png"_s, 0,
                           chinese ? u"site@example.cn"_s : u"site@example.org"_s}};
    draft.attachments = {
        {report, QFileInfo(report).fileName(), u"application/pdf"_s, QFileInfo(report).size(), {}},
        {budget,
         QFileInfo(budget).fileName(),
         u"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"_s,
         QFileInfo(budget).size(),
         {}}};
    // Spelling as the main window attaches it: the identity's dictionary, English when there is
    // none (Chinese).
    Gui::SpellHighlighter *highlighter = nullptr;
    window.setSpellingHook([&](QTextEdit *editor, const QString &language) {
        if (!checker.setLanguage(language) && !checker.setLanguage(u"en_US"_s))
            qFatal("composescreenshot: no en_US Hunspell dictionary (install hunspell-en-us)");
        if (!highlighter)
            highlighter = new Gui::SpellHighlighter(&checker, editor);
        highlighter->recheck();
    });
    window.setDraft(draft);
    window.resize(900, chinese ? 900 : 820); // Chinese lines are taller: the signature shows too
    window.show();
    // The text cursor after "went well." like someone writing.
    QTextCursor cursor =
        window.editor()->document()->find(chinese ? u"很顺利。"_s : u"went well."_s);
    cursor.clearSelection();
    window.editor()->setTextCursor(cursor);
    window.editor()->setFocus();
    QTimer::singleShot(400, &app, [&] {
        const QStringList marked = markedWords(window.editor()->document());
        const QStringList typos =
            chinese ? QStringList{u"tomorow"_s} : QStringList{u"recieve"_s, u"tomorow"_s};
        if (marked != typos)
            qFatal("composescreenshot: the words marked misspelt are \"%s\", not \"%s\"",
                   qPrintable(marked.join(u", "_s)), qPrintable(typos.join(u", "_s)));
        if (!window.grab().save(out))
            qFatal("cannot write %s", qPrintable(out));
        app.quit();
    });
    return app.exec();
}
