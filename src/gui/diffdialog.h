// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "reportdiff.h"

#include <QDialog>

class QLabel;
class QTreeView;

namespace gjd {

class ReportModel;

// What changed per check between two exports: new failures, fixed, still failing, other
// changes, each check with its status before → after and the new summary. The tree is a
// ReportModel grouped by those sections (ReportModel::ChangeColumn holds before → after).
// Object names for tests: "diffHeader", "diffSummary", "diffTree".
class DiffDialog final : public QDialog
{
    Q_OBJECT

public:
    DiffDialog(const ReportDiff& diff, const QString& beforeName, const QString& afterName,
               QWidget* parent = nullptr);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void fill();

    ReportDiff m_diff;
    QString m_beforeName;
    QString m_afterName;
    QLabel* m_header;
    QLabel* m_summary;
    ReportModel* m_model;
    QTreeView* m_tree;
};

} // namespace gjd
