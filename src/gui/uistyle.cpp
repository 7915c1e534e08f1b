// SPDX-License-Identifier: GPL-3.0-or-later
#include "uistyle.h"

#include <QApplication>
#include <QDir>
#include <QIconEngine>
#include <QLabel>
#include <QPainter>
#include <QPointer>
#include <QProxyStyle>
#include <QResource>
#include <QStyle>
#include <QStyleFactory>

#include <algorithm>
#include <cmath>

namespace gjd {

QIcon applicationIcon()
{
    // Never destroyed: a static QIcon would outlive the QApplication.
    static const QIcon* const icon = new QIcon(startScreenIcon(QStringLiteral("gitlab-jira-doctor")));
    return *icon;
}

QIcon startScreenIcon(const QString& name)
{
    const QDir icons(QStringLiteral(":/icons/rendered"));
    const QString prefix = name + QLatin1Char('-');
    QIcon icon;
    for (const QString& file : icons.entryList({prefix + QStringLiteral("*.rgba")}, QDir::Files)) {
        bool ok = false;
        const int size = QStringView(file).mid(prefix.size()).chopped(5).toInt(&ok);
        // Stored uncompressed (src/gui/CMakeLists.txt): the pixels are read where they lie.
        const QResource resource(icons.filePath(file));
        if (!ok || size < 1 || resource.compressionAlgorithm() != QResource::NoCompression ||
            resource.size() != qint64(size) * size * 4)
            continue; // not one of gjd-render-icon's files
        const QImage image(resource.data(), size, size, size * 4, QImage::Format_RGBA8888_Premultiplied);
        // Converted once into the pixmaps' own format, in a buffer of its own.
        icon.addPixmap(QPixmap::fromImage(image.convertToFormat(QImage::Format_ARGB32_Premultiplied)));
    }
    return icon;
}

namespace {

// An icon that asks the style for a standard icon only when it is first painted or measured.
class DeferredStandardIcon final : public QIconEngine
{
public:
    DeferredStandardIcon(const QStyle* style, QStyle::StandardPixmap which)
        : m_style(style)
        , m_which(which)
    {
    }

    void paint(QPainter* painter, const QRect& rect, QIcon::Mode mode, QIcon::State state) override
    {
        icon().paint(painter, rect, Qt::AlignCenter, mode, state);
    }
    QPixmap pixmap(const QSize& size, QIcon::Mode mode, QIcon::State state) override
    {
        return icon().pixmap(size, mode, state);
    }
    QSize actualSize(const QSize& size, QIcon::Mode mode, QIcon::State state) override
    {
        return icon().actualSize(size, mode, state);
    }
    QList<QSize> availableSizes(QIcon::Mode mode, QIcon::State state) override
    {
        return icon().availableSizes(mode, state);
    }
    QIconEngine* clone() const override { return new DeferredStandardIcon(m_style, m_which); }
    QString key() const override { return QStringLiteral("gjd-deferred-standard"); }

private:
    const QIcon& icon()
    {
        if (m_icon.isNull() && m_style)
            m_icon = m_style->standardIcon(m_which);
        return m_icon;
    }

    QPointer<const QStyle> m_style;
    QStyle::StandardPixmap m_which;
    QIcon m_icon;
};

class StartupStyle final : public QProxyStyle
{
public:
    using QProxyStyle::QProxyStyle;

