// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

#include <functional>

class QStackedWidget;
class QWidget;

namespace gjd {

// The pages behind the start screen's doors (the setup wizard, the diagnostics pane, the export
// viewer) and behind File → Check a fleet (the fleet page), as the start screen (MainWindow) sees
// them.
//
// The pages, and the core they run on with QtNetwork, OpenSSL, QtKeychain and QuaZip, live in a
// module that the desktop program loads after its window is on screen (src/gui/pageloader.h):
// the start screen itself needs only Qt Widgets, so the window appears about as fast as an empty
// Qt window (docs/benchmarks.md, "Cold start (issue 13)"). Across that boundary there are only
// virtual calls and the plain types below, so the program itself never links the core's
// libraries; tests/gui/tst_program.cpp checks that it does not.
//
// The program calls only into a module built from the same revision of this class: the module's
// gjd_pages_version() is GJD_VERSION "/" GJD_PAGES_INTERFACE (pagemodule.cpp, pageloader.cpp).
// Raise GJD_PAGES_INTERFACE with every change here, so that a stale module of the same version is
// refused with a message instead of being called through another vtable.
#define GJD_PAGES_INTERFACE "2"

class PageHost
{
public:
    enum class Page
    {
        Setup,
        Check,
        Export,
        Fleet
    };

    // What the pages ask of the window.
    struct Window
    {
        QStackedWidget* stack = nullptr; // the pages are added here, built on first use
        std::function<void(Page)> show;  // show this page (the wizard's results go to the pane)
        std::function<void()> showStart; // Back, Escape on a page, the wizard finished
        std::function<void()> recentInstancesChanged;
        std::function<void()> exportStateChanged; // a report to export came or went
        // The program's gjd::openStandardStreams() (src/core/safefile.h): the module has its own
        // copy of the core, which did not see the program start.
        unsigned openStandardStreams = 7;
    };

    PageHost() = default;
    PageHost(const PageHost&) = delete;
    PageHost& operator=(const PageHost&) = delete;
    virtual ~PageHost() = default;

    // The page's widget, built and added to Window::stack the first time.
    virtual QWidget* page(Page page) = 0;
    // The page's widget, or null while it has not been built.
    virtual QWidget* builtPage(Page page) const = 0;
    // The page has just become the current one: it takes the focus (the wizard starts again if
    // it was finished or cancelled).
    virtual void shown(Page page) = 0;

    // Diagnostics pane: the URL to check, the run, whether a finished report can be exported, the
    // pane's own Export dialog.
    virtual void setCheckUrl(const QString& url) = 0;
    virtual void runCheck() = 0;
    virtual bool canExport() const = 0;
    virtual void exportReport() = 0;
    // Calls `then` whenever a run of the pane ends (bench/gui-benchmark.sh quits then).
    virtual void whenCheckEnds(std::function<void()> then) = 0;

    // Export viewer: read this file, or ask for one with a file dialog.
    virtual void openExport(const QString& path) = 0;
    virtual void chooseExport() = 0;

    // Fleet page: ask for a targets file (`check --targets`) with a file dialog and check its
    // instances once one is chosen; or check these instances, one row each (the recent ones).
    virtual void chooseFleetFile() = 0;
    virtual void checkFleet(const QStringList& urls) = 0;
};

// The module's one exported function (src/gui/pagemodule.cpp): a new host for a window, owned by
// the caller.
using PageHostFactory = PageHost* (*)(const PageHost::Window& window);

} // namespace gjd
