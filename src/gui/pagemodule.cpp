// SPDX-License-Identifier: GPL-3.0-or-later
// The module gjd-pages (libgjd-pages.so): the pages behind the start screen's doors and the core
// they run on, loaded by the desktop program after its first paint (pageloader.h). These are its
// exported functions (with the static libraries' resource registration, which Qt's rcc exports).
#include "pages.h"

extern "C" Q_DECL_EXPORT gjd::PageHost* gjd_create_page_host(const gjd::PageHost::Window& window)
{
    return gjd::createPageHost(window);
}

// The version the module was built as, with the revision of PageHost (pagehost.h): the program
// calls through PageHost's vtable only into a module of its own (a stale copy left by another
// version or revision would not match the layout).
extern "C" Q_DECL_EXPORT const char* gjd_pages_version()
{
    return GJD_VERSION "/" GJD_PAGES_INTERFACE;
}
