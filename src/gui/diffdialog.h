// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "reportdiff.h"

#include <QDialog>

class QLabel;
class QTreeWidget;

namespace gjd {

// What changed per check between two exports: new failures, fixed, still failing, other
// changes, each check with its status before → after and the new summary.
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

    ReportDiff m_diff;
    QString m_beforeName;
    QString m_afterName;
    QLabel* m_header;
    QLabel* m_summary;
    QTreeWidget* m_tree;
};

} // namespace gjd
