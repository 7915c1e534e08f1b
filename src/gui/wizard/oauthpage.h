// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "asyncpage.h"

#include <optional>

class QCheckBox;
class QGroupBox;

namespace gjd::wizard {

// 4. OAuth application: the plan (reuse a correct application, create one, or refuse a
// misconfigured one), then "Create application" writes it. Next is enabled only once an
// application is ready and never writes. The manual steps come with copies of every value.
//
// Object names: "oauthPage", "applicationPlan", "replaceMisconfigured", "createApplicationButton",
// "checkAgainButton", "applicationName", "redirectUri", "scopes" (each with "…Copy"), "message".
class OAuthWizardPage final : public AsyncPage
{
    Q_OBJECT

public:
    explicit OAuthWizardPage(WizardContext* context, QWidget* parent = nullptr);

    void retranslate() override;
    void initializePage() override;
    void cancel() override;

protected:
    bool ready() const override { return m_applicationReady; }

private:
    void plan();
    void create();
    void onPlanned(const SetupPlan& plan);
    // The plan's texts (what is created, reused, deleted; what blocks it).
    void renderPlan(const SetupPlan& plan);
    void onReady(const QString& uid);
    void onFinished(const SetupResult& result);
    void updateCreateButton();

    QLabel* m_plan;
    QCheckBox* m_replace;
    WriteButton* m_create;
    QPushButton* m_again;
    QGroupBox* m_manualBox;
    QLabel* m_nameLabel;
    QLabel* m_redirectLabel;
    QLabel* m_scopesLabel;
    QLabel* m_manualText;
    QLineEdit* m_name = nullptr;
    QLineEdit* m_redirect = nullptr;
    QLineEdit* m_scopes = nullptr;
    bool m_planned = false;
    bool m_blocked = false;
    bool m_removes = false; // the plan deletes the misconfigured application first
    bool m_applicationReady = false;
    std::optional<SetupPlan> m_lastPlan;
};

} // namespace gjd::wizard
