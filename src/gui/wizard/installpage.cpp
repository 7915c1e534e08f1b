// SPDX-License-Identifier: GPL-3.0-or-later
#include "installpage.h"

#include "clock.h"
#include "connect/platformfacts.h"
#include "instanceurl.h"
#include "uistyle.h"
#include "wizardcommon.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace gjd::wizard {

InstallWizardPage::InstallWizardPage(WizardContext* context, QWidget* parent)
    : AsyncPage(context, parent)
    , m_listing(new QLabel(this))
    , m_steps(new QLabel(this))
    , m_urlLabel(new QLabel(this))
    , m_forge(new QGroupBox(this))
    , m_forgeWhere(wrappingLabel(this, "forgeUpgradeWhere"))
    , m_forgeWhy(wrappingLabel(this, "forgeUpgradeWhy"))
{
    setObjectName(QStringLiteral("installPage"));
    m_steps->setObjectName(QStringLiteral("installSteps"));
    m_listing->setObjectName(QStringLiteral("marketplaceListing"));
    m_forge->setObjectName(QStringLiteral("forgeUpgrade"));
    for (QLabel* l : {m_steps, m_listing}) {
        l->setWordWrap(true);
        l->setTextFormat(Qt::RichText);
    }
    m_listing->setOpenExternalLinks(true);
    m_listing->setTextInteractionFlags(Qt::TextBrowserInteraction);
    auto* forge = new QVBoxLayout(m_forge);
    forge->addWidget(m_forgeWhere);
    forge->addWidget(m_forgeWhy);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_listing);
    layout->addWidget(m_steps);
    auto* form = new QFormLayout;
    form->addRow(m_urlLabel, copyRow(this, "instanceUrlValue", &m_value));
    m_urlLabel->setBuddy(m_value);
    layout->addLayout(form);
    layout->addWidget(m_forge);
    layout->addStretch(1);
    retranslate();
}

void InstallWizardPage::retranslate()
{
    setTitle(tr("Install the app in Jira"));
    setSubTitle(tr("In Jira, as the Jira user of the previous page."));
    m_forge->setTitle(tr("Approve the app's Forge upgrade"));
    initializePage();
}

void InstallWizardPage::initializePage()
{
    const ConnectionInput& c = context()->connection;
    const InstanceUrl target = InstanceUrl::parse(c.publicUrl.trimmed().isEmpty() ? c.url : c.publicUrl);
    const SetupPlan& plan = context()->job().plan();
    const QString oldKey = plan.migration ? plan.migration->oldKey : QString();
    m_urlLabel->setText(tr("Instance URL:"));
    nameCopyRow(m_value, tr("Instance URL"));
    m_value->setText(target.isValid() ? target.toString()
                                      : QString()); // normalised: https, no trailing slash
    m_listing->setText(
        tr("The app in the Atlassian Marketplace: <a href=\"%1\" style=\"color: %2\">GitLab for Jira "
           "Cloud</a>")
            .arg(kMarketplaceListing.toHtmlEscaped(), linkTextColour(palette()).name()));
    QString list = QStringLiteral("<ol>");
    for (const QString& step : Migration::jiraSteps(m_value->text(), context()->movingLegacy, oldKey))
        list += QStringLiteral("<li>") + step.toHtmlEscaped() + QStringLiteral("</li>");
    m_steps->setText(list + QStringLiteral("</ol>"));
    m_forgeWhere->setText(platform::PlatformText::forgeUpgradeWhere());
    m_forgeWhy->setText(platform::PlatformText::forgeUpgradeWhy(Clock::localToday()));
    padBuddyLabels(this);
}

} // namespace gjd::wizard
