// SPDX-License-Identifier: GPL-3.0-or-later
#include "reportmodel.h"

#include "checks/check.h"
#include "statusicons.h"
#include "textformatter.h"

#include <QCoreApplication>
#include <QFont>

#include <algorithm>

namespace gjd {

namespace {

// Internal ids: group rows carry kGroupRow, check rows 1 + their group's index, or kFlatRow when
// the model is not grouped.
constexpr quintptr kGroupRow = 0;
constexpr quintptr kFlatRow = ~quintptr(0);

QString statusText(const std::optional<Status>& status)
{
    return status ? TextFormatter::statusTitle(*status) : QStringLiteral("—");
}

} // namespace

ReportModel::ReportModel(QObject* parent)
    : QAbstractItemModel(parent)
{
}

ReportModel::~ReportModel() = default;

// The status words, the column headers and "%1 ms" were ReportView's before this model existed:
// they keep its translation context, and with it their translations.
QString ReportModel::stateText(State state)
{
    switch (state) {
    case State::Waiting:
        return QCoreApplication::translate("gjd::ReportView", "waiting");
    case State::Running:
        return QCoreApplication::translate("gjd::ReportView", "running");
    case State::Done:
        break;
    }
    return QString();
}

void ReportModel::setChecks(const QStringList& ids)
{
    QList<Entry> entries;
    for (const auto& c : catalogue()) {
        if (ids.contains(c->id()))
            entries.append({c->id(), c->category(), c->title()});
    }
    setEntries(entries);
}

void ReportModel::setEntries(const QList<Entry>& entries)
{
    beginResetModel();
    m_rows.clear();
    m_groups.clear();
    m_rowOf.clear();
    for (const Entry& e : entries) {
        if (m_rowOf.contains(e.id))
            continue; // an id is one row, whatever a hand-made report repeats
        m_rowOf.insert(e.id, int(m_rows.size()));
        Row row;
        row.id = e.id;
        row.group = e.group;
        row.title = e.title;
        m_rows.push_back(row);
    }
    // Groups in display order; unknown ones (a newer version's categories) last, as they come.
    QStringList groups;
    for (const Row& row : m_rows) {
        if (!groups.contains(row.group))
            groups.append(row.group);
    }
    const QStringList order = groupOrder();
    const auto rank = [&order](const QString& group) {
        const qsizetype i = order.indexOf(group);
        return i < 0 ? order.size() : i;
    };
    std::stable_sort(groups.begin(), groups.end(),
                     [&rank](const QString& a, const QString& b) { return rank(a) < rank(b); });
    for (const QString& g : std::as_const(groups))
        m_groups.append(Group{g, {}});
    for (int i = 0; i < int(m_rows.size()); ++i) {
        Row& row = m_rows[size_t(i)];
        row.groupIndex = int(groups.indexOf(row.group));
        Group& group = m_groups[row.groupIndex];
        row.position = int(group.rows.size());
        group.rows.append(i);
    }
    endResetModel();
}

void ReportModel::setGrouped(bool grouped)
{
    if (grouped == m_grouped)
        return;
    beginResetModel();
    m_grouped = grouped;
    endResetModel();
}

void ReportModel::clear()
{
    setEntries({});
}

void ReportModel::markRunning(const QString& id)
{
    const int r = m_rowOf.value(id, -1);
    if (r < 0)
        return;
    m_rows[size_t(r)].state = State::Running;
    rowChanged(r);
}

void ReportModel::setWaitingFor(const QString& id, const QString& text)
{
    const int r = m_rowOf.value(id, -1);
    if (r < 0)
        return;
    Row& row = m_rows[size_t(r)];
    // A late word from a probe does not turn a decided check back into a running one.
    if (row.state == State::Done || row.waitingFor == text)
        return;
    row.state = State::Running;
    row.waitingFor = text;
    rowChanged(r);
}

void ReportModel::markWaiting(const QStringList& ids)
{
    for (const QString& id : ids) {
        const int r = m_rowOf.value(id, -1);
        if (r < 0)
            continue;
        Row& row = m_rows[size_t(r)];
        row.state = State::Waiting;
        row.waitingFor.clear();
        rowChanged(r);
    }
}

void ReportModel::setFinding(const Finding& finding)
{
    if (const int r = storeFinding(finding); r >= 0)
        rowChanged(r);
}

int ReportModel::storeFinding(const Finding& finding)
{
    const int r = m_rowOf.value(finding.id, -1);
    if (r < 0)
        return r;
    Row& row = m_rows[size_t(r)];
    row.state = State::Done;
    row.finding = finding;
    row.waitingFor.clear();
    return r;
}

void ReportModel::setReport(const Report& report)
{
    bool same = int(m_rows.size()) == report.checks.size();
    for (const Finding& f : report.checks)
        same = same && m_rowOf.contains(f.id);
    if (!same) {
        QList<Entry> entries;
        for (const Finding& f : report.checks) {
            const Check* check = findCheck(f.id);
            entries.append({f.id, f.category, check ? check->title() : f.title});
        }
        setEntries(entries);
    }
    // One signal per group, not one per row: a filter model above re-sorts on every signal, which
    // made a report of a thousand checks take seconds to show.
    for (const Finding& f : report.checks)
        storeFinding(f);
    allRowsChanged();
}

void ReportModel::setComparison(const QString& id, std::optional<Status> before, std::optional<Status> after)
{
    const int r = m_rowOf.value(id, -1);
    if (r < 0)
        return;
    Row& row = m_rows[size_t(r)];
    row.compared = true;
    row.before = before;
    row.after = after;
    rowChanged(r);
}

void ReportModel::retranslate()
{
    allRowsChanged();
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}

void ReportModel::allRowsChanged()
{
    const int last = ColumnCount - 1;
    if (m_grouped) {
        if (!m_groups.isEmpty())
            emit dataChanged(index(0, 0), index(int(m_groups.size()) - 1, last));
        for (int g = 0; g < m_groups.size(); ++g) {
            const int n = int(m_groups.at(g).rows.size());
            if (n > 0)
                emit dataChanged(createIndex(0, 0, quintptr(g) + 1),
                                 createIndex(n - 1, last, quintptr(g) + 1));
        }
    } else if (!m_rows.empty()) {
        emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, last));
    }
}

