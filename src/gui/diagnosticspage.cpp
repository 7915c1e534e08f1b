// SPDX-License-Identifier: GPL-3.0-or-later
#include "diagnosticspage.h"

#include "checks/check.h"
#include "connectionform.h"
#include "export/exportbundle.h"
#include "exportdialog.h"
#include "markdownformatter.h"
#include "reportview.h"
#include "setup/setuptext.h"
#include "statusicons.h"
#include "textformatter.h"
#include "uisettings.h"
#include "uistyle.h"
#include "waterfallwidget.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QCompleter>
#include <QDir>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QSslConfiguration>
#include <QStringListModel>
#include <QTabWidget>
#include <QTextBrowser>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace gjd {

namespace {

constexpr int kCopiedFeedbackMs = 2000;
constexpr double kDefaultTimeoutSeconds = 10;

// The form and the pane's options: exactly as tall as they need while the window has room, and
// scrolling when it has not. With both sections open (the connection options hold the proxy too)
// they need more than 800x600 leaves, and without a scroll area the layout squeezed the rows over
// each other.
class FormScrollArea final : public QScrollArea
{
public:
    FormScrollArea(QWidget* content, QWidget* parent)
        : QScrollArea(parent)
    {
        setFrameShape(QFrame::NoFrame);
        setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
        setWidgetResizable(true);
        setWidget(content);
        content->installEventFilter(this);
    }

    QSize sizeHint() const override
    {
        const QWidget* content = widget();
        const int width = viewport()->width() > 0 ? viewport()->width() : content->sizeHint().width();
        const int height =
            content->hasHeightForWidth() ? content->heightForWidth(width) : content->sizeHint().height();
        return {content->sizeHint().width(), height + 2 * frameWidth()};
    }

    QSize minimumSizeHint() const override
    {
        // Room for a few rows: the tree below needs its share of a small window too.
        return {widget()->minimumSizeHint().width(),
                std::min(sizeHint().height(), 6 * fontMetrics().height())};
    }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        // A section opened or closed, a problem said: the height needed changed.
        if (watched == widget() && event->type() == QEvent::LayoutRequest)
            updateGeometry();
        return QScrollArea::eventFilter(watched, event);
    }
};

} // namespace

