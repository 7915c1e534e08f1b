// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "http/httpexchange.h"
#include "probe.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

namespace gjd {

struct RunContext;

// Every probe the checks can read, with the probes it needs first. Probe ids are internal (they
// never appear in reports); checks name them in Check::probes().
struct ProbeSpec
{
    QString id;
    QStringList dependsOn;
    std::function<std::unique_ptr<Probe>(RunContext&)> create;
};

const QList<ProbeSpec>& probeCatalogue();

// A GitLab API call with the admin token (PRIVATE-TOKEN), to the instance URL with its
// --resolve override and --ca-file: what the api.* probes and the setup's writes send.
HttpRequest gitlabApiRequest(const RunContext& ctx, const QByteArray& method, const QString& pathAndQuery);
const ProbeSpec* findProbe(const QString& id);

// Probe ids, so that checks and the runner do not spell them twice.
namespace probe {
inline const QString dns = QStringLiteral("dns");
inline const QString tcp = QStringLiteral("tcp");
inline const QString tls = QStringLiteral("tls");
inline const QString signIn = QStringLiteral("http.sign_in");
inline const QString versionAnonymous = QStringLiteral("http.version");
inline const QString descriptor = QStringLiteral("http.descriptor");
inline const QString descriptorDirect = QStringLiteral("http.descriptor_direct");
inline const QString installed = QStringLiteral("http.installed");
inline const QString applicationId = QStringLiteral("http.app_id");
inline const QString applicationIdPreflight = QStringLiteral("http.app_id_preflight");
inline const QString oauthCallbacks = QStringLiteral("http.callbacks");
inline const QString oauthTokenPreflight = QStringLiteral("http.token_cors");
inline const QString forgeInstallation = QStringLiteral("http.forge_installation");
inline const QString apiVersion = QStringLiteral("api.version");
inline const QString apiUser = QStringLiteral("api.user");
inline const QString apiToken = QStringLiteral("api.token");
inline const QString apiSettings = QStringLiteral("api.settings");
inline const QString apiApplications = QStringLiteral("api.applications");
inline const QString jiraMyself = QStringLiteral("jira.myself");
inline const QString jiraPermissions = QStringLiteral("jira.permissions");
inline const QString jiraUserGroups = QStringLiteral("jira.user_groups");
} // namespace probe

// The origin GitLab.com's Jira app pages run in (the Marketplace method's CORS origin).
inline const QString gitlabComOrigin = QStringLiteral("https://gitlab.com");

} // namespace gjd
