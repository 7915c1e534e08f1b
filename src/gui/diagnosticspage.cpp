// SPDX-License-Identifier: GPL-3.0-or-later
#include "diagnosticspage.h"

#include "checks/check.h"
#include "export/exportbundle.h"
#include "exportdialog.h"
#include "markdownformatter.h"
#include "reportview.h"
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

namespace gjd {

namespace {

constexpr int kCopiedFeedbackMs = 2000;

} // namespace

DiagnosticsPage::DiagnosticsPage(QWidget* parent)
    : QWidget(parent)
    , m_backButton(new QPushButton(this))
    , m_headingLabel(new QLabel(this))
    , m_urlLabel(new QLabel(this))
    , m_urlEdit(new QLineEdit(this))
    , m_urlError(new QLabel(this))
    , m_tokenLabel(new QLabel(this))
    , m_tokenEdit(new QLineEdit(this))
    , m_optionsToggle(new QToolButton(this))
    , m_options(new QWidget(this))
    , m_publicUrlLabel(new QLabel(m_options))
    , m_publicUrlEdit(new QLineEdit(m_options))
    , m_methodLabel(new QLabel(m_options))
    , m_methodCombo(new QComboBox(m_options))
    , m_jiraSiteLabel(new QLabel(m_options))
    , m_jiraSiteEdit(new QLineEdit(m_options))
    , m_jiraEmailLabel(new QLabel(m_options))
    , m_jiraEmailEdit(new QLineEdit(m_options))
    , m_jiraTokenLabel(new QLabel(m_options))
    , m_jiraTokenEdit(new QLineEdit(m_options))
    , m_caFileLabel(new QLabel(m_options))
    , m_caFileEdit(new QLineEdit(m_options))
    , m_caFileBrowse(new QToolButton(m_options))
    , m_addressLabel(new QLabel(m_options))
    , m_addressEdit(new QLineEdit(m_options))
    , m_timeoutLabel(new QLabel(m_options))
    , m_timeoutSpin(new QDoubleSpinBox(m_options))
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
    name(m_urlEdit, "urlEdit");
    name(m_urlError, "urlError");
    name(m_tokenEdit, "tokenEdit");
    name(m_optionsToggle, "optionsToggle");
    name(m_options, "options");
    name(m_publicUrlEdit, "publicUrlEdit");
    name(m_methodCombo, "methodCombo");
    name(m_jiraSiteEdit, "jiraSiteEdit");
    name(m_jiraEmailEdit, "jiraEmailEdit");
    name(m_jiraTokenEdit, "jiraTokenEdit");
    name(m_timeoutSpin, "timeoutSpin");
    name(m_caFileEdit, "caFileEdit");
    name(m_caFileBrowse, "caFileBrowse");
    name(m_addressEdit, "addressEdit");
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

