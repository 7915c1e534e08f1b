// SPDX-License-Identifier: GPL-3.0-or-later
#include "findinglist.h"

#include "reportmodel.h"

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QStyledItemDelegate>

#include <algorithm>

namespace gjd::wizard {

namespace {

bool needsFix(const Finding& f)
{
    return (f.status == Status::Fail || f.status == Status::Warn) && !f.remedy.isEmpty();
}

} // namespace

// The model with the list's own texts: its headers, and the fix after the summary. They keep the
// tr() context of FindingList, where the translations are.
class FindingList::Model final : public ReportModel
{
public:
    using ReportModel::ReportModel;

    QVariant data(const QModelIndex& index, int role) const override
    {
        if (index.column() == ResultColumn &&
            (role == Qt::DisplayRole || role == Qt::ToolTipRole || role == Qt::AccessibleTextRole)) {
            const QString id = index.data(CheckIdRole).toString();
            const Finding* f = finding(id);
            if (f && state(id) == State::Done && needsFix(*f))
                return QString(f->summary + QLatin1Char('\n') + FindingList::tr("Fix: %1").arg(f->remedy));
        }
        return ReportModel::data(index, role);
    }

    QVariant headerData(int section, Qt::Orientation orientation, int role) const override
    {
        if (orientation == Qt::Horizontal && (role == Qt::DisplayRole || role == Qt::AccessibleTextRole)) {
            if (section == TitleColumn)
                return FindingList::tr("Check");
            if (section == ResultColumn)
                return FindingList::tr("Result");
        }
        return ReportModel::headerData(section, orientation, role);
    }
};

// Row heights for word-wrapped text: the style lays the text out in the width the item gets, which
// QTreeView does not tell the delegate when it asks for the size. Qt's item text wraps at word
// boundaries (QTextOption::WordWrap), never inside a word.
class FindingList::Delegate final : public QStyledItemDelegate
{
public:
    explicit Delegate(FindingList* list)
        : QStyledItemDelegate(list)
        , m_list(list)
    {
    }

    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        QStyleOptionViewItem opt = option;
        int width = m_list->columnWidth(index.column());
        if (index.column() == 0 && m_list->rootIsDecorated())
            width -= m_list->indentation();
        if (width > 0)
            opt.rect = QRect(0, 0, width, std::max(1, opt.rect.height()));
        return QStyledItemDelegate::sizeHint(opt, index);
    }

private:
    FindingList* m_list;
};

FindingList::FindingList(QWidget* parent, const char* objectName)
    : QTreeView(parent)
    , m_model(new Model(this))
    , m_filter(new ProblemsFilterModel(this))
{
    setObjectName(QString::fromLatin1(objectName));
    m_model->setGrouped(false);
    m_filter->setSourceModel(m_model);
    setModel(m_filter);
    setItemDelegate(new Delegate(this));
    setColumnHidden(ReportModel::StatusColumn, true);
    setColumnHidden(ReportModel::TimeColumn, true);
    setColumnHidden(ReportModel::ChangeColumn, true);
    setRootIsDecorated(false);
    setUniformRowHeights(false);
    setWordWrap(true);
    setTextElideMode(Qt::ElideNone);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff); // wrap, never scroll sideways
    // The title as wide as its words need, up to a third; the result takes the rest and wraps.
    header()->setStretchLastSection(true);
    header()->setSectionResizeMode(ReportModel::TitleColumn, QHeaderView::Interactive);
    header()->setSectionsMovable(false);
    // Wrapped rows change height with the column width.
    connect(header(), &QHeaderView::sectionResized, this, [this] { scheduleDelayedItemsLayout(); });
    connect(selectionModel(), &QItemSelectionModel::currentChanged, this, &FindingList::updateDetail);
    connect(m_filter, &QAbstractItemModel::dataChanged, this, &FindingList::updateDetail);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &FindingList::updateDetail);
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, &FindingList::updateDetail);
    updateMinimumHeight();
}

FindingList::~FindingList() = default;

