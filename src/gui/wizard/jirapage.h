// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "asyncpage.h"

class QCheckBox;

namespace gjd::wizard {

class FindingList;

// 6. Jira user: site, email, API token; "Check the Jira user" (or Next, or Enter) checks the admin
// group and Browse users and groups. The result stays on the page: Next moves on only after it
// was shown (or when the admin skips the check).
//
// Object names: "jiraPage", "jiraSiteEdit", "jiraEmailEdit", "jiraTokenEdit",
// "rememberJiraTokenCheck", "tokenLink", "checkJiraButton", "jiraResults", "findingDetail",
// "skipJira", "message".
class JiraWizardPage final : public AsyncPage
{
    Q_OBJECT

public:
    explicit JiraWizardPage(WizardContext* context, QWidget* parent = nullptr);

    static QStringList ids();

    void retranslate() override;
    void initializePage() override;
    bool validatePage() override;
    void cleanupPage() override;
    void cancel() override;

protected:
    bool ready() const override;

private:
    bool canCheck() const;
    void check();
    void inputChanged();
    QString jiraKey() const;
    void onChecked(const Report& report);

    QLineEdit* m_site;
    QLineEdit* m_email;
    QLineEdit* m_token;
    QLabel* m_link;
    QPushButton* m_check;
    FindingList* m_list;
    QCheckBox* m_skip;
    QCheckBox* m_remember;
    QLabel* m_siteLabel;
    QLabel* m_emailLabel;
    QLabel* m_tokenLabel;
    CheckRunner m_runner;
};

} // namespace gjd::wizard
