// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizardcommon.h"

#include "uistyle.h"

#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QTimer>

namespace gjd::wizard {

const QString kTokenLink = QStringLiteral("https://id.atlassian.com/manage-profile/security/api-tokens");
const QString kMarketplaceListing = QStringLiteral(
    "https://marketplace.atlassian.com/apps/1221011/gitlab-com-for-jira-cloud?tab=overview&hosting=cloud");

QLineEdit* lineEdit(QWidget* parent, const char* name, bool secret)
{
    auto* edit = new QLineEdit(parent);
    edit->setObjectName(QString::fromLatin1(name));
    if (secret) {
        edit->setEchoMode(QLineEdit::Password);
        edit->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhNoPredictiveText | Qt::ImhSensitiveData);
    }
    return edit;
}

QLabel* wrappingLabel(QWidget* parent, const char* name)
{
    auto* label = new QLabel(parent);
    label->setObjectName(QString::fromLatin1(name));
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

void copyWithFeedback(QPushButton* button, const QString& text)
{
    QApplication::clipboard()->setText(text);
    button->setText(QCoreApplication::translate("gjd::SetupWizard", "Copied"));
    QPointer<QPushButton> guard(button);
    QTimer::singleShot(2000, button, [guard] {
        if (guard)
            guard->setText(QCoreApplication::translate("gjd::SetupWizard", "Copy"));
    });
}

QWidget* copyRow(QWidget* parent, const char* name, QLineEdit** field)
{
    auto* row = new QWidget(parent);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* edit = new QLineEdit(row);
    edit->setObjectName(QString::fromLatin1(name));
    edit->setReadOnly(true);
    auto* copy = new QPushButton(row);
    copy->setObjectName(QString::fromLatin1(name) + QStringLiteral("Copy"));
    copy->setIcon(QIcon::fromTheme(QStringLiteral("edit-copy")));
    copy->setText(QCoreApplication::translate("gjd::SetupWizard", "Copy"));
    // Wide enough for "Copied" in every language, so the row does not jump.
    copy->setMinimumWidth(
        copy->fontMetrics().horizontalAdvance(QCoreApplication::translate("gjd::SetupWizard", "Copied")) +
        copy->iconSize().width() + 4 * copy->fontMetrics().averageCharWidth());
    QObject::connect(copy, &QPushButton::clicked, edit,
                     [edit, copy] { copyWithFeedback(copy, edit->text()); });
    layout->addWidget(edit, 1);
    layout->addWidget(copy);
    *field = edit;
    return row;
}

void nameCopyRow(QLineEdit* field, const QString& name)
{
    field->setAccessibleName(name);
    if (auto* copy =
            field->parentWidget()->findChild<QPushButton*>(field->objectName() + QStringLiteral("Copy")))
        copy->setAccessibleName(QCoreApplication::translate("gjd::SetupWizard", "Copy %1").arg(name));
}

void setMessage(QLabel* label, const QString& text, bool error)
{
    QPalette p = label->palette();
    const QPalette& base = label->parentWidget() ? label->parentWidget()->palette() : label->palette();
    p.setColor(QPalette::WindowText, error ? errorTextColour(base) : base.color(QPalette::WindowText));
    label->setPalette(p);
    label->setText(text);
    label->setVisible(!text.isEmpty());
}

} // namespace gjd::wizard
