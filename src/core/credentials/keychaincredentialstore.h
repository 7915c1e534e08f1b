// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "credentialstore.h"

#include <QQueue>

namespace gjd {

// The operating system's keychain through QtKeychain (Secret Service on Linux, Keychain on macOS,
// the Credential Manager on Windows), service = the application's reverse-DNS id. Jobs run one
// at a time (QtKeychain's backends do not like concurrent writes); no insecure fallback.
class KeychainCredentialStore final : public CredentialStore
{
    Q_OBJECT

public:
    explicit KeychainCredentialStore(QObject* parent = nullptr);
    ~KeychainCredentialStore() override;

    static QString serviceName();
    // The keychain QtKeychain uses here, as users know it ("Secret Service over D-Bus" on Linux).
    static QString backendName();

    void read(const QString& key) override;
    void write(const QString& key, const QByteArray& secret) override;
    void remove(const QString& key) override;

private:
    struct Pending
    {
        Operation operation;
        QString key;
        QByteArray secret;
    };
    void enqueue(Pending pending);
    void startNext();
    // Error::Unavailable's message: which keychain cannot be reached, and why.
    static QString unreachable(const QString& backendError);

    QQueue<Pending> m_queue;
    bool m_busy = false;
};

} // namespace gjd
