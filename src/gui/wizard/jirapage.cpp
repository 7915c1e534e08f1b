// SPDX-License-Identifier: GPL-3.0-or-later
#include "jirapage.h"

#include "findinglist.h"
#include "instanceurl.h"
#include "uistyle.h"
#include "wizardcommon.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace gjd::wizard {

JiraWizardPage::JiraWizardPage(WizardContext* context, QWidget* parent)
    : AsyncPage(context, parent)
    , m_site(lineEdit(this, "jiraSiteEdit"))
    , m_email(lineEdit(this, "jiraEmailEdit"))
    , m_token(lineEdit(this, "jiraTokenEdit", true))
    , m_link(new QLabel(this))
    , m_check(new QPushButton(this))
    , m_list(new FindingList(this, "jiraResults"))
    , m_skip(new QCheckBox(this))
    , m_remember(new QCheckBox(this))
    , m_siteLabel(new QLabel(this))
    , m_emailLabel(new QLabel(this))
    , m_tokenLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("jiraPage"));
    m_skip->setObjectName(QStringLiteral("skipJira"));
    m_remember->setObjectName(QStringLiteral("rememberJiraTokenCheck"));
    m_check->setObjectName(QStringLiteral("checkJiraButton"));
    m_check->setAutoDefault(false);
    m_link->setObjectName(QStringLiteral("tokenLink"));
    m_link->setOpenExternalLinks(true);
    m_link->setTextFormat(Qt::RichText);
    m_site->setText(context->connection.jiraSite);
    m_email->setText(context->connection.jiraEmail);
    m_remember->setChecked(context->rememberJiraToken);
    auto* form = new QFormLayout;
    form->addRow(m_siteLabel, m_site);
    form->addRow(m_emailLabel, m_email);
    form->addRow(m_tokenLabel, m_token);
    form->addRow(QString(), m_remember);
    form->addRow(QString(), m_link);
    m_siteLabel->setBuddy(m_site);
    m_emailLabel->setBuddy(m_email);
    m_tokenLabel->setBuddy(m_token);
    auto* row = new QHBoxLayout;
    row->addWidget(m_check);
    row->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(row);
    addStatusWidgets(layout);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_list->makeDetailLabel(this));
    layout->addWidget(m_skip);
    m_list->hide();
    for (QLineEdit* e : {m_site, m_email, m_token})
        connect(e, &QLineEdit::textChanged, this, &JiraWizardPage::inputChanged);
    connect(m_remember, &QCheckBox::toggled, this,
            [this](bool on) { this->context()->rememberJiraToken = on; });
    connect(m_skip, &QCheckBox::toggled, this, &QWizardPage::completeChanged);
    connect(m_check, &QPushButton::clicked, this, &JiraWizardPage::check);
    connect(&m_runner, &CheckRunner::checkStarted, m_list, &FindingList::markRunning);
    connect(&m_runner, &CheckRunner::checkWaiting, m_list, &FindingList::setWaitingFor);
    connect(&m_runner, &CheckRunner::checkFinished, m_list, &FindingList::setFinding);
    connect(&m_runner, &CheckRunner::finished, this, &JiraWizardPage::onChecked);
    retranslate();
}

QStringList JiraWizardPage::ids()
{
    return {QStringLiteral("jira.auth"), QStringLiteral("jira.admin_group"),
            QStringLiteral("jira.browse_users")};
}

void JiraWizardPage::retranslate()
{
    setTitle(tr("Jira user"));
    setSubTitle(tr("The Jira user who installs and configures the app must be in site-admins or org-admins, "
                   "and may need the Browse users and groups permission."));
    m_siteLabel->setText(tr("Jira &site:"));
    m_site->setPlaceholderText(tr("https://your-site.atlassian.net"));
    m_emailLabel->setText(tr("&Email:"));
    m_tokenLabel->setText(tr("API &token:"));
    m_token->setAccessibleName(tr("Jira API token"));
    // Rich text links keep the light palette's blue on a dark theme unless told otherwise.
    m_link->setText(
        tr("<a href=\"%1\" style=\"color: %2\">Create an API token</a> (Atlassian account → Security)")
            .arg(kTokenLink, linkTextColour(palette()).name()));
    m_check->setText(tr("C&heck the Jira user"));
    m_skip->setText(tr("S&kip: check the Jira user later"));
    m_remember->setText(tr("&Remember the API token in the system keychain"));
    m_list->retranslate();
    padBuddyLabels(this);
}

