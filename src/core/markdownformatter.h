// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "report.h"

#include <QCoreApplication>
#include <QString>

namespace gjd {

// A report as Markdown that pastes into a ticket (GitLab, Jira, GitHub render it): the target,
// the verdict, every failure and warning with its fix, then one table of every check.
class MarkdownFormatter
{
    Q_DECLARE_TR_FUNCTIONS(gjd::MarkdownFormatter)

public:
    static QString format(const Report& report);
    // Text from a finding or a server, made inert in Markdown (no links, no HTML, no tables).
    static QString escape(const QString& text);
};

} // namespace gjd
