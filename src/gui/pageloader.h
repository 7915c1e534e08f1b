// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pagehost.h"

#include <QString>

namespace gjd {

// Where the start screen gets its pages from (pagehost.h).
//
// The desktop program loads the module gjd-pages (libgjd-pages.so) the first time it is asked:
// from the program's own directory (the build tree), then from the directory it is installed in,
// lib/<arch>/gitlab-jira-doctor beside bin/. Tests that link the pages in (gjd_gui) name their
// factory with setPageHostFactory() instead, and nothing is loaded.
void setPageHostFactory(PageHostFactory factory);

struct PageHostModule
{
    PageHostFactory factory = nullptr;
    QString problem; // why there is no factory: a sentence for the user, translated
};

// Loads the module on the first call and remembers the outcome (a failure too: the files do not
// come back while the program runs).
const PageHostModule& pageHostModule();

} // namespace gjd
