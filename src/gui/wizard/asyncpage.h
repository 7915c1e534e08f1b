// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "wizardcontext.h"

#include <QPushButton>

#include <QWizardPage>
#include <functional>

class QLabel;
class QLineEdit;
class QProgressBar;
class QVBoxLayout;

namespace gjd::wizard {

// Base of the wizard's pages: the shared context, a busy bar, an inline message, the "checking"
// flag, its own language change and cancellation.
//
// The wizard contract (style.md): validatePage() may start a read-only check and return false;
// isComplete() is false while anything runs, so Next is disabled and a second click does nothing.
// Writes to GitLab never hang on Next: a page that writes has a button of its own with a verb
// (WriteButton), enabled only while the page shows what will be written.
class AsyncPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit AsyncPage(WizardContext* context, QWidget* parent = nullptr);

    bool isComplete() const override { return !m_checking && ready(); }
    bool isChecking() const { return m_checking; }
    // A write to GitLab runs: the wizard disables Back until it ends, so its result always reaches
    // the page that started it.
    bool isWriting() const { return m_writing; }
    WizardContext* context() const { return m_context; }
    // The page's texts in the current language (called on LanguageChange and once at the start).
    virtual void retranslate() = 0;
    // Stops what the page runs (the wizard's Cancel; the context's cancelRequested()).
    virtual void cancel() {}

protected:
    virtual bool ready() const { return true; }
    // True when the page is the one the wizard shows (or when it stands alone, in tests).
    bool isCurrent() const;
    void setChecking(bool checking);
    // setChecking() for a write (see isWriting()).
    void setWriting(bool writing);
    void addStatusWidgets(QVBoxLayout* layout);
    void showMessage(const QString& text, bool error);
    void changeEvent(QEvent* event) override;

    // Fills `field` with the secret saved under `key`, if any (asynchronous; a failure is said).
    // `currentKey` says which key the page's fields stand for when the answer comes: a secret
    // saved for another URL or account is dropped, never put under this one.
    void recallSecret(const QString& key, QLineEdit* field, std::function<QString()> currentKey);
    // Saves (or, when the admin does not want it remembered, removes) the secret under `key`.
    // A keychain that cannot keep it is said; the secret is then used for this session only.
    void rememberSecret(const QString& key, const QByteArray& secret, bool remember);
    // Moves on once a read-only check passed (validatePage() answers true now). Queued: a job may
    // finish inside validatePage(), and QWizard::next() must not re-enter itself.
    void advance();

    QProgressBar* m_busy;
    QLabel* m_message;
    bool m_checking = false;
    bool m_writing = false;
    bool m_passed = false;

private:
    WizardContext* m_context;
};

// The button of a page that writes to GitLab. One click starts one write: the button is disabled
// at once and stays so until the page enables it again for a new plan (setArmed), so a double or
// triple click cannot write twice, and nothing else on the page writes.
class WriteButton final : public QPushButton
{
    Q_OBJECT

public:
    explicit WriteButton(QWidget* parent, const char* name);
    // Enabled (armed) only while the page shows the plan it would write.
    void setArmed(bool armed);
    bool isArmed() const { return m_armed; }

signals:
    void writeRequested();

private:
    bool m_armed = false;
};

} // namespace gjd::wizard
