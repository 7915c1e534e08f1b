// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "checkrunner.h"
#include "connectioninput.h"
#include "credentials/credentialstore.h"
#include "gitlabversion.h"
#include "setup/methodadvice.h"
#include "setup/setupjob.h"

#include <QObject>
#include <QPointer>

#include <optional>

namespace gjd::wizard {

// What the pages of the setup wizard share, in one place instead of QWizard fields, so that every
// page can be built and tested alone with a context of its own (tests/gui/tst_wizardpages.cpp).
// A page reads what the pages before it decided and writes what it decides; nothing else.
//
// Tokens live here in memory only. They reach the CredentialStore when the admin ticks
// "Remember", and never QSettings, logs or the clipboard. The proxy password
// (connection.proxyPassword) lives here in memory only and is never saved anywhere. save() and
// load() keep the rest under "wizard/" in QSettings, the proxy without its login under
// "connection/" (uisettings::setProxyFields, shared with the pane).
class WizardContext final : public QObject
{
    Q_OBJECT

public:
    explicit WizardContext(CredentialStore* store, QObject* parent = nullptr);

    // Page 1: how to reach the instance (URL, public URL, CA file, address, proxy, as typed), the
    // token.
    ConnectionInput connection;
    QByteArray gitlabToken;
    bool rememberToken = false;
    // Page 1's findings: the version and the install type.
    std::optional<GitLabVersion> version;
    DetectedInstall detected;
    // Page 2: a legacy install is moved (else a new install); the admin's consent to delete the
    // legacy applications.
    bool movingLegacy = false;
    bool removeOldApplication = false;
    // Page 4 and 5: what was written (for the closing summary).
    QString applicationUid;
    bool applicationCreated = false;
    bool settingsApplied = false;
    // Page 6: the Jira user (site and email are in `connection`).
    QByteArray jiraToken;
    bool rememberJiraToken = false;
    bool jiraChecked = false; // false: skipped
    // What "publicly trusted" is measured against (empty: the system store) and the --resolve
    // overrides of the embedding program (tests); page 1's address comes on top.
    QList<QSslCertificate> trustStore;
    QString trustStoreSource;
    QList<ResolveOverride> resolve;

    CredentialStore* store() const { return m_store; }
    SetupJob& job() { return m_job; }

    // The run options from `connection`, the trust store and the overrides; nullopt with *error
    // (translated, naming the field) when a field cannot be used.
    std::optional<RunOptions> runOptions(QString* error = nullptr) const;
    Credentials credentials() const;
    // Reads GitLab and plans the setup (SetupJob::start) for the Marketplace app; a job still
    // running is cancelled first, and the new one starts once it has ended. False (and *error,
    // translated) when the options cannot be used or the job does not start.
    bool startPlan(bool replaceMisconfigured, QString* error);
    // The instance URL as normalised (https, no trailing slash); empty when not valid.
    QString instanceUrl() const;

    void load();
    void save() const;

    // Stops every job of every page (the wizard's Cancel, closing the window).
    void cancelAll();

signals:
    void cancelRequested();
    // "Open in the diagnostics pane" on page 1 or 8: the results so far, and the tokens (memory only).
    void openDiagnostics(const gjd::ConnectionInput& input, const gjd::Report& report,
                         const gjd::Credentials& credentials,
                         const QList<gjd::CheckRunner::ProbeTiming>& timings);

private:
    QPointer<CredentialStore> m_store;
    SetupJob m_job;
};

} // namespace gjd::wizard
