// SPDX-License-Identifier: GPL-3.0-or-later
#include "uistyle.h"

#include <QLabel>
#include <QStyle>

namespace gjd {

QIcon applicationIcon()
{
    return QIcon::fromTheme(QStringLiteral(GJD_APP_ID),
                            QIcon(QStringLiteral(":/icons/gitlab-jira-doctor.svg")));
}

QFont scaledFont(const QFont& font, qreal factor, QFont::Weight weight)
{
    QFont result = font;
    if (font.pointSizeF() > 0) {
        result.setPointSizeF(font.pointSizeF() * factor);
    } else {
        result.setPixelSize(qRound(font.pixelSize() * factor));
    }
    result.setWeight(weight);
    return result;
}

QColor mixColours(const QColor& a, const QColor& b, qreal t)
{
    const auto mix = [t](qreal x, qreal y) {
        return x * (1.0 - t) + y * t;
    };
    return QColor::fromRgbF(static_cast<float>(mix(a.redF(), b.redF())),
                            static_cast<float>(mix(a.greenF(), b.greenF())),
                            static_cast<float>(mix(a.blueF(), b.blueF())));
}

QColor secondaryTextColour(const QPalette& palette, QPalette::ColorRole background)
{
    return mixColours(palette.color(QPalette::Text), palette.color(background), 0.32);
}

QString mnemonicToRichText(const QString& text, const QStyle* style)
{
    const bool underline = style && style->styleHint(QStyle::SH_UnderlineShortcut) != 0;
    QString result;
    bool mnemonicShown = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('&') && i + 1 < text.size()) {
            const QChar next = text.at(++i);
            const QString escaped = QString(next).toHtmlEscaped();
            if (next != QLatin1Char('&') && underline && !mnemonicShown) {
                result += QLatin1String("<u>") + escaped + QLatin1String("</u>");
                mnemonicShown = true;
            } else {
                result += escaped;
            }
            continue;
        }
        result += QString(c).toHtmlEscaped();
    }
    return result;
}

void padBuddyLabels(QWidget* root)
{
    const auto labels = root->findChildren<QLabel*>();
    for (QLabel* label : labels) {
        if (!label->buddy())
            continue;
        label->setMinimumWidth(0);
        label->setMinimumWidth(label->sizeHint().width() + label->fontMetrics().averageCharWidth());
    }
}

} // namespace gjd
