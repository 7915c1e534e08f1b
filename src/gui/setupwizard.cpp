// SPDX-License-Identifier: GPL-3.0-or-later
#include "setupwizard.h"

#include "checks/check.h"
#include "clock.h"
#include "connect/platformfacts.h"
#include "export/exportbundle.h"
#include "exportdialog.h"
#include "setup/methodadvice.h"
#include "setup/railssnippets.h"
#include "setup/setuptext.h"
#include "statusicons.h"
#include "textformatter.h"
#include "uistyle.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QEvent>
#include <QFile>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSslConfiguration>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace gjd {

// The pages live in a named namespace: their tr() context must be the same for lupdate and moc.
namespace wizard {

const QString kSettingsGroup = QStringLiteral("wizard");
const QString kTokenLink = QStringLiteral("https://id.atlassian.com/manage-profile/security/api-tokens");
const QString kMarketplaceListing = QStringLiteral(
    "https://marketplace.atlassian.com/apps/1221011/gitlab-com-for-jira-cloud?tab=overview&hosting=cloud");

QLineEdit* lineEdit(QWidget* parent, const char* name, bool secret = false)
{
    auto* edit = new QLineEdit(parent);
    edit->setObjectName(QString::fromLatin1(name));
    if (secret) {
        edit->setEchoMode(QLineEdit::Password);
        edit->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhNoPredictiveText | Qt::ImhSensitiveData);
    }
    return edit;
}

QLabel* wrappingLabel(QWidget* parent, const char* name)
{
    auto* label = new QLabel(parent);
    label->setObjectName(QString::fromLatin1(name));
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

// A read-only value with a Copy button, for what the admin types elsewhere.
QWidget* copyRow(QWidget* parent, const char* name, QLineEdit** field)
{
    auto* row = new QWidget(parent);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* edit = new QLineEdit(row);
    edit->setObjectName(QString::fromLatin1(name));
    edit->setReadOnly(true);
    auto* copy = new QPushButton(row);
    copy->setObjectName(QString::fromLatin1(name) + QStringLiteral("Copy"));
    copy->setIcon(QIcon::fromTheme(QStringLiteral("edit-copy")));
    copy->setText(QCoreApplication::translate("gjd::SetupWizard", "Copy"));
    QObject::connect(copy, &QPushButton::clicked, edit,
                     [edit] { QApplication::clipboard()->setText(edit->text()); });
    layout->addWidget(edit, 1);
    layout->addWidget(copy);
    *field = edit;
    return row;
}

// Names a copyRow() field and its Copy button for screen readers (its label sits outside the
// row widget, where Qt does not look for buddies).
void nameCopyRow(QLineEdit* field, const QString& name)
{
    field->setAccessibleName(name);
    if (auto* copy =
            field->parentWidget()->findChild<QPushButton*>(field->objectName() + QStringLiteral("Copy")))
        copy->setAccessibleName(QCoreApplication::translate("gjd::SetupWizard", "Copy %1").arg(name));
}

void setMessage(QLabel* label, const QString& text, bool error)
{
    QPalette p = label->palette();
    p.setColor(QPalette::WindowText, error ? QColor(0xc0, 0x1c, 0x28)
                                           : label->parentWidget()->palette().color(QPalette::WindowText));
    label->setPalette(p);
    label->setText(text);
    label->setVisible(!text.isEmpty());
}

// ---------------------------------------------------------------------------------------------
// Base of the pages that wait for a job: a busy bar, an inline message, the "checking" flag.
class AsyncPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit AsyncPage(QWidget* parent = nullptr)
        : QWizardPage(parent)
        , m_busy(new QProgressBar(this))
        , m_message(wrappingLabel(this, "message"))
    {
        m_busy->setObjectName(QStringLiteral("busyIndicator"));
        m_busy->setRange(0, 0);
        m_busy->setTextVisible(false);
        m_busy->setMaximumHeight(8);
        m_busy->hide();
        m_message->hide();
    }

    bool isComplete() const override { return !m_checking && ready(); }
    bool isChecking() const { return m_checking; }

protected:
    virtual bool ready() const { return true; }
    SetupWizard* setupWizard() const { return static_cast<SetupWizard*>(wizard()); }
    void setChecking(bool checking)
    {
        m_checking = checking;
        m_busy->setVisible(checking);
        emit completeChanged();
    }
    void addStatusWidgets(QVBoxLayout* layout)
    {
        layout->addWidget(m_busy);
        layout->addWidget(m_message);
    }
    void showMessage(const QString& text, bool error) { setMessage(m_message, text, error); }

    // Fills `field` with the secret saved under `key`, if any (asynchronous; a failure is said).
    void recallSecret(const QString& key, QLineEdit* field)
    {
        CredentialStore* store = setupWizard()->store();
        if (!store)
            return;
        auto connection = std::make_shared<QMetaObject::Connection>();
        *connection =
            connect(store, &CredentialStore::finished, this,
                    [this, key, field, connection](const CredentialStore::Result& r) {
                        if (r.key != key || r.operation != CredentialStore::Operation::Read)
                            return;
                        disconnect(*connection);
                        if (r.error == CredentialStore::Error::None && field->text().isEmpty())
                            field->setText(QString::fromUtf8(r.secret));
                        else if (r.error != CredentialStore::Error::NotFound &&
                                 r.error != CredentialStore::Error::None)
                            showMessage(tr("The saved token could not be read: %1").arg(r.message), true);
                    });
        store->read(key);
    }

    // Saves (or, when the admin does not want it remembered, removes) the secret under `key`.
    // A keychain that cannot keep it is said; the secret is then used for this session only.
    void rememberSecret(const QString& key, const QByteArray& secret, bool remember)
    {
        CredentialStore* store = setupWizard()->store();
        if (!store)
            return;
        if (!remember) {
            store->remove(key);
            return;
        }
        auto connection = std::make_shared<QMetaObject::Connection>();
        *connection = connect(store, &CredentialStore::finished, this,
                              [this, key, connection](const CredentialStore::Result& r) {
                                  if (r.key != key || r.operation != CredentialStore::Operation::Write)
                                      return;
                                  disconnect(*connection);
                                  if (r.error != CredentialStore::Error::None)
                                      showMessage(tr("The token was not remembered: %1 It is used for this "
                                                     "session only.")
                                                      .arg(r.message),
                                                  true);
                              });
        store->write(key, secret);
    }
    // Moves on once a job succeeded (validatePage() answers true now). Queued: a job may finish
    // inside validatePage(), and QWizard::next() must not re-enter itself.
    void advance()
    {
        m_passed = true;
        QTimer::singleShot(0, this, [this] {
            if (wizard() && wizard()->currentPage() == this)
                wizard()->next();
        });
    }

    QProgressBar* m_busy;
    QLabel* m_message;
    bool m_checking = false;
    bool m_passed = false;
};

// Runs some checks of the catalogue for a page and hands the findings over.
class PageChecks : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;
    CheckRunner runner;
};

