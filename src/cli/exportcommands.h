// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace gjd::cli {

// `show <export.zip|report.json>` and `diff <old> <new>`: read what `check` wrote (or the GUI
// exported) and print it; synchronous, nothing touches the network.
class ExportCommands
{
    Q_DECLARE_TR_FUNCTIONS(gjd::cli::ExportCommands)

public:
    // arguments[0] is the command name.
    static int show(const QStringList& arguments);
    static int diff(const QStringList& arguments);
};

} // namespace gjd::cli
