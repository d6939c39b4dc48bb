// SPDX-License-Identifier: GPL-3.0-or-later
// The compose window (issue 12, item 1), offscreen: drafts round trip in rich and plain text,
// pasted address lists are parsed and bad entries marked and refused, the attachment reminder,
// attachments by drop, Delete and the size warning, rich to plain asks, the keys (Ctrl+Enter,
// Ctrl+S, Esc), the format bar follows the cursor, inline images become cid: files, identities
// swap an untouched signature, and every control can be reached and named.
#include "gui/compose/attachmentlist.h"
#include "gui/compose/composetext.h"
#include "gui/compose/composewindow.h"

#include <QAction>
#include <QApplication>
#include <QBuffer>
#include <QClipboard>
#include <QComboBox>
#include <QCompleter>
#include <QDropEvent>
#include <QFile>
#include <QFontComboBox>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QStringListModel>
#include <QSyntaxHighlighter>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextEdit>
#include <QTextLayout>
#include <QTimer>
#include <QToolBar>
#include <QTreeWidget>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace {

const QString kSignatureA = u"Ann Example\nExample Ltd."_s;
const QString kSignatureB = u"<b>张三</b><br>示例公司"_s;

QList<Gui::ComposeIdentity> identities()
{
    return {{u"acct-a"_s, u"Ann Example"_s, u"ann@example.org"_s, kSignatureA, false, u"en_US"_s},
            {u"acct-b"_s, u"张三"_s, u"zhang@example.cn"_s, kSignatureB, true, u"zh_CN"_s}};
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

QByteArray png(int width, int height)
{
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(Qt::darkCyan);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

} // namespace

class TestComposeWindow : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QList<QPointer<QTimer>> m_polls;

    template<class T> T *child(QWidget *window, const QString &name)
    {
        T *found = window->findChild<T *>(name);
        if (!found)
            qWarning("no child %s", qPrintable(name));
        return found;
    }

    QAction *action(Gui::ComposeWindow &w, const char *name)
    {
        return child<QAction>(&w, QString::fromLatin1(name));
    }

    // Acts on the next modal dialog of this type once it is shown (exec() blocks the caller).
    template<class Dialog> void whenModal(std::function<void(Dialog *)> act)
    {
        auto *poll = new QTimer(this);
        poll->setInterval(20);
        connect(poll, &QTimer::timeout, this, [poll, act] {
            auto *dialog = qobject_cast<Dialog *>(QApplication::activeModalWidget());
            if (!dialog || !dialog->isVisible())
                return;
            poll->stop();
            poll->deleteLater();
            act(dialog);
        });
        poll->start();
        m_polls << poll;
    }

    // Clicks the button of that name (or standard button) in the next message box; tells which
    // box it was.
    void answer(const QString &buttonName, QString *boxName,
                QMessageBox::StandardButton standard = QMessageBox::NoButton)
    {
        whenModal<QMessageBox>([=](QMessageBox *box) {
            *boxName = box->objectName();
            QAbstractButton *button = standard != QMessageBox::NoButton
                                          ? box->button(standard)
                                          : box->findChild<QAbstractButton *>(buttonName);
            if (button)
                button->click();
            else
                box->reject();
        });
    }

    QString path(const QString &name) const { return m_dir.filePath(name); }

    QString file(const QString &name, const QByteArray &data)
    {
        const QString p = path(name);
        if (!writeFile(p, data))
            qFatal("cannot write %s", qPrintable(p));
        return p;
    }

    void showActive(QWidget &w)
    {
        w.show();
        QApplication::setActiveWindow(&w);
        QVERIFY(QTest::qWaitForWindowActive(&w));
    }

private Q_SLOTS:
    void init() { QVERIFY(m_dir.isValid()); }

    void cleanup()
    {
        for (const QPointer<QTimer> &poll : std::as_const(m_polls))
            delete poll.data();
        m_polls.clear();
    }

    void attachmentWordsAreFound_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("mentions");
        QTest::newRow("see attached") << u"Hi,\nplease see attached."_s << true;
        QTest::newRow("attachment") << u"The Attachment has the figures"_s << true;
        QTest::newRow("enclosed") << u"Enclosed is my CV"_s << true;
        QTest::newRow("见附件") << u"报告见附件。"_s << true;
        QTest::newRow("附上") << u"我附上了照片"_s << true;
        QTest::newRow("nothing") << u"Thanks, see you on Monday."_s << false;
        QTest::newRow("detached house") << u"a detached house, attachable"_s << false;
        QTest::newRow("quoted only") << u"Sure.\n> see attached\n>> 附件"_s << false;
    }
    void attachmentWordsAreFound()
    {
        QFETCH(QString, text);
        QFETCH(bool, mentions);
        QCOMPARE(Gui::ComposeText::mentionsAttachment(text), mentions);
    }

    void theEntryUnderTheCursorRespectsQuotes()
    {
        const QString text = uR"(ann@x.org, "Smith, John" <j@y.org>, bo)"_s;
        auto entry = [&](int cursor) {
            const Gui::ComposeText::Span s = Gui::ComposeText::addressEntryAt(text, cursor);
            return text.mid(s.start, s.end - s.start);
        };
        QCOMPARE(entry(3), u"ann@x.org"_s);
        QCOMPARE(entry(text.indexOf(u"John"_s)), uR"("Smith, John" <j@y.org>)"_s);
        QCOMPARE(entry(int(text.size())), u"bo"_s);
        QCOMPARE(Gui::ComposeText::addressEntries(text).size(), 3);
    }

    void richDraftRoundTrips()
    {
        const QString image = file(u"photo.png"_s, png(40, 30));
        const QString pdf = file(u"报告.pdf"_s, "%PDF-1.4\n" + QByteArray(3000, 'x'));
        Client::Draft in;
        in.storeId = 42;
        in.accountId = u"acct-b"_s;
        in.to = {u"Ann Example <ann@example.org>"_s, u"bob@example.com"_s};
        in.cc = {u"张三 <zhang@example.cn>"_s};
        in.bcc = {u"boss@example.org"_s};
        in.subject = u"Quarterly figures 第一季度"_s;
        in.rich = true;
        in.html = u"<p>Hello <b>world</b>, <i>see</i> <img src=\"cid:img1@example.org\"></p>"_s;
        in.inlineImages = {{image, u"photo.png"_s, u"image/png"_s, 100, u"img1@example.org"_s}};
        in.attachments = {{pdf, u"报告.pdf"_s, u"application/pdf"_s, 3009, {}}};
        in.inReplyTo = u"parent@example.org"_s;
        in.references = {u"root@example.org"_s, u"parent@example.org"_s};

        Gui::ComposeWindow w(identities());
        w.setDraft(in);
        QVERIFY(!w.isModified());
        QCOMPARE(w.currentIdentity().accountId, u"acct-b"_s);
        QVERIFY(w.findChild<QLineEdit *>(u"ccEdit"_s)->isVisibleTo(&w));
        const Client::Draft out = w.draft();
        QCOMPARE(out.storeId, 42);
        QCOMPARE(out.accountId, u"acct-b"_s);
        QCOMPARE(out.to, in.to);
        QCOMPARE(out.cc, in.cc);
        QCOMPARE(out.bcc, in.bcc);
        QCOMPARE(out.subject, in.subject);
        QVERIFY(out.rich);
        QVERIFY(out.text.isEmpty());
        QVERIFY2(out.html.contains(u"font-weight"_s) && out.html.contains(u"world"_s),
                 qPrintable(out.html));
        QVERIFY(out.html.contains(u"font-style:italic"_s));
        QVERIFY(out.html.contains(u"src=\"cid:img1@example.org\""_s));
        QCOMPARE(out.inlineImages.size(), 1);
        QCOMPARE(out.inlineImages.first().contentId, u"img1@example.org"_s);
        QCOMPARE(out.attachments.size(), 1);
        QCOMPARE(out.attachments.first().path, pdf);
        QCOMPARE(out.attachments.first().name, u"报告.pdf"_s);
        QCOMPARE(out.attachments.first().size, 3009);
        QCOMPARE(out.inReplyTo, in.inReplyTo);
        QCOMPARE(out.references, in.references);
        // The image shows: the editor resolves cid: to the file.
        const QVariant shown = w.editor()->document()->resource(QTextDocument::ImageResource,
                                                                QUrl(u"cid:img1@example.org"_s));
        QCOMPARE(qvariant_cast<QImage>(shown).size(), QSize(40, 30));
        // Saved draft: no signature added to it.
        QVERIFY(!w.editor()->toPlainText().contains(u"示例公司"_s));

        // Again through the window: the same.
        Gui::ComposeWindow again(identities());
        again.setDraft(out);
        QCOMPARE(again.draft().html, out.html);
        QCOMPARE(again.draft().to, out.to);
    }

    void plainDraftRoundTrips()
    {
        Client::Draft in;
        in.storeId = 7;
        in.accountId = u"acct-a"_s;
        in.to = {u"bob@example.com"_s};
        in.rich = false;
        in.text = u"Line one\n\n> quoted line\nLast line"_s;
        Gui::ComposeWindow w(identities());
        w.setDraft(in);
        const Client::Draft out = w.draft();
        QVERIFY(!out.rich);
        QCOMPARE(out.text, in.text);
        QVERIFY(out.html.isEmpty());
        QVERIFY(action(w, "actionPlainText")->isChecked());
        QVERIFY(!action(w, "actionBold")->isEnabled());
        QVERIFY(!w.findChild<QLineEdit *>(u"ccEdit"_s)->isVisibleTo(&w));
    }

    void aNewDraftGetsTheSignatureAndTheIdentitySwapsIt()
    {
        Gui::ComposeWindow w(identities());
        QVERIFY(w.editor()->toPlainText().contains(u"-- \nAnn Example\nExample Ltd."_s));
        QVERIFY(!w.isModified());
        QStringList languages;
        w.setSpellingHook([&](QTextEdit *, const QString &language) { languages << language; });
        auto *from = w.findChild<QComboBox *>(u"fromCombo"_s);
        QCOMPARE(from->itemText(0), u"Ann Example <ann@example.org>"_s);
        from->setCurrentIndex(1);
        QVERIFY(!w.editor()->toPlainText().contains(u"Example Ltd."_s));
        QVERIFY(w.editor()->toPlainText().contains(u"示例公司"_s));
        QVERIFY2(w.draft().html.contains(u"font-weight"_s), "the HTML signature keeps its bold");
        QCOMPARE(languages, (QStringList{u"en_US"_s, u"zh_CN"_s}));
        QCOMPARE(w.draft().accountId, u"acct-b"_s);

        // An edited signature is the user's: it stays.
        QTextCursor end(w.editor()->document());
        end.movePosition(QTextCursor::End);
        end.insertText(u" (mobile)"_s);
        from->setCurrentIndex(0);
        QVERIFY(w.editor()->toPlainText().contains(u"示例公司 (mobile)"_s));
        QVERIFY(!w.editor()->toPlainText().contains(u"Example Ltd."_s));
    }

    void pastedAddressListIsParsedAndInvalidEntryMarked()
    {
        Gui::ComposeWindow w(identities());
        showActive(w);
        QSignalSpy sent(&w, &Gui::ComposeWindow::sendRequested);
        auto *to = w.findChild<QLineEdit *>(u"toEdit"_s);
        QApplication::clipboard()->setText(
            u"Ann Example <ann@example.org>\n张三 <zhang@example.cn>\nnot-an-address\nbob@example.com"_s);
        to->setFocus();
        to->paste();
        w.findChild<QLineEdit *>(u"subjectEdit"_s)->setFocus(); // leaving the field checks it
        QTRY_VERIFY(to->toolTip().contains(u"not-an-address"_s));
        QCOMPARE(w.draft().to,
                 (QStringList{u"Ann Example <ann@example.org>"_s, u"张三 <zhang@example.cn>"_s,
                              u"not-an-address"_s, u"bob@example.com"_s}));
        QVERIFY(!to->text().contains(u'\n'));
        QCOMPARE(to->palette().color(QPalette::Text), QColor(0xc0, 0x1c, 0x28));
        auto *banner = w.findChild<QLabel *>(u"invalidLabel"_s);
        QVERIFY(banner->isVisible());
        QVERIFY(banner->text().contains(u"not-an-address"_s));

        QString box;
        answer({}, &box, QMessageBox::Ok);
        QVERIFY(!w.send());
        QCOMPARE(box, u"invalidRecipients"_s);
        QCOMPARE(sent.count(), 0);
        QCOMPARE(w.focusWidget(), to);

        // Corrected: the mark goes and Send goes through.
        to->setText(u"Ann Example <ann@example.org>, bob@example.com"_s);
        QVERIFY(w.send());
        QCOMPARE(sent.count(), 1);
        QVERIFY(!banner->isVisible());
        QVERIFY(to->toolTip().isEmpty());
    }

    void sendWithoutRecipientsIsRefused()
    {
        Gui::ComposeWindow w(identities());
        QSignalSpy sent(&w, &Gui::ComposeWindow::sendRequested);
        QString box;
        answer({}, &box, QMessageBox::Ok);
        QVERIFY(!w.send());
        QCOMPARE(box, u"noRecipients"_s);
        QCOMPARE(sent.count(), 0);
    }

    void sendWithoutAnAccountIsRefused()
    {
        Gui::ComposeWindow w({});
        QSignalSpy sent(&w, &Gui::ComposeWindow::sendRequested);
        w.findChild<QLineEdit *>(u"toEdit"_s)->setText(u"bob@example.com"_s);
        QString box;
        answer({}, &box, QMessageBox::Ok);
        QVERIFY(!w.send());
        QCOMPARE(box, u"noIdentity"_s);
        QCOMPARE(sent.count(), 0);
    }

    void theAttachmentReminder_data()
    {
        QTest::addColumn<QString>("subject");
        QTest::addColumn<QString>("body");
        QTest::addColumn<bool>("reminded");
        QTest::newRow("see attached") << u"Report"_s << u"Hi Bob, see attached."_s << true;
        QTest::newRow("见附件") << u"报告"_s << u"李明，你好：报告见附件。"_s << true;
        QTest::newRow("in the subject") << u"Attached: the figures"_s << u"Hi"_s << true;
        QTest::newRow("nothing mentioned") << u"Lunch"_s << u"See you at noon."_s << false;
    }
    void theAttachmentReminder()
    {
        QFETCH(QString, subject);
        QFETCH(QString, body);
        QFETCH(bool, reminded);
        Gui::ComposeWindow w(identities());
        QSignalSpy sent(&w, &Gui::ComposeWindow::sendRequested);
        w.findChild<QLineEdit *>(u"toEdit"_s)->setText(u"bob@example.com"_s);
        w.findChild<QLineEdit *>(u"subjectEdit"_s)->setText(subject);
        w.editor()->textCursor().insertText(body);
        if (!reminded) {
            QVERIFY(w.send());
            QCOMPARE(sent.count(), 1);
            return;
        }
        QString box;
        answer({}, &box, QMessageBox::Cancel);
        QVERIFY(!w.send());
        QCOMPARE(box, u"attachmentReminder"_s);
        QCOMPARE(sent.count(), 0);
        answer(u"sendAnywayButton"_s, &box);
        QVERIFY(w.send());
        QCOMPARE(sent.count(), 1);
        // With a file attached nothing is asked.
        QVERIFY(w.attachFiles({file(u"figures.csv"_s, "a,b\n1,2\n")}));
        box.clear();
        QVERIFY(w.send());
        QCOMPARE(sent.count(), 2);
        QVERIFY(box.isEmpty());
    }

    void droppedFilesBecomeAttachmentsAndDeleteRemovesThem()
    {
        const QString pdf = file(u"minutes.pdf"_s, "%PDF-1.4\n" + QByteArray(150 * 1024, ' '));
        const QString text = file(u"notes.txt"_s, "hello\n");
        Gui::ComposeWindow w(identities());
        showActive(w);
        auto *box = w.findChild<QWidget *>(u"attachmentsBox"_s);
        QVERIFY(!box->isVisible());
        QMimeData data;
        data.setUrls({QUrl::fromLocalFile(pdf), QUrl::fromLocalFile(text)});
        const QPoint at(w.width() / 2, w.height() - 10);
        QDragEnterEvent enter(at, Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&w, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(at, Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&w, &drop);
        QVERIFY(drop.isAccepted());
        QVERIFY(w.isModified());

        auto *list = w.findChild<QTreeWidget *>(u"attachmentList"_s);
        QCOMPARE(list->topLevelItemCount(), 2);
        QVERIFY(box->isVisible());
        QCOMPARE(list->topLevelItem(0)->text(0), u"minutes.pdf"_s);
        QCOMPARE(list->topLevelItem(0)->text(1), Gui::AttachmentList::sizeText(150 * 1024 + 9));
        QVERIFY2(list->topLevelItem(0)->text(1).contains(u"150"_s),
                 qPrintable(list->topLevelItem(0)->text(1)));
        QVERIFY(!list->topLevelItem(0)->text(2).isEmpty());
        const Client::Draft d = w.draft();
        QCOMPARE(d.attachments.size(), 2);
        QCOMPARE(d.attachments[0].contentType, u"application/pdf"_s);
        QCOMPARE(d.attachments[0].size, 150 * 1024 + 9);
        QCOMPARE(d.attachments[1].contentType, u"text/plain"_s);

        // Pasted into the editor, files are attachments too (not text).
        auto *copy = new QMimeData;
        copy->setUrls({QUrl::fromLocalFile(text)});
        QApplication::clipboard()->setMimeData(copy);
        const QString before = w.editor()->toPlainText();
        w.editor()->paste();
        QCOMPARE(list->topLevelItemCount(), 3);
        QCOMPARE(w.editor()->toPlainText(), before);

        list->setFocus();
        list->setCurrentItem(list->topLevelItem(0));
        QTest::keyClick(list, Qt::Key_Delete);
        QCOMPARE(list->topLevelItemCount(), 2);
        QCOMPARE(w.draft().attachments.first().name, u"notes.txt"_s);
        w.findChild<QPushButton *>(u"removeButton"_s)->click();
        QCOMPARE(list->topLevelItemCount(), 1);
    }

    void theSizeWarningShowsAboveTheLimit()
    {
        Gui::ComposeWindow w(identities());
        showActive(w);
        QCOMPARE(w.attachmentWarningBytes(), 25LL << 20);
        w.setAttachmentWarningBytes(3000);
        auto *warning = w.findChild<QLabel *>(u"sizeWarning"_s);
        QVERIFY(w.attachFiles({file(u"small.bin"_s, QByteArray(2000, 'a'))}));
        QVERIFY(!warning->isVisible());
        QVERIFY(w.attachFiles({file(u"more.bin"_s, QByteArray(2000, 'b'))}));
        QVERIFY(warning->isVisible());
        QVERIFY2(warning->text().contains(Gui::AttachmentList::sizeText(4000)),
                 qPrintable(warning->text()));
        auto *list = w.findChild<Gui::AttachmentList *>(u"attachmentList"_s);
        list->setCurrentItem(list->topLevelItem(1));
        list->removeSelected();
        QVERIFY(!warning->isVisible());
    }

    void richToPlainAsksAndPlainToRichKeepsTheText()
    {
        Gui::ComposeWindow w(identities());
        w.editor()->setHtml(u"<p>Keep <b>these</b> words</p><ul><li>one</li></ul>"_s
                            u"<ol><li>first</li><li>second</li></ol>"_s
                            u"<blockquote>said before</blockquote>"_s
                            u"<p>see <a href=\"https://example.org/x\">the page</a></p>"_s);
        QAction *plain = action(w, "actionPlainText");
        QString box;
        answer({}, &box, QMessageBox::Cancel);
        plain->trigger();
        QCOMPARE(box, u"plainTextQuestion"_s);
        QVERIFY(w.isRichText());
        QVERIFY(!plain->isChecked());
        QVERIFY(w.draft().html.contains(u"font-weight"_s));

        answer(u"convertButton"_s, &box);
        plain->trigger();
        QVERIFY(!w.isRichText());
        QVERIFY(plain->isChecked());
        const Client::Draft d = w.draft();
        QVERIFY(!d.rich);
        QVERIFY2(d.text.startsWith(u"Keep these words\n- one\n"_s), qPrintable(d.text));
        QVERIFY2(
            d.text.contains(
                u"\n1. first\n2. second\n> said before\nsee the page <https://example.org/x>"_s),
            qPrintable(d.text));
        QVERIFY(!action(w, "actionBold")->isEnabled());

        // Back to rich: nothing asked, the words stay.
        box.clear();
        plain->trigger();
        QVERIFY(w.isRichText());
        QVERIFY(box.isEmpty());
        QCOMPARE(w.editor()->toPlainText(), d.text);
        QVERIFY(action(w, "actionBold")->isEnabled());
    }

    void unformattedTextTurnsPlainWithoutAsking()
    {
        Gui::ComposeWindow w(identities());
        w.editor()->textCursor().insertText(u"Just words"_s);
        QString box;
        answer({}, &box, QMessageBox::Cancel);
        QVERIFY(w.setRichText(false));
        QVERIFY(box.isEmpty());
        QVERIFY(w.draft().text.startsWith(u"Just words"_s));
        // The signature survived the switch and still swaps.
        w.findChild<QComboBox *>(u"fromCombo"_s)->setCurrentIndex(1);
        QVERIFY2(w.draft().text.contains(u"示例公司"_s), qPrintable(w.draft().text));
        QVERIFY(!w.draft().text.contains(u"Example Ltd."_s));
    }

    void theKeysSendSaveAndAskBeforeDiscarding()
    {
        Gui::ComposeWindow w(identities());
        showActive(w);
        QSignalSpy sent(&w, &Gui::ComposeWindow::sendRequested);
        QSignalSpy saved(&w, &Gui::ComposeWindow::saveDraftRequested);
        QSignalSpy discarded(&w, &Gui::ComposeWindow::discardRequested);
        QSignalSpy closedWithDraft(&w, &Gui::ComposeWindow::closedWithDraft);
        w.findChild<QLineEdit *>(u"toEdit"_s)->setText(u"bob@example.com"_s);
        w.editor()->setFocus();
        QTest::keyClicks(w.editor(), u"Hello"_s);
        QTest::keyClick(w.editor(), Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(sent.count(), 1);
        QTest::keyClick(w.editor(), Qt::Key_Enter, Qt::ControlModifier | Qt::KeypadModifier);
        QCOMPARE(sent.count(), 2);
        QVERIFY(w.editor()->toPlainText().startsWith(u"Hello\n\n-- "_s)); // no line was added
        QTest::keyClick(w.editor(), Qt::Key_S, Qt::ControlModifier);
        QCOMPARE(saved.count(), 1);

        QString box;
        answer({}, &box, QMessageBox::Cancel);
        QTest::keyClick(w.editor(), Qt::Key_Escape);
        QCOMPARE(box, u"closeQuestion"_s);
        QVERIFY(w.isVisible());
        QCOMPARE(discarded.count(), 0);
        showActive(w); // (offscreen, the closed box leaves no window active)

        answer({}, &box, QMessageBox::Discard);
        QTest::keyClick(w.editor(), Qt::Key_Escape);
        QCOMPARE(discarded.count(), 1);
        QVERIFY(!w.isVisible());
        QCOMPARE(closedWithDraft.count(), 0);
        QCOMPARE(saved.count(), 1);
    }

    void escSavesWhenAskedAndClosingKeepsTheDraft()
    {
        {
            Gui::ComposeWindow w(identities());
            showActive(w);
            QSignalSpy saved(&w, &Gui::ComposeWindow::saveDraftRequested);
            QSignalSpy closedWithDraft(&w, &Gui::ComposeWindow::closedWithDraft);
            w.findChild<QLineEdit *>(u"subjectEdit"_s)->setText(u"Plans"_s);
            QCOMPARE(w.windowTitle(), u"Plans[*]"_s);
            QString box;
            answer({}, &box, QMessageBox::Save);
            QTest::keyClick(&w, Qt::Key_Escape);
            QCOMPARE(saved.count(), 1);
            QVERIFY(!w.isVisible());
            QCOMPARE(closedWithDraft.count(), 0);
        }
        {
            Gui::ComposeWindow w(identities());
            showActive(w);
            QSignalSpy closedWithDraft(&w, &Gui::ComposeWindow::closedWithDraft);
            w.editor()->textCursor().insertText(u"half a thought"_s);
            w.close();
            QCOMPARE(closedWithDraft.count(), 1);
        }
        {
            // Unchanged: Esc closes without a question, and nothing needs saving.
            Gui::ComposeWindow w(identities());
            showActive(w);
            QSignalSpy closedWithDraft(&w, &Gui::ComposeWindow::closedWithDraft);
            QTest::keyClick(&w, Qt::Key_Escape);
            QVERIFY(!w.isVisible());
            QCOMPARE(closedWithDraft.count(), 0);
        }
    }

    void aSpellCheckerAttachedByTheHookChangesNothing()
    {
        // Underlines like the spell checker's (layout formats, not the text's).
        class EveryWord : public QSyntaxHighlighter
        {
        public:
            using QSyntaxHighlighter::QSyntaxHighlighter;
            void highlightBlock(const QString &text) override
            {
                QTextCharFormat wavy;
                wavy.setUnderlineStyle(QTextCharFormat::SpellCheckUnderline);
                setFormat(0, int(text.size()), wavy);
            }
        };
        Gui::ComposeWindow w(identities());
        Client::Draft draft;
        draft.storeId = 3;
        draft.accountId = u"acct-a"_s;
        draft.html = u"<p>Helo wrld</p>"_s;
        w.setDraft(draft);
        const QString html = w.draft().html;
        EveryWord *highlighter = nullptr;
        w.setSpellingHook([&](QTextEdit *editor, const QString &) {
            if (!highlighter)
                highlighter = new EveryWord(editor->document());
            highlighter->rehighlight();
        });
        QVERIFY(highlighter);
        QVERIFY(w.editor()->document()->firstBlock().layout()->formats().size() > 0);
        QVERIFY(!w.isModified());
        QCOMPARE(w.draft().html, html);
        QTest::keyClick(w.editor(), Qt::Key_X);
        QVERIFY(w.isModified());
    }

    void theContextMenuHookPutsItsActionsOnTop()
    {
        Gui::ComposeWindow w(identities());
        showActive(w);
        w.editor()->setPlainText(u"Helo world"_s);
        QPoint asked;
        QString wordThere;
        w.setEditorContextMenuHook([&](QMenu *menu, const QPoint &pos) {
            asked = pos;
            QTextCursor cursor = w.editor()->cursorForPosition(pos);
            cursor.select(QTextCursor::WordUnderCursor);
            wordThere = cursor.selectedText();
            menu->insertAction(menu->actions().value(0), new QAction(u"Hello"_s, menu));
        });
        QStringList shown;
        auto *poll = new QTimer(this);
        m_polls << poll;
        poll->setInterval(20);
        connect(poll, &QTimer::timeout, this, [&shown, poll] {
            auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
            if (!menu)
                return;
            poll->stop();
            for (QAction *a : menu->actions())
                shown << a->text();
            menu->close();
        });
        poll->start();
        const QRect word = w.editor()->cursorRect(QTextCursor(w.editor()->document()));
        const QPoint at = word.center() + QPoint(8, 0);
        QContextMenuEvent event(QContextMenuEvent::Mouse, at,
                                w.editor()->viewport()->mapToGlobal(at));
        QApplication::sendEvent(w.editor()->viewport(), &event);
        QCOMPARE(asked, at);
        QCOMPARE(wordThere, u"Helo"_s);
        QVERIFY(shown.size() > 3);
        QCOMPARE(shown.first(), u"Hello"_s);
    }

    void autosaveComesAfterAChange()
    {
        Gui::ComposeWindow w(identities());
        w.setAutosaveInterval(50);
        QSignalSpy due(&w, &Gui::ComposeWindow::autosaveDue);
        QTest::qWait(120);
        QCOMPARE(due.count(), 0); // nothing changed yet
        w.editor()->textCursor().insertText(u"x"_s);
        QVERIFY(due.wait(2000));
        w.setModified(false);
        QTest::qWait(120);
        QCOMPARE(due.count(), 1);
    }

    void boldAppliesToTheSelectionAndFollowsTheCursor()
    {
        Gui::ComposeWindow w(identities());
        QTextEdit *editor = w.editor();
        editor->setPlainText(u"plain bold plain"_s);
        QAction *bold = action(w, "actionBold");
        QTextCursor cursor(editor->document());
        cursor.setPosition(6);
        cursor.setPosition(10, QTextCursor::KeepAnchor);
        editor->setTextCursor(cursor);
        QVERIFY(!bold->isChecked());
        bold->trigger();
        QCOMPARE(editor->textCursor().charFormat().fontWeight(), QFont::Bold);

        cursor.setPosition(8); // inside "bold"
        editor->setTextCursor(cursor);
        QVERIFY(bold->isChecked());
        cursor.setPosition(2); // inside the first "plain"
        editor->setTextCursor(cursor);
        QVERIFY(!bold->isChecked());
        cursor.setPosition(14);
        editor->setTextCursor(cursor);
        QVERIFY(!bold->isChecked());

        // Lists and quotes follow the cursor too.
        action(w, "actionBulletList")->trigger();
        QVERIFY(action(w, "actionBulletList")->isChecked());
        QVERIFY(editor->textCursor().currentList());
        action(w, "actionBulletList")->trigger();
        QVERIFY(!editor->textCursor().currentList());
        action(w, "actionQuote")->trigger();
        QVERIFY(action(w, "actionQuote")->isChecked());
        QVERIFY(w.draft().html.contains(u"margin-left:30px"_s));
    }

    void insertedImagesAreInlineFilesWithACid()
    {
        Gui::ComposeWindow w(identities());
        const QString image = file(u"chart.png"_s, png(900, 300));
        QVERIFY(w.insertInlineImage(image));
        Client::Draft d = w.draft();
        QCOMPARE(d.inlineImages.size(), 1);
        const Client::DraftFile inlined = d.inlineImages.first();
        QCOMPARE(inlined.path, image);
        QCOMPARE(inlined.contentType, u"image/png"_s);
        QVERIFY(inlined.contentId.endsWith(u"@example.org"_s));
        QVERIFY2(d.html.contains(u"src=\"cid:"_s + inlined.contentId + u'"'), qPrintable(d.html));
        QVERIFY(d.html.contains(u"width=\"600\""_s)); // shown narrower, sent whole
        QVERIFY(d.attachments.isEmpty());

        // An image pasted from the clipboard becomes another one.
        auto *data = new QMimeData;
        data->setImageData(QImage(20, 20, QImage::Format_RGB32));
        QApplication::clipboard()->setMimeData(data);
        w.editor()->paste();
        d = w.draft();
        QCOMPARE(d.inlineImages.size(), 2);
        QVERIFY(QImage(d.inlineImages[1].path).size() == QSize(20, 20));

        // Deleted from the text, it is not sent.
        w.editor()->selectAll();
        w.editor()->textCursor().removeSelectedText();
        QCOMPARE(w.draft().inlineImages.size(), 0);
    }

    void linksAreInserted()
    {
        Gui::ComposeWindow w(identities());
        auto *editor = w.editor();
        editor->setPlainText(u"Read this"_s);
        editor->selectAll();
        // Through the dialog: the selection is offered as the text.
        whenModal<QDialog>([](QDialog *dialog) {
            auto *url = dialog->findChild<QLineEdit *>(u"linkUrl"_s);
            QCOMPARE(dialog->findChild<QLineEdit *>(u"linkText"_s)->text(), u"Read this"_s);
            url->setText(u"example.org/guide"_s);
            dialog->accept();
        });
        action(w, "actionLink")->trigger();
        QVERIFY2(w.draft().html.contains(u"href=\"http://example.org/guide\""_s),
                 qPrintable(w.draft().html));
        QVERIFY(editor->toPlainText().startsWith(u"Read this"_s));
    }

    void addressesAreCompletedForTheEntryUnderTheCursor()
    {
        Gui::ComposeWindow w(identities());
        showActive(w);
        QStringListModel seen({u"Ann Example <ann@example.org>"_s, u"Bob Stone <bob@example.com>"_s,
                               u"李明 <li.ming@example.cn>"_s});
        w.setAddressCompletions(&seen);
        auto *to = w.findChild<QLineEdit *>(u"toEdit"_s);
        to->setFocus();
        QTest::keyClicks(to, u"ann@example.org, sto"_s);
        QCompleter *completer = to->findChild<QCompleter *>();
        QVERIFY(completer);
        QTRY_VERIFY(completer->popup()->isVisible());
        QCOMPARE(completer->completionCount(), 1);
        QTest::keyClick(completer->popup(), Qt::Key_Down);
        QTest::keyClick(completer->popup(), Qt::Key_Return);
        QCOMPARE(to->text(), u"ann@example.org, Bob Stone <bob@example.com>, "_s);
        QTest::sendKeyEvent(QTest::Click, to, Qt::Key_unknown, u"李"_s, Qt::NoModifier);
        QTRY_VERIFY(completer->popup()->isVisible());
        QCOMPARE(completer->currentCompletion(), u"李明 <li.ming@example.cn>"_s);
    }

    void everyControlHasAnAccessibleName()
    {
        Gui::ComposeWindow w(identities());
        action(w, "actionShowCc")->setChecked(true);
        action(w, "actionShowBcc")->setChecked(true);
        QVERIFY(w.attachFiles({file(u"a.txt"_s, "a")}));
        showActive(w);
        int checked = 0;
        const QList<QWidget *> widgets = w.findChildren<QWidget *>();
        for (QWidget *widget : widgets) {
            if (!widget->isVisible() || !(widget->focusPolicy() & Qt::TabFocus))
                continue;
            // An editable combo box's line edit is part of the (named) combo box.
            if (qobject_cast<QComboBox *>(widget->parentWidget()))
                continue;
            ++checked;
            QVERIFY2(
                !widget->accessibleName().isEmpty(),
                qPrintable(u"%1 (%2) has no accessible name"_s.arg(
                    widget->objectName(), QString::fromLatin1(widget->metaObject()->className()))));
        }
        QVERIFY2(checked >= 20, qPrintable(QString::number(checked)));
    }

    void tabVisitsTheFieldsInLayoutOrder()
    {
        Gui::ComposeWindow w(identities());
        action(w, "actionShowCc")->setChecked(true);
        action(w, "actionShowBcc")->setChecked(true);
        QVERIFY(w.attachFiles({file(u"a.txt"_s, "a")}));
        showActive(w);
        w.findChild<QWidget *>(u"fromCombo"_s)->setFocus();
        QStringList visited;
        for (int i = 0; i < 40; ++i) {
            QWidget *focus = QApplication::focusWidget();
            QVERIFY(focus);
            visited << (focus->objectName().isEmpty() ? focus->accessibleName()
                                                      : focus->objectName());
            QTest::keyClick(focus, Qt::Key_Tab);
        }
        const QStringList order{u"fromCombo"_s,      u"toEdit"_s,       u"ccEdit"_s,
                                u"bccEdit"_s,        u"subjectEdit"_s,  u"fontCombo"_s,
                                u"Bold"_s,           u"Insert Image"_s, u"editor"_s,
                                u"attachmentList"_s, u"attachButton"_s};
        int at = -1;
        for (const QString &name : order) {
            const int next = visited.indexOf(name, at + 1);
            QVERIFY2(next > at,
                     qPrintable(name + u" not reached in order: "_s + visited.join(u", "_s)));
            at = next;
        }
        // The labels' mnemonics go to their fields.
        QTest::keyClick(&w, Qt::Key_S, Qt::AltModifier);
        QCOMPARE(QApplication::focusWidget()->objectName(), u"subjectEdit"_s);
        QTest::keyClick(&w, Qt::Key_T, Qt::AltModifier);
        QCOMPARE(QApplication::focusWidget()->objectName(), u"toEdit"_s);
    }
};

QTEST_MAIN(TestComposeWindow)
#include "tst_composewindow.moc"
