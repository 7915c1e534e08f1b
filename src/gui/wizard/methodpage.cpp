// SPDX-License-Identifier: GPL-3.0-or-later
#include "methodpage.h"

#include "clock.h"
#include "connect/platformfacts.h"
#include "setup/setuptext.h"
#include "wizardcommon.h"

#include <QCheckBox>
#include <QGroupBox>
#include <QLabel>
#include <QRadioButton>
#include <QVBoxLayout>

namespace gjd::wizard {

MethodWizardPage::MethodWizardPage(WizardContext* context, QWidget* parent)
    : AsyncPage(context, parent)
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

    auto* choice = new QVBoxLayout(m_choice);
    for (auto [radio, note] : {std::pair{m_newInstall, m_newNote}, std::pair{m_move, m_moveNote}}) {
        choice->addWidget(radio);
        note->setIndent(24);
        choice->addWidget(note);
        connect(radio, &QRadioButton::toggled, this, &MethodWizardPage::choiceChanged);
        connect(radio, &QRadioButton::clicked, this, [this] { m_chosenByHand = true; });
    }
    connect(m_removeOld, &QCheckBox::toggled, this,
            [this](bool on) { this->context()->removeOldApplication = on; });
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

void MethodWizardPage::retranslate()
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
        tr("For an instance that serves its own Connect app (a manual install), or relays for "
           "other instances. %1")
            .arg(platform::PlatformText::connectStatus(Clock::localToday())));
    m_moveBox->setTitle(tr("Moving the legacy install"));
    m_changes->setText(
        tr("In GitLab, the next pages show and apply: the Jira Connect Proxy URL becomes "
           "https://gitlab.com; a new OAuth application gets GitLab.com's callback, and the legacy one is "
           "kept unless you tick below; public key storage is switched off unless other instances use "
           "this one as their proxy. In Jira, the Install page lists the steps: uninstall the private "
           "app, install the Marketplace app, approve its Forge upgrade, link the groups again."));
    m_removeOld->setText(
        tr("&Delete the legacy OAuth applications (this instance's own Jira callback) once GitLab points at "
           "the new one"));
    m_unknowns->setText(platform::PlatformText::unknowns().join(QLatin1Char(' ')));
    updateAdvice();
}

void MethodWizardPage::initializePage()
{
    updateAdvice();
}

bool MethodWizardPage::validatePage()
{
    context()->save();
    return true;
}

bool MethodWizardPage::moving() const
{
    return m_move->isChecked();
}

void MethodWizardPage::setPath(SetupPath path)
{
    (path == SetupPath::MoveLegacy ? m_move : m_newInstall)->setChecked(true);
    m_chosenByHand = true;
}

bool MethodWizardPage::ready() const
{
    return m_newInstall->isChecked() || m_move->isChecked();
}

void MethodWizardPage::choiceChanged()
{
    m_moveBox->setVisible(m_move->isChecked());
    context()->movingLegacy = m_move->isChecked();
    context()->removeOldApplication = m_move->isChecked() && m_removeOld->isChecked();
    emit completeChanged();
}

void MethodWizardPage::updateAdvice()
{
    const DetectedInstall& detected = context()->detected;
    m_detected->setText(detected.type.isEmpty()
                            ? tr("The install type is not known: GitLab's settings were not read.")
                            : tr("Install type: %1.").arg(SetupText::installType(detected.type)));
    const MethodAdvice advice = MethodAdvice::advise(detected, context()->version);
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

} // namespace gjd::wizard
