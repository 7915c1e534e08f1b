// SPDX-License-Identifier: GPL-3.0-or-later
#include "configurecommand.h"

#include "clicommon.h"
#include "connectionoptions.h"
#include "credentials/credentialstore.h"
#include "setup/setuptext.h"

#include <QCommandLineParser>
#include <QJsonDocument>

#include <cstdio>

namespace gjd {

ConfigureCommand::ConfigureCommand(QCoreApplication& app)
    : m_app(app)
{
    connect(&m_job, &SetupJob::planned, this, &ConfigureCommand::onPlanned);
    connect(&m_job, &SetupJob::stepFinished, this, &ConfigureCommand::onStep);
    connect(&m_job, &SetupJob::finished, this, &ConfigureCommand::onFinished);
}

int ConfigureCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.setApplicationDescription(
        tr("Sets up the GitLab side of the GitLab for Jira Cloud app: the OAuth application and the "
           "GitLab for Jira App settings. Shows the plan, applies only what differs, reads it back. "
           "The administrator token comes from GITLAB_TOKEN, the keychain (--use-keychain) or a "
           "prompt."));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, tr("Show this help."));
    const QCommandLineOption version(QStringLiteral("version"), tr("Show the version."));
    const QCommandLineOption method(QStringLiteral("method"),
                                    tr("Installation method: marketplace, manual or proxy (required)."),
                                    QStringLiteral("method"));
    const QCommandLineOption dryRun(QStringLiteral("dry-run"), tr("Print the plan and change nothing."));
    const QCommandLineOption yes(QStringLiteral("yes"), tr("Apply the plan without asking."));
    const QCommandLineOption replace(
        QStringLiteral("replace-misconfigured"),
        tr("Delete a misconfigured OAuth application the Application ID setting points at, and create a "
           "correct one (shown in the plan first)."));
    const QCommandLineOption removeOld(
        QStringLiteral("remove-old-application"),
        tr("With --method marketplace: delete the OAuth applications of a legacy manual or proxy install "
           "(this instance's own Jira callback), after the settings point at the new one. Without it they "
           "stay."));
    const QCommandLineOption format(QStringLiteral("format"), tr("Output format: text (default) or json."),
                                    QStringLiteral("format"), QStringLiteral("text"));
    parser.addOptions({help, version, method, dryRun, yes, replace, removeOld, format});
    const ConnectionOptions connection;
    connection.addTo(parser);
    parser.addPositionalArgument(QStringLiteral("URL"),
                                 tr("The GitLab instance, such as https://gitlab.example.com."));

    if (!parser.parse(arguments))
        return cli::usageError(parser.errorText());
    if (parser.isSet(help)) {
        cli::out(cli::commandHelp(
            parser.helpText(),
            tr("Usage: gitlab-jira-doctor-cli configure [options] URL --method marketplace|manual|proxy")));
        return cli::ExitOk;
    }
    if (parser.isSet(version)) {
        cli::out(QStringLiteral("gitlab-jira-doctor-cli %1\n").arg(QCoreApplication::applicationVersion()));
        return cli::ExitOk;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        return cli::usageError(tr("configure needs the instance URL, such as https://gitlab.example.com"));
    if (positional.size() > 1)
        return cli::usageError(tr("configure takes one URL; unexpected \"%1\"").arg(positional.at(1)));

    if (const QString error = connection.read(parser, positional.constFirst(), &m_options.run);
        !error.isEmpty())
        return cli::usageError(error);
    if (!parser.isSet(method))
        return cli::usageError(tr("configure needs --method marketplace, manual or proxy"));
    m_options.run.method = parser.value(method).toLower();
    if (!methodFromId(m_options.run.method))
        return cli::usageError(
            tr("--method must be marketplace, manual or proxy (got \"%1\")").arg(parser.value(method)));
    const QString formatValue = parser.value(format).toLower();
    if (formatValue != QLatin1String("text") && formatValue != QLatin1String("json"))
        return cli::usageError(tr("--format must be text or json (got \"%1\")").arg(parser.value(format)));
    m_json = formatValue == QLatin1String("json");
    m_dryRun = parser.isSet(dryRun);
    m_yes = parser.isSet(yes);
    if (m_dryRun && m_yes)
        return cli::usageError(tr("--dry-run and --yes contradict each other"));
    m_options.replaceMisconfigured = parser.isSet(replace);
    m_options.removeOldApplication = parser.isSet(removeOld);
    if (m_options.removeOldApplication && m_options.run.method != QLatin1String("marketplace"))
        return cli::usageError(tr("--remove-old-application goes with --method marketplace only"));

    // The token: never an option value. The environment, else the keychain, else the terminal.
    m_credentials.gitlabToken = qgetenv("GITLAB_TOKEN").trimmed();
    if (m_credentials.gitlabToken.isEmpty() && connection.useKeychain(parser)) {
        const QString key = CredentialStore::gitlabTokenKey(InstanceUrl::parse(m_options.run.url).toString());
        ConnectionOptions::readFromKeychain(this, {key}, m_options.run, &m_credentials,
                                            [this](const QString& error) {
                                                if (!error.isEmpty()) {
                                                    exitWith(cli::usageError(error));
                                                    return;
                                                }
                                                start();
                                            });
        return m_app.exec() == 0 ? m_exitCode : cli::ExitInternal;
    }
    if (m_credentials.gitlabToken.isEmpty())
        m_credentials.gitlabToken = cli::readSecret(tr("GitLab administrator token (scope api): "));
    if (m_credentials.gitlabToken.isEmpty())
        return cli::usageError(tr("configure needs an administrator token: set GITLAB_TOKEN, or use "
                                  "--use-keychain with a token the desktop program saved"));
    start();
    return m_app.exec() == 0 ? m_exitCode : cli::ExitInternal;
}