// ---------------------------------------------------------------------------------------------
// 1. Instance: URL, public URL, token; verifies the token (valid, admin, scopes) and the version.
class InstanceWizardPage final : public AsyncPage
{
    Q_OBJECT

public:
    explicit InstanceWizardPage(QWidget* parent = nullptr)
        : AsyncPage(parent)
        , m_url(lineEdit(this, "urlEdit"))
        , m_publicUrl(lineEdit(this, "publicUrlEdit"))
        , m_token(lineEdit(this, "tokenEdit", true))
        , m_remember(new QCheckBox(this))
        , m_optionsToggle(new QToolButton(this))
        , m_options(new QWidget(this))
        , m_caFile(lineEdit(m_options, "caFileEdit"))
        , m_address(lineEdit(m_options, "addressEdit"))
        , m_urlLabel(new QLabel(this))
        , m_publicUrlLabel(new QLabel(this))
        , m_tokenLabel(new QLabel(this))
        , m_caFileLabel(new QLabel(m_options))
        , m_addressLabel(new QLabel(m_options))
        , m_result(wrappingLabel(this, "instanceResult"))
    {
        setObjectName(QStringLiteral("instancePage"));
        m_remember->setObjectName(QStringLiteral("rememberTokenCheck"));
        m_optionsToggle->setObjectName(QStringLiteral("optionsToggle"));
        m_optionsToggle->setCheckable(true);
        m_optionsToggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        m_optionsToggle->setArrowType(Qt::RightArrow);
        m_options->hide();
        connect(m_optionsToggle, &QToolButton::toggled, this, [this](bool on) {
            m_options->setVisible(on);
            m_optionsToggle->setArrowType(on ? Qt::DownArrow : Qt::RightArrow);
        });
        registerField(QStringLiteral("url"), m_url);
        registerField(QStringLiteral("publicUrl"), m_publicUrl);
        registerField(QStringLiteral("token"), m_token);
        registerField(QStringLiteral("rememberToken"), m_remember);
        registerField(QStringLiteral("caFile"), m_caFile);
        registerField(QStringLiteral("address"), m_address);

        auto* form = new QFormLayout;
        form->addRow(m_urlLabel, m_url);
        form->addRow(m_publicUrlLabel, m_publicUrl);
        form->addRow(m_tokenLabel, m_token);
        form->addRow(QString(), m_remember);
        m_urlLabel->setBuddy(m_url);
        m_publicUrlLabel->setBuddy(m_publicUrl);
        m_tokenLabel->setBuddy(m_token);
        auto* optionsForm = new QFormLayout(m_options);
        optionsForm->setContentsMargins(0, 0, 0, 0);
        optionsForm->addRow(m_caFileLabel, m_caFile);
        optionsForm->addRow(m_addressLabel, m_address);
        m_caFileLabel->setBuddy(m_caFile);
        m_addressLabel->setBuddy(m_address);

        auto* layout = new QVBoxLayout(this);
        layout->addLayout(form);
        layout->addWidget(m_optionsToggle, 0, Qt::AlignLeft);
        layout->addWidget(m_options);
        addStatusWidgets(layout);
        layout->addWidget(m_result);
        layout->addStretch(1);
        m_result->hide();

        for (QLineEdit* e : {m_url, m_publicUrl, m_token, m_caFile, m_address})
            connect(e, &QLineEdit::textChanged, this, &InstanceWizardPage::inputChanged);
        connect(&m_checks.runner, &CheckRunner::finished, this, &InstanceWizardPage::onChecked);
        retranslate();
    }

    void retranslate()
    {
        setTitle(tr("Your GitLab instance"));
        setSubTitle(tr("The URL admins use, and an administrator's personal access token with the scope api "
                       "(and admin_mode when Admin Mode is on). The token is checked before anything else."));
        m_urlLabel->setText(tr("Instance &URL:"));
        m_url->setPlaceholderText(tr("https://gitlab.example.com"));
        m_publicUrlLabel->setText(tr("&Public URL:"));
        m_publicUrl->setPlaceholderText(tr("optional: the reverse-proxy URL Jira uses, when it differs"));
        m_tokenLabel->setText(tr("Administrator &token:"));
        m_token->setAccessibleName(tr("Administrator token"));
        m_remember->setText(tr("&Remember the token in the system keychain"));
        m_optionsToggle->setText(tr("Connection &options"));
        m_caFileLabel->setText(tr("Private C&A file:"));
        m_caFile->setPlaceholderText(tr("optional: PEM certificates of a private CA"));
        m_addressLabel->setText(tr("Connect to a&ddress:"));
        m_address->setPlaceholderText(
            tr("optional: an IP address, to check a server before DNS points at it"));
    }

    void initializePage() override
    {
        // A token remembered for this URL comes back from the keychain, if the admin asked for it.
        if (m_token->text().isEmpty() && m_remember->isChecked() &&
            InstanceUrl::parse(m_url->text()).isValid())
            recallSecret(CredentialStore::gitlabTokenKey(InstanceUrl::parse(m_url->text()).toString()),
                         m_token);
    }

    bool validatePage() override
    {
        if (m_passed)
            return true;
        if (isChecking())
            return false;
        const std::optional<RunOptions> options = optionsOrError();
        if (!options)
            return false;
        RunOptions o = *options;
        o.only = {QStringLiteral("gitlab.token"), QStringLiteral("gitlab.version"),
                  QStringLiteral("platform.install_type")};
        showMessage(QString(), false);
        m_result->hide();
        setChecking(true);
        m_checks.runner.start(o, setupWizard()->credentials());
        return false;
    }

    void cleanupPage() override { m_checks.runner.cancel(); }
    void cancel() { m_checks.runner.cancel(); }

protected:
    bool ready() const override
    {
        return InstanceUrl::parse(m_url->text()).isValid() && !m_token->text().trimmed().isEmpty() &&
               (m_publicUrl->text().trimmed().isEmpty() || InstanceUrl::parse(m_publicUrl->text()).isValid());
    }

private:
    std::optional<RunOptions> optionsOrError()
    {
        QString error;
        const RunOptions o = setupWizard()->runOptions(&error);
        if (!error.isEmpty()) {
            showMessage(error, true);
            return std::nullopt;
        }
        return o;
    }

    void inputChanged()
    {
        m_passed = false;
        QString problem;
        if (!m_url->text().trimmed().isEmpty() && !InstanceUrl::parse(m_url->text()).isValid())
            problem = InstanceUrl::parse(m_url->text()).error();
        else if (!m_publicUrl->text().trimmed().isEmpty() &&
                 !InstanceUrl::parse(m_publicUrl->text()).isValid())
            problem = tr("Public URL: %1").arg(InstanceUrl::parse(m_publicUrl->text()).error());
        showMessage(problem, true);
        emit completeChanged();
    }

    void onChecked(const Report& report)
    {
        setChecking(false);
        const Finding* token = report.find(QStringLiteral("gitlab.token"));
        const Finding* version = report.find(QStringLiteral("gitlab.version"));
        if (!token || (token->status != Status::Pass && token->status != Status::Warn)) {
            QString text = token ? token->summary : tr("The token could not be checked.");
            if (token && !token->remedy.isEmpty())
                text += QLatin1Char('\n') + token->remedy;
            showMessage(text, true);
            return;
        }
        setupWizard()->setVersion(GitLabVersion::parse(
            version ? version->evidence.value(QStringLiteral("version")).toString() : QString()));
        DetectedInstall detected;
        detected.type = report.installType();
        if (const Finding* install = report.find(QStringLiteral("platform.install_type"))) {
            detected.reason = install->evidence.value(QStringLiteral("reason")).toString();
            detected.relaysForOthers = install->evidence.value(QStringLiteral("relays_for_others")).toBool();
        }
        setupWizard()->setDetectedInstall(detected);
        QString text = token->summary;
        if (version && !version->summary.isEmpty())
            text += QLatin1Char('\n') + version->summary;
        if (!detected.type.isEmpty())
            text += QLatin1Char('\n') + tr("Install type: %1 (%2).").arg(detected.type, detected.reason);
        m_result->setText(text);
        m_result->show();
        rememberToken();
        setupWizard()->saveState();
        advance();
    }

    void rememberToken()
    {
        rememberSecret(CredentialStore::gitlabTokenKey(InstanceUrl::parse(m_url->text()).toString()),
                       m_token->text().trimmed().toUtf8(), m_remember->isChecked());
    }

    QLineEdit* m_url;
    QLineEdit* m_publicUrl;
    QLineEdit* m_token;
    QCheckBox* m_remember;
    QToolButton* m_optionsToggle;
    QWidget* m_options;
    QLineEdit* m_caFile;
    QLineEdit* m_address;
    QLabel* m_urlLabel;
    QLabel* m_publicUrlLabel;
    QLabel* m_tokenLabel;
    QLabel* m_caFileLabel;
    QLabel* m_addressLabel;
    QLabel* m_result;
    PageChecks m_checks;
};

