// SPDX-License-Identifier: GPL-3.0-or-later
#include "oauthpage.h"

#include "setup/setuptext.h"
#include "uistyle.h"
#include "wizardcommon.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace gjd::wizard {

OAuthWizardPage::OAuthWizardPage(WizardContext* context, QWidget* parent)
    : AsyncPage(context, parent)
    , m_plan(wrappingLabel(this, "applicationPlan"))
    , m_replace(new QCheckBox(this))
    , m_create(new WriteButton(this, "createApplicationButton"))
    , m_again(new QPushButton(this))
    , m_manualBox(new QGroupBox(this))
    , m_nameLabel(new QLabel(this))
    , m_redirectLabel(new QLabel(this))
    , m_scopesLabel(new QLabel(this))
    , m_manualText(wrappingLabel(this, "manualSteps"))
{
    setObjectName(QStringLiteral("oauthPage"));
    m_replace->setObjectName(QStringLiteral("replaceMisconfigured"));
    m_again->setObjectName(QStringLiteral("checkAgainButton"));
    m_again->setAutoDefault(false);
    m_replace->hide();
    connect(m_replace, &QCheckBox::toggled, this, &OAuthWizardPage::plan);
    connect(m_again, &QPushButton::clicked, this, &OAuthWizardPage::plan);
    connect(m_create, &WriteButton::writeRequested, this, &OAuthWizardPage::create);
    auto* form = new QFormLayout(m_manualBox);
    form->addRow(m_manualText);
    form->addRow(m_nameLabel, copyRow(m_manualBox, "applicationName", &m_name));
    form->addRow(m_redirectLabel, copyRow(m_manualBox, "redirectUri", &m_redirect));
    form->addRow(m_scopesLabel, copyRow(m_manualBox, "scopes", &m_scopes));
    m_nameLabel->setBuddy(m_name);
    m_redirectLabel->setBuddy(m_redirect);
    m_scopesLabel->setBuddy(m_scopes);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_plan);
    layout->addWidget(m_replace);
    auto* row = new QHBoxLayout;
    row->addWidget(m_create);
    row->addStretch(1);
    row->addWidget(m_again);
    layout->addLayout(row);
    addStatusWidgets(layout);
    layout->addWidget(m_manualBox);
    layout->addStretch(1);

    SetupJob& job = context->job();
    connect(&job, &SetupJob::planned, this, &OAuthWizardPage::onPlanned);
    connect(&job, &SetupJob::applicationReady, this, &OAuthWizardPage::onReady);
    connect(&job, &SetupJob::finished, this, &OAuthWizardPage::onFinished);
    retranslate();
}

void OAuthWizardPage::retranslate()
{
    setTitle(tr("OAuth application"));
    setSubTitle(tr("The Jira app signs admins in to GitLab with an OAuth application: scope api only, not "
                   "confidential, not trusted. Nothing is written until you select Create application."));
    m_replace->setText(tr("&Delete the misconfigured application and create a correct one"));
    updateCreateButton();
    m_again->setText(tr("Check &again"));
    if (m_lastPlan && !m_applicationReady && !isWriting())
        renderPlan(*m_lastPlan); // the plan in the new language (texts only: nothing is armed here)
    // A group box title does not wrap: a long one would make the page wider than the screen.
    m_manualBox->setTitle(tr("Or by hand"));
    m_manualText->setText(
        tr("Create it in Admin → Applications → New application, then select Check again: clear "
           "Trusted and Confidential, select only the api scope."));
    m_nameLabel->setText(tr("Name:"));
    m_redirectLabel->setText(tr("Redirect URI:"));
    m_scopesLabel->setText(tr("Scopes:"));
    // The labels sit outside the fields' row widgets, where Qt does not look for buddies.
    nameCopyRow(m_name, tr("Application name"));
    nameCopyRow(m_redirect, tr("Redirect URI"));
    nameCopyRow(m_scopes, tr("Scopes"));
    padBuddyLabels(this);
}

void OAuthWizardPage::updateCreateButton()
{
    m_create->setText(m_removes ? tr("Delete and &create application") : tr("&Create application"));
}

void OAuthWizardPage::initializePage()
{
    plan();
}

void OAuthWizardPage::cancel()
{
    context()->job().cancel();
}

void OAuthWizardPage::plan()
{
    if (isWriting())
        return;
    m_planned = false;
    m_applicationReady = false;
    m_lastPlan.reset();
    m_manualBox->show();
    m_create->setArmed(false);
    showMessage(QString(), false);
    setChecking(true);
    m_again->setEnabled(false);
    QString error;
    if (!context()->startPlan(m_replace->isChecked(), &error)) {
        setChecking(false);
        m_again->setEnabled(true);
        showMessage(error, true);
    }
}

