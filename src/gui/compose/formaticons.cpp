// SPDX-License-Identifier: GPL-3.0-or-later
#include "formaticons.h"

#include <QApplication>
#include <QIconEngine>
#include <QPainter>
#include <QPainterPath>
#include <QPalette>
#include <QPixmap>

using namespace Qt::StringLiterals;

namespace Gui {

namespace {

constexpr qreal kGrid = 24; // drawn on a 24 x 24 grid, scaled to the size asked for

class PaintedIcon : public QIconEngine
{
public:
    PaintedIcon(FormatIcon kind, QColor accent)
        : m_kind(kind)
        , m_accent(accent)
    {}

    QIconEngine *clone() const override { return new PaintedIcon(m_kind, m_accent); }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        QPixmap pixmap(size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        paint(&painter, QRect(QPoint(), size), mode, state);
        return pixmap;
    }

    QPixmap scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State state,
                         qreal scale) override
    {
        QPixmap pixmap(size * scale);
        pixmap.fill(Qt::transparent);
        {
            QPainter painter(&pixmap);
            paint(&painter, QRect(QPoint(), size * scale), mode, state);
        }
        pixmap.setDevicePixelRatio(scale);
        return pixmap;
    }

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State) override
    {
        const QPalette palette = QApplication::palette();
        QColor ink = palette.color(mode == QIcon::Disabled ? QPalette::Disabled : QPalette::Active,
                                   QPalette::WindowText);
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        painter->translate(rect.topLeft());
        painter->scale(rect.width() / kGrid, rect.height() / kGrid);
        draw(painter, ink, mode == QIcon::Disabled);
        painter->restore();
    }

private:
    void letter(QPainter *p, const QColor &ink, const QString &text, bool bold, bool italic,
                bool underline, bool strike) const
    {
        QFont font = QApplication::font();
        font.setPixelSize(17);
        font.setBold(bold);
        font.setItalic(italic);
        p->setFont(font);
        p->setPen(ink);
        p->drawText(QRectF(0, 0, kGrid, 21), Qt::AlignCenter, text);
        QPen pen(ink, 1.8);
        p->setPen(pen);
        if (underline)
            p->drawLine(QPointF(6, 21.5), QPointF(18, 21.5));
        if (strike)
            p->drawLine(QPointF(4, 11.5), QPointF(20, 11.5));
    }

    void lines(QPainter *p, qreal left, const QColor &ink) const
    {
        p->setPen(QPen(ink, 2, Qt::SolidLine, Qt::RoundCap));
        for (qreal y : {6.0, 12.0, 18.0})
            p->drawLine(QPointF(left, y), QPointF(21, y));
    }

    void draw(QPainter *p, const QColor &ink, bool disabled) const
    {
        switch (m_kind) {
        case FormatIcon::Bold:
            return letter(p, ink, u"B"_s, true, false, false, false);
        case FormatIcon::Italic:
            return letter(p, ink, u"I"_s, false, true, false, false);
        case FormatIcon::Underline:
            return letter(p, ink, u"U"_s, false, false, true, false);
        case FormatIcon::Strikethrough:
            return letter(p, ink, u"S"_s, false, false, false, true);
        case FormatIcon::TextColor: {
            QFont font = QApplication::font();
            font.setPixelSize(15);
            p->setFont(font);
            p->setPen(ink);
            p->drawText(QRectF(0, 0, kGrid, 18), Qt::AlignCenter, u"A"_s);
            const QColor bar = disabled || !m_accent.isValid() ? ink : m_accent;
            p->fillRect(QRectF(4, 18.5, 16, 4), bar);
            return;
        }
        case FormatIcon::BulletList:
            p->setPen(Qt::NoPen);
            p->setBrush(ink);
            for (qreal y : {6.0, 12.0, 18.0})
                p->drawEllipse(QPointF(4.5, y), 1.8, 1.8);
            return lines(p, 9, ink);
        case FormatIcon::NumberedList: {
            QFont font = QApplication::font();
            font.setPixelSize(7);
            font.setBold(true);
            p->setFont(font);
            p->setPen(ink);
            int n = 1;
            for (qreal y : {6.0, 12.0, 18.0})
                p->drawText(QRectF(0, y - 4, 8, 8), Qt::AlignCenter, QString::number(n++));
            return lines(p, 10, ink);
        }
        case FormatIcon::Quote:
            p->fillRect(QRectF(3, 3, 3, 18), ink);
            return lines(p, 10, ink);
        case FormatIcon::Link: {
            p->setPen(QPen(ink, 2));
            p->setBrush(Qt::NoBrush);
            p->translate(12, 12);
            p->rotate(-45);
            p->drawRoundedRect(QRectF(-10, -3.5, 11, 7), 3.5, 3.5);
            p->drawRoundedRect(QRectF(-1, -3.5, 11, 7), 3.5, 3.5);
            return;
        }
        case FormatIcon::Image: {
            p->setPen(QPen(ink, 1.8));
            p->setBrush(Qt::NoBrush);
            p->drawRoundedRect(QRectF(3, 5, 18, 14), 2, 2);
            QPainterPath hills;
            hills.moveTo(4, 18);
            hills.lineTo(10, 11);
            hills.lineTo(14, 15);
            hills.lineTo(16.5, 12.5);
            hills.lineTo(20, 18);
            hills.closeSubpath();
            p->setPen(Qt::NoPen);
            p->setBrush(ink);
            p->drawPath(hills);
            p->drawEllipse(QPointF(16, 9), 1.8, 1.8);
            return;
        }
        case FormatIcon::ClearFormatting:
            letter(p, ink, u"T"_s, false, false, false, false);
            p->setPen(QPen(ink, 2, Qt::SolidLine, Qt::RoundCap));
            p->drawLine(QPointF(5, 20), QPointF(19, 4));
            return;
        case FormatIcon::Send: {
            QPainterPath plane;
            plane.moveTo(3, 11);
            plane.lineTo(21, 3);
            plane.lineTo(14, 21);
            plane.lineTo(11, 13);
            plane.closeSubpath();
            p->setPen(QPen(ink, 1.6, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
            p->setBrush(disabled ? QColor(Qt::transparent) : QColor(0x35, 0x84, 0xe4));
            p->drawPath(plane);
            p->drawLine(QPointF(11, 13), QPointF(21, 3));
            return;
        }
        case FormatIcon::SaveDraft: {
            p->setPen(QPen(ink, 2, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
            p->setBrush(Qt::NoBrush);
            p->drawLine(QPointF(12, 3), QPointF(12, 14));
            p->drawPolyline(QPolygonF({QPointF(7.5, 9.5), QPointF(12, 14), QPointF(16.5, 9.5)}));
            p->drawPolyline(
                QPolygonF({QPointF(4, 14), QPointF(4, 20), QPointF(20, 20), QPointF(20, 14)}));
            return;
        }
        }
    }

    FormatIcon m_kind;
    QColor m_accent;
};

} // namespace

QIcon formatIcon(FormatIcon kind, const QColor &accent)
{
    return QIcon(new PaintedIcon(kind, accent));
}

} // namespace Gui
