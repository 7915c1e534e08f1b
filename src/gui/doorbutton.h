// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractButton>

class QLabel;

namespace gjd {

// One "door" of the start screen: a large card with an icon, a title and a one-line description
// that behaves as a push button (mouse, Space, Enter, the title's mnemonic, accessibility).
//
// Set the title through setTitle(), not setText(): the title is shown by a word-wrapping label.
class DoorButton final : public QAbstractButton
{
    Q_OBJECT
    Q_PROPERTY(QString title READ title WRITE setTitle)
    Q_PROPERTY(QString description READ description WRITE setDescription)

public:
    explicit DoorButton(QWidget* parent = nullptr);

    // The title may carry a mnemonic ("&Check an instance").
    QString title() const { return text(); }
    void setTitle(const QString& title);

    QString description() const;
    void setDescription(const QString& description);

protected:
    void paintEvent(QPaintEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void updateColours();
    void updateMinimumHeight();

    QLabel* m_titleLabel;
    QLabel* m_descriptionLabel;
};

} // namespace gjd
