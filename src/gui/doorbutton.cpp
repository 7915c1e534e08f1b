// SPDX-License-Identifier: GPL-3.0-or-later
#include "doorbutton.h"

#include "uistyle.h"
#include "wraplabel.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPainter>
#include <QPainterPath>
#include <QStyle>
#include <QVBoxLayout>

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
    , m_titleLabel(new WrapLabel(this))
    , m_descriptionLabel(new WrapLabel(this))
{
    setAttribute(Qt::WA_Hover);
    setFocusPolicy(Qt::StrongFocus);
    setCursor(Qt::PointingHandCursor);
    setIconSize(QSize(kIconExtent, kIconExtent));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Minimum);

    // The labels only draw: clicks, hover and focus belong to the button. They would inherit
    // the button's ButtonText role; the card is drawn in Base colours, so they use WindowText
    // set from updateColours().
    for (QLabel* label : {m_titleLabel, m_descriptionLabel}) {
        label->setForegroundRole(QPalette::WindowText);
        label->setAttribute(Qt::WA_TransparentForMouseEvents);
        label->setFocusPolicy(Qt::NoFocus);
        label->setWordWrap(true);
    }
    m_titleLabel->setObjectName(QStringLiteral("titleLabel"));
    m_titleLabel->setTextFormat(Qt::RichText);
    m_titleLabel->setFont(scaledFont(font(), 1.2, QFont::DemiBold));
    m_descriptionLabel->setObjectName(QStringLiteral("descriptionLabel"));
    m_descriptionLabel->setTextFormat(Qt::PlainText);

    auto* texts = new QVBoxLayout;
    texts->setSpacing(kTextSpacing);
    texts->addStretch(1);
    texts->addWidget(m_titleLabel);
    texts->addWidget(m_descriptionLabel);
    texts->addStretch(1);

    // The icon and the chevron are painted; the margins keep the labels clear of them.
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(kPadding + kIconExtent + kPadding, kPadding, kChevronSpace + kPadding / 2,
                               kPadding);
    layout->addLayout(texts);

    updateMinimumHeight();
    updateColours();
}

void DoorButton::setTitle(const QString& title)
{
    setText(title); // registers the mnemonic and gives screen readers the name
    m_titleLabel->setText(mnemonicToRichText(title, style()));
}

QString DoorButton::description() const
{
    return m_descriptionLabel->text();
}

void DoorButton::setDescription(const QString& description)
{
    m_descriptionLabel->setText(description);
    setAccessibleDescription(description);
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

    const QRect iconRect(kPadding, (height() - kIconExtent) / 2, kIconExtent, kIconExtent);
    icon().paint(&painter, iconRect, Qt::AlignCenter, isEnabled() ? QIcon::Normal : QIcon::Disabled);

    // A chevron says "this leads somewhere".
    const qreal cx = width() - kPadding - 6.0;
    const qreal cy = height() / 2.0;
    QPainterPath chevron;
    chevron.moveTo(cx - 4, cy - 7);
    chevron.lineTo(cx + 3, cy);
    chevron.lineTo(cx - 4, cy + 7);
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
    case QEvent::PaletteChange:
        updateColours();
        break;
    case QEvent::StyleChange:
        m_titleLabel->setText(mnemonicToRichText(text(), style()));
        break;
    case QEvent::FontChange:
        m_titleLabel->setFont(scaledFont(font(), 1.2, QFont::DemiBold));
        updateMinimumHeight();
        break;
    default:
        break;
    }
}

// Room for a title and two lines of description, so that the doors keep one height when one
// description wraps and the others do not; shorter texts are centred vertically.
void DoorButton::updateMinimumHeight()
{
    setMinimumHeight(2 * kPadding + m_titleLabel->fontMetrics().lineSpacing() + kTextSpacing +
                     2 * m_descriptionLabel->fontMetrics().lineSpacing());
}

void DoorButton::updateColours()
{
    const QPalette& pal = palette();
    QPalette labelPalette = pal;
    labelPalette.setColor(QPalette::WindowText, pal.color(QPalette::Text));
    m_titleLabel->setPalette(labelPalette);
    labelPalette.setColor(QPalette::WindowText, secondaryTextColour(pal, QPalette::Base));
    m_descriptionLabel->setPalette(labelPalette);
}

} // namespace gjd
