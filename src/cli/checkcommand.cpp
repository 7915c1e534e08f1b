// SPDX-License-Identifier: GPL-3.0-or-later
#include "checkcommand.h"

#include "checks/check.h"
#include "clicommon.h"
#include "connectionoptions.h"
#include "credentials/keychaincredentialstore.h"
#include "textformatter.h"

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
    const QCommandLineOption trustStore(
        QStringLiteral("trust-store"),
        tr("PEM bundle that replaces the system store as the public trust store."), QStringLiteral("file"));
    const QCommandLineOption only(QStringLiteral("only"),
                                  tr("Run only these checks (ids or prefixes such as tls.)."),
                                  QStringLiteral("ids"));
    const QCommandLineOption skip(QStringLiteral("skip"), tr("Do not run these checks (ids or prefixes)."),
                                  QStringLiteral("ids"));
    const QCommandLineOption format(QStringLiteral("format"), tr("Output format: text (default) or json."),
                                    QStringLiteral("format"), QStringLiteral("text"));
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
    parser.addOptions(
        {help, version, method, trustStore, only, skip, format, output, strict, jiraSite, jiraEmail});
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
    if (parser.isSet(trustStore)) {
        const auto certificates =
            ConnectionOptions::readPemFile(QStringLiteral("--trust-store"), parser.value(trustStore), &error);
        if (!certificates)
            return cli::usageError(error);
        options.trustStore = *certificates;
        options.trustStoreSource = parser.value(trustStore);
    } // else: the system store (RunOptions' default), loaded in the background

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
    if (m_format != QLatin1String("text") && m_format != QLatin1String("json")) {
        if (QStringList{QStringLiteral("junit"), QStringLiteral("markdown"), QStringLiteral("html")}.contains(
                m_format))
            return cli::usageError(
                tr("--format %1 is not available in this version; use text or json").arg(m_format));
        return cli::usageError(tr("--format must be text or json (got \"%1\")").arg(m_format));
    }
    if (parser.isSet(output)) {
        m_output = parser.value(output);
        const QFileInfo info(m_output);
        if (info.isDir())
            return cli::usageError(tr("--output \"%1\" is a directory").arg(m_output));
        const QFileInfo dir(info.absolutePath());
        if (!dir.isDir() || !dir.isWritable())
            return cli::usageError(
                tr("cannot write --output \"%1\": the folder does not exist or is not writable")
                    .arg(m_output));
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
    QByteArray bytes;
    if (m_format == QLatin1String("json")) {
        bytes = QJsonDocument(report.toJson()).toJson(QJsonDocument::Indented);
    } else {
        TextFormatter::Options options;
        options.color = m_output.isEmpty() && cli::colorWanted();
        bytes = TextFormatter::format(report, options).toUtf8();
    }

    const Summary summary = report.summary();
    // A check that could not run (status error) is this program's problem, not the instance's:
    // exit 3, so that a pipeline never mistakes a broken run for a healthy instance.
    if (summary.count(Status::Error) > 0)
        m_exitCode = cli::ExitInternal;
    else if (summary.verdict == Status::Fail || (m_strict && summary.verdict == Status::Warn))
        m_exitCode = cli::ExitFindings;
    else
        m_exitCode = cli::ExitOk;
    if (m_output.isEmpty()) {
        cli::out(QString::fromUtf8(bytes));
    } else {
        QSaveFile file(m_output);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
            cli::usageError(tr("cannot write --output \"%1\": %2").arg(m_output, file.errorString()));
            m_exitCode = cli::ExitUsage;
        }
    }
    m_app.exit(0);
}

} // namespace gjd
