// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QObject>
#include <QString>

namespace gjd {

// Where secrets (the GitLab token, the Jira API token) are kept between runs. Asynchronous:
// every call answers with exactly one finished() signal, in call order. Implementations never
// fall back to plain text: a store that cannot keep a secret says so, and the caller offers not
// to remember it.
class CredentialStore : public QObject
{
    Q_OBJECT

public:
    enum class Operation
    {
        Read,
        Write,
        Remove
    };
    Q_ENUM(Operation)
    enum class Error
    {
        None,
        NotFound,    // nothing saved under this key: not a failure
        Unavailable, // no keychain here (no Secret Service, locked and no prompt possible…)
        Denied,      // the user or the system refused access
        Other,
    };
    Q_ENUM(Error)

    struct Result
    {
        Operation operation = Operation::Read;
        QString key;
        Error error = Error::None;
        QString message;   // translated, one line; empty on success
        QByteArray secret; // Read only
    };

    using QObject::QObject;

    // Keys: one entry per GitLab instance URL and per Jira site + email.
    static QString gitlabTokenKey(const QString& instanceUrl);
    static QString jiraTokenKey(const QString& site, const QString& email);

    virtual void read(const QString& key) = 0;
    virtual void write(const QString& key, const QByteArray& secret) = 0;
    virtual void remove(const QString& key) = 0;

signals:
    void finished(const gjd::CredentialStore::Result& result);
};

// For unit tests and for "do not remember": secrets live in this object only. A failure can be
// injected to exercise callers' error paths.
class MemoryCredentialStore final : public CredentialStore
{
    Q_OBJECT

public:
    using CredentialStore::CredentialStore;

    void read(const QString& key) override;
    void write(const QString& key, const QByteArray& secret) override;
    void remove(const QString& key) override;

    void failNext(Error error, const QString& message) { m_failure = {error, message}; }
    int size() const { return int(m_secrets.size()); }

private:
    void answer(Result result);
    QHash<QString, QByteArray> m_secrets;
    std::pair<Error, QString> m_failure{Error::None, QString()};
};

} // namespace gjd

Q_DECLARE_METATYPE(gjd::CredentialStore::Result)
