// SPDX-License-Identifier: GPL-3.0-or-later
#include "fleetpage.h"

#include "checks/check.h"
#include "connectioninput.h"
#include "fleetmodel.h"
#include "instanceurl.h"
#include "reportview.h"
#include "safefile.h"
#include "safetext.h"
#include "statusicons.h"
#include "textformatter.h"
#include "uisettings.h"
#include "uistyle.h"

#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStyle>
#include <QStyleHints>
#include <QTableView>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <algorithm>

namespace gjd {

namespace {

// How many of the failing checks the line above the table names; the tooltip has them all.
constexpr int kFailingShown = 5;
constexpr int kSummaryIntervalMs = 200;

} // namespace

FleetPage::FleetPage(QWidget* parent)
    : QWidget(parent)
    , m_stack(new QStackedWidget(this))
    , m_backButton(new QPushButton(this))
    , m_headingLabel(new QLabel(this))
    , m_openButton(new QPushButton(this))
    , m_recentButton(new QPushButton(this))
    , m_errorLabel(new QLabel(this))
    , m_emptyLabel(new QLabel(this))
    , m_sourceLabel(new QLabel(this))
    , m_noteLabel(new QLabel(this))
    , m_summaryLabel(new QLabel(this))
    , m_failingLabel(new QLabel(this))
    , m_progressBar(new QProgressBar(this))
    , m_runButton(new QPushButton(this))
    , m_cancelButton(new QPushButton(this))
    , m_saveButton(new QPushButton(this))
    , m_table(new QTableView(this))
    , m_model(new FleetModel(this))
    , m_instancePage(new QWidget(this))
    , m_instanceBackButton(new QPushButton(m_instancePage))
    , m_instanceLabel(new QLabel(m_instancePage))
    , m_instanceVerdictLabel(new QLabel(m_instancePage))
    , m_view(new ReportView(m_instancePage))
{
    const auto name = [](QObject* o, const char* n) {
        o->setObjectName(QString::fromLatin1(n));
    };
    name(m_stack, "fleetStack");
    name(m_backButton, "backButton");
    name(m_headingLabel, "headingLabel");
    name(m_openButton, "openButton");
    name(m_recentButton, "recentButton");
    name(m_errorLabel, "errorLabel");
    name(m_emptyLabel, "emptyLabel");
    name(m_sourceLabel, "sourceLabel");
    name(m_noteLabel, "noteLabel");
    name(m_summaryLabel, "summaryLabel");
    name(m_failingLabel, "failingLabel");
    name(m_progressBar, "progressBar");
    name(m_runButton, "runButton");
    name(m_cancelButton, "cancelButton");
    name(m_saveButton, "saveButton");
    name(m_table, "fleetTable");
    name(m_instancePage, "instancePage");
    name(m_instanceBackButton, "instanceBackButton");
    name(m_instanceLabel, "instanceLabel");
    name(m_instanceVerdictLabel, "instanceVerdictLabel");
    name(m_view, "reportView");

    m_backButton->setIcon(QIcon::fromTheme(QStringLiteral("go-previous")));
    m_instanceBackButton->setIcon(QIcon::fromTheme(QStringLiteral("go-previous")));
    m_openButton->setIcon(QIcon::fromTheme(QStringLiteral("document-open")));
    m_runButton->setIcon(QIcon::fromTheme(QStringLiteral("media-playback-start")));
    m_cancelButton->setIcon(QIcon::fromTheme(QStringLiteral("process-stop")));
    m_saveButton->setIcon(QIcon::fromTheme(QStringLiteral("document-save-as")));
    connect(m_backButton, &QPushButton::clicked, this, &FleetPage::backRequested);
    connect(m_instanceBackButton, &QPushButton::clicked, this, &FleetPage::showFleet);
    connect(m_openButton, &QPushButton::clicked, this, &FleetPage::chooseFile);
    connect(m_recentButton, &QPushButton::clicked, this,
            [this] { checkInstances(uisettings::recentInstances()); });
    connect(m_runButton, &QPushButton::clicked, this, &FleetPage::run);
    connect(m_cancelButton, &QPushButton::clicked, this, &FleetPage::cancel);
    connect(m_saveButton, &QPushButton::clicked, this, &FleetPage::chooseSaveFile);
    connect(&m_writer, &QFutureWatcher<QString>::finished, this, &FleetPage::onSaved);
    m_summaryTimer.setSingleShot(true);
    m_summaryTimer.setInterval(kSummaryIntervalMs);
    connect(&m_summaryTimer, &QTimer::timeout, this, &FleetPage::updateSummary);

    for (QLabel* label : {m_errorLabel, m_emptyLabel, m_sourceLabel, m_noteLabel, m_summaryLabel,
                          m_failingLabel, m_instanceLabel, m_instanceVerdictLabel}) {
        label->setTextFormat(Qt::PlainText); // file names and URLs are the file's, not markup
        label->setWordWrap(true);
    }
    m_sourceLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_errorLabel->hide();
    m_progressBar->setMaximumWidth(220);
    m_progressBar->setTextVisible(true);
    m_progressBar->hide();
    updateColours();

    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setTabKeyNavigation(false); // Tab leaves the table, as in the other pages' trees
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight); // the tooltips are whole
    m_table->setShowGrid(false);               // as the report's tree: rows, not cells
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->setSectionResizeMode(FleetModel::InstanceColumn, QHeaderView::Stretch);
    m_table->setFocusPolicy(Qt::StrongFocus);
    // Enter, a double click (or the platform's single click): the instance's report. It opens once
    // the button is up, and the report's list ignores clicks for a double-click interval: where a
    // single click activates (KDE), the second click of a habitual double click would otherwise
    // land on the report and select the check under the pointer instead of the worst one (seen
    // under Xvfb with the KDE platform theme).
    connect(m_table, &QAbstractItemView::activated, this,
            [this](const QModelIndex& index) { openRowOnceReleased(index.row()); });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        updateSpans();
        fitColumns();
    });

    // The fleet's page: heading, what is checked and how, buttons, summary, the table.
    auto* fleetPage = new QWidget(this);
    fleetPage->setObjectName(QStringLiteral("fleetListPage"));
    auto* heading = new QHBoxLayout;
    heading->addWidget(m_backButton);
    heading->addSpacing(8);
    heading->addWidget(m_headingLabel, 1);
    heading->addWidget(m_openButton);
    heading->addWidget(m_recentButton);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_summaryLabel, 1);
    buttons->addWidget(m_progressBar);
    buttons->addWidget(m_runButton);
    buttons->addWidget(m_cancelButton);
    buttons->addWidget(m_saveButton);

    auto* fleetLayout = new QVBoxLayout(fleetPage);
    fleetLayout->setContentsMargins(0, 0, 0, 0);
    fleetLayout->addLayout(heading);
    fleetLayout->addWidget(m_errorLabel);
    fleetLayout->addWidget(m_emptyLabel);
    fleetLayout->addWidget(m_sourceLabel);
    fleetLayout->addWidget(m_noteLabel);
    fleetLayout->addLayout(buttons);
    fleetLayout->addWidget(m_failingLabel);
    fleetLayout->addWidget(m_table, 1);
    // Takes the room while there is no table (the table's stretch wins once it is shown).
    fleetLayout->addStretch(0);

    // The instance's page: its report as the export viewer shows one (no probe timings).
    m_instanceLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_view->setTimingVisible(false);
    auto* instanceHeading = new QHBoxLayout;
    instanceHeading->addWidget(m_instanceBackButton);
    instanceHeading->addSpacing(8);
    instanceHeading->addWidget(m_instanceLabel, 1);
    auto* instanceLayout = new QVBoxLayout(m_instancePage);
    instanceLayout->setContentsMargins(0, 0, 0, 0);
    instanceLayout->addLayout(instanceHeading);
    instanceLayout->addWidget(m_instanceVerdictLabel);
    instanceLayout->addWidget(m_view, 1);

    m_stack->addWidget(fleetPage);
    m_stack->addWidget(m_instancePage);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_stack);

    setTabOrder(m_backButton, m_openButton);
    setTabOrder(m_openButton, m_recentButton);
    setTabOrder(m_recentButton, m_runButton);
    setTabOrder(m_runButton, m_cancelButton);
    setTabOrder(m_cancelButton, m_saveButton);
    setTabOrder(m_saveButton, m_table);

    connect(&m_runner, &FleetRunner::instanceStarted, this, &FleetPage::onInstanceStarted);
    connect(&m_runner, &FleetRunner::instanceFinished, this, &FleetPage::onInstanceFinished);
    connect(&m_runner, &FleetRunner::finished, this, &FleetPage::onFinished);

    retranslate();
    setRunning(false);
}

