// SPDX-License-Identifier: GPL-3.0-or-later
#include "messageview.h"

#include "attachmentpane.h"
#include "boundedimage.h"
#include "headerpane.h"
#include "plaintexthtml.h"
#include "remotefetcher.h"
#include "safebrowser.h"
#include "sourcedialog.h"

#include "client/settingsstore.h"

#include <QAction>
#include <QButtonGroup>
#include <QDesktopServices>
#include <QEvent>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPrintDialog>
#include <QPrinter>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStyle>
#include <QTextCursor>
#include <QTextDocument>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent>

using namespace Qt::StringLiterals;

namespace Gui {

namespace {

constexpr int kLoadingNoticeDelayMs = 200; // a quick load never flashes "Loading…"
constexpr int kMaxProblemsListed = 5;

QFrame *bar(QWidget *parent, const QString &name)
{
    auto *frame = new QFrame(parent);
    frame->setObjectName(name);
    frame->setFrameShape(QFrame::StyledPanel);
    frame->setAutoFillBackground(true);
    QPalette p = frame->palette();
    p.setColor(QPalette::Window, QColor(0xff, 0xf4, 0xce));
    p.setColor(QPalette::WindowText, QColor(0x3d, 0x33, 0x00));
    frame->setPalette(p);
    return frame;
}

QString readErrorText(const Mime::ReadResult &read)
{
    if (!read.error.isEmpty())
        return read.error;
    switch (read.kind) {
    case Mime::ReadError::CannotOpen:
        return MessageView::tr("the file cannot be opened");
    case Mime::ReadError::Empty:
        return MessageView::tr("the message is empty");
    default:
        return MessageView::tr("the message cannot be read");
    }
}

// "Name <a@b>" or "a@b" as the list's From column gives it.
Mime::Address addressFromText(const QString &text)
{
    static const QRegularExpression angle(u"^(.*)<([^<>]+)>\\s*$"_s);
    if (const auto m = angle.match(text); m.hasMatch())
        return {m.captured(1).trimmed().remove(u'"'), m.captured(2).trimmed()};
    if (text.contains(u'@'))
        return {QString(), text.trimmed()};
    return {text.trimmed(), QString()};
}

} // namespace

struct MessageView::Loaded
{
    std::shared_ptr<const Client::MessageContent> content;
    QHash<QString, QImage> images; // decoded off the GUI thread, within BoundedImage's bounds
    QString plainHtml;             // plainTextToHtml, off the GUI thread too
};

MessageView::Loaded MessageView::load(const QString &path)
{
    auto content = std::make_shared<Client::MessageContent>(Client::loadMessageContent(path));
    Loaded loaded;
    for (const Mime::InlinePart &part : std::as_const(content->inlineParts)) {
        const QImage image = BoundedImage::decode(part.data);
        if (!image.isNull())
            loaded.images.insert(part.contentId, image);
        else if (part.contentType.startsWith(u"image/"_s, Qt::CaseInsensitive))
            content->problems << u"the embedded image <%1> cannot be shown"_s.arg(part.contentId);
    }
    content->inlineParts.clear(); // the decoded images are all the view keeps
    if (content->plainText)
        loaded.plainHtml = plainTextToHtml(content->plainText->left(kMaxPlainChars));
    loaded.content = std::move(content);
    return loaded;
}

MessageView::MessageView(QWidget *parent)
    : QWidget(parent)
    , m_headers(new HeaderPane(this))
    , m_headerLine(new QFrame(this))
    , m_problemBar(new QLabel(this))
    , m_remoteBar(bar(this, u"remoteContentBar"_s))
    , m_remoteText(new QLabel(m_remoteBar))
    , m_remoteButton(new QToolButton(m_remoteBar))
    , m_remoteOnce(new QAction(this))
    , m_remoteAlways(new QAction(this))
    , m_stack(new QStackedWidget(this))
    , m_browser(new SafeBrowser(m_stack))
    , m_serverPage(new QWidget(m_stack))
    , m_serverText(new QLabel(m_serverPage))
    , m_downloadButton(new QPushButton(m_serverPage))
    , m_downloadProgress(new QProgressBar(m_serverPage))
    , m_notice(new QLabel(m_stack))
    , m_linkLine(new QLabel(this))
    , m_attachments(new AttachmentPane(this))
    , m_htmlButton(new QToolButton(this))
    , m_plainButton(new QToolButton(this))
    , m_moreButton(new QToolButton(this))
    , m_viewSourceAction(new QAction(this))
    , m_printAction(new QAction(this))
    , m_exportPdfAction(new QAction(this))
    , m_fetcher(new RemoteFetcher(this))
{
    setObjectName(u"messageView"_s);
    m_browser->setObjectName(u"messageBody"_s);
    m_problemBar->setObjectName(u"messageProblems"_s);
    m_remoteButton->setObjectName(u"loadRemoteContentButton"_s);
    m_notice->setObjectName(u"messageNotice"_s);
    m_linkLine->setObjectName(u"linkTarget"_s);
    m_htmlButton->setObjectName(u"showHtmlButton"_s);
    m_plainButton->setObjectName(u"showPlainButton"_s);
    m_moreButton->setObjectName(u"messageActionsButton"_s);
    m_downloadButton->setObjectName(u"downloadMessageButton"_s);
    m_downloadProgress->setObjectName(u"downloadProgress"_s);

    m_headerLine->setFrameShape(QFrame::HLine);
    m_headerLine->setFrameShadow(QFrame::Sunken);

    m_problemBar->setWordWrap(true);
    m_problemBar->setTextFormat(Qt::PlainText);
    m_problemBar->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_problemBar->setMargin(6);
    m_problemBar->setAutoFillBackground(true);
    QPalette warn = m_problemBar->palette();
    warn.setColor(QPalette::Window, QColor(0xfd, 0xe2, 0xe1));
    warn.setColor(QPalette::WindowText, QColor(0x5c, 0x0f, 0x0b));
    m_problemBar->setPalette(warn);
    m_problemBar->hide();

    // Remote content bar: what was blocked and the one way to load it.
    m_remoteText->setWordWrap(true);
    auto *remoteIcon = new QLabel(m_remoteBar);
    remoteIcon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxInformation).pixmap(16, 16));
    auto *remoteMenu = new QMenu(m_remoteButton);
    remoteMenu->addAction(m_remoteOnce);
    remoteMenu->addAction(m_remoteAlways);
    m_remoteButton->setMenu(remoteMenu);
    m_remoteButton->setPopupMode(QToolButton::InstantPopup);
    m_remoteButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_remoteButton->setFocusPolicy(Qt::StrongFocus);
    connect(m_remoteOnce, &QAction::triggered, this, &MessageView::loadRemoteContentOnce);
    connect(m_remoteAlways, &QAction::triggered, this, &MessageView::allowRemoteContentForSender);
    auto *remoteLayout = new QHBoxLayout(m_remoteBar);
    remoteLayout->setContentsMargins(8, 4, 8, 4);
    remoteLayout->addWidget(remoteIcon, 0, Qt::AlignTop);
    remoteLayout->addWidget(m_remoteText, 1);
    remoteLayout->addWidget(m_remoteButton);
    m_remoteBar->hide();

    // Body toggle and the message's own menu, at the right of the subject.
    auto *group = new QButtonGroup(this);
    for (QToolButton *b : {m_htmlButton, m_plainButton}) {
        b->setCheckable(true);
        b->setAutoRaise(true);
        b->setFocusPolicy(Qt::StrongFocus);
        group->addButton(b);
        m_headers->buttonArea()->layout()->addWidget(b);
    }
    connect(m_htmlButton, &QToolButton::clicked, this, [this] { setShowHtml(true); });
    connect(m_plainButton, &QToolButton::clicked, this, [this] { setShowHtml(false); });
    auto *more = new QMenu(m_moreButton);
    more->addAction(m_viewSourceAction);
    more->addAction(m_printAction);
    more->addAction(m_exportPdfAction);
    m_moreButton->setMenu(more);
    m_moreButton->setPopupMode(QToolButton::InstantPopup);
    m_moreButton->setAutoRaise(true);
    m_moreButton->setFocusPolicy(Qt::StrongFocus);
    m_moreButton->setArrowType(Qt::NoArrow);
    m_headers->buttonArea()->layout()->addWidget(m_moreButton);
    m_viewSourceAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_U));
    m_viewSourceAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_printAction->setShortcut(QKeySequence::Print);
    m_printAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addActions({m_viewSourceAction, m_printAction, m_exportPdfAction});
    connect(m_viewSourceAction, &QAction::triggered, this, &MessageView::viewSource);
    connect(m_printAction, &QAction::triggered, this, &MessageView::printMessage);
    connect(m_exportPdfAction, &QAction::triggered, this, &MessageView::exportPdf);

    // Body.
    m_browser->setFrameShape(QFrame::NoFrame);
    connect(m_browser, &QTextBrowser::anchorClicked, this, &MessageView::openLink);
    connect(m_browser, qOverload<const QUrl &>(&QTextBrowser::highlighted), this,
            [this](const QUrl &url) {
                m_linkLine->setText(url.toDisplayString());
                m_linkLine->setVisible(!url.isEmpty());
            });
    connect(m_browser, &SafeBrowser::remoteResourceBlocked, this,
            &MessageView::scheduleRemoteBarUpdate);
    connect(m_browser, &SafeBrowser::remoteResourceWanted, m_fetcher, &RemoteFetcher::fetch);
    connect(m_fetcher, &RemoteFetcher::fetched, m_browser, &SafeBrowser::addRemoteResource);
    connect(m_fetcher, &RemoteFetcher::idle, this, [this] {
        if (m_showHtml)
            m_browser->rerender(m_bodyHtml);
        if (!m_fetcher->busy()) // a stylesheet may have asked for more
            Q_EMIT remoteContentLoaded();
    });
    m_linkLine->setTextFormat(Qt::PlainText);
    m_linkLine->setForegroundRole(QPalette::PlaceholderText);
    m_linkLine->setContentsMargins(8, 0, 8, 0);
    m_linkLine->hide();

    // Headers only.
    m_serverText->setWordWrap(true);
    m_serverText->setAlignment(Qt::AlignCenter);
    m_downloadProgress->hide();
    connect(m_downloadButton, &QPushButton::clicked, this, [this] {
        m_downloadButton->setEnabled(false);
        setDownloadProgress(-1);
        Q_EMIT downloadRequested();
    });
    auto *serverLayout = new QVBoxLayout(m_serverPage);
    serverLayout->addStretch();
    serverLayout->addWidget(m_serverText);
    serverLayout->addWidget(m_downloadButton, 0, Qt::AlignCenter);
    serverLayout->addWidget(m_downloadProgress);
    serverLayout->addStretch();

    m_notice->setAlignment(Qt::AlignCenter);
    m_notice->setWordWrap(true);
    m_notice->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_notice->setForegroundRole(QPalette::PlaceholderText);
    m_stack->addWidget(m_browser);
    m_stack->addWidget(m_serverPage);
    m_stack->addWidget(m_notice);

    connect(m_attachments, &AttachmentPane::statusMessage, this, &MessageView::statusMessage);
    m_attachments->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_headers);
    layout->addWidget(m_headerLine);
    layout->addWidget(m_problemBar);
    layout->addWidget(m_remoteBar);
    layout->addWidget(m_stack, 1);
    layout->addWidget(m_linkLine);
    layout->addWidget(m_attachments);

    // Tab order: headers, remote bar, body, attachments.
    setTabOrder(m_headers->lastFocus(), m_htmlButton);
    setTabOrder(m_htmlButton, m_plainButton);
    setTabOrder(m_plainButton, m_moreButton);
    setTabOrder(m_moreButton, m_remoteButton);
    setTabOrder(m_remoteButton, m_browser);
    setTabOrder(m_browser, m_downloadButton);
    setTabOrder(m_downloadButton, m_attachments->firstFocus());

    m_loadingTimer.setSingleShot(true);
    m_loadingTimer.setInterval(kLoadingNoticeDelayMs);
    connect(&m_loadingTimer, &QTimer::timeout, this, [this] {
        m_noticeKind = Notice::Loading;
        m_headers->hide();
        m_headerLine->hide();
        m_attachments->hide();
        m_problemBar->hide();
        m_remoteBar->hide();
        showPage(m_notice);
        retranslate();
    });
    retranslate();
    clear();
}