    QIcon standardIcon(StandardPixmap which, const QStyleOption* option, const QWidget* widget) const override
    {
        if (which == SP_ToolBarHorizontalExtensionButton || which == SP_ToolBarVerticalExtensionButton)
            return QIcon(new DeferredStandardIcon(baseStyle(), which));
        return QProxyStyle::standardIcon(which, option, widget);
    }
};

} // namespace

void installStartupStyle()
{
    // By key, so the proxy owns its own base: the application's current style is deleted by
    // setStyle().
    QStyle* base = QStyleFactory::create(QApplication::style()->name());
    if (!base)
        return; // a style that cannot be created again by its name: keep it as it is
    QApplication::setStyle(new StartupStyle(base));
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

namespace {

qreal relativeLuminance(const QColor& colour)
{
    const auto channel = [](qreal c) {
        return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
    };
    const QColor rgb = colour.toRgb();
    return 0.2126 * channel(rgb.redF()) + 0.7152 * channel(rgb.greenF()) + 0.0722 * channel(rgb.blueF());
}

// `colour`, mixed towards white (on dark backgrounds) or black (on light ones) in small steps until
// it keeps 4.5:1 against `background`.
QColor withContrast(const QColor& colour, const QColor& background)
{
    const bool dark = relativeLuminance(background) < 0.18;
    const QColor target = dark ? QColor(Qt::white) : QColor(Qt::black);
    QColor result = colour;
    for (int step = 1; step <= 20 && contrastRatio(result, background) < 4.5; ++step)
        result = mixColours(colour, target, step / 20.0);
    return result;
}

} // namespace

qreal contrastRatio(const QColor& a, const QColor& b)
{
    const qreal la = relativeLuminance(a);
    const qreal lb = relativeLuminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QColor errorTextColour(const QPalette& palette, QPalette::ColorRole background)
{
    const QColor back = palette.color(background);
    const bool dark = relativeLuminance(back) < 0.18;
    return withContrast(dark ? QColor(0xff, 0x7b, 0x63) : QColor(0xc0, 0x1c, 0x28), back);
}

QColor linkTextColour(const QPalette& palette, QPalette::ColorRole background)
{
    return withContrast(palette.color(QPalette::Link), palette.color(background));
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

namespace {

// Keeps the application palette's placeholder colour readable (installReadablePlaceholders).
class PlaceholderKeeper final : public QObject
{
public:
    using QObject::QObject;

    void apply()
    {
        if (m_applying)
            return;
        QPalette palette = QApplication::palette();
        bool changed = false;
        for (QPalette::ColorGroup group : {QPalette::Active, QPalette::Inactive}) {
            QPalette groupPalette = palette;
            groupPalette.setCurrentColorGroup(group);
            const QColor wanted = placeholderTextColour(groupPalette);
            if (palette.color(group, QPalette::PlaceholderText) != wanted) {
                palette.setColor(group, QPalette::PlaceholderText, wanted);
                changed = true;
            }
        }
        if (changed) { // sends ApplicationPaletteChange again, which would find nothing to change
            m_applying = true;
            QApplication::setPalette(palette);
            m_applying = false;
        }
    }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (watched == qApp && event->type() == QEvent::ApplicationPaletteChange)
            apply();
        return false;
    }

private:
    bool m_applying = false;
};

} // namespace

void installReadablePlaceholders()
{
    static QPointer<PlaceholderKeeper> keeper;
    if (keeper)
        return;
    keeper = new PlaceholderKeeper(qApp);
    qApp->installEventFilter(keeper);
    keeper->apply();
}

QColor readableLinkColour(const QPalette& palette, QPalette::ColorRole role)
{
    // Links are read on Base (the details of a check, a text browser) and on Window (a label).
    // Where the two want opposite directions (dark fields in a light window), Base wins.
    const QColor base = palette.color(QPalette::Base);
    const QColor window = palette.color(QPalette::Window);
    const QColor onBase = withContrast(palette.color(role), base);
    if (contrastRatio(onBase, window) >= 4.5)
        return onBase;
    const QColor onBoth = withContrast(onBase, window);
    return contrastRatio(onBoth, base) >= 4.5 ? onBoth : onBase;
}

QColor placeholderTextColour(const QPalette& palette)
{
    const QColor base = palette.color(QPalette::Base);
    return withContrast(mixColours(palette.color(QPalette::Text), base, 0.4), base);
}

} // namespace gjd
