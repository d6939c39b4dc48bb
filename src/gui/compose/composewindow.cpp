// SPDX-License-Identifier: GPL-3.0-or-later
#include "composewindow.h"

#include "addressfield.h"
#include "attachmentlist.h"
#include "formaticons.h"
#include "mime/messagebuilder.h"
#include "signatureblock.h"
#include "textformatter.h"
#include "ui_composewindow.h"

#include <QAction>
#include <QCloseEvent>
#include <QComboBox>
#include <QFontComboBox>
#include <QMessageBox>
#include <QPushButton>
#include <QTextDocument>
#include <QTemporaryDir>
#include <QTimer>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace Gui {

namespace {

constexpr auto kBannerStyle = "QLabel { background: %1; color: %2; border: 1px solid %3;"
                              " border-radius: 3px; padding: 4px 8px; }";

QString bannerStyle(const char *background, const char *text, const char *border)
{
    return QString::fromLatin1(kBannerStyle)
        .arg(QLatin1String(background), QLatin1String(text), QLatin1String(border));
}

QString identityText(const ComposeIdentity &identity)
{
    return Mime::formatAddress({identity.name, identity.address});
}

QString withoutMnemonic(QString text)
{
    text.remove(u'&');
    if (text.endsWith(u'…'))
        text.chop(1);
    return text;
}

} // namespace

ComposeWindow::ComposeWindow(const QList<ComposeIdentity> &identities, QWidget *parent)
    : QMainWindow(parent)
    , m_ui(std::make_unique<Ui::ComposeWindow>())
    , m_identities(identities)
    , m_autosave(new QTimer(this))
{
    m_ui->setupUi(this);
    m_ui->invalidLabel->setStyleSheet(bannerStyle("#fdecea", "#8a1c1c", "#e8a5a5"));
    m_ui->sizeWarning->setStyleSheet(bannerStyle("#fff4ce", "#5c4400", "#e5c45c"));
    m_ui->editor->setAcceptRichText(true);
    setUpActions();
    setUpFormatBar();
    fillIdentities();

    m_autosave->setSingleShot(true);
    m_autosave->setInterval(kDefaultAutosaveMs);
    connect(m_autosave, &QTimer::timeout, this, [this] {
        if (m_modified)
            Q_EMIT autosaveDue();
    });

    for (AddressField *field : {m_ui->toEdit, m_ui->ccEdit, m_ui->bccEdit}) {
        connect(field, &QLineEdit::textChanged, this, &ComposeWindow::markModified);
        connect(field, &AddressField::invalidEntriesChanged, this,
                &ComposeWindow::updateInvalidLabel);
    }
    connect(m_ui->subjectEdit, &QLineEdit::textChanged, this, [this] {
        updateTitle();
        markModified();
    });
    // Edits only (they reach the undo stack): the spell checker's underlines are not changes.
    connect(m_ui->editor->document(), &QTextDocument::modificationChanged, this,
            [this](bool changed) {
                if (changed)
                    markModified();
            });
    connect(m_ui->editor, &ComposeEditor::filesInserted, this,
            [this](const QStringList &paths) { attachFiles(paths); });
    connect(m_ui->editor, &ComposeEditor::imageInserted, this, &ComposeWindow::insertPastedImage);
    connect(m_ui->attachmentList, &AttachmentList::changed, this, [this] {
        updateAttachments();
        markModified();
    });
    connect(m_ui->attachmentList, &AttachmentList::pasteRequested, this,
            &ComposeWindow::pasteAttachments);
    connect(m_ui->attachButton, &QPushButton::clicked, this, &ComposeWindow::chooseAttachments);
    connect(m_ui->removeButton, &QPushButton::clicked, m_ui->attachmentList,
            &AttachmentList::removeSelected);

    setCcVisible(false);
    setBccVisible(false);
    updateAttachments();
    if (!m_identities.isEmpty())
        m_signatureText =
            SignatureBlock::append(m_ui->editor->document(), m_identities.first().signature,
                                   m_identities.first().signatureIsHtml, true);
    m_ui->editor->moveCursor(QTextCursor::Start);
    m_ui->editor->document()->clearUndoRedoStacks();
    setModified(false);
    updateTitle();
    m_ui->toEdit->setFocus();
}

ComposeWindow::~ComposeWindow() = default;

