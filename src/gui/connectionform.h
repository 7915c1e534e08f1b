// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectioninput.h"

#include <QWidget>

class QCheckBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QToolButton;

namespace gjd {

// The connection form the setup wizard's first page and the diagnostics pane share: the instance
// URL, an administrator token, the public URL and, behind "Connection options", a private CA file
// (with a file chooser), an address to connect to instead of DNS's, and the proxy.
//
//   typing ──► changed() ──► problem(): buildRunOptions() on what is typed, the first problem
//                           said inline ("urlError"), a note when http:// is checked as https://
//   Enter in any field ──► submitted()
//
// The token lives in its line edit only: the form never stores it (no QSettings, no log, no
// clipboard); input() does not carry it.
//
// The proxy, as the CLI and curl take it (proxyconfig.h): an empty "Proxy server" is the
// environment's (HTTPS_PROXY, https_proxy, ALL_PROXY; its placeholder says which proxy that is,
// without user info), an empty "No proxy for" NO_PROXY's. Decisions:
// - "Connect directly, without a proxy" is a check box, not the CLI's `--proxy ""`: an empty field
//   already means "the environment's", an empty string cannot be seen in a line edit, and a magic
//   word ("none") is one more thing to learn. A ticked box reads at a glance and greys out the
//   fields it overrides.
// - The proxy's user name and password have their own fields ("Proxy login"), the password masked
//   like the token: a URL field cannot mask part of itself, and a password in clear ends up in
//   screenshots and shared screens. A URL typed or pasted with user info (as HTTPS_PROXY has it, or
//   as the 407 finding's remedy says) has it moved into those fields at once, so that what works
//   in curl works here too. The login lives in the line edits for the session only; input()
//   carries it (memory only) because the run needs it, and proxySecrets() keeps it out of exports.
//   After a run the pages hand it to uisettings::setProxyFields(), which keeps it in memory for
//   the fleet page (uisettings::sessionProxyLogin()).
// - What is remembered (uisettings::setProxyFields(), by the pages) is the proxy URL without user
//   info, the no-proxy list and the check box; the login never.
// Object names: "urlEdit", "urlError", "urlNote", "tokenEdit", "publicUrlEdit", "optionsToggle",
// "connectionOptions", "caFileEdit", "caFileBrowse", "addressEdit", "proxyEdit", "proxyUserEdit",
// "proxyPasswordEdit", "noProxyEdit", "proxyDirectCheck".
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
    QLineEdit* proxyEdit() const { return m_proxyEdit; }
    QLineEdit* proxyUserEdit() const { return m_proxyUserEdit; }
    QLineEdit* proxyPasswordEdit() const { return m_proxyPasswordEdit; }
    QLineEdit* noProxyEdit() const { return m_noProxyEdit; }
    QCheckBox* proxyDirectCheck() const { return m_proxyDirectCheck; }
    // The last field of the form in the tab order (for the page's order after it).
    QWidget* lastField() const;
    QToolButton* optionsToggle() const { return m_optionsToggle; }
    QToolButton* caFileBrowse() const { return m_caFileBrowse; }

    // The URL, public URL, CA file, address and proxy fields (the proxy login too) as typed; the
    // other fields are left empty.
    ConnectionInput input() const;
    // Fills the URL, public URL, CA file, address and proxy fields (user info in the proxy URL goes
    // to the login fields); shows the options when one of them is set.
    void setInput(const ConnectionInput& input);
    // The first field that cannot be used (translated, naming the field); empty when the form is
    // usable, and while the URL is still empty (nothing to complain about yet).
    QString problem() const;
    // A URL, no problem, and a token when `tokenRequired`.
    bool isComplete(bool tokenRequired) const;
    // Every field (not the options toggle) enabled or not, e.g. while a run uses them; the proxy
    // fields that "Connect directly" or an empty proxy server grey out stay greyed.
    void setFieldsEnabled(bool enabled);
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
    // The proxy URL's user info into the login fields, as soon as it is typed or pasted.
    void takeProxyUserInfo();
    void updateProxyPlaceholders();
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
    QLabel* m_proxyLabel;
    QLineEdit* m_proxyEdit;
    QLabel* m_proxyLoginLabel;
    QLineEdit* m_proxyUserEdit;
    QLineEdit* m_proxyPasswordEdit;
    QLabel* m_noProxyLabel;
    QLineEdit* m_noProxyEdit;
    QCheckBox* m_proxyDirectCheck;
    QFormLayout* m_form;
    bool m_tokenRequired = true;
    bool m_fieldsEnabled = true;
    // problem()'s verdict on the CA file, kept while its path, size and modification time stay.
    mutable QString m_caFileKey;
    mutable QString m_caFileError;
};

} // namespace gjd
