// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "finding.h"
#include "report.h"

#include <QPointer>
#include <QStringList>
#include <QTreeView>

class QLabel;

namespace gjd {

class ProblemsFilterModel;

// The pages live in a named namespace: their tr() context must be the same for lupdate and moc.
namespace wizard {

// The wizard's list of checks: the icon and title of each check, and its result (the summary, with
// the fix of a failure or warning) word-wrapped beside it; under it, on request, a label with the
// whole text of the selected one. A flat view of a ReportModel through a ProblemsFilterModel
// restricted to the page's checks, so that a page can show its checks while they run
// (startChecks → markRunning / setWaitingFor / setFinding) and then the findings that matter
// (showFindings).
//
// Keeps at least about six rows high, whatever the layout around it wants.
class FindingList final : public QTreeView
{
    Q_OBJECT

public:
    FindingList(QWidget* parent, const char* objectName);
    ~FindingList() override;

    void retranslate();
    // A label that shows the whole text of the selected finding, fix included (object name
    // "findingDetail"); it follows the selection and live updates.
    QLabel* makeDetailLabel(QWidget* parent);
    // The findings of `ids` in that order (those the report has); selects the first fail, error or
    // warning, else the first row.
    void showFindings(const Report& report, const QStringList& ids);

    // Live: these checks (catalogue order), waiting; then as the runner reports them.
    void startChecks(const QStringList& ids);
    void markRunning(const QString& id);
    void setWaitingFor(const QString& id, const QString& text);
    void setFinding(const Finding& finding);
    // No rows.
    void clear();

    // The check id of the selected row; empty without one.
    QString currentCheck() const;
    // The text the detail label shows for `id`.
    QString detailText(const QString& id) const;
    int checkCount() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    class Model;
    class Delegate;

    void updateDetail();
    void fitTitleColumn();
    void updateMinimumHeight();
    int minimumRowsHeight() const;

    Model* m_model;
    ProblemsFilterModel* m_filter;
    QPointer<QLabel> m_detail;
};

} // namespace wizard
} // namespace gjd
