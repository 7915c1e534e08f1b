// SPDX-License-Identifier: GPL-3.0-or-later
// platform.h with standard C++ only, for systems without a platform file of their own (Windows):
// the CLI runs, but as if no standard stream were a terminal — no token prompt, no colour, no
// progress line. Never built so far (docs/development.md, "Other platforms").
#include "platform.h"

namespace gjd::cli::platform {

bool isTerminal(Stream)
{
    return false;
}

int terminalColumns()
{
    return 0;
}

QByteArray readLineWithoutEcho(int)
{
    return QByteArray();
}

void ignoreBrokenPipe()
{
    // Nothing to do: only POSIX systems end a program that writes to a closed pipe.
}

} // namespace gjd::cli::platform