MessageView::~MessageView() = default;

void MessageView::setSettingsStore(Client::SettingsStore *settings)
{
    m_settings = settings;
}

void MessageView::startOver()
{
    ++m_generation;
    m_loadingTimer.stop();
    m_fetcher->cancelAll();
    m_content.reset();
    m_bodyHtml.clear();
    m_plainHtml.clear();
    m_remoteAllowed = false;
    m_browser->reset({});
    m_browser->clear();
    m_linkLine->hide();
    m_problemBar->hide();
    m_remoteBar->hide();
    m_attachments->clear();
    m_attachments->hide();
}

void MessageView::showPage(QWidget *page)
{
    m_stack->setCurrentWidget(page);
    updateActions();
}

void MessageView::clear()
{
    startOver();
    m_path.clear();
    m_noticeKind = Notice::Empty;
    m_headers->hide();
    m_headerLine->hide();
    showPage(m_notice);
    retranslate();
}

void MessageView::showMessage(const QString &messageFilePath)
{
    startOver();
    m_path = messageFilePath;
    m_loadingTimer.start();
    const quint64 generation = m_generation;
    auto *watcher = new QFutureWatcher<Loaded>(this);
    connect(watcher, &QFutureWatcher<Loaded>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation == m_generation) // else the user has moved on
            present(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run(&MessageView::load, messageFilePath));
}