void ComposeWindow::setUpActions()
{
    m_ui->actionSend->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    m_ui->actionSend->setIcon(formatIcon(FormatIcon::Send));
    m_ui->actionSaveDraft->setIcon(formatIcon(FormatIcon::SaveDraft));
    m_ui->actionAttach->setIcon(QIcon(u":/icons/attachment.svg"_s));
    m_ui->actionInsertImage->setIcon(formatIcon(FormatIcon::Image));
    m_ui->ccButton->setDefaultAction(m_ui->actionShowCc);
    m_ui->bccButton->setDefaultAction(m_ui->actionShowBcc);
    m_ui->ccButton->setFocusPolicy(Qt::TabFocus);
    m_ui->bccButton->setFocusPolicy(Qt::TabFocus);

    connect(m_ui->actionSend, &QAction::triggered, this, &ComposeWindow::send);
    connect(m_ui->actionSaveDraft, &QAction::triggered, this, &ComposeWindow::saveDraftRequested);
    connect(m_ui->actionAttach, &QAction::triggered, this, &ComposeWindow::chooseAttachments);
    connect(m_ui->actionClose, &QAction::triggered, this, &QWidget::close);
    connect(m_ui->actionShowCc, &QAction::toggled, this, &ComposeWindow::setCcVisible);
    connect(m_ui->actionShowBcc, &QAction::toggled, this, &ComposeWindow::setBccVisible);
    connect(m_ui->actionInsertImage, &QAction::triggered, this, &ComposeWindow::chooseInlineImage);
    connect(m_ui->actionPlainText, &QAction::triggered, this, [this](bool plain) {
        if (!setRichText(!plain))
            m_ui->actionPlainText->setChecked(false);
    });

    auto *escape = new QAction(this);
    escape->setShortcut(Qt::Key_Escape);
    connect(escape, &QAction::triggered, this, &ComposeWindow::closeAsking);
    addAction(escape);
}

void ComposeWindow::setUpFormatBar()
{
    m_fontCombo = new QFontComboBox(this);
    m_fontCombo->setObjectName(u"fontCombo"_s);
    m_sizeCombo = new QComboBox(this);
    m_sizeCombo->setObjectName(u"sizeCombo"_s);
    m_ui->formatBar->insertWidget(m_ui->actionBold, m_fontCombo);
    m_ui->formatBar->insertWidget(m_ui->actionBold, m_sizeCombo);
    m_ui->formatBar->insertSeparator(m_ui->actionBold);

    FormatActions actions;
    actions.bold = m_ui->actionBold;
    actions.italic = m_ui->actionItalic;
    actions.underline = m_ui->actionUnderline;
    actions.strikethrough = m_ui->actionStrikethrough;
    actions.color = m_ui->actionTextColor;
    actions.bulletList = m_ui->actionBulletList;
    actions.numberedList = m_ui->actionNumberedList;
    actions.quote = m_ui->actionQuote;
    actions.link = m_ui->actionLink;
    actions.clearFormatting = m_ui->actionClearFormatting;
    m_formatter = new TextFormatter(m_ui->editor, actions, m_fontCombo, m_sizeCombo, this);

    // The format shortcuts (Ctrl+B...) act in the editor only: elsewhere they are the fields'.
    const QList<QAction *> formatting = m_ui->formatBar->actions();
    for (QAction *action : formatting) {
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        m_ui->editor->addAction(action);
    }

    // Reachable with Tab between the subject and the text, in the order shown.
    QWidget *previous = m_ui->subjectEdit;
    for (QAction *action : formatting) {
        QWidget *widget = m_ui->formatBar->widgetForAction(action);
        if (!widget || action->isSeparator())
            continue;
        widget->setFocusPolicy(Qt::TabFocus);
        if (widget->accessibleName().isEmpty() && !qobject_cast<QComboBox *>(widget))
            widget->setAccessibleName(withoutMnemonic(action->text()));
        setTabOrder(previous, widget);
        previous = widget;
    }
    setTabOrder(previous, m_ui->editor);
    m_fontCombo->setAccessibleName(tr("Font"));
    m_sizeCombo->setAccessibleName(tr("Font size"));
}

void ComposeWindow::fillIdentities()
{
    const QSignalBlocker block(m_ui->fromCombo);
    m_ui->fromCombo->clear();
    for (const ComposeIdentity &identity : std::as_const(m_identities))
        m_ui->fromCombo->addItem(identityText(identity), identity.accountId);
    m_identityIndex = m_identities.isEmpty() ? -1 : 0;
    m_ui->fromCombo->setCurrentIndex(m_identityIndex);
    connect(m_ui->fromCombo, &QComboBox::currentIndexChanged, this, &ComposeWindow::identityChanged,
            Qt::UniqueConnection);
}

ComposeIdentity ComposeWindow::currentIdentity() const
{
    return m_identityIndex >= 0 ? m_identities.at(m_identityIndex) : ComposeIdentity();
}

QTextEdit *ComposeWindow::editor() const
{
    return m_ui->editor;
}

bool ComposeWindow::isRichText() const
{
    return m_rich;
}

