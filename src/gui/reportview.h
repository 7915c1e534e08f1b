// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "checkrunner.h"
#include "report.h"

#include <QSplitter>

class QCheckBox;
class QComboBox;
class QPlainTextEdit;
class QTabWidget;
class QTextBrowser;
class QTreeView;

namespace gjd {

class ProblemsFilterModel;
class ReportModel;
class WaterfallWidget;

// The checks of a report as a tree by category with status icons, and beside it the details of
// the selected check (HtmlFormatter::findingHtml: evidence, certificate chain, fix, links), the
// probes' timing waterfall and the HTTP transcripts. The diagnostics pane fills it live; the
// export viewer fills it from a file, read-only.
//
// The tree is a QTreeView of a ReportModel (model()) through a ProblemsFilterModel ("Problems
// only"). The check column takes the width its titles need (in German too); the others follow.
//
// Object names for tests: "checkTree", "problemsOnlyCheck", "resultTabs", "detailsView",
// "waterfall", "transcriptCombo", "transcriptView".
class ReportView final : public QSplitter
{
    Q_OBJECT

public:
    explicit ReportView(QWidget* parent = nullptr);

    // The item data role that holds a tree item's check id (or category id for categories).
    static constexpr int checkIdRole = Qt::UserRole + 1; // ReportModel::CheckIdRole

    // A tree of these catalogue checks, each waiting.
    void setChecks(const QStringList& ids);
    void markRunning(const QString& id);
    // What a running check waits for (CheckRunner::checkWaiting): in its row and its details.
    void setWaitingFor(const QString& id, const QString& text);
    // These checks run again (Re-run failed): waiting, their old findings shown until new ones come.
    void markWaiting(const QStringList& ids);
    void setFinding(const Finding& finding);
    // The whole report: the tree (also checks this version does not know), details, transcripts.
    void setReport(const Report& report);
    void setTimings(const QList<CheckRunner::ProbeTiming>& timings);
    void setTimingVisible(bool visible);
    // Whether details of a check without a finding say "waiting" (a run is on) or "not run".
    void setRunning(bool running);

    bool selectCheck(const QString& id);
    // Selects what needs attention most: the first failure, else the first check that could not
    // run, else the first warning. False when nothing does.
    bool selectMostSevere();
    QString currentCheck() const;
    QString detailsHtml(const QString& id) const;
    const Report& report() const { return m_report; }
    ReportModel* model() const { return m_model; }

protected:
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void showDetails();
    void showTranscript();
    void retranslate();
    void expandAll();
    void fitColumns();
    void applyLinkColour();
    void fitTreeWidth();

    ReportModel* m_model;
    ProblemsFilterModel* m_filter;
    QWidget* m_treePage;
    QCheckBox* m_problemsOnly;
    QTreeView* m_tree;
    QTabWidget* m_tabs;
    QTextBrowser* m_details;
    WaterfallWidget* m_waterfall;
    QWidget* m_waterfallPage;
    QWidget* m_transcriptPage;
    QComboBox* m_transcriptCombo;
    QPlainTextEdit* m_transcriptView;

    Report m_report; // certificates and transcripts for the details; findings are in m_model
    bool m_running = false;
    bool m_splitterMoved = false; // by the user: the tree's width is theirs then
};

} // namespace gjd