void MessageView::present(const Loaded &loaded)
{
    m_loadingTimer.stop();
    const Client::MessageContent &content = *loaded.content;
    if (!content.read.view) {
        showUnreadable(readErrorText(content.read));
        m_path = content.path;
        updateActions();
        Q_EMIT messageShown(content.path);
        return;
    }
    m_content = loaded.content;
    const Mime::MessageView &view = *content.read.view;
    m_headers->showHeaders(view.subject, view.from, view.to, view.cc, view.date);
    m_headers->show();
    m_headerLine->show();

    QStringList notes;
    const bool cut = (view.html && view.html->size() > kMaxHtmlChars) ||
                     (content.plainText && content.plainText->size() > kMaxPlainChars);
    if (cut)
        notes << tr("This message is very long: only its beginning is shown. Save its "
                    "attachments or use View Source for the rest.");
    if (!content.problems.isEmpty()) {
        QStringList shown = content.problems.mid(0, kMaxProblemsListed);
        if (content.problems.size() > kMaxProblemsListed)
            shown << tr("and %1 more").arg(content.problems.size() - kMaxProblemsListed);
        notes << tr("This message is damaged or unusual; what could be read is shown. What was "
                    "wrong:") +
                     u"\n• "_s + shown.join(u"\n• "_s);
    }
    m_problemBar->setText(notes.join(u'\n'));
    m_problemBar->setVisible(!notes.isEmpty());
    m_plainHtml = loaded.plainHtml;

    m_browser->reset(loaded.images);
    m_remoteAllowed = senderAllowed();
    const bool both = view.html && content.plainText;
    m_showHtml = view.html && !(both && m_settings && m_settings->preferPlainText());
    m_htmlButton->setVisible(both);
    m_plainButton->setVisible(both);
    renderBody();
    showPage(m_browser);

    // Images the HTML shows from the message itself are not listed again.
    QList<int> listed;
    for (int i = 0; i < view.attachments.size(); ++i) {
        const Mime::Attachment &a = view.attachments[i];
        const bool embedded = view.html && !a.contentId.isEmpty() &&
                              view.html->contains(u"cid:"_s + a.contentId, Qt::CaseInsensitive);
        if (!embedded)
            listed << i;
    }
    m_attachments->setAttachments(content.path, view.attachments, listed);
    m_attachments->setVisible(!listed.isEmpty());
    Q_EMIT messageShown(content.path);
}

