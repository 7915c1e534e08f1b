// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "finding.h"
#include "report.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QIcon>
#include <QList>
#include <QSortFilterProxyModel>
#include <QStringList>

#include <optional>
#include <vector>

namespace gjd {

// The checks of a run or of a report, for every view that lists them: ReportView (diagnostics
// pane, export viewer), the wizard's FindingList and DiffDialog. Groups (the catalogue's
// categories, in its display order; unknown ones last) → checks; or, with setGrouped(false), the
// checks alone in the order they were given.
//
// A check row is in one of three states:
//
//   setChecks/setEntries ─► Waiting ──markRunning──► Running ──setFinding──► Done
//                              ▲          setWaitingFor(text) │                │
//                              └────────── markWaiting ───────┴────────────────┘
//
// markWaiting (a re-run) keeps the old finding (its status stays in StatusRole and the problems
// filter) until the new one arrives. setReport() sets everything at once.
//
// Titles, status words and headers are made when a view asks, in the current language. Views call
// retranslate() from their changeEvent(LanguageChange): the model has no changeEvent, and an event
// filter on qApp would see every event of the program for one event a session.
class ReportModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column
    {
        TitleColumn,  // "Check": title from the catalogue (the report's for unknown checks), icon
        StatusColumn, // "Status": status word, "waiting", "running" (what it waits for in the tooltip)
        TimeColumn,   // "Time": duration of a decided check
        ResultColumn, // "Result": summary; for a running check what it waits for
        ChangeColumn, // "Before → after": statuses set by setComparison()
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role
    {
        CheckIdRole = Qt::UserRole + 1, // check id; the group (category) id on group rows
        StatusRole,                     // int(Status) of the finding shown; invalid without one
        StateRole,                      // int(State) on check rows; invalid on group rows
        WaitingForRole,                 // what a running check waits for
        IsGroupRole,                    // bool
    };
    Q_ENUM(Role)

    enum class State
    {
        Waiting,
        Running,
        Done
    };
    Q_ENUM(State)

    struct Entry
    {
        QString id;
        QString group; // category id, or the grouping a subclass names in groupTitle()
        QString title; // used when the catalogue does not know the id
    };

    explicit ReportModel(QObject* parent = nullptr);
    ~ReportModel() override;

    // The structure. Both reset the model; every check is waiting.
    void setChecks(const QStringList& ids); // catalogue checks among `ids`, catalogue order
    void setEntries(const QList<Entry>& entries);
    void setGrouped(bool grouped);
    bool isGrouped() const { return m_grouped; }
    void clear();

    // Live progress. Unknown ids are ignored.
    void markRunning(const QString& id);
    void setWaitingFor(const QString& id, const QString& text);
    void markWaiting(const QStringList& ids);
    void setFinding(const Finding& finding);
    // Every finding of the report; the structure is kept when it lists the same checks (the end
    // of a run: selection and scroll position stay), rebuilt otherwise (also for checks this
    // version does not know).
    void setReport(const Report& report);
    // For a comparison: the statuses before and after (nullopt: not in that report).
    void setComparison(const QString& id, std::optional<Status> before, std::optional<Status> after);

    // Views call it when the language changed: every text is asked for again.
    void retranslate();

    QStringList checkIds() const; // in the order given
    bool contains(const QString& id) const { return m_rowOf.contains(id); }
    State state(const QString& id) const;
    const Finding* finding(const QString& id) const;
    QString waitingFor(const QString& id) const;
    QModelIndex indexOf(const QString& id, int column = TitleColumn) const;
    QModelIndex groupIndex(const QString& group) const;

    // QAbstractItemModel
    QModelIndex index(int row, int column, const QModelIndex& parent = QModelIndex()) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

    // The words of the status column, as the views show them.
    static QString stateText(State state);

protected:
    // A group row's title: the category's by default.
    virtual QString groupTitle(const QString& group) const;
    // The groups in display order; groups not listed follow in the order they appear.
    virtual QStringList groupOrder() const;
    int groupSize(const QString& group) const;
    QString checkTitle(const QString& id) const;

private:
    struct Row
    {
        QString id;
        QString group;
        QString title;
        State state = State::Waiting;
        std::optional<Finding> finding;
        QString waitingFor;
        bool compared = false;
        std::optional<Status> before;
        std::optional<Status> after;
        int groupIndex = 0; // in m_groups
        int position = 0;   // in its group
    };
    struct Group
    {
        QString id;
        QList<int> rows; // into m_rows
    };

    const Row* rowAt(const QModelIndex& index) const;
    void rowChanged(int row);
    // Stores a finding without signals; its row, or -1 for an unknown id.
    int storeFinding(const Finding& finding);
    // dataChanged for every row (group rows included), one signal per group.
    void allRowsChanged();
    QVariant checkData(const Row& row, int column, int role) const;
    QVariant groupData(const Group& group, int column, int role) const;
    QIcon icon(const Row& row) const;

    std::vector<Row> m_rows;
    QList<Group> m_groups;
    QHash<QString, int> m_rowOf;
    bool m_grouped = true;
    // A QIcon from an SVG file parses the file when made: views ask for the decoration of every
    // row whenever they lay out (size hints), so each icon is made once per model.
    mutable QHash<int, QIcon> m_icons;
};

// The rows worth attention, for every view of a ReportModel: with problemsOnly, checks whose
// finding is fail, warn, error or manual; with setIds, only those checks (and sorted in that
// order after sort(0)). Groups without a visible check are hidden.
class ProblemsFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit ProblemsFilterModel(QObject* parent = nullptr);

    void setProblemsOnly(bool problemsOnly);
    bool problemsOnly() const { return m_problemsOnly; }
    // Only these checks; an empty list shows none. clearIds() shows all again.
    void setIds(const QStringList& ids);
    void clearIds();
    bool hasIds() const { return m_hasIds; }

    static bool isProblem(Status status);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

private:
    bool m_problemsOnly = false;
    bool m_hasIds = false;
    QHash<QString, int> m_ids; // id → position
};

} // namespace gjd