FleetPage::~FleetPage()
{
    m_runner.disconnect(this);
    m_runner.cancel();
    m_writer.waitForFinished(); // it holds nothing of the page, but its result is ours to read
}

bool FleetPage::openFile(const QString& path)
{
    QString error;
    // Bounded to FleetTargets::maxBytes: read here, the runs are what takes time.
    std::optional<FleetTargets> targets = FleetTargets::read(path, &error);
    if (targets && targets->targets.isEmpty() && targets->errors.isEmpty())
        error =
            tr("%1 names no instance: write one instance URL a line.").arg(QDir::toNativeSeparators(path));
    if (!targets || !error.isEmpty()) {
        showError(error);
        return false;
    }
    start({QFileInfo(path).absoluteFilePath(), std::move(*targets)});
    return true;
}

void FleetPage::chooseFile()
{
    auto* dialog = new QFileDialog(this, tr("Check a fleet: open a targets file"), startFolder());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setNameFilters({tr("Targets files (*.txt)"), tr("All files (*)")});
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString& path) { openFile(path); });
    dialog->open();
}

// The targets file's folder, else Documents, else home: a folder that does not exist would be
// taken by the dialog as a file name ("Documents" in the name field).
QString FleetPage::startFolder() const
{
    for (const QString& folder :
         {m_source.path.isEmpty() ? QString() : QFileInfo(m_source.path).absolutePath(),
          QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)}) {
        if (!folder.isEmpty() && QFileInfo(folder).isDir())
            return folder;
    }
    return QDir::homePath();
}