void MessageView::renderBody()
{
    if (!m_content)
        return;
    const Mime::MessageView &view = *m_content->read.view;
    m_htmlButton->setChecked(m_showHtml);
    m_plainButton->setChecked(!m_showHtml);
    m_browser->setRemoteAllowed(m_showHtml && m_remoteAllowed);
    if (m_showHtml) {
        m_bodyHtml = view.html->left(kMaxHtmlChars);
    } else {
        m_bodyHtml = m_plainHtml;
    }
    m_browser->setBody(m_bodyHtml); // blocked resources counted now, not at the first paint
    updateRemoteBar();
}

void MessageView::setShowHtml(bool html)
{
    if (!m_content || !m_content->read.view)
        return;
    const Mime::MessageView &view = *m_content->read.view;
    html = html ? bool(view.html) : !m_content->plainText.has_value() && view.html;
    if (html == m_showHtml)
        return;
    m_showHtml = html;
    if (m_settings && view.html && m_content->plainText)
        m_settings->setPreferPlainText(!html); // Thunderbird's View > Message Body As: it sticks
    renderBody();
}

int MessageView::blockedResourceCount() const
{
    return int(m_browser->blockedResources().size());
}

QString MessageView::senderAddress() const
{
    if (!m_content || !m_content->read.view || m_content->read.view->from.isEmpty())
        return {};
    return m_content->read.view->from.first().address.trimmed().toLower();
}

