// SPDX-License-Identifier: GPL-3.0-or-later
#include "settingspage.h"

#include "setup/setuptext.h"
#include "statusicons.h"
#include "uisettings.h"
#include "wizardcommon.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace gjd::wizard {

SettingsWizardPage::SettingsWizardPage(WizardContext* context, QWidget* parent)
    : AsyncPage(context, parent)
    , m_diff(new QTreeWidget(this))
    , m_detail(wrappingLabel(this, "settingDetail"))
    , m_notes(wrappingLabel(this, "settingsNotes"))
    , m_apply(new WriteButton(this, "applySettingsButton"))
    , m_again(new QPushButton(this))
    , m_readBack(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("settingsPage"));
    m_diff->setObjectName(QStringLiteral("settingsDiff"));
    m_readBack->setObjectName(QStringLiteral("readBack"));
    m_again->setObjectName(QStringLiteral("checkAgainButton"));
    m_again->setAutoDefault(false);
    connect(m_again, &QPushButton::clicked, this, &SettingsWizardPage::replan);
    connect(&context->job(), &SetupJob::planned, this, &SettingsWizardPage::onPlanned);
    for (QTreeWidget* t : {m_diff, m_readBack}) {
        t->setRootIsDecorated(false);
        t->setUniformRowHeights(true);
    }
    // Setting | Now | Planned: the name takes what it needs, the two values share the rest. A long
    // value (the 64-character Application ID) is shortened in the middle, so its start and end stay
    // visible; the row's detail below and the tooltips have it whole, and the reason for the value.
    m_diff->setColumnCount(3);
    m_diff->header()->setStretchLastSection(false);
    m_diff->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    for (int column : {1, 2})
        m_diff->header()->setSectionResizeMode(column, QHeaderView::Stretch);
    m_diff->setTextElideMode(Qt::ElideMiddle);
    m_readBack->header()->setSectionResizeMode(QHeaderView::Stretch);
    m_readBack->hide();
    connect(m_diff, &QTreeWidget::currentItemChanged, m_detail, [this](QTreeWidgetItem* item) {
        m_detail->setText(item ? item->data(0, Qt::UserRole).toString() : QString());
    });
    connect(m_apply, &WriteButton::writeRequested, this, &SettingsWizardPage::apply);
    connect(&context->job(), &SetupJob::finished, this, &SettingsWizardPage::onFinished);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_diff, 2);
    layout->addWidget(m_detail);
    layout->addWidget(m_notes);
    auto* row = new QHBoxLayout;
    row->addWidget(m_apply);
    row->addStretch(1);
    row->addWidget(m_again);
    layout->addLayout(row);
    addStatusWidgets(layout);
    layout->addWidget(m_readBack, 1);
    retranslate();
}

void SettingsWizardPage::retranslate()
{
    setTitle(tr("GitLab for Jira App settings"));
    setSubTitle(
        tr("Admin → Settings → General → GitLab for Jira App. Only the values that differ are written "
           "when you select Apply settings; GitLab then reads them back."));
    m_diff->setHeaderLabels({tr("Setting"), tr("Now"), tr("Planned")});
    m_diff->setAccessibleName(tr("Planned changes"));
    m_readBack->setHeaderLabels({tr("Read back from GitLab")});
    m_readBack->setAccessibleName(tr("Read back from GitLab"));
    m_again->setText(tr("Check &again"));
    updateApplyButton();
    if (m_diff->topLevelItemCount() > 0)
        fillTable(context()->job().plan(), m_verified, context()->applicationUid);
}

void SettingsWizardPage::updateApplyButton()
{
    m_apply->setText(m_writes ? tr("&Apply settings") : tr("&Verify settings"));
    m_apply->setToolTip(m_writes ? tr("Writes the values marked as changing, then reads them back")
                                 : tr("Nothing needs to change: reads the settings back, writes nothing"));
}

void SettingsWizardPage::initializePage()
{
    m_verified = false;
    m_planning = false;
    setWriting(false);
    m_readBack->hide();
    m_readBack->clear();
    showMessage(QString(), false);
    // The OAuth page left the job with its plan; when it has ended since, GitLab is read again.
    if (context()->job().isRunning())
        showPlan(context()->job().plan());
    else
        replan();
}

void SettingsWizardPage::replan()
{
    if (isWriting())
        return;
    m_apply->setArmed(false);
    m_verified = false;
    m_planning = true;
    setChecking(true);
    m_again->setEnabled(false);
    QString error;
    if (!context()->startPlan(false, &error)) {
        m_planning = false;
        setChecking(false);
        m_again->setEnabled(true);
        showMessage(error, true);
    }
    emit completeChanged();
}

void SettingsWizardPage::onPlanned(const SetupPlan& plan)
{
    if (!isCurrent() || !m_planning)
        return;
    m_planning = false;
    setChecking(false);
    m_readBack->hide();
    showMessage(QString(), false);
    showPlan(plan);
}

