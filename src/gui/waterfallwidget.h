// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "checkrunner.h"

#include <QList>
#include <QWidget>

namespace gjd {

// The probes of a run as a timing waterfall: one row per probe, a bar from its start to its end
// on a common time axis, red when it did not get an answer. Accessible as a list (each row's
// text is in the accessible description).
class WaterfallWidget final : public QWidget
{
    Q_OBJECT

public:
    explicit WaterfallWidget(QWidget* parent = nullptr);

    // Shown in start order (ties by id), whatever the order given.
    void setTimings(const QList<CheckRunner::ProbeTiming>& timings);
    // In the order shown.
    const QList<CheckRunner::ProbeTiming>& timings() const { return m_timings; }
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    int rowHeight() const;
    int labelWidth() const;
    void updateDescription();

    QList<CheckRunner::ProbeTiming> m_timings;
};

} // namespace gjd