DiagnosticsPage::DiagnosticsPage(QWidget* parent)
    : QWidget(parent)
    , m_backButton(new QPushButton(this))
    , m_headingLabel(new QLabel(this))
    , m_form(new ConnectionForm(this))
    , m_urlEdit(m_form->urlEdit())
    , m_tokenEdit(m_form->tokenEdit())
    , m_moreToggle(new QToolButton(this))
    , m_options(new QWidget(this))
    , m_methodLabel(new QLabel(m_options))
    , m_methodCombo(new QComboBox(m_options))
    , m_jiraSiteLabel(new QLabel(m_options))
    , m_jiraSiteEdit(new QLineEdit(m_options))
    , m_jiraEmailLabel(new QLabel(m_options))
    , m_jiraEmailEdit(new QLineEdit(m_options))
    , m_jiraTokenLabel(new QLabel(m_options))
    , m_jiraTokenEdit(new QLineEdit(m_options))
    , m_timeoutLabel(new QLabel(m_options))
    , m_timeoutSpin(new QDoubleSpinBox(m_options))
    , m_optionsError(new QLabel(this))
    , m_runButton(new QPushButton(this))
    , m_cancelButton(new QPushButton(this))
    , m_rerunFailedButton(new QPushButton(this))
    , m_copySummaryButton(new QPushButton(this))
    , m_verdictLabel(new QLabel(this))
    , m_exportButton(new QPushButton(this))
    , m_progressBar(new QProgressBar(this))
    , m_view(new ReportView(this))
{
    const auto name = [](QObject* o, const char* n) {
        o->setObjectName(QString::fromLatin1(n));
    };
    name(m_backButton, "backButton");
    name(m_headingLabel, "headingLabel");
    name(m_form, "connectionForm");
    name(m_moreToggle, "moreOptionsToggle");
    name(m_options, "options");
    name(m_methodCombo, "methodCombo");
    name(m_jiraSiteEdit, "jiraSiteEdit");
    name(m_jiraEmailEdit, "jiraEmailEdit");
    name(m_jiraTokenEdit, "jiraTokenEdit");
    name(m_timeoutSpin, "timeoutSpin");
    name(m_optionsError, "optionsError");
    name(m_runButton, "runButton");
    name(m_cancelButton, "cancelButton");
    name(m_rerunFailedButton, "rerunFailedButton");
    name(m_copySummaryButton, "copySummaryButton");
    name(m_exportButton, "exportButton");
    name(m_verdictLabel, "verdictLabel");
    name(m_progressBar, "progressBar");
    name(m_view, "reportView");

    m_headingLabel->setFont(scaledFont(font(), 1.4, QFont::DemiBold));
    m_backButton->setIcon(QIcon::fromTheme(QStringLiteral("go-previous")));
    connect(m_backButton, &QPushButton::clicked, this, &DiagnosticsPage::backRequested);

    m_form->setTokenRequired(false);
    {
        // The proxy as last used (shared with the wizard); never a login.
        const uisettings::ProxyFields saved = uisettings::proxyFields();
        ConnectionInput remembered;
        remembered.proxy = saved.proxy;
        remembered.noProxy = saved.noProxy;
        remembered.proxyDirect = saved.direct;
        m_form->setInput(remembered);
    }
    m_urlEdit->setCompleter(new QCompleter(uisettings::recentInstances(), m_urlEdit));
    m_optionsError->setWordWrap(true);
    m_optionsError->setTextFormat(Qt::PlainText);
    m_optionsError->hide();
    QPalette errorPalette = m_optionsError->palette();
    errorPalette.setColor(QPalette::WindowText, errorTextColour(palette()));
    m_optionsError->setPalette(errorPalette);
    m_jiraTokenEdit->setEchoMode(QLineEdit::Password);
    m_jiraTokenEdit->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhNoPredictiveText | Qt::ImhSensitiveData);
    m_methodCombo->addItem(QString(), QStringLiteral("auto"));
    m_methodCombo->addItem(QString(), QStringLiteral("marketplace"));
    m_methodCombo->addItem(QString(), QStringLiteral("manual"));
    m_methodCombo->addItem(QString(), QStringLiteral("proxy"));
    m_timeoutSpin->setRange(0.5, 600);
    m_timeoutSpin->setDecimals(1);
    m_timeoutSpin->setValue(kDefaultTimeoutSeconds);

    m_moreToggle->setCheckable(true);
    m_moreToggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_moreToggle->setArrowType(Qt::RightArrow);
    m_options->hide();
    connect(m_moreToggle, &QToolButton::toggled, this, [this](bool on) {
        m_options->setVisible(on);
        m_moreToggle->setArrowType(on ? Qt::DownArrow : Qt::RightArrow);
    });

    // Layout: heading row, connection form, the pane's options, buttons, verdict, tree | details.
    auto* heading = new QHBoxLayout;
    heading->addWidget(m_backButton);
    heading->addSpacing(8);
    heading->addWidget(m_headingLabel, 1);

    auto* optionsForm = new QFormLayout(m_options);
    optionsForm->setContentsMargins(0, 0, 0, 0);
    optionsForm->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    const std::pair<QLabel*, QWidget*> optionRows[] = {
        {m_methodLabel, m_methodCombo},      {m_jiraSiteLabel, m_jiraSiteEdit},
        {m_jiraEmailLabel, m_jiraEmailEdit}, {m_jiraTokenLabel, m_jiraTokenEdit},
        {m_timeoutLabel, m_timeoutSpin},
    };
    for (const auto& [label, field] : optionRows) {
        optionsForm->addRow(label, field);
        label->setBuddy(field);
    }

    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_runButton);
    buttons->addWidget(m_cancelButton);
    buttons->addWidget(m_rerunFailedButton);
    buttons->addWidget(m_copySummaryButton);
    buttons->addWidget(m_exportButton);
    m_runButton->setDefault(true);
    m_runButton->setIcon(QIcon::fromTheme(QStringLiteral("media-playback-start")));
    m_cancelButton->setIcon(QIcon::fromTheme(QStringLiteral("process-stop")));
    m_rerunFailedButton->setIcon(QIcon::fromTheme(QStringLiteral("view-refresh")));
    m_copySummaryButton->setIcon(QIcon::fromTheme(QStringLiteral("edit-copy")));
    m_exportButton->setIcon(QIcon::fromTheme(QStringLiteral("document-save-as")));
    connect(m_runButton, &QPushButton::clicked, this, &DiagnosticsPage::run);
    connect(m_cancelButton, &QPushButton::clicked, this, &DiagnosticsPage::cancel);
    connect(m_rerunFailedButton, &QPushButton::clicked, this, &DiagnosticsPage::rerunFailed);
    connect(m_copySummaryButton, &QPushButton::clicked, this, &DiagnosticsPage::copySummary);
    connect(m_exportButton, &QPushButton::clicked, this, &DiagnosticsPage::exportReport);
    // Enter in any field runs the check (the token field too).
    connect(m_form, &ConnectionForm::submitted, this, &DiagnosticsPage::run);
    for (QLineEdit* edit : {m_jiraSiteEdit, m_jiraEmailEdit, m_jiraTokenEdit})
        connect(edit, &QLineEdit::returnPressed, this, &DiagnosticsPage::run);

    auto* status = new QHBoxLayout;
    m_verdictLabel->setTextFormat(Qt::PlainText);
    m_verdictLabel->setWordWrap(true);
    status->addWidget(m_verdictLabel, 1);
    status->addWidget(m_progressBar);
    m_progressBar->setMaximumWidth(220);
    m_progressBar->setTextVisible(true);
    m_progressBar->hide();

    auto* fields = new QWidget(this);
    fields->setObjectName(QStringLiteral("fields"));
    auto* fieldsLayout = new QVBoxLayout(fields);
    fieldsLayout->setContentsMargins(0, 0, 0, 0);
    fieldsLayout->addWidget(m_form);
    fieldsLayout->addWidget(m_moreToggle, 0, Qt::AlignLeft);
    fieldsLayout->addWidget(m_options);
    fieldsLayout->addWidget(m_optionsError);
    auto* fieldsScroll = new FormScrollArea(fields, this);
    fieldsScroll->setObjectName(QStringLiteral("fieldsScroll"));

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(heading);
    layout->addWidget(fieldsScroll);
    layout->addLayout(buttons);
    layout->addLayout(status);
    layout->addWidget(m_view, 1);

    setTabOrder(m_backButton, m_urlEdit);
    setTabOrder(m_form->lastField(), m_moreToggle);
    setTabOrder(m_moreToggle, m_methodCombo);
    setTabOrder(m_methodCombo, m_jiraSiteEdit);
    setTabOrder(m_jiraSiteEdit, m_jiraEmailEdit);
    setTabOrder(m_jiraEmailEdit, m_jiraTokenEdit);
    setTabOrder(m_jiraTokenEdit, m_timeoutSpin);
    setTabOrder(m_timeoutSpin, m_runButton);
    setTabOrder(m_runButton, m_cancelButton);
    setTabOrder(m_cancelButton, m_rerunFailedButton);
    setTabOrder(m_rerunFailedButton, m_copySummaryButton);
    setTabOrder(m_copySummaryButton, m_exportButton);
    setTabOrder(m_exportButton, m_view->findChild<QWidget*>(QStringLiteral("checkTree")));

    connect(&m_runner, &CheckRunner::checkStarted, this, &DiagnosticsPage::onCheckStarted);
    connect(&m_runner, &CheckRunner::checkFinished, this, &DiagnosticsPage::onCheckFinished);
    connect(&m_runner, &CheckRunner::checkWaiting, m_view, &ReportView::setWaitingFor);
    connect(&m_runner, &CheckRunner::finished, this, &DiagnosticsPage::onFinished);
    connect(m_form, &ConnectionForm::changed, this, &DiagnosticsPage::validate);
    // A token handed over from the wizard belongs to its instance (the admin did not type it here).
    connect(m_urlEdit, &QLineEdit::textChanged, this, &DiagnosticsPage::forgetHandedTokenOnHostChange);
    connect(m_tokenEdit, &QLineEdit::textEdited, this, [this] { m_tokenHost.clear(); });
    for (QLineEdit* edit : {m_jiraSiteEdit, m_jiraEmailEdit})
        connect(edit, &QLineEdit::textChanged, this, &DiagnosticsPage::validate);
    connect(m_methodCombo, &QComboBox::currentIndexChanged, this, &DiagnosticsPage::validate);

    clearResults();
    retranslate();
    setRunning(false);
}

