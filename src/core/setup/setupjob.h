// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "runcontext.h"
#include "setupplan.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <vector>

class QTimer;

namespace gjd {

class Probe;

struct SetupOptions
{
    RunOptions run; // url, publicUrl, method (marketplace|manual|proxy), resolve, CAs, probeTimeoutMs, now
    QString applicationName = setup::defaultApplicationName();
    bool replaceMisconfigured = false;
    bool removeOldApplication = false; // Marketplace: delete the legacy applications (consent)
};

// One write to GitLab, done or failed.
struct SetupStep
{
    QString id; // "delete_application" | "create_application" | "update_settings" | "retire_application"
    bool ok = false;
    QString text;   // translated: what was done (or tried)
    QString error;  // translated, when !ok
    QString remedy; // translated, when !ok
    int status = 0; // GitLab's HTTP status; 0 without an answer

    QJsonObject toJson() const;
};

struct SetupResult
{
    enum class Outcome
    {
        Verified,           // applied (or nothing to apply) and read back as planned
        VerificationFailed, // applied, but GitLab reads back something else
        Blocked,            // the plan cannot be applied (not admin, misconfigured application…)
        ReadFailed,         // GitLab could not be read: no plan
        ApplyFailed,        // a write failed; `steps` says what was applied before
        Cancelled
    };

    Outcome outcome = Outcome::ReadFailed;
    bool hasPlan = false;
    SetupPlan plan;
    QList<SetupStep> steps;
    QList<VerifyItem> verification;
    QString applicationUid; // the Application ID in use (reused or created); never the secret
    QString error;          // translated, for every outcome but Verified
    QString remedy;

    bool ok() const { return outcome == Outcome::Verified; }
    QJsonObject toJson() const;
    static QString outcomeId(Outcome outcome);
};

// Sets up the GitLab side of the GitLab for Jira Cloud app through GitLab's API, as a job-like
// QObject shared by `configure` and the wizard:
//
//   start(options, credentials)
//     └─ read (concurrently): version, user, token scopes, application settings, applications
//          ├─ unreadable ──────────────────────────────────────────► finished(ReadFailed)
//          └─ SetupPlan::make ──► planned(plan)      (nothing written so far)
//   apply()
//     ├─ plan blocked ─────────────────────────────────────────────► finished(Blocked)
//     ├─ DELETE the misconfigured application (--replace-misconfigured only)
//     ├─ POST /applications when no correct one exists (the secret in the answer is dropped at once)
//     ├─ PUT /application/settings with only the values that differ
//     ├─ DELETE the legacy applications (--remove-old-application only), never before the
//     │    settings point at the new one
//     │    (any write failing ─────────────────────────────────────► finished(ApplyFailed))
//     └─ read back ──► verifySetup ────────────────────────────────► finished(Verified | VerificationFailed)
//   cancel(): aborts the request in flight ────────────────────────► finished(Cancelled)
//
// Each request has the per-probe timeout of the options. A failure between two writes leaves the
// earlier ones in place and says so; running the job again reuses what they made (the plan
// reuses a correct application the key does not point at yet), so no second application appears.
class SetupJob : public QObject
{
    Q_OBJECT

public:
    explicit SetupJob(QObject* parent = nullptr);
    ~SetupJob() override;

    // Starts reading; false (nothing started) when a job is running or the options are not
    // usable (invalid URL, method not one of marketplace/manual/proxy).
    bool start(const SetupOptions& options, const Credentials& credentials);
    // After planned(): applies the plan. No-op in any other state.
    void apply();
    // After planned(): only the application steps (delete the misconfigured one, create), then
    // applicationReady() and back to planned; apply() later does the settings and the read-back.
    // A blocked plan or a failed step ends the job (finished()) as apply() would.
    void applyApplication();
    void cancel();
    bool isRunning() const { return m_phase != Phase::Idle; }
    const SetupPlan& plan() const { return m_result.plan; }

signals:
    void planned(const gjd::SetupPlan& plan);
    void applicationReady(const QString& applicationUid);
    void stepFinished(const gjd::SetupStep& step);
    void finished(const gjd::SetupResult& result);

private:
    enum class Phase
    {
        Idle,
        Reading,
        Planned,
        Applying,
        Verifying
    };

    struct Running
    {
        std::unique_ptr<Probe> probe;
        std::unique_ptr<QTimer> timer;
    };

    void runProbes(std::vector<std::unique_ptr<Probe>> probes, std::function<void()> then);
    void onProbeDone();
    std::vector<std::unique_ptr<Probe>> readProbes();
    std::unique_ptr<Probe> writeProbe(const QString& id, const QByteArray& method, const QString& path,
                                      const QByteArray& jsonBody);
    void onRead();
    void nextStep();
    // DELETE /applications/<id> as the step `stepId`; `deleted` records it before the next step.
    void deleteApplication(const OAuthApplication& app, const QString& stepId, const QString& text,
                           const std::function<void()>& deleted);
    void createApplication();
    void updateSettings();
    void verify();
    void onVerifyRead();
    void fail(const SetupStep& step);
    void finish(SetupResult::Outcome outcome);

    Phase m_phase = Phase::Idle;
    RunContext m_ctx;
    SetupInput m_input;
    SetupResult m_result;
    std::vector<Running> m_running;
    std::function<void()> m_then;
    bool m_deleted = false;
    bool m_created = false;
    int m_retired = 0; // legacy applications deleted so far (plan.retire, in order)
    bool m_applicationOnly = false;
};

} // namespace gjd
