// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "runcontext.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace gjd {

// What a connection form holds, as typed (the wizard's first page and the pane share it).
struct ConnectionInput
{
    QString url, publicUrl, caFile,
        address;    // address: "Connect to address" (like --resolve for the instance host)
    QString method; // "" = detect; else a method id
    QString jiraSite, jiraEmail;
    double timeoutSeconds = 0; // 0 = the default
};

// The run options for `input`; nullopt with *error (translated, naming the field) when a field cannot be used
// (URL invalid, CA file unreadable / not PEM, address not an IPv4 address...). Trust store fields are left
// for the caller.
//
// The one place that turns a form into a run: the pane and the setup wizard both call it, so that a
// field is accepted (or refused, with the same words) the same way everywhere. The URLs are kept as
// typed (trimmed): the runner normalises them and its notes ("http-given") come from what was typed.
std::optional<RunOptions> buildRunOptions(const ConnectionInput& input, QString* error);

// Whether two inputs check the same thing: the URLs compared as normalised, the other fields as
// typed (trimmed), the timeout ignored. A report made for one is a report for the other.
bool sameTarget(const ConnectionInput& a, const ConnectionInput& b);

} // namespace gjd