// ---------------------------------------------------------------------------------------------
// 2. Installation: a new install is the Marketplace app; an existing legacy install is moved to it.
// What GitLab's settings showed on the first page decides the preselection.
class MethodWizardPage final : public AsyncPage
{
    Q_OBJECT

public:
    explicit MethodWizardPage(QWidget* parent = nullptr)
        : AsyncPage(parent)
        , m_detected(wrappingLabel(this, "detectedInstall"))
        , m_advice(wrappingLabel(this, "methodAdvice"))
        , m_newInstall(new QRadioButton(this))
        , m_move(new QRadioButton(this))
        , m_newNote(wrappingLabel(this, "newInstallNote"))
        , m_moveNote(wrappingLabel(this, "moveNote"))
        , m_moveBox(new QGroupBox(this))
        , m_changes(wrappingLabel(this, "moveChanges"))
        , m_removeOld(new QCheckBox(this))
        , m_unknowns(wrappingLabel(this, "moveUnknowns"))
        , m_choice(new QGroupBox(this))
    {
        setObjectName(QStringLiteral("methodPage"));
        m_newInstall->setObjectName(QStringLiteral("newInstallRadio"));
        m_move->setObjectName(QStringLiteral("moveLegacyRadio"));
        m_moveBox->setObjectName(QStringLiteral("moveBox"));
        m_removeOld->setObjectName(QStringLiteral("removeOldApplicationCheck"));
        registerField(QStringLiteral("newInstall"), m_newInstall);
        registerField(QStringLiteral("moveLegacy"), m_move);
        registerField(QStringLiteral("removeOldApplication"), m_removeOld);

        auto* choice = new QVBoxLayout(m_choice);
        for (auto [radio, note] : {std::pair{m_newInstall, m_newNote}, std::pair{m_move, m_moveNote}}) {
            choice->addWidget(radio);
            note->setIndent(24);
            choice->addWidget(note);
            connect(radio, &QRadioButton::toggled, this, &MethodWizardPage::choiceChanged);
            // A choice the admin made sticks; only the preselection follows the detection.
            connect(radio, &QRadioButton::clicked, this, [this] { m_chosenByHand = true; });
        }
        auto* move = new QVBoxLayout(m_moveBox);
        move->addWidget(m_changes);
        move->addWidget(m_removeOld);
        move->addWidget(m_unknowns);
        auto* layout = new QVBoxLayout(this);
        layout->addWidget(m_detected);
        layout->addWidget(m_advice);
        layout->addWidget(m_choice);
        layout->addWidget(m_moveBox);
        addStatusWidgets(layout);
        layout->addStretch(1);
        retranslate();
    }

    void retranslate()
    {
        setTitle(tr("Installation"));
        setSubTitle(tr("New installs use the Marketplace app; an existing legacy install is moved to it."));
        m_choice->setTitle(tr("What to do"));
        m_newInstall->setText(tr("&New install: the Marketplace app"));
        m_move->setText(tr("&Existing legacy install: move it to the Marketplace app"));
        m_newNote->setText(
            tr("Install \"GitLab for Jira Cloud\" from the Atlassian Marketplace; GitLab 15.7 or later. "
               "GitLab.com relays install events and branch links; your data goes from your instance "
               "straight to Jira."));
        m_moveNote->setText(
            tr("For an instance that serves its own Connect app (a manual install), or relays for other "
               "instances. %1")
                .arg(platform::PlatformText::connectStatus(Clock::localToday())));
        m_moveBox->setTitle(tr("Moving the legacy install"));
        m_changes->setText(tr(
            "In GitLab, the next pages show and apply: the Jira Connect Proxy URL becomes "
            "https://gitlab.com; a new OAuth application gets GitLab.com's callback, and the legacy one is "
            "kept unless you tick below; public key storage is switched off unless other instances use "
            "this one as their proxy. In Jira, the Install page lists the steps: uninstall the private "
            "app, install the Marketplace app, approve its Forge upgrade, link the groups again."));
        m_removeOld->setText(tr(
            "&Delete the legacy OAuth applications (this instance's own Jira callback) once GitLab points at "
            "the new one"));
        m_unknowns->setText(platform::PlatformText::unknowns().join(QLatin1Char(' ')));
        updateAdvice();
    }

    void initializePage() override { updateAdvice(); }

    bool moving() const { return m_move->isChecked(); }
    void setPath(SetupPath path)
    {
        (path == SetupPath::MoveLegacy ? m_move : m_newInstall)->setChecked(true);
        m_chosenByHand = true;
    }

protected:
    bool ready() const override { return m_newInstall->isChecked() || m_move->isChecked(); }
    bool validatePage() override
    {
        setupWizard()->saveState();
        return true;
    }

private:
    void choiceChanged()
    {
        m_moveBox->setVisible(m_move->isChecked());
        emit completeChanged();
    }

    void updateAdvice()
    {
        const SetupWizard* w = setupWizard();
        const DetectedInstall detected = w ? w->detectedInstall() : DetectedInstall{};
        m_detected->setText(detected.type.isEmpty()
                                ? tr("The install type is not known: GitLab's settings were not read.")
                                : tr("Install type: %1.").arg(detected.type));
        const MethodAdvice advice = MethodAdvice::advise(detected, w ? w->version() : std::nullopt);
        QStringList lines;
        if (advice.recommended)
            lines.append(advice.recommended == SetupPath::MoveLegacy
                             ? tr("Recommended: move the legacy install to the Marketplace app.")
                             : tr("Recommended: the Marketplace app."));
        lines += advice.reasons;
        for (const QString& warning : advice.warnings)
            lines.append(tr("Note: %1").arg(warning));
        setMessage(m_advice, lines.join(QLatin1Char('\n')), !advice.recommended);
        m_newInstall->setEnabled(advice.recommended.has_value());
        m_move->setEnabled(advice.recommended.has_value());
        if (advice.recommended && !m_chosenByHand) {
            const QSignalBlocker block(this);
            (advice.recommended == SetupPath::MoveLegacy ? m_move : m_newInstall)->setChecked(true);
        }
        choiceChanged();
    }

    QLabel* m_detected;
    QLabel* m_advice;
    QRadioButton* m_newInstall;
    QRadioButton* m_move;
    QLabel* m_newNote;
    QLabel* m_moveNote;
    QGroupBox* m_moveBox;
    QLabel* m_changes;
    QCheckBox* m_removeOld;
    QLabel* m_unknowns;
    QGroupBox* m_choice;
    bool m_chosenByHand = false;
};

// ---------------------------------------------------------------------------------------------
// A list of findings with their icons, and the fix of the selected one.
class FindingList final : public QTreeWidget
{
    Q_OBJECT

public:
    explicit FindingList(QWidget* parent, const char* name)
        : QTreeWidget(parent)
    {
        setObjectName(QString::fromLatin1(name));
        setColumnCount(2);
        setRootIsDecorated(false);
        setUniformRowHeights(false);
        setWordWrap(true);
        header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
        header()->setStretchLastSection(true);
    }
    void retranslate()
    {
        setHeaderLabels({tr("Check"), tr("Result")});
        setAccessibleName(tr("Results of the checks"));
    }
    // A label under the list that shows the whole text of the selected finding (the column
    // elides long fixes).
    QLabel* makeDetailLabel(QWidget* parent)
    {
        QLabel* label = wrappingLabel(parent, "findingDetail");
        connect(this, &QTreeWidget::currentItemChanged, label,
                [label](QTreeWidgetItem* item) { label->setText(item ? item->toolTip(1) : QString()); });
        return label;
    }
    void showFindings(const Report& report, const QStringList& ids)
    {
        clear();
        QTreeWidgetItem* firstProblem = nullptr;
        for (const QString& id : ids) {
            const Finding* f = report.find(id);
            if (!f)
                continue;
            auto* item = new QTreeWidgetItem(this);
            const Check* check = findCheck(id);
            item->setIcon(0, statusIcon(f->status));
            item->setText(0, check ? check->title() : id);
            item->setData(0, Qt::UserRole, id);
            QString text = f->summary;
            if ((f->status == Status::Fail || f->status == Status::Warn) && !f->remedy.isEmpty())
                text += QLatin1Char('\n') + tr("Fix: %1").arg(f->remedy);
            item->setText(1, text);
            item->setToolTip(1, text);
            item->setData(0, Qt::AccessibleTextRole,
                          QStringLiteral("%1: %2").arg(item->text(0), TextFormatter::statusTitle(f->status)));
            if (!firstProblem &&
                (f->status == Status::Fail || f->status == Status::Error || f->status == Status::Warn))
                firstProblem = item;
        }
        setCurrentItem(firstProblem ? firstProblem : topLevelItem(0));
    }
};

