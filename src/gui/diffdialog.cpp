// SPDX-License-Identifier: GPL-3.0-or-later
#include "diffdialog.h"

#include "reportmodel.h"
#include "textformatter.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTreeView>
#include <QVBoxLayout>

namespace gjd {

namespace {

// Section ids of the groups (never shown).
QString sectionId(ReportDiff::Section section)
{
    switch (section) {
    case ReportDiff::Section::NewFailures:
        return QStringLiteral("new-failures");
    case ReportDiff::Section::Fixed:
        return QStringLiteral("fixed");
    case ReportDiff::Section::StillFailing:
        return QStringLiteral("still-failing");
    case ReportDiff::Section::Other:
        break;
    }
    return QStringLiteral("other");
}

// The checks grouped by how they changed, with the dialog's headers and section titles.
class DiffModel final : public ReportModel
{
public:
    using ReportModel::ReportModel;

    QVariant headerData(int section, Qt::Orientation orientation, int role) const override
    {
        if (orientation == Qt::Horizontal && (role == Qt::DisplayRole || role == Qt::AccessibleTextRole)) {
            switch (section) {
            case TitleColumn:
                return DiffDialog::tr("Check");
            case ChangeColumn:
                return DiffDialog::tr("Before → after");
            case ResultColumn:
                return DiffDialog::tr("Now");
            default:
                break;
            }
        }
        return ReportModel::headerData(section, orientation, role);
    }

protected:
    QString groupTitle(const QString& group) const override
    {
        QString title = DiffDialog::tr("Other changes");
        if (group == sectionId(ReportDiff::Section::NewFailures))
            title = DiffDialog::tr("New failures");
        else if (group == sectionId(ReportDiff::Section::Fixed))
            title = DiffDialog::tr("Fixed");
        else if (group == sectionId(ReportDiff::Section::StillFailing))
            title = DiffDialog::tr("Still failing");
        return QStringLiteral("%1 (%2)").arg(title).arg(groupSize(group));
    }
    QStringList groupOrder() const override
    {
        return {sectionId(ReportDiff::Section::NewFailures), sectionId(ReportDiff::Section::Fixed),
                sectionId(ReportDiff::Section::StillFailing), sectionId(ReportDiff::Section::Other)};
    }
};

} // namespace

DiffDialog::DiffDialog(const ReportDiff& diff, const QString& beforeName, const QString& afterName,
                       QWidget* parent)
    : QDialog(parent)
    , m_diff(diff)
    , m_beforeName(beforeName)
    , m_afterName(afterName)
    , m_header(new QLabel(this))
    , m_summary(new QLabel(this))
    , m_model(new DiffModel(this))
    , m_tree(new QTreeView(this))
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
    // Check, before → after, the new summary.
    m_tree->setModel(m_model);
    m_tree->setColumnHidden(ReportModel::StatusColumn, true);
    m_tree->setColumnHidden(ReportModel::TimeColumn, true);
    m_tree->header()->moveSection(ReportModel::ChangeColumn, 1);
    m_tree->setUniformRowHeights(true);
    m_tree->header()->setStretchLastSection(true);
    m_tree->header()->setSectionResizeMode(ReportModel::TitleColumn, QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(ReportModel::ChangeColumn, QHeaderView::ResizeToContents);
    fill();

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

    m_model->retranslate();
    m_tree->setAccessibleName(tr("Changes per check"));
}

void DiffDialog::fill()
{
    // Unchanged checks are in no section: not listed.
    QList<ReportModel::Entry> entries;
    for (const ReportDiff::Entry& e : m_diff.entries) {
        if (const auto section = ReportDiff::sectionOf(e))
            entries.append({e.id, sectionId(*section), e.title});
    }
    m_model->setEntries(entries);
    for (const ReportDiff::Entry& e : m_diff.entries) {
        // The status icon and the summary of now (of before for a removed check).
        Finding f;
        f.id = e.id;
        f.title = e.title;
        f.status = e.after.value_or(e.before.value_or(Status::Skip));
        f.summary = e.summary;
        m_model->setFinding(f);
        m_model->setComparison(e.id, e.before, e.after);
    }
    m_tree->expandAll();
}

void DiffDialog::changeEvent(QEvent* event)
{
    QDialog::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
}

} // namespace gjd
