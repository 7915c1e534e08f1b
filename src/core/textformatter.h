// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "report.h"

#include <QCoreApplication>
#include <QString>

namespace gjd {

// The human-readable report of `check` and `show`: a tree by category, one status mark per
// check, and under every warn/fail its summary and remedy.
class TextFormatter
{
    Q_DECLARE_TR_FUNCTIONS(gjd::TextFormatter)

public:
    struct Options
    {
        bool color = false;
    };

    static QString format(const Report& report, const Options& options);
    static QString mark(Status status);
    // `text` in the status's ANSI colour when `color`, else as it is.
    static QString paint(Status status, const QString& text, bool color);
    // Who refuses what a TLS finding found (evidence.consumers), as one translated line:
    // "Refused by GitLab.com (Marketplace app) and Jira Cloud (legacy Connect)." Empty when nobody.
    static QString consumersLine(const Finding& finding);
    static QString statusTitle(Status status);
    // "pass: 24, info: 1, fail: 5" (only the statuses that occur, in Status order): a status word
    // before its count needs no plural form.
    static QString statusCounts(const Summary& summary);
    // How platform.install_type decided, for the report headers: "the settings", "the descriptor
    // key", … (translated); empty for an unknown value.
    static QString installTypeSource(const QString& decidedBy);
    // "given", "detected" or "assumed" (Report::methodSource), translated.
    static QString methodSourceTitle(const QString& source);
};

} // namespace gjd
