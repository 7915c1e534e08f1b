// SPDX-License-Identifier: GPL-3.0-or-later
#include "setupjob.h"

#include "clock.h"
#include "probes/httpprobe.h"
#include "probes/probecatalogue.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QTimer>

#include <algorithm>
#include <utility>

namespace gjd {

Q_LOGGING_CATEGORY(lcSetup, "gjd.setup", QtInfoMsg)

namespace {

const QString kDeleteProbe = QStringLiteral("setup.delete_application");
const QString kCreateProbe = QStringLiteral("setup.create_application");
const QString kSettingsProbe = QStringLiteral("setup.update_settings");

class SetupMessages
{
    Q_DECLARE_TR_FUNCTIONS(gjd::SetupJob)

public:
    // Text from a server, made safe for one line of a terminal or a label.
    static QString serverText(const QString& text)
    {
        QString out = text;
        out.replace(QRegularExpression(QStringLiteral("[\\x00-\\x1f\\x7f]+")), QStringLiteral(" "));
        out = out.simplified();
        return out.size() > 300 ? out.left(300) + QStringLiteral("…") : out;
    }

    // GitLab's error JSON as one line: {"message": {"key": ["…"]}}, {"message": "…"}, {"error": "…"}.
    static QString gitlabMessage(const QByteArray& body)
    {
        const QJsonObject json = QJsonDocument::fromJson(body).object();
        const QJsonValue message = json.value(QStringLiteral("message"));
        if (message.isObject()) {
            QStringList parts;
            const QJsonObject fields = message.toObject();
            for (auto it = fields.begin(); it != fields.end(); ++it) {
                QStringList texts;
                const QJsonArray list = it.value().toArray();
                for (const QJsonValue& v : list)
                    texts.append(v.toString());
                if (texts.isEmpty() && it.value().isString())
                    texts.append(it.value().toString());
                parts.append(it.key() + QLatin1Char(' ') + texts.join(QLatin1String(", ")));
            }
            return serverText(parts.join(QLatin1String("; ")));
        }
        if (message.isString())
            return serverText(message.toString());
        if (json.value(QStringLiteral("error")).isString())
            return serverText(json.value(QStringLiteral("error")).toString());
        return QString();
    }

    // A failed write as a precise line and what to do about it.
    static void describe(const HttpResponse& r, const QString& what, const RunContext& ctx, SetupStep* step)
    {
        step->status = r.status;
        const QString reason = QString::fromLatin1(r.reason).trimmed();
        const QString status = QStringLiteral("%1 %2").arg(r.status).arg(reason).trimmed();
        const QString message = gitlabMessage(r.body);
        if (!r.hasAnswer() || !r.errorCode.isEmpty()) {
            step->error = tr("%1: no complete answer from GitLab (%2).").arg(what, r.error);
            step->remedy =
                tr("Check that %1 reaches GitLab's API, then run the setup again: what was already "
                   "done is found and reused.")
                    .arg(ctx.url.toString());
            return;
        }
        switch (r.status) {
        case 400:
            step->error = message.isEmpty() ? tr("GitLab rejected %1 (%2).").arg(what, status)
                                            : tr("GitLab rejected %1 (%2): %3").arg(what, status, message);
            step->remedy = tr("Correct what GitLab names above (a URL GitLab blocks as local or private is "
                              "refused), then run the setup again.");
            return;
        case 401:
            step->error = tr("GitLab refused the token while %1 (401 Unauthorized): it is wrong, expired or "
                             "revoked.")
                              .arg(what);
            step->remedy = tr("Create a personal access token of an administrator with the scope api (and "
                              "admin_mode when Admin Mode is on) and run the setup again.");
            return;
        case 403:
            step->error =
                tr("GitLab forbade %1 (403 Forbidden): the token's user is not an administrator, or "
                   "Admin Mode is on and the token lacks the admin_mode scope.")
                    .arg(what);
            step->remedy = tr("Use an administrator's token with the scopes api and admin_mode.");
            return;
        case 404:
            step->error =
                tr("GitLab answered %1 to %2: this version lacks the API it needs.").arg(status, what);
            step->remedy = tr("Upgrade GitLab, or make the change by hand in the Admin area.");
            return;
        default:
            break;
        }
        if (r.status >= 500) {
            step->error = message.isEmpty()
                              ? tr("GitLab failed while %1 (%2).").arg(what, status)
                              : tr("GitLab failed while %1 (%2): %3").arg(what, status, message);
            step->remedy =
                tr("GitLab's logs (production_json.log, exceptions_json.log) say why. Run the setup "
                   "again when it is fixed: what was already done is found and reused.");
            return;
        }
        step->error = tr("GitLab answered %1 while %2.").arg(status, what);
        step->remedy = tr("Run the setup again; if it persists, make the change by hand in the Admin area.");
    }
};

QString jsonText(const QJsonValue& v)
{
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (v.isString())
        return QStringLiteral("\"%1\"").arg(v.toString());
    return QStringLiteral("null");
}

} // namespace

QJsonObject SetupStep::toJson() const
{
    QJsonObject out{{QStringLiteral("id"), id}, {QStringLiteral("ok"), ok}, {QStringLiteral("text"), text}};
    if (!ok) {
        out.insert(QStringLiteral("error"), error);
        out.insert(QStringLiteral("remedy"), remedy);
    }
    if (status > 0)
        out.insert(QStringLiteral("status"), status);
    return out;
}

QString SetupResult::outcomeId(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Verified:
        return QStringLiteral("verified");
    case Outcome::VerificationFailed:
        return QStringLiteral("verification-failed");
    case Outcome::Blocked:
        return QStringLiteral("blocked");
    case Outcome::ReadFailed:
        return QStringLiteral("read-failed");
    case Outcome::ApplyFailed:
        return QStringLiteral("apply-failed");
    case Outcome::Cancelled:
        return QStringLiteral("cancelled");
    }
    return QString();
}

