// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "checkrunner.h"
#include "credentials/credentialstore.h"
#include "gitlabversion.h"
#include "setup/methodadvice.h"
#include "setup/setupjob.h"

#include <QPointer>
#include <QWizard>

#include <optional>

namespace gjd {

// The setup wizard (product.md, pages 1–8). Every page checks what it can before Next is
// enabled and says what is wrong inline; every write to GitLab is previewed, idempotent and read
// back. All logic is the core's: CheckRunner for the checks, SetupJob for the OAuth application
// and the settings, MethodAdvice for the decision between a new install and moving a legacy one,
// RailsSnippet for the console checks.
//
// Async pages follow the wizard contract: validatePage() starts the job and returns false,
// isComplete() is false while it runs (a busy bar shows), and the page moves on by itself when
// the job succeeds. Cancel stops whatever runs.
//
// State that is not secret (URLs, method, Jira site and email, the page reached) is kept in
// QSettings under "wizard/"; tokens go to the CredentialStore only when the admin ticks
// "Remember", never anywhere else.
//
// Object names for tests: the pages are "instancePage", "methodPage", "prerequisitesPage",
// "oauthPage", "settingsPage", "jiraPage", "installPage", "verifyPage"; fields are named on each
// page (see setupwizard.cpp).
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
    void addResolveOverride(const ResolveOverride& override) { m_resolve.append(override); }

    // Shared state of the pages.
    // URL, public URL, CA file, address, method, trust store. A CA file or an address that cannot
    // be used is left out and said in *error (translated).
    RunOptions runOptions(QString* error = nullptr) const;
    Credentials credentials() const;
    Method method() const; // always Marketplace: new installs, and legacy ones being moved
    bool movingLegacy() const;
    bool removeOldApplication() const; // moving, and the admin consented
    const DetectedInstall& detectedInstall() const { return m_detected; }
    void setDetectedInstall(const DetectedInstall& detected) { m_detected = detected; }
    std::optional<GitLabVersion> version() const { return m_version; }
    void setVersion(const std::optional<GitLabVersion>& version) { m_version = version; }
    SetupJob& setupJob() { return m_job; }
    CredentialStore* store() const { return m_store; }
    void saveState() const;
    void cancelJobs();

signals:
    // The Verify page's "Open in the diagnostics pane".
    void openDiagnostics(const QString& url);

protected:
    void done(int result) override;
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    QPointer<CredentialStore> m_store;
    SetupJob m_job;
    std::optional<GitLabVersion> m_version;
    DetectedInstall m_detected;
    QList<QSslCertificate> m_trustStore;
    QString m_trustStoreSource;
    QList<ResolveOverride> m_resolve;
};

} // namespace gjd