void FleetPage::checkInstances(const QStringList& urls)
{
    if (urls.isEmpty())
        return;
    // The list is read as a targets file of one URL a line, so that a URL that cannot be used and
    // the same instance twice are said in the same words; "line" is then the position in the list.
    QStringList lines;
    for (const QString& url : urls)
        lines.append(url.simplified());
    Source source;
    source.targets = FleetTargets::parse(lines.join(QLatin1Char('\n')).toUtf8());
    start(std::move(source));
}

void FleetPage::run()
{
    if (m_runner.isRunning() || m_model->rowCount() == 0)
        return;
    if (m_source.path.isEmpty()) {
        start(m_source);
        return;
    }
    // The file again: it may have been edited since.
    openFile(m_source.path);
}

void FleetPage::cancel()
{
    if (!m_runner.isRunning())
        return;
    m_cancelled = true;
    m_runner.cancel(); // onFinished() may run from in here, when nothing was under way yet
}

std::optional<RunOptions> FleetPage::baseOptions(QString* error) const
{
    // The pane's own function, so that the saved proxy is judged with the same words. It needs an
    // instance URL: a stand-in, which every line replaces with its own (FleetTarget::runOptions).
    ConnectionInput input;
    input.url = QStringLiteral("https://gitlab.invalid");
    const uisettings::ProxyFields proxy = uisettings::proxyFields();
    input.proxy = proxy.proxy;
    input.noProxy = proxy.noProxy;
    input.proxyDirect = proxy.direct;
    // The login used with that proxy in this session (memory only): a proxy that asks for one
    // would otherwise refuse every instance with 407.
    const uisettings::ProxyLogin login = uisettings::sessionProxyLogin();
    input.proxyUser = login.user;
    input.proxyPassword = login.password;
    std::optional<RunOptions> o = buildRunOptions(input, error);
    if (!o)
        return std::nullopt;
    o->url.clear();
    o->frontend = Frontend::Desktop;
    o->trustStore = m_trustStore; // empty: the system store, loaded in the background
    o->trustStoreSource = m_trustStore.isEmpty() ? QStringLiteral("system") : m_trustStoreSource;
    return o;
}