    m_urlEdit->setClearButtonEnabled(true);
    m_urlEdit->setCompleter(new QCompleter(uisettings::recentInstances(), m_urlEdit));
    m_urlError->setWordWrap(true);
    m_urlError->setTextFormat(Qt::PlainText);
    QPalette errorPalette = m_urlError->palette();
    errorPalette.setColor(QPalette::WindowText, QColor(0xc0, 0x1c, 0x28));
    m_urlError->setPalette(errorPalette);
    m_urlError->hide();
    for (QLineEdit* secret : {m_tokenEdit, m_jiraTokenEdit}) {
        secret->setEchoMode(QLineEdit::Password);
        secret->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhNoPredictiveText | Qt::ImhSensitiveData);
    }
    m_methodCombo->addItem(QString(), QStringLiteral("auto"));
    m_methodCombo->addItem(QString(), QStringLiteral("marketplace"));
    m_methodCombo->addItem(QString(), QStringLiteral("manual"));
    m_methodCombo->addItem(QString(), QStringLiteral("proxy"));
    m_timeoutSpin->setRange(0.5, 600);
    m_timeoutSpin->setDecimals(1);
    m_timeoutSpin->setValue(10);

    m_optionsToggle->setCheckable(true);
    m_optionsToggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_optionsToggle->setArrowType(Qt::RightArrow);
    m_options->hide();
    connect(m_optionsToggle, &QToolButton::toggled, this, [this](bool on) {
        m_options->setVisible(on);
        m_optionsToggle->setArrowType(on ? Qt::DownArrow : Qt::RightArrow);
    });

    // Layout: heading row, form, options, buttons, verdict, tree | details.
    auto* heading = new QHBoxLayout;
    heading->addWidget(m_backButton);
    heading->addSpacing(8);
    heading->addWidget(m_headingLabel, 1);

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->addRow(m_urlLabel, m_urlEdit);
    form->addRow(QString(), m_urlError);
    form->addRow(m_tokenLabel, m_tokenEdit);
    m_urlLabel->setBuddy(m_urlEdit);
    m_tokenLabel->setBuddy(m_tokenEdit);

    auto* optionsForm = new QFormLayout(m_options);
    optionsForm->setContentsMargins(0, 0, 0, 0);
    optionsForm->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    auto* caRow = new QHBoxLayout;
    caRow->setContentsMargins(0, 0, 0, 0);
    caRow->addWidget(m_caFileEdit, 1);
    caRow->addWidget(m_caFileBrowse);
    m_caFileBrowse->setText(QStringLiteral("…"));
    connect(m_caFileBrowse, &QToolButton::clicked, this, [this] {
        auto* dialog = new QFileDialog(this, tr("Private CA certificates (PEM)"));
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setFileMode(QFileDialog::ExistingFile);
        dialog->setNameFilters({tr("PEM certificates (*.pem *.crt *.cer)"), tr("All files (*)")});
        connect(dialog, &QFileDialog::fileSelected, m_caFileEdit, &QLineEdit::setText);
        dialog->open();
    });
    const std::pair<QLabel*, QWidget*> optionRows[] = {
        {m_publicUrlLabel, m_publicUrlEdit}, {m_methodLabel, m_methodCombo},
        {m_jiraSiteLabel, m_jiraSiteEdit},   {m_jiraEmailLabel, m_jiraEmailEdit},
        {m_jiraTokenLabel, m_jiraTokenEdit}, {m_addressLabel, m_addressEdit},
        {m_timeoutLabel, m_timeoutSpin},
    };
    for (const auto& [label, field] : optionRows) {
        optionsForm->addRow(label, field);
        label->setBuddy(field);
    }
    optionsForm->insertRow(5, m_caFileLabel, caRow);
    m_caFileLabel->setBuddy(m_caFileEdit);

    auto* toggleRow = new QHBoxLayout;
    toggleRow->addWidget(m_optionsToggle);
    toggleRow->addStretch(1);

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
    connect(m_urlEdit, &QLineEdit::returnPressed, this, &DiagnosticsPage::run);

    auto* status = new QHBoxLayout;
    m_verdictLabel->setTextFormat(Qt::PlainText);
    m_verdictLabel->setWordWrap(true);
    status->addWidget(m_verdictLabel, 1);
    status->addWidget(m_progressBar);
    m_progressBar->setMaximumWidth(220);
    m_progressBar->setTextVisible(true);
    m_progressBar->hide();

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(heading);
    layout->addLayout(form);
    layout->addLayout(toggleRow);
    layout->addWidget(m_options);
    layout->addLayout(buttons);
    layout->addLayout(status);
    layout->addWidget(m_view, 1);

    setTabOrder(m_backButton, m_urlEdit);
    setTabOrder(m_urlEdit, m_tokenEdit);
    setTabOrder(m_tokenEdit, m_optionsToggle);
    setTabOrder(m_optionsToggle, m_publicUrlEdit);
    setTabOrder(m_publicUrlEdit, m_methodCombo);
    setTabOrder(m_methodCombo, m_jiraSiteEdit);
    setTabOrder(m_jiraSiteEdit, m_jiraEmailEdit);
    setTabOrder(m_jiraEmailEdit, m_jiraTokenEdit);
    setTabOrder(m_jiraTokenEdit, m_caFileEdit);
    setTabOrder(m_caFileEdit, m_caFileBrowse);
    setTabOrder(m_caFileBrowse, m_addressEdit);
    setTabOrder(m_addressEdit, m_timeoutSpin);
    setTabOrder(m_timeoutSpin, m_runButton);
    setTabOrder(m_runButton, m_cancelButton);
    setTabOrder(m_cancelButton, m_rerunFailedButton);
    setTabOrder(m_rerunFailedButton, m_copySummaryButton);
    setTabOrder(m_copySummaryButton, m_exportButton);
    setTabOrder(m_exportButton, m_view->findChild<QWidget*>(QStringLiteral("checkTree")));

    connect(&m_runner, &CheckRunner::checkStarted, this, &DiagnosticsPage::onCheckStarted);
    connect(&m_runner, &CheckRunner::checkFinished, this, &DiagnosticsPage::onCheckFinished);
    connect(&m_runner, &CheckRunner::finished, this, &DiagnosticsPage::onFinished);
    connect(m_urlEdit, &QLineEdit::textChanged, this, &DiagnosticsPage::validate);
    connect(m_publicUrlEdit, &QLineEdit::textChanged, this, &DiagnosticsPage::validate);
    connect(m_jiraSiteEdit, &QLineEdit::textChanged, this, &DiagnosticsPage::validate);
    connect(m_jiraEmailEdit, &QLineEdit::textChanged, this, &DiagnosticsPage::validate);
    connect(m_addressEdit, &QLineEdit::textChanged, this, &DiagnosticsPage::validate);

    QStringList all;
    for (const auto& c : catalogue())
        all.append(c->id());
    m_view->setChecks(all);
    retranslate();
    setRunning(false);
    validate();
}

