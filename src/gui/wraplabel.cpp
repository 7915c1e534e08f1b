// SPDX-License-Identifier: GPL-3.0-or-later
#include "wraplabel.h"

namespace gjd {

WrapLabel::WrapLabel(QWidget* parent)
    : QLabel(parent)
{
    setWordWrap(true);
}

WrapLabel::Inputs WrapLabel::inputs() const
{
    return {text(),        font(),       contentsMargins(), margin(), indent(),
            logicalDpiY(), textFormat(), wordWrap(),        style()};
}

int WrapLabel::heightForWidth(int width) const
{
    Inputs now = inputs();
    if (!(now == m_inputs)) {
        m_inputs = std::move(now);
        m_heights.clear();
    }
    for (const auto& [w, h] : m_heights) {
        if (w == width)
            return h;
    }
    const int height = QLabel::heightForWidth(width);
    if (m_heights.size() == kRemembered)
        m_heights.remove(0);
    m_heights.append({width, height});
    return height;
}

} // namespace gjd
