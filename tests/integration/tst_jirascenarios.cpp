// SPDX-License-Identifier: GPL-3.0-or-later
// The jira.* checks through a real nginx (TLS) in front of the fake Jira Cloud site. The site's
// host is gitlab.test on its own port: the test PKI's leaf certificate names only that host.
#include "clitest.h"
#include "fakejira.h"
#include "nginxserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTest>

#include <functional>

using namespace gjd;

namespace {

const QString kHost = QStringLiteral("gitlab.test");
const QString kEmail = QStringLiteral("admin@acme.example");
const QString kToken = QStringLiteral("ATATT3xPLANTED-jira-TOKEN-0007");

struct Row
{
    std::function<void(test::FakeJira&)> setup;
    QString secret = kToken; // what JIRA_API_TOKEN holds
};

} // namespace

Q_DECLARE_METATYPE(Row)

class JiraScenarios final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void scenario_data();
    void scenario();

private:
    std::unique_ptr<test::FakeJira> m_jira;
    std::unique_ptr<test::NginxServer> m_nginx;
};

void JiraScenarios::initTestCase()
{
    QVERIFY2(!test::pkiDir().isEmpty(), "run through ctest (fixture pki)");
    m_jira = std::make_unique<test::FakeJira>();
    QVERIFY(m_jira->listen());
    test::NginxSite site = test::NginxSite::tls(QStringLiteral("jira"), test::pki(QStringLiteral("full.pem")),
                                                test::pki(QStringLiteral("full.key")), QString());
    site.rootLocation =
        QStringLiteral("proxy_pass http://127.0.0.1:%1; proxy_set_header Host $host;").arg(m_jira->port());
    m_nginx = std::make_unique<test::NginxServer>(QList<test::NginxSite>{site});
    QVERIFY2(m_nginx->start(), qPrintable(m_nginx->errorString()));
}

void JiraScenarios::scenario_data()
{
    QTest::addColumn<Row>("row");
    QTest::addColumn<QStringList>("statuses"); // jira.auth, jira.admin_group, jira.browse_users
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("mentions"); // a regular expression over the failing finding's text

    auto account = [](QStringList groups, QSet<QString> permissions) {
        return [groups, permissions](test::FakeJira& jira) {
            test::FakeJiraAccount a;
            a.apiToken = kToken;
            a.password = QStringLiteral("correct horse");
            for (const QString& g : groups)
                a.groups.append({g, QStringLiteral("id-") + g});
            a.globalPermissions = permissions;
            jira.addAccount(kEmail, a);
        };
    };
    const QSet<QString> browse{QStringLiteral("USER_PICKER")};
    QTest::newRow("site admin") << Row{account({"jira-software-users", "site-admins"}, browse)}
                                << QStringList{"pass", "pass", "pass"} << 0 << "";
    QTest::newRow("org admin") << Row{account({"org-admins"}, browse)} << QStringList{"pass", "pass", "pass"}
                               << 0 << "";
    // Jira lists groups held through a nested group like direct ones.
    QTest::newRow("admin through a nested group") << Row{account({"platform-team", "site-admins"}, browse)}
                                                  << QStringList{"pass", "pass", "pass"} << 0 << "";
    QTest::newRow("Administer Jira only")
        << Row{account({"jira-administrators"},
                       {QStringLiteral("ADMINISTER"), QStringLiteral("USER_PICKER")})}
        << QStringList{"pass", "fail", "pass"} << 1 << "jira-administrators.*site-admins or org-admins";
    QTest::newRow("wrong case is not the group")
        << Row{account({"Site-Admins"}, browse)} << QStringList{"pass", "fail", "pass"} << 1 << "Site-Admins";
    QTest::newRow("no Browse users and groups")
        << Row{account({"site-admins"}, {})} << QStringList{"pass", "pass", "fail"} << 1 << "USER_PICKER";
    QTest::newRow("site without USER_PICKER, permission missing")
        << Row{[account, browse](test::FakeJira& jira) {
               account({"site-admins"}, {})(jira);
               jira.forgetPermission(QStringLiteral("USER_PICKER"));
           }}
        << QStringList{"pass", "pass", "fail"} << 1 << "403";
    QTest::newRow("site without USER_PICKER, permission granted")
        << Row{[account, browse](test::FakeJira& jira) {
               account({"site-admins"}, browse)(jira);
               jira.forgetPermission(QStringLiteral("USER_PICKER"));
           }}
        << QStringList{"pass", "pass", "pass"} << 0 << "";
    QTest::newRow("wrong API token") << Row{account({"site-admins"}, browse), QStringLiteral("ATATT3x-wrong")}
                                     << QStringList{"fail", "skip", "skip"} << 1 << "401";
    QTest::newRow("password instead of a token")
        << Row{account({"site-admins"}, browse), QStringLiteral("correct horse")}
        << QStringList{"fail", "skip", "skip"} << 1 << "password";
    QTest::newRow("IP allowlist") << Row{[account, browse](test::FakeJira& jira) {
        account({"site-admins"}, browse)(jira);
        jira.setIpAllowlistBlocked(true);
    }} << QStringList{"fail", "skip", "skip"}
                                  << 1 << "allowlist";
    QTest::newRow("rate limited once") << Row{[account, browse](test::FakeJira& jira) {
        account({"site-admins"}, browse)(jira);
        jira.rateLimitNext(2, 1);
    }} << QStringList{"pass", "pass", "pass"}
                                       << 0 << "";
    QTest::newRow("not a Jira site") << Row{[account, browse](test::FakeJira& jira) {
        account({"site-admins"}, browse)(jira);
        jira.setSiteUnknown(true);
    }} << QStringList{"fail", "skip", "skip"}
                                     << 1 << "not Jira Cloud";
}