QJsonObject SetupResult::toJson() const
{
    QJsonObject out{{QStringLiteral("outcome"), outcomeId(outcome)}};
    if (hasPlan)
        out.insert(QStringLiteral("plan"), plan.toJson());
    QJsonArray stepsJson;
    for (const SetupStep& s : steps)
        stepsJson.append(s.toJson());
    out.insert(QStringLiteral("steps"), stepsJson);
    QJsonArray verifyJson;
    for (const VerifyItem& v : verification)
        verifyJson.append(QJsonObject{{QStringLiteral("key"), v.key},
                                      {QStringLiteral("ok"), v.ok},
                                      {QStringLiteral("expected"), v.expected},
                                      {QStringLiteral("actual"), v.actual},
                                      {QStringLiteral("text"), v.text}});
    out.insert(QStringLiteral("verification"), verifyJson);
    out.insert(QStringLiteral("application_id"),
               applicationUid.isEmpty() ? QJsonValue() : QJsonValue(applicationUid));
    if (!error.isEmpty()) {
        out.insert(QStringLiteral("error"), error);
        out.insert(QStringLiteral("remedy"), remedy);
    }
    return out;
}

// ---------------------------------------------------------------------------------------------

SetupJob::SetupJob(QObject* parent)
    : QObject(parent)
{
}

SetupJob::~SetupJob()
{
    for (Running& r : m_running) {
        if (r.probe)
            r.probe->disconnect(this);
    }
}

bool SetupJob::start(const SetupOptions& options, const Credentials& credentials)
{
    if (m_phase != Phase::Idle)
        return false;
    const auto method = methodFromId(options.run.method);
    const InstanceUrl url = InstanceUrl::parse(options.run.url);
    if (!method || !url.isValid())
        return false;
    m_ctx = RunContext{};
    m_ctx.options = options.run;
    m_ctx.credentials = credentials;
    m_ctx.now = options.run.now.isValid() ? options.run.now.toUTC() : Clock::nowUtc();
    m_ctx.url = url;
    if (!options.run.publicUrl.isEmpty())
        m_ctx.publicUrl = InstanceUrl::parse(options.run.publicUrl);
    m_ctx.method = *method;
    m_ctx.methodSource = QStringLiteral("given");
    m_ctx.methodResolved = true;

    m_input = SetupInput{};
    m_input.method = *method;
    m_input.url = url;
    m_input.publicUrl = m_ctx.publicUrl;
    m_input.applicationName = options.applicationName;
    m_input.replaceMisconfigured = options.replaceMisconfigured;
    m_input.removeOldApplication = options.removeOldApplication;
    m_input.now = m_ctx.now;

    m_result = SetupResult{};
    m_deleted = false;
    m_created = false;
    m_retired = 0;
    m_applicationOnly = false;
    m_phase = Phase::Reading;
    runProbes(readProbes(), [this] { onRead(); });
    return true;
}

