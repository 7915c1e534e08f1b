// SPDX-License-Identifier: GPL-3.0-or-later
#include "fleetrun.h"

#include "clicommon.h"
#include "credentials/keychaincredentialstore.h"
#include "export/exportbundle.h"
#include "fleet/fleetformatter.h"
#include "fleet/openfiles.h"
#include "instanceurl.h"
#include "openmetricsformatter.h"
#include "progressline.h"
#include "safefile.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>

#include <algorithm>

namespace gjd::cli {

FleetRun::FleetRun(QCoreApplication& app)
    : m_app(app)
{
    connect(&m_runner, &FleetRunner::instanceFinished, this, &FleetRun::onInstanceFinished);
    connect(&m_runner, &FleetRunner::finished, this, &FleetRun::onFinished);
}

QStringList FleetRun::formats()
{
    return {QStringLiteral("text"), QStringLiteral("json"), QStringLiteral("junit"),
            QStringLiteral("openmetrics")};
}

int FleetRun::exitCode(const FleetReport& report, bool strict)
{
    const FleetReport::FleetSummary s = report.summary();
    if (s.incomplete > 0)
        return ExitInternal;
    if (s.badLines > 0)
        return ExitUsage;
    if (s.fail > 0 || (strict && s.warn > 0))
        return ExitFindings;
    return ExitOk;
}

QByteArray FleetRun::render(const FleetReport& report, const QString& format, bool color)
{
    if (format == QLatin1String("json"))
        return QJsonDocument(report.toJson()).toJson(QJsonDocument::Indented);
    if (format == QLatin1String("junit"))
        return FleetFormatter::junit(report);
    if (format == QLatin1String("openmetrics")) {
        QList<Report> reports;
        for (const FleetEntry& e : report.entries) {
            if (e.report)
                reports.append(*e.report);
        }
        return OpenMetricsFormatter::format(reports);
    }
    return FleetFormatter::text(report, color).toUtf8();
}

int FleetRun::run(const FleetTargets& targets, const RunOptions& base, const Settings& settings)
{
    m_settings = settings;
    // Every line that names an instance or fails to, in file order.
    int maxLine = 1;
    for (const FleetTarget& target : targets.targets) {
        FleetRunner::Job job;
        job.entry.line = target.line;
        job.entry.url = target.url;
        QString error;
        if (const auto options = target.runOptions(base, &error)) {
            job.options = *options;
        } else {
            job.entry.text = target.url;
            job.entry.error = error;
        }
        if (!job.options.jiraSite.isEmpty())
            job.credentials.jiraToken = settings.jiraToken;
        maxLine = std::max(maxLine, target.line);
        m_jobs.append(job);
    }
    for (const FleetLineError& bad : targets.errors) {
        FleetRunner::Job job;
        job.entry.line = bad.line;
        job.entry.text = bad.text;
        job.entry.error = bad.error;
        maxLine = std::max(maxLine, bad.line);
        m_jobs.append(job);
    }
    std::stable_sort(m_jobs.begin(), m_jobs.end(), [](const FleetRunner::Job& a, const FleetRunner::Job& b) {
        return a.entry.line < b.entry.line;
    });
    m_lineDigits = int(QString::number(maxLine).size());
    for (const FleetLineError& bad : targets.errors)
        usageError(tr("%1, line %2: %3").arg(settings.source).arg(bad.line).arg(bad.error));
    m_progress = ProgressLine::wanted(settings.quiet);
    if (settings.useKeychain && settings.needsToken)
        readTokens(0);
    else
        start();
    return m_app.exec() == 0 ? m_exitCode : ExitInternal;
}

// One instance's saved token after the other. An instance without one runs the anonymous checks
// (its report says so); a keychain that cannot be reached ends the command, as for one instance.
void FleetRun::readTokens(int next)
{
    while (next < m_jobs.size() && !m_jobs.at(next).entry.error.isEmpty())
        ++next;
    if (next >= m_jobs.size()) {
        start();
        return;
    }
    auto* store = new KeychainCredentialStore(this);
    connect(store, &CredentialStore::finished, this, [this, store, next](const CredentialStore::Result& r) {
        store->deleteLater();
        if (r.error != CredentialStore::Error::None && r.error != CredentialStore::Error::NotFound) {
            m_exitCode = usageError(tr("--use-keychain: %1").arg(r.message));
            m_app.exit(0);
            return;
        }
        m_jobs[next].credentials.gitlabToken = r.secret;
        readTokens(next + 1);
    });
    store->read(CredentialStore::gitlabTokenKey(InstanceUrl::parse(m_jobs.at(next).options.url).toString()));
}

void FleetRun::start()
{
    for (int i = 0; i < m_jobs.size(); ++i) {
        const Credentials& c = m_jobs.at(i).credentials;
        if (!c.gitlabToken.isEmpty() || !c.jiraToken.isEmpty())
            m_tokens.insert(i, c.gitlabToken + '\n' + c.jiraToken);
    }
    m_runner.setKeepTranscripts(!m_settings.outputDir.isEmpty());
    m_runner.start(m_jobs, m_settings.parallel);
    // Said only where it slows this run: fewer at a time than asked and than there are instances.
    const auto runnable = std::count_if(m_jobs.cbegin(), m_jobs.cend(), [](const FleetRunner::Job& job) {
        return job.entry.error.isEmpty();
    });
    if (m_runner.parallel() < std::min<qsizetype>(m_settings.parallel, runnable))
        usageError(tr("%n instance(s) at a time, not %1: this process may open at most %2 files, and an "
                      "instance may need %3 at once (raise the hard limit: ulimit -Hn, or LimitNOFILE= in "
                      "a systemd unit)",
                      nullptr, m_runner.parallel())
                       .arg(std::min<qsizetype>(m_settings.parallel, runnable))
                       .arg(openfiles::limit())
                       .arg(FleetRunner::filesPerInstance));
    for (FleetRunner::Job& job : m_jobs)
        job.credentials = Credentials{}; // the runner's copies are the only ones now
    drawProgress();
}

QString FleetRun::instanceFileStem(int index) const
{
    // "line-07-gitlab.example.com" (and "_8443" for another port): unique by the line number,
    // recognisable by the host, and only characters every file system takes.
    const FleetEntry& entry = m_jobs.at(index).entry;
    const InstanceUrl url = InstanceUrl::parse(entry.url);
    QString host = url.host().toLower();
    for (QChar& c : host) {
        if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != QLatin1Char('.') && c != QLatin1Char('-'))
            c = QLatin1Char('_');
    }
    if (url.port() != 443)
        host += QLatin1Char('_') + QString::number(url.port());
    return QStringLiteral("line-%1-%2")
        .arg(entry.line, m_lineDigits, 10, QLatin1Char('0'))
        .arg(host.left(100));
}

