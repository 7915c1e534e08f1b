// SPDX-License-Identifier: GPL-3.0-or-later
#include "credentialstore.h"

#include <QTimer>
#include <QUrl>

namespace gjd {

QString CredentialStore::gitlabTokenKey(const QString& instanceUrl)
{
    return QStringLiteral("gitlab-token:") + instanceUrl;
}

QString CredentialStore::jiraTokenKey(const QString& site, const QString& email)
{
    return QStringLiteral("jira-token:") + email.toLower() + QLatin1Char('@') + site;
}

void MemoryCredentialStore::answer(Result result)
{
    if (m_failure.first != Error::None) {
        result.error = m_failure.first;
        result.message = m_failure.second;
        result.secret.clear();
        m_failure = {Error::None, QString()};
    } else if (result.operation == Operation::Write) {
        m_secrets.insert(result.key, result.secret);
        result.secret.clear();
    } else if (result.operation == Operation::Remove) {
        if (!m_secrets.remove(result.key))
            result.error = Error::NotFound;
    } else {
        const auto it = m_secrets.constFind(result.key);
        if (it == m_secrets.constEnd())
            result.error = Error::NotFound;
        else
            result.secret = *it;
    }
    // Asynchronous like a real keychain: callers connect after calling.
    QTimer::singleShot(0, this, [this, result] { emit finished(result); });
}

void MemoryCredentialStore::read(const QString& key)
{
    answer({Operation::Read, key, Error::None, QString(), QByteArray()});
}

void MemoryCredentialStore::write(const QString& key, const QByteArray& secret)
{
    answer({Operation::Write, key, Error::None, QString(), secret});
}

void MemoryCredentialStore::remove(const QString& key)
{
    answer({Operation::Remove, key, Error::None, QString(), QByteArray()});
}

} // namespace gjd
