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
        case QKeychain::CouldNotDeleteEntry:
            // On Linux a missing or locked Secret Service shows up as OtherError.
            result.error =
                finishedJob->error() == QKeychain::CouldNotDeleteEntry ? Error::Other : Error::Unavailable;
            result.message =
                tr("The keychain is not available (%1). Start a Secret Service such as GNOME Keyring or "
                   "KWallet, or choose not to remember the token.")
                    .arg(finishedJob->errorString());
            break;
        }
        if (result.error != Error::None && result.error != Error::NotFound)
            qCInfo(lcKeychain) << "keychain" << operation << "failed:" << finishedJob->errorString();
        m_busy = false;
        emit finished(result);
        startNext();
    });
    job->start();
}

} // namespace gjd
