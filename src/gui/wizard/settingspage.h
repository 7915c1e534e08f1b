// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "asyncpage.h"

class QTreeWidget;

namespace gjd::wizard {

// 5. GitLab for Jira App settings: every managed setting with its value now and the value planned,
// the rows that change marked. "Apply settings" writes only the values that differ, then GitLab
// reads them back; the table then shows what GitLab has. With nothing to change the button only
// reads back ("Verify settings"). Next is enabled once the settings are verified and never writes.
//
// When the job has ended (after a failure, or coming back from a later page) the page reads GitLab
// again and plans anew; "Check again" does the same by hand.
//
// Object names: "settingsPage", "settingsDiff", "settingDetail", "settingsNotes",
// "applySettingsButton", "checkAgainButton", "readBack", "message".
class SettingsWizardPage final : public AsyncPage
{
    Q_OBJECT

public:
    explicit SettingsWizardPage(WizardContext* context, QWidget* parent = nullptr);

    void retranslate() override;
    void initializePage() override;
    void cancel() override;

    // The row texts as shown, for tests: {setting, now, planned}.
    QList<QStringList> rows() const;

protected:
    bool ready() const override { return m_verified; }

private:
    void fillTable(const SetupPlan& plan, bool applied, const QString& applicationUid);
    // Shows `plan` (its table, notes, and what Apply settings writes) and arms the button.
    void showPlan(const SetupPlan& plan);
    // Reads GitLab again and plans anew (the job ended: after a failure, or coming back).
    void replan();
    void onPlanned(const SetupPlan& plan);
    void apply();
    void onFinished(const SetupResult& result);
    void updateApplyButton();

    QTreeWidget* m_diff;
    QLabel* m_detail;
    QLabel* m_notes;
    WriteButton* m_apply;
    QPushButton* m_again;
    QTreeWidget* m_readBack;
    bool m_verified = false;
    bool m_writes = false;   // the plan changes something
    bool m_planning = false; // replan() waits for the job's plan
};

} // namespace gjd::wizard
