// SPDX-License-Identifier: GPL-3.0-or-later
#include "checkcommand.h"

#include "checks/check.h"
#include "clicommon.h"
#include "connectionoptions.h"
#include "credentials/keychaincredentialstore.h"
#include "export/exportbundle.h"
#include "reportoutput.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>
#include <QSslConfiguration>

namespace gjd {

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
    const QCommandLineOption format(QStringLiteral("format"),
                                    tr("Output format: text (default), json, junit, markdown or html."),
                                    QStringLiteral("format"), QStringLiteral("text"));
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
    const QCommandLineOption jiraSite(
        QStringLiteral("jira-site"),
        tr("Your Jira Cloud site, such as https://your-site.atlassian.net: enables the "
           "Jira user checks (API token in JIRA_API_TOKEN)."),
        QStringLiteral("url"));
    const QCommandLineOption jiraEmail(QStringLiteral("jira-email"),
                                       tr("The email of the Jira user who installs the app."),
                                       QStringLiteral("email"));
    parser.addOptions({help, version, method, only, skip, format, output, exportOption, redact, strict,
                       jiraSite, jiraEmail});
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
    if (positional.isEmpty())
        return cli::usageError(tr("check needs the instance URL, such as https://gitlab.example.com"));
    if (positional.size() > 1)
        return cli::usageError(tr("check takes one URL; unexpected \"%1\"").arg(positional.at(1)));

    RunOptions options;
    if (const QString error = connection.read(parser, positional.constFirst(), &options); !error.isEmpty())
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
    if (parser.isSet(redact) && !parser.isSet(exportOption))
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

    // Tokens: never an option value (ps, shell history). From the environment, else from the
    // keychain (--use-keychain), else asked for without echo when someone is at the terminal
    // (Enter skips those checks).
    m_credentials.gitlabToken = qgetenv("GITLAB_TOKEN").trimmed();
    if (!options.jiraSite.isEmpty())
        m_credentials.jiraToken = qgetenv("JIRA_API_TOKEN").trimmed();
    m_options = options;
    if (connection.useKeychain(parser)) {
        QStringList keys;
        if (m_credentials.gitlabToken.isEmpty())
            keys.append(CredentialStore::gitlabTokenKey(url.toString()));
        if (!options.jiraSite.isEmpty() && m_credentials.jiraToken.isEmpty())
            keys.append(CredentialStore::jiraTokenKey(options.jiraSite, options.jiraEmail));
        if (!keys.isEmpty()) {
            ConnectionOptions::readFromKeychain(this, keys, m_options, &m_credentials,
                                                [this](const QString& keychainError) {
                                                    if (!keychainError.isEmpty()) {
                                                        m_exitCode = cli::usageError(keychainError);
                                                        m_app.exit(0);
                                                        return;
                                                    }
                                                    m_runner.start(m_options, m_credentials);
                                                });
            return m_app.exec() == 0 ? m_exitCode : cli::ExitInternal;
        }
    }
    if (m_credentials.gitlabToken.isEmpty())
        m_credentials.gitlabToken =
            cli::readSecret(tr("GitLab administrator token for the settings checks (Enter to skip): "));
    if (!options.jiraSite.isEmpty() && m_credentials.jiraToken.isEmpty())
        m_credentials.jiraToken = cli::readSecret(
            tr("Jira API token of %1 (Enter to skip the Jira checks): ").arg(options.jiraEmail));
    m_runner.start(m_options, m_credentials);
    return m_app.exec() == 0 ? m_exitCode : cli::ExitInternal;
}

void CheckCommand::onFinished(const Report& report)
{
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
