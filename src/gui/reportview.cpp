// SPDX-License-Identifier: GPL-3.0-or-later
#include "reportview.h"

#include "checks/check.h"
#include "htmlformatter.h"
#include "reportmodel.h"
#include "textformatter.h"
#include "uistyle.h"
#include "waterfallwidget.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFontDatabase>
#include <QHeaderView>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QScrollBar>
#include <QStyle>
#include <QTabWidget>
#include <QTextBrowser>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

namespace gjd {

static_assert(ReportView::checkIdRole == ReportModel::CheckIdRole);

ReportView::ReportView(QWidget* parent)
    : QSplitter(Qt::Horizontal, parent)
    , m_model(new ReportModel(this))
    , m_filter(new ProblemsFilterModel(this))
    , m_treePage(new QWidget(this))
    , m_problemsOnly(new QCheckBox(m_treePage))
    , m_tree(new QTreeView(m_treePage))
    , m_tabs(new QTabWidget(this))
    , m_details(new QTextBrowser(m_tabs))
    , m_waterfall(new WaterfallWidget)
    , m_waterfallPage(new QScrollArea(m_tabs))
    , m_transcriptPage(new QWidget(m_tabs))
    , m_transcriptCombo(new QComboBox(m_transcriptPage))
    , m_transcriptView(new QPlainTextEdit(m_transcriptPage))
{
    m_tree->setObjectName(QStringLiteral("checkTree"));
    m_problemsOnly->setObjectName(QStringLiteral("problemsOnlyCheck"));
    m_tabs->setObjectName(QStringLiteral("resultTabs"));
    m_details->setObjectName(QStringLiteral("detailsView"));
    m_waterfall->setObjectName(QStringLiteral("waterfall"));
    m_transcriptCombo->setObjectName(QStringLiteral("transcriptCombo"));
    m_transcriptView->setObjectName(QStringLiteral("transcriptView"));

    m_filter->setSourceModel(m_model);
    m_tree->setModel(m_filter);
    for (int c = ReportModel::ResultColumn; c < ReportModel::ColumnCount; ++c)
        m_tree->setColumnHidden(c, true);
    m_tree->setUniformRowHeights(true);
    m_tree->setRootIsDecorated(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    // The check column as wide as its titles (German ones are long), the status second; a
    // horizontal scroll bar rather than cut titles when the pane is narrower. fitColumns() sets
    // the widths when the rows or the language change, fitTreeWidth() gives the tree that width
    // when it can. Not QHeaderView::ResizeToContents: that measures every row again for each
    // row that changes, and a run changes them all, one by one.
    m_tree->header()->setStretchLastSection(true);
    // Only if the user narrows a column; the tooltips are whole.
    m_tree->setTextElideMode(Qt::ElideRight);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this, &ReportView::showDetails);
    // Groups open, also when the filter brings one back.
    connect(m_filter, &QAbstractItemModel::modelReset, this, [this] {
        expandAll();
        fitColumns();
    });
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, &ReportView::expandAll);
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, &ReportView::expandAll);
    // The details of the selected check follow its state (running → its finding).
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex& first) {
        if (first.data(ReportModel::CheckIdRole).toString() == currentCheck())
            showDetails();
    });
    connect(m_problemsOnly, &QCheckBox::toggled, m_filter, &ProblemsFilterModel::setProblemsOnly);
    connect(this, &QSplitter::splitterMoved, this, [this] { m_splitterMoved = true; });

    auto* treeLayout = new QVBoxLayout(m_treePage);
    treeLayout->setContentsMargins(0, 0, 0, 0);
    treeLayout->addWidget(m_problemsOnly);
    treeLayout->addWidget(m_tree, 1);

    m_details->setOpenExternalLinks(true);
    applyLinkColour();
    // At spaces and punctuation only: a long token (a URL, a fingerprint) rather scrolls.
    m_details->setWordWrapMode(QTextOption::WordWrap);
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
    const QString current = currentCheck();
    m_report = Report();
    m_model->setChecks(ids);
    if (!current.isEmpty())
        selectCheck(current);
    setTimings({});
    QTimer::singleShot(0, this, &ReportView::fitTreeWidth);
}

void ReportView::expandAll()
{
    m_tree->expandAll();
}

void ReportView::markRunning(const QString& id)
{
    m_model->markRunning(id);
}

void ReportView::setWaitingFor(const QString& id, const QString& text)
{
    m_model->setWaitingFor(id, text);
}

void ReportView::markWaiting(const QStringList& ids)
{
    m_model->markWaiting(ids);
}

void ReportView::setFinding(const Finding& finding)
{
    m_model->setFinding(finding);
}

