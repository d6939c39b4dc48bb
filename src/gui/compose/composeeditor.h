// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QTextEdit>

#include <functional>

class QMenu;

namespace Gui {

// The message body. Files dropped or pasted into it become attachments, an image pasted in rich
// mode becomes an inline image (the window decides; this only tells it), and others may put
// their own entries on top of the context menu (spelling suggestions).
class ComposeEditor : public QTextEdit
{
    Q_OBJECT
public:
    explicit ComposeEditor(QWidget *parent = nullptr);

    // Called with the standard context menu before it shows, and where it was asked for (in
    // viewport coordinates, as QTextEdit::cursorForPosition wants them).
    using MenuHook = std::function<void(QMenu *menu, const QPoint &viewportPos)>;
    void setContextMenuHook(MenuHook hook) { m_menuHook = std::move(hook); }

    // An inline image: the HTML's <img src="cid:contentId"> shows the file at path.
    void addInlineImage(const QString &contentId, const QString &path);

Q_SIGNALS:
    void filesInserted(const QStringList &paths);
    void imageInserted(const QImage &image);

protected:
    bool canInsertFromMimeData(const QMimeData *source) const override;
    void insertFromMimeData(const QMimeData *source) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    QVariant loadResource(int type, const QUrl &name) override;

private:
    MenuHook m_menuHook;
    QHash<QString, QString> m_inlineImages; // content id -> file
};

// The local files among the URLs of a drop or of the clipboard.
QStringList localFilesOf(const QMimeData *data);

} // namespace Gui
