// SPDX-License-Identifier: GPL-3.0-or-later
// Writing mail from the main window: compose windows on drafts, replies and mailto: URLs, the
// status bar's "Undo" while a sent message is held, the Outbox's errors with Retry and Edit,
// drafts offered back after a crash, and "quit with mail in the Outbox?". Everything goes
// through Client::Composer by signals; building and sending run on its worker threads.
#include "mainwindow.h"

#include "certificatedialog.h"
#include "client/addressbook.h"
#include "client/composer.h"
#include "client/folderlistmodel.h"
#include "client/mailstore.h"
#include "client/messagecontent.h"
#include "client/messagelistmodel.h"
#include "client/replydraft.h"
#include "client/settingsstore.h"
#include "client/spellchecker.h"
#include "compose/composewindow.h"
#include "compose/spellhighlighter.h"
#include "mail/messageview.h"
#include "senderrortext.h"
#include "ui_mainwindow.h"

#include <QDir>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>
#include <QTextEdit>
#include <QTimer>
#include <QUuid>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace Gui {

namespace {

constexpr int kSentMessageMs = 8000;

QList<ComposeIdentity> composeIdentities(const QList<Types::AccountSettings> &accounts)
{
    QList<ComposeIdentity> out;
    for (const Types::AccountSettings &a : accounts)
        out.append({a.id, a.displayName, a.email, a.signature, a.signatureIsHtml, a.spellLanguage});
    return out;
}

// One compose window's spelling: its own checker (Hunspell is not thread- or share-safe) and
// the highlighter on its editor, kept alive by the hooks that use them.
struct Spelling
{
    std::unique_ptr<Client::SpellChecker> checker;
    QPointer<SpellHighlighter> highlighter;
};

} // namespace

void MainWindow::setupCompose()
{
    m_composer = new Client::Composer(m_settings, this);
    m_addressBook = new Client::AddressBook(this);
    m_addressBook->load(m_settings.mailDirectory());

    m_sendStatus = new QLabel(this);
    m_sendStatus->setObjectName(u"sendStatus"_s);
    m_sendStatus->setTextFormat(Qt::RichText);
    m_sendStatus->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    m_sendStatus->setFocusPolicy(Qt::TabFocus);
    // However long the words, the window keeps its size (the full text is in the tooltip).
    m_sendStatus->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_sendStatus->hide();
    statusBar()->addWidget(m_sendStatus, 1);
    m_sendStatusClear = new QTimer(this);
    m_sendStatusClear->setSingleShot(true);
    connect(m_sendStatusClear, &QTimer::timeout, m_sendStatus, &QWidget::hide);
    connect(m_sendStatus, &QLabel::linkActivated, this, &MainWindow::onSendLink);

    // Above the message view when a failed Outbox message is shown.
    m_outboxBar = new QFrame(m_ui->messageViewHost);
    m_outboxBar->setObjectName(u"outboxBar"_s);
    static_cast<QFrame *>(m_outboxBar)->setFrameShape(QFrame::StyledPanel);
    auto *barLayout = new QHBoxLayout(m_outboxBar);
    m_outboxText = new QLabel(m_outboxBar);
    m_outboxText->setObjectName(u"outboxError"_s);
    m_outboxText->setWordWrap(true);
    m_outboxText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *retry = new QPushButton(tr("&Retry"), m_outboxBar);
    retry->setObjectName(u"outboxRetryButton"_s);
    retry->setAccessibleName(tr("Retry sending"));
    auto *edit = new QPushButton(tr("&Edit"), m_outboxBar);
    edit->setObjectName(u"outboxEditButton"_s);
    edit->setAccessibleName(tr("Edit the message"));
    barLayout->addWidget(m_outboxText, 1);
    barLayout->addWidget(retry);
    barLayout->addWidget(edit);
    m_ui->messageViewLayout->insertWidget(0, m_outboxBar);
    m_outboxBar->hide();
    connect(retry, &QPushButton::clicked, this, [this] {
        if (m_shownId && m_composer->retry(m_shownId))
            m_outboxBar->hide();
    });
    connect(edit, &QPushButton::clicked, this, [this] {
        if (!m_shownId)
            return;
        if (const std::optional<Client::Draft> draft = m_composer->editOutgoing(m_shownId))
            openComposeWindow(*draft, draft->storeId);
    });

    connect(m_ui->actionNewMessage, &QAction::triggered, this, &MainWindow::writeMessage);
    connect(m_ui->actionReply, &QAction::triggered, this, [this] { replyToCurrent(Client::ReplyKind::Reply); });
    connect(m_ui->actionReplyAll, &QAction::triggered, this, [this] { replyToCurrent(Client::ReplyKind::ReplyAll); });
    connect(m_ui->actionForward, &QAction::triggered, this, [this] { replyToCurrent(Client::ReplyKind::Forward); });
    connect(m_ui->actionForwardAsAttachment, &QAction::triggered, this,
            [this] { replyToCurrent(Client::ReplyKind::ForwardAsAttachment); });
    // The view shows a message (or nothing): what can be answered follows it.
    connect(m_view, &MessageView::messageShown, this, [this] {
        const bool shown = !m_view->messagePath().isEmpty();
        for (QAction *a : {m_ui->actionReply, m_ui->actionReplyAll, m_ui->actionForward,
                           m_ui->actionForwardAsAttachment})
            a->setEnabled(shown);
        updateOutboxBar();
    });
    connect(m_ui->messageList, &QAbstractItemView::activated, this, [this] { openCurrentDraft(); });

    connect(m_composer, &Client::Composer::sendHeld, this, &MainWindow::onSendHeld);
    connect(m_composer, &Client::Composer::sending, this, [this](qint64 id) {
        m_heldId = 0;
        Q_UNUSED(id);
        showSendStatus(tr("Sending…"), false);
    });
    connect(m_composer, &Client::Composer::progress, this, [this](qint64, qint64 sent, qint64 total) {
        if (total > 0)
            showSendStatus(tr("Sending… %1%").arg(sent * 100 / total), false);
    });
    connect(m_composer, &Client::Composer::sent, this, [this](qint64) {
        showSendStatus(tr("Message sent."), false);
        m_sendStatusClear->start(kSentMessageMs);
        m_addressBook->load(m_settings.mailDirectory()); // the new recipients complete from now on
    });
    connect(m_composer, &Client::Composer::sendFailed, this, &MainWindow::onSendFailed);
    connect(m_composer, &Client::Composer::changed, this, [this] {
        m_folders->refresh();
        if (m_messages->folder())
            m_messages->refresh();
        updateOutboxBar();
    });
    connect(m_composer, &Client::Composer::certificateQuestion, this,
            [this](const Client::CertificateQuestion &question) {
                m_composer->answerCertificate(CertificateDialog::ask(question, this));
            });
    connect(m_composer, &Client::Composer::passwordNeeded, this,
            [this](const QString &accountId, const QString &serverText) {
                if (const std::optional<PasswordAnswer> answer = askPassword(accountId, serverText))
                    m_composer->providePassword(accountId, answer->password, answer->remember);
                else
                    m_composer->declinePassword(accountId);
            });
    // Messages left in the Outbox when Tidings last stopped go now; drafts of a crash are offered.
    QTimer::singleShot(0, this, [this] {
        m_composer->flushOutbox();
        offerRecoveredDrafts();
    });
}