void OAuthWizardPage::create()
{
    if (!m_planned || m_blocked || isChecking())
        return;
    setWriting(true);
    m_again->setEnabled(false);
    context()->job().applyApplication();
}

void OAuthWizardPage::onPlanned(const SetupPlan& plan)
{
    if (!isCurrent())
        return;
    setChecking(false);
    m_again->setEnabled(true);
    m_lastPlan = plan;
    renderPlan(plan);
    const bool creates =
        !m_blocked && !plan.reuse && plan.applicationAction == SetupPlan::ApplicationAction::Create;
    m_create->setVisible(creates || m_blocked);
    m_create->setArmed(creates);
    if (plan.reuse && !m_blocked) {
        context()->applicationUid = plan.reuse->uid;
        context()->applicationCreated = false;
        m_applicationReady = true;
    }
    emit completeChanged();
}

void OAuthWizardPage::renderPlan(const SetupPlan& plan)
{
    m_planned = true;
    m_blocked = plan.isBlocked();
    m_removes = plan.remove.has_value();
    m_name->setText(plan.application.name);
    m_redirect->setText(plan.application.redirectUri);
    m_scopes->setText(plan.application.scopes);
    QString text;
    if (plan.reuse)
        text = tr("\"%1\" (id %2) is set up right and will be used. Nothing is written on this page.")
                   .arg(plan.reuse->name)
                   .arg(plan.reuse->id);
    else if (plan.applicationAction == SetupPlan::ApplicationAction::Create)
        text = plan.remove ? tr("\"%1\" (id %2) will be deleted, and \"%3\" created with redirect URI %4.")
                                 .arg(plan.remove->name)
                                 .arg(plan.remove->id)
                                 .arg(plan.application.name, plan.application.redirectUri)
                           : tr("\"%1\" will be created with redirect URI %2, scope api, not confidential.")
                                 .arg(plan.application.name, plan.application.redirectUri);
    // Every application the move deletes is named here, before anything is written.
    QStringList retired;
    for (const OAuthApplication& old : plan.retire)
        retired.append(tr("\"%1\" (id %2)").arg(old.name).arg(old.id));
    if (!retired.isEmpty())
        text += QLatin1Char('\n') +
                tr("Will be deleted once the settings point at the new one, as you chose: %1.")
                    .arg(retired.join(QLatin1String(", ")));
    else if (plan.migration && plan.migration->oldApplication)
        text += QLatin1Char('\n') + tr("The legacy application \"%1\" (id %2) stays as it is.")
                                        .arg(plan.migration->oldApplication->name)
                                        .arg(plan.migration->oldApplication->id);
    m_plan->setText(text);
    m_replace->setVisible(plan.misconfigured.has_value());
    QStringList problems = plan.blockers;
    if (plan.misconfigured)
        problems.prepend(
            tr("\"%1\" (id %2), which the Application ID setting points at, is misconfigured: %3. "
               "Fix it at %4, or let the wizard replace it.")
                .arg(plan.misconfigured->name)
                .arg(plan.misconfigured->id)
                .arg(plan.misconfiguredProblems.join(QLatin1String("; ")),
                     setup::applicationAdminUrl(InstanceUrl::parse(plan.url), plan.misconfigured->id)));
    showMessage(problems.join(QLatin1Char('\n')), !problems.isEmpty() && plan.isBlocked());
    updateCreateButton();
}

void OAuthWizardPage::onReady(const QString& uid)
{
    if (!isCurrent())
        return;
    setWriting(false);
    m_again->setEnabled(true);
    context()->applicationUid = uid;
    context()->applicationCreated = true;
    m_applicationReady = true;
    m_manualBox->hide(); // nothing left to do by hand
    if (m_lastPlan)
        m_plan->setText(tr("\"%1\" was created with redirect URI %2, scope api, not confidential.")
                            .arg(m_lastPlan->application.name, m_lastPlan->application.redirectUri));
    showMessage(tr("Application ID %1 is ready. Select Next for GitLab's settings.").arg(uid), false);
    emit completeChanged();
}

void OAuthWizardPage::onFinished(const SetupResult& result)
{
    if (!isCurrent())
        return;
    setWriting(false);
    m_again->setEnabled(true);
    if (result.outcome == SetupResult::Outcome::Cancelled)
        return;
    m_planned = false; // the job ended: Check again plans anew
    m_create->setArmed(false);
    QString text = result.error;
    if (!result.remedy.isEmpty())
        text += QLatin1Char('\n') + result.remedy;
    showMessage(text, true);
    emit completeChanged();
}

} // namespace gjd::wizard
