// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "runcontext.h"

#include <QCoreApplication>

namespace gjd {

struct MethodGuess
{
    Method method = Method::Marketplace;
    bool detected = false;
    QString reason; // translated
};

// --method auto: the GitLab settings when a token gives them (proxy URL set ⇒ Marketplace; blank
// with public key storage ⇒ proxy; blank ⇒ manual), else the descriptor key
// (gitlab-jira-connect-gitlab.com ⇒ Marketplace, another gitlab-jira-connect-* ⇒ manual), else
// Marketplace is assumed: the only method open to new installs.
class MethodDetection
{
    Q_DECLARE_TR_FUNCTIONS(gjd::MethodDetection)

public:
    static MethodGuess detect(const RunContext& context);
};

inline MethodGuess detectMethod(const RunContext& context)
{
    return MethodDetection::detect(context);
}

} // namespace gjd
