// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "finding.h"
#include "runcontext.h"

#include <QCoreApplication>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <memory>
#include <utility>
#include <vector>

namespace gjd {

// Category ids of the report (never translated) and their titles.
namespace category {
inline const QString input = QStringLiteral("input");
inline const QString network = QStringLiteral("network");
inline const QString tls = QStringLiteral("tls");
inline const QString gitlab = QStringLiteral("gitlab");
inline const QString connect = QStringLiteral("connect");
inline const QString settings = QStringLiteral("settings");
inline const QString jira = QStringLiteral("jira");
inline const QString platform = QStringLiteral("platform");
} // namespace category

class Categories
{
    Q_DECLARE_TR_FUNCTIONS(gjd::Categories)

public:
    static QStringList ids(); // in display order
    // The categories of these findings: the catalogue's in display order, then the ones this
    // version does not know (a report from a newer version), in the order they appear.
    static QStringList idsFor(const QList<Finding>& findings);
    static QString title(const QString& id);
};

// Documentation links, kept in one place so every finding points at the same pages.
namespace docs {
inline const QString jiraCloudAppAdmin =
    QStringLiteral("https://docs.gitlab.com/administration/settings/jira_cloud_app/");
inline const QString jiraCloudAppTroubleshooting =
    QStringLiteral("https://docs.gitlab.com/administration/settings/jira_cloud_app_troubleshooting/");
inline const QString omnibusSsl = QStringLiteral("https://docs.gitlab.com/omnibus/settings/ssl/");
inline const QString nginxHttps =
    QStringLiteral("https://nginx.org/en/docs/http/configuring_https_servers.html");
inline const QString atlassianIpRanges =
    QStringLiteral("https://support.atlassian.com/organization-administration/docs/"
                   "ip-addresses-and-domains-for-atlassian-cloud-products/");
inline const QString connectDescriptor =
    QStringLiteral("https://developer.atlassian.com/cloud/jira/platform/connect-app-descriptor/");
} // namespace docs

// The documented error strings a finding can account for (reference/gitlab.md §6).
namespace explains {
inline const QString invalidJwt = QStringLiteral("Invalid JWT");
inline const QString failedToUpdateInstance = QStringLiteral("Failed to update the GitLab instance");
inline const QString failedToUpdateVersion =
    QStringLiteral("Failed to update GitLab version. Please try again.");
inline const QString failedToLinkGroup = QStringLiteral("Failed to link namespace/group. Please try again.");
inline const QString failedToLoadAppId =
    QStringLiteral("Failed to load Jira Connect Application ID. Please try again.");
inline const QString failedToSignIn = QStringLiteral("Failed to sign in to GitLab.");
inline const QString missingClientId = QStringLiteral("Missing required parameter: client_id");
inline const QString invalidAudience = QStringLiteral("Invalid audience");
inline const QString previouslyInstalledFromMarketplace =
    QStringLiteral("The app \"gitlab-jira-connect-gitlab.com\" could not be installed as a local app as it "
                   "has previously been "
                   "installed from Atlassian Marketplace");
inline const QString installReturned401 = QStringLiteral("The app host returned HTTP response code 401");
inline const QString signInOrSignUp = QStringLiteral("You need to sign in or sign up before continuing.");
} // namespace explains

// One check of the catalogue (checks.md). A check only reads the RunContext: probes gather, checks
// judge. The runner fills id, category, title, prerequisites and duration of the Finding; evaluate()
// fills status, summary, details, remedy, docs, explains and evidence.
// Every installation method, in the order of the enum; a check that applies to fewer is skipped
// for the others.
inline QList<Method> everyMethod()
{
    return {Method::Marketplace, Method::Manual, Method::Proxy};
}

// One row of the catalogue (checks/catalogue.cpp): everything about a check except how it judges,
// which is its file's evaluate function beside it.
struct CheckSpec
{
    enum Flag : unsigned
    {
        NoFlags = 0,
        // The finding depends on the installation method beyond `methods`: with --method auto
        // the check waits until the method is known.
        MethodDependent = 1,
        // evaluate() copes with probes that never ran (no token, DNS failed): the runner still
        // waits for them, but leaves judging their absence to the check instead of reporting an
        // error.
        ProbesOptional = 2,
    };
    using Evaluate = void (*)(const RunContext& context, Finding& finding);

    QString id;
    QString category;
    const char* title; // English, in the tr() context "gjd::CheckCatalogue" (QT_TRANSLATE_NOOP)
    // Methods the check applies to; for the others it is reported as skip.
    QList<Method> methods;
    // Checks that must not have failed for this one to run (earlier in the catalogue).
    QStringList prerequisites;
    // Probe ids whose results evaluate() reads ("dns", "tcp", "tls").
    QStringList probes;
    unsigned flags;
    Evaluate evaluate;
};

// A check of the catalogue: its row, read through these functions.
class Check
{
    Q_DECLARE_TR_FUNCTIONS(gjd::CheckCatalogue)

public:
    explicit Check(CheckSpec spec)
        : m_spec(std::move(spec))
    {
    }

    QString id() const { return m_spec.id; }
    QString category() const { return m_spec.category; }
    QString title() const { return tr(m_spec.title); }
    QList<Method> methods() const { return m_spec.methods; }
    bool appliesToEveryMethod() const { return m_spec.methods == everyMethod(); }
    bool methodDependent() const { return (m_spec.flags & CheckSpec::MethodDependent) != 0; }
    QStringList prerequisites() const { return m_spec.prerequisites; }
    QStringList probes() const { return m_spec.probes; }
    bool probesOptional() const { return (m_spec.flags & CheckSpec::ProbesOptional) != 0; }
    void evaluate(const RunContext& context, Finding& finding) const { m_spec.evaluate(context, finding); }

private:
    CheckSpec m_spec;
};

using CheckList = std::vector<std::unique_ptr<Check>>;

// Every check in catalogue order (the order of checks.md and of the report).
const CheckList& catalogue();
const Check* findCheck(const QString& id);
// What is wrong with a catalogue, one line each; empty when nothing is: ids unique and of
// [a-z0-9._-]+, every prerequisite a check of the catalogue, every probe (and each probe's
// dependency) a probe of the probe catalogue, no cycle among prerequisites or probes. The runner
// finishes a run whatever this says; the test of the real catalogue keeps it empty.
QStringList catalogueProblems(const CheckList& checks);
// Ids of the catalogue matching an --only/--skip selector: an exact id, or a prefix ending in "."
// ("tls.") or a category id ("tls"). Empty when nothing matches.
QStringList matchSelector(const QString& selector);
// The checks a run reports on: --only (every check of `checks` when empty) minus --skip, plus
// every prerequisite of what is left. The runner runs these; the CLI asks for a token only when
// one of them reads an api.* probe.
QSet<QString> selectChecks(const CheckList& checks, const QStringList& only, const QStringList& skip);

// Small helpers for evaluate().
inline void set(Finding& f, Status status, const QString& summary, const QString& remedy = QString())
{
    f.status = status;
    f.summary = summary;
    f.remedy = remedy;
}

// A skip that is not caused by a failed check ("no-token", "method", "version"…): dependants
// are skipped with the same reason.
inline void skipFor(Finding& f, const QString& reasonCode, const QString& summary)
{
    f.status = Status::Skip;
    f.summary = summary;
    f.evidence.insert(QStringLiteral("skipped_because"), reasonCode);
}

} // namespace gjd