void ComposeWindow::identityChanged(int index)
{
    if (index < 0 || index >= m_identities.size() || index == m_identityIndex)
        return;
    // Edited (or deleted) signatures are the user's doing: they stay as they are.
    const ComposeIdentity before = currentIdentity();
    const QString marked = SignatureBlock::text(m_ui->editor->document());
    const bool hadSignature =
        !SignatureBlock::plainText(before.signature, before.signatureIsHtml).isEmpty();
    const bool swap =
        hadSignature ? !m_signatureText.isEmpty() && marked == m_signatureText : marked.isEmpty();
    m_identityIndex = index;
    if (swap) {
        QTextDocument *document = m_ui->editor->document();
        QTextCursor keep = m_ui->editor->textCursor();
        const int position = keep.position();
        SignatureBlock::remove(document);
        const ComposeIdentity &identity = m_identities.at(index);
        m_signatureText = SignatureBlock::append(document, identity.signature,
                                                 identity.signatureIsHtml, isRichText());
        keep.setPosition(qMin(position, document->characterCount() - 1));
        m_ui->editor->setTextCursor(keep);
    }
    applySpelling();
    markModified();
}

void ComposeWindow::setSpellingHook(SpellingHook hook)
{
    m_spelling = std::move(hook);
    applySpelling();
}

void ComposeWindow::applySpelling()
{
    if (m_spelling)
        m_spelling(m_ui->editor, currentIdentity().spellLanguage);
}

void ComposeWindow::setEditorContextMenuHook(ComposeEditor::MenuHook hook)
{
    m_ui->editor->setContextMenuHook(std::move(hook));
}

void ComposeWindow::setAddressCompletions(QAbstractItemModel *model)
{
    for (AddressField *field : {m_ui->toEdit, m_ui->ccEdit, m_ui->bccEdit})
        field->setCompletionModel(model);
}

void ComposeWindow::setDraft(const Client::Draft &draft)
{
    m_loading = true;
    m_base = draft;
    const int identity = m_ui->fromCombo->findData(draft.accountId);
    if (identity >= 0) {
        const QSignalBlocker block(m_ui->fromCombo);
        m_ui->fromCombo->setCurrentIndex(identity);
        m_identityIndex = identity;
    }
    m_ui->toEdit->setEntries(draft.to);
    m_ui->ccEdit->setEntries(draft.cc);
    m_ui->bccEdit->setEntries(draft.bcc);
    m_ui->actionShowCc->setChecked(!draft.cc.isEmpty());
    m_ui->actionShowBcc->setChecked(!draft.bcc.isEmpty());
    setCcVisible(!draft.cc.isEmpty());
    setBccVisible(!draft.bcc.isEmpty());
    m_ui->subjectEdit->setText(draft.subject);

    m_rich = draft.rich;
    m_ui->actionPlainText->setChecked(!draft.rich);
    m_formatter->setEnabled(draft.rich);
    m_ui->actionInsertImage->setEnabled(draft.rich);
    m_ui->editor->setAcceptRichText(draft.rich);
    m_inlineImages = draft.rich ? draft.inlineImages : QList<Client::DraftFile>();
    for (const Client::DraftFile &image : std::as_const(m_inlineImages))
        m_ui->editor->addInlineImage(image.contentId, image.path);
    if (draft.rich)
        m_ui->editor->setHtml(draft.html);
    else
        m_ui->editor->setPlainText(draft.text);

    const ComposeIdentity current = currentIdentity();
    m_signatureText = SignatureBlock::markExisting(m_ui->editor->document(), current.signature,
                                                   current.signatureIsHtml);
    if (m_signatureText.isEmpty() && draft.storeId == 0)
        m_signatureText = SignatureBlock::append(m_ui->editor->document(), current.signature,
                                                 current.signatureIsHtml, draft.rich);
    m_ui->editor->moveCursor(QTextCursor::Start);
    m_ui->editor->document()->clearUndoRedoStacks();
    m_ui->attachmentList->setFiles(draft.attachments);
    m_loading = false;
    updateAttachments();
    updateInvalidLabel();
    applySpelling();
    setModified(false);
    updateTitle();
}

Client::Draft ComposeWindow::draft() const
{
    Client::Draft draft = m_base;
    draft.accountId = currentIdentity().accountId;
    draft.to = m_ui->toEdit->entries();
    draft.cc = m_ui->ccEdit->entries();
    draft.bcc = m_ui->bccEdit->entries();
    draft.subject = m_ui->subjectEdit->text();
    draft.rich = isRichText();
    draft.html.clear();
    draft.text.clear();
    draft.inlineImages.clear();
    if (draft.rich) {
        draft.html = m_ui->editor->toHtml();
        // Only the images still in the text (one deleted there is not sent).
        for (const Client::DraftFile &image : m_inlineImages)
            if (draft.html.contains(u"cid:"_s + image.contentId))
                draft.inlineImages << image;
    } else {
        draft.text = m_ui->editor->toPlainText();
    }
    draft.attachments = m_ui->attachmentList->files();
    return draft;
}

