// SPDX-License-Identifier: GPL-3.0-or-later
#include "doorbutton.h"

#include "uistyle.h"

#include <QKeyEvent>
#include <QPainter>
#include <QPainterPath>
#include <QStyle>

#include <algorithm>

namespace gjd {

namespace {

constexpr int kPadding = 16;
constexpr int kIconExtent = 48;
constexpr int kChevronSpace = 28;
constexpr int kTextSpacing = 4;
constexpr qreal kRadius = 10.0;

} // namespace

DoorButton::DoorButton(QWidget* parent)
    : QAbstractButton(parent)
{
    setAttribute(Qt::WA_Hover);
    setFocusPolicy(Qt::StrongFocus);
    setCursor(Qt::PointingHandCursor);
    setIconSize(QSize(kIconExtent, kIconExtent));
    QSizePolicy policy(QSizePolicy::Expanding, QSizePolicy::Minimum);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
}

void DoorButton::setTitle(const QString& title)
{
    setText(title); // registers the mnemonic and gives screen readers the name
    textChanged();
}

void DoorButton::setDescription(const QString& description)
{
    m_description = description;
    setAccessibleDescription(description);
    textChanged();
}

QFont DoorButton::titleFont() const
{
    return scaledFont(font(), 1.2, QFont::DemiBold);
}

int DoorButton::textWidth(int cardWidth)
{
    return std::max(1, cardWidth - (kPadding + kIconExtent + kPadding) - (kChevronSpace + kPadding / 2));
}

// The title's mnemonic is underlined only where the style underlines shortcuts (on some styles
// only while Alt is held).
int DoorButton::mnemonicFlag() const
{
    return style()->styleHint(QStyle::SH_UnderlineShortcut, nullptr, this) ? Qt::TextShowMnemonic
                                                                           : Qt::TextHideMnemonic;
}

int DoorButton::titleHeight(int width) const
{
    return QFontMetrics(titleFont())
        .boundingRect(QRect(0, 0, width, QWIDGETSIZE_MAX), Qt::TextWordWrap | Qt::TextShowMnemonic, text())
        .height();
}

int DoorButton::descriptionHeight(int width) const
{
    if (m_description.isEmpty())
        return 0;
    return fontMetrics()
        .boundingRect(QRect(0, 0, width, QWIDGETSIZE_MAX), Qt::TextWordWrap, m_description)
        .height();
}

int DoorButton::minimumTextHeight() const
{
    return 2 * kPadding + QFontMetrics(titleFont()).lineSpacing() + kTextSpacing +
           2 * fontMetrics().lineSpacing();
}

// Room for a title and two lines of description at least, so that the doors keep one height when
// one description wraps and the others do not; shorter texts are centred vertically.
int DoorButton::heightForWidth(int width) const
{
    if (const auto cached = m_heights.constFind(width); cached != m_heights.cend())
        return *cached;
    const int text = textWidth(width);
    const int height = std::max(minimumTextHeight(),
                                2 * kPadding + titleHeight(text) + kTextSpacing + descriptionHeight(text));
    m_heights.insert(width, height);
    return height;
}

QSize DoorButton::sizeHint() const
{
    // As wide as the longer text on one line, within reason; as high as that width needs.
    const int margins = (kPadding + kIconExtent + kPadding) + (kChevronSpace + kPadding / 2);
    const int oneLine =
        std::max(QFontMetrics(titleFont()).horizontalAdvance(QString(text()).remove(QLatin1Char('&'))),
                 fontMetrics().horizontalAdvance(m_description));
    const int width = margins + std::clamp(oneLine, 12 * fontMetrics().averageCharWidth(),
                                           60 * fontMetrics().averageCharWidth());
    return {width, heightForWidth(width)};
}

// The layout asks heightForWidth() for the width it gives; the minimum is one title line and two
// description lines, as wide as a dozen characters.
QSize DoorButton::minimumSizeHint() const
{
    const int width = (kPadding + kIconExtent + kPadding) + (kChevronSpace + kPadding / 2) +
                      12 * fontMetrics().averageCharWidth();
    return {width, minimumTextHeight()};
}

void DoorButton::textChanged()
{
    m_heights.clear();
    updateGeometry();
    update();
}

void DoorButton::paintEvent(QPaintEvent* /*event*/)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);

    const QPalette& pal = palette();
    const QColor accent = pal.color(QPalette::Highlight);
    QColor background = pal.color(QPalette::Base);
    QColor border = mixColours(pal.color(QPalette::Window), pal.color(QPalette::Text), 0.22);
    qreal borderWidth = 1.0;
    if (isDown()) {
        background = mixColours(background, accent, 0.18);
        border = accent;
    } else if (underMouse()) {
        background = mixColours(background, accent, 0.07);
        border = accent;
    }
    // Like the platform's buttons: a focus ring only once the keyboard moved the focus.
    const bool focusRing = hasFocus() && window()->testAttribute(Qt::WA_KeyboardFocusChange);
    if (focusRing) {
        border = accent;
        borderWidth = 2.0;
    }

    const QRectF card =
        QRectF(rect()).adjusted(borderWidth / 2, borderWidth / 2, -borderWidth / 2, -borderWidth / 2);
    painter.setPen(QPen(border, borderWidth));
    painter.setBrush(background);
    painter.drawRoundedRect(card, kRadius, kRadius);

    // The title over the description, the block centred vertically; both in the card's Base
    // colours (Text, and a secondary colour with 4.5:1 contrast on Base).
    const int left = kPadding + kIconExtent + kPadding;
    const int textW = textWidth(width());
    const int titleH = titleHeight(textW);
    const int descriptionH = descriptionHeight(textW);
    const int blockH = titleH + (descriptionH > 0 ? kTextSpacing + descriptionH : 0);
    const int top = std::max(kPadding, (height() - blockH) / 2);
    const Qt::LayoutDirection direction = layoutDirection();
    const auto placed = [&](int y, int h) {
        return QStyle::visualRect(direction, rect(), QRect(left, y, textW, h));
    };
    QPalette textPalette = pal;
    textPalette.setColor(QPalette::WindowText, pal.color(QPalette::Text));
    painter.setFont(titleFont());
    style()->drawItemText(&painter, placed(top, titleH),
                          Qt::AlignLeading | Qt::AlignTop | Qt::TextWordWrap | mnemonicFlag(), textPalette,
                          isEnabled(), text(), QPalette::WindowText);
    if (descriptionH > 0) {
        textPalette.setColor(QPalette::WindowText, secondaryTextColour(pal, QPalette::Base));
        painter.setFont(font());
        style()->drawItemText(&painter, placed(top + titleH + kTextSpacing, descriptionH),
                              Qt::AlignLeading | Qt::AlignTop | Qt::TextWordWrap, textPalette, isEnabled(),
                              m_description, QPalette::WindowText);
    }

    const QRect iconRect = QStyle::visualRect(
        direction, rect(), QRect(kPadding, (height() - kIconExtent) / 2, kIconExtent, kIconExtent));
    icon().paint(&painter, iconRect, Qt::AlignCenter, isEnabled() ? QIcon::Normal : QIcon::Disabled);

    // A chevron says "this leads somewhere": at the trailing edge, pointing that way.
    const qreal sign = direction == Qt::RightToLeft ? -1.0 : 1.0;
    const qreal cx = direction == Qt::RightToLeft ? kPadding + 6.0 : width() - kPadding - 6.0;
    const qreal cy = height() / 2.0;
    QPainterPath chevron;
    chevron.moveTo(cx - 4 * sign, cy - 7);
    chevron.lineTo(cx + 3 * sign, cy);
    chevron.lineTo(cx - 4 * sign, cy + 7);
    const QColor chevronColour = underMouse() || focusRing ? accent : border;
    painter.setPen(QPen(chevronColour, 2.0, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter.setBrush(Qt::NoBrush);
    painter.drawPath(chevron);
}

void DoorButton::keyPressEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
        animateClick();
        return;
    }
    QAbstractButton::keyPressEvent(event);
}

void DoorButton::changeEvent(QEvent* event)
{
    QAbstractButton::changeEvent(event);
    switch (event->type()) {
    case QEvent::FontChange:
    case QEvent::StyleChange:
        textChanged();
        break;
    default:
        break;
    }
}

} // namespace gjd
