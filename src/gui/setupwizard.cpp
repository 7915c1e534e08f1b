// SPDX-License-Identifier: GPL-3.0-or-later
#include "setupwizard.h"

#include "uistyle.h"
#include "wizard/asyncpage.h"
#include "wizard/installpage.h"
#include "wizard/instancepage.h"
#include "wizard/jirapage.h"
#include "wizard/methodpage.h"
#include "wizard/oauthpage.h"
#include "wizard/prerequisitespage.h"
#include "wizard/settingspage.h"
#include "wizard/stepindicator.h"
#include "wizard/verifypage.h"
#include "wizard/wizardcontext.h"

#include <QAbstractButton>
#include <QApplication>
#include <QEvent>

namespace gjd {

using namespace wizard;

SetupWizard::SetupWizard(CredentialStore* store, QWidget* parent)
    : QWizard(parent)
    , m_context(new WizardContext(store, this))
    , m_steps(new StepIndicator(this))
{
    setObjectName(QStringLiteral("setupWizard"));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    setOption(QWizard::HaveHelpButton, false);
    // What was typed before comes back (never a secret: those come from the store, on request).
    m_context->load();
    setPage(InstancePage, new InstanceWizardPage(m_context));
    setPage(MethodPage, new MethodWizardPage(m_context));
    setPage(PrerequisitesPage, new PrerequisitesWizardPage(m_context));
    setPage(OAuthPage, new OAuthWizardPage(m_context));
    setPage(SettingsPage, new SettingsWizardPage(m_context));
    setPage(JiraPage, new JiraWizardPage(m_context));
    setPage(InstallPage, new InstallWizardPage(m_context));
    setPage(VerifyPage, new VerifyWizardPage(m_context));
    setStartId(InstancePage);
    setSideWidget(m_steps);
    connect(this, &QWizard::currentIdChanged, m_steps, [this](int id) {
        m_steps->setCurrent(qMax(0, id));
        m_pageShown.start();
    });
    for (WizardButton which : {QWizard::NextButton, QWizard::BackButton, QWizard::FinishButton})
        button(which)->installEventFilter(this);
    // While a page writes, Back stays disabled (QWizard enables it on every completeChanged; this
    // connection comes after QWizard's own, so it has the last word).
    for (int id : pageIds())
        connect(page(id), &QWizardPage::completeChanged, this, &SetupWizard::guardBack);
    connect(this, &QWizard::currentIdChanged, this, &SetupWizard::guardBack);
    connect(m_context, &WizardContext::openDiagnostics, this,
            [this](const ConnectionInput& input, const Report& report, const Credentials& credentials,
                   const QList<CheckRunner::ProbeTiming>& timings) {
                emit openResults(input, report, credentials, timings);
                emit openDiagnostics(m_context->instanceUrl());
            });
    retranslate();
}

SetupWizard::~SetupWizard()
{
    cancelJobs();
}

void SetupWizard::setPublicTrustStore(const QList<QSslCertificate>& certificates, const QString& source)
{
    m_context->trustStore = certificates;
    m_context->trustStoreSource = source;
}

void SetupWizard::addResolveOverride(const ResolveOverride& override)
{
    m_context->resolve.append(override);
}

void SetupWizard::cancelJobs()
{
    m_context->cancelAll();
}

void SetupWizard::focusFirstField()
{
    if (auto* first = qobject_cast<InstanceWizardPage*>(currentPage()))
        first->focusFirstField();
}

void SetupWizard::guardBack()
{
    if (auto* current = qobject_cast<AsyncPage*>(currentPage()); current && current->isWriting())
        button(QWizard::BackButton)->setEnabled(false);
}

bool SetupWizard::isSettling() const
{
    return m_pageShown.isValid() && m_pageShown.elapsed() < QApplication::doubleClickInterval();
}

bool SetupWizard::eventFilter(QObject* watched, QEvent* event)
{
    // A double click on Next is two clicks: the first moves on, the second would land on the
    // page just shown. Nobody reads a page in a double-click interval.
    if ((event->type() == QEvent::MouseButtonPress || event->type() == QEvent::MouseButtonDblClick) &&
        isSettling())
        return true;
    return QWizard::eventFilter(watched, event);
}

void SetupWizard::done(int result)
{
    cancelJobs();
    m_context->save();
    QWizard::done(result);
}

void SetupWizard::changeEvent(QEvent* event)
{
    QWizard::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
}

void SetupWizard::retranslate()
{
    setWindowTitle(tr("Set up the GitLab for Jira Cloud app"));
    // The Finish button says where it goes.
    setButtonText(QWizard::FinishButton, tr("&Finish"));
    padBuddyLabels(this);
}

} // namespace gjd
