// SPDX-License-Identifier: GPL-3.0-or-later
#include "reportview.h"

#include "checks/check.h"
#include "htmlformatter.h"
#include "statusicons.h"
#include "textformatter.h"
#include "waterfallwidget.h"

#include <QComboBox>
#include <QEvent>
#include <QFontDatabase>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QTabWidget>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace gjd {

ReportView::ReportView(QWidget* parent)
    : QSplitter(Qt::Horizontal, parent)
    , m_tree(new QTreeWidget(this))
    , m_tabs(new QTabWidget(this))
    , m_details(new QTextBrowser(m_tabs))
    , m_waterfall(new WaterfallWidget)
    , m_waterfallPage(new QScrollArea(m_tabs))
    , m_transcriptPage(new QWidget(m_tabs))
    , m_transcriptCombo(new QComboBox(m_transcriptPage))
    , m_transcriptView(new QPlainTextEdit(m_transcriptPage))
{
    m_tree->setObjectName(QStringLiteral("checkTree"));
    m_tabs->setObjectName(QStringLiteral("resultTabs"));
    m_details->setObjectName(QStringLiteral("detailsView"));
    m_waterfall->setObjectName(QStringLiteral("waterfall"));
    m_transcriptCombo->setObjectName(QStringLiteral("transcriptCombo"));
    m_transcriptView->setObjectName(QStringLiteral("transcriptView"));

    m_tree->setColumnCount(3);
    m_tree->setUniformRowHeights(true);
    m_tree->setRootIsDecorated(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    connect(m_tree, &QTreeWidget::currentItemChanged, this, &ReportView::showDetails);

    m_details->setOpenExternalLinks(true);
    m_tabs->addTab(m_details, QString());
    auto* scroll = static_cast<QScrollArea*>(m_waterfallPage);
    scroll->setWidget(m_waterfall);
    scroll->setWidgetResizable(true);
    m_tabs->addTab(m_waterfallPage, QString());

    // Transcripts as they are: monospace, unwrapped, read-only (they may hold anything a server sent).
    m_transcriptView->setReadOnly(true);
    m_transcriptView->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_transcriptView->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    auto* transcriptLayout = new QVBoxLayout(m_transcriptPage);
    transcriptLayout->setContentsMargins(4, 4, 4, 4);
    transcriptLayout->addWidget(m_transcriptCombo);
    transcriptLayout->addWidget(m_transcriptView, 1);
    m_tabs->addTab(m_transcriptPage, QString());
    connect(m_transcriptCombo, &QComboBox::currentIndexChanged, this, &ReportView::showTranscript);

    setChildrenCollapsible(false);
    setStretchFactor(0, 5);
    setStretchFactor(1, 6);
    setSizes({500, 600});
    retranslate();
    showDetails();
}

void ReportView::setChecks(const QStringList& ids)
{
    QList<Entry> entries;
    for (const auto& c : catalogue()) {
        if (ids.contains(c->id()))
            entries.append({c->id(), c->category(), c->title()});
    }
    m_findings.clear();
    m_report = Report();
    buildTree(entries);
    setTimings({});
}

void ReportView::buildTree(const QList<Entry>& entries)
{
    const QString current = currentCheck();
    m_tree->clear();
    m_items.clear();
    QHash<QString, QTreeWidgetItem*> categories;
    for (const Entry& e : entries) {
        QTreeWidgetItem*& parent = categories[e.category];
        if (!parent) {
            parent = new QTreeWidgetItem(m_tree);
            parent->setData(0, checkIdRole, e.category);
            parent->setText(0, Categories::title(e.category));
            QFont bold = parent->font(0);
            bold.setBold(true);
            parent->setFont(0, bold);
        }
        auto* item = new QTreeWidgetItem(parent);
        item->setData(0, checkIdRole, e.id);
        item->setText(0, e.title);
        item->setToolTip(0, e.id);
        item->setIcon(0, pendingIcon());
        item->setText(1, tr("waiting"));
        m_items.insert(e.id, item);
    }
    // Categories in the catalogue's display order; unknown ones (a newer version's) last.
    const QStringList order = Categories::ids();
    const auto rank = [&order](QTreeWidgetItem* item) {
        const int i = int(order.indexOf(item->data(0, checkIdRole).toString()));
        return i < 0 ? int(order.size()) : i;
    };
    QList<QTreeWidgetItem*> tops;
    while (m_tree->topLevelItemCount() > 0)
        tops.append(m_tree->takeTopLevelItem(0));
    std::stable_sort(tops.begin(), tops.end(),
                     [&rank](QTreeWidgetItem* a, QTreeWidgetItem* b) { return rank(a) < rank(b); });
    m_tree->addTopLevelItems(tops);
    for (QTreeWidgetItem* top : std::as_const(tops))
        top->setExpanded(true);
    if (!current.isEmpty())
        selectCheck(current);
}

void ReportView::markRunning(const QString& id)
{
    if (QTreeWidgetItem* item = m_items.value(id)) {
        item->setIcon(0, runningIcon());
        item->setText(1, tr("running"));
    }
}

void ReportView::markWaiting(const QStringList& ids)
{
    for (const QString& id : ids) {
        if (QTreeWidgetItem* item = m_items.value(id)) {
            item->setIcon(0, pendingIcon());
            item->setText(1, tr("waiting"));
            item->setText(2, QString());
        }
    }
}

void ReportView::setFinding(const Finding& finding)
{
    m_findings.insert(finding.id, finding);
    if (QTreeWidgetItem* item = m_items.value(finding.id))
        updateItem(item, finding);
    if (currentCheck() == finding.id)
        showDetails();
}

void ReportView::setReport(const Report& report)
{
    // Keep the tree when it already lists these checks (a run that finished), so that the
    // selection and the scroll position stay; build it when the report is another one.
    bool same = m_items.size() == report.checks.size();
    for (const Finding& f : report.checks)
        same = same && m_items.contains(f.id);
    if (!same) {
        QList<Entry> entries;
        for (const Finding& f : report.checks) {
            const Check* check = findCheck(f.id);
            entries.append({f.id, f.category, check ? check->title() : f.title});
        }
        buildTree(entries);
    }
    m_report = report;
    m_findings.clear();
    for (const Finding& f : report.checks) {
        m_findings.insert(f.id, f);
        if (QTreeWidgetItem* item = m_items.value(f.id))
            updateItem(item, f);
    }
    m_transcriptCombo->clear();
    for (const HttpTranscript& t : report.transcripts)
        m_transcriptCombo->addItem(t.probeId);
    m_tabs->setTabVisible(m_tabs->indexOf(m_transcriptPage), !report.transcripts.isEmpty());
    showTranscript();
    showDetails();
}

void ReportView::setTimings(const QList<CheckRunner::ProbeTiming>& timings)
{
    m_waterfall->setTimings(timings);
}

void ReportView::setTimingVisible(bool visible)
{
    m_tabs->setTabVisible(m_tabs->indexOf(m_waterfallPage), visible);
}

void ReportView::setRunning(bool running)
{
    m_running = running;
    showDetails();
}

void ReportView::updateItem(QTreeWidgetItem* item, const Finding& finding)
{
    item->setIcon(0, statusIcon(finding.status));
    item->setText(1, TextFormatter::statusTitle(finding.status));
    item->setText(2, finding.durationMs > 0 ? tr("%1 ms").arg(finding.durationMs) : QString());
    // Rich text, escaped: a summary from an export could otherwise be taken for HTML.
    item->setToolTip(0, QStringLiteral("<p>%1</p>")
                            .arg(QStringLiteral("%1 — %2").arg(finding.id, finding.summary).toHtmlEscaped()));
    // Screen readers get the status with the title, not only an icon.
    item->setData(0, Qt::AccessibleTextRole,
                  QStringLiteral("%1: %2").arg(item->text(0), TextFormatter::statusTitle(finding.status)));
}

bool ReportView::selectCheck(const QString& id)
{
    QTreeWidgetItem* item = m_items.value(id);
    if (!item)
        return false;
    m_tree->setCurrentItem(item);
    return true;
}

QString ReportView::currentCheck() const
{
    const QTreeWidgetItem* item = m_tree->currentItem();
    return item && item->parent() ? item->data(0, checkIdRole).toString() : QString();
}

QString ReportView::detailsHtml(const QString& id) const
{
    if (const auto it = m_findings.constFind(id); it != m_findings.constEnd())
        return HtmlFormatter::findingHtml(*it, m_report);
    const Check* check = findCheck(id);
    return QStringLiteral("<h3>%1</h3><p><code>%2</code></p><p>%3</p>")
        .arg((check ? check->title() : id).toHtmlEscaped(), id.toHtmlEscaped(),
             (m_running ? tr("Waiting for its probes…") : tr("Not run yet.")).toHtmlEscaped());
}

void ReportView::showDetails()
{
    const QString id = currentCheck();
    if (id.isEmpty()) {
        m_details->setHtml(QStringLiteral("<p>%1</p>")
                               .arg(tr("Select a check to see what was probed, why it matters and how to "
                                       "fix it.")
                                        .toHtmlEscaped()));
        return;
    }
    m_details->setHtml(detailsHtml(id));
}

void ReportView::showTranscript()
{
    const int i = m_transcriptCombo->currentIndex();
    m_transcriptView->setPlainText(i >= 0 && i < m_report.transcripts.size()
                                       ? QString::fromUtf8(m_report.transcripts.at(i).text)
                                       : QString());
}

void ReportView::retranslate()
{
    m_tree->setHeaderLabels({tr("Check"), tr("Status"), tr("Time")});
    m_tree->setAccessibleName(tr("Checks"));
    m_details->setAccessibleName(tr("Details of the selected check"));
    m_transcriptCombo->setAccessibleName(tr("Probe"));
    m_transcriptCombo->setToolTip(tr("Which probe's HTTP exchange to show"));
    m_transcriptView->setAccessibleName(tr("HTTP transcript of the selected probe"));
    m_tabs->setTabText(0, tr("&Details"));
    m_tabs->setTabText(1, tr("T&iming"));
    m_tabs->setTabText(2, tr("&HTTP"));
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem* category = m_tree->topLevelItem(i);
        category->setText(0, Categories::title(category->data(0, checkIdRole).toString()));
    }
    showDetails();
}

void ReportView::changeEvent(QEvent* event)
{
    QSplitter::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
}

} // namespace gjd