std::vector<std::unique_ptr<Probe>> SetupJob::readProbes()
{
    std::vector<std::unique_ptr<Probe>> probes;
    for (const QString& id :
         {probe::apiVersion, probe::apiUser, probe::apiToken, probe::apiSettings, probe::apiApplications}) {
        m_ctx.http.remove(id);
        probes.push_back(findProbe(id)->create(m_ctx));
    }
    return probes;
}

std::unique_ptr<Probe> SetupJob::writeProbe(const QString& id, const QByteArray& method, const QString& path,
                                            const QByteArray& jsonBody)
{
    m_ctx.http.remove(id);
    return std::make_unique<HttpProbe>(m_ctx, id, [=](const RunContext& ctx) -> std::optional<HttpRequest> {
        HttpRequest r = gitlabApiRequest(ctx, method, path);
        if (!jsonBody.isEmpty()) {
            r.headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
            r.body = jsonBody;
        }
        return r;
    });
}

void SetupJob::runProbes(std::vector<std::unique_ptr<Probe>> probes, std::function<void()> then)
{
    m_then = std::move(then);
    const int timeoutMs = std::max(100, m_ctx.options.probeTimeoutMs);
    for (auto& p : probes) {
        Running r;
        r.probe = std::move(p);
        r.timer = std::make_unique<QTimer>();
        r.timer->setSingleShot(true);
        Probe* probe = r.probe.get();
        connect(r.timer.get(), &QTimer::timeout, this,
                [probe, timeoutMs] { probe->abort(Probe::AbortReason::Timeout, timeoutMs); });
        connect(probe, &Probe::finished, this, &SetupJob::onProbeDone, Qt::QueuedConnection);
        m_running.push_back(std::move(r));
    }
    // Queued: a probe that finishes inside start() (or an abort) never re-enters this loop.
    for (Running& r : m_running) {
        r.timer->start(timeoutMs);
        r.probe->start();
    }
}

void SetupJob::onProbeDone()
{
    for (const Running& r : m_running) {
        if (!r.probe->isFinished())
            return;
    }
    for (Running& r : m_running) {
        r.timer->stop();
        r.probe->disconnect(this);
        r.probe.release()->deleteLater();
        r.timer.release()->deleteLater();
    }
    m_running.clear();
    if (auto then = std::exchange(m_then, nullptr))
        then();
}

void SetupJob::cancel()
{
    if (m_phase == Phase::Idle)
        return;
    if (m_phase == Phase::Planned) {
        finish(SetupResult::Outcome::Cancelled);
        return;
    }
    m_then = [this] {
        finish(SetupResult::Outcome::Cancelled);
    };
    for (Running& r : m_running)
        r.probe->abort(Probe::AbortReason::Cancelled, 0);
}

void SetupJob::onRead()
{
    QString error;
    QString remedy;
    const auto state = GitLabState::fromContext(m_ctx, &error, &remedy);
    if (!state) {
        m_result.error = error;
        m_result.remedy = remedy;
        finish(SetupResult::Outcome::ReadFailed);
        return;
    }
    m_result.plan = SetupPlan::make(m_input, *state);
    m_result.hasPlan = true;
    if (m_result.plan.reuse)
        m_result.applicationUid = m_result.plan.reuse->uid;
    m_phase = Phase::Planned;
    emit planned(m_result.plan);
}

void SetupJob::applyApplication()
{
    if (m_phase != Phase::Planned)
        return;
    m_applicationOnly = true;
    apply();
}

void SetupJob::apply()
{
    if (m_phase != Phase::Planned)
        return;
    const SetupPlan& plan = m_result.plan;
    if (plan.isBlocked()) {
        QStringList why = plan.blockers;
        if (plan.applicationAction == SetupPlan::ApplicationAction::Blocked && plan.misconfigured)
            why.append(tr("The OAuth application \"%1\" that %2 points at is misconfigured: %3.")
                           .arg(plan.misconfigured->name, setup::applicationKey,
                                plan.misconfiguredProblems.join(QLatin1String("; "))));
        m_result.error = why.join(QLatin1Char(' '));
        if (plan.misconfigured)
            m_result.remedy =
                tr("Nothing was changed. Fix the application at %1 (clear Confidential and Trusted, redirect "
                   "URI "
                   "%2, scope api only), or delete it there, or let the setup delete and recreate it "
                   "(--replace-misconfigured).")
                    .arg(setup::applicationAdminUrl(m_input.url, plan.misconfigured->id),
                         plan.application.redirectUri);
        else
            m_result.remedy = tr("Nothing was changed.");
        finish(SetupResult::Outcome::Blocked);
        return;
    }
    m_phase = Phase::Applying;
    nextStep();
}

