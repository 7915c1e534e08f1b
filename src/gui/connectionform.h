// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectioninput.h"

#include <QWidget>

class QFormLayout;
class QLabel;
class QLineEdit;
class QToolButton;

namespace gjd {

// The connection form the setup wizard's first page and the diagnostics pane share: the instance
// URL, an administrator token, the public URL and, behind "Connection options", a private CA file
// (with a file chooser) and an address to connect to instead of DNS's.
//
//   typing ──► changed() ──► problem(): buildRunOptions() on what is typed, the first problem
//                           said inline ("urlError"), a note when http:// is checked as https://
//   Enter in any field ──► submitted()
//
// The token lives in its line edit only: the form never stores it (no QSettings, no log, no
// clipboard); input() does not carry it.
// Object names: "urlEdit", "urlError", "urlNote", "tokenEdit", "publicUrlEdit", "optionsToggle",
// "connectionOptions", "caFileEdit", "caFileBrowse", "addressEdit".
class ConnectionForm final : public QWidget
{
    Q_OBJECT

public:
    explicit ConnectionForm(QWidget* parent = nullptr);

    QLineEdit* urlEdit() const { return m_urlEdit; }
    QLineEdit* tokenEdit() const { return m_tokenEdit; }
    QLineEdit* publicUrlEdit() const { return m_publicUrlEdit; }
    QLineEdit* caFileEdit() const { return m_caFileEdit; }
    QLineEdit* addressEdit() const { return m_addressEdit; }
    QToolButton* optionsToggle() const { return m_optionsToggle; }
    QToolButton* caFileBrowse() const { return m_caFileBrowse; }

    // The URL, public URL, CA file and address as typed; the other fields are left empty.
    ConnectionInput input() const;
    // Fills the URL, public URL, CA file and address; shows the options when one of them is set.
    void setInput(const ConnectionInput& input);
    // The first field that cannot be used (translated, naming the field); empty when the form is
    // usable, and while the URL is still empty (nothing to complain about yet).
    QString problem() const;
    // A URL, no problem, and a token when `tokenRequired`.
    bool isComplete(bool tokenRequired) const;
    void setOptionsExpanded(bool expanded);
    bool optionsExpanded() const;
    // Whether the token is asked for (the wizard, the default) or optional (the pane): only the
    // token field's hint changes; isComplete() takes its own argument.
    void setTokenRequired(bool required);
    // Adds a widget under the token field (the wizard's "Remember the token").
    void addBelowToken(QWidget* widget);

signals:
    void changed();
    void submitted();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    QString caFileProblem(const QString& path) const;
    void refresh();
    void applyColours();

    QLabel* m_urlLabel;
    QLineEdit* m_urlEdit;
    QLabel* m_urlError;
    QLabel* m_urlNote;
    QLabel* m_tokenLabel;
    QLineEdit* m_tokenEdit;
    QLabel* m_publicUrlLabel;
    QLineEdit* m_publicUrlEdit;
    QToolButton* m_optionsToggle;
    QWidget* m_options;
    QLabel* m_caFileLabel;
    QLineEdit* m_caFileEdit;
    QToolButton* m_caFileBrowse;
    QLabel* m_addressLabel;
    QLineEdit* m_addressEdit;
    QFormLayout* m_form;
    bool m_tokenRequired = true;
    // problem()'s verdict on the CA file, kept while its path, size and modification time stay.
    mutable QString m_caFileKey;
    mutable QString m_caFileError;
};

} // namespace gjd
