// SPDX-License-Identifier: GPL-3.0-or-later
#include "stepindicator.h"

#include "uistyle.h"

#include <QEvent>
#include <QLabel>
#include <QVBoxLayout>

#include <algorithm>

namespace gjd::wizard {

namespace {

constexpr int kSteps = 8;

} // namespace

StepIndicator::StepIndicator(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("stepIndicator"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, fontMetrics().averageCharWidth() * 2, 0);
    for (int i = 0; i < kSteps; ++i) {
        auto* label = new QLabel(this);
        label->setObjectName(QStringLiteral("step%1").arg(i));
        label->setTextFormat(Qt::PlainText);
        label->setWordWrap(true);
        layout->addWidget(label);
        m_labels.append(label);
    }
    layout->addStretch(1);
    retranslate();
}

QStringList StepIndicator::titles() const
{
    QStringList result;
    for (const QLabel* label : m_labels)
        result.append(label->text());
    return result;
}

void StepIndicator::setCurrent(int index)
{
    m_current = index;
    refresh();
}

void StepIndicator::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    else if (event->type() == QEvent::PaletteChange)
        refresh();
}

void StepIndicator::retranslate()
{
    const QStringList names = {tr("Instance"),          tr("Installation"), tr("Prerequisites"),
                               tr("OAuth application"), tr("Settings"),     tr("Jira user"),
                               tr("Install in Jira"),   tr("Verify")};
    // As wide as the longest step in this language (bold, as the current one is), so that no
    // title breaks inside a word; at most a fifth of an 800-pixel window, beyond which titles wrap.
    QFont bold = font();
    bold.setBold(true);
    const QFontMetrics metrics(bold);
    int width = 0;
    for (int i = 0; i < kSteps; ++i) {
        m_labels.at(i)->setProperty("stepName", names.at(i));
        width = std::max(width, metrics.horizontalAdvance(QStringLiteral("8  ") + names.at(i)));
    }
    const int margin = fontMetrics().averageCharWidth() * 2;
    setFixedWidth(std::min(width + margin + 4, 160 + margin));
    refresh();
}

void StepIndicator::refresh()
{
    for (int i = 0; i < kSteps; ++i) {
        QLabel* label = m_labels.at(i);
        const QString name = label->property("stepName").toString();
        const QString mark = i < m_current ? QStringLiteral("✓") : QString::number(i + 1);
        label->setText(QStringLiteral("%1  %2").arg(mark, name));
        QFont font = label->font();
        font.setBold(i == m_current);
        label->setFont(font);
        QPalette p = palette();
        if (i > m_current)
            p.setColor(QPalette::WindowText, secondaryTextColour(palette(), QPalette::Window));
        label->setPalette(p);
        label->setAccessibleName(
            i == m_current  ? tr("Step %1 of %2, current: %3").arg(i + 1).arg(kSteps).arg(name)
            : i < m_current ? tr("Step %1 of %2, done: %3").arg(i + 1).arg(kSteps).arg(name)
                            : tr("Step %1 of %2: %3").arg(i + 1).arg(kSteps).arg(name));
    }
}

} // namespace gjd::wizard