bool MessageView::senderAllowed() const
{
    const QString sender = senderAddress();
    return m_settings && !sender.isEmpty() &&
           m_settings->remoteContentAllowedSenders().contains(sender);
}

void MessageView::scheduleRemoteBarUpdate()
{
    // Called from inside the document's layout: the bar changes the layout, so later.
    if (m_remoteBarUpdatePending)
        return;
    m_remoteBarUpdatePending = true;
    QTimer::singleShot(0, this, [this] {
        m_remoteBarUpdatePending = false;
        updateRemoteBar();
    });
}

void MessageView::updateRemoteBar()
{
    const int blocked = blockedResourceCount();
    const bool show = m_content && m_showHtml && !m_remoteAllowed && blocked > 0;
    if (show) {
        m_remoteText->setText(
            blocked == 1
                ? tr("<b>Remote content blocked.</b> This message would load 1 item from the "
                     "Internet, which can tell the sender that and when you read it.")
                : tr("<b>Remote content blocked.</b> This message would load %1 items from the "
                     "Internet, which can tell the sender that and when you read it.")
                      .arg(blocked));
        const QString sender = senderAddress();
        m_remoteAlways->setEnabled(!sender.isEmpty() && m_settings);
        m_remoteAlways->setText(sender.isEmpty() ? tr("Always for This Sender")
                                                 : tr("Always for %1").arg(sender));
    }
    m_remoteBar->setVisible(show);
}

void MessageView::allowRemote()
{
    m_remoteAllowed = true;
    m_remoteBar->hide();
    if (m_showHtml) {
        m_browser->setRemoteAllowed(true);
        m_browser->rerender(m_bodyHtml); // asks for each resource again: now they are fetched
    }
}

void MessageView::loadRemoteContentOnce()
{
    if (m_content)
        allowRemote();
}

void MessageView::allowRemoteContentForSender()
{
    const QString sender = senderAddress();
    if (!m_content || sender.isEmpty() || !m_settings)
        return;
    QStringList senders = m_settings->remoteContentAllowedSenders();
    if (!senders.contains(sender)) {
        senders << sender;
        m_settings->setRemoteContentAllowedSenders(senders);
        m_settings->sync();
    }
    allowRemote();
}