QStringList ReportModel::checkIds() const
{
    QStringList out;
    for (const Row& row : m_rows)
        out.append(row.id);
    return out;
}

ReportModel::State ReportModel::state(const QString& id) const
{
    const int r = m_rowOf.value(id, -1);
    return r < 0 ? State::Waiting : m_rows[size_t(r)].state;
}

const Finding* ReportModel::finding(const QString& id) const
{
    const int r = m_rowOf.value(id, -1);
    return r < 0 || !m_rows[size_t(r)].finding ? nullptr : &*m_rows[size_t(r)].finding;
}

QString ReportModel::waitingFor(const QString& id) const
{
    const int r = m_rowOf.value(id, -1);
    return r < 0 ? QString() : m_rows[size_t(r)].waitingFor;
}

QModelIndex ReportModel::indexOf(const QString& id, int column) const
{
    const int r = m_rowOf.value(id, -1);
    if (r < 0 || column < 0 || column >= ColumnCount)
        return QModelIndex();
    const Row& row = m_rows[size_t(r)];
    return m_grouped ? createIndex(row.position, column, quintptr(row.groupIndex) + 1)
                     : createIndex(r, column, kFlatRow);
}

QModelIndex ReportModel::groupIndex(const QString& group) const
{
    if (!m_grouped)
        return QModelIndex();
    for (int g = 0; g < m_groups.size(); ++g) {
        if (m_groups.at(g).id == group)
            return createIndex(g, 0, kGroupRow);
    }
    return QModelIndex();
}

int ReportModel::groupSize(const QString& group) const
{
    for (const Group& g : m_groups) {
        if (g.id == group)
            return int(g.rows.size());
    }
    return 0;
}

QString ReportModel::checkTitle(const QString& id) const
{
    // The catalogue's title is in the current language; a report's is in the language it was made in.
    if (const Check* check = findCheck(id))
        return check->title();
    const int r = m_rowOf.value(id, -1);
    const QString title = r < 0 ? QString() : m_rows[size_t(r)].title;
    return title.isEmpty() ? id : title;
}

QString ReportModel::groupTitle(const QString& group) const
{
    return Categories::title(group);
}

QStringList ReportModel::groupOrder() const
{
    return Categories::ids();
}

const ReportModel::Row* ReportModel::rowAt(const QModelIndex& index) const
{
    if (!index.isValid() || index.model() != this || index.internalId() == kGroupRow)
        return nullptr;
    if (index.internalId() == kFlatRow)
        return index.row() < int(m_rows.size()) ? &m_rows[size_t(index.row())] : nullptr;
    const int g = int(index.internalId() - 1);
    if (g >= m_groups.size() || index.row() >= m_groups.at(g).rows.size())
        return nullptr;
    return &m_rows[size_t(m_groups.at(g).rows.at(index.row()))];
}

