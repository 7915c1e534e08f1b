// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "asyncpage.h"

class QCheckBox;
class QGroupBox;

namespace gjd {
class ConnectionForm;
}

namespace gjd::wizard {

class FindingList;

// 1. Instance: URL, public URL, token (the shared ConnectionForm); Next verifies the token (valid,
// admin, scopes), reads the version and the install type, and moves on.
//
// When the token cannot be verified because the connection cannot be trusted from here (a
// missing intermediate, a private CA, a wrong name), the page shows the TLS findings themselves,
// with their fixes, and the ways on: choose a CA or intermediate file, or open these results in
// the diagnostics pane.
//
// Object names: "instancePage"; the form's "urlEdit", "tokenEdit", "publicUrlEdit", "caFileEdit",
// "caFileBrowse", "addressEdit", "optionsToggle"; "rememberTokenCheck", "instanceResult",
// "connectionProblems" (box) with "tlsProblems" (list), "chooseCaFileButton",
// "openDiagnosticsButton".
class InstanceWizardPage final : public AsyncPage
{
    Q_OBJECT

public:
    explicit InstanceWizardPage(WizardContext* context, QWidget* parent = nullptr);

    void retranslate() override;
    void initializePage() override;
    bool validatePage() override;
    void cleanupPage() override;
    void cancel() override;
    // The URL field, or the token field when a URL is there.
    void focusFirstField();

    // The checks Next runs: the token, the version, the install type, and what the connection
    // needs (so a token that cannot be sent is explained by the finding that stops it).
    static QStringList ids();
    static QStringList connectionIds();

protected:
    bool ready() const override;

private:
    void inputChanged();
    void onChecked(const Report& report);
    void chooseCaFile();
    void rememberToken();

    ConnectionForm* m_form;
    QCheckBox* m_remember;
    QLabel* m_result;
    QGroupBox* m_problemsBox;
    QLabel* m_problemsText;
    FindingList* m_problems;
    QPushButton* m_chooseCa;
    QPushButton* m_openDiagnostics;
    CheckRunner m_runner;
    Report m_report;
};

} // namespace gjd::wizard