DiagnosticsPage::~DiagnosticsPage()
{
    m_runner.disconnect(this);
    m_runner.cancel();
}

void DiagnosticsPage::setUrl(const QString& url)
{
    // A token typed or handed over for one instance is never sent to another one without the
    // admin seeing it: another host set from outside (recent instances) empties the token field.
    const QString host = InstanceUrl::parse(url).hostAndPort();
    if (host != InstanceUrl::parse(m_urlEdit->text()).hostAndPort())
        m_tokenEdit->clear();
    // A run of another instance does not go on filling the tree under this URL.
    if (m_runner.isRunning() &&
        InstanceUrl::parse(url).toString() != InstanceUrl::parse(m_urlEdit->text()).toString()) {
        m_afterRun = AfterRun::Discard;
        m_runner.cancel();
    }
    m_urlEdit->setText(url);
}

void DiagnosticsPage::forgetHandedTokenOnHostChange()
{
    if (m_tokenHost.isEmpty())
        return;
    if (InstanceUrl::parse(m_urlEdit->text()).hostAndPort() != m_tokenHost) {
        m_tokenHost.clear();
        m_tokenEdit->clear();
    }
}

void DiagnosticsPage::setPublicTrustStore(const QList<QSslCertificate>& certificates, const QString& source)
{
    m_trustStore = certificates;
    m_trustStoreSource = source;
}