void FleetPage::start(Source source)
{
    if (m_runner.isRunning()) {
        // Another file or list while a run is on: it replaces the run, once that has ended.
        m_pending = std::move(source);
        cancel();
        return;
    }
    showFleet();
    m_errorLabel->hide();
    m_source = std::move(source);
    m_report.reset();
    m_savedPath.clear();
    m_cancelled = false;
    m_table->setColumnHidden(FleetModel::LineColumn, m_source.path.isEmpty());

    // Every line that names an instance or fails to, in file order (as `check --targets`).
    QString problem;
    const std::optional<RunOptions> base = baseOptions(&problem);
    QList<FleetRunner::Job> jobs;
    for (const FleetTarget& target : m_source.targets.targets) {
        FleetRunner::Job job; // no credentials: the checks are anonymous
        job.entry.line = target.line;
        job.entry.url = target.url;
        QString error;
        if (!base) {
            // Listed, not run: the proxy is said above the table, and Run tries again.
        } else if (std::optional<RunOptions> options = target.runOptions(*base, &error)) {
            job.options = std::move(*options);
        } else {
            job.entry.text = target.url;
            job.entry.error = error;
        }
        jobs.append(job);
    }
    for (const FleetLineError& bad : m_source.targets.errors) {
        FleetRunner::Job job;
        job.entry.line = bad.line;
        job.entry.text = bad.text;
        job.entry.error = bad.error;
        jobs.append(job);
    }
    std::stable_sort(jobs.begin(), jobs.end(), [](const FleetRunner::Job& a, const FleetRunner::Job& b) {
        return a.entry.line < b.entry.line;
    });
    QList<FleetEntry> entries;
    for (const FleetRunner::Job& job : jobs)
        entries.append(job.entry);
    m_model->setEntries(entries);
    updateSource();
    if (m_model->rowCount() > 0)
        m_table->setCurrentIndex(m_model->index(0, FleetModel::InstanceColumn));
    if (!base) {
        showError(tr("The proxy saved in the diagnostics pane cannot be used, so no instance was checked: %1")
                      .arg(problem));
        setRunning(false);
        return;
    }
    // An instance's report opens with its HTTP exchanges, as after a single check. Bodies are kept
    // to 2 KiB an exchange: 10 KB an instance against the fake GitLab, some tens of KB with a real
    // GitLab's longer headers; a few MB for 200 instances.
    m_runner.setKeepTranscripts(true);
    m_runner.start(jobs, FleetRunner::defaultParallel);
    setRunning(true);
    // The rows are what was asked for: the keyboard goes there (once a file dialog that led here
    // has closed and given the focus back to the button that opened it).
    QTimer::singleShot(0, this, [this] {
        if (isVisible() && !isShowingInstance() && m_model->rowCount() > 0)
            m_table->setFocus(Qt::OtherFocusReason);
    });
}

void FleetPage::onInstanceStarted(int index)
{
    m_model->markRunning(index);
}

void FleetPage::onInstanceFinished(int index)
{
    if (m_cancelled && m_model->state(index) == FleetModel::State::Running)
        m_model->markCancelled(index, m_runner.entry(index));
    else
        m_model->setFinished(index, m_runner.entry(index));
    m_progressBar->setValue(m_runner.done());
    // The summary reads every report so far: at most a few times a second while a thousand
    // instances finish, and once more at the end (setRunning).
    if (!m_summaryTimer.isActive())
        m_summaryTimer.start();
}

