// SPDX-License-Identifier: GPL-3.0-or-later
#include "checkcommand.h"

#include "checks/check.h"
#include "clicommon.h"
#include "connectionoptions.h"
#include "credentials/keychaincredentialstore.h"
#include "export/exportbundle.h"
#include "fleetrun.h"
#include "progressline.h"
#include "reportoutput.h"
#include "safetext.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>
#include <QSslConfiguration>

namespace gjd {

namespace {

// Whether a check the run reports on (selectChecks) reads a probe whose id starts with
// `probePrefix`: "api." are the GitLab API calls that need the token, "jira." the Jira calls that
// need the API token. Without such a check, the token is neither asked for nor read from the
// keychain.
bool selectionReads(const QStringList& only, const QStringList& skip, const QString& probePrefix)
{
    for (const QString& id : selectChecks(catalogue(), only, skip)) {
        if (const Check* check = findCheck(id)) {
            for (const QString& probe : check->probes()) {
                if (probe.startsWith(probePrefix))
                    return true;
            }
        }
    }
    return false;
}

} // namespace

CheckCommand::CheckCommand(QCoreApplication& app)
    : m_app(app)
{
    connect(&m_runner, &CheckRunner::finished, this, &CheckCommand::onFinished);
}

int CheckCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.setApplicationDescription(tr(
        "Checks a GitLab instance the way Jira Cloud and GitLab.com see it: network, TLS, the Jira Connect "
        "endpoints and, with an administrator token in GITLAB_TOKEN (or typed at the prompt), the GitLab "
        "settings."));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, tr("Show this help."));
    const QCommandLineOption version(QStringLiteral("version"), tr("Show the version."));
    const QCommandLineOption method(QStringLiteral("method"),
                                    tr("Installation method: auto (default), marketplace, manual or proxy."),
                                    QStringLiteral("method"), QStringLiteral("auto"));
    const QCommandLineOption only(QStringLiteral("only"),
                                  tr("Run only these checks (ids or prefixes such as tls.)."),
                                  QStringLiteral("ids"));
    const QCommandLineOption skip(QStringLiteral("skip"), tr("Do not run these checks (ids or prefixes)."),
                                  QStringLiteral("ids"));
    const QCommandLineOption format(
        QStringLiteral("format"),
        tr("Output format: text (default), json, junit, markdown, html or openmetrics "
           "(Prometheus)."),
        QStringLiteral("format"), QStringLiteral("text"));
    const QCommandLineOption targets(
        QStringLiteral("targets"),
        tr("Check every instance of FILE (one URL a line, with its own --public-url, --method, --jira-site, "
           "--jira-email, --resolve or --ca-file; # comments) instead of one URL."),
        QStringLiteral("file"));
    const QCommandLineOption parallel(
        QStringLiteral("parallel"),
        tr("With --targets: how many instances run at the same time (default %1, at most %2).")
            .arg(FleetRunner::defaultParallel)
            .arg(FleetRunner::maxParallel),
        QStringLiteral("n"), QString::number(FleetRunner::defaultParallel));
    const QCommandLineOption outputDir(
        QStringLiteral("output-dir"),
        tr("With --targets: also write each instance's report (JSON) and troubleshooting export (ZIP) into "
           "DIR."),
        QStringLiteral("dir"));
    const QCommandLineOption exportOption(
        QStringLiteral("export"),
        tr("Also write a troubleshooting export (a ZIP to attach to a support ticket) to FILE."),
        QStringLiteral("file"));
    const QCommandLineOption redact(
        QStringLiteral("redact"),
        tr("What the export removes: secrets (default: tokens, cookies, Authorization values, OAuth "
           "secrets) or identities (also host names, addresses, emails, account ids and user names, "
           "replaced by pseudonyms such as host-1)."),
        QStringLiteral("level"), QStringLiteral("secrets"));
    const QCommandLineOption output(QStringLiteral("output"),
                                    tr("Write the report to FILE (atomically) instead of standard output."),
                                    QStringLiteral("file"));
    const QCommandLineOption strict(QStringLiteral("strict"), tr("Warnings also make the exit code 1."));
    const QCommandLineOption quiet(
        QStringLiteral("quiet"),
        tr("Show no progress on standard error (shown only when it is a terminal)."));
    const QCommandLineOption jiraSite(
        QStringLiteral("jira-site"),
        tr("Your Jira Cloud site, such as https://your-site.atlassian.net: enables the "
           "Jira user checks (API token in JIRA_API_TOKEN)."),
        QStringLiteral("url"));
    const QCommandLineOption jiraEmail(QStringLiteral("jira-email"),
                                       tr("The email of the Jira user who installs the app."),
                                       QStringLiteral("email"));
    parser.addOptions({help, version, method, only, skip, format, output, exportOption, redact, strict, quiet,
                       jiraSite, jiraEmail, targets, parallel, outputDir});
    const ConnectionOptions connection;
    connection.addTo(parser);
    parser.addPositionalArgument(QStringLiteral("URL"),
                                 tr("The GitLab instance, such as https://gitlab.example.com."));

    // arguments[0] is "check"; QCommandLineParser treats the first entry as the program name.
    if (!parser.parse(arguments))
        return cli::usageError(parser.errorText());
    if (parser.isSet(help)) {
        cli::out(
            cli::commandHelp(parser.helpText(), tr("Usage: gitlab-jira-doctor-cli check [options] URL")));
        return cli::ExitOk;
    }
    if (parser.isSet(version)) {
        cli::out(QStringLiteral("gitlab-jira-doctor-cli %1\n").arg(QCoreApplication::applicationVersion()));
        return cli::ExitOk;
    }

    const QStringList positional = parser.positionalArguments();
    const bool fleet = parser.isSet(targets);
    if (fleet && !positional.isEmpty())
        return cli::usageError(
            tr("check --targets takes no URL: the file names the instances (unexpected \"%1\")")
                .arg(positional.constFirst()));
    if (!fleet && positional.isEmpty())
        return cli::usageError(tr("check needs the instance URL, such as https://gitlab.example.com"));
    if (positional.size() > 1)
        return cli::usageError(tr("check takes one URL; unexpected \"%1\"").arg(positional.at(1)));
    for (const QCommandLineOption* fleetOnly : {&parallel, &outputDir}) {
        if (!fleet && parser.isSet(*fleetOnly))
            return cli::usageError(tr("--%1 goes with --targets").arg(fleetOnly->names().constFirst()));
    }

    RunOptions options;
    if (const QString error = connection.read(parser, fleet ? QString() : positional.constFirst(), &options);
        !error.isEmpty())
        return cli::usageError(error);
    const InstanceUrl url = InstanceUrl::parse(options.url);

    options.method = parser.value(method).toLower();
    if (options.method != QLatin1String("auto") && !methodFromId(options.method))
        return cli::usageError(
            tr("--method must be auto, marketplace, manual or proxy (got \"%1\")").arg(options.method));

    if (parser.isSet(jiraSite) != parser.isSet(jiraEmail))
        return cli::usageError(tr("--jira-site and --jira-email go together"));
    if (parser.isSet(jiraSite)) {
        const InstanceUrl site = InstanceUrl::parse(parser.value(jiraSite));
        if (!site.isValid())
            return cli::usageError(
                tr("invalid --jira-site \"%1\": %2").arg(parser.value(jiraSite), site.error()));
        const QString email = parser.value(jiraEmail).trimmed();
        if (!email.contains(QLatin1Char('@')) || email.contains(QLatin1Char(' ')))
            return cli::usageError(tr("--jira-email \"%1\" is not an email address").arg(email));
        options.jiraSite = site.toString();
        options.jiraEmail = email;
    }

    QString error;

    for (const QString& value : parser.values(only))
        options.only += value.split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (parser.isSet(only) && options.only.isEmpty())
        return cli::usageError(tr("--only needs at least one check id or prefix"));
    for (const QString& value : parser.values(skip))
        options.skip += value.split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString& selector : options.only + options.skip) {
        if (matchSelector(selector).isEmpty())
            return cli::usageError(tr("no check matches \"%1\" (see the ids in the report)").arg(selector));
    }

    m_format = parser.value(format).toLower();
    if (const QString formatError = cli::ReportOutput::checkFormat(m_format); !formatError.isEmpty())
        return cli::usageError(formatError);
    if (fleet && !cli::FleetRun::formats().contains(m_format))
        return cli::usageError(tr("--format %1 shows one instance; with --targets use %2")
                                   .arg(m_format, cli::FleetRun::formats().join(QLatin1String(", "))));
    if (fleet && parser.isSet(exportOption))
        return cli::usageError(
            tr("--export writes one instance's export; with --targets use --output-dir DIR"));
    if (parser.isSet(output)) {
        m_output = parser.value(output);
        if (const QString why = cli::ReportOutput::checkWritable(QStringLiteral("--output"), m_output);
            !why.isEmpty())
            return cli::usageError(why);
    }
    const auto level = redactionLevelFromId(parser.value(redact).toLower());
    if (!level)
        return cli::usageError(
            tr("--redact must be secrets or identities (got \"%1\")").arg(parser.value(redact)));
    if (parser.isSet(redact) && !parser.isSet(exportOption) && !parser.isSet(outputDir))
        return cli::usageError(tr("--redact applies to --export; add --export FILE.zip"));
    m_redaction = *level;
    if (parser.isSet(exportOption)) {
        m_export = parser.value(exportOption);
        if (const QString why = cli::ReportOutput::checkWritable(QStringLiteral("--export"), m_export);
            !why.isEmpty())
            return cli::usageError(why);
        if (!m_output.isEmpty() &&
            QFileInfo(m_output).absoluteFilePath() == QFileInfo(m_export).absoluteFilePath())
            return cli::usageError(tr("--output and --export name the same file"));
    }
    m_strict = parser.isSet(strict);
    if (fleet) {
        cli::FleetRun::Settings settings;
        settings.source = parser.value(targets);
        settings.format = m_format;
        settings.output = m_output;
        settings.redaction = m_redaction;
        settings.strict = m_strict;
        settings.quiet = parser.isSet(quiet);
        settings.useKeychain = connection.useKeychain(parser);
        settings.needsToken = selectionReads(options.only, options.skip, QStringLiteral("api."));
        bool ok = false;
        settings.parallel = parser.value(parallel).toInt(&ok);
        if (!ok || settings.parallel < 1 || settings.parallel > FleetRunner::maxParallel)
            return cli::usageError(tr("--parallel must be a whole number from 1 to %1 (got \"%2\")")
                                       .arg(FleetRunner::maxParallel)
                                       .arg(safeText(parser.value(parallel), SafeFor::OneLine)));
        if (parser.isSet(outputDir)) {
            settings.outputDir = parser.value(outputDir);
            const QFileInfo dir(settings.outputDir);
            // One level is made, as `mkdir` would; a missing parent is more likely a typo.
            if (!dir.exists() && !QDir().mkdir(settings.outputDir))
                return cli::usageError(
                    tr("--output-dir: cannot create %1").arg(safeText(settings.outputDir, SafeFor::OneLine)));
            if (!QFileInfo(settings.outputDir).isDir() || !QFileInfo(settings.outputDir).isWritable())
                return cli::usageError(tr("--output-dir: %1 is not a folder this program can write to")
                                           .arg(safeText(settings.outputDir, SafeFor::OneLine)));
        }
        QString readError;
        const auto list = FleetTargets::read(settings.source, &readError);
        if (!list)
            return cli::usageError(tr("--targets: %1").arg(readError));
        if (list->targets.isEmpty() && list->errors.isEmpty())
            return cli::usageError(
                tr("--targets: %1 names no instance").arg(safeText(settings.source, SafeFor::OneLine)));
        // One token for many instances would hand it to all of them: only each instance's own,
        // from the keychain. Never asked for at a prompt either.
        if (!qgetenv("GITLAB_TOKEN").isEmpty())
            cli::err(tr("gitlab-jira-doctor-cli: GITLAB_TOKEN is not used with --targets (it would reach "
                        "every instance); --use-keychain reads each instance's own token.\n"));
        settings.jiraToken = qgetenv("JIRA_API_TOKEN").trimmed();
        cli::FleetRun run(m_app);
        return run.run(*list, options, settings);
    }
    if (cli::ProgressLine::wanted(parser.isSet(quiet)))
        m_progress = new cli::ProgressLine(m_runner, this);

    // Tokens: never an option value (ps, shell history). From the environment, else from the
    // keychain (--use-keychain), else asked for without echo when someone is at the terminal
    // (Enter skips those checks). The keychain and the prompt only for a token that a selected
    // check needs; one from the environment still helps to detect the method.
    m_credentials.gitlabToken = qgetenv("GITLAB_TOKEN").trimmed();
    if (!options.jiraSite.isEmpty())
        m_credentials.jiraToken = qgetenv("JIRA_API_TOKEN").trimmed();
    const bool needsGitLabToken = selectionReads(options.only, options.skip, QStringLiteral("api."));
    const bool needsJiraToken =
        !options.jiraSite.isEmpty() && selectionReads(options.only, options.skip, QStringLiteral("jira."));
    m_options = options;
    if (connection.useKeychain(parser)) {
        QStringList keys;
        if (needsGitLabToken && m_credentials.gitlabToken.isEmpty())
            keys.append(CredentialStore::gitlabTokenKey(url.toString()));
        if (needsJiraToken && m_credentials.jiraToken.isEmpty())
            keys.append(CredentialStore::jiraTokenKey(options.jiraSite, options.jiraEmail));
        if (!keys.isEmpty()) {
            ConnectionOptions::readFromKeychain(this, keys, m_options, &m_credentials,
                                                [this](const QString& keychainError) {
                                                    if (!keychainError.isEmpty()) {
                                                        m_exitCode = cli::usageError(keychainError);
                                                        m_app.exit(0);
                                                        return;
                                                    }
                                                    startRun();
                                                });
            return m_app.exec() == 0 ? m_exitCode : cli::ExitInternal;
        }
    }
    if (needsGitLabToken && m_credentials.gitlabToken.isEmpty())
        m_credentials.gitlabToken =
            cli::readSecret(tr("GitLab administrator token for the settings checks (Enter to skip): "));
    if (needsJiraToken && m_credentials.jiraToken.isEmpty())
        m_credentials.jiraToken = cli::readSecret(
            tr("Jira API token of %1 (Enter to skip the Jira checks): ").arg(options.jiraEmail));
    startRun();
    return m_app.exec() == 0 ? m_exitCode : cli::ExitInternal;
}

void CheckCommand::startRun()
{
    m_runner.start(m_options, m_credentials);
    if (m_progress)
        m_progress->start();
}

void CheckCommand::onFinished(const Report& report)
{
    if (m_progress)
        m_progress->clear(); // before anything else reaches the terminal
    const QByteArray bytes =
        cli::ReportOutput::render(report, m_format, m_output.isEmpty() && cli::colorWanted());
    m_exitCode = cli::ReportOutput::exitCode(report, m_strict);
    if (m_output.isEmpty()) {
        cli::out(QString::fromUtf8(bytes));
    } else if (const QString why = cli::ReportOutput::write(QStringLiteral("--output"), m_output, bytes);
               !why.isEmpty()) {
        cli::usageError(why);
        m_exitCode = cli::ExitUsage;
    }
    if (!m_export.isEmpty()) {
        ExportBundle::Options options;
        options.level = m_redaction;
        options.secrets =
            ExportBundle::secretsOf(m_credentials.gitlabToken, m_credentials.jiraToken, m_options.jiraEmail);
        QString error;
        if (!ExportBundle::make(report, options).write(m_export, &error)) {
            cli::usageError(error);
            m_exitCode = cli::ExitUsage;
        }
    }
    m_app.exit(0);
}

} // namespace gjd