void SetupJob::nextStep()
{
    const SetupPlan& plan = m_result.plan;
    if (plan.remove && !m_deleted) {
        deleteApplication(*plan.remove, QStringLiteral("delete_application"),
                          tr("Delete the misconfigured OAuth application \"%1\" (id %2)")
                              .arg(plan.remove->name)
                              .arg(plan.remove->id),
                          [this] { m_deleted = true; });
        return;
    }
    if (plan.applicationAction == SetupPlan::ApplicationAction::Create && !m_created) {
        createApplication();
        return;
    }
    if (m_applicationOnly) {
        // The wizard's OAuth page: the application exists now; the settings wait for apply().
        m_applicationOnly = false;
        m_phase = Phase::Planned;
        emit applicationReady(m_result.applicationUid);
        return;
    }
    bool settingsDone = false;
    for (const SetupStep& s : std::as_const(m_result.steps))
        settingsDone = settingsDone || s.id == QLatin1String("update_settings");
    if (!settingsDone && !plan.changedSettings().isEmpty()) {
        updateSettings();
        return;
    }
    if (m_retired < plan.retire.size()) {
        const OAuthApplication& old = plan.retire.at(m_retired);
        deleteApplication(old, QStringLiteral("retire_application"),
                          tr("Delete the legacy OAuth application \"%1\" (id %2)").arg(old.name).arg(old.id),
                          [this] { ++m_retired; });
        return;
    }
    verify();
}

void SetupJob::deleteApplication(const OAuthApplication& app, const QString& stepId, const QString& text,
                                 const std::function<void()>& deleted)
{
    std::vector<std::unique_ptr<Probe>> probes;
    probes.push_back(
        writeProbe(kDeleteProbe, "DELETE", QStringLiteral("/api/v4/applications/%1").arg(app.id), {}));
    runProbes(std::move(probes), [this, app, stepId, text, deleted] {
        const HttpResponse* r = m_ctx.httpResult(kDeleteProbe);
        SetupStep step;
        step.id = stepId;
        step.text = text;
        // 404: already gone (a previous run deleted it before failing): the goal is reached.
        if (r && r->errorCode.isEmpty() && (r->status == 204 || r->status == 200 || r->status == 404)) {
            step.ok = true;
            step.status = r->status;
            deleted();
            m_result.steps.append(step);
            emit stepFinished(step);
            nextStep();
            return;
        }
        if (r)
            SetupMessages::describe(*r, tr("deleting the application \"%1\"").arg(app.name), m_ctx, &step);
        fail(step);
    });
}

void SetupJob::createApplication()
{
    const DesiredApplication& want = m_result.plan.application;
    const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("name"), want.name},
                                                      {QStringLiteral("redirect_uri"), want.redirectUri},
                                                      {QStringLiteral("scopes"), want.scopes},
                                                      {QStringLiteral("confidential"), want.confidential}})
                                .toJson(QJsonDocument::Compact);
    std::vector<std::unique_ptr<Probe>> probes;
    probes.push_back(writeProbe(kCreateProbe, "POST", QStringLiteral("/api/v4/applications"), body));
    runProbes(std::move(probes), [this] {
        const auto pages = m_ctx.http.find(kCreateProbe);
        SetupStep step;
        step.id = QStringLiteral("create_application");
        const DesiredApplication& wanted = m_result.plan.application;
        step.text = tr("Create the OAuth application \"%1\"").arg(wanted.name);
        if (pages == m_ctx.http.end() || pages->isEmpty()) {
            step.error = tr("The request to create the application was not sent.");
            fail(step);
            return;
        }
        HttpResponse& r = pages->last();
        QString uid;
        qint64 id = 0;
        if (r.errorCode.isEmpty() && (r.status == 201 || r.status == 200)) {
            const QJsonObject json = QJsonDocument::fromJson(r.body).object();
            uid = json.value(QStringLiteral("application_id")).toString();
            id = json.value(QStringLiteral("id")).toInteger();
        }
        // The answer carries the application's secret, which the Jira app does not use (PKCE):
        // forget it before anything else can see it.
        r.body.fill('\0');
        r.body.clear();
        r.transcript.clear();
        if (!uid.isEmpty()) {
            step.ok = true;
            step.status = r.status;
            step.text = tr("Created the OAuth application \"%1\" (id %2, Application ID %3)")
                            .arg(wanted.name)
                            .arg(id)
                            .arg(uid);
            m_created = true;
            m_result.applicationUid = uid;
            m_result.steps.append(step);
            emit stepFinished(step);
            nextStep();
            return;
        }
        SetupMessages::describe(r, tr("creating the OAuth application"), m_ctx, &step);
        // Without an answer, or with a gateway's 5xx, GitLab may well have created it.
        if (!r.hasAnswer() || !r.errorCode.isEmpty() || r.status >= 500)
            step.error += QLatin1Char(' ') + tr("GitLab may have created the application anyway; running the "
                                                "setup again reuses it instead of creating another.");
        else if (r.status == 200 || r.status == 201)
            step.error = tr("GitLab answered %1 but named no Application ID.").arg(r.status);
        fail(step);
    });
}

