// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIcon>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace gjd {

// Stands in for a part of the program that is not written yet: says plainly what is coming,
// offers the command-line equivalent to copy, and leads back to the start screen.
// Children for tests: "headingLabel", "textLabel", "commandField", "copyButton", "backButton".
class PlaceholderPage final : public QWidget
{
    Q_OBJECT
    Q_PROPERTY(QIcon icon READ icon WRITE setIcon)
    Q_PROPERTY(QString heading READ heading WRITE setHeading)
    Q_PROPERTY(QString text READ text WRITE setText)
    Q_PROPERTY(QString command READ command WRITE setCommand)

public:
    explicit PlaceholderPage(QWidget* parent = nullptr);

    QIcon icon() const { return m_icon; }
    void setIcon(const QIcon& icon);

    QString heading() const;
    void setHeading(const QString& heading);

    // Rich text; links open in the browser.
    QString text() const;
    void setText(const QString& text);

    // A shell command, shown verbatim with a Copy button; hidden when empty.
    QString command() const;
    void setCommand(const QString& command);

    QPushButton* backButton() const { return m_backButton; }

signals:
    void backRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void copyCommand();

    QIcon m_icon;
    QLabel* m_iconLabel;
    QLabel* m_headingLabel;
    QLabel* m_textLabel;
    QWidget* m_commandRow;
    QLineEdit* m_commandField;
    QPushButton* m_copyButton;
    QPushButton* m_backButton;
    bool m_copied = false;
};

} // namespace gjd
