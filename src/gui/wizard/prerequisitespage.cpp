// SPDX-License-Identifier: GPL-3.0-or-later
#include "prerequisitespage.h"

#include "findinglist.h"
#include "wizardcommon.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace gjd::wizard {

PrerequisitesWizardPage::PrerequisitesWizardPage(WizardContext* context, QWidget* parent)
    : AsyncPage(context, parent)
    , m_list(new FindingList(this, "prerequisiteList"))
    , m_again(new QPushButton(this))
    , m_continue(new QCheckBox(this))
{
    setObjectName(QStringLiteral("prerequisitesPage"));
    m_again->setObjectName(QStringLiteral("checkAgainButton"));
    m_again->setAutoDefault(false);
    m_continue->setObjectName(QStringLiteral("continueAnyway"));
    m_continue->hide();
    connect(m_continue, &QCheckBox::toggled, this, &QWizardPage::completeChanged);
    connect(m_again, &QPushButton::clicked, this, &PrerequisitesWizardPage::run);
    connect(&m_runner, &CheckRunner::checkStarted, m_list, &FindingList::markRunning);
    connect(&m_runner, &CheckRunner::checkWaiting, m_list, &FindingList::setWaitingFor);
    connect(&m_runner, &CheckRunner::checkFinished, m_list, &FindingList::setFinding);
    connect(&m_runner, &CheckRunner::finished, this, &PrerequisitesWizardPage::onChecked);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_list->makeDetailLabel(this));
    addStatusWidgets(layout);
    auto* row = new QHBoxLayout;
    row->addWidget(m_continue, 1);
    row->addWidget(m_again);
    layout->addLayout(row);
    retranslate();
}

QStringList PrerequisitesWizardPage::ids()
{
    return {QStringLiteral("dns.resolve"),      QStringLiteral("dns.public"),
            QStringLiteral("tcp.connect"),      QStringLiteral("port.allowed"),
            QStringLiteral("tls.handshake"),    QStringLiteral("tls.hostname"),
            QStringLiteral("tls.validity"),     QStringLiteral("tls.chain.complete"),
            QStringLiteral("tls.trust.public"), QStringLiteral("http.base"),
            QStringLiteral("gitlab.version"),   QStringLiteral("connect.descriptor"),
            QStringLiteral("connect.lifecycle")};
}

void PrerequisitesWizardPage::retranslate()
{
    setTitle(tr("Prerequisites"));
    setSubTitle(
        tr("What Jira Cloud and GitLab.com need before anything is set up: a public name, HTTPS with a "
           "complete, publicly trusted chain, a recent GitLab, the Jira Connect endpoints."));
    m_again->setText(tr("Check &again"));
    m_continue->setText(tr("I know better (for example split-horizon DNS): &continue anyway"));
    m_list->retranslate();
    if (m_done)
        onChecked(m_report);
}

void PrerequisitesWizardPage::initializePage()
{
    run();
}

void PrerequisitesWizardPage::cleanupPage()
{
    m_runner.cancel();
}

void PrerequisitesWizardPage::cancel()
{
    m_runner.cancel();
}

bool PrerequisitesWizardPage::ready() const
{
    return m_done && (!m_failed || m_continue->isChecked());
}

void PrerequisitesWizardPage::run()
{
    if (m_runner.isRunning())
        return;
    m_done = false;
    m_continue->hide();
    m_continue->setChecked(false);
    showMessage(QString(), false);
    QString error;
    std::optional<RunOptions> o = context()->runOptions(&error);
    if (!o) {
        showMessage(error, true);
        return;
    }
    o->only = ids();
    setChecking(true);
    if (!m_runner.start(*o, context()->credentials())) {
        setChecking(false);
        return;
    }
    m_list->startChecks(ids());
}

void PrerequisitesWizardPage::onChecked(const Report& report)
{
    m_report = report;
    m_list->showFindings(report, ids());
    m_failed = false;
    int warnings = 0;
    for (const QString& id : ids()) {
        const Finding* f = report.find(id);
        m_failed = m_failed || (f && (f->status == Status::Fail || f->status == Status::Error));
        warnings += f && f->status == Status::Warn ? 1 : 0;
    }
    m_done = true;
    m_continue->setVisible(m_failed);
    // The summary never says more than the list: warnings are named as warnings.
    if (m_failed)
        showMessage(tr("Some prerequisites fail: fix them and check again, or continue if you know they do "
                       "not apply from where Jira connects."),
                    true);
    else if (warnings > 0)
        showMessage(tr("Nothing fails, but %n warning(s) may stop Jira Cloud or GitLab.com: read them before "
                       "you go on.",
                       nullptr, warnings),
                    false);
    else
        showMessage(tr("Jira Cloud and GitLab.com can work with this instance."), false);
    setChecking(false);
}

} // namespace gjd::wizard