// 3. Prerequisites: the checks that decide whether the method can work at all.
class PrerequisitesWizardPage final : public AsyncPage
{
    Q_OBJECT

public:
    explicit PrerequisitesWizardPage(QWidget* parent = nullptr)
        : AsyncPage(parent)
        , m_list(new FindingList(this, "prerequisiteList"))
        , m_again(new QPushButton(this))
        , m_continue(new QCheckBox(this))
    {
        setObjectName(QStringLiteral("prerequisitesPage"));
        m_again->setObjectName(QStringLiteral("checkAgainButton"));
        m_continue->setObjectName(QStringLiteral("continueAnyway"));
        m_continue->hide();
        connect(m_continue, &QCheckBox::toggled, this, &QWizardPage::completeChanged);
        connect(m_again, &QPushButton::clicked, this, &PrerequisitesWizardPage::run);
        connect(&m_checks.runner, &CheckRunner::finished, this, &PrerequisitesWizardPage::onChecked);
        auto* layout = new QVBoxLayout(this);
        layout->addWidget(m_list, 1);
        layout->addWidget(m_list->makeDetailLabel(this));
        addStatusWidgets(layout);
        auto* row = new QHBoxLayout;
        row->addWidget(m_continue);
        row->addStretch(1);
        row->addWidget(m_again);
        layout->addLayout(row);
        retranslate();
    }

    static QStringList ids()
    {
        return {QStringLiteral("dns.resolve"),      QStringLiteral("dns.public"),
                QStringLiteral("tcp.connect"),      QStringLiteral("port.allowed"),
                QStringLiteral("tls.handshake"),    QStringLiteral("tls.hostname"),
                QStringLiteral("tls.validity"),     QStringLiteral("tls.chain.complete"),
                QStringLiteral("tls.trust.public"), QStringLiteral("http.base"),
                QStringLiteral("gitlab.version"),   QStringLiteral("connect.descriptor"),
                QStringLiteral("connect.lifecycle")};
    }

    void retranslate()
    {
        setTitle(tr("Prerequisites"));
        setSubTitle(
            tr("What Jira Cloud and GitLab.com need before anything is set up: a public name, HTTPS with a "
               "complete, publicly trusted chain, a recent GitLab, the Jira Connect endpoints."));
        m_again->setText(tr("Check &again"));
        m_continue->setText(tr("I know better (for example split-horizon DNS): &continue anyway"));
        m_list->retranslate();
    }

    void initializePage() override { run(); }
    void cleanupPage() override { m_checks.runner.cancel(); }
    void cancel() { m_checks.runner.cancel(); }

protected:
    bool ready() const override { return m_done && (!m_failed || m_continue->isChecked()); }

private:
    void run()
    {
        if (m_checks.runner.isRunning())
            return;
        m_done = false;
        m_continue->hide();
        m_continue->setChecked(false);
        m_list->clear();
        showMessage(QString(), false);
        RunOptions o = setupWizard()->runOptions();
        o.only = ids();
        setChecking(true);
        m_checks.runner.start(o, setupWizard()->credentials());
    }

    void onChecked(const Report& report)
    {
        m_list->showFindings(report, ids());
        m_failed = false;
        for (const QString& id : ids()) {
            const Finding* f = report.find(id);
            m_failed = m_failed || (f && (f->status == Status::Fail || f->status == Status::Error));
        }
        m_done = true;
        m_continue->setVisible(m_failed);
        showMessage(m_failed
                        ? tr("Some prerequisites fail: fix them and check again, or continue if you know "
                             "they do not apply from where Jira connects.")
                        : tr("Jira Cloud and GitLab.com can work with this instance."),
                    m_failed);
        setChecking(false);
    }

    FindingList* m_list;
    QPushButton* m_again;
    QCheckBox* m_continue;
    PageChecks m_checks;
    bool m_done = false;
    bool m_failed = false;
};

// ---------------------------------------------------------------------------------------------
// 4. OAuth application: reuse, create, or refuse a misconfigured one; manual steps with copies.
class OAuthWizardPage final : public AsyncPage
{
    Q_OBJECT

public:
    explicit OAuthWizardPage(QWidget* parent = nullptr)
        : AsyncPage(parent)
        , m_plan(wrappingLabel(this, "applicationPlan"))
        , m_replace(new QCheckBox(this))
        , m_again(new QPushButton(this))
        , m_manualBox(new QGroupBox(this))
        , m_nameLabel(new QLabel(this))
        , m_redirectLabel(new QLabel(this))
        , m_scopesLabel(new QLabel(this))
        , m_manualText(wrappingLabel(this, "manualSteps"))
    {
        setObjectName(QStringLiteral("oauthPage"));
        m_replace->setObjectName(QStringLiteral("replaceMisconfigured"));
        m_again->setObjectName(QStringLiteral("checkAgainButton"));
        m_replace->hide();
        connect(m_replace, &QCheckBox::toggled, this, &OAuthWizardPage::plan);
        connect(m_again, &QPushButton::clicked, this, &OAuthWizardPage::plan);
        auto* form = new QFormLayout(m_manualBox);
        form->addRow(m_manualText);
        form->addRow(m_nameLabel, copyRow(m_manualBox, "applicationName", &m_name));
        form->addRow(m_redirectLabel, copyRow(m_manualBox, "redirectUri", &m_redirect));
        form->addRow(m_scopesLabel, copyRow(m_manualBox, "scopes", &m_scopes));
        m_nameLabel->setBuddy(m_name);
        m_redirectLabel->setBuddy(m_redirect);
        m_scopesLabel->setBuddy(m_scopes);
        auto* layout = new QVBoxLayout(this);
        layout->addWidget(m_plan);
        layout->addWidget(m_replace);
        addStatusWidgets(layout);
        layout->addWidget(m_manualBox);
        auto* row = new QHBoxLayout;
        row->addStretch(1);
        row->addWidget(m_again);
        layout->addLayout(row);
        layout->addStretch(1);
        retranslate();
    }

    void retranslate()
    {
        setTitle(tr("OAuth application"));
        setSubTitle(
            tr("The Jira app signs admins in to GitLab with an OAuth application: scope api only, not "
               "confidential, not trusted. Next creates it (or reuses a correct one)."));
        m_replace->setText(tr("&Delete the misconfigured application and create a correct one"));
        m_again->setText(tr("Check &again"));
        m_manualBox->setTitle(
            tr("Or create it by hand (Admin → Applications → New application), then Check again"));
        m_manualText->setText(tr("Clear Trusted and Confidential, select only the api scope."));
        m_nameLabel->setText(tr("Name:"));
        m_redirectLabel->setText(tr("Redirect URI:"));
        m_scopesLabel->setText(tr("Scopes:"));
        // The labels sit outside the fields' row widgets, where Qt does not look for buddies.
        nameCopyRow(m_name, tr("Application name"));
        nameCopyRow(m_redirect, tr("Redirect URI"));
        nameCopyRow(m_scopes, tr("Scopes"));
    }

    void initializePage() override
    {
        SetupJob& job = setupWizard()->setupJob();
        connect(&job, &SetupJob::planned, this, &OAuthWizardPage::onPlanned, Qt::UniqueConnection);
        connect(&job, &SetupJob::applicationReady, this, &OAuthWizardPage::onReady, Qt::UniqueConnection);
        connect(&job, &SetupJob::finished, this, &OAuthWizardPage::onFinished, Qt::UniqueConnection);
        plan();
    }

