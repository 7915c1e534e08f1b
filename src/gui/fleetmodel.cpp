// SPDX-License-Identifier: GPL-3.0-or-later
#include "fleetmodel.h"

#include "statusicons.h"
#include "textformatter.h"

#include <QLocale>

namespace gjd {

FleetModel::FleetModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void FleetModel::setEntries(const QList<FleetEntry>& entries)
{
    beginResetModel();
    m_rows.clear();
    m_rows.reserve(entries.size());
    for (const FleetEntry& entry : entries) {
        Row row;
        row.entry = entry;
        row.state = entry.error.isEmpty() ? State::Waiting : State::Unusable;
        m_rows.append(row);
    }
    endResetModel();
}

void FleetModel::markRunning(int row)
{
    if (row < 0 || row >= m_rows.size() || m_rows.at(row).state != State::Waiting)
        return;
    m_rows[row].state = State::Running;
    changed(row);
}

void FleetModel::setFinished(int row, const FleetEntry& entry)
{
    if (row < 0 || row >= m_rows.size())
        return;
    Row& r = m_rows[row];
    r.entry = entry;
    r.state = entry.report ? State::Done : State::Unusable;
    count(r);
    changed(row);
}

void FleetModel::markCancelled(int row, const FleetEntry& entry)
{
    if (row < 0 || row >= m_rows.size())
        return;
    Row& r = m_rows[row];
    if (r.state != State::Waiting && r.state != State::Running)
        return;
    r.entry = entry;
    r.entry.error.clear(); // FleetRunner's "Cancelled before it ran.": the state says it
    r.state = State::Cancelled;
    count(r);
    changed(row);
}

void FleetModel::count(Row& row)
{
    row.failing = 0;
    row.firstFailing.clear();
    row.firstTitle.clear();
    row.verdict = Status::Pass;
    if (!row.entry.report)
        return;
    row.verdict = row.entry.report->summary().verdict;
    // Fail and error, as FleetReport's summary counts a failing check.
    for (const Finding& f : row.entry.report->checks) {
        if (f.status != Status::Fail && f.status != Status::Error)
            continue;
        if (row.failing++ == 0) {
            row.firstFailing = f.id;
            row.firstTitle = f.title;
        }
    }
}

FleetReport FleetModel::decided() const
{
    FleetReport report;
    for (const Row& row : m_rows) {
        if (row.state == State::Done || row.state == State::Unusable)
            report.entries.append(row.entry);
    }
    return report;
}

QString FleetModel::stateText(State state)
{
    switch (state) {
    case State::Waiting:
        return tr("waiting");
    case State::Running:
        return tr("running…");
    case State::Cancelled:
        return tr("cancelled");
    case State::Unusable:
        return tr("cannot be used");
    case State::Done:
        break;
    }
    return QString();
}

void FleetModel::retranslate()
{
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}

void FleetModel::changed(int row)
{
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

int FleetModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int FleetModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FleetModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return QVariant();
    const Row& row = m_rows.at(index.row());
    const FleetEntry& entry = row.entry;
    const bool done = row.state == State::Done;
    const Status verdict = row.verdict;
    if (role == StateRole)
        return int(row.state);
    if (role == StatusRole)
        return done ? QVariant(int(verdict)) : QVariant();

    switch (index.column()) {
    case LineColumn:
        if (role == Qt::DisplayRole)
            return entry.line;
        if (role == Qt::TextAlignmentRole)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case InstanceColumn:
        // A line that cannot be used may name no URL: the line as written.
        if (role == Qt::DisplayRole || role == Qt::ToolTipRole)
            return entry.url.isEmpty() ? entry.text : entry.url;
        break;
    case VerdictColumn:
        if (role == Qt::DisplayRole) {
            if (done)
                return TextFormatter::statusTitle(verdict);
            if (row.state == State::Unusable)
                return tr("cannot be used: %1").arg(entry.error);
            return stateText(row.state);
        }
        if (role == Qt::DecorationRole) {
            switch (row.state) {
            case State::Waiting:
                return pendingIcon();
            case State::Running:
                return runningIcon();
            case State::Done:
                return statusIcon(verdict);
            case State::Cancelled:
                return statusIcon(Status::Skip);
            case State::Unusable:
                return statusIcon(Status::Error);
            }
        }
        if (role == Qt::ToolTipRole) {
            if (row.state == State::Unusable)
                return tr("cannot be used: %1").arg(entry.error);
            if (row.state == State::Cancelled)
                return tr("The run was cancelled before this instance was checked to the end: there is no "
                          "verdict.");
            if (!done)
                return QVariant();
            return TextFormatter::statusCounts(entry.report->summary());
        }
        break;
    case FailingColumn:
        if (role == Qt::DisplayRole && done)
            return row.failing;
        if (role == Qt::TextAlignmentRole)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case FirstFailingColumn:
        if (role == Qt::DisplayRole)
            return row.firstFailing;
        if (role == Qt::ToolTipRole && !row.firstTitle.isEmpty())
            return QStringLiteral("%1 — %2").arg(row.firstFailing, row.firstTitle);
        break;
    case DurationColumn:
        if (role == Qt::DisplayRole && done)
            return tr("%1 s", "duration in seconds")
                .arg(QLocale().toString(double(entry.report->durationMs) / 1000.0, 'f', 1));
        if (role == Qt::TextAlignmentRole)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    default:
        break;
    }
    return QVariant();
}

QVariant FleetModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole) {
        switch (section) {
        case LineColumn:
            return tr("Line");
        case InstanceColumn:
            return tr("Instance");
        case VerdictColumn:
            return tr("Verdict");
        case FailingColumn:
            return tr("Failing");
        case FirstFailingColumn:
            return tr("First failing check");
        case DurationColumn:
            return tr("Duration");
        default:
            break;
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case LineColumn:
            return tr("The line of the targets file");
        case FailingColumn:
            return tr("How many checks fail or could not run");
        case FirstFailingColumn:
            return tr("The first check that fails or could not run, in the order of the report");
        default:
            break;
        }
    }
    return QVariant();
}

} // namespace gjd
