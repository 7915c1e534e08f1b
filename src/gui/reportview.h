// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "checkrunner.h"
#include "report.h"

#include <QHash>
#include <QSplitter>

class QComboBox;
class QPlainTextEdit;
class QTabWidget;
class QTextBrowser;
class QTreeWidget;
class QTreeWidgetItem;

namespace gjd {

class WaterfallWidget;

// The checks of a report as a tree by category with status icons, and beside it the details of
// the selected check (HtmlFormatter::findingHtml: evidence, certificate chain, fix, links), the
// probes' timing waterfall and the HTTP transcripts. The diagnostics pane fills it live; the
// export viewer fills it from a file, read-only.
//
// Object names for tests: "checkTree", "resultTabs", "detailsView", "waterfall",
// "transcriptCombo", "transcriptView".
class ReportView final : public QSplitter
{
    Q_OBJECT

public:
    explicit ReportView(QWidget* parent = nullptr);

    // The item data role that holds a tree item's check id (or category id for categories).
    static constexpr int checkIdRole = Qt::UserRole + 1;

    // A tree of these catalogue checks, each waiting.
    void setChecks(const QStringList& ids);
    void markRunning(const QString& id);
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
    QString currentCheck() const;
    QString detailsHtml(const QString& id) const;
    const Report& report() const { return m_report; }

protected:
    void changeEvent(QEvent* event) override;

private:
    struct Entry
    {
        QString id;
        QString category;
        QString title;
    };
    void buildTree(const QList<Entry>& entries);
    void updateItem(QTreeWidgetItem* item, const Finding& finding);
    void showDetails();
    void showTranscript();
    void retranslate();

    QTreeWidget* m_tree;
    QTabWidget* m_tabs;
    QTextBrowser* m_details;
    WaterfallWidget* m_waterfall;
    QWidget* m_waterfallPage;
    QWidget* m_transcriptPage;
    QComboBox* m_transcriptCombo;
    QPlainTextEdit* m_transcriptView;

    Report m_report; // certificates and transcripts for the details; findings as they arrive
    QHash<QString, Finding> m_findings;
    QHash<QString, QTreeWidgetItem*> m_items;
    bool m_running = false;
};

} // namespace gjd