void ReportModel::rowChanged(int r)
{
    const QString& id = m_rows[size_t(r)].id;
    emit dataChanged(indexOf(id, 0), indexOf(id, ColumnCount - 1));
}

QModelIndex ReportModel::index(int row, int column, const QModelIndex& parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return QModelIndex();
    if (!parent.isValid()) {
        if (m_grouped)
            return row < m_groups.size() ? createIndex(row, column, kGroupRow) : QModelIndex();
        return row < int(m_rows.size()) ? createIndex(row, column, kFlatRow) : QModelIndex();
    }
    if (!m_grouped || parent.internalId() != kGroupRow || parent.column() != 0 ||
        parent.row() >= m_groups.size())
        return QModelIndex();
    if (row >= m_groups.at(parent.row()).rows.size())
        return QModelIndex();
    return createIndex(row, column, quintptr(parent.row()) + 1);
}

QModelIndex ReportModel::parent(const QModelIndex& child) const
{
    if (!child.isValid() || child.internalId() == kGroupRow || child.internalId() == kFlatRow)
        return QModelIndex();
    return createIndex(int(child.internalId() - 1), 0, kGroupRow);
}

int ReportModel::rowCount(const QModelIndex& parent) const
{
    if (!parent.isValid())
        return m_grouped ? int(m_groups.size()) : int(m_rows.size());
    if (!m_grouped || parent.column() != 0 || parent.internalId() != kGroupRow ||
        parent.row() >= m_groups.size())
        return 0;
    return int(m_groups.at(parent.row()).rows.size());
}

int ReportModel::columnCount(const QModelIndex&) const
{
    return ColumnCount;
}

Qt::ItemFlags ReportModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (rowAt(index))
        f |= Qt::ItemNeverHasChildren;
    return f;
}

QVariant ReportModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.model() != this)
        return QVariant();
    if (const Row* row = rowAt(index))
        return checkData(*row, index.column(), role);
    if (index.internalId() == kGroupRow && index.row() < m_groups.size())
        return groupData(m_groups.at(index.row()), index.column(), role);
    return QVariant();
}

QIcon ReportModel::icon(const Row& row) const
{
    // Keys: the status of a decided check, else past the statuses for running and waiting.
    constexpr int running = 100;
    constexpr int waiting = 101;
    const int key = row.state == State::Done && row.finding ? int(row.finding->status)
                    : row.state == State::Running           ? running
                                                            : waiting;
    auto it = m_icons.find(key);
    if (it == m_icons.end())
        it = m_icons.insert(key, key == running   ? runningIcon()
                                 : key == waiting ? pendingIcon()
                                                  : statusIcon(row.finding->status));
    return *it;
}

QVariant ReportModel::groupData(const Group& group, int column, int role) const
{
    switch (role) {
    case CheckIdRole:
        return group.id;
    case IsGroupRole:
        return true;
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
    case Qt::ToolTipRole: // the whole title, should a narrow column cut it
        return column == TitleColumn ? groupTitle(group.id) : QVariant();
    case Qt::FontRole:
        if (column == TitleColumn) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return QVariant();
    default:
        return QVariant();
    }
}

