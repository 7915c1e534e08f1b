// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "finding.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QUrl>

namespace gjd {

// The instance URL as an admin types it, normalised the way the GitLab for Jira Cloud app needs it:
// https, lowercase ASCII (punycode) host, explicit port only when not 443, the relative root
// ("/gitlab") kept, and no trailing slash.
class InstanceUrl
{
    Q_DECLARE_TR_FUNCTIONS(gjd::InstanceUrl)

public:
    struct Note
    {
        Status status; // Info or Warn
        QString code;  // stable, for tests and evidence: "http-given", "trailing-slash", ...
        QString text;  // translated, one line
    };

    static InstanceUrl parse(const QString& input);

    bool isValid() const { return m_error.isEmpty() && !m_host.isEmpty(); }
    QString error() const { return m_error; }         // translated, one line; empty when valid
    QString errorCode() const { return m_errorCode; } // stable
    QList<Note> notes() const { return m_notes; }

    QString input() const { return m_input; }
    QString host() const { return m_host; }           // ASCII; IPv6 without brackets
    QString inputHost() const { return m_inputHost; } // as typed (Unicode for IDN)
    quint16 port() const { return m_port; }           // effective port
    QString path() const { return m_path; }           // relative root, "" or "/gitlab"
    QString toString() const;                         // https://host[:port][/root]
    QUrl toUrl() const { return QUrl(toString()); }
    QString hostAndPort() const; // host[:port], brackets for IPv6

private:
    QString m_input;
    QString m_error;
    QString m_errorCode;
    QList<Note> m_notes;
    QString m_host;
    QString m_inputHost;
    quint16 m_port = 443;
    QString m_path;
};

} // namespace gjd