void FleetPage::onFinished()
{
    if (m_cancelled) {
        // The instances that never started (FleetRunner says "Cancelled before it ran.").
        for (int row = 0; row < m_model->rowCount(); ++row)
            m_model->markCancelled(row, m_runner.entry(row));
    } else {
        m_report = m_runner.report();
        m_report->source = m_source.path.isEmpty() ? tr("the recent instances of the desktop program")
                                                   : QDir::toNativeSeparators(m_source.path);
    }
    setRunning(false);
    if (m_pending) {
        Source next = std::move(*m_pending);
        m_pending.reset();
        start(std::move(next));
    }
}

void FleetPage::updateButtons()
{
    const bool running = m_runner.isRunning();
    m_runButton->setEnabled(!running && m_model->rowCount() > 0);
    m_cancelButton->setEnabled(running);
    m_saveButton->setEnabled(!running && m_report.has_value() && !m_writer.isRunning());
    m_recentButton->setEnabled(!uisettings::recentInstances().isEmpty());
}

void FleetPage::setRunning(bool running)
{
    updateButtons();
    m_progressBar->setVisible(running);
    if (running) {
        m_progressBar->setRange(0, std::max(1, m_runner.total()));
        m_progressBar->setValue(m_runner.done());
    }
    updateSummary();
    emit runningChanged(running);
}

void FleetPage::updateSummary()
{
    m_summaryTimer.stop();
    const bool rows = m_model->rowCount() > 0;
    m_emptyLabel->setVisible(!rows);
    m_table->setVisible(rows);
    m_summaryLabel->setVisible(rows);
    for (QWidget* button : {m_runButton, m_cancelButton, m_saveButton})
        button->setVisible(rows);
    m_failingLabel->setVisible(false);
    if (!rows)
        return;
    const FleetReport::FleetSummary s = m_model->decided().summary();
    QStringList parts = {tr("%n instance(s): %1 pass, %2 warn, %3 fail", nullptr, s.instances)
                             .arg(s.pass)
                             .arg(s.warn)
                             .arg(s.fail)};
    if (s.badLines > 0)
        parts.append(m_source.path.isEmpty() ? tr("%n cannot be used", nullptr, s.badLines)
                                             : tr("%n line(s) cannot be used", nullptr, s.badLines));
    if (s.incomplete > 0)
        parts.append(tr("%n with checks that could not run", nullptr, s.incomplete));
    QString text = parts.join(QLatin1String("; "));
    if (m_runner.isRunning()) {
        text = tr("So far, %1", "the summary while the run goes on").arg(text);
    } else if (m_cancelled) {
        int cancelled = 0;
        for (int row = 0; row < m_model->rowCount(); ++row)
            cancelled += m_model->state(row) == FleetModel::State::Cancelled ? 1 : 0;
        text +=
            QLatin1Char('\n') + tr("Cancelled: %n instance(s) not checked to the end.", nullptr, cancelled);
    }
    if (!m_savedPath.isEmpty())
        text += QLatin1Char('\n') + tr("Fleet report saved to %1").arg(QDir::toNativeSeparators(m_savedPath));
    m_summaryLabel->setText(text);

    if (s.failing.isEmpty())
        return;
    QStringList shown;
    QStringList all;
    for (const FleetReport::FailingCheck& c : s.failing) {
        if (shown.size() < kFailingShown)
            shown.append(tr("%1 (%2)", "check id (instances)").arg(c.id).arg(c.count));
        all.append(tr("%1 — %2: %n instance(s)", nullptr, c.count).arg(c.id, c.title));
    }
    QString list = shown.join(QLatin1String(", "));
    if (s.failing.size() > kFailingShown)
        list = tr("%1 and %n more", "failing checks", int(s.failing.size()) - kFailingShown).arg(list);
    m_failingLabel->setText(tr("Failing checks, most common first: %1").arg(list));
    m_failingLabel->setToolTip(all.join(QLatin1Char('\n')));
    m_failingLabel->setVisible(true);
}

void FleetPage::updateSource()
{
    const int rows = m_model->rowCount();
    m_sourceLabel->setVisible(rows > 0);
    if (rows == 0)
        return;
    m_sourceLabel->setText(m_source.path.isEmpty()
                               ? tr("The recent instances, newest first")
                               : tr("Targets file: %1").arg(QDir::toNativeSeparators(m_source.path)));
}

