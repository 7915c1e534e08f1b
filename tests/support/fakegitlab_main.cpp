// SPDX-License-Identifier: GPL-3.0-or-later
// fake-gitlab: the test fake as a program, for manual experiments and benchmarks. Not installed.
//
//   FAKE_GITLAB_TOKEN=glpat-xyz fake-gitlab --port 8080 --external-url https://gitlab.internal.test
//
// Configuration (options win over the environment):
//   --port / FAKE_GITLAB_PORT                     0 (default): a free port, printed on start
//   --external-url / FAKE_GITLAB_EXTERNAL_URL     default https://gitlab.example.com
//   --version / FAKE_GITLAB_VERSION               default 17.8.1-ee
//   FAKE_GITLAB_TOKEN                             an admin PAT (scopes api, admin_mode); only from
//                                                 the environment, so it stays out of `ps`
//   FAKE_GITLAB_PROXY_URL                         jira_connect_proxy_url
//   FAKE_GITLAB_APPLICATION_KEY                   jira_connect_application_key
//   FAKE_GITLAB_ADMIN_MODE=1                      turn Admin Mode on
//   FAKE_GITLAB_LEGACY_INSTALL=1                  a manual install: an OAuth application with the
//                                                 external_url's Jira callback, its ID as the key
#include "fakegitlab.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("fake-gitlab"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("A fake GitLab (plain HTTP on 127.0.0.1) for experiments."));
    parser.addHelpOption();
    const QCommandLineOption portOption(QStringLiteral("port"), QStringLiteral("Port to listen on."),
                                        QStringLiteral("port"),
                                        qEnvironmentVariable("FAKE_GITLAB_PORT", "0"));
    const QCommandLineOption urlOption(
        QStringLiteral("external-url"), QStringLiteral("GitLab's external_url."), QStringLiteral("url"),
        qEnvironmentVariable("FAKE_GITLAB_EXTERNAL_URL", "https://gitlab.example.com"));
    const QCommandLineOption versionOption(
        QStringLiteral("version"), QStringLiteral("GitLab version string."), QStringLiteral("version"),
        qEnvironmentVariable("FAKE_GITLAB_VERSION", "17.8.1-ee"));
    parser.addOptions({portOption, urlOption, versionOption});
    parser.process(app);

    QTextStream out(stdout);
    QTextStream err(stderr);

    bool ok = false;
    const uint port = parser.value(portOption).toUInt(&ok);
    if (!ok || port > 65535) {
        err << "fake-gitlab: invalid port " << parser.value(portOption) << Qt::endl;
        return 2;
    }

    gjd::test::FakeGitLab fake;
    fake.state().externalUrl = QUrl(parser.value(urlOption));
    fake.state().version = parser.value(versionOption);
    if (qEnvironmentVariableIsSet("FAKE_GITLAB_PROXY_URL"))
        fake.setSetting(QStringLiteral("jira_connect_proxy_url"),
                        qEnvironmentVariable("FAKE_GITLAB_PROXY_URL"));
    if (qEnvironmentVariableIsSet("FAKE_GITLAB_APPLICATION_KEY"))
        fake.setSetting(QStringLiteral("jira_connect_application_key"),
                        qEnvironmentVariable("FAKE_GITLAB_APPLICATION_KEY"));
    if (qEnvironmentVariableIntValue("FAKE_GITLAB_ADMIN_MODE") == 1)
        fake.setAdminMode(true);
    if (qEnvironmentVariableIntValue("FAKE_GITLAB_LEGACY_INSTALL") == 1) {
        gjd::test::FakeGitLabApplication legacy;
        legacy.name = QStringLiteral("Jira Connect (manual)");
        legacy.redirectUri =
            fake.state().externalUrl.toString() + QStringLiteral("/-/jira_connect/oauth_callbacks");
        legacy.confidential = false;
        legacy = fake.addApplication(legacy);
        fake.setSetting(QStringLiteral("jira_connect_application_key"), legacy.uid);
    }
    const QString token = qEnvironmentVariable("FAKE_GITLAB_TOKEN");
    if (!token.isEmpty())
        fake.addAdminToken(token, {QStringLiteral("api"), QStringLiteral("admin_mode")});

    if (!fake.listen(static_cast<quint16>(port))) {
        err << "fake-gitlab: cannot listen on 127.0.0.1:" << port << Qt::endl;
        return 1;
    }
    // Never print the token: only whether one is configured.
    out << "fake-gitlab " << fake.state().version << " listening on " << fake.url().toString()
        << " (external_url " << fake.state().externalUrl.toString() << ", admin token "
        << (token.isEmpty() ? "none" : "from FAKE_GITLAB_TOKEN") << ")" << Qt::endl;
    return QCoreApplication::exec();
}
