// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace gjd {

struct HttpResponse;

// The Jira Connect app descriptor GitLab serves at /-/jira_connect/app_descriptor.json, and the
// rules Atlassian applies to it (reference/atlassian.md §2).
class Descriptor
{
    Q_DECLARE_TR_FUNCTIONS(gjd::Descriptor)

public:
    static inline const QString marketplaceKey = QStringLiteral("gitlab-jira-connect-gitlab.com");
    static inline const QString keyPrefix = QStringLiteral("gitlab-jira-connect-");

    // A JSON object from a response; nullopt with *error (translated) for anything else.
    static std::optional<QJsonObject> parseObject(const HttpResponse& response, QString* error);

    // One violation per line, each naming the field: key pattern and length, absolute https
    // baseUrl, authentication jwt ⇒ lifecycle.installed, non-empty modules with valid keys,
    // scopes from Atlassian's set. Empty when the descriptor is acceptable.
    static QStringList violations(const QJsonObject& descriptor);

    // The key GitLab derives: "gitlab-jira-connect-" + host (+ path for a proxy URL), cut to 64.
    static QString keyForHost(const QString& hostAndPath);
};

} // namespace gjd
