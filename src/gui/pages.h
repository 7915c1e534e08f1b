// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pagehost.h"

#include <QObject>
#include <QPointer>

#include <functional>

namespace gjd {

class DiagnosticsPage;
class ExportViewPage;
class FleetPage;
class SetupWizard;

// The pages behind the start screen's doors (PageHost), each built the first time it is shown.
// The desktop program gets it from the module gjd-pages (pagemodule.cpp); tests that link gjd_gui
// pass createPageHost to setPageHostFactory() (pageloader.h).
//
// Object names for tests: "setupPage" (holds the SetupWizard "setupWizard"), "checkPage"
// (DiagnosticsPage), "exportPage" (ExportViewPage).
class Pages final : public QObject, public PageHost
{
    Q_OBJECT

public:
    explicit Pages(PageHost::Window window);
    ~Pages() override;

    QWidget* page(Page page) override;
    QWidget* builtPage(Page page) const override;
    void shown(Page page) override;
    void setCheckUrl(const QString& url) override;
    void runCheck() override;
    bool canExport() const override;
    void exportReport() override;
    void whenCheckEnds(std::function<void()> then) override;
    void openExport(const QString& path) override;
    void chooseExport() override;
    void chooseFleetFile() override;
    void checkFleet(const QStringList& urls) override;

private:
    SetupWizard* setupWizard();
    DiagnosticsPage* diagnosticsPage();
    ExportViewPage* exportViewPage();
    FleetPage* fleetPage();

    PageHost::Window m_window;
    QPointer<QWidget> m_setupPage;
    QPointer<SetupWizard> m_wizard;
    QPointer<DiagnosticsPage> m_checkPage;
    QPointer<ExportViewPage> m_exportPage;
    QPointer<FleetPage> m_fleetPage;
};

// PageHostFactory for the pages linked into this binary.
PageHost* createPageHost(const PageHost::Window& window);

} // namespace gjd