void MainWindow::writeMessage()
{
    Client::Draft draft;
    const QString account = selectedAccountId();
    for (const Types::AccountSettings &a : m_composer->identities())
        if (a.id == account)
            draft.accountId = a.id;
    composeDraft(draft);
}

void MainWindow::composeDraft(const Client::Draft &draft)
{
    openComposeWindow(draft, 0);
}

void MainWindow::openComposeWindow(const Client::Draft &draft, qint64 draftId)
{
    const QList<Types::AccountSettings> identities = m_composer->identities();
    if (identities.isEmpty()) {
        const auto answer = QMessageBox::question(
            this, tr("Write Message"),
            tr("To send mail, an account needs an outgoing server and an e-mail address. Open Account Settings?"));
        if (answer == QMessageBox::Yes)
            openAccountSettings();
        return;
    }
    auto *window = new ComposeWindow(composeIdentities(identities));
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->setObjectName(u"composeWindow"_s);
    const QString key = m_composer->beginCompose(draftId);
    window->setAddressCompletions(m_addressBook);
    window->setAttachmentWarningBytes(qint64(m_settings.attachmentWarningMb()) << 20);
    window->setAutosaveInterval(Client::Composer::kAutosaveMs);

    auto spelling = std::make_shared<Spelling>();
    const QString personal = QFileInfo(m_settings.mailDirectory()).dir().filePath(u"spelling/personal.dic"_s);
    spelling->checker = std::make_unique<Client::SpellChecker>(personal);
    window->setSpellingHook([spelling](QTextEdit *editor, const QString &language) {
        // No dictionary for the language (Chinese has none): English, which mail mixes in most.
        const bool found = spelling->checker->setLanguage(language) || spelling->checker->setLanguage(u"en_US"_s);
        if (!spelling->highlighter)
            spelling->highlighter = new SpellHighlighter(spelling->checker.get(), editor);
        spelling->highlighter->setEnabled(found);
        spelling->highlighter->recheck();
    });
    window->setEditorContextMenuHook([window, spelling](QMenu *menu, const QPoint &pos) {
        if (spelling->highlighter && spelling->highlighter->isEnabled())
            addSpellingActions(menu, window->editor(), pos, spelling->checker.get(), spelling->highlighter);
    });
    window->setDraft(draft);

    const auto save = [this, window, key] {
        m_composer->saveDraft(key, window->draft());
        window->setModified(false);
    };
    connect(window, &ComposeWindow::autosaveDue, this, save);
    connect(window, &ComposeWindow::saveDraftRequested, this, [window, save] {
        save();
        window->statusBar()->showMessage(tr("Saving the draft…"), 3000);
    });
    connect(m_composer, &Client::Composer::draftSaved, window, [window, key](const QString &saved, qint64) {
        if (saved == key)
            window->statusBar()->showMessage(tr("Draft saved."), 3000);
    });
    connect(m_composer, &Client::Composer::composeFailed, window,
            [window, key](const QString &failed, const QString &message) {
                if (failed != key)
                    return;
                window->setModified(true); // nothing was written: it must be tried again
                QMessageBox::warning(window, tr("Write Message"), message);
            });
    connect(window, &ComposeWindow::sendRequested, this, [this, window, key] {
        QString why;
        if (!m_composer->send(key, window->draft(), &why))
            QMessageBox::warning(window, tr("Send"), why);
        else
            window->setEnabled(false); // until the message is durably in the Outbox
    });
    connect(m_composer, &Client::Composer::queued, window, [window, key](const QString &queued, qint64) {
        if (queued != key)
            return;
        window->setModified(false);
        window->close();
    });
    connect(window, &ComposeWindow::discardRequested, this, [this, key] {
        if (const qint64 id = m_composer->draftIdOf(key))
            m_composer->discardDraft(id);
        m_composer->endCompose(key);
    });
    connect(window, &ComposeWindow::closedWithDraft, this, [this, window, key] {
        m_composer->saveDraft(key, window->draft());
        statusBar()->showMessage(tr("The message was saved in Drafts."), sessionMessageMs);
    });
    connect(window, &QObject::destroyed, this, [this, key] { m_composer->endCompose(key); });
    window->show();
    window->raise();
    window->activateWindow();
}

