// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Small widgets the wizard's pages share: labels that wrap, fields with a Copy button, inline
// messages in the palette's colours.

#include <QString>

class QLabel;
class QLineEdit;
class QPushButton;
class QWidget;

namespace gjd::wizard {

extern const QString kTokenLink;
extern const QString kMarketplaceListing;

QLineEdit* lineEdit(QWidget* parent, const char* name, bool secret = false);
QLabel* wrappingLabel(QWidget* parent, const char* name);

// A read-only value with a Copy button, for what the admin types elsewhere. The button says
// "Copied" for a moment after a click.
QWidget* copyRow(QWidget* parent, const char* name, QLineEdit** field);
// Names a copyRow() field and its Copy button for screen readers (its label sits outside the
// row widget, where Qt does not look for buddies).
void nameCopyRow(QLineEdit* field, const QString& name);
// Copies `text` and lets `button` say so for two seconds.
void copyWithFeedback(QPushButton* button, const QString& text);

// An inline message; errors in the palette's error colour (uistyle.h), hidden when empty.
void setMessage(QLabel* label, const QString& text, bool error);

} // namespace gjd::wizard