void ConfigureCommand::start()
{
    if (!m_job.start(m_options, m_credentials))
        exitWith(cli::ExitInternal);
    // The job holds its own copy for as long as it runs.
    m_credentials = Credentials{};
}

void ConfigureCommand::onPlanned(const SetupPlan& plan)
{
    SetupText::Options text;
    text.color = cli::colorWanted();
    if (!m_json)
        cli::out(SetupText::plan(plan, text));
    if (m_dryRun) {
        if (m_json)
            cli::out(QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("dry_run"), true},
                                                                 {QStringLiteral("plan"), plan.toJson()}})
                                           .toJson(QJsonDocument::Indented)));
        else
            cli::out(tr("Dry run: nothing was changed.") + QLatin1Char('\n'));
        exitWith(plan.isBlocked() ? cli::ExitFindings : cli::ExitOk);
        return;
    }
    if (plan.isBlocked() || !plan.hasChanges() || m_yes) {
        m_job.apply();
        return;
    }
    if (!cli::stdinIsTerminal()) {
        exitWith(cli::usageError(tr("not applied: configure changes GitLab only after a confirmation; pass "
                                    "--yes when there is no terminal to ask on")));
        return;
    }
    if (confirm(plan)) {
        m_job.apply();
        return;
    }
    cli::err(tr("Not applied: nothing was changed.") + QLatin1Char('\n'));
    m_job.cancel();
}

bool ConfigureCommand::confirm(const SetupPlan& plan)
{
    // Only reached on a terminal (run() refuses otherwise); nothing is in flight while it waits.
    cli::err(tr("Apply these changes to %1? [y/N] ").arg(plan.url));
    QByteArray answer;
    for (int c = std::fgetc(stdin); c != EOF && c != '\n' && answer.size() < 64; c = std::fgetc(stdin))
        answer.append(static_cast<char>(c));
    const QString a = QString::fromLocal8Bit(answer).trimmed().toLower();
    return a == QLatin1String("y") || a == QLatin1String("yes") || a == tr("y") || a == tr("yes");
}

void ConfigureCommand::onStep(const SetupStep& step)
{
    if (m_json)
        return;
    SetupText::Options text;
    text.color = cli::colorWanted();
    cli::out(SetupText::step(step, text));
}

void ConfigureCommand::onFinished(const SetupResult& result)
{
    if (m_json) {
        cli::out(QString::fromUtf8(QJsonDocument(result.toJson()).toJson(QJsonDocument::Indented)));
    } else if (result.outcome == SetupResult::Outcome::ReadFailed) {
        cli::err(QStringLiteral("gitlab-jira-doctor-cli: ") + result.error + QLatin1Char('\n') +
                 tr("What to do: %1").arg(result.remedy) + QLatin1Char('\n'));
    } else if (result.outcome != SetupResult::Outcome::Cancelled) {
        SetupText::Options text;
        text.color = cli::colorWanted();
        cli::out(SetupText::result(result, text));
    }
    exitWith(result.ok() ? cli::ExitOk : cli::ExitFindings);
}

void ConfigureCommand::exitWith(int code)
{
    m_exitCode = code;
    // Queued: also right when it is called before the event loop runs.
    QMetaObject::invokeMethod(
        &m_app, [this] { m_app.exit(0); }, Qt::QueuedConnection);
}

} // namespace gjd
