// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "export/exportbundle.h"
#include "report.h"

#include <QDialog>
#include <QFutureWatcher>

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
// Building the bundle (redaction, rendering) and writing it run in the background; the dialog
// says so and offers Save only when the preview is complete:
//   rebuild() ──► [building] ──► ready()      saveTo(path) ──► [saving] ──► saved(path) | saveFailed(error)
// Once saved, the dialog stays open, says where the file went, and Cancel becomes Close.
//
// Object names for tests: "secretsRadio", "identitiesRadio", "fileList", "fileView",
// "summaryLabel", "errorLabel", "saveButton", "closeButton" (once saved).
class ExportDialog final : public QDialog
{
    Q_OBJECT

public:
    ExportDialog(const Report& report, const QList<QByteArray>& secrets, QWidget* parent = nullptr);

    // The bundle shown (and saved): valid once ready() was emitted, until the level changes.
    const ExportBundle& bundle() const { return m_bundle; }
    bool isBusy() const { return m_builder.isRunning() || m_writer.isRunning(); }
    RedactionLevel level() const;
    void setLevel(RedactionLevel level);
    // A file name that says what and when, without identities at that level.
    QString suggestedFileName() const;
    // Writes the previewed bundle in the background; says where it went, or why it failed, in
    // the dialog.
    void saveTo(const QString& path);

signals:
    void ready();
    void saved(const QString& path);
    void saveFailed(const QString& error);

protected:
    void changeEvent(QEvent* event) override;

private:
    void rebuild();
    void onBuilt();
    void onWritten();
    void updateButtons();
    void showFile();
    void chooseFile();
    void retranslate();
    void applyColours();

    Report m_report;
    QList<QByteArray> m_secrets;
    ExportBundle m_bundle;
    QFutureWatcher<ExportBundle> m_builder;
    QFutureWatcher<QString> m_writer; // the error, empty on success
    QString m_savingTo;
    QString m_savedPath; // the last file written
    bool m_rebuildPending = false;
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
