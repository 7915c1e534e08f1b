// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;

namespace gjd::wizard {

// The wizard's steps in a column beside the page: done steps ticked, the current one bold, the
// rest in the secondary text colour. It only shows where the admin is; it is not a way to jump.
// Object name: "stepIndicator"; its labels "step0".."step7".
class StepIndicator final : public QWidget
{
    Q_OBJECT

public:
    explicit StepIndicator(QWidget* parent = nullptr);

    void setCurrent(int index);
    int current() const { return m_current; }
    // The step titles as shown (for tests and screen readers).
    QStringList titles() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void refresh();

    QList<QLabel*> m_labels;
    int m_current = 0;
};

} // namespace gjd::wizard