void ReportView::setReport(const Report& report)
{
    const QString current = currentCheck();
    const bool rebuilt = m_model->checkIds().size() != report.checks.size() ||
                         std::any_of(report.checks.cbegin(), report.checks.cend(),
                                     [this](const Finding& f) { return !m_model->contains(f.id); });
    m_report = report;
    m_model->setReport(report);
    if (rebuilt && !current.isEmpty())
        selectCheck(current);
    m_transcriptCombo->clear();
    for (const HttpTranscript& t : report.transcripts)
        m_transcriptCombo->addItem(t.probeId);
    m_tabs->setTabVisible(m_tabs->indexOf(m_transcriptPage), !report.transcripts.isEmpty());
    showTranscript();
    showDetails();
    if (rebuilt)
        QTimer::singleShot(0, this, &ReportView::fitTreeWidth);
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

bool ReportView::selectCheck(const QString& id)
{
    const QModelIndex index = m_filter->mapFromSource(m_model->indexOf(id));
    if (!index.isValid())
        return false; // not listed, or hidden by "Problems only"
    m_tree->setCurrentIndex(index);
    m_tree->scrollTo(index);
    return true;
}

bool ReportView::selectMostSevere()
{
    const Finding* first = nullptr;
    for (const Finding& f : m_report.checks) {
        if ((f.status == Status::Fail || f.status == Status::Warn || f.status == Status::Error) &&
            (!first || severity(f.status) > severity(first->status)))
            first = &f;
    }
    return first && selectCheck(first->id);
}

QString ReportView::currentCheck() const
{
    const QModelIndex index = m_tree->currentIndex();
    return index.isValid() && !index.data(ReportModel::IsGroupRole).toBool()
               ? index.data(ReportModel::CheckIdRole).toString()
               : QString();
}

QString ReportView::detailsHtml(const QString& id) const
{
    // Also during a re-run (markWaiting): the previous finding stays readable until the new one.
    if (const Finding* finding = m_model->finding(id))
        return HtmlFormatter::findingHtml(*finding, m_report);
    const Check* check = findCheck(id);
    QString html = QStringLiteral("<h3>%1</h3><p><code>%2</code></p><p>%3</p>")
                       .arg((check ? check->title() : id).toHtmlEscaped(), id.toHtmlEscaped(),
                            (m_running ? tr("Waiting for its probes…") : tr("Not run yet.")).toHtmlEscaped());
    const QString waiting = m_model->waitingFor(id);
    if (m_running && !waiting.isEmpty())
        html += QStringLiteral("<p>%1</p>").arg(waiting.toHtmlEscaped());
    return html;
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
    m_model->retranslate();
    m_tree->setAccessibleName(tr("Checks"));
    m_problemsOnly->setText(tr("&Problems only"));
    m_problemsOnly->setToolTip(
        tr("List only the checks that fail, warn, could not run or need a manual check"));
    m_details->setAccessibleName(tr("Details of the selected check"));
    m_transcriptCombo->setAccessibleName(tr("Probe"));
    m_transcriptCombo->setToolTip(tr("Which probe's HTTP exchange to show"));
    m_transcriptView->setAccessibleName(tr("HTTP transcript of the selected probe"));
    m_tabs->setTabText(0, tr("&Details"));
    m_tabs->setTabText(1, tr("T&iming"));
    m_tabs->setTabText(2, tr("&HTTP"));
    showDetails();
}

void ReportView::changeEvent(QEvent* event)
{
    QSplitter::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    if (event->type() == QEvent::PaletteChange) {
        applyLinkColour();
        showDetails();
    }
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::FontChange) {
        fitColumns();
        QTimer::singleShot(0, this, &ReportView::fitTreeWidth);
    }
}

// The documentation links in a check's details at 4.5:1 in any theme. In the HTML's style sheet:
// Qt's HTML parser colours links with the application palette's Link, whatever the browser's
// palette says, and a dark theme may keep the default #0000ff (2:1 on Breeze Dark's background).
// From this view's palette, never from the last result: a theme switch starts from the new theme.
void ReportView::applyLinkColour()
{
    m_details->document()->setDefaultStyleSheet(
        QStringLiteral("a { color: %1; }").arg(readableLinkColour(palette(), QPalette::Link).name()));
}

void ReportView::showEvent(QShowEvent* event)
{
    QSplitter::showEvent(event);
    QTimer::singleShot(0, this, &ReportView::fitTreeWidth);
}

void ReportView::fitColumns()
{
    m_tree->resizeColumnToContents(ReportModel::TitleColumn);
    // The status column as wide as its longest word in this language, whatever the rows say now.
    const QFontMetrics metrics = m_tree->fontMetrics();
    int status = metrics.horizontalAdvance(ReportModel::stateText(ReportModel::State::Waiting));
    status = std::max(status, metrics.horizontalAdvance(ReportModel::stateText(ReportModel::State::Running)));
    for (Status s : {Status::Pass, Status::Info, Status::Warn, Status::Fail, Status::Skip, Status::Manual,
                     Status::Error})
        status = std::max(status, metrics.horizontalAdvance(TextFormatter::statusTitle(s)));
    const int margin =
        2 * (m_tree->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, m_tree) + 1) + 8;
    m_tree->setColumnWidth(
        ReportModel::StatusColumn,
        std::max(status + margin, m_tree->header()->sectionSizeHint(ReportModel::StatusColumn)));
}

// Gives the tree the width its columns need (titles are longer in German), within 30–62 % of
// the view, unless the user has moved the splitter.
void ReportView::fitTreeWidth()
{
    const int total = sizes().value(0) + sizes().value(1);
    if (m_splitterMoved || !isVisible() || total <= 0)
        return;
    int needed = 2 * m_tree->frameWidth() + m_tree->verticalScrollBar()->sizeHint().width() + 8;
    for (int c = 0; c < ReportModel::ColumnCount; ++c) {
        if (c != ReportModel::TimeColumn && !m_tree->isColumnHidden(c))
            needed += m_tree->columnWidth(c);
    }
    // The time column stretches; what "12345 ms" needs.
    needed += m_tree->fontMetrics().horizontalAdvance(QStringLiteral("12345 ms")) + 16;
    const int left = std::clamp(needed, total * 30 / 100, total * 62 / 100);
    if (left != sizes().value(0))
        setSizes({left, total - left});
}

} // namespace gjd
