// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fleet/fleetreport.h"

#include <QAbstractTableModel>
#include <QList>

namespace gjd {

// The instances of a fleet run (FleetPage), one row per line of the targets file that names an
// instance or fails to, in file order. A row is in one of these states:
//
//   setEntries ─► Waiting ──markRunning──► Running ──setFinished──► Done
//        │           └──────────────┬─────────┘
//        │                      markCancelled ─► Cancelled (a report only if the run had begun)
//        └─ an entry with an error ─► Unusable ("cannot be used: <error>")
//
// Texts are made when a view asks, in the current language; the view calls retranslate() on a
// language change (as ReportModel).
class FleetModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        LineColumn,         // the line of the file (the position in the list of recent instances)
        InstanceColumn,     // the URL; for a line that cannot be used, the line as written
        VerdictColumn,      // status icon and verdict, "running…", "waiting", "cannot be used: …"
        FailingColumn,      // how many checks fail or could not run
        FirstFailingColumn, // the id of the first of them, in catalogue order (its title in the tooltip)
        DurationColumn,     // how long the instance's run took
        ColumnCount
    };
    Q_ENUM(Column)

    enum class State
    {
        Waiting,
        Running,
        Done,
        Cancelled,
        Unusable
    };
    Q_ENUM(State)

    static constexpr int StateRole = Qt::UserRole + 1;  // int(State)
    static constexpr int StatusRole = Qt::UserRole + 2; // int(Status) of the verdict, when Done

    explicit FleetModel(QObject* parent = nullptr);

    // Every row anew: waiting, or unusable for an entry with an error.
    void setEntries(const QList<FleetEntry>& entries);
    void markRunning(int row);
    // The instance's run ended: its report (or the error of a line that could not run).
    void setFinished(int row, const FleetEntry& entry);
    // The run was cancelled before this row ended; `entry` holds what it got (a partial report).
    void markCancelled(int row, const FleetEntry& entry);

    State state(int row) const { return m_rows.at(row).state; }
    const FleetEntry& entry(int row) const { return m_rows.at(row).entry; }
    // The fleet report of the rows decided so far: the instances that ran to their end and the
    // lines that cannot be used (waiting, running and cancelled rows are left out), for the
    // summary while a run goes on.
    FleetReport decided() const;

    // The words of the verdict column for these states, as rows show them (for column widths).
    static QString stateText(State state);
    void retranslate();

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        FleetEntry entry;
        State state = State::Waiting;
        Status verdict = Status::Pass; // of the report, when there is one
        int failing = 0;               // fail or error findings
        QString firstFailing;          // id
        QString firstTitle;            // its title
    };
    void changed(int row);
    static void count(Row& row);

    QList<Row> m_rows;
};

} // namespace gjd