void FleetRun::onInstanceFinished(int index)
{
    if (!m_settings.outputDir.isEmpty()) {
        const FleetEntry& entry = m_runner.entry(index);
        if (entry.report) {
            const QString stem = QDir(m_settings.outputDir).filePath(instanceFileStem(index));
            const QByteArray json = QJsonDocument(entry.report->toJson()).toJson(QJsonDocument::Indented);
            if (const QString why = writeOutputFile(stem + QStringLiteral(".json"), json); !why.isEmpty())
                usageError(tr("--output-dir: %1").arg(why));
            ExportBundle::Options options;
            options.level = m_settings.redaction;
            const QList<QByteArray> tokens = m_tokens.value(index).split('\n');
            options.secrets =
                ExportBundle::secretsOf(tokens.value(0), tokens.value(1), m_jobs.at(index).options.jiraEmail);
            QString error;
            if (!ExportBundle::make(*entry.report, options).write(stem + QStringLiteral(".zip"), &error))
                usageError(tr("--output-dir: %1").arg(error));
        }
        m_tokens.remove(index);
        m_runner.releaseTranscripts(index);
    }
    drawProgress();
}

void FleetRun::drawProgress()
{
    if (!m_progress || !m_runner.isRunning())
        return;
    ProgressLine::show(
        tr("Instances done: %1 of %n", "progress on the terminal", m_runner.total()).arg(m_runner.done()));
}

void FleetRun::onFinished()
{
    if (m_progress)
        ProgressLine::erase();
    FleetReport report = m_runner.report();
    report.source = m_settings.source;
    const QByteArray bytes = render(report, m_settings.format, m_settings.output.isEmpty() && colorWanted());
    m_exitCode = exitCode(report, m_settings.strict);
    if (m_settings.output.isEmpty()) {
        out(QString::fromUtf8(bytes));
    } else if (const QString why = writeOutputFile(m_settings.output, bytes); !why.isEmpty()) {
        m_exitCode = usageError(tr("--output: %1").arg(why));
    }
    m_app.exit(0);
}

} // namespace gjd::cli