void FleetPage::updateNote()
{
    QString connection;
    QString problem;
    if (const std::optional<RunOptions> base = baseOptions(&problem)) {
        if (const auto proxy = base->proxy.proxyFor(QStringLiteral("https"), QString()))
            connection =
                proxy->hasCredentials()
                    ? tr("Connections go through the proxy %1 as user %2, as in the diagnostics pane.")
                          .arg(proxy->display(), safeText(proxy->user, SafeFor::OneLine))
                    : tr("Connections go through the proxy %1, as in the diagnostics pane.")
                          .arg(proxy->display());
        else
            connection = tr("Connections go directly, without a proxy, as in the diagnostics pane.");
    }
    m_noteLabel->setText(
        tr("The checks are anonymous: no token is sent, because one token would reach every instance.") +
        (connection.isEmpty() ? QString() : QLatin1Char(' ') + connection));
}

void FleetPage::showError(const QString& error)
{
    m_errorLabel->setText(error);
    m_errorLabel->show();
}

void FleetPage::chooseSaveFile()
{
    if (!m_report || m_runner.isRunning())
        return;
    auto* dialog = new QFileDialog(this, tr("Save the fleet report"),
                                   QDir(startFolder()).filePath(QStringLiteral("fleet-report.json")));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setFileMode(QFileDialog::AnyFile);
    dialog->setNameFilters({tr("Fleet reports (*.json)")});
    dialog->setDefaultSuffix(QStringLiteral("json"));
    connect(dialog, &QFileDialog::fileSelected, this, &FleetPage::saveReportTo);
    dialog->open();
}

void FleetPage::saveReportTo(const QString& path)
{
    if (!m_report || m_writer.isRunning()) {
        emit saveFailed(tr("There is no complete fleet report to save."));
        return;
    }
    m_saveButton->setEnabled(false);
    m_savedPath.clear();
    // A fleet of a thousand reports is tens of megabytes of JSON: made and written off this thread.
    const FleetReport report = *m_report;
    m_writingPath = path;
    m_writer.setFuture(QtConcurrent::run([report, path] {
        return writeOutputFile(path, QJsonDocument(report.toJson()).toJson(QJsonDocument::Indented));
    }));
}

void FleetPage::onSaved()
{
    const QString error = m_writer.result();
    const QString path = m_writingPath;
    updateButtons();
    if (!error.isEmpty()) {
        showError(error);
        emit saveFailed(error);
        return;
    }
    m_errorLabel->hide();
    m_savedPath = path;
    updateSummary();
    emit saved(path);
}

void FleetPage::openRowOnceReleased(int row)
{
    if (QGuiApplication::mouseButtons() != Qt::NoButton) {
        QTimer::singleShot(20, this, [this, row] { openRowOnceReleased(row); });
        return;
    }
    if (openRow(row)) {
        m_openedAt.start();
        if (auto* tree = m_view->findChild<QTreeView*>(QStringLiteral("checkTree")))
            tree->viewport()->installEventFilter(this);
    }
}

bool FleetPage::eventFilter(QObject* watched, QEvent* event)
{
    const QEvent::Type type = event->type();
    if ((type == QEvent::MouseButtonPress || type == QEvent::MouseButtonRelease ||
         type == QEvent::MouseButtonDblClick) &&
        m_openedAt.isValid()) {
        if (m_openedAt.elapsed() < QGuiApplication::styleHints()->mouseDoubleClickInterval())
            return true; // the rest of the click that opened the report
        m_openedAt.invalidate();
    }
    return QWidget::eventFilter(watched, event);
}

bool FleetPage::openRow(int row)
{
    if (row < 0 || row >= m_model->rowCount() || !m_model->entry(row).report)
        return false;
    m_openRow = row;
    m_view->setReport(*m_model->entry(row).report);
    m_view->selectMostSevere();
    updateInstanceLabels();
    m_stack->setCurrentWidget(m_instancePage);
    if (QWidget* tree = m_view->findChild<QWidget*>(QStringLiteral("checkTree")))
        tree->setFocus(Qt::OtherFocusReason);
    return true;
}

