// SPDX-License-Identifier: GPL-3.0-or-later
#include "pages.h"

#include "credentials/keychaincredentialstore.h"
#include "diagnosticspage.h"
#include "exportviewpage.h"
#include "fleetpage.h"
#include "http/systemcas.h"
#include "safefile.h"
#include "setupwizard.h"

#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <utility>

namespace gjd {

Pages::Pages(PageHost::Window window)
    : m_window(std::move(window))
{
    setOpenStandardStreams(m_window.openStandardStreams);
    // The system's CA certificates are parsed in the background from now on (http/systemcas.h):
    // the host is made once the window is on screen, so the parsing never competes with building
    // it. A check started at once (--check) waits for them.
    systemcas::preload();
}

// The pages belong to the window's stack and go with it (the stack outlives the host).
Pages::~Pages() = default;

QWidget* Pages::page(Page page)
{
    switch (page) {
    case Page::Setup:
        setupWizard();
        break;
    case Page::Check:
        diagnosticsPage();
        break;
    case Page::Export:
        exportViewPage();
        break;
    case Page::Fleet:
        fleetPage();
        break;
    }
    return builtPage(page);
}

QWidget* Pages::builtPage(Page page) const
{
    switch (page) {
    case Page::Setup:
        return m_setupPage;
    case Page::Check:
        return m_checkPage;
    case Page::Export:
        return m_exportPage;
    case Page::Fleet:
        return m_fleetPage;
    }
    return nullptr;
}

void Pages::shown(Page page)
{
    switch (page) {
    case Page::Check:
        diagnosticsPage()->focusFirstField();
        return;
    case Page::Setup:
        if (setupWizard()->isHidden()) { // finished or cancelled before: start again, with what was typed
            m_wizard->restart();
            m_wizard->show();
        }
        m_wizard->setFocus(Qt::OtherFocusReason);
        m_wizard->focusFirstField();
        return;
    case Page::Export:
        // With nothing open yet, Open is what the admin came for.
        if (exportViewPage()->opened())
            m_exportPage->backButton()->setFocus(Qt::OtherFocusReason);
        else
            m_exportPage->findChild<QWidget*>(QStringLiteral("openButton"))->setFocus(Qt::OtherFocusReason);
        return;
    case Page::Fleet:
        fleetPage()->focusFirstField();
        return;
    }
}

void Pages::setCheckUrl(const QString& url)
{
    diagnosticsPage()->setUrl(url);
}

void Pages::runCheck()
{
    diagnosticsPage()->run();
}

bool Pages::canExport() const
{
    return m_checkPage && !m_checkPage->isRunning() && !m_checkPage->report().checks.isEmpty();
}

// The pane's own Export button, so that the menu and the button open the same dialog with the
// same secrets to redact.
void Pages::exportReport()
{
    if (!canExport())
        return;
    if (auto* button = m_checkPage->findChild<QPushButton*>(QStringLiteral("exportButton")))
        button->click();
}

void Pages::whenCheckEnds(std::function<void()> then)
{
    connect(diagnosticsPage(), &DiagnosticsPage::runningChanged, this,
            [then = std::move(then)](bool running) {
                if (!running)
                    then();
            });
}

void Pages::openExport(const QString& path)
{
    exportViewPage()->openFile(path);
}

void Pages::chooseExport()
{
    exportViewPage()->chooseFile();
}

void Pages::chooseFleetFile()
{
    fleetPage()->chooseFile();
}

void Pages::checkFleet(const QStringList& urls)
{
    fleetPage()->checkInstances(urls);
}

SetupWizard* Pages::setupWizard()
{
    if (m_wizard)
        return m_wizard;
    m_setupPage = new QWidget(m_window.stack);
    m_setupPage->setObjectName(QStringLiteral("setupPage"));
    // The wizard lives inside the window, not as a dialog of its own. Its keychain goes with it,
    // after the wizard's own destructor.
    auto* store = new KeychainCredentialStore;
    m_wizard = new SetupWizard(store, m_setupPage);
    store->setParent(m_wizard);
    m_wizard->setWindowFlags(Qt::Widget);
    auto* setupLayout = new QVBoxLayout(m_setupPage);
    setupLayout->setContentsMargins(0, 0, 0, 0);
    setupLayout->addWidget(m_wizard);
    m_window.stack->addWidget(m_setupPage);
    connect(m_wizard, &QDialog::finished, this, [this] { m_window.showStart(); });
    // The results and the tokens go along (memory only): the pane shows them as a finished run.
    connect(m_wizard, &SetupWizard::openResults, this,
            [this](const ConnectionInput& input, const Report& report, const Credentials& credentials,
                   const QList<CheckRunner::ProbeTiming>& timings) {
                diagnosticsPage()->showResults(input, report, credentials, timings);
                m_window.show(Page::Check);
            });
    return m_wizard;
}

DiagnosticsPage* Pages::diagnosticsPage()
{
    if (m_checkPage)
        return m_checkPage;
    m_checkPage = new DiagnosticsPage(m_window.stack);
    m_checkPage->setObjectName(QStringLiteral("checkPage"));
    m_window.stack->addWidget(m_checkPage);
    connect(m_checkPage, &DiagnosticsPage::backRequested, this, [this] { m_window.showStart(); });
    connect(m_checkPage, &DiagnosticsPage::instanceChecked, this,
            [this] { m_window.recentInstancesChanged(); });
    connect(m_checkPage, &DiagnosticsPage::runningChanged, this, [this] { m_window.exportStateChanged(); });
    return m_checkPage;
}

ExportViewPage* Pages::exportViewPage()
{
    if (m_exportPage)
        return m_exportPage;
    m_exportPage = new ExportViewPage(m_window.stack);
    m_exportPage->setObjectName(QStringLiteral("exportPage"));
    m_window.stack->addWidget(m_exportPage);
    connect(m_exportPage, &ExportViewPage::backRequested, this, [this] { m_window.showStart(); });
    return m_exportPage;
}

FleetPage* Pages::fleetPage()
{
    if (m_fleetPage)
        return m_fleetPage;
    m_fleetPage = new FleetPage(m_window.stack);
    m_fleetPage->setObjectName(QStringLiteral("fleetPage"));
    m_window.stack->addWidget(m_fleetPage);
    connect(m_fleetPage, &FleetPage::backRequested, this, [this] { m_window.showStart(); });
    return m_fleetPage;
}

PageHost* createPageHost(const PageHost::Window& window)
{
    return new Pages(window);
}

} // namespace gjd
