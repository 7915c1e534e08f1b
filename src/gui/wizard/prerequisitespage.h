// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "asyncpage.h"

class QCheckBox;

namespace gjd::wizard {

class FindingList;

// 3. Prerequisites: the checks that decide whether the Marketplace app can work at all. They run
// when the page opens and show as they run, each with what it waits for.
//
// Object names: "prerequisitesPage", "prerequisiteList", "findingDetail", "checkAgainButton",
// "continueAnyway", "message".
class PrerequisitesWizardPage final : public AsyncPage
{
    Q_OBJECT

public:
    explicit PrerequisitesWizardPage(WizardContext* context, QWidget* parent = nullptr);

    static QStringList ids();

    void retranslate() override;
    void initializePage() override;
    void cleanupPage() override;
    void cancel() override;
    const Report& report() const { return m_report; }

protected:
    bool ready() const override;

private:
    void run();
    void onChecked(const Report& report);

    FindingList* m_list;
    QPushButton* m_again;
    QCheckBox* m_continue;
    CheckRunner m_runner;
    Report m_report;
    bool m_done = false;
    bool m_failed = false;
};

} // namespace gjd::wizard
