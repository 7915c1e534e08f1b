// SPDX-License-Identifier: GPL-3.0-or-later
#include "verifypage.h"

#include "export/exportbundle.h"
#include "exportdialog.h"
#include "findinglist.h"
#include "instanceurl.h"
#include "setup/railssnippets.h"
#include "uistyle.h"
#include "wizardcommon.h"

#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

namespace gjd::wizard {

VerifyWizardPage::VerifyWizardPage(WizardContext* context, QWidget* parent)
    : AsyncPage(context, parent)
    , m_verdict(wrappingLabel(this, "verifyVerdict"))
    , m_summary(wrappingLabel(this, "setupSummary"))
    , m_tabs(new QTabWidget(this))
    , m_list(new FindingList(this, "verifyProblems"))
    , m_open(new QPushButton(this))
    , m_export(new QPushButton(this))
    , m_again(new QPushButton(this))
    , m_group(lineEdit(this, "groupPathEdit"))
    , m_project(lineEdit(this, "projectPathEdit"))
    , m_groupLabel(new QLabel(this))
    , m_projectLabel(new QLabel(this))
    , m_snippets(new QWidget(this))
    , m_snippetsText(wrappingLabel(this, "snippetsText"))
{
    setObjectName(QStringLiteral("verifyPage"));
    m_tabs->setObjectName(QStringLiteral("verifyTabs"));
    m_open->setObjectName(QStringLiteral("openDiagnosticsButton"));
    m_export->setObjectName(QStringLiteral("exportButton"));
    m_again->setObjectName(QStringLiteral("checkAgainButton"));
    for (QPushButton* b : {m_open, m_export, m_again}) {
        b->setAutoDefault(false);
        b->setEnabled(false);
    }
    connect(m_export, &QPushButton::clicked, this, &VerifyWizardPage::exportReport);
    connect(m_again, &QPushButton::clicked, this, &VerifyWizardPage::run);
    connect(m_open, &QPushButton::clicked, this, [this] {
        emit this->context()->openDiagnostics(this->context()->connection, m_report,
                                              this->context()->credentials(), m_runner.probeTimings());
    });
    connect(&m_runner, &CheckRunner::checkStarted, m_list, &FindingList::markRunning);
    connect(&m_runner, &CheckRunner::checkWaiting, m_list, &FindingList::setWaitingFor);
    connect(&m_runner, &CheckRunner::checkFinished, m_list, &FindingList::setFinding);
    connect(&m_runner, &CheckRunner::finished, this, &VerifyWizardPage::onChecked);

    // The results and the Rails console checks are tabs: at 800x600 the list keeps its rows.
    auto* results = new QWidget(m_tabs);
    auto* resultsLayout = new QVBoxLayout(results);
    resultsLayout->addWidget(m_list, 1);
    resultsLayout->addWidget(m_list->makeDetailLabel(results));
    auto* snippetLayout = new QFormLayout(m_snippets);
    snippetLayout->addRow(m_snippetsText);
    snippetLayout->addRow(m_groupLabel, m_group);
    snippetLayout->addRow(m_projectLabel, m_project);
    m_groupLabel->setBuddy(m_group);
    m_projectLabel->setBuddy(m_project);
    for (int i = 0; i < 3; ++i) {
        QLineEdit* code = nullptr;
        auto* title = new QLabel(m_snippets);
        snippetLayout->addRow(
            title, copyRow(m_snippets, QStringLiteral("snippet%1").arg(i).toLatin1().constData(), &code));
        code->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        title->setBuddy(code);
        m_snippetTitles.append(title);
        m_snippetCodes.append(code);
    }
    m_tabs->addTab(results, QString());
    m_tabs->addTab(m_snippets, QString());
    connect(m_group, &QLineEdit::textChanged, this, &VerifyWizardPage::updateSnippets);
    connect(m_project, &QLineEdit::textChanged, this, &VerifyWizardPage::updateSnippets);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_again);
    buttons->addWidget(m_open);
    buttons->addWidget(m_export);
    buttons->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_verdict);
    layout->addWidget(m_summary);
    addStatusWidgets(layout);
    layout->addWidget(m_tabs, 1);
    layout->addLayout(buttons);
    retranslate();
}

