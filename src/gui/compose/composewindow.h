// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client/draft.h"
#include "gui/compose/composeeditor.h"

#include <QMainWindow>
#include <QStringList>

#include <functional>
#include <memory>

class QAbstractItemModel;
class QComboBox;
class QFontComboBox;
class QTemporaryDir;
class QTextEdit;
class QTimer;

namespace Ui {
class ComposeWindow;
}

namespace Gui {

class AddressField;
class TextFormatter;

// Who a message is from: one per account that can send.
struct ComposeIdentity
{
    QString accountId; // Types::AccountSettings::id
    QString name;
    QString address;
    QString signature; // empty: none
    bool signatureIsHtml = false;
    QString spellLanguage; // "en_US"; empty: no spell checking
};

// Writing one message. Knows no store and no network: it is given a draft and identities and
// says what the user wants through its signals; whoever opened it saves, sends and closes it.
class ComposeWindow : public QMainWindow
{
    Q_OBJECT
public:
    static constexpr qint64 kDefaultAttachmentWarningBytes = 25LL << 20; // many servers' limit
    static constexpr int kDefaultAutosaveMs = 5000;
    static constexpr int kMaxInlineImageWidth = 600; // shown at most this wide (px); sent whole

    explicit ComposeWindow(const QList<ComposeIdentity> &identities, QWidget *parent = nullptr);
    ~ComposeWindow() override;

    // "Name <address>" strings (Qt::DisplayRole) to complete To, Cc and Bcc from; not owned.
    void setAddressCompletions(QAbstractItemModel *model);

    // Replaces everything. A draft never saved (storeId 0) gets the identity's signature.
    // Leaves the window unmodified.
    void setDraft(const Client::Draft &draft);
    // What is there now; entries that are not addresses are kept as typed.
    Client::Draft draft() const;

    // Changed since the last setDraft() or setModified(false) (call that after each save).
    bool isModified() const { return m_modified; }
    void setModified(bool modified);

    void setAttachmentWarningBytes(qint64 bytes);
    qint64 attachmentWarningBytes() const { return m_warningBytes; }
    // autosaveDue() comes this long after a change (0: never).
    void setAutosaveInterval(int milliseconds);

    // Called with the editor and the identity's language now and whenever the identity changes
    // (to attach the spell checker and switch its language).
    using SpellingHook = std::function<void(QTextEdit *editor, const QString &language)>;
    void setSpellingHook(SpellingHook hook);
    // Called before the editor's context menu shows (spelling suggestions on top).
    void setEditorContextMenuHook(ComposeEditor::MenuHook hook);

    QTextEdit *editor() const;
    ComposeIdentity currentIdentity() const;
    bool isRichText() const;

    // What the buttons do after their file dialogs. false: a file could not be read (said).
    bool attachFiles(const QStringList &paths);
    bool insertInlineImage(const QString &path);
    // Rich to plain asks first (formatting is lost); false when the user kept rich text.
    bool setRichText(bool rich);
    // Checks the recipients (refuses invalid or none) and reminds of a missing attachment, then
    // emits sendRequested(). false: not sent (the user was told why or cancelled).
    bool send();
    // Esc: asks before throwing away changes (Save / Discard / Cancel), then closes.
    void closeAsking();

Q_SIGNALS:
    // The checks passed: send draft(). Once it is safely in the Outbox, call setModified(false)
    // and close() (a modified window closing emits closedWithDraft()).
    void sendRequested();
    void saveDraftRequested();
    void discardRequested(); // the user threw the message away (delete its saved draft)
    void autosaveDue();
    // The window is closing with changes nobody saved or discarded: save draft() now.
    void closedWithDraft();

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void setUpActions();
    void setUpFormatBar();
    void fillIdentities();
    void markModified();
    void updateTitle();
    void updateAttachments();
    void updateInvalidLabel();
    void setCcVisible(bool visible);
    void setBccVisible(bool visible);
    void identityChanged(int index);
    void applySpelling();
    void chooseAttachments();
    void chooseInlineImage();
    void pasteAttachments();
    void insertPastedImage(const QImage &image);
    QString saveImage(const QImage &image);
    // The signature: blocks marked as such, swapped when the identity changes unless edited.
    void insertSignature(const ComposeIdentity &identity);
    void removeSignature();
    bool signatureUntouched() const;
    QString markedSignatureText() const;
    void markExistingSignature(const ComposeIdentity &identity);
    QString textToCheckForAttachments() const;
    QString newContentId() const;

    std::unique_ptr<Ui::ComposeWindow> m_ui;
    QList<ComposeIdentity> m_identities;
    int m_identityIndex = -1;
    QFontComboBox *m_fontCombo = nullptr;
    QComboBox *m_sizeCombo = nullptr;
    TextFormatter *m_formatter = nullptr;
    QTimer *m_autosave = nullptr;
    Client::Draft m_base;                    // what setDraft() gave that the window does not show
    QList<Client::DraftFile> m_inlineImages; // every one inserted; draft() keeps those still shown
    QString m_signatureText;                 // as inserted; empty: none
    std::unique_ptr<QTemporaryDir> m_pasted; // pasted images are written here
    qint64 m_warningBytes = kDefaultAttachmentWarningBytes;
    SpellingHook m_spelling;
    QString m_lastDirectory;
    bool m_rich = true;
    bool m_modified = false;
    bool m_loading = false;
    bool m_closeDecided = false;
};

} // namespace Gui