void DiagnosticsPage::focusFirstField()
{
    if (m_urlEdit->text().trimmed().isEmpty() || !m_runButton->isEnabled())
        m_urlEdit->setFocus(Qt::OtherFocusReason);
    else
        m_runButton->setFocus(Qt::OtherFocusReason);
}

ConnectionInput DiagnosticsPage::input() const
{
    ConnectionInput in = m_form->input();
    const QString method = m_methodCombo->currentData().toString();
    in.method = method == QLatin1String("auto") ? QString() : method;
    in.jiraSite = m_jiraSiteEdit->text();
    in.jiraEmail = m_jiraEmailEdit->text();
    in.timeoutSeconds = m_timeoutSpin->value();
    return in;
}

void DiagnosticsPage::setInput(const ConnectionInput& input)
{
    m_form->setInput(input);
    const int method =
        m_methodCombo->findData(input.method.isEmpty() ? QStringLiteral("auto") : input.method);
    m_methodCombo->setCurrentIndex(std::max(method, 0));
    m_jiraSiteEdit->setText(input.jiraSite);
    m_jiraEmailEdit->setText(input.jiraEmail);
    m_timeoutSpin->setValue(input.timeoutSeconds > 0 ? input.timeoutSeconds : kDefaultTimeoutSeconds);
    if (m_methodCombo->currentIndex() != 0 || !input.jiraSite.trimmed().isEmpty())
        m_moreToggle->setChecked(true);
}

Credentials DiagnosticsPage::credentials() const
{
    Credentials c;
    c.gitlabToken = m_tokenEdit->text().trimmed().toUtf8();
    c.jiraToken = m_jiraTokenEdit->text().trimmed().toUtf8();
    return c;
}

void DiagnosticsPage::rememberSecrets(const Credentials& credentials, const ConnectionInput& input)
{
    for (const QByteArray& secret :
         ExportBundle::secretsOf(credentials.gitlabToken, credentials.jiraToken, input.jiraEmail.trimmed()) +
             proxySecrets(input)) {
        if (!m_runSecrets.contains(secret))
            m_runSecrets.append(secret);
    }
}

