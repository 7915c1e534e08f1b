// SPDX-License-Identifier: GPL-3.0-or-later
#include "connect/descriptor.h"
#include "gitlabversion.h"
#include "http/httpexchange.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace gjd;

namespace {

// GitLab's descriptor for external_url https://gitlab.example.com (reference/gitlab.md §1).
QJsonObject gitlabDescriptor()
{
    return QJsonDocument::fromJson("{\"name\":\"GitLab for Jira "
                                   "(gitlab.example.com)\",\"key\":\"gitlab-jira-connect-gitlab.example.c"
                                   "om\",\"baseUrl\":\"https://gitlab.example.com/-/"
                                   "jira_connect\",\"lifecycle\":{\"installed\":\"/event"
                                   "s/installed\",\"uninstalled\":\"/events/"
                                   "uninstalled\"},\"vendor\":{\"name\":\"GitLab\",\"url\":\"https:/"
                                   "/gitlab.com\"},\"authentication\":{\"type\":\"jwt\"},\"modules\":{"
                                   "\"postInstallPage\":{\"key\":\"gitlab-"
                                   "configuration\",\"name\":{\"value\":\"GitLab "
                                   "Configuration\"},\"url\":\"/subscriptions\"},\"jiraDevelo"
                                   "pmentTool\":{\"key\":\"gitlab-development-tool\",\"application\":{"
                                   "\"value\":\"GitLab\"},\"name\":{\"valu"
                                   "e\":\"GitLab\"},\"url\":\"https://"
                                   "gitlab.com\",\"capabilities\":[\"branch\",\"commit\",\"pull_request\"]}"
                                   ",\"jiraBuildInfoProvider\":{\"key\":\"gitlab-ci\",\"name\":{\"value\":"
                                   "\"GitLab CI\"},\"homeUrl\":\"https:"
                                   "//"
                                   "gitlab.com\"},\"jiraDeploymentInfoProvider\":{\"key\":\"gitlab-"
                                   "deployments\",\"name\":{\"value\":\"G"
                                   "itLab "
                                   "Deployments\"},\"homeUrl\":\"https://"
                                   "gitlab.com\"},\"jiraFeatureFlagInfoProvider\":{\"key\":\""
                                   "gitlab-feature-flags\",\"name\":{\"value\":\"GitLab Feature "
                                   "Flags\"},\"homeUrl\":\"https://gitlab.co"
                                   "m\"}},\"scopes\":[\"READ\",\"WRITE\",\"DELETE\"],\"apiVersion\":1}")
        .object();
}

} // namespace

class TestDescriptor final : public QObject
{
    Q_OBJECT

private slots:
    void gitlabsDescriptorIsValid();
    void violations_data();
    void violations();
    void parseObject_data();
    void parseObject();
    void keyForHost();
    void versions_data();
    void versions();
};

void TestDescriptor::gitlabsDescriptorIsValid()
{
    QCOMPARE(Descriptor::violations(gitlabDescriptor()), QStringList());
}

void TestDescriptor::violations_data()
{
    QTest::addColumn<QString>("pointer"); // key to change: "a" or "a/b"; value null removes it
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("mentions");

    QTest::newRow("no key") << "key" << QJsonValue() << "\"key\"";
    QTest::newRow("key with a slash")
        << "key" << QJsonValue(QStringLiteral("gitlab-jira-connect-host/path")) << "\"key\"";
    QTest::newRow("key of 65 characters") << "key" << QJsonValue(QString(65, QLatin1Char('k'))) << "64";
    QTest::newRow("relative baseUrl")
        << "baseUrl" << QJsonValue(QStringLiteral("/-/jira_connect")) << "absolute";
    QTest::newRow("http baseUrl") << "baseUrl"
                                  << QJsonValue(QStringLiteral("http://gitlab.example.com/-/jira_connect"))
                                  << "https";
    QTest::newRow("no baseUrl") << "baseUrl" << QJsonValue() << "\"baseUrl\"";
    QTest::newRow("jwt without installed") << "lifecycle/installed" << QJsonValue() << "lifecycle.installed";
    QTest::newRow("no uninstalled") << "lifecycle/uninstalled" << QJsonValue() << "lifecycle.uninstalled";
    QTest::newRow("authentication none")
        << "authentication/type" << QJsonValue(QStringLiteral("none")) << "jwt";
    QTest::newRow("no modules") << "modules" << QJsonValue() << "\"modules\"";
    QTest::newRow("empty modules") << "modules" << QJsonValue(QJsonObject()) << "\"modules\"";
    QTest::newRow("module key with a dot")
        << "modules/jiraBuildInfoProvider"
        << QJsonValue(QJsonObject{{QStringLiteral("key"), QStringLiteral("gitlab.ci")}}) << "gitlab.ci";
    QTest::newRow("module without key")
        << "modules/jiraBuildInfoProvider" << QJsonValue(QJsonObject()) << "jiraBuildInfoProvider";
    QTest::newRow("unknown scope") << "scopes"
                                   << QJsonValue(
                                          QJsonArray{QStringLiteral("READ"), QStringLiteral("EVERYTHING")})
                                   << "EVERYTHING";
    QTest::newRow("scopes not a list") << "scopes" << QJsonValue(QStringLiteral("READ")) << "\"scopes\"";
}

