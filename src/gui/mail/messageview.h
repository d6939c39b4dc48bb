// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client/messagecontent.h"

#include <QDateTime>
#include <QImage>
#include <QTimer>
#include <QWidget>

#include <memory>

class QAbstractButton;
class QAction;
class QFrame;
class QLabel;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTextDocument;
class QToolButton;

namespace Client {
class SettingsStore;
}

namespace Gui {

class AttachmentPane;
class HeaderPane;
class RemoteFetcher;
class SafeBrowser;

// Shows one stored message safely: headers, the plain or HTML body (no
// script, links opened outside only when clicked, every remote resource
// blocked until the user loads it, once or always for the sender), the
// message's own cid: images, attachments, View Source, Print and Export as
// PDF. Messages are read off the GUI thread; a result for a message the user
// has already left is dropped.
class MessageView : public QWidget
{
    Q_OBJECT
public:
    // What is laid out on the GUI thread; beyond it the view says the rest is not shown.
    // Measured for a 20 MB message: 1 M characters of plain text stall the GUI for 1.9 s
    // (links and line breaks), 256 K for about 0.5 s; 1 M of HTML for about 0.4 s.
    static constexpr qsizetype kMaxPlainChars = 256 * 1024;
    static constexpr qsizetype kMaxHtmlChars = 1024 * 1024;

    explicit MessageView(QWidget *parent = nullptr);
    ~MessageView() override;

    // Where "always for this sender" and the plain/HTML preference are kept; may be null.
    void setSettingsStore(Client::SettingsStore *settings);

    void showMessage(const QString &messageFilePath);
    // A message whose body is still on the server: its headers and a Download button.
    void showHeadersOnly(const QString &subject, const QString &from, const QDateTime &date,
                         qint64 size);
    void setDownloadProgress(int percent); // 0-100; negative: busy without a measure
    void showUnreadable(const QString &reason);
    void clear();

    QString messagePath() const { return m_path; }
    bool isShowingHtml() const { return m_showHtml; }
    void setShowHtml(bool html);
    // Addresses of this message's remote resources refused so far.
    int blockedResourceCount() const;
    void loadRemoteContentOnce();
    void allowRemoteContentForSender();
    AttachmentPane *attachmentPane() const { return m_attachments; }

    // The message as printed: headers, then the body with what it has loaded.
    std::unique_ptr<QTextDocument> printableDocument() const;
    bool exportPdfTo(const QString &filePath);

    QAction *viewSourceAction() const { return m_viewSourceAction; }
    QAction *printAction() const { return m_printAction; }
    QAction *exportPdfAction() const { return m_exportPdfAction; }

public Q_SLOTS:
    void printMessage();
    void exportPdf();
    void viewSource();

Q_SIGNALS:
    void downloadRequested();
    // A message was put on screen (or found unreadable); for tests and the window.
    void messageShown(const QString &path);
    // Remote content allowed by the user has arrived and the body was laid out again.
    void remoteContentLoaded();
    void statusMessage(const QString &text);

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Loaded;
    static Loaded load(const QString &path);
    void present(const Loaded &loaded);
    void renderBody();
    void startOver(); // a new message: forget the last one's state
    void showPage(QWidget *page);
    void updateRemoteBar();
    void scheduleRemoteBarUpdate();
    void allowRemote();
    void openLink(const QUrl &url);
    void updateActions();
    void retranslate();
    QString headersHtml() const;
    QString senderAddress() const;
    bool senderAllowed() const;

    Client::SettingsStore *m_settings = nullptr;
    HeaderPane *m_headers;
    QFrame *m_headerLine;
    QLabel *m_problemBar;
    QFrame *m_remoteBar;
    QLabel *m_remoteText;
    QToolButton *m_remoteButton;
    QAction *m_remoteOnce;
    QAction *m_remoteAlways;
    QStackedWidget *m_stack;
    SafeBrowser *m_browser;
    QWidget *m_serverPage;
    QLabel *m_serverText;
    QPushButton *m_downloadButton;
    QProgressBar *m_downloadProgress;
    QLabel *m_notice; // empty, loading, unreadable
    QLabel *m_linkLine;
    AttachmentPane *m_attachments;
    QToolButton *m_htmlButton;
    QToolButton *m_plainButton;
    QToolButton *m_moreButton;
    QAction *m_viewSourceAction;
    QAction *m_printAction;
    QAction *m_exportPdfAction;
    RemoteFetcher *m_fetcher;
    QTimer m_loadingTimer;

    quint64 m_generation = 0;
    QString m_path;
    std::shared_ptr<const Client::MessageContent> m_content;
    qint64 m_headersOnlySize = 0;
    enum class Notice { Empty, Loading, Unreadable };
    Notice m_noticeKind = Notice::Empty;
    QString m_unreadableReason;
    QString m_bodyHtml;  // what the browser shows, as given to it
    QString m_plainHtml; // the plain body as HTML, made off the GUI thread
    bool m_showHtml = true;
    bool m_remoteAllowed = false;
    bool m_remoteBarUpdatePending = false;
};

} // namespace Gui