void DiagnosticsPage::retranslate()
{
    m_backButton->setText(tr("&Start page"));
    m_backButton->setToolTip(tr("Back to the start screen (Esc)"));
    m_headingLabel->setText(tr("Check an instance"));
    m_moreToggle->setText(tr("Met&hod, Jira and timeout"));
    m_methodLabel->setText(tr("Installation &method:"));
    m_methodCombo->setItemText(0, tr("Detect"));
    m_methodCombo->setItemText(1, tr("Marketplace"));
    m_methodCombo->setItemText(2, tr("Manual (legacy)"));
    m_methodCombo->setItemText(3, tr("Proxy for other instances (legacy)"));
    m_jiraSiteLabel->setText(tr("&Jira site:"));
    m_jiraSiteEdit->setPlaceholderText(tr("optional: https://your-site.atlassian.net"));
    m_jiraEmailLabel->setText(tr("Jira &email:"));
    m_jiraTokenLabel->setText(tr("Jira API to&ken:"));
    m_jiraTokenEdit->setAccessibleName(tr("Jira API token"));
    m_timeoutLabel->setText(tr("Timeout per pro&be:"));
    m_timeoutSpin->setSuffix(tr(" s"));
    m_runButton->setText(tr("&Run"));
    m_cancelButton->setText(tr("&Cancel"));
    m_rerunFailedButton->setText(tr("Re-run &failed"));
    m_copySummaryButton->setText(m_copied ? tr("Copied") : tr("Cop&y summary"));
    m_copySummaryButton->setToolTip(tr("Copy the results as Markdown, for a ticket"));
    m_exportButton->setText(tr("E&xport…"));
    m_exportButton->setToolTip(tr("Save a troubleshooting export (a ZIP for a support ticket); you see "
                                  "what it contains before it is saved"));
    updateVerdict();
    validate();
    padBuddyLabels(this);
}

void DiagnosticsPage::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    } else if (event->type() == QEvent::FontChange) {
        m_headingLabel->setFont(scaledFont(font(), 1.4, QFont::DemiBold));
    } else if (event->type() == QEvent::PaletteChange) {
        QPalette errorPalette = m_optionsError->palette();
        errorPalette.setColor(QPalette::WindowText, errorTextColour(palette()));
        m_optionsError->setPalette(errorPalette);
    }
}

// Inline validation: Run only with a usable form. The connection form says its own problems; the
// pane's fields (method, Jira, timeout) are judged by the same core function, alone.
void DiagnosticsPage::validate()
{
    ConnectionInput own = input();
    own.url = QStringLiteral("https://gitlab.invalid"); // a stand-in: the form judges the URL
    own.publicUrl.clear();
    own.caFile.clear();
    own.address.clear();
    own.proxy.clear();
    own.proxyUser.clear();
    own.proxyPassword.clear();
    own.noProxy.clear();
    own.proxyDirect = true; // the environment's proxy too is the form's to judge
    QString problem;
    buildRunOptions(own, &problem);
    m_optionsError->setText(problem);
    m_optionsError->setVisible(!problem.isEmpty());
    m_runButton->setEnabled(!m_runner.isRunning() && m_form->isComplete(false) && problem.isEmpty());
    dropStaleResults();
}

void DiagnosticsPage::dropStaleResults()
{
    if (m_shown && !m_runner.isRunning() && !sameTarget(input(), m_shownInput))
        clearResults();
}

void DiagnosticsPage::clearResults()
{
    m_report = Report{};
    m_shown = false;
    m_shownInput = ConnectionInput{};
    m_cancelledUrl.clear();
    m_rerunCancelled = false;
    QStringList all;
    for (const auto& c : catalogue())
        all.append(c->id());
    m_view->setChecks(all);
    updateActions();
    updateVerdict();
}

bool DiagnosticsPage::startRun(RunOptions options)
{
    options.trustStore = m_trustStore; // empty: the system store, loaded in the background
    options.trustStoreSource = m_trustStore.isEmpty() ? QStringLiteral("system") : m_trustStoreSource;
    const Credentials c = credentials();
    if (!m_runner.start(options, c))
        return false;
    rememberSecrets(c, m_runInput); // the caller has set it
    m_cancelRequested = false;
    m_afterRun = AfterRun::Show;
    m_findingCount = 0;
    return true;
}

void DiagnosticsPage::run()
{
    if (m_runner.isRunning()) {
        // Asked to check something else while a run is on (a recent instance chosen on the start
        // screen): that run's results would be shown under the wrong URL. Start over when it ends.
        if (!sameTarget(input(), m_runInput) && m_afterRun != AfterRun::RunAgain) {
            m_afterRun = AfterRun::RunAgain;
            m_runner.cancel();
        }
        return;
    }
    if (!m_runButton->isEnabled())
        return;
    const ConnectionInput in = input();
    QString error;
    const std::optional<RunOptions> o = buildRunOptions(in, &error);
    if (!o) {
        m_optionsError->setText(error);
        m_optionsError->setVisible(true);
        return;
    }
    // A new run: what was shown before is not its result.
    clearResults();
    m_rerunIds.clear();
    m_runInput = in;
    if (!startRun(*o))
        return;
    m_view->setChecks(m_runner.selectedIds());
    setRunning(true);
}