void SettingsWizardPage::showPlan(const SetupPlan& plan)
{
    m_writes = plan.hasChanges();
    fillTable(plan, false, context()->applicationUid);
    QStringList notes;
    for (const PlanNote& n : plan.notes)
        notes.append(n.text);
    // Deleting the legacy applications is a write of this page too: it is named here.
    QStringList retired;
    for (const OAuthApplication& old : plan.retire)
        retired.append(tr("\"%1\" (id %2)").arg(old.name).arg(old.id));
    if (!retired.isEmpty())
        notes.append(tr("Apply settings also deletes, once the settings point at the new application: %1.")
                         .arg(retired.join(QLatin1String(", "))));
    m_notes->setText(notes.join(QLatin1Char('\n')));
    m_notes->setVisible(!notes.isEmpty());
    updateApplyButton();
    m_apply->setArmed(context()->job().isRunning() && !plan.isBlocked());
    m_again->setEnabled(true);
    if (plan.isBlocked())
        showMessage(plan.blockers.join(QLatin1Char('\n')), true);
    emit completeChanged();
}

void SettingsWizardPage::fillTable(const SetupPlan& plan, bool applied, const QString& applicationUid)
{
    const QString selected = m_diff->currentItem() ? m_diff->currentItem()->text(0) : QString();
    m_diff->clear();
    QTreeWidgetItem* keep = nullptr;     // the row selected before
    QTreeWidgetItem* changing = nullptr; // else the first row that changes
    for (const SettingChange& s : plan.settings) {
        auto* item = new QTreeWidgetItem(m_diff);
        const QString planned =
            s.fromNewApplication
                ? (applicationUid.isEmpty() ? tr("(the new application's ID)") : applicationUid)
                : SetupText::value(s.planned);
        const bool changes = s.changes() && !applied;
        item->setText(0, s.key);
        // Once applied and read back, GitLab has the planned values: "Now" says so.
        item->setText(1, applied ? planned : SetupText::value(s.current));
        item->setText(2, planned);
        item->setIcon(0, changes ? changeIcon() : statusIcon(Status::Pass));
        if (changes) {
            QFont bold = item->font(2);
            bold.setBold(true);
            item->setFont(2, bold);
        }
        const QString state = applied   ? tr("%1: set, and read back from GitLab.").arg(s.key)
                              : changes ? tr("%1 changes: %2 → %3.").arg(s.key, item->text(1), planned)
                                        : tr("%1 stays: %2.").arg(s.key, item->text(1));
        const QString detail = s.why.isEmpty() ? state : state + QLatin1Char(' ') + tr("Why: %1").arg(s.why);
        item->setData(0, Qt::UserRole, detail);
        for (int column : {0, 1, 2})
            item->setToolTip(column, detail);
        item->setData(0, Qt::AccessibleTextRole,
                      changes ? tr("%1 changes").arg(s.key) : tr("%1 stays").arg(s.key));
        if (s.key == selected)
            keep = item;
        if (changes && !changing)
            changing = item;
    }
    QTreeWidgetItem* current = keep ? keep : changing ? changing : m_diff->topLevelItem(0);
    if (current)
        m_diff->setCurrentItem(current);
}

QList<QStringList> SettingsWizardPage::rows() const
{
    QList<QStringList> result;
    for (int i = 0; i < m_diff->topLevelItemCount(); ++i) {
        const QTreeWidgetItem* item = m_diff->topLevelItem(i);
        result.append({item->text(0), item->text(1), item->text(2)});
    }
    return result;
}

void SettingsWizardPage::cancel()
{
    context()->job().cancel();
}

void SettingsWizardPage::apply()
{
    if (isChecking() || m_verified)
        return;
    setWriting(true);
    m_again->setEnabled(false);
    context()->job().apply();
}

void SettingsWizardPage::onFinished(const SetupResult& result)
{
    if (!isCurrent())
        return;
    m_planning = false; // a planning read that failed ends here too, and is said below
    setWriting(false);
    m_again->setEnabled(true);
    if (result.outcome == SetupResult::Outcome::Cancelled)
        return;
    m_readBack->clear();
    for (const VerifyItem& v : result.verification) {
        auto* item = new QTreeWidgetItem(m_readBack);
        item->setIcon(0, statusIcon(v.ok ? Status::Pass : Status::Fail));
        item->setText(0, v.text);
    }
    m_readBack->setVisible(!result.verification.isEmpty());
    if (result.ok()) {
        m_verified = true;
        context()->settingsApplied = m_writes;
        if (!result.applicationUid.isEmpty())
            context()->applicationUid = result.applicationUid;
        fillTable(result.plan, true, context()->applicationUid);
        // The instance is set up: it belongs to the recent instances of the start page.
        uisettings::addRecentInstance(context()->instanceUrl());
        showMessage(
            tr("GitLab is set up for %1 and verified.").arg(SetupText::method(methodId(result.plan.method))),
            false);
    } else {
        QString text = result.error;
        if (!result.remedy.isEmpty())
            text += QLatin1Char('\n') + result.remedy;
        showMessage(text, true);
    }
    emit completeChanged();
}

} // namespace gjd::wizard
