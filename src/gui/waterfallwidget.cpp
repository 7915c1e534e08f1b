// SPDX-License-Identifier: GPL-3.0-or-later
#include "waterfallwidget.h"

#include "uistyle.h"

#include <QEvent>
#include <QPainter>

#include <algorithm>

namespace gjd {

WaterfallWidget::WaterfallWidget(QWidget* parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Minimum);
    setAccessibleName(tr("Probe timing"));
    updateDescription();
}

void WaterfallWidget::setTimings(const QList<CheckRunner::ProbeTiming>& timings)
{
    // Rows in start order (ties by id), whatever order the caller has them in: a waterfall read
    // top to bottom is the run as it happened.
    m_timings = timings;
    std::stable_sort(m_timings.begin(), m_timings.end(),
                     [](const CheckRunner::ProbeTiming& a, const CheckRunner::ProbeTiming& b) {
                         return a.startMs != b.startMs ? a.startMs < b.startMs : a.id < b.id;
                     });
    updateDescription();
    updateGeometry();
    update();
}

int WaterfallWidget::rowHeight() const
{
    return fontMetrics().height() + 6;
}

int WaterfallWidget::labelWidth() const
{
    int width = fontMetrics().horizontalAdvance(tr("No run yet."));
    for (const auto& t : m_timings)
        width = std::max(width, fontMetrics().horizontalAdvance(t.id));
    return width + 12;
}

QSize WaterfallWidget::sizeHint() const
{
    return {labelWidth() + 320, rowHeight() * (int(std::max<qsizetype>(1, m_timings.size())) + 1) + 8};
}

QSize WaterfallWidget::minimumSizeHint() const
{
    return {labelWidth() + 120, sizeHint().height()};
}

void WaterfallWidget::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) {
        setAccessibleName(tr("Probe timing"));
        updateDescription();
    }
    if (event->type() == QEvent::FontChange || event->type() == QEvent::LanguageChange)
        updateGeometry();
}

void WaterfallWidget::updateDescription()
{
    QStringList rows;
    for (const auto& t : m_timings)
        rows.append(tr("%1: from %2 ms to %3 ms").arg(t.id).arg(t.startMs).arg(t.startMs + t.durationMs));
    setAccessibleDescription(rows.isEmpty() ? tr("No run yet.") : rows.join(QLatin1String("; ")));
}

void WaterfallWidget::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const int row = rowHeight();
    const int left = labelWidth();
    const QColor text = palette().color(QPalette::WindowText);
    const QColor secondary = secondaryTextColour(palette(), QPalette::Window);
    if (m_timings.isEmpty()) {
        p.setPen(secondary);
        p.drawText(rect().adjusted(4, 4, -4, -4), Qt::AlignLeft | Qt::AlignTop, tr("No run yet."));
        return;
    }
    qint64 end = 1;
    for (const auto& t : m_timings)
        end = std::max(end, t.startMs + t.durationMs);
    const int barArea = std::max(40, width() - left - 60);
    const auto x = [&](qint64 ms) {
        return left + int(double(ms) * barArea / double(end));
    };

    // Axis: 0 and the end of the run.
    p.setPen(secondary);
    p.drawText(QRect(left, 0, 60, row), Qt::AlignLeft | Qt::AlignVCenter, tr("0 ms"));
    p.drawText(QRect(left + barArea - 100, 0, 100, row), Qt::AlignRight | Qt::AlignVCenter,
               tr("%1 ms").arg(end));
    const QColor ok = palette().color(QPalette::Highlight);
    const QColor bad(0xdd, 0x2b, 0x0e);
    for (int i = 0; i < m_timings.size(); ++i) {
        const auto& t = m_timings.at(i);
        const int y = row * (i + 1) + 4;
        p.setPen(text);
        p.drawText(QRect(4, y, left - 8, row), Qt::AlignLeft | Qt::AlignVCenter, t.id);
        const int x0 = x(t.startMs);
        const int x1 = std::max(x0 + 2, x(t.startMs + t.durationMs));
        p.setPen(Qt::NoPen);
        p.setBrush(t.succeeded ? ok : bad);
        p.drawRoundedRect(QRect(x0, y + 3, x1 - x0, row - 6), 2, 2);
        p.setPen(secondary);
        p.drawText(QRect(x1 + 4, y, 80, row), Qt::AlignLeft | Qt::AlignVCenter,
                   tr("%1 ms").arg(t.durationMs));
    }
}

} // namespace gjd