void FindingList::retranslate()
{
    m_model->retranslate();
    setAccessibleName(tr("Results of the checks"));
    updateDetail();
}

QLabel* FindingList::makeDetailLabel(QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setObjectName(QStringLiteral("findingDetail"));
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detail = label;
    updateDetail();
    return label;
}

void FindingList::showFindings(const Report& report, const QStringList& ids)
{
    // The page's checks only, in its order; the model keeps the whole report.
    m_model->setReport(report);
    m_filter->setIds(ids);
    m_filter->sort(ReportModel::TitleColumn);
    QModelIndex first;
    QModelIndex firstProblem;
    for (int row = 0; row < m_filter->rowCount(); ++row) {
        const QModelIndex index = m_filter->index(row, 0);
        if (!first.isValid())
            first = index;
        const QVariant status = index.data(ReportModel::StatusRole);
        const Status s = status.isValid() ? Status(status.toInt()) : Status::Skip;
        if (!firstProblem.isValid() && (s == Status::Fail || s == Status::Error || s == Status::Warn))
            firstProblem = index;
    }
    setCurrentIndex(firstProblem.isValid() ? firstProblem : first);
    fitTitleColumn();
    updateDetail();
}

void FindingList::startChecks(const QStringList& ids)
{
    m_filter->clearIds();
    m_filter->sort(-1); // the model's (catalogue) order
    m_model->setChecks(ids);
    fitTitleColumn();
    updateDetail();
}

void FindingList::markRunning(const QString& id)
{
    m_model->markRunning(id);
}

void FindingList::setWaitingFor(const QString& id, const QString& text)
{
    m_model->setWaitingFor(id, text);
}

void FindingList::setFinding(const Finding& finding)
{
    m_model->setFinding(finding);
}

void FindingList::clear()
{
    m_filter->clearIds();
    m_model->clear();
    updateDetail();
}

QString FindingList::currentCheck() const
{
    const QModelIndex index = currentIndex();
    return index.isValid() ? index.data(ReportModel::CheckIdRole).toString() : QString();
}

QString FindingList::detailText(const QString& id) const
{
    const QModelIndex index = m_model->indexOf(id, ReportModel::ResultColumn);
    return index.isValid() ? index.data(Qt::DisplayRole).toString() : QString();
}

int FindingList::checkCount() const
{
    return m_filter->rowCount();
}

void FindingList::updateDetail()
{
    if (m_detail)
        m_detail->setText(detailText(currentCheck()));
}

void FindingList::fitTitleColumn()
{
    // Titles wrap too, but only at a third of the width; below that they get what they need.
    const int needed = sizeHintForColumn(ReportModel::TitleColumn);
    const int width = viewport()->width();
    setColumnWidth(ReportModel::TitleColumn, std::max(std::min(needed, width / 3), std::min(needed, 120)));
}

// About six rows of one line each (icon or text, whichever is taller) under the header.
int FindingList::minimumRowsHeight() const
{
    const int row = std::max(fontMetrics().height(), iconSize().isValid() ? iconSize().height() : 16) + 6;
    return header()->sizeHint().height() + 6 * row + 2 * frameWidth();
}

void FindingList::updateMinimumHeight()
{
    setMinimumHeight(minimumRowsHeight());
}

QSize FindingList::sizeHint() const
{
    const QSize hint = QTreeView::sizeHint();
    return {hint.width(), std::max(hint.height(), minimumRowsHeight() * 3 / 2)};
}

QSize FindingList::minimumSizeHint() const
{
    return {QTreeView::minimumSizeHint().width(), minimumRowsHeight()};
}

void FindingList::changeEvent(QEvent* event)
{
    QTreeView::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange) {
        updateMinimumHeight();
        scheduleDelayedItemsLayout();
    }
}

void FindingList::resizeEvent(QResizeEvent* event)
{
    QTreeView::resizeEvent(event);
    fitTitleColumn();
    scheduleDelayedItemsLayout();
}

} // namespace gjd::wizard
