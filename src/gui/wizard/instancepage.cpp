// SPDX-License-Identifier: GPL-3.0-or-later
#include "instancepage.h"

#include "connectionform.h"
#include "findinglist.h"
#include "instanceurl.h"
#include "uistyle.h"
#include "wizardcommon.h"

#include <QCheckBox>
#include <QFileDialog>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

#include <algorithm>

namespace gjd::wizard {

InstanceWizardPage::InstanceWizardPage(WizardContext* context, QWidget* parent)
    : AsyncPage(context, parent)
    , m_form(new ConnectionForm(this))
    , m_remember(new QCheckBox(this))
    , m_result(wrappingLabel(this, "instanceResult"))
    , m_problemsBox(new QGroupBox(this))
    , m_problemsText(wrappingLabel(m_problemsBox, "connectionProblemsText"))
    , m_problems(new FindingList(m_problemsBox, "tlsProblems"))
    , m_chooseCa(new QPushButton(m_problemsBox))
    , m_openDiagnostics(new QPushButton(m_problemsBox))
{
    setObjectName(QStringLiteral("instancePage"));
    m_remember->setObjectName(QStringLiteral("rememberTokenCheck"));
    m_problemsBox->setObjectName(QStringLiteral("connectionProblems"));
    m_chooseCa->setObjectName(QStringLiteral("chooseCaFileButton"));
    m_openDiagnostics->setObjectName(QStringLiteral("openDiagnosticsButton"));
    for (QPushButton* b : {m_chooseCa, m_openDiagnostics})
        b->setAutoDefault(false);

    auto* problems = new QVBoxLayout(m_problemsBox);
    problems->addWidget(m_problemsText);
    problems->addWidget(m_problems, 1);
    problems->addWidget(m_problems->makeDetailLabel(m_problemsBox));
    auto* ways = new QHBoxLayout;
    ways->addWidget(m_chooseCa);
    ways->addWidget(m_openDiagnostics);
    ways->addStretch(1);
    problems->addLayout(ways);
    m_problemsBox->hide();

    // The page scrolls rather than squeezing its parts over each other: with the connection's
    // findings shown, it holds more than 800x600 leaves it.
    auto* scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("instanceScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto* content = new QWidget(scroll);
    scroll->setWidget(content);
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    m_form->addBelowToken(m_remember);
    layout->addWidget(m_form);
    addStatusWidgets(layout);
    layout->addWidget(m_result);
    layout->addWidget(m_problemsBox, 1);
    layout->addStretch(0);
    m_result->hide();

    const ConnectionInput& c = context->connection;
    ConnectionInput input;
    input.url = c.url;
    input.publicUrl = c.publicUrl;
    input.caFile = c.caFile;
    input.address = c.address;
    input.proxy = c.proxy;
    input.proxyUser = c.proxyUser;
    input.proxyPassword = c.proxyPassword;
    input.noProxy = c.noProxy;
    input.proxyDirect = c.proxyDirect;
    m_form->setInput(input);
    m_form->setOptionsExpanded(!c.caFile.isEmpty() || !c.address.isEmpty() || !c.proxy.isEmpty() ||
                               !c.noProxy.isEmpty() || c.proxyDirect);
    m_remember->setChecked(context->rememberToken);

    connect(m_form, &ConnectionForm::changed, this, &InstanceWizardPage::inputChanged);
    connect(m_remember, &QCheckBox::toggled, this, [this](bool on) { this->context()->rememberToken = on; });
    connect(m_chooseCa, &QPushButton::clicked, this, &InstanceWizardPage::chooseCaFile);
    connect(m_openDiagnostics, &QPushButton::clicked, this, [this] {
        // Only what this page ran: the rest of the catalogue was not selected, not skipped.
        Report ran = m_report;
        const QStringList selected = m_runner.selectedIds();
        ran.checks.erase(std::remove_if(ran.checks.begin(), ran.checks.end(),
                                        [&selected](const Finding& f) { return !selected.contains(f.id); }),
                         ran.checks.end());
        emit this->context()->openDiagnostics(this->context()->connection, ran,
                                              this->context()->credentials(), m_runner.probeTimings());
    });
    connect(&m_runner, &CheckRunner::finished, this, &InstanceWizardPage::onChecked);
    retranslate();
}

QStringList InstanceWizardPage::connectionIds()
{
    return {QStringLiteral("dns.resolve"),   QStringLiteral("tcp.connect"),
            QStringLiteral("tls.handshake"), QStringLiteral("tls.hostname"),
            QStringLiteral("tls.validity"),  QStringLiteral("tls.chain.complete")};
}

QStringList InstanceWizardPage::ids()
{
    return QStringList{QStringLiteral("gitlab.token"), QStringLiteral("gitlab.version"),
                       QStringLiteral("platform.install_type")} +
           connectionIds();
}

void InstanceWizardPage::retranslate()
{
    setTitle(tr("Your GitLab instance"));
    setSubTitle(tr("The URL admins use, and an administrator's personal access token with the scope api "
                   "(and admin_mode when Admin Mode is on). The token is checked before anything else."));
    m_remember->setText(tr("&Remember the token in the system keychain"));
    m_problemsBox->setTitle(tr("The connection to GitLab cannot be trusted from here"));
    m_problemsText->setText(
        tr("The token is sent only over a connection this computer can verify. What stops it:"));
    m_chooseCa->setText(tr("Choose a CA or &intermediate file…"));
    m_chooseCa->setToolTip(tr("A PEM file with your private CA or the missing intermediate certificate; it "
                              "is used for this computer's connections only"));
    m_openDiagnostics->setText(tr("Open in the &diagnostics pane"));
    m_problems->retranslate();
    padBuddyLabels(this);
}

void InstanceWizardPage::focusFirstField()
{
    QLineEdit* target =
        m_form->urlEdit()->text().trimmed().isEmpty() ? m_form->urlEdit() : m_form->tokenEdit();
    target->setFocus(Qt::OtherFocusReason);
}

void InstanceWizardPage::initializePage()
{
    // A token remembered for this URL comes back from the keychain, if the admin asked for it.
    const InstanceUrl url = InstanceUrl::parse(m_form->urlEdit()->text());
    if (m_form->tokenEdit()->text().isEmpty() && m_remember->isChecked() && url.isValid())
        recallSecret(CredentialStore::gitlabTokenKey(url.toString()), m_form->tokenEdit(), [this] {
            return CredentialStore::gitlabTokenKey(InstanceUrl::parse(m_form->urlEdit()->text()).toString());
        });
    focusFirstField();
}

bool InstanceWizardPage::validatePage()
{
    if (m_passed)
        return true;
    if (isChecking())
        return false;
    QString error;
    std::optional<RunOptions> o = context()->runOptions(&error);
    if (!o) {
        showMessage(error, true);
        return false;
    }
    o->only = ids();
    showMessage(QString(), false);
    m_result->hide();
    m_problemsBox->hide();
    if (!m_runner.start(*o, context()->credentials()))
        return false;
    // The results must be those of what the fields say: they stay as they are until the end.
    setChecking(true);
    m_form->setEnabled(false);
    m_remember->setEnabled(false);
    return false;
}

void InstanceWizardPage::cleanupPage()
{
    m_runner.cancel();
}

void InstanceWizardPage::cancel()
{
    m_runner.cancel();
}

bool InstanceWizardPage::ready() const
{
    return m_form->isComplete(true);
}

void InstanceWizardPage::inputChanged()
{
    m_passed = false;
    const ConnectionInput typed = m_form->input();
    ConnectionInput& c = context()->connection;
    c.url = typed.url;
    c.publicUrl = typed.publicUrl;
    c.caFile = typed.caFile;
    c.address = typed.address;
    c.proxy = typed.proxy;
    c.proxyUser = typed.proxyUser;
    c.proxyPassword = typed.proxyPassword; // memory only, as the token
    c.noProxy = typed.noProxy;
    c.proxyDirect = typed.proxyDirect;
    context()->gitlabToken = m_form->tokenEdit()->text().trimmed().toUtf8();
    // Results of another URL or token are not shown under this one.
    m_result->hide();
    m_problemsBox->hide();
    showMessage(QString(), false);
    emit completeChanged();
}

void InstanceWizardPage::chooseCaFile()
{
    // Not a nested event loop: the page keeps running while the dialog is open.
    auto* dialog = new QFileDialog(this, tr("Private CA or intermediate certificate"));
    dialog->setObjectName(QStringLiteral("caFileDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setNameFilters({tr("PEM certificates (*.pem *.crt *.cer)"), tr("All files (*)")});
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString& file) {
        if (file.isEmpty())
            return;
        m_form->setOptionsExpanded(true);
        m_form->caFileEdit()->setText(file);
        validatePage(); // the same checks again, with the file
    });
    dialog->open();
}

void InstanceWizardPage::onChecked(const Report& report)
{
    setChecking(false);
    m_form->setEnabled(true);
    m_remember->setEnabled(true);
    m_report = report;
    const Finding* token = report.find(QStringLiteral("gitlab.token"));
    const Finding* version = report.find(QStringLiteral("gitlab.version"));
    if (!token || (token->status != Status::Pass && token->status != Status::Warn)) {
        QString text = token ? token->summary : tr("The token could not be checked.");
        // The fix is the connection's when the box below shows what stops it; else the token's.
        const QStringList connection = connectionIds();
        const bool connectionStops =
            std::any_of(connection.cbegin(), connection.cend(), [&report](const QString& id) {
                const Finding* f = report.find(id);
                return f && (f->status == Status::Fail || f->status == Status::Error);
            });
        if (token && !token->remedy.isEmpty() && !connectionStops)
            text += QLatin1Char('\n') + token->remedy;
        showMessage(text, true);
        // What stopped the token: the connection's own findings, with their fixes.
        QStringList stopping;
        for (const QString& id : connectionIds()) {
            const Finding* f = report.find(id);
            if (f && (f->status == Status::Fail || f->status == Status::Error))
                stopping.append(id);
        }
        if (!stopping.isEmpty()) {
            m_problems->showFindings(report, stopping);
            m_problemsBox->show();
        }
        return;
    }
    context()->version = GitLabVersion::parse(
        version ? version->evidence.value(QStringLiteral("version")).toString() : QString());
    DetectedInstall detected;
    detected.type = report.installType();
    if (const Finding* install = report.find(QStringLiteral("platform.install_type"))) {
        detected.reason = install->evidence.value(QStringLiteral("reason")).toString();
        detected.relaysForOthers = install->evidence.value(QStringLiteral("relays_for_others")).toBool();
    }
    context()->detected = detected;
    QString text = token->summary;
    if (version && !version->summary.isEmpty())
        text += QLatin1Char('\n') + version->summary;
    m_result->setText(text);
    m_result->show();
    rememberToken();
    context()->save();
    advance();
}

void InstanceWizardPage::rememberToken()
{
    rememberSecret(CredentialStore::gitlabTokenKey(context()->instanceUrl()), context()->gitlabToken,
                   m_remember->isChecked());
}

} // namespace gjd::wizard
