// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFont>
#include <QLabel>
#include <QMargins>
#include <QVarLengthArray>

namespace gjd {

// A word-wrapping QLabel that remembers its height for a width.
//
// QLabel lays its text out again on every heightForWidth() call, and nested layouts ask each
// label many times, for a few widths, before a window is first shown: the start screen's seven
// wrapping labels were laid out about 300 times before its first paint (docs/benchmarks.md,
// "Cold start (issue 13)"). The answer depends on the text, the format, the font, the margins,
// the indent, the style and the screen's DPI; when any of them changes it is computed again.
class WrapLabel : public QLabel
{
    Q_OBJECT

public:
    explicit WrapLabel(QWidget* parent = nullptr);

    int heightForWidth(int width) const override;

private:
    struct Inputs
    {
        QString text;
        QFont font;
        QMargins contents;
        int margin = 0;
        int indent = 0;
        int dpi = 0;
        Qt::TextFormat format = Qt::AutoText;
        bool wrap = true;
        const void* style = nullptr;

        bool operator==(const Inputs& o) const
        {
            return text == o.text && font == o.font && contents == o.contents && margin == o.margin &&
                   indent == o.indent && dpi == o.dpi && format == o.format && wrap == o.wrap &&
                   style == o.style;
        }
    };
    Inputs inputs() const;

    static constexpr int kRemembered = 8; // widths; the oldest is forgotten first
    mutable Inputs m_inputs;
    mutable QVarLengthArray<QPair<int, int>, kRemembered> m_heights; // (width, height)
};

} // namespace gjd