void VerifyWizardPage::retranslate()
{
    setTitle(tr("Verify"));
    setSubTitle(tr("The full diagnostics, as Jira Cloud and GitLab.com see the instance."));
    m_open->setText(tr("Open in the &diagnostics pane"));
    m_export->setText(tr("&Export…"));
    m_export->setToolTip(tr("Save a troubleshooting export (a ZIP for a support ticket); you see what it "
                            "contains before it is saved"));
    m_again->setText(tr("Check &again"));
    m_tabs->setTabText(0, tr("Problems"));
    m_tabs->setTabText(1, tr("Rails console checks"));
    m_snippetsText->setText(tr("Run these in sudo gitlab-rails console on the GitLab server."));
    m_groupLabel->setText(tr("&Group path:"));
    m_group->setPlaceholderText(QStringLiteral("group/subgroup"));
    m_projectLabel->setText(tr("&Project path:"));
    m_project->setPlaceholderText(QStringLiteral("group/project"));
    m_list->retranslate();
    updateSnippets();
    updateSummary();
    if (m_done)
        onChecked(m_report);
    padBuddyLabels(this);
}

void VerifyWizardPage::initializePage()
{
    updateSnippets();
    updateSummary();
    run();
}

void VerifyWizardPage::cleanupPage()
{
    m_runner.cancel();
}

void VerifyWizardPage::cancel()
{
    m_runner.cancel();
}

void VerifyWizardPage::run()
{
    if (m_runner.isRunning())
        return;
    m_done = false;
    for (QPushButton* b : {m_open, m_export, m_again})
        b->setEnabled(false);
    m_verdict->clear();
    QString error;
    std::optional<RunOptions> o = context()->runOptions(&error);
    if (!o) {
        showMessage(error, true);
        m_again->setEnabled(true);
        return;
    }
    const ConnectionInput& c = context()->connection;
    o->jiraSite = c.jiraSite.trimmed().isEmpty() ? QString() : InstanceUrl::parse(c.jiraSite).toString();
    o->jiraEmail = c.jiraEmail.trimmed();
    showMessage(QString(), false);
    setChecking(true);
    if (!m_runner.start(*o, context()->credentials())) {
        setChecking(false);
        m_again->setEnabled(true);
        return;
    }
    m_list->startChecks(m_runner.selectedIds());
}

void VerifyWizardPage::onChecked(const Report& report)
{
    setChecking(false);
    m_done = true;
    m_report = report;
    for (QPushButton* b : {m_open, m_export, m_again})
        b->setEnabled(true);
    const Summary s = report.summary();
    QStringList ids;
    for (const Finding& f : report.checks) {
        if (f.status == Status::Fail || f.status == Status::Warn || f.status == Status::Error ||
            f.status == Status::Manual)
            ids.append(f.id);
    }
    m_list->showFindings(report, ids);
    m_verdict->setText(s.verdict == Status::Fail
                           ? tr("Verdict: FAIL. %n check(s) fail; the list says what to change.", nullptr,
                                s.count(Status::Fail))
                       : s.verdict == Status::Warn
                           ? tr("Verdict: WARN. Nothing fails; look at the warnings and the manual checks.")
                           : tr("Verdict: PASS. Everything this computer can test works."));
    setMessage(m_verdict, m_verdict->text(), s.verdict == Status::Fail);
    emit completeChanged();
}

void VerifyWizardPage::updateSummary()
{
    const WizardContext* c = context();
    QStringList lines;
    if (!c->applicationUid.isEmpty())
        lines.append(c->applicationCreated
                         ? tr("OAuth application created (Application ID %1).").arg(c->applicationUid)
                         : tr("OAuth application reused (Application ID %1).").arg(c->applicationUid));
    lines.append(c->settingsApplied ? tr("GitLab for Jira App settings applied and read back.")
                                    : tr("GitLab for Jira App settings were already right (read back)."));
    lines.append(c->jiraChecked ? tr("Jira user checked.") : tr("Jira user not checked (skipped)."));
    m_summary->setText(tr("What the wizard did: %1").arg(lines.join(QLatin1Char(' '))));
}

void VerifyWizardPage::updateSnippets()
{
    const QList<RailsSnippet> snippets =
        RailsSnippet::forPaths(m_group->text(), m_project->text(), context()->connection.jiraSite);
    for (int i = 0; i < snippets.size() && i < m_snippetCodes.size(); ++i) {
        m_snippetTitles.at(i)->setText(snippets.at(i).title);
        nameCopyRow(m_snippetCodes.at(i), snippets.at(i).title);
        m_snippetCodes.at(i)->setText(snippets.at(i).code);
    }
}

void VerifyWizardPage::exportReport()
{
    const Credentials c = context()->credentials();
    auto* dialog = new ExportDialog(
        m_report,
        ExportBundle::secretsOf(c.gitlabToken, c.jiraToken, context()->connection.jiraEmail) +
            proxySecrets(context()->connection),
        this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

} // namespace gjd::wizard
