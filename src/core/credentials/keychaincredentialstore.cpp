// SPDX-License-Identifier: GPL-3.0-or-later
#include "keychaincredentialstore.h"

#include <QLoggingCategory>
#include <QTimer>

#include <qt6keychain/keychain.h>

Q_LOGGING_CATEGORY(lcKeychain, "gjd.keychain", QtInfoMsg)

namespace gjd {

KeychainCredentialStore::KeychainCredentialStore(QObject* parent)
    : CredentialStore(parent)
{
}

KeychainCredentialStore::~KeychainCredentialStore() = default;

QString KeychainCredentialStore::serviceName()
{
    return QStringLiteral(GJD_APP_ID);
}

QString KeychainCredentialStore::backendName()
{
#if defined(Q_OS_MACOS)
    return tr("macOS Keychain");
#elif defined(Q_OS_WIN)
    return tr("Windows Credential Manager");
#else
    return tr("Secret Service over D-Bus");
#endif
}

QString KeychainCredentialStore::unreachable(const QString& backendError)
{
#if defined(Q_OS_MACOS) || defined(Q_OS_WIN)
    return tr("The keychain (%1) cannot be reached: %2.").arg(backendName(), backendError);
#else
    // QtKeychain passes on what libsecret or D-Bus said; which session bus it tried (or that there
    // is none, as on a server, over ssh or in a CI job) is what explains it.
    const QString bus = qEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS");
    const QString why = bus.isEmpty()
                            ? tr("there is no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is not set)")
                            : tr("%1 (D-Bus session bus %2)").arg(backendError, bus);
    return tr("The keychain (%1) cannot be reached: %2. It needs a Secret Service such as GNOME Keyring or "
              "KWallet, running in the user's desktop session.")
        .arg(backendName(), why);
#endif
}

void KeychainCredentialStore::read(const QString& key)
{
    enqueue({Operation::Read, key, QByteArray()});
}

void KeychainCredentialStore::write(const QString& key, const QByteArray& secret)
{
    enqueue({Operation::Write, key, secret});
}

void KeychainCredentialStore::remove(const QString& key)
{
    enqueue({Operation::Remove, key, QByteArray()});
}

void KeychainCredentialStore::enqueue(Pending pending)
{
    m_queue.enqueue(std::move(pending));
    if (!m_busy)
        QTimer::singleShot(0, this, &KeychainCredentialStore::startNext);
}

void KeychainCredentialStore::startNext()
{
    if (m_busy || m_queue.isEmpty())
        return;
    m_busy = true;
    const Pending pending = m_queue.dequeue();
    QKeychain::Job* job = nullptr;
    switch (pending.operation) {
    case Operation::Read:
        job = new QKeychain::ReadPasswordJob(serviceName(), this);
        break;
    case Operation::Write: {
        auto* write = new QKeychain::WritePasswordJob(serviceName(), this);
        write->setBinaryData(pending.secret);
        job = write;
        break;
    }
    case Operation::Remove:
        job = new QKeychain::DeletePasswordJob(serviceName(), this);
        break;
    }
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // never plain text
    job->setKey(pending.key);
    const Operation operation = pending.operation;
    const QString key = pending.key;
    connect(job, &QKeychain::Job::finished, this, [this, operation, key](QKeychain::Job* finishedJob) {
        Result result;
        result.operation = operation;
        result.key = key;
        switch (finishedJob->error()) {
        case QKeychain::NoError:
            if (operation == Operation::Read)
                result.secret = static_cast<QKeychain::ReadPasswordJob*>(finishedJob)->binaryData();
            break;
        case QKeychain::EntryNotFound:
            result.error = Error::NotFound;
            break;
        case QKeychain::AccessDeniedByUser:
        case QKeychain::AccessDenied:
            result.error = Error::Denied;
            result.message = tr("Access to the keychain was denied.");
            break;
        case QKeychain::NoBackendAvailable:
        case QKeychain::NotImplemented:
        case QKeychain::OtherError:
            // On Linux a missing session bus or Secret Service shows up as OtherError.
            result.error = Error::Unavailable;
            result.message = unreachable(finishedJob->errorString());
            break;
        case QKeychain::CouldNotDeleteEntry:
            result.error = Error::Other;
            result.message = tr("The keychain (%1) could not delete the entry: %2.")
                                 .arg(backendName(), finishedJob->errorString());
            break;
        }
        // The message says it all to the user; the backend's own words only for a debug log
        // (QT_LOGGING_RULES="gjd.keychain.debug=true").
        if (result.error != Error::None && result.error != Error::NotFound)
            qCDebug(lcKeychain) << "keychain" << operation << "failed:" << finishedJob->errorString();
        m_busy = false;
        emit finished(result);
        startNext();
    });
    job->start();
}

} // namespace gjd