void DiagnosticsPage::rerunFailed()
{
    if (m_runner.isRunning() || m_report.checks.isEmpty())
        return;
    const QStringList ids = m_report.rerunSelection();
    if (ids.isEmpty())
        return;
    // The form matches the report shown (else it would have been cleared): the same target.
    QString error;
    std::optional<RunOptions> o = buildRunOptions(input(), &error);
    if (!o) {
        m_optionsError->setText(error);
        m_optionsError->setVisible(true);
        return;
    }
    o->url = m_report.url;
    o->only = ids;
    m_runInput = input();
    if (!startRun(*o))
        return;
    m_rerunCancelled = false;
    m_rerunIds = m_runner.selectedIds();
    m_view->markWaiting(m_rerunIds);
    setRunning(true);
}

void DiagnosticsPage::cancel()
{
    if (m_runner.isRunning())
        m_cancelRequested = true;
    m_runner.cancel();
}

void DiagnosticsPage::showResults(const ConnectionInput& input, const Report& report,
                                  const Credentials& credentials,
                                  const QList<CheckRunner::ProbeTiming>& timings)
{
    if (m_runner.isRunning()) {
        m_afterRun = AfterRun::Discard;
        m_runner.cancel();
    }
    m_tokenHost.clear();
    setInput(input);
    m_tokenEdit->setText(QString::fromUtf8(credentials.gitlabToken));
    m_tokenHost = InstanceUrl::parse(input.url).hostAndPort();
    m_jiraTokenEdit->setText(QString::fromUtf8(credentials.jiraToken));
    rememberSecrets(credentials, input);
    clearResults();
    m_rerunIds.clear();
    m_report = report;
    m_shown = true;
    m_shownInput = this->input();
    m_view->setReport(m_report);
    m_view->setTimings(timings);
    updateActions();
    updateVerdict();
    validate();
}

void DiagnosticsPage::onCheckStarted(const QString& id)
{
    if (m_afterRun == AfterRun::Show)
        m_view->markRunning(id);
}

void DiagnosticsPage::onCheckFinished(const Finding& finding)
{
    if (m_afterRun != AfterRun::Show)
        return;
    m_view->setFinding(finding);
    m_progressBar->setValue(++m_findingCount);
}

void DiagnosticsPage::onFinished(const Report& report)
{
    const AfterRun after = std::exchange(m_afterRun, AfterRun::Show);
    const bool cancelled = std::exchange(m_cancelRequested, false);
    const QStringList rerunIds = std::exchange(m_rerunIds, {});
    if (after != AfterRun::Show) {
        setRunning(false);
        if (after == AfterRun::RunAgain)
            run();
        return;
    }
    if (cancelled && !rerunIds.isEmpty()) {
        // Re-run failed, cancelled: the run before stays what is shown, complete.
        m_view->setReport(m_report);
        m_rerunCancelled = true;
    } else if (cancelled) {
        // What ran is shown, but no verdict: most checks never ran.
        m_report = Report{};
        m_view->setReport(report);
        m_view->setTimings(m_runner.probeTimings());
        m_cancelledUrl = InstanceUrl::parse(m_runInput.url).toString();
        m_shown = true;
        m_shownInput = m_runInput;
    } else {
        if (rerunIds.isEmpty())
            m_report = report;
        else
            m_report.mergeRerun(report, rerunIds);
        m_view->setReport(m_report);
        m_view->setTimings(m_runner.probeTimings());
        m_shown = true;
        m_shownInput = m_runInput;
    }
    setRunning(false);
    if (cancelled)
        return;
    const QString url = InstanceUrl::parse(m_report.url).toString();
    uisettings::addRecentInstance(url);
    uisettings::setProxyFields({m_runInput.proxy, m_runInput.noProxy, m_runInput.proxyDirect},
                               m_runInput.proxyUser, m_runInput.proxyPassword);
    // setModel() deletes the previous model, which the completer owns.
    m_urlEdit->completer()->setModel(
        new QStringListModel(uisettings::recentInstances(), m_urlEdit->completer()));
    emit instanceChecked(url);
}

