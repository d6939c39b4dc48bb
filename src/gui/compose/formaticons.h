// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QIcon>

namespace Gui {

// The compose window's tool bar icons, drawn (not loaded) so that they are sharp at any scale
// and look the same on every desktop, whatever icon theme it has or lacks.
enum class FormatIcon {
    Bold,
    Italic,
    Underline,
    Strikethrough,
    TextColor,
    BulletList,
    NumberedList,
    Quote,
    Link,
    Image,
    ClearFormatting,
    Send,
    SaveDraft,
};

// `accent`: the colour bar of TextColor.
QIcon formatIcon(FormatIcon kind, const QColor &accent = {});

} // namespace Gui
