// SPDX-License-Identifier: GPL-3.0-or-later
// The module gjd-pages (libgjd-pages.so): the pages behind the start screen's doors and the core
// they run on, loaded by the desktop program after its first paint (pageloader.h). This is its
// one exported symbol.
#include "pages.h"

extern "C" Q_DECL_EXPORT gjd::PageHost* gjd_create_page_host(const gjd::PageHost::Window& window)
{
    return gjd::createPageHost(window);
}
