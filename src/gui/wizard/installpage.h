// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "asyncpage.h"

class QGroupBox;

namespace gjd::wizard {

// 7. Install in Jira: the exact clicks with today's navigation, with copies of every value, and
// where a Jira admin approves the Forge upgrade.
//
// Object names: "installPage", "marketplaceListing", "installSteps", "instanceUrlValue" (with
// "instanceUrlValueCopy"), "forgeUpgrade", "forgeUpgradeWhere", "forgeUpgradeWhy".
class InstallWizardPage final : public AsyncPage
{
    Q_OBJECT

public:
    explicit InstallWizardPage(WizardContext* context, QWidget* parent = nullptr);

    void retranslate() override;
    void initializePage() override;

private:
    QLabel* m_listing;
    QLabel* m_steps;
    QLabel* m_urlLabel;
    QGroupBox* m_forge;
    QLabel* m_forgeWhere;
    QLabel* m_forgeWhy;
    QLineEdit* m_value = nullptr;
};

} // namespace gjd::wizard