    bool validatePage() override
    {
        if (m_passed)
            return true;
        if (isChecking() || !m_planned)
            return false;
        setChecking(true);
        setupWizard()->setupJob().applyApplication();
        return false;
    }
    void cancel() { setupWizard()->setupJob().cancel(); }

protected:
    bool ready() const override { return m_planned && !m_blocked; }

private:
    void plan()
    {
        SetupJob& job = setupWizard()->setupJob();
        job.cancel();
        m_planned = false;
        m_passed = false;
        showMessage(QString(), false);
        SetupOptions options;
        options.run = setupWizard()->runOptions();
        options.run.method = methodId(setupWizard()->method());
        options.replaceMisconfigured = m_replace->isChecked();
        options.removeOldApplication = setupWizard()->removeOldApplication();
        setChecking(true);
        if (!job.start(options, setupWizard()->credentials())) {
            setChecking(false);
            showMessage(tr("The setup could not start: check the URL on the first page."), true);
        }
    }

    void onPlanned(const SetupPlan& plan)
    {
        if (wizard()->currentId() != SetupWizard::OAuthPage)
            return;
        setChecking(false);
        m_planned = true;
        m_blocked = plan.isBlocked();
        m_name->setText(plan.application.name);
        m_redirect->setText(plan.application.redirectUri);
        m_scopes->setText(plan.application.scopes);
        QString text;
        if (plan.reuse)
            text = tr("\"%1\" (id %2) is set up right and will be used.")
                       .arg(plan.reuse->name)
                       .arg(plan.reuse->id);
        else if (plan.applicationAction == SetupPlan::ApplicationAction::Create)
            text = plan.remove
                       ? tr("\"%1\" (id %2) will be deleted, and \"%3\" created with redirect URI %4.")
                             .arg(plan.remove->name)
                             .arg(plan.remove->id)
                             .arg(plan.application.name, plan.application.redirectUri)
                       : tr("\"%1\" will be created with redirect URI %2, scope api, not confidential.")
                             .arg(plan.application.name, plan.application.redirectUri);
        // Every application the move deletes is named here, before anything is written.
        QStringList retired;
        for (const OAuthApplication& old : plan.retire)
            retired.append(tr("\"%1\" (id %2)").arg(old.name).arg(old.id));
        if (!retired.isEmpty())
            text += QLatin1Char('\n') +
                    tr("Will be deleted once the settings point at the new one, as you chose: %1.")
                        .arg(retired.join(QLatin1String(", ")));
        else if (plan.migration && plan.migration->oldApplication)
            text += QLatin1Char('\n') + tr("The legacy application \"%1\" (id %2) stays as it is.")
                                            .arg(plan.migration->oldApplication->name)
                                            .arg(plan.migration->oldApplication->id);
        m_plan->setText(text);
        m_replace->setVisible(plan.misconfigured.has_value());
        QStringList problems = plan.blockers;
        if (plan.misconfigured)
            problems.prepend(
                tr("\"%1\" (id %2), which the Application ID setting points at, is misconfigured: %3. "
                   "Fix it at %4, or let the wizard replace it.")
                    .arg(plan.misconfigured->name)
                    .arg(plan.misconfigured->id)
                    .arg(plan.misconfiguredProblems.join(QLatin1String("; ")),
                         setup::applicationAdminUrl(InstanceUrl::parse(plan.url), plan.misconfigured->id)));
        showMessage(problems.join(QLatin1Char('\n')), !problems.isEmpty() && plan.isBlocked());
        emit completeChanged();
    }

    void onReady(const QString& uid)
    {
        if (wizard()->currentId() != SetupWizard::OAuthPage)
            return;
        setChecking(false);
        showMessage(tr("Application ID %1 is ready.").arg(uid), false);
        advance();
    }

    void onFinished(const SetupResult& result)
    {
        if (wizard()->currentId() != SetupWizard::OAuthPage)
            return;
        setChecking(false);
        m_planned = false; // the job ended: Check again plans anew
        QString text = result.error;
        if (!result.remedy.isEmpty())
            text += QLatin1Char('\n') + result.remedy;
        showMessage(text, true);
        emit completeChanged();
    }

    QLabel* m_plan;
    QCheckBox* m_replace;
    QPushButton* m_again;
    QGroupBox* m_manualBox;
    QLabel* m_nameLabel;
    QLabel* m_redirectLabel;
    QLabel* m_scopesLabel;
    QLabel* m_manualText;
    QLineEdit* m_name = nullptr;
    QLineEdit* m_redirect = nullptr;
    QLineEdit* m_scopes = nullptr;
    bool m_planned = false;
    bool m_blocked = false;
};

// ---------------------------------------------------------------------------------------------
// 5. GitLab for Jira App settings: current → planned, apply, read back.
class SettingsWizardPage final : public AsyncPage
{
    Q_OBJECT

public:
    explicit SettingsWizardPage(QWidget* parent = nullptr)
        : AsyncPage(parent)
        , m_diff(new QTreeWidget(this))
        , m_notes(wrappingLabel(this, "settingsNotes"))
        , m_readBack(new QTreeWidget(this))
    {
        setObjectName(QStringLiteral("settingsPage"));
        m_diff->setObjectName(QStringLiteral("settingsDiff"));
        m_readBack->setObjectName(QStringLiteral("readBack"));
        for (QTreeWidget* t : {m_diff, m_readBack}) {
            t->setRootIsDecorated(false);
            t->setUniformRowHeights(true);
            t->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
        }
        // The values share the width that is left (a 64-digit Application ID elides, its tooltip
        // has it whole), so that "Planned" is on screen at 800x600 without scrolling.
        m_diff->setColumnCount(4); // the sections must exist before their resize modes are set
        m_diff->header()->setStretchLastSection(false);
        for (int column : {1, 2, 3})
            m_diff->header()->setSectionResizeMode(column, QHeaderView::Stretch);
        m_diff->setTextElideMode(Qt::ElideRight);
        m_readBack->hide();
        auto* layout = new QVBoxLayout(this);
        layout->addWidget(m_diff, 1);
        layout->addWidget(m_notes);
        addStatusWidgets(layout);
        layout->addWidget(m_readBack, 1);
        retranslate();
    }

    void retranslate()
    {
        setTitle(tr("GitLab for Jira App settings"));
        setSubTitle(
            tr("Admin → Settings → General → GitLab for Jira App. Only the values that differ are written; "
               "GitLab then reads them back."));
        m_diff->setHeaderLabels({tr("Setting"), tr("Now"), tr("Planned"), tr("Why")});
        m_diff->setAccessibleName(tr("Planned changes"));
        m_readBack->setHeaderLabels({tr("Read back from GitLab")});
        m_readBack->setAccessibleName(tr("Read back from GitLab"));
    }

    void initializePage() override
    {
        SetupJob& job = setupWizard()->setupJob();
        connect(&job, &SetupJob::finished, this, &SettingsWizardPage::onFinished, Qt::UniqueConnection);
        m_verified = false;
        m_readBack->hide();
        m_readBack->clear();
        showMessage(QString(), false);
        const SetupPlan& plan = job.plan();
        m_diff->clear();
        const QString uid = plan.reuse ? plan.reuse->uid : QString();
        for (const SettingChange& s : plan.settings) {
            auto* item = new QTreeWidgetItem(m_diff);
            item->setText(0, s.key);
            item->setText(1, SetupText::value(s.current));
            item->setText(2, s.fromNewApplication ? tr("(the new application's ID)")
                                                  : SetupText::value(s.planned));
            item->setText(3, s.why);
            for (int column : {1, 2, 3})
                item->setToolTip(column, item->text(column));
            item->setIcon(0, s.changes() ? QIcon::fromTheme(QStringLiteral("document-edit"))
                                         : statusIcon(Status::Pass));
            item->setData(0, Qt::AccessibleTextRole,
                          s.changes() ? tr("%1 changes").arg(s.key) : tr("%1 stays").arg(s.key));
        }
        QStringList notes;
        for (const PlanNote& n : plan.notes)
            notes.append(n.text);
        m_notes->setText(notes.join(QLatin1Char('\n')));
        m_notes->setVisible(!notes.isEmpty());
    }