void MessageView::openLink(const QUrl &url)
{
    // The view itself never navigates (openLinks is off); a link within the message scrolls.
    if (url.isRelative() && url.path().isEmpty() && url.hasFragment()) {
        m_browser->scrollToAnchor(url.fragment());
        return;
    }
    const QString scheme = url.scheme().toLower();
    if (scheme == u"http"_s || scheme == u"https"_s || scheme == u"mailto"_s) {
        Q_EMIT statusMessage(tr("Opening %1").arg(url.toDisplayString()));
        QDesktopServices::openUrl(url);
    } else {
        Q_EMIT statusMessage(tr("This link is not opened: %1").arg(url.toDisplayString()));
    }
}

void MessageView::showHeadersOnly(const QString &subject, const QString &from,
                                  const QDateTime &date, qint64 size)
{
    startOver();
    m_path.clear();
    m_headersOnlySize = size;
    m_headers->showHeaders(subject, {addressFromText(from)}, {}, {}, date);
    m_headers->show();
    m_headerLine->show();
    m_htmlButton->hide();
    m_plainButton->hide();
    m_downloadButton->setEnabled(true);
    m_downloadProgress->hide();
    showPage(m_serverPage);
    retranslate();
}

void MessageView::setDownloadProgress(int percent)
{
    m_downloadProgress->setRange(0, percent < 0 ? 0 : 100);
    if (percent >= 0)
        m_downloadProgress->setValue(std::min(percent, 100));
    m_downloadProgress->show();
}

void MessageView::showUnreadable(const QString &reason)
{
    startOver();
    m_unreadableReason = reason;
    m_noticeKind = Notice::Unreadable;
    m_headers->hide();
    m_headerLine->hide();
    showPage(m_notice);
    retranslate();
}

void MessageView::updateActions()
{
    const bool message = m_content && m_stack->currentWidget() == m_browser;
    m_printAction->setEnabled(message);
    m_exportPdfAction->setEnabled(message);
    m_viewSourceAction->setEnabled(!m_path.isEmpty());
}

QString MessageView::headersHtml() const
{
    const Mime::MessageView &view = *m_content->read.view;
    auto join = [](const QList<Mime::Address> &list) {
        QStringList out;
        for (const Mime::Address &a : list)
            out << AddressLabel::display(a);
        return out.join(u", "_s).toHtmlEscaped();
    };
    QString rows;
    auto row = [&rows](const QString &name, const QString &value) {
        if (!value.isEmpty())
            rows +=
                u"<tr><td><b>%1</b>&nbsp;</td><td>%2</td></tr>"_s.arg(name.toHtmlEscaped(), value);
    };
    row(tr("Subject:"), view.subject.toHtmlEscaped());
    row(tr("From:"), join(view.from));
    row(tr("To:"), join(view.to));
    row(tr("Cc:"), join(view.cc));
    if (view.date.isValid())
        row(tr("Date:"),
            QLocale().toString(view.date.toLocalTime(), QLocale::LongFormat).toHtmlEscaped());
    return u"<table>"_s + rows + u"</table><hr>"_s;
}

std::unique_ptr<QTextDocument> MessageView::printableDocument() const
{
    if (!m_content)
        return {};
    // The browser is the copy's parent: it answers the copy's resources too, so printing
    // loads no more than the screen shows (a parentless document reads file: URLs itself).
    std::unique_ptr<QTextDocument> doc(m_browser->document()->clone(m_browser));
    QTextCursor cursor(doc.get());
    cursor.movePosition(QTextCursor::Start);
    cursor.insertHtml(headersHtml());
    cursor.insertBlock();
    return doc;
}

bool MessageView::exportPdfTo(const QString &filePath)
{
    const auto doc = printableDocument();
    if (!doc)
        return false;
    QPrinter printer(QPrinter::HighResolution);
    printer.setOutputFormat(QPrinter::PdfFormat);
    printer.setOutputFileName(filePath);
    printer.setDocName(m_content->read.view->subject);
    doc->print(&printer);
    return QFileInfo(filePath).size() > 0;
}

