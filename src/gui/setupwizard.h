// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "checkrunner.h"
#include "connectioninput.h"
#include "credentials/credentialstore.h"

#include <QElapsedTimer>
#include <QWizard>

namespace gjd {

namespace wizard {
class StepIndicator;
class WizardContext;
} // namespace wizard

// The setup wizard (product.md, pages 1–8), one page per file under src/gui/wizard/. Every page
// checks what it can and says what is wrong inline; every write to GitLab has its own button with
// a verb ("Create application", "Apply settings"), enabled only while the page shows the plan,
// and is read back. Next never writes. All logic is the core's: CheckRunner for the checks,
// SetupJob for the OAuth application and the settings, MethodAdvice for the decision between a
// new install and moving a legacy one, RailsSnippet for the console checks.
//
// The pages share a WizardContext (wizard/wizardcontext.h), not QWizard fields, so each page can
// be built and tested alone. Each page handles its own language change and cancellation.
//
// Object names for tests: the pages are "instancePage", "methodPage", "prerequisitesPage",
// "oauthPage", "settingsPage", "jiraPage", "installPage", "verifyPage" (their fields are listed
// in their headers); "stepIndicator" beside them.
class SetupWizard final : public QWizard
{
    Q_OBJECT

public:
    enum PageId
    {
        InstancePage,
        MethodPage,
        PrerequisitesPage,
        OAuthPage,
        SettingsPage,
        JiraPage,
        InstallPage,
        VerifyPage
    };
    Q_ENUM(PageId)

    // `store` keeps the tokens the admin asks to remember (not owned; may be null: nothing is
    // remembered).
    explicit SetupWizard(CredentialStore* store, QWidget* parent = nullptr);
    ~SetupWizard() override;

    // What "publicly trusted" is measured against (default: the system store).
    void setPublicTrustStore(const QList<QSslCertificate>& certificates, const QString& source);
    // Like the CLI's --resolve: connect to these addresses for their host and port (on top of
    // the first page's "Connect to address", which covers the instance's host).
    void addResolveOverride(const ResolveOverride& override);

    wizard::WizardContext* context() const { return m_context; }
    void cancelJobs();
    // Focus for someone arriving: the first page's URL field (or token field).
    void focusFirstField();
    // True for a double-click interval after a page appeared: clicks on Next, Back and Finish are
    // ignored then, so the rest of a double or triple click does not skip the page just shown.
    bool isSettling() const;

signals:
    // "Open in the diagnostics pane" (first or last page): what the form holds, the results so
    // far and the tokens, in memory only.
    void openResults(const gjd::ConnectionInput& input, const gjd::Report& report,
                     const gjd::Credentials& credentials,
                     const QList<gjd::CheckRunner::ProbeTiming>& timings);
    // The same, with the URL only (kept for the start page's history).
    void openDiagnostics(const QString& url);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void done(int result) override;
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void guardBack();

    wizard::WizardContext* m_context;
    wizard::StepIndicator* m_steps;
    QElapsedTimer m_pageShown;
};

} // namespace gjd