    bool validatePage() override
    {
        if (m_verified)
            return true;
        if (isChecking())
            return false;
        setChecking(true);
        setupWizard()->setupJob().apply();
        return false;
    }
    void cancel() { setupWizard()->setupJob().cancel(); }

private:
    void onFinished(const SetupResult& result)
    {
        if (wizard()->currentId() != SetupWizard::SettingsPage)
            return;
        setChecking(false);
        m_readBack->clear();
        for (const VerifyItem& v : result.verification) {
            auto* item = new QTreeWidgetItem(m_readBack);
            item->setIcon(0, statusIcon(v.ok ? Status::Pass : Status::Fail));
            item->setText(0, v.text);
        }
        m_readBack->setVisible(!result.verification.isEmpty());
        if (result.ok()) {
            m_verified = true;
            showMessage(
                tr("GitLab is set up for the %1 method and verified.").arg(methodId(result.plan.method)),
                false);
        } else {
            QString text = result.error;
            if (!result.remedy.isEmpty())
                text += QLatin1Char('\n') + result.remedy;
            showMessage(text, true);
        }
        emit completeChanged();
    }

    QTreeWidget* m_diff;
    QLabel* m_notes;
    QTreeWidget* m_readBack;
    bool m_verified = false;
};

// ---------------------------------------------------------------------------------------------
// 6. Jira user: site, email, API token; the admin group and Browse users and groups.
class JiraWizardPage final : public AsyncPage
{
    Q_OBJECT

public:
    explicit JiraWizardPage(QWidget* parent = nullptr)
        : AsyncPage(parent)
        , m_site(lineEdit(this, "jiraSiteEdit"))
        , m_email(lineEdit(this, "jiraEmailEdit"))
        , m_token(lineEdit(this, "jiraTokenEdit", true))
        , m_link(new QLabel(this))
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
        registerField(QStringLiteral("rememberJiraToken"), m_remember);
        m_link->setObjectName(QStringLiteral("tokenLink"));
        m_link->setOpenExternalLinks(true);
        m_link->setTextFormat(Qt::RichText);
        registerField(QStringLiteral("jiraSite"), m_site);
        registerField(QStringLiteral("jiraEmail"), m_email);
        registerField(QStringLiteral("jiraToken"), m_token);
        auto* form = new QFormLayout;
        form->addRow(m_siteLabel, m_site);
        form->addRow(m_emailLabel, m_email);
        form->addRow(m_tokenLabel, m_token);
        form->addRow(QString(), m_remember);
        form->addRow(QString(), m_link);
        m_siteLabel->setBuddy(m_site);
        m_emailLabel->setBuddy(m_email);
        m_tokenLabel->setBuddy(m_token);
        auto* layout = new QVBoxLayout(this);
        layout->addLayout(form);
        addStatusWidgets(layout);
        layout->addWidget(m_list, 1);
        layout->addWidget(m_list->makeDetailLabel(this));
        layout->addWidget(m_skip);
        m_list->hide();
        for (QLineEdit* e : {m_site, m_email, m_token})
            connect(e, &QLineEdit::textChanged, this, [this] {
                m_passed = false;
                emit completeChanged();
            });
        connect(m_skip, &QCheckBox::toggled, this, &QWizardPage::completeChanged);
        connect(&m_checks.runner, &CheckRunner::finished, this, &JiraWizardPage::onChecked);
        retranslate();
    }

    static QStringList ids()
    {
        return {QStringLiteral("jira.auth"), QStringLiteral("jira.admin_group"),
                QStringLiteral("jira.browse_users")};
    }

    void retranslate()
    {
        setTitle(tr("Jira user"));
        setSubTitle(
            tr("The Jira user who installs and configures the app must be in site-admins or org-admins, "
               "and may need the Browse users and groups permission."));
        m_siteLabel->setText(tr("Jira &site:"));
        m_site->setPlaceholderText(tr("https://your-site.atlassian.net"));
        m_emailLabel->setText(tr("&Email:"));
        m_tokenLabel->setText(tr("API &token:"));
        m_token->setAccessibleName(tr("Jira API token"));
        m_link->setText(
            tr("<a href=\"%1\">Create an API token</a> (Atlassian account → Security)").arg(kTokenLink));
        m_skip->setText(tr("S&kip: check the Jira user later"));
        m_remember->setText(tr("&Remember the API token in the system keychain"));
        m_list->retranslate();
    }

    bool validatePage() override
    {
        if (m_passed || m_skip->isChecked()) {
            setupWizard()->saveState();
            return true;
        }
        if (isChecking())
            return false;
        RunOptions o = setupWizard()->runOptions();
        o.jiraSite = InstanceUrl::parse(m_site->text()).toString();
        o.jiraEmail = m_email->text().trimmed();
        o.only = ids();
        showMessage(QString(), false);
        setChecking(true);
        m_checks.runner.start(o, setupWizard()->credentials());
        return false;
    }
    void cleanupPage() override { m_checks.runner.cancel(); }
    void cancel() { m_checks.runner.cancel(); }

protected:
    bool ready() const override
    {
        return m_skip->isChecked() ||
               (InstanceUrl::parse(m_site->text()).isValid() && m_email->text().contains(QLatin1Char('@')) &&
                !m_token->text().isEmpty());
    }

private:
    QString jiraKey() const
    {
        return CredentialStore::jiraTokenKey(InstanceUrl::parse(m_site->text()).toString(),
                                             m_email->text().trimmed());
    }

    void onChecked(const Report& report)
    {
        setChecking(false);
        m_list->showFindings(report, ids());
        m_list->setVisible(true);
        bool ok = true;
        for (const QString& id : ids()) {
            const Finding* f = report.find(id);
            ok = ok && f && (f->status == Status::Pass || f->status == Status::Info);
        }
        if (ok) {
            showMessage(tr("This Jira user can install and configure the app."), false);
            rememberSecret(jiraKey(), m_token->text().trimmed().toUtf8(), m_remember->isChecked());
            advance();
            return;
        }
        showMessage(tr("Change what the list says, then select Next again (or skip this check)."), true);
    }

    QLineEdit* m_site;
    QLineEdit* m_email;
    QLineEdit* m_token;
    QLabel* m_link;
    FindingList* m_list;
    QCheckBox* m_skip;
    QCheckBox* m_remember;
    QLabel* m_siteLabel;
    QLabel* m_emailLabel;
    QLabel* m_tokenLabel;
    PageChecks m_checks;
};

// ---------------------------------------------------------------------------------------------
// 7. Install in Jira: the exact clicks with today's navigation, with copies of every value, and
// where a Jira admin approves the Forge upgrade.
class InstallWizardPage final : public QWizardPage
{
    Q_OBJECT

public:
    explicit InstallWizardPage(QWidget* parent = nullptr)
        : QWizardPage(parent)
        , m_listing(new QLabel(this))
        , m_steps(new QLabel(this))
        , m_urlLabel(new QLabel(this))
        , m_forge(new QGroupBox(this))
        , m_forgeWhere(wrappingLabel(this, "forgeUpgradeWhere"))
        , m_forgeWhy(wrappingLabel(this, "forgeUpgradeWhy"))
    {
        setObjectName(QStringLiteral("installPage"));
        m_steps->setObjectName(QStringLiteral("installSteps"));
        m_listing->setObjectName(QStringLiteral("marketplaceListing"));
        m_forge->setObjectName(QStringLiteral("forgeUpgrade"));
        for (QLabel* l : {m_steps, m_listing}) {
            l->setWordWrap(true);
            l->setTextFormat(Qt::RichText);
        }
        m_listing->setOpenExternalLinks(true);
        m_listing->setTextInteractionFlags(Qt::TextBrowserInteraction);
        auto* forge = new QVBoxLayout(m_forge);
        forge->addWidget(m_forgeWhere);
        forge->addWidget(m_forgeWhy);
        auto* layout = new QVBoxLayout(this);
        layout->addWidget(m_listing);
        layout->addWidget(m_steps);
        auto* form = new QFormLayout;
        form->addRow(m_urlLabel, copyRow(this, "instanceUrlValue", &m_value));
        m_urlLabel->setBuddy(m_value);
        layout->addLayout(form);
        layout->addWidget(m_forge);
        layout->addStretch(1);
        retranslate();
    }