void MessageView::printMessage()
{
    const auto doc = printableDocument();
    if (!doc)
        return;
    QPrinter printer(QPrinter::HighResolution);
    printer.setDocName(m_content->read.view->subject);
    QPrintDialog dialog(&printer, this);
    dialog.setWindowTitle(tr("Print Message"));
    if (dialog.exec() == QDialog::Accepted)
        doc->print(&printer);
}

void MessageView::exportPdf()
{
    if (!m_content)
        return;
    const QString base = Mime::sanitizeFileName(m_content->read.view->subject);
    const QString directory = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    QString target = QFileDialog::getSaveFileName(this, tr("Export as PDF"),
                                                  QDir(directory).filePath(base + u".pdf"_s),
                                                  tr("PDF documents (*.pdf)"));
    if (target.isEmpty())
        return;
    if (QFileInfo(target).suffix().isEmpty())
        target += u".pdf"_s;
    if (exportPdfTo(target))
        Q_EMIT statusMessage(tr("Exported %1").arg(QDir::toNativeSeparators(target)));
    else
        QMessageBox::warning(
            this, tr("Export as PDF"),
            tr("The PDF could not be written to %1.").arg(QDir::toNativeSeparators(target)));
}

void MessageView::viewSource()
{
    if (m_path.isEmpty())
        return;
    const QString title = m_content ? m_content->read.view->subject : QFileInfo(m_path).fileName();
    auto *dialog = new SourceDialog(m_path, title, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void MessageView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        m_headers->retranslate();
        m_attachments->retranslate();
    }
    QWidget::changeEvent(event);
}

void MessageView::retranslate()
{
    setAccessibleName(tr("Message"));
    m_browser->setAccessibleName(tr("Message body"));
    m_browser->setAccessibleDescription(
        tr("Links open in your web browser when activated; remote content is blocked"));
    m_problemBar->setAccessibleName(tr("Problems with this message"));
    m_remoteBar->setAccessibleName(tr("Remote content blocked"));
    m_remoteText->setAccessibleName(tr("Remote content blocked"));
    m_remoteButton->setText(tr("Load Remote Content"));
    m_remoteButton->setAccessibleName(tr("Load remote content"));
    m_remoteButton->setAccessibleDescription(
        tr("Loads the images and styles this message links to, once or always for its sender"));
    m_remoteOnce->setText(tr("Once"));
    m_htmlButton->setText(tr("HTML"));
    m_htmlButton->setAccessibleName(tr("Show the HTML body"));
    m_htmlButton->setToolTip(tr("Show the formatted (HTML) version; remote content stays blocked"));
    m_plainButton->setText(tr("Plain Text"));
    m_plainButton->setAccessibleName(tr("Show the plain text body"));
    m_plainButton->setToolTip(tr("Show the plain text version"));
    m_moreButton->setText(tr("More"));
    m_moreButton->setAccessibleName(tr("More message actions"));
    m_moreButton->setToolTip(tr("View Source, Print, Export as PDF"));
    m_viewSourceAction->setText(tr("View &Source"));
    m_printAction->setText(tr("&Print…"));
    m_exportPdfAction->setText(tr("&Export as PDF…"));
    m_linkLine->setAccessibleName(tr("Link address"));
    m_serverText->setText(
        tr("Only the headers of this message have been downloaded. Its body (%1) is still on "
           "the server.")
            .arg(QLocale().formattedDataSize(m_headersOnlySize)));
    m_serverText->setAccessibleName(tr("Message not downloaded"));
    m_downloadButton->setText(tr("&Download Message"));
    m_downloadButton->setAccessibleName(tr("Download message"));
    m_downloadButton->setAccessibleDescription(tr("Downloads the whole message from the server"));
    m_downloadProgress->setAccessibleName(tr("Download progress"));
    switch (m_noticeKind) {
    case Notice::Empty:
        m_notice->setText(tr("No message selected"));
        break;
    case Notice::Loading:
        m_notice->setText(tr("Loading…"));
        break;
    case Notice::Unreadable:
        m_notice->setText(tr("This message cannot be shown: %1").arg(m_unreadableReason));
        break;
    }
    m_notice->setAccessibleName(m_notice->text());
    updateRemoteBar();
}

} // namespace Gui
