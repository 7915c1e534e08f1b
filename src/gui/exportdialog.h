// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "export/exportbundle.h"
#include "report.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QRadioButton;

namespace gjd {

// "Export…": the troubleshooting export of a report, previewed file by file exactly as it will be
// written (the redacted bytes, not a description of them), with the redaction level to choose,
// then saved where the admin says. Nothing is sent anywhere.
//
// Object names for tests: "secretsRadio", "identitiesRadio", "fileList", "fileView",
// "summaryLabel", "errorLabel", "saveButton".
class ExportDialog final : public QDialog
{
    Q_OBJECT

public:
    ExportDialog(const Report& report, const QList<QByteArray>& secrets, QWidget* parent = nullptr);

    const ExportBundle& bundle() const { return m_bundle; }
    RedactionLevel level() const;
    void setLevel(RedactionLevel level);
    // A file name that says what and when, without identities at that level.
    QString suggestedFileName() const;
    // Writes the previewed bundle; on failure says why in the dialog and returns false.
    bool saveTo(const QString& path);

signals:
    void saved(const QString& path);

protected:
    void changeEvent(QEvent* event) override;

private:
    void rebuild();
    void showFile();
    void chooseFile();
    void retranslate();

    Report m_report;
    QList<QByteArray> m_secrets;
    ExportBundle m_bundle;
    QLabel* m_intro;
    QRadioButton* m_secretsRadio;
    QRadioButton* m_identitiesRadio;
    QLabel* m_levelHint;
    QListWidget* m_fileList;
    QPlainTextEdit* m_fileView;
    QLabel* m_summary;
    QLabel* m_error;
    QDialogButtonBox* m_buttons;
    QPushButton* m_saveButton;
};

} // namespace gjd