DiagnosticsPage::~DiagnosticsPage()
{
    m_runner.disconnect(this);
    m_runner.cancel();
}

void DiagnosticsPage::setUrl(const QString& url)
{
    m_urlEdit->setText(url);
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

void DiagnosticsPage::retranslate()
{
    m_backButton->setText(tr("&Start"));
    m_backButton->setToolTip(tr("Back to the start screen (Esc)"));
    m_headingLabel->setText(tr("Check an instance"));
    m_urlLabel->setText(tr("Instance &URL:"));
    m_urlEdit->setPlaceholderText(tr("https://gitlab.example.com"));
    m_tokenLabel->setText(tr("Administrator &token:"));
    m_tokenEdit->setPlaceholderText(tr("optional: enables the GitLab settings checks (scope api)"));
    m_tokenEdit->setAccessibleName(tr("Administrator token"));
    m_optionsToggle->setText(tr("More &options"));
    m_publicUrlLabel->setText(tr("&Public URL:"));
    m_publicUrlEdit->setPlaceholderText(tr("optional: the reverse-proxy URL Jira uses"));
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
    m_caFileLabel->setText(tr("Private C&A file:"));
    m_caFileEdit->setPlaceholderText(tr("optional: PEM certificates of a private CA"));
    m_caFileBrowse->setToolTip(tr("Choose a file"));
    m_caFileBrowse->setAccessibleName(tr("Choose the private CA file"));
    m_addressLabel->setText(tr("Co&nnect to address:"));
    m_addressEdit->setPlaceholderText(
        tr("optional: an IP address, to check a server before DNS points at it"));
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
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    else if (event->type() == QEvent::FontChange)
        m_headingLabel->setFont(scaledFont(font(), 1.4, QFont::DemiBold));
}

// Inline validation: Run only with a usable URL; every problem said next to its field.
void DiagnosticsPage::validate()
{
    QString problem;
    const QString text = m_urlEdit->text().trimmed();
    if (!text.isEmpty()) {
        const InstanceUrl url = InstanceUrl::parse(text);
        if (!url.isValid())
            problem = url.error();
    }
    if (problem.isEmpty() && !m_publicUrlEdit->text().trimmed().isEmpty()) {
        const InstanceUrl pub = InstanceUrl::parse(m_publicUrlEdit->text().trimmed());
        if (!pub.isValid())
            problem = tr("Public URL: %1").arg(pub.error());
    }
    if (problem.isEmpty() && !m_addressEdit->text().trimmed().isEmpty()) {
        QString reason;
        if (!ResolveOverride::forUrls({}, m_addressEdit->text(), &reason))
            problem = tr("Connect to address: %1").arg(reason);
    }
    if (problem.isEmpty() &&
        m_jiraSiteEdit->text().trimmed().isEmpty() != m_jiraEmailEdit->text().trimmed().isEmpty())
        problem = tr("The Jira checks need both the Jira site and the email.");
    m_urlError->setText(problem);
    m_urlError->setVisible(!problem.isEmpty());
    m_runButton->setEnabled(!m_runner.isRunning() && !text.isEmpty() && problem.isEmpty());
}

std::optional<RunOptions> DiagnosticsPage::options(QString* error) const
{
    RunOptions o;
    o.url = m_urlEdit->text().trimmed();
    o.publicUrl = m_publicUrlEdit->text().trimmed();
    o.method = m_methodCombo->currentData().toString();
    const QString site = m_jiraSiteEdit->text().trimmed();
    if (!site.isEmpty()) {
        o.jiraSite = InstanceUrl::parse(site).toString();
        o.jiraEmail = m_jiraEmailEdit->text().trimmed();
    }
    o.trustStore = m_trustStore; // empty: the system store, loaded in the background
    o.trustStoreSource = m_trustStore.isEmpty() ? QStringLiteral("system") : m_trustStoreSource;
    o.probeTimeoutMs = int(m_timeoutSpin->value() * 1000);
    const QString caFile = m_caFileEdit->text().trimmed();
    if (!caFile.isEmpty()) {
        QString reason;
        const auto certificates = readPemBundle(caFile, &reason);
        if (!certificates) {
            *error = tr("Private CA file: %1").arg(reason);
            return std::nullopt;
        }
        o.extraCaCertificates = *certificates;
        o.extraCaSource = caFile;
    }
    const QString addresses = m_addressEdit->text().trimmed();
    if (!addresses.isEmpty()) {
        // Like --resolve, for the instance's host and port (and the public URL's).
        QString reason;
        const auto overrides = ResolveOverride::forUrls({o.url, o.publicUrl}, addresses, &reason);
        if (!overrides) {
            *error = tr("Connect to address: %1").arg(reason);
            return std::nullopt;
        }
        o.resolve = *overrides;
    }
    return o;
}

void DiagnosticsPage::run()
{
    if (m_runner.isRunning() || !m_runButton->isEnabled())
        return;
    m_rerunFailedButton->setEnabled(false);
    m_rerunIds.clear();
    QString error;
    const std::optional<RunOptions> o = options(&error);
    m_urlError->setText(error);
    m_urlError->setVisible(!error.isEmpty());
    if (!o)
        return;
    Credentials credentials;
    credentials.gitlabToken = m_tokenEdit->text().trimmed().toUtf8();
    credentials.jiraToken = m_jiraTokenEdit->text().trimmed().toUtf8();
    if (!m_runner.start(*o, credentials))
        return;
    for (const QByteArray& secret :
         ExportBundle::secretsOf(credentials.gitlabToken, credentials.jiraToken, o->jiraEmail)) {
        if (!m_runSecrets.contains(secret))
            m_runSecrets.append(secret);
    }
    m_view->setChecks(m_runner.selectedIds());
    m_findingCount = 0;
    setRunning(true);
}

void DiagnosticsPage::rerunFailed()
{
    if (m_runner.isRunning() || m_report.checks.isEmpty())
        return;
    QStringList ids;
    for (const Finding& f : std::as_const(m_report.checks)) {
        if (f.status == Status::Fail || f.status == Status::Warn || f.status == Status::Error)
            ids.append(f.id);
    }
    if (ids.isEmpty())
        return;
    QString error;
    std::optional<RunOptions> o = options(&error);
    if (!o) {
        m_urlError->setText(error);
        m_urlError->setVisible(true);
        return;
    }
    o->url = m_report.url;
    o->only = ids;
    Credentials credentials;
    credentials.gitlabToken = m_tokenEdit->text().trimmed().toUtf8();
    credentials.jiraToken = m_jiraTokenEdit->text().trimmed().toUtf8();
    if (!m_runner.start(*o, credentials))
        return;
    for (const QByteArray& secret :
         ExportBundle::secretsOf(credentials.gitlabToken, credentials.jiraToken, o->jiraEmail)) {
        if (!m_runSecrets.contains(secret))
            m_runSecrets.append(secret);
    }
    m_rerunIds = m_runner.selectedIds();
    m_view->markWaiting(m_rerunIds);
    m_findingCount = 0;
    setRunning(true);
}

void DiagnosticsPage::cancel()
{
    m_runner.cancel();
}

void DiagnosticsPage::onCheckStarted(const QString& id)
{
    m_view->markRunning(id);
}

void DiagnosticsPage::onCheckFinished(const Finding& finding)
{
    m_view->setFinding(finding);
    m_progressBar->setValue(++m_findingCount);
}

void DiagnosticsPage::onFinished(const Report& report)
{
    if (m_rerunIds.isEmpty()) {
        m_report = report;
    } else {
        // Merge: the re-run checks replace their old findings; the rest stays as it was.
        for (Finding& f : m_report.checks) {
            if (const Finding* fresh = report.find(f.id); fresh && m_rerunIds.contains(f.id))
                f = *fresh;
        }
        m_report.generatedAt = report.generatedAt;
        if (!report.certificates.isEmpty())
            m_report.certificates = report.certificates;
        // The re-run probes' transcripts replace theirs; the others stay.
        for (const HttpTranscript& fresh : report.transcripts) {
            auto it = std::find_if(m_report.transcripts.begin(), m_report.transcripts.end(),
                                   [&fresh](const HttpTranscript& t) { return t.probeId == fresh.probeId; });
            if (it != m_report.transcripts.end())
                *it = fresh;
            else
                m_report.transcripts.append(fresh);
        }
        m_rerunIds.clear();
    }
    m_view->setReport(m_report);
    m_view->setTimings(m_runner.probeTimings());
    setRunning(false);
    updateVerdict();
    const QString url = InstanceUrl::parse(m_report.url).toString();
    uisettings::addRecentInstance(url);
    // setModel() deletes the previous model, which the completer owns.
    m_urlEdit->completer()->setModel(
        new QStringListModel(uisettings::recentInstances(), m_urlEdit->completer()));
    emit instanceChecked(url);
}

void DiagnosticsPage::setRunning(bool running)
{
    m_cancelButton->setEnabled(running);
    for (QWidget* w : std::initializer_list<QWidget*>{
             m_urlEdit, m_tokenEdit, m_publicUrlEdit, m_methodCombo, m_jiraSiteEdit, m_jiraEmailEdit,
             m_jiraTokenEdit, m_caFileEdit, m_caFileBrowse, m_addressEdit, m_timeoutSpin})
        w->setEnabled(!running);
    bool anyFailed = false;
    for (const Finding& f : std::as_const(m_report.checks))
        anyFailed =
            anyFailed || f.status == Status::Fail || f.status == Status::Warn || f.status == Status::Error;
    m_rerunFailedButton->setEnabled(!running && anyFailed);
    m_copySummaryButton->setEnabled(!running && !m_report.checks.isEmpty());
    m_exportButton->setEnabled(!running && !m_report.checks.isEmpty());
    m_view->setRunning(running);
    m_progressBar->setVisible(running);
    if (running) {
        m_progressBar->setRange(0, int(m_runner.selectedIds().size()));
        m_progressBar->setValue(0);
        m_verdictLabel->setText(
            tr("Checking %1…")
                .arg(InstanceUrl::parse(m_runner.report().url.isEmpty() ? m_urlEdit->text()
                                                                        : m_runner.report().url)
                         .toString()));
    }
    validate();
    emit runningChanged(running);
}

void DiagnosticsPage::updateVerdict()
{
    if (m_runner.isRunning())
        return;
    if (m_report.checks.isEmpty()) {
        m_verdictLabel->setText(tr("Enter the URL of a GitLab instance and select Run."));
        return;
    }
    const Summary s = m_report.summary();
    QStringList counts;
    for (Status st : {Status::Pass, Status::Info, Status::Warn, Status::Fail, Status::Skip, Status::Manual,
                      Status::Error}) {
        if (s.count(st) > 0)
            counts.append(tr("%1 %2", "count status").arg(s.count(st)).arg(TextFormatter::statusTitle(st)));
    }
    QString text = tr("%1 — verdict %2: %3")
                       .arg(m_report.url, TextFormatter::statusTitle(s.verdict).toUpper(),
                            counts.join(QLatin1String(", ")));
    if (!m_report.installType().isEmpty())
        text +=
            QLatin1Char('\n') + tr("Install type: %1 (decided from %2)")
                                    .arg(m_report.installType(),
                                         TextFormatter::installTypeSource(m_report.installTypeDecidedBy()));
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
    return m_runSecrets + ExportBundle::secretsOf(m_tokenEdit->text().trimmed().toUtf8(),
                                                  m_jiraTokenEdit->text().trimmed().toUtf8(),
                                                  m_jiraEmailEdit->text().trimmed());
}

void DiagnosticsPage::copySummary()
{
    if (m_report.checks.isEmpty())
        return;
    QApplication::clipboard()->setText(MarkdownFormatter::format(m_report));
    m_copied = true;
    m_copySummaryButton->setText(tr("Copied"));
    QTimer::singleShot(kCopiedFeedbackMs, this, [this] {
        m_copied = false;
        m_copySummaryButton->setText(tr("Cop&y summary"));
    });
}

} // namespace gjd
