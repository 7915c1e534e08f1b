// SPDX-License-Identifier: GPL-3.0-or-later
#include "diffdialog.h"

#include "statusicons.h"
#include "textformatter.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace gjd {

DiffDialog::DiffDialog(const ReportDiff& diff, const QString& beforeName, const QString& afterName,
                       QWidget* parent)
    : QDialog(parent)
    , m_diff(diff)
    , m_beforeName(beforeName)
    , m_afterName(afterName)
    , m_header(new QLabel(this))
    , m_summary(new QLabel(this))
    , m_tree(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("diffDialog"));
    m_header->setObjectName(QStringLiteral("diffHeader"));
    m_summary->setObjectName(QStringLiteral("diffSummary"));
    m_tree->setObjectName(QStringLiteral("diffTree"));
    for (QLabel* label : {m_header, m_summary}) {
        label->setWordWrap(true);
        label->setTextFormat(Qt::PlainText);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    QFont bold = m_summary->font();
    bold.setBold(true);
    m_summary->setFont(bold);
    m_tree->setColumnCount(3);
    m_tree->setUniformRowHeights(true);
    m_tree->header()->setStretchLastSection(true);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_header);
    layout->addWidget(m_summary);
    layout->addWidget(m_tree, 1);
    layout->addWidget(buttons);
    resize(900, 560);
    retranslate();
}

void DiffDialog::retranslate()
{
    setWindowTitle(tr("Compare troubleshooting exports"));
    const auto side = [](const ReportDiff::Side& s, const QString& name) {
        return tr("%1 — %2, made %3, verdict %4")
            .arg(name, s.url,
                 s.generatedAt.isValid()
                     ? QLocale().toString(s.generatedAt.toLocalTime(), QLocale::ShortFormat)
                     : tr("at an unknown time"),
                 TextFormatter::statusTitle(s.verdict).toUpper());
    };
    QString header = tr("Before: %1").arg(side(m_diff.before, m_beforeName)) + QLatin1Char('\n') +
                     tr("After: %1").arg(side(m_diff.after, m_afterName));
    if (!m_diff.sameInstance())
        header += QLatin1Char('\n') + tr("These exports are of different instances.");
    m_header->setText(header);

    QStringList counts;
    if (const int n = m_diff.count(Change::Fixed))
        counts.append(tr("%n fixed", nullptr, n));
    int worse = 0;
    int still = 0;
    for (const ReportDiff::Entry& e : m_diff.entries) {
        const auto section = ReportDiff::sectionOf(e);
        worse += section == ReportDiff::Section::NewFailures;
        still += section == ReportDiff::Section::StillFailing;
    }
    if (worse)
        counts.append(tr("%n newly failing", nullptr, worse));
    if (still)
        counts.append(tr("%n still failing", nullptr, still));
    m_summary->setText(counts.isEmpty() ? tr("No check started or stopped failing.")
                                        : counts.join(QStringLiteral(", ")));

    m_tree->clear();
    m_tree->setHeaderLabels({tr("Check"), tr("Before → after"), tr("Now")});
    m_tree->setAccessibleName(tr("Changes per check"));
    const std::pair<ReportDiff::Section, QString> sections[] = {
        {ReportDiff::Section::NewFailures, tr("New failures")},
        {ReportDiff::Section::Fixed, tr("Fixed")},
        {ReportDiff::Section::StillFailing, tr("Still failing")},
        {ReportDiff::Section::Other, tr("Other changes")},
    };
    const auto statusText = [](const std::optional<Status>& s) {
        return s ? TextFormatter::statusTitle(*s) : QStringLiteral("—");
    };
    for (const auto& [section, title] : sections) {
        QTreeWidgetItem* parent = nullptr;
        for (const ReportDiff::Entry& e : m_diff.entries) {
            if (ReportDiff::sectionOf(e) != section)
                continue;
            if (!parent) {
                parent = new QTreeWidgetItem(m_tree, {title});
                QFont f = parent->font(0);
                f.setBold(true);
                parent->setFont(0, f);
                parent->setExpanded(true);
            }
            auto* item = new QTreeWidgetItem(
                parent,
                {e.title, statusText(e.before) + QStringLiteral(" → ") + statusText(e.after), e.summary});
            item->setToolTip(0, e.id);
            item->setData(0, Qt::UserRole, e.id);
            item->setIcon(0, statusIcon(e.after.value_or(e.before.value_or(Status::Skip))));
            item->setToolTip(2, QStringLiteral("<p>%1</p>").arg(e.summary.toHtmlEscaped()));
        }
        if (parent)
            parent->setText(0, QStringLiteral("%1 (%2)").arg(title).arg(parent->childCount()));
    }
}

void DiffDialog::changeEvent(QEvent* event)
{
    QDialog::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
}

} // namespace gjd