QVariant ReportModel::checkData(const Row& row, int column, int role) const
{
    const Finding* f = row.finding ? &*row.finding : nullptr;
    const bool done = row.state == State::Done && f;
    const QString status = done ? TextFormatter::statusTitle(f->status) : stateText(row.state);
    switch (role) {
    case CheckIdRole:
        return row.id;
    case IsGroupRole:
        return false;
    case StatusRole:
        return f ? QVariant(int(f->status)) : QVariant();
    case StateRole:
        return int(row.state);
    case WaitingForRole:
        return row.waitingFor;
    default:
        break;
    }
    switch (column) {
    case TitleColumn:
        switch (role) {
        case Qt::DisplayRole:
            return checkTitle(row.id);
        case Qt::DecorationRole:
            return icon(row);
        case Qt::ToolTipRole: {
            // Rich text, escaped: a summary from an export could otherwise be taken for HTML. The
            // title comes first: a narrow column may have cut it.
            QString text =
                QStringLiteral("%1<br>%2").arg(checkTitle(row.id).toHtmlEscaped(), row.id.toHtmlEscaped());
            if (f)
                text += QStringLiteral(" — ") + f->summary.toHtmlEscaped();
            if (row.state == State::Running && !row.waitingFor.isEmpty())
                text += QStringLiteral("<br>") + row.waitingFor.toHtmlEscaped();
            return QStringLiteral("<p>%1</p>").arg(text);
        }
        case Qt::AccessibleTextRole:
            // Screen readers get the status with the title, not only an icon.
            return QStringLiteral("%1: %2").arg(checkTitle(row.id), status);
        default:
            return QVariant();
        }
    case StatusColumn:
        switch (role) {
        case Qt::DisplayRole:
            return status;
        case Qt::AccessibleTextRole:
            return row.state == State::Running && !row.waitingFor.isEmpty()
                       ? QStringLiteral("%1: %2").arg(status, row.waitingFor)
                       : status;
        case Qt::ToolTipRole:
            return row.state == State::Running && !row.waitingFor.isEmpty() ? row.waitingFor : QVariant();
        default:
            return QVariant();
        }
    case TimeColumn:
        if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole)
            return done && f->durationMs > 0
                       ? QCoreApplication::translate("gjd::ReportView", "%1 ms").arg(f->durationMs)
                       : QString();
        if (role == Qt::TextAlignmentRole)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant();
    case ResultColumn:
        if (role == Qt::DisplayRole || role == Qt::ToolTipRole || role == Qt::AccessibleTextRole) {
            if (row.state == State::Running)
                return row.waitingFor.isEmpty() ? status : row.waitingFor;
            return f ? f->summary : QString();
        }
        return QVariant();
    case ChangeColumn:
        if (row.compared && (role == Qt::DisplayRole || role == Qt::AccessibleTextRole))
            return QStringLiteral("%1 → %2").arg(statusText(row.before), statusText(row.after));
        return QVariant();
    default:
        return QVariant();
    }
}

QVariant ReportModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || (role != Qt::DisplayRole && role != Qt::AccessibleTextRole))
        return QVariant();
    switch (section) {
    case TitleColumn:
        return QCoreApplication::translate("gjd::ReportView", "Check");
    case StatusColumn:
        return QCoreApplication::translate("gjd::ReportView", "Status");
    case TimeColumn:
        return QCoreApplication::translate("gjd::ReportView", "Time");
    case ResultColumn:
        return tr("Result");
    case ChangeColumn:
        return tr("Before → after");
    default:
        return QVariant();
    }
}

// ---------------------------------------------------------------------------------------------

ProblemsFilterModel::ProblemsFilterModel(QObject* parent)
    : QSortFilterProxyModel(parent)
{
    // A group is shown when one of its checks is; its own filterAcceptsRow says no.
    setRecursiveFilteringEnabled(true);
    setDynamicSortFilter(true);
}

bool ProblemsFilterModel::isProblem(Status status)
{
    return status == Status::Fail || status == Status::Warn || status == Status::Error ||
           status == Status::Manual;
}

void ProblemsFilterModel::setProblemsOnly(bool problemsOnly)
{
    if (problemsOnly == m_problemsOnly)
        return;
    m_problemsOnly = problemsOnly;
    invalidateFilter();
}

void ProblemsFilterModel::setIds(const QStringList& ids)
{
    m_hasIds = true;
    m_ids.clear();
    for (int i = 0; i < ids.size(); ++i)
        m_ids.insert(ids.at(i), i);
    invalidate(); // the filter and the order
}

void ProblemsFilterModel::clearIds()
{
    m_hasIds = false;
    m_ids.clear();
    invalidate();
}

bool ProblemsFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (index.data(ReportModel::IsGroupRole).toBool())
        return !m_problemsOnly && !m_hasIds; // else shown only for a visible check (recursive filtering)
    if (m_hasIds && !m_ids.contains(index.data(ReportModel::CheckIdRole).toString()))
        return false;
    if (m_problemsOnly) {
        const QVariant status = index.data(ReportModel::StatusRole);
        return status.isValid() && isProblem(Status(status.toInt()));
    }
    return true;
}

bool ProblemsFilterModel::lessThan(const QModelIndex& left, const QModelIndex& right) const
{
    if (m_hasIds) {
        const int a = m_ids.value(left.data(ReportModel::CheckIdRole).toString(), -1);
        const int b = m_ids.value(right.data(ReportModel::CheckIdRole).toString(), -1);
        if (a >= 0 && b >= 0 && a != b)
            return a < b;
    }
    return left.row() < right.row();
}

} // namespace gjd