void TestDescriptor::violations()
{
    QFETCH(QString, pointer);
    QFETCH(QJsonValue, value);
    QFETCH(QString, mentions);
    QJsonObject d = gitlabDescriptor();
    const QStringList parts = pointer.split(QLatin1Char('/'));
    if (parts.size() == 1) {
        if (value.isNull())
            d.remove(parts.at(0));
        else
            d.insert(parts.at(0), value);
    } else {
        QJsonObject inner = d.value(parts.at(0)).toObject();
        if (value.isNull())
            inner.remove(parts.at(1));
        else
            inner.insert(parts.at(1), value);
        d.insert(parts.at(0), inner);
    }
    const QStringList v = Descriptor::violations(d);
    QCOMPARE(v.size(), 1);
    QVERIFY2(v.constFirst().contains(mentions), qPrintable(v.constFirst()));
    // Lower-case scopes are allowed, as Atlassian allows them.
    QJsonObject lower = gitlabDescriptor();
    lower.insert(QStringLiteral("scopes"), QJsonArray{QStringLiteral("read")});
    QVERIFY(Descriptor::violations(lower).isEmpty());
}

void TestDescriptor::parseObject_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("truncated");
    QTest::addColumn<QString>("error"); // substring; empty: parses

    QTest::newRow("object") << QByteArray("{\"key\":\"x\"}") << false << "";
    QTest::newRow("empty") << QByteArray() << false << "empty";
    QTest::newRow("sign-in page")
        << QByteArray("<!DOCTYPE html><title>Sign in · GitLab</title><a href=/users/sign_in>") << false
        << "sign-in";
    QTest::newRow("proxy error page")
        << QByteArray("<html><body>502 Bad Gateway</body></html>") << false << "HTML";
    QTest::newRow("invalid JSON") << QByteArray("{\"key\": ") << false << "not valid JSON";
    QTest::newRow("array") << QByteArray("[1,2]") << false << "not an object";
    QTest::newRow("over the limit") << QByteArray("{") << true << "1 MiB";
}

void TestDescriptor::parseObject()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, truncated);
    QFETCH(QString, error);
    HttpResponse r;
    r.status = 200;
    r.body = body;
    r.bodyTruncated = truncated;
    QString why;
    const auto json = Descriptor::parseObject(r, &why);
    QCOMPARE(bool(json), error.isEmpty());
    if (!error.isEmpty())
        QVERIFY2(why.contains(error), qPrintable(why));
}

void TestDescriptor::keyForHost()
{
    QCOMPARE(Descriptor::keyForHost(QStringLiteral("gitlab.example.com")),
             QStringLiteral("gitlab-jira-connect-gitlab.example.com"));
    QCOMPARE(Descriptor::keyForHost(QStringLiteral("gitlab.com")), Descriptor::marketplaceKey);
    const QString longHost = QString(80, QLatin1Char('h'));
    QCOMPARE(Descriptor::keyForHost(longHost).size(), 64);
}

void TestDescriptor::versions_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("normalized");
    QTest::addColumn<bool>("atLeast177");

    QTest::newRow("ee") << "17.8.1-ee" << true << "17.8.1-ee" << true;
    QTest::newRow("exact") << "17.7.0" << true << "17.7.0" << true;
    QTest::newRow("older minor, higher patch") << "17.6.12" << true << "17.6.12" << false;
    QTest::newRow("pre-release") << "16.11.0-pre" << true << "16.11.0-pre" << false;
    QTest::newRow("two parts") << "18.0" << true << "18.0.0" << true;
    QTest::newRow("v prefix") << "v15.7.3" << true << "15.7.3" << false;
    QTest::newRow("garbage") << "latest" << false << "" << false;
    QTest::newRow("empty") << "" << false << "" << false;
}

void TestDescriptor::versions()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(QString, normalized);
    QFETCH(bool, atLeast177);
    const auto v = GitLabVersion::parse(text);
    QCOMPARE(bool(v), valid);
    if (!v)
        return;
    QCOMPARE(v->toString(), normalized);
    QCOMPARE(v->atLeast(17, 7), atLeast177);
}

QTEST_GUILESS_MAIN(TestDescriptor)
#include "tst_descriptor.moc"