void DiagnosticsPage::setRunning(bool running)
{
    m_form->setFieldsEnabled(!running);
    for (QWidget* w : std::initializer_list<QWidget*>{m_methodCombo, m_jiraSiteEdit, m_jiraEmailEdit,
                                                      m_jiraTokenEdit, m_timeoutSpin})
        w->setEnabled(!running);
    m_view->setRunning(running);
    m_progressBar->setVisible(running);
    if (running) {
        m_progressBar->setRange(0, int(m_runner.selectedIds().size()));
        m_progressBar->setValue(0);
        m_verdictLabel->setText(tr("Checking %1…").arg(InstanceUrl::parse(m_runInput.url).toString()));
    }
    updateActions();
    updateVerdict();
    validate();
    emit runningChanged(running);
}

void DiagnosticsPage::updateActions()
{
    const bool running = m_runner.isRunning();
    const bool complete = !running && !m_report.checks.isEmpty();
    const bool anyFailed = !m_report.rerunSelection().isEmpty();
    m_cancelButton->setEnabled(running);
    m_rerunFailedButton->setEnabled(complete && anyFailed);
    m_copySummaryButton->setEnabled(complete);
    m_exportButton->setEnabled(complete);
}

void DiagnosticsPage::updateVerdict()
{
    if (m_runner.isRunning())
        return;
    if (m_report.checks.isEmpty()) {
        m_verdictLabel->setText(
            m_cancelledUrl.isEmpty()
                ? tr("Enter the URL of a GitLab instance and select Run.")
                : tr("%1 — cancelled: not every check ran, so there is no verdict.").arg(m_cancelledUrl));
        return;
    }
    const Summary s = m_report.summary();
    QStringList counts;
    for (Status st : {Status::Pass, Status::Info, Status::Warn, Status::Fail, Status::Skip, Status::Manual,
                      Status::Error}) {
        if (s.count(st) > 0)
            // "Warning: 2", not "2 Warning": a status word needs no plural form that way.
            counts.append(tr("%1: %2", "status: count").arg(TextFormatter::statusTitle(st)).arg(s.count(st)));
    }
    QString text = tr("%1 — verdict %2: %3")
                       .arg(m_report.url, TextFormatter::statusTitle(s.verdict).toUpper(),
                            counts.join(QLatin1String(", ")));
    if (!m_report.installType().isEmpty())
        text +=
            QLatin1Char('\n') + tr("Install type: %1 (decided from %2)")
                                    .arg(SetupText::installType(m_report.installType()),
                                         TextFormatter::installTypeSource(m_report.installTypeDecidedBy()));
    if (m_rerunCancelled)
        text +=
            QLatin1Char('\n') + tr("Re-run failed was cancelled: these are the results of the run before.");
    m_verdictLabel->setText(text);
}

bool DiagnosticsPage::selectCheck(const QString& id)
{
    return m_view->selectCheck(id);
}

QString DiagnosticsPage::detailsHtml(const QString& id) const
{
    return m_view->detailsHtml(id);
}

void DiagnosticsPage::exportReport()
{
    if (m_report.checks.isEmpty() || m_runner.isRunning())
        return;
    auto* dialog = new ExportDialog(m_report, secrets(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ExportDialog::saved, this, [this](const QString& path) {
        updateVerdict();
        m_verdictLabel->setText(m_verdictLabel->text() + QLatin1Char('\n') +
                                tr("Export saved to %1").arg(QDir::toNativeSeparators(path)));
    });
    dialog->open();
}

QList<QByteArray> DiagnosticsPage::secrets() const
{
    // The tokens the runs used (the fields may have been cleared or changed since), and what the
    // fields hold now.
    return m_runSecrets +
           ExportBundle::secretsOf(m_tokenEdit->text().trimmed().toUtf8(),
                                   m_jiraTokenEdit->text().trimmed().toUtf8(),
                                   m_jiraEmailEdit->text().trimmed()) +
           proxySecrets(input());
}

void DiagnosticsPage::copySummary()
{
    if (m_report.checks.isEmpty())
        return;
    QApplication::clipboard()->setText(MarkdownFormatter::format(m_report));
    // Feedback where the click was: the button says "Copied" for a moment.
    m_copied = true;
    m_copySummaryButton->setText(tr("Copied"));
    QTimer::singleShot(kCopiedFeedbackMs, this, [this] {
        m_copied = false;
        m_copySummaryButton->setText(tr("Cop&y summary"));
    });
}

} // namespace gjd