void FleetPage::updateInstanceLabels()
{
    if (m_openRow < 0 || m_openRow >= m_model->rowCount() || !m_model->entry(m_openRow).report)
        return;
    const FleetEntry& entry = m_model->entry(m_openRow);
    const Report& report = *entry.report;
    const QString url = InstanceUrl::parse(report.url).toString();
    m_instanceLabel->setText(m_source.path.isEmpty() ? url : tr("Line %1: %2").arg(entry.line).arg(url));
    if (m_model->state(m_openRow) == FleetModel::State::Cancelled) {
        m_instanceVerdictLabel->setText(tr("Cancelled: not every check ran, so there is no verdict."));
    } else {
        const Summary s = report.summary();
        m_instanceVerdictLabel->setText(
            tr("Verdict %1: %2")
                .arg(TextFormatter::statusTitle(s.verdict).toUpper(), TextFormatter::statusCounts(s)));
    }
}

void FleetPage::showFleet()
{
    if (m_stack->currentWidget() == m_instancePage) {
        m_stack->setCurrentIndex(0);
        if (m_openRow >= 0 && m_openRow < m_model->rowCount())
            m_table->setCurrentIndex(m_model->index(m_openRow, FleetModel::InstanceColumn));
        m_table->setFocus(Qt::OtherFocusReason);
    }
    m_openRow = -1;
}

bool FleetPage::isShowingInstance() const
{
    return m_stack->currentWidget() == m_instancePage;
}

void FleetPage::focusFirstField()
{
    updateButtons(); // the recent instances may have changed meanwhile
    updateNote();    // the proxy may have been changed in the pane meanwhile
    if (isShowingInstance())
        return;
    if (m_model->rowCount() > 0)
        m_table->setFocus(Qt::OtherFocusReason);
    else
        m_openButton->setFocus(Qt::OtherFocusReason);
}

void FleetPage::setPublicTrustStore(const QList<QSslCertificate>& certificates, const QString& source)
{
    m_trustStore = certificates;
    m_trustStoreSource = source;
}

// Escape on the instance's page leads back to the fleet, not to the start screen (the window's
// shortcut): the page takes the key before the shortcut does.
bool FleetPage::event(QEvent* event)
{
    if (event->type() == QEvent::ShortcutOverride && isShowingInstance()) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->key() == Qt::Key_Escape && key->modifiers() == Qt::NoModifier) {
            event->accept();
            return true;
        }
    }
    return QWidget::event(event);
}

void FleetPage::keyPressEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_Escape && event->modifiers() == Qt::NoModifier && isShowingInstance()) {
        showFleet();
        return;
    }
    QWidget::keyPressEvent(event);
}

// A line that cannot be used says why across the columns that would hold its results.
void FleetPage::updateSpans()
{
    m_table->clearSpans();
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->state(row) == FleetModel::State::Unusable)
            m_table->setSpan(row, FleetModel::VerdictColumn, 1,
                             FleetModel::ColumnCount - FleetModel::VerdictColumn);
    }
}