void SetupJob::updateSettings()
{
    QJsonObject values;
    for (const SettingChange& s : m_result.plan.changedSettings())
        values.insert(s.key, s.fromNewApplication || s.key == setup::applicationKey
                                 ? QJsonValue(m_result.applicationUid)
                                 : s.planned);
    std::vector<std::unique_ptr<Probe>> probes;
    probes.push_back(writeProbe(kSettingsProbe, "PUT", QStringLiteral("/api/v4/application/settings"),
                                QJsonDocument(values).toJson(QJsonDocument::Compact)));
    runProbes(std::move(probes), [this, values] {
        const HttpResponse* r = m_ctx.httpResult(kSettingsProbe);
        SetupStep step;
        step.id = QStringLiteral("update_settings");
        QStringList shown;
        for (auto it = values.begin(); it != values.end(); ++it)
            shown.append(it.key() + QStringLiteral(" = ") + jsonText(it.value()));
        step.text = tr("Update the settings: %1").arg(shown.join(QLatin1String(", ")));
        if (r && r->errorCode.isEmpty() && r->status == 200) {
            step.ok = true;
            step.status = r->status;
            m_result.steps.append(step);
            emit stepFinished(step);
            nextStep();
            return;
        }
        if (r)
            SetupMessages::describe(*r, tr("updating the application settings"), m_ctx, &step);
        fail(step);
    });
}

void SetupJob::verify()
{
    m_phase = Phase::Verifying;
    runProbes(readProbes(), [this] { onVerifyRead(); });
}

void SetupJob::onVerifyRead()
{
    QString error;
    QString remedy;
    const auto state = GitLabState::fromContext(m_ctx, &error, &remedy);
    if (!state) {
        m_result.error = tr("The settings could not be read back: %1").arg(error);
        m_result.remedy = remedy;
        finish(SetupResult::Outcome::VerificationFailed);
        return;
    }
    m_result.verification = verifySetup(m_result.plan, m_result.applicationUid, *state);
    const bool ok = std::all_of(m_result.verification.cbegin(), m_result.verification.cend(),
                                [](const VerifyItem& v) { return v.ok; });
    if (!ok) {
        m_result.error = tr("GitLab reads back other values than the setup wrote.");
        m_result.remedy = tr("Another admin or an automation may have changed them at the same time; run the "
                             "setup again, and check Admin → Settings → General → GitLab for Jira App.");
    }
    finish(ok ? SetupResult::Outcome::Verified : SetupResult::Outcome::VerificationFailed);
}

void SetupJob::fail(const SetupStep& step)
{
    m_result.steps.append(step);
    emit stepFinished(step);
    m_result.error = step.error;
    m_result.remedy = step.remedy;
    qCDebug(lcSetup) << "setup step" << step.id << "failed with status" << step.status;
    finish(SetupResult::Outcome::ApplyFailed);
}

void SetupJob::finish(SetupResult::Outcome outcome)
{
    m_result.outcome = outcome;
    if (outcome == SetupResult::Outcome::Cancelled && m_result.error.isEmpty()) {
        m_result.error = tr("Cancelled.");
        QStringList done;
        for (const SetupStep& s : std::as_const(m_result.steps)) {
            if (s.ok)
                done.append(s.text);
        }
        m_result.remedy = done.isEmpty() ? tr("Nothing was changed.")
                                         : tr("Already done: %1.").arg(done.join(QLatin1String("; ")));
    }
    m_phase = Phase::Idle;
    m_ctx.credentials = Credentials{};
    emit finished(m_result);
}

} // namespace gjd
