// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "asyncpage.h"

class QGroupBox;
class QTabWidget;

namespace gjd::wizard {

class FindingList;

// 8. Verify: the full diagnostics as they run, then the verdict, the problems with their fixes, a
// summary of what the wizard did, the Rails console checks filled in, and the ways on: the
// diagnostics pane with these results, or a troubleshooting export.
//
// Object names: "verifyPage", "verifyVerdict", "setupSummary", "verifyTabs", "verifyProblems",
// "findingDetail", "checkAgainButton", "openDiagnosticsButton", "exportButton", "groupPathEdit",
// "projectPathEdit", "snippet0".."snippet2" (each with "…Copy").
class VerifyWizardPage final : public AsyncPage
{
    Q_OBJECT

public:
    explicit VerifyWizardPage(WizardContext* context, QWidget* parent = nullptr);

    void retranslate() override;
    void initializePage() override;
    void cleanupPage() override;
    void cancel() override;
    const Report& report() const { return m_report; }

protected:
    bool ready() const override { return m_done; }

private:
    void run();
    void onChecked(const Report& report);
    void updateSnippets();
    void updateSummary();
    void exportReport();

    QLabel* m_verdict;
    QLabel* m_summary;
    QTabWidget* m_tabs;
    FindingList* m_list;
    Report m_report;
    QPushButton* m_open;
    QPushButton* m_export;
    QPushButton* m_again;
    QLineEdit* m_group;
    QLineEdit* m_project;
    QLabel* m_groupLabel;
    QLabel* m_projectLabel;
    QWidget* m_snippets;
    QLabel* m_snippetsText;
    QList<QLabel*> m_snippetTitles;
    QList<QLineEdit*> m_snippetCodes;
    CheckRunner m_runner;
    bool m_done = false;
};

} // namespace gjd::wizard