// Widths from the texts the columns can hold in this language, not from the rows (which change
// one by one during a run): the instance column takes the rest.
void FleetPage::fitColumns()
{
    const QFontMetrics metrics = m_table->fontMetrics();
    const int margin =
        2 * (m_table->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, m_table) + 1) + 12;
    const int icon = m_table->style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, m_table) + 6;
    QHeaderView* header = m_table->horizontalHeader();
    const auto fit = [&](int column, int content) {
        header->setSectionResizeMode(column, QHeaderView::Interactive);
        m_table->setColumnWidth(column, std::max(content + margin, header->sectionSizeHint(column)));
    };
    int lastLine = 1;
    for (int row = 0; row < m_model->rowCount(); ++row)
        lastLine = std::max(lastLine, m_model->entry(row).line);
    fit(FleetModel::LineColumn, metrics.horizontalAdvance(QString::number(lastLine)));
    int verdict = 0;
    for (FleetModel::State state : {FleetModel::State::Waiting, FleetModel::State::Running,
                                    FleetModel::State::Cancelled, FleetModel::State::Unusable})
        verdict = std::max(verdict, metrics.horizontalAdvance(FleetModel::stateText(state)));
    for (Status s : {Status::Pass, Status::Warn, Status::Fail})
        verdict = std::max(verdict, metrics.horizontalAdvance(TextFormatter::statusTitle(s)));
    fit(FleetModel::VerdictColumn, verdict + icon);
    fit(FleetModel::FailingColumn, metrics.horizontalAdvance(QStringLiteral("99")));
    int id = 0;
    for (const auto& check : catalogue())
        id = std::max(id, metrics.horizontalAdvance(check->id()));
    fit(FleetModel::FirstFailingColumn, id);
    fit(FleetModel::DurationColumn,
        metrics.horizontalAdvance(tr("%1 s", "duration in seconds").arg(QLocale().toString(999.9, 'f', 1))));
    header->setSectionResizeMode(FleetModel::InstanceColumn, QHeaderView::Stretch);
}

void FleetPage::updateColours()
{
    // From this page's palette, so that both keep their contrast in a dark one too.
    QPalette error = m_errorLabel->palette();
    error.setColor(QPalette::WindowText, errorTextColour(palette()));
    m_errorLabel->setPalette(error);
    QPalette secondary = m_noteLabel->palette();
    secondary.setColor(QPalette::WindowText, secondaryTextColour(palette(), QPalette::Window));
    m_noteLabel->setPalette(secondary);
    // One line of text a row, with the status icon's height, not the style's roomier default.
    const int iconSize = m_table->style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, m_table);
    m_table->verticalHeader()->setDefaultSectionSize(std::max(fontMetrics().height(), iconSize) + 6);
    m_headingLabel->setFont(scaledFont(font(), 1.4, QFont::DemiBold));
    m_instanceLabel->setFont(scaledFont(font(), 1.2, QFont::DemiBold));
}

void FleetPage::retranslate()
{
    m_backButton->setText(tr("&Start page"));
    m_backButton->setToolTip(tr("Back to the start screen (Esc)"));
    m_headingLabel->setText(tr("Check a fleet"));
    m_openButton->setText(tr("&Open a targets file…"));
    m_openButton->setToolTip(tr("A text file with one instance URL a line, as for check --targets"));
    m_recentButton->setText(tr("Check the recent &instances"));
    m_recentButton->setToolTip(tr("Check every instance on the start screen's list of recent instances"));
    m_emptyLabel->setText(
        tr("Check many instances at once: open a targets file (one instance URL a line, with that "
           "instance's options, as for check --targets), or check the recent instances. Each instance "
           "gets a row with its verdict; Enter on a row shows its report."));
    m_runButton->setText(tr("&Run"));
    m_runButton->setToolTip(tr("Check the instances again (a targets file is read again)"));
    m_cancelButton->setText(tr("&Cancel"));
    m_saveButton->setText(tr("Sa&ve fleet report…"));
    m_saveButton->setToolTip(tr("Save the fleet report as JSON, as check --targets --format json writes it"));
    m_table->setAccessibleName(tr("Instances of the fleet"));
    m_table->setAccessibleDescription(tr("One row per instance; Enter shows the instance's report"));
    m_progressBar->setFormat(tr("%v of %m", "instances done"));
    m_instanceBackButton->setText(tr("&Back to the fleet"));
    m_instanceBackButton->setToolTip(tr("Back to the table of instances (Esc)"));
    m_model->retranslate();
    fitColumns();
    updateSource();
    updateNote();
    updateSummary();
    updateInstanceLabels();
}

void FleetPage::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    switch (event->type()) {
    case QEvent::LanguageChange:
        retranslate();
        break;
    case QEvent::FontChange:
    case QEvent::PaletteChange:
        updateColours();
        fitColumns();
        break;
    default:
        break;
    }
}

} // namespace gjd
