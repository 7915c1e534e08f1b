// SPDX-License-Identifier: GPL-3.0-or-later
#include "asyncpage.h"

#include "wizardcommon.h"

#include <QEvent>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>
#include <QWizard>

#include <memory>

namespace gjd::wizard {

AsyncPage::AsyncPage(WizardContext* context, QWidget* parent)
    : QWizardPage(parent)
    , m_busy(new QProgressBar(this))
    , m_message(wrappingLabel(this, "message"))
    , m_context(context)
{
    m_busy->setObjectName(QStringLiteral("busyIndicator"));
    m_busy->setRange(0, 0);
    m_busy->setTextVisible(false);
    m_busy->setMaximumHeight(8);
    m_busy->hide();
    m_message->hide();
    connect(context, &WizardContext::cancelRequested, this, [this] { cancel(); });
}

bool AsyncPage::isCurrent() const
{
    return !wizard() || wizard()->currentPage() == this;
}

void AsyncPage::setChecking(bool checking)
{
    m_checking = checking;
    m_busy->setVisible(checking);
    emit completeChanged();
}

void AsyncPage::setWriting(bool writing)
{
    m_writing = writing;
    setChecking(writing);
}

void AsyncPage::addStatusWidgets(QVBoxLayout* layout)
{
    layout->addWidget(m_busy);
    layout->addWidget(m_message);
}

void AsyncPage::showMessage(const QString& text, bool error)
{
    setMessage(m_message, text, error);
}

void AsyncPage::changeEvent(QEvent* event)
{
    QWizardPage::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
}

void AsyncPage::recallSecret(const QString& key, QLineEdit* field, std::function<QString()> currentKey)
{
    CredentialStore* store = m_context->store();
    if (!store)
        return;
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = connect(
        store, &CredentialStore::finished, this,
        [this, key, field, connection, currentKey](const CredentialStore::Result& r) {
            if (r.key != key || r.operation != CredentialStore::Operation::Read)
                return;
            disconnect(*connection);
            if (currentKey() != key)
                return; // the URL or the account changed while the keychain answered
            if (r.error == CredentialStore::Error::None && field->text().isEmpty())
                field->setText(QString::fromUtf8(r.secret));
            else if (r.error != CredentialStore::Error::NotFound && r.error != CredentialStore::Error::None)
                showMessage(tr("The saved token could not be read: %1").arg(r.message), true);
        });
    store->read(key);
}

void AsyncPage::rememberSecret(const QString& key, const QByteArray& secret, bool remember)
{
    CredentialStore* store = m_context->store();
    if (!store)
        return;
    if (!remember) {
        store->remove(key);
        return;
    }
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = connect(store, &CredentialStore::finished, this,
                          [this, key, connection](const CredentialStore::Result& r) {
                              if (r.key != key || r.operation != CredentialStore::Operation::Write)
                                  return;
                              disconnect(*connection);
                              if (r.error != CredentialStore::Error::None)
                                  showMessage(tr("The token was not remembered: %1 It is used for this "
                                                 "session only.")
                                                  .arg(r.message),
                                              true);
                          });
    store->write(key, secret);
}

void AsyncPage::advance()
{
    m_passed = true;
    emit completeChanged();
    QTimer::singleShot(0, this, [this] {
        if (wizard() && wizard()->currentPage() == this)
            wizard()->next();
    });
}

WriteButton::WriteButton(QWidget* parent, const char* name)
    : QPushButton(parent)
{
    setObjectName(QString::fromLatin1(name));
    setAutoDefault(false);
    setEnabled(false);
    connect(this, &QPushButton::clicked, this, [this] {
        if (!m_armed)
            return;
        // Disarmed before anything else: the second click of a double click finds it disabled.
        setArmed(false);
        emit writeRequested();
    });
}

void WriteButton::setArmed(bool armed)
{
    m_armed = armed;
    setEnabled(armed);
}

} // namespace gjd::wizard