void JiraWizardPage::initializePage()
{
    if (m_token->text().isEmpty() && m_remember->isChecked() &&
        InstanceUrl::parse(m_site->text()).isValid() && !m_email->text().trimmed().isEmpty())
        recallSecret(jiraKey(), m_token, [this] { return jiraKey(); });
    m_check->setEnabled(canCheck());
    (m_site->text().isEmpty() ? m_site : m_email->text().isEmpty() ? m_email : m_token)->setFocus();
}

bool JiraWizardPage::validatePage()
{
    if (m_passed || m_skip->isChecked()) {
        context()->jiraChecked = m_passed && !m_skip->isChecked();
        context()->save();
        return true;
    }
    // Next (or Enter) on a filled page checks; the result stays on the page.
    check();
    return false;
}

void JiraWizardPage::cleanupPage()
{
    m_runner.cancel();
}

void JiraWizardPage::cancel()
{
    m_runner.cancel();
}

bool JiraWizardPage::canCheck() const
{
    return InstanceUrl::parse(m_site->text()).isValid() && m_email->text().contains(QLatin1Char('@')) &&
           !m_token->text().trimmed().isEmpty();
}

bool JiraWizardPage::ready() const
{
    return m_skip->isChecked() || canCheck();
}

void JiraWizardPage::inputChanged()
{
    m_passed = false;
    context()->connection.jiraSite = m_site->text().trimmed();
    context()->connection.jiraEmail = m_email->text().trimmed();
    context()->jiraToken = m_token->text().trimmed().toUtf8();
    m_check->setEnabled(canCheck() && !isChecking());
    // A result for other input is not shown under this one.
    m_list->hide();
    showMessage(QString(), false);
    emit completeChanged();
}

QString JiraWizardPage::jiraKey() const
{
    return CredentialStore::jiraTokenKey(InstanceUrl::parse(m_site->text()).toString(),
                                         m_email->text().trimmed());
}

void JiraWizardPage::check()
{
    if (isChecking() || !canCheck())
        return;
    QString error;
    std::optional<RunOptions> o = context()->runOptions(&error);
    if (!o) {
        showMessage(error, true);
        return;
    }
    o->jiraSite = InstanceUrl::parse(m_site->text()).toString();
    o->jiraEmail = m_email->text().trimmed();
    o->only = ids();
    showMessage(QString(), false);
    if (!m_runner.start(*o, context()->credentials()))
        return;
    setChecking(true);
    m_check->setEnabled(false);
    // The result must be that of what the fields say: they stay as they are until the end.
    for (QWidget* w : std::initializer_list<QWidget*>{m_site, m_email, m_token, m_remember})
        w->setEnabled(false);
    m_list->startChecks(ids());
    m_list->show();
}

void JiraWizardPage::onChecked(const Report& report)
{
    setChecking(false);
    for (QWidget* w : std::initializer_list<QWidget*>{m_site, m_email, m_token, m_remember})
        w->setEnabled(true);
    m_check->setEnabled(canCheck());
    m_list->showFindings(report, ids());
    m_list->show();
    bool ok = true;
    for (const QString& id : ids()) {
        const Finding* f = report.find(id);
        ok = ok && f && (f->status == Status::Pass || f->status == Status::Info);
    }
    if (ok) {
        m_passed = true;
        showMessage(tr("This Jira user can install and configure the app. Select Next to go on."), false);
        rememberSecret(jiraKey(), context()->jiraToken, m_remember->isChecked());
        emit completeChanged();
        return;
    }
    showMessage(tr("Change what the list says, then check again (or skip this check)."), true);
}

} // namespace gjd::wizard
