// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "asyncpage.h"

class QCheckBox;
class QGroupBox;
class QRadioButton;

namespace gjd::wizard {

// 2. Installation: a new install is the Marketplace app; an existing legacy install is moved to it.
// What GitLab's settings showed on the first page decides the preselection; a choice the admin
// made sticks.
//
// Object names: "methodPage", "detectedInstall", "methodAdvice", "newInstallRadio",
// "moveLegacyRadio", "moveBox", "moveChanges", "removeOldApplicationCheck", "moveUnknowns".
class MethodWizardPage final : public AsyncPage
{
    Q_OBJECT

public:
    explicit MethodWizardPage(WizardContext* context, QWidget* parent = nullptr);

    void retranslate() override;
    void initializePage() override;
    bool validatePage() override;
    bool moving() const;
    void setPath(SetupPath path);

protected:
    bool ready() const override;

private:
    void choiceChanged();
    void updateAdvice();

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

} // namespace gjd::wizard