void ComposeWindow::setModified(bool modified)
{
    m_modified = modified;
    if (!modified) {
        m_ui->editor->document()->setModified(false);
        m_autosave->stop();
    }
    setWindowModified(modified);
}

void ComposeWindow::markModified()
{
    if (m_loading)
        return;
    setModified(true);
    if (m_autosave->interval() > 0 && !m_autosave->isActive())
        m_autosave->start();
}

void ComposeWindow::setAutosaveInterval(int milliseconds)
{
    m_autosave->stop();
    m_autosave->setInterval(qMax(0, milliseconds));
    if (milliseconds > 0 && m_modified)
        m_autosave->start();
}

void ComposeWindow::setAttachmentWarningBytes(qint64 bytes)
{
    m_warningBytes = bytes;
    updateAttachments();
}

void ComposeWindow::updateTitle()
{
    const QString subject = m_ui->subjectEdit->text().simplified();
    setWindowTitle((subject.isEmpty() ? tr("New Message") : subject) + u"[*]"_s);
}

void ComposeWindow::setCcVisible(bool visible)
{
    // A field with addresses in it stays: hidden recipients would still get the message.
    visible = visible || !m_ui->ccEdit->isBlank();
    m_ui->headerForm->setRowVisible(m_ui->ccEdit, visible);
    const QSignalBlocker block(m_ui->actionShowCc);
    m_ui->actionShowCc->setChecked(visible);
    if (visible && !m_loading && isVisible())
        m_ui->ccEdit->setFocus();
}

void ComposeWindow::setBccVisible(bool visible)
{
    visible = visible || !m_ui->bccEdit->isBlank();
    m_ui->headerForm->setRowVisible(m_ui->bccEdit, visible);
    const QSignalBlocker block(m_ui->actionShowBcc);
    m_ui->actionShowBcc->setChecked(visible);
    if (visible && !m_loading && isVisible())
        m_ui->bccEdit->setFocus();
}

bool ComposeWindow::setRichText(bool rich)
{
    if (rich == isRichText())
        return true;
    QTextEdit *editor = m_ui->editor;
    if (!rich && TextFormatter::hasFormatting(editor->document())) {
        QMessageBox box(QMessageBox::Warning, tr("Plain Text Only"),
                        tr("Switch to plain text? Bold, colours, lists, links and inline images "
                           "will be lost; the words stay."),
                        QMessageBox::Cancel, this);
        box.setObjectName(u"plainTextQuestion"_s);
        QPushButton *convert = box.addButton(tr("Switch to Plain Text"), QMessageBox::AcceptRole);
        convert->setObjectName(u"convertButton"_s);
        box.setDefaultButton(QMessageBox::Cancel);
        box.exec();
        if (box.clickedButton() != convert)
            return false;
    }
    const ComposeIdentity identity = currentIdentity();
    if (!rich) {
        const bool signatureKept = !m_signatureText.isEmpty() &&
                                   SignatureBlock::text(editor->document()) == m_signatureText;
        const QString text = TextFormatter::plainTextOf(editor->document());
        editor->setAcceptRichText(false);
        editor->setPlainText(text);
        if (signatureKept)
            m_signatureText = SignatureBlock::markExisting(editor->document(), identity.signature,
                                                           identity.signatureIsHtml);
    } else {
        // The text is kept as it is; from now on it can be formatted.
        editor->setAcceptRichText(true);
    }
    m_rich = rich;
    {
        const QSignalBlocker block(m_ui->actionPlainText);
        m_ui->actionPlainText->setChecked(!rich);
    }
    m_formatter->setEnabled(rich);
    m_ui->actionInsertImage->setEnabled(rich);
    markModified();
    return true;
}

void ComposeWindow::closeEvent(QCloseEvent *event)
{
    m_autosave->stop();
    if (m_modified && !m_closeDecided)
        Q_EMIT closedWithDraft();
    m_closeDecided = false;
    event->accept();
}

void ComposeWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        m_ui->attachmentList->retranslate();
        m_fontCombo->setAccessibleName(tr("Font"));
        m_sizeCombo->setAccessibleName(tr("Font size"));
        const QList<QAction *> formatting = m_ui->formatBar->actions();
        for (QAction *action : formatting)
            if (QWidget *widget = m_ui->formatBar->widgetForAction(action);
                widget && !action->isSeparator() && !qobject_cast<QComboBox *>(widget))
                widget->setAccessibleName(withoutMnemonic(action->text()));
        updateTitle();
        updateAttachments();
        updateInvalidLabel();
    }
    QMainWindow::changeEvent(event);
}

} // namespace Gui