    void retranslate()
    {
        setTitle(tr("Install the app in Jira"));
        setSubTitle(tr("In Jira, as the Jira user of the previous page."));
        m_forge->setTitle(tr("Approve the app's Forge upgrade"));
        initializePage();
    }

    void initializePage() override
    {
        auto* w = qobject_cast<SetupWizard*>(wizard());
        if (!w)
            return;
        const RunOptions o = w->runOptions();
        const InstanceUrl target = InstanceUrl::parse(o.publicUrl.isEmpty() ? o.url : o.publicUrl);
        const SetupPlan& plan = w->setupJob().plan();
        const QString oldKey = plan.migration ? plan.migration->oldKey : QString();
        m_urlLabel->setText(tr("Instance URL:"));
        nameCopyRow(m_value, tr("Instance URL"));
        m_value->setText(target.toString()); // normalised: https, no trailing slash
        m_listing->setText(
            tr("The app in the Atlassian Marketplace: <a href=\"%1\">GitLab for Jira Cloud</a>")
                .arg(kMarketplaceListing.toHtmlEscaped()));
        QString list = QStringLiteral("<ol>");
        for (const QString& step : Migration::jiraSteps(target.toString(), w->movingLegacy(), oldKey))
            list += QStringLiteral("<li>") + step.toHtmlEscaped() + QStringLiteral("</li>");
        m_steps->setText(list + QStringLiteral("</ol>"));
        m_forgeWhere->setText(platform::PlatformText::forgeUpgradeWhere());
        m_forgeWhy->setText(platform::PlatformText::forgeUpgradeWhy(Clock::localToday()));
    }

private:
    QLabel* m_listing;
    QLabel* m_steps;
    QLabel* m_urlLabel;
    QGroupBox* m_forge;
    QLabel* m_forgeWhere;
    QLabel* m_forgeWhy;
    QLineEdit* m_value = nullptr;
};

// ---------------------------------------------------------------------------------------------
// 8. Verify: the full diagnostics, the Rails console checks filled in.
class VerifyWizardPage final : public AsyncPage
{
    Q_OBJECT

public:
    explicit VerifyWizardPage(QWidget* parent = nullptr)
        : AsyncPage(parent)
        , m_verdict(wrappingLabel(this, "verifyVerdict"))
        , m_list(new FindingList(this, "verifyProblems"))
        , m_open(new QPushButton(this))
        , m_export(new QPushButton(this))
        , m_again(new QPushButton(this))
        , m_group(lineEdit(this, "groupPathEdit"))
        , m_project(lineEdit(this, "projectPathEdit"))
        , m_groupLabel(new QLabel(this))
        , m_projectLabel(new QLabel(this))
        , m_snippets(new QGroupBox(this))
    {
        setObjectName(QStringLiteral("verifyPage"));
        m_open->setObjectName(QStringLiteral("openDiagnosticsButton"));
        m_export->setObjectName(QStringLiteral("exportButton"));
        m_again->setObjectName(QStringLiteral("checkAgainButton"));
        m_export->setEnabled(false);
        connect(m_export, &QPushButton::clicked, this, [this] {
            const Credentials c = setupWizard()->credentials();
            auto* dialog =
                new ExportDialog(m_report,
                                 ExportBundle::secretsOf(c.gitlabToken, c.jiraToken,
                                                         field(QStringLiteral("jiraEmail")).toString()),
                                 this);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            dialog->open();
        });
        connect(m_again, &QPushButton::clicked, this, &VerifyWizardPage::run);
        connect(m_open, &QPushButton::clicked, this, [this] {
            emit setupWizard()->openDiagnostics(
                InstanceUrl::parse(setupWizard()->runOptions().url).toString());
        });
        connect(&m_checks.runner, &CheckRunner::finished, this, &VerifyWizardPage::onChecked);
        auto* buttons = new QHBoxLayout;
        buttons->addWidget(m_again);
        buttons->addWidget(m_open);
        buttons->addWidget(m_export);
        buttons->addStretch(1);
        auto* snippetLayout = new QFormLayout(m_snippets);
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
        connect(m_group, &QLineEdit::textChanged, this, &VerifyWizardPage::updateSnippets);
        connect(m_project, &QLineEdit::textChanged, this, &VerifyWizardPage::updateSnippets);
        auto* layout = new QVBoxLayout(this);
        layout->addWidget(m_verdict);
        addStatusWidgets(layout);
        layout->addWidget(m_list, 1);
        layout->addWidget(m_list->makeDetailLabel(this));
        layout->addLayout(buttons);
        layout->addWidget(m_snippets);
        retranslate();
    }

    void retranslate()
    {
        setTitle(tr("Verify"));
        setSubTitle(tr("The full diagnostics, as Jira Cloud and GitLab.com see the instance."));
        m_open->setText(tr("Open in the &diagnostics pane"));
        m_export->setText(tr("&Export…"));
        m_export->setToolTip(tr("Save a troubleshooting export (a ZIP for a support ticket); you see what it "
                                "contains before it is saved"));
        m_again->setText(tr("Check &again"));
        m_snippets->setTitle(tr("Rails console checks (sudo gitlab-rails console)"));
        m_groupLabel->setText(tr("&Group path:"));
        m_group->setPlaceholderText(QStringLiteral("group/subgroup"));
        m_projectLabel->setText(tr("&Project path:"));
        m_project->setPlaceholderText(QStringLiteral("group/project"));
        m_list->retranslate();
        updateSnippets();
    }

    void initializePage() override
    {
        updateSnippets();
        run();
    }
    void cleanupPage() override { m_checks.runner.cancel(); }
    void cancel() { m_checks.runner.cancel(); }

protected:
    bool ready() const override { return m_done; }

private:
    void run()
    {
        if (m_checks.runner.isRunning())
            return;
        m_done = false;
        m_export->setEnabled(false);
        m_list->clear();
        m_verdict->clear();
        RunOptions o = setupWizard()->runOptions();
        o.jiraSite = field(QStringLiteral("jiraSite")).toString().trimmed().isEmpty()
                         ? QString()
                         : InstanceUrl::parse(field(QStringLiteral("jiraSite")).toString()).toString();
        o.jiraEmail = field(QStringLiteral("jiraEmail")).toString().trimmed();
        setChecking(true);
        m_checks.runner.start(o, setupWizard()->credentials());
    }

    void onChecked(const Report& report)
    {
        setChecking(false);
        m_done = true;
        m_report = report;
        m_export->setEnabled(true);
        const Summary s = report.summary();
        QStringList ids;
        for (const Finding& f : report.checks) {
            if (f.status == Status::Fail || f.status == Status::Warn || f.status == Status::Error ||
                f.status == Status::Manual)
                ids.append(f.id);
        }
        m_list->showFindings(report, ids);
        m_verdict->setText(
            s.verdict == Status::Fail ? tr("Verdict: FAIL. %n check(s) fail; the list says what to change.",
                                           nullptr, s.count(Status::Fail))
            : s.verdict == Status::Warn
                ? tr("Verdict: WARN. Nothing fails; look at the warnings and the manual checks.")
                : tr("Verdict: PASS. Everything this computer can test works."));
        emit completeChanged();
    }

