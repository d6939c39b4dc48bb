// SPDX-License-Identifier: GPL-3.0-or-later
#include "addressfield.h"

#include "composeeditor.h"
#include "composetext.h"
#include "mime/messagebuilder.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QDragEnterEvent>
#include <QKeyEvent>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace Gui {

namespace {

constexpr int kMinCompletionChars = 1;

} // namespace

AddressField::AddressField(QWidget *parent)
    : QLineEdit(parent)
{
    setClearButtonEnabled(false);
    connect(this, &QLineEdit::textEdited, this, [this] {
        if (!m_invalid.isEmpty())
            showInvalid({}); // the mark comes back when the field is checked again
        updateCompletion();
    });
    connect(this, &QLineEdit::editingFinished, this, [this] {
        if (m_completer && m_completer->popup()->isVisible())
            return;
        // A pasted list shows as one entry per line no more: "a, b, c", then checked.
        const QStringList list = entries();
        const QString joined = list.join(u", "_s);
        if (joined != text().trimmed())
            setText(joined);
        checkEntries();
    });
}

void AddressField::setCompletionModel(QAbstractItemModel *model)
{
    if (!m_completer) {
        m_completer = new QCompleter(this);
        m_completer->setWidget(this);
        m_completer->setCaseSensitivity(Qt::CaseInsensitive);
        m_completer->setFilterMode(Qt::MatchContains);
        m_completer->setCompletionMode(QCompleter::PopupCompletion);
        m_completer->popup()->setAccessibleName(tr("Address suggestions"));
        connect(m_completer, qOverload<const QString &>(&QCompleter::activated), this,
                &AddressField::insertCompletion);
    }
    m_completer->setModel(model);
}

QStringList AddressField::entries() const
{
    const QString all = text();
    QStringList list;
    for (const ComposeText::Span &span : ComposeText::addressEntries(all)) {
        const QString entry = all.mid(span.start, span.end - span.start);
        const Mime::AddressList parsed = Mime::parseAddressList(entry);
        if (!parsed.invalid.isEmpty() || parsed.valid.isEmpty()) {
            list << entry;
            continue;
        }
        for (const Mime::Address &address : parsed.valid)
            list << Mime::formatAddress(address);
    }
    return list;
}

void AddressField::setEntries(const QStringList &entries)
{
    setText(entries.join(u", "_s));
    showInvalid({});
}

QStringList AddressField::checkEntries()
{
    const QString all = text();
    QStringList invalid;
    for (const ComposeText::Span &span : ComposeText::addressEntries(all)) {
        const QString entry = all.mid(span.start, span.end - span.start);
        const Mime::AddressList parsed = Mime::parseAddressList(entry);
        if (parsed.valid.isEmpty() && parsed.invalid.isEmpty())
            continue;
        if (!parsed.invalid.isEmpty() || parsed.valid.isEmpty())
            invalid << entry;
    }
    showInvalid(invalid);
    return invalid;
}

void AddressField::showInvalid(const QStringList &invalid)
{
    if (invalid == m_invalid)
        return;
    m_invalid = invalid;
    QPalette colours = palette();
    if (invalid.isEmpty()) {
        colours.setColor(QPalette::Text, QPalette().color(QPalette::Text));
        setToolTip({});
        setAccessibleDescription({});
    } else {
        colours.setColor(QPalette::Text, QColor(0xc0, 0x1c, 0x28));
        const QString message =
            tr("Not a valid address: %1").arg(QLocale().createSeparatedList(invalid));
        setToolTip(message);
        setAccessibleDescription(message);
    }
    setPalette(colours);
    Q_EMIT invalidEntriesChanged();
}

void AddressField::keyPressEvent(QKeyEvent *event)
{
    // While the suggestions show, the keys that choose one are the completer's.
    if (m_completer && m_completer->popup()->isVisible()) {
        switch (event->key()) {
        case Qt::Key_Enter:
        case Qt::Key_Return:
        case Qt::Key_Escape:
        case Qt::Key_Tab:
        case Qt::Key_Backtab:
            event->ignore();
            return;
        default:
            break;
        }
    }
    QLineEdit::keyPressEvent(event);
}

void AddressField::dragEnterEvent(QDragEnterEvent *event)
{
    // Files dropped here are attachments: the window takes them, not the text.
    if (!localFilesOf(event->mimeData()).isEmpty()) {
        event->ignore();
        return;
    }
    QLineEdit::dragEnterEvent(event);
}

void AddressField::updateCompletion()
{
    if (!m_completer || !m_completer->model())
        return;
    const QString all = text();
    const ComposeText::Span span = ComposeText::addressEntryAt(all, cursorPosition());
    const QString prefix = all.mid(span.start, cursorPosition() - span.start).trimmed();
    if (prefix.size() < kMinCompletionChars || cursorPosition() < span.start) {
        m_completer->popup()->hide();
        return;
    }
    m_completer->setCompletionPrefix(prefix);
    if (m_completer->completionCount() == 0) {
        m_completer->popup()->hide();
        return;
    }
    m_completer->complete();
}

void AddressField::insertCompletion(const QString &completion)
{
    const QString all = text();
    const ComposeText::Span span = ComposeText::addressEntryAt(all, cursorPosition());
    QString after = all.mid(span.end);
    // The rest of the list stays; a separator follows the new entry so that typing goes on.
    const bool last = after.trimmed().isEmpty();
    const QString inserted = completion + (last ? u", "_s : QString());
    setText(all.left(span.start) + inserted + (last ? QString() : after));
    setCursorPosition(span.start + int(inserted.size()));
    showInvalid({});
}

} // namespace Gui