void JiraScenarios::scenario()
{
    QFETCH(Row, row);
    QFETCH(QStringList, statuses);
    QFETCH(int, exitCode);
    QFETCH(QString, mentions);

    m_jira->state() = test::FakeJiraState{};
    m_jira->clearRequests();
    row.setup(*m_jira);
    const quint16 port = m_nginx->port(QStringLiteral("jira"));
    const QString site = QStringLiteral("https://%1:%2").arg(kHost).arg(port);

    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("GITLAB_TOKEN"));
    env.insert(QStringLiteral("JIRA_API_TOKEN"), row.secret);
    p.setProcessEnvironment(env);
    const QStringList arguments{
        QStringLiteral("check"),        QStringLiteral("https://gitlab.example.com"),
        QStringLiteral("--only"),       QStringLiteral("jira."),
        QStringLiteral("--jira-site"),  site,
        QStringLiteral("--jira-email"), kEmail,
        QStringLiteral("--resolve"),    QStringLiteral("%1:%2:127.0.0.1").arg(kHost).arg(port),
        QStringLiteral("--ca-file"),    test::pki(QStringLiteral("root.pem")),
        QStringLiteral("--format"),     QStringLiteral("json"),
        QStringLiteral("--timeout"),    QStringLiteral("5")};
    QSignalSpy done(&p, &QProcess::finished);
    p.start(test::cliPath(), arguments);
    p.closeWriteChannel();
    QVERIFY(done.wait(30000));
    const QByteArray out = p.readAllStandardOutput();
    const QByteArray err = p.readAllStandardError();
    QVERIFY2(!out.contains(row.secret.toUtf8()) && !err.contains(row.secret.toUtf8()),
             "the token reached an output");

    const QJsonObject report = QJsonDocument::fromJson(out).object();
    QStringList problems;
    const auto byId = test::findingsById(report, &problems);
    QString all;
    for (const QString& id : {QStringLiteral("jira.auth"), QStringLiteral("jira.admin_group"),
                              QStringLiteral("jira.browse_users")})
        all += test::describeFinding(byId.value(id)) + QLatin1Char('\n');
    const QStringList ids{QStringLiteral("jira.auth"), QStringLiteral("jira.admin_group"),
                          QStringLiteral("jira.browse_users")};
    for (int i = 0; i < ids.size(); ++i) {
        const QString got = byId.value(ids.at(i)).value(QStringLiteral("status")).toString();
        QVERIFY2(got == statuses.at(i),
                 qPrintable(QStringLiteral("%1: expected %2, got %3\n%4%5")
                                .arg(ids.at(i), statuses.at(i), got, all, QString::fromUtf8(err))));
    }
    QCOMPARE(p.exitCode(), exitCode);
    if (!mentions.isEmpty()) {
        const QRegularExpression re(mentions);
        bool found = false;
        for (const QString& id : ids) {
            const QJsonObject f = byId.value(id);
            if (f.value(QStringLiteral("status")).toString() == QLatin1String("fail"))
                found = found || re.match(f.value(QStringLiteral("summary")).toString()).hasMatch();
        }
        QVERIFY2(found, qPrintable(QStringLiteral("no failing finding matches /%1/\n%2").arg(mentions, all)));
    }
    // The token only ever went to the site, in the Authorization header.
    for (const auto& request : m_jira->requests())
        QVERIFY(!request.path.contains(row.secret));
}

QTEST_GUILESS_MAIN(JiraScenarios)
#include "tst_jirascenarios.moc"