    void updateSnippets()
    {
        const QList<RailsSnippet> snippets = RailsSnippet::forPaths(
            m_group->text(), m_project->text(), field(QStringLiteral("jiraSite")).toString());
        for (int i = 0; i < snippets.size() && i < m_snippetCodes.size(); ++i) {
            m_snippetTitles.at(i)->setText(snippets.at(i).title);
            nameCopyRow(m_snippetCodes.at(i), snippets.at(i).title);
            m_snippetCodes.at(i)->setText(snippets.at(i).code);
        }
    }

    QLabel* m_verdict;
    FindingList* m_list;
    Report m_report;
    QPushButton* m_open;
    QPushButton* m_export;
    QPushButton* m_again;
    QLineEdit* m_group;
    QLineEdit* m_project;
    QLabel* m_groupLabel;
    QLabel* m_projectLabel;
    QGroupBox* m_snippets;
    QList<QLabel*> m_snippetTitles;
    QList<QLineEdit*> m_snippetCodes;
    PageChecks m_checks;
    bool m_done = false;
};

} // namespace wizard

using namespace wizard;

// ---------------------------------------------------------------------------------------------

SetupWizard::SetupWizard(CredentialStore* store, QWidget* parent)
    : QWizard(parent)
    , m_store(store)
{
    setObjectName(QStringLiteral("setupWizard"));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    setOption(QWizard::HaveHelpButton, false);
    setPage(InstancePage, new InstanceWizardPage);
    setPage(MethodPage, new MethodWizardPage);
    setPage(PrerequisitesPage, new PrerequisitesWizardPage);
    setPage(OAuthPage, new OAuthWizardPage);
    setPage(SettingsPage, new SettingsWizardPage);
    setPage(JiraPage, new JiraWizardPage);
    setPage(InstallPage, new InstallWizardPage);
    setPage(VerifyPage, new VerifyWizardPage);
    setStartId(InstancePage);

    // What was typed before comes back (never a secret: those come from the store, on request).
    QSettings settings;
    settings.beginGroup(kSettingsGroup);
    setField(QStringLiteral("url"), settings.value(QStringLiteral("url")).toString());
    setField(QStringLiteral("publicUrl"), settings.value(QStringLiteral("publicUrl")).toString());
    setField(QStringLiteral("rememberToken"),
             settings.value(QStringLiteral("rememberToken"), false).toBool());
    setField(QStringLiteral("caFile"), settings.value(QStringLiteral("caFile")).toString());
    setField(QStringLiteral("address"), settings.value(QStringLiteral("address")).toString());
    setField(QStringLiteral("jiraSite"), settings.value(QStringLiteral("jiraSite")).toString());
    setField(QStringLiteral("jiraEmail"), settings.value(QStringLiteral("jiraEmail")).toString());
    setField(QStringLiteral("rememberJiraToken"),
             settings.value(QStringLiteral("rememberJiraToken"), false).toBool());
    settings.endGroup();
    retranslate();
}

SetupWizard::~SetupWizard()
{
    cancelJobs();
}

void SetupWizard::setPublicTrustStore(const QList<QSslCertificate>& certificates, const QString& source)
{
    m_trustStore = certificates;
    m_trustStoreSource = source;
}

RunOptions SetupWizard::runOptions(QString* error) const
{
    RunOptions o;
    o.url = field(QStringLiteral("url")).toString().trimmed();
    o.publicUrl = field(QStringLiteral("publicUrl")).toString().trimmed();
    o.method = methodId(method());
    o.trustStore = m_trustStore; // empty: the system store, loaded in the background
    o.trustStoreSource = m_trustStore.isEmpty() ? QStringLiteral("system") : m_trustStoreSource;
    QString reason;
    const QString caFile = field(QStringLiteral("caFile")).toString().trimmed();
    if (!caFile.isEmpty()) {
        if (const auto certificates = readPemBundle(caFile, &reason)) {
            o.extraCaCertificates = *certificates;
            o.extraCaSource = caFile;
        } else if (error) {
            *error = tr("Private CA file: %1").arg(reason);
        }
    }
    o.resolve = m_resolve;
    const QString address = field(QStringLiteral("address")).toString().trimmed();
    if (!address.isEmpty()) {
        if (const auto overrides = ResolveOverride::forUrls({o.url, o.publicUrl}, address, &reason))
            o.resolve += *overrides;
        else if (error)
            *error = tr("Connect to address: %1").arg(reason);
    }
    return o;
}

Credentials SetupWizard::credentials() const
{
    Credentials c;
    c.gitlabToken = field(QStringLiteral("token")).toString().trimmed().toUtf8();
    c.jiraToken = field(QStringLiteral("jiraToken")).toString().trimmed().toUtf8();
    return c;
}

Method SetupWizard::method() const
{
    // New installs and moves alike end on the Marketplace app; `configure --method manual|proxy`
    // remains for keeping an existing legacy install in shape.
    return Method::Marketplace;
}

bool SetupWizard::movingLegacy() const
{
    return static_cast<const MethodWizardPage*>(page(MethodPage))->moving();
}

bool SetupWizard::removeOldApplication() const
{
    return movingLegacy() && field(QStringLiteral("removeOldApplication")).toBool();
}

void SetupWizard::saveState() const
{
    QSettings settings;
    settings.beginGroup(kSettingsGroup);
    // URLs as normalised (https, no trailing slash), as the next run should show them.
    const auto normalised = [this](const char* name) {
        const QString text = field(QLatin1String(name)).toString().trimmed();
        const InstanceUrl url = InstanceUrl::parse(text);
        return url.isValid() ? url.toString() : text;
    };
    settings.setValue(QStringLiteral("url"), normalised("url"));
    settings.setValue(QStringLiteral("publicUrl"), normalised("publicUrl"));
    settings.setValue(QStringLiteral("rememberToken"), field(QStringLiteral("rememberToken")).toBool());
    settings.setValue(QStringLiteral("caFile"), field(QStringLiteral("caFile")).toString().trimmed());
    settings.setValue(QStringLiteral("address"), field(QStringLiteral("address")).toString().trimmed());
    // The path (new install or move) is not kept: the next run decides it from GitLab's settings.
    settings.remove(QStringLiteral("method"));
    settings.setValue(QStringLiteral("jiraSite"), field(QStringLiteral("jiraSite")).toString().trimmed());
    settings.setValue(QStringLiteral("jiraEmail"), field(QStringLiteral("jiraEmail")).toString().trimmed());
    settings.setValue(QStringLiteral("rememberJiraToken"),
                      field(QStringLiteral("rememberJiraToken")).toBool());
    settings.endGroup();
}

void SetupWizard::cancelJobs()
{
    m_job.cancel();
    static_cast<InstanceWizardPage*>(page(InstancePage))->cancel();
    static_cast<PrerequisitesWizardPage*>(page(PrerequisitesPage))->cancel();
    static_cast<JiraWizardPage*>(page(JiraPage))->cancel();
    static_cast<VerifyWizardPage*>(page(VerifyPage))->cancel();
}

void SetupWizard::done(int result)
{
    cancelJobs();
    saveState();
    QWizard::done(result);
}

void SetupWizard::changeEvent(QEvent* event)
{
    QWizard::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
}

void SetupWizard::retranslate()
{
    setWindowTitle(tr("Set up the GitLab for Jira Cloud app"));
    static_cast<InstanceWizardPage*>(page(InstancePage))->retranslate();
    static_cast<MethodWizardPage*>(page(MethodPage))->retranslate();
    static_cast<PrerequisitesWizardPage*>(page(PrerequisitesPage))->retranslate();
    static_cast<OAuthWizardPage*>(page(OAuthPage))->retranslate();
    static_cast<SettingsWizardPage*>(page(SettingsPage))->retranslate();
    static_cast<JiraWizardPage*>(page(JiraPage))->retranslate();
    static_cast<InstallWizardPage*>(page(InstallPage))->retranslate();
    static_cast<VerifyWizardPage*>(page(VerifyPage))->retranslate();
    padBuddyLabels(this);
}

} // namespace gjd

#include "setupwizard.moc"
