// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonValue>
#include <QList>
#include <QRegularExpression>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

namespace gjd {

struct Report;

// How much of a troubleshooting export is removed before it leaves the machine. The ids are part
// of the manifest and of `--redact`: never rename.
enum class RedactionLevel
{
    Secrets,    // tokens, secrets, cookies, Authorization values: always gone
    Identities, // also host names, addresses, emails, account ids, user names → pseudonyms
};

QString redactionLevelId(RedactionLevel level);
std::optional<RedactionLevel> redactionLevelFromId(const QString& id);

inline const QString kRedacted = QStringLiteral("[REDACTED]");

// The second line of defence for secrets. The first is structural: tokens never enter the report
// model (HttpExchange writes "[REDACTED]" where a secret header went, and removes secret JSON
// fields and cookies from transcripts). This scrubber runs over every file of an export anyway and
// removes what looks like a credential: the values the run used (and their Base64/percent-encoded
// forms, as they would appear in an Authorization header or a URL), GitLab and Atlassian token
// formats, JWTs, secret headers and query parameters.
class SecretScrubber
{
public:
    explicit SecretScrubber(const QList<QByteArray>& knownSecrets = {});

    QString scrub(const QString& text) const;
    QByteArray scrub(const QByteArray& text) const;
    // Whether anything scrub() would remove is in the text.
    bool containsSecret(const QString& text) const;

private:
    QStringList m_literals; // longest first
};

// Replaces the identities in an export with stable pseudonyms (host-1, ip-1, email-1,
// account-1, user-1, org-1, ca-1), the same one for the same value in every file of one export.
//
//   learn(report)  ─ structural: the target's hosts, certificate names, the evidence's users,
//                    emails and account ids, then every text by pattern (host names, IPv4/IPv6,
//                    emails, Jira account ids, user fields of JSON bodies)
//   apply(text)    ─ every learned value replaced, longest first, case-insensitively
//
// Documented public facts stay: GitLab.com's and Atlassian's own hosts and published address
// ranges, check ids, file names, loopback addresses.
class Pseudonymizer
{
public:
    void learn(const Report& report);
    // serverText: text a server wrote (a transcript): host names may have capitals, and "name"
    // in a GitLab user object is a person's name; elsewhere "name" names tools and applications.
    void learnText(const QString& text, bool serverText);

    QString apply(const QString& text) const;
    QJsonValue apply(const QJsonValue& value) const;
    // Every text of the report, its transcripts included; PEMs are dropped (a certificate names
    // its hosts in binary form), and a transcript's personal fields (location, organization,
    // avatar…) are blanked. A user name is also replaced in the running text of the findings
    // that name it in their evidence ("Token of the administrator root"), and nowhere else as a
    // bare word: "root" is also a kind of certificate.
    void apply(Report& report) const;
    // Whether a host name, address, email or account id learned is still in the text (names that
    // are replaced only where they stand as values are not looked for).
    bool containsIdentity(const QString& text) const;
    // Those identities replaced in plain text.
    QString replaceIdentities(const QString& text) const;
    // How many values of a kind ("host", "ip", "email", "account", "user", "org", "ca", "name")
    // were replaced.
    int count(const QString& kind) const { return m_counts.value(kind); }
    bool isEmpty() const { return m_map.isEmpty(); }
    // False when the learned values could not be turned into patterns (far too many of them):
    // then nothing can be guaranteed, and the export must not be written.
    bool isUsable() const;

private:
    // Where a value is replaced: anywhere it stands as a whole word (host names with dots,
    // addresses, emails, account ids), or only where it stands as a value.
    enum class Context
    {
        Anywhere,
        UserValue,    // a JSON string, a path segment, an @mention
        NameValue,    // after O=, OU=, CN=, L=, ST=, DC=, UID= in a distinguished name
        HostInUrl,    // a host without dots: after ://, "Host: " or @
        ContextCount, // not a context
    };
    // Registers `forms` (as they appear in text) under one pseudonym of `kind`, keyed by `key`.
    QString add(const QString& kind, const QString& key, const QStringList& forms, Context context);
    void learnHost(const QString& host, bool known = false);
    void learnUser(const QString& name);
    void learnDistinguishedName(const QString& dn);
    void learnEvidence(const QJsonValue& value);
    void rebuild() const;
    QString replace(const QString& text, bool valuesToo) const;

    QHash<QString, QString> m_map;                              // canonical key → pseudonym
    QHash<QString, QString> m_forms;                            // lowercase form → pseudonym
    QList<QStringList> m_byContext{int(Context::ContextCount)}; // forms, per context
    QStringList m_users; // user and display names, for the findings' running text
    QHash<QString, int> m_counts;
    QSet<QString> m_reportIds; // check ids (and their prefixes) of the report: never hosts
    mutable QList<QList<QRegularExpression>> m_patterns; // per context, chunks of alternatives
    mutable bool m_dirty = true;
    mutable bool m_failed = false;
};

} // namespace gjd