void MainWindow::openCurrentDraft()
{
    const QModelIndex folder = m_ui->folderTree->currentIndex();
    if (folder.data(Client::FolderListModel::FolderKindRole).toInt() != int(Types::FolderKind::Drafts))
        return;
    const QModelIndex current = m_ui->messageList->currentIndex();
    const qint64 id = current.isValid() ? m_messages->idAt(current.row()) : 0;
    if (!id)
        return;
    QString why;
    const std::optional<Client::Draft> draft = m_composer->openDraft(id, &why);
    if (!draft) {
        QMessageBox::warning(this, tr("Open Draft"), why);
        return;
    }
    openComposeWindow(*draft, id);
}

void MainWindow::replyToCurrent(Client::ReplyKind kind)
{
    const QString path = m_view->messagePath();
    if (path.isEmpty()) {
        statusBar()->showMessage(tr("Open a downloaded message first."), sessionMessageMs);
        return;
    }
    QString selection;
    if (auto *body = m_view->findChild<QTextEdit *>(u"messageBody"_s))
        selection = body->textCursor().selectedText().replace(QChar::ParagraphSeparator, u'\n');
    const QList<Types::AccountSettings> accounts = m_settings.accounts();
    const QString files = QFileInfo(m_settings.mailDirectory()).dir().filePath(
        u"compose/forward-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces));
    // Reading (and for Forward extracting the attachments) is file work: off the GUI thread.
    auto *watcher = new QFutureWatcher<Client::Draft>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        composeDraft(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run([path, kind, accounts, selection, files] {
        const Client::MessageContent content = Client::loadMessageContent(path);
        Mime::MessageView view;
        if (content.read.view)
            view = *content.read.view;
        if (content.plainText)
            view.text = content.plainText;
        QList<Client::DraftFile> attachments;
        if (kind == Client::ReplyKind::Forward) {
            QDir().mkpath(files);
            for (int i = 0; i < view.attachments.size(); ++i) {
                const Mime::Attachment &a = view.attachments.at(i);
                if (a.isInline)
                    continue;
                QString error;
                const QString saved = Mime::extractAttachment(path, i, files, &error);
                if (!saved.isEmpty())
                    attachments.append({saved, a.filename, a.contentType, QFileInfo(saved).size(), {}});
            }
        }
        return Client::makeReply(view, path, kind, accounts, selection, true, attachments);
    }));
}

void MainWindow::offerRecoveredDrafts()
{
    const QList<qint64> ids = m_composer->recoverableDrafts();
    if (ids.isEmpty())
        return;
    QMessageBox box(QMessageBox::Question, tr("Recover Drafts"),
                    ids.size() == 1 ? tr("Tidings stopped while a message was being written. Its draft was kept.")
                                    : tr("Tidings stopped while %1 messages were being written. Their drafts were kept.")
                                          .arg(ids.size()),
                    QMessageBox::NoButton, this);
    box.setObjectName(u"recoverDrafts"_s);
    QPushButton *open = box.addButton(tr("&Open"), QMessageBox::AcceptRole);
    box.addButton(tr("&Later (keep them in Drafts)"), QMessageBox::RejectRole);
    box.setDefaultButton(open);
    box.exec();
    if (box.clickedButton() != open) {
        m_composer->forgetRecoverable();
        return;
    }
    for (const qint64 id : ids) {
        QString why;
        if (const std::optional<Client::Draft> draft = m_composer->openDraft(id, &why))
            openComposeWindow(*draft, id);
        else
            statusBar()->showMessage(why, sessionMessageMs);
    }
}

bool MainWindow::confirmQuitWithOutbox()
{
    const int pending = m_composer ? m_composer->pendingCount() : 0;
    if (pending == 0)
        return true;
    QMessageBox box(QMessageBox::Warning, tr("Quit"),
                    pending == 1 ? tr("One message has not been sent yet. It stays in the Outbox and goes the next time Tidings starts.")
                                 : tr("%1 messages have not been sent yet. They stay in the Outbox and go the next time Tidings starts.")
                                       .arg(pending),
                    QMessageBox::NoButton, this);
    box.setObjectName(u"quitWithOutbox"_s);
    QPushButton *quit = box.addButton(tr("&Quit Anyway"), QMessageBox::AcceptRole);
    QPushButton *stay = box.addButton(tr("&Don't Quit"), QMessageBox::RejectRole);
    box.setDefaultButton(stay);
    box.exec();
    return box.clickedButton() == quit;
}

void MainWindow::showSendStatus(const QString &html, bool problem)
{
    m_sendStatusClear->stop();
    m_sendStatus->setToolTip(QString());
    m_sendStatus->setText(html);
    m_sendStatus->setAccessibleName(problem ? tr("Sending problem") : tr("Sending"));
    m_sendStatus->show();
}

void MainWindow::onSendHeld(qint64 id, int ms)
{
    m_heldId = id;
    const int seconds = (ms + 999) / 1000;
    showSendStatus((seconds == 1 ? tr("Sending in 1 second.") : tr("Sending in %1 seconds.").arg(seconds)) +
                       u" <a href=\"undo\">"_s + tr("Undo") + u"</a>"_s,
                   false);
}

void MainWindow::onSendFailed(qint64 id, const Client::SendError &error)
{
    if (error.kind == Client::SendErrorKind::Cancelled) {
        showSendStatus(tr("Sending was cancelled; the message stays in the Outbox."), false);
        return;
    }
    Q_UNUSED(id);
    // Short, so that the Outbox link stays in view; the reason is in the tooltip and the Outbox.
    showSendStatus(tr("A message was not sent.").toHtmlEscaped() +
                       u" <a href=\"outbox\">"_s + tr("Show Outbox") + u"</a>"_s,
                   true);
    m_sendStatus->setToolTip(sendErrorText(error));
    updateOutboxBar();
}

void MainWindow::onSendLink(const QString &link)
{
    if (link == u"undo"_s && m_heldId) {
        const qint64 id = std::exchange(m_heldId, 0);
        if (const std::optional<Client::Draft> draft = m_composer->undoSend(id)) {
            showSendStatus(tr("Sending was undone."), false);
            m_sendStatusClear->start(kSentMessageMs);
            openComposeWindow(*draft, draft->storeId);
        } else {
            showSendStatus(tr("Too late to undo: the message is already on its way."), false);
            m_sendStatusClear->start(kSentMessageMs);
        }
        return;
    }
    if (link == u"outbox"_s) { // under Local Folders
        for (int row = 0; row < m_folders->rowCount(); ++row) {
            const QModelIndex group = m_folders->index(row, 0);
            for (int child = 0; child < m_folders->rowCount(group); ++child) {
                const QModelIndex folder = m_folders->index(child, 0, group);
                if (folder.data(Client::FolderListModel::FolderKindRole).toInt() == int(Types::FolderKind::Outbox)) {
                    m_ui->folderTree->setCurrentIndex(folder);
                    return;
                }
            }
        }
    }
}

void MainWindow::updateOutboxBar()
{
    const std::optional<Client::OutboxEntry> entry = m_shownId ? m_composer->outboxEntry(m_shownId) : std::nullopt;
    if (!entry || entry->state != Client::OutboxEntry::State::Failed) {
        m_outboxBar->hide();
        return;
    }
    m_outboxText->setText(sendErrorText(entry->error));
    m_outboxBar->show();
}

} // namespace Gui
