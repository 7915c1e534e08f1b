// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connect/installtype.h"
#include "gitlabversion.h"

#include <QCoreApplication>
#include <QDate>
#include <QString>
#include <QStringList>

#include <optional>

namespace gjd {

// The two ways the setup wizard goes since Atlassian stopped private Connect installs: a new
// install is the Marketplace app; an existing legacy (manual or proxy) install is moved to it.
enum class SetupPath
{
    NewInstall,
    MoveLegacy
};

// What the wizard learnt about the instance before the choice (platform.install_type with the
// admin's token); `type` empty when it is not known.
struct DetectedInstall
{
    QString type;   // installTypeId(): "none", "marketplace", "legacy-connect", "forge-native"
    QString reason; // translated: what the settings showed
    bool relaysForOthers = false;
};

// The wizard's decision helper, as a pure function of what was detected and the version, so that
// it is tested without widgets. What depends on the day is connectStatus().
struct MethodAdvice
{
    Q_DECLARE_TR_FUNCTIONS(gjd::MethodAdvice)

public:
    std::optional<SetupPath> recommended; // nullopt: nothing works as things stand (GitLab too old)
    QStringList reasons;                  // translated, in order of weight
    QStringList warnings;                 // translated

    static MethodAdvice advise(const DetectedInstall& detected, const std::optional<GitLabVersion>& version);
    // Where Connect stands on `today`, for new and existing installs (translated, two sentences).
    static QString connectStatus(const QDate& today);
};

} // namespace gjd
