// SPDX-License-Identifier: GPL-3.0-or-later
#include "redaction.h"

#include "checks/check.h"
#include "http/httpexchange.h"
#include "probes/probecatalogue.h"
#include "report.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QUrl>

#include <algorithm>

namespace gjd {

QString redactionLevelId(RedactionLevel level)
{
    return level == RedactionLevel::Identities ? QStringLiteral("identities") : QStringLiteral("secrets");
}

std::optional<RedactionLevel> redactionLevelFromId(const QString& id)
{
    if (id == QLatin1String("secrets"))
        return RedactionLevel::Secrets;
    if (id == QLatin1String("identities"))
        return RedactionLevel::Identities;
    return std::nullopt;
}

// ---------------------------------------------------------------------------------------------
// Secrets

namespace {

struct SecretPattern
{
    QRegularExpression re;
    QString replacement;
};

const QList<SecretPattern>& secretPatterns()
{
    static const QList<SecretPattern> patterns = [] {
        using RE = QRegularExpression;
        const auto opts = RE::CaseInsensitiveOption | RE::MultilineOption;
        return QList<SecretPattern>{
            // Header lines of a transcript, whatever their value.
            {RE(QStringLiteral(
                    "^((?:authorization|proxy-authorization|private-token|job-token|"
                    "x-gitlab-token|cookie|set-cookie)[ \\t]*:[ \\t]*)(?![ \\t]*\\[REDACTED\\][ \\t]*\\r?$)"
                    "[^\\r\\n]+"),
                opts),
             QStringLiteral("\\1[REDACTED]")},
            // GitLab's token formats (personal, OAuth application secret, deploy, runner, feed…).
            {RE(QStringLiteral("\\bgl(?:pat|oas|dt|rt|cbt|ptt|ft|imt|agt|soat|ffct|sst|wt)-[0-9A-Za-z_-]{"
                               "16,}")),
             kRedacted},
            // Runner registration tokens.
            {RE(QStringLiteral("\\bGR1348941[0-9A-Za-z_-]{16,}")), kRedacted},
            // Credentials in a URL's user info (https://user:password@host/).
            {RE(QStringLiteral("([A-Za-z][A-Za-z0-9+.-]*://)[^/@\\s\"'<>]+@")),
             QStringLiteral("\\1[REDACTED]@")},
            // Atlassian API and OAuth tokens (ATATT…, ATCTT…, ATOAT…).
            {RE(QStringLiteral("\\bAT[A-Z]{3}T[0-9A-Za-z_=-]{16,}")), kRedacted},
            // JWTs (Jira Connect's lifecycle and install tokens, OAuth id tokens).
            {RE(QStringLiteral("\\beyJ[A-Za-z0-9_-]{4,}\\.eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*")),
             kRedacted},
            // Credentials in query strings.
            {RE(QStringLiteral("([?&#;](?:access_token|private_token|refresh_token|id_token|client_secret|"
                               "jwt|token|code|secret|password|x-amz-security-token|x-amz-signature|"
                               "signature|sig)=)[^&#;\\s\"'<>]+"),
                RE::CaseInsensitiveOption),
             QStringLiteral("\\1[REDACTED]")},
            // Credentials after an auth scheme; Base64 with at least one digit or +/= so that
            // "Basic authentication" stays prose.
            {RE(QStringLiteral(
                 "\\b(Bearer|Basic)[ \\t]+(?=[A-Za-z0-9+/=._~-]*[0-9+/=])[A-Za-z0-9+/=._~-]{8,}")),
             QStringLiteral("\\1 [REDACTED]")},
        };
    }();
    return patterns;
}

} // namespace

SecretScrubber::SecretScrubber(const QList<QByteArray>& knownSecrets)
{
    QSet<QString> literals;
    for (const QByteArray& secret : knownSecrets) {
        // Shorter values would match ordinary words; no real token is that short.
        if (secret.trimmed().size() < 6)
            continue;
        literals.insert(QString::fromUtf8(secret));
        literals.insert(QString::fromLatin1(secret.toBase64()));
        literals.insert(QString::fromLatin1(secret.toBase64(QByteArray::OmitTrailingEquals)));
        literals.insert(QString::fromLatin1(secret.toPercentEncoding()));
    }
    m_literals = QStringList(literals.cbegin(), literals.cend());
    std::sort(m_literals.begin(), m_literals.end(),
              [](const QString& a, const QString& b) { return a.size() > b.size(); });
}

QString SecretScrubber::scrub(const QString& text) const
{
    QString out = text;
    for (const QString& literal : m_literals)
        out.replace(literal, kRedacted);
    for (const SecretPattern& p : secretPatterns())
        out.replace(p.re, p.replacement);
    if (out.contains(QLatin1Char('"')))
        out = QString::fromUtf8(HttpExchange::redactSecretFields(out.toUtf8()));
    return out;
}

QByteArray SecretScrubber::scrub(const QByteArray& text) const
{
    return scrub(QString::fromUtf8(text)).toUtf8();
}

bool SecretScrubber::containsSecret(const QString& text) const
{
    return scrub(text) != text;
}

// ---------------------------------------------------------------------------------------------
// Identities

namespace {

// Hosts of the services the integration talks to: documented facts, not the customer's.
bool isPublicServiceHost(const QString& host)
{
    static const QStringList domains{
        QStringLiteral("gitlab.com"),      QStringLiteral("gitlab.net"),      QStringLiteral("atlassian.com"),
        QStringLiteral("atl-paas.net"),    QStringLiteral("atlassian.io"),    QStringLiteral("nginx.org"),
        QStringLiteral("letsencrypt.org"), QStringLiteral("json-schema.org"), QStringLiteral("w3.org"),
        QStringLiteral("example.invalid"),
    };
    for (const QString& d : domains) {
        if (host == d || host.endsWith(QLatin1Char('.') + d))
            return true;
    }
    // The bare Jira Cloud domain; a site under it (acme.atlassian.net) is the customer's.
    return host == QLatin1String("atlassian.net");
}

// Dotted words that look like host names but are file names, check ids or probe ids.
bool isNotAHost(const QString& candidate)
{
    static const QSet<QString> extensions{
        QStringLiteral("json"), QStringLiteral("txt"),  QStringLiteral("pem"), QStringLiteral("md"),
        QStringLiteral("html"), QStringLiteral("htm"),  QStringLiteral("js"),  QStringLiteral("css"),
        QStringLiteral("png"),  QStringLiteral("svg"),  QStringLiteral("rb"),  QStringLiteral("yml"),
        QStringLiteral("yaml"), QStringLiteral("xml"),  QStringLiteral("zip"), QStringLiteral("crt"),
        QStringLiteral("key"),  QStringLiteral("cer"),  QStringLiteral("sh"),  QStringLiteral("conf"),
        QStringLiteral("log"),  QStringLiteral("csr"),  QStringLiteral("der"), QStringLiteral("p12"),
        QStringLiteral("pfx"),  QStringLiteral("tar"),  QStringLiteral("gz"),  QStringLiteral("deb"),
        QStringLiteral("rpm"),  QStringLiteral("cpp"),  QStringLiteral("h"),   QStringLiteral("ts"),
        QStringLiteral("qm"),   QStringLiteral("toml"), QStringLiteral("ini"), QStringLiteral("exe"),
    };
    static const QSet<QString> ids = [] {
        QSet<QString> set;
        for (const auto& c : catalogue()) {
            set.insert(c->id());
            const QStringList parts = c->id().split(QLatin1Char('.'));
            for (int n = 2; n < parts.size(); ++n)
                set.insert(parts.mid(0, n).join(QLatin1Char('.')));
        }
        for (const ProbeSpec& p : probeCatalogue())
            set.insert(p.id);
        return set;
    }();
    if (ids.contains(candidate))
        return true;
    const QString last = candidate.section(QLatin1Char('.'), -1);
    return extensions.contains(last);
}

// Host names: in our own text lowercase only (QUrl folds hosts, while "ApplicationSetting.current"
// in a Rails snippet is not a host); in a server's text any case ("DB01.ACME.LOCAL" in an error page).
const QRegularExpression& hostPattern(bool anyCase)
{
    static const QString pattern = QStringLiteral(
        "(?<![A-Za-z0-9_.@-])((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]*[a-z0-9])"
        "(?![A-Za-z0-9_@-]|\\.[A-Za-z0-9])");
    static const QRegularExpression lower(pattern);
    static const QRegularExpression any(pattern, QRegularExpression::CaseInsensitiveOption);
    return anyCase ? any : lower;
}

const QRegularExpression& ipv4Pattern()
{
    static const QRegularExpression re(
        QStringLiteral("(?<![0-9.])((?:[0-9]{1,3}\\.){3}[0-9]{1,3})(?![0-9]|\\.[0-9]|/[0-9])"));
    return re;
}

const QRegularExpression& ipv6Pattern()
{
    static const QRegularExpression re(
        QStringLiteral("(?<![\\w:.])((?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4})(?![\\w:]|/[0-9])"));
    return re;
}

const QRegularExpression& emailPattern()
{
    static const QRegularExpression re(QStringLiteral(
        "(?<![A-Za-z0-9._%+-])([A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,})"));
    return re;
}

const QRegularExpression& accountIdPattern()
{
    // Jira Cloud account ids: "557058:<uuid>" (and "qm:<uuid>:<uuid>" for customers).
    static const QRegularExpression re(
        QStringLiteral("(?<![0-9A-Za-z])((?:[0-9]{6}|qm:[0-9a-f-]{36}):[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-["
                       "0-9a-f]{4}-[0-9a-f]{12})"
                       "(?![0-9A-Za-z])"));
    return re;
}

// JSON fields that hold an identity; matched in transcripts, whose bodies may be cut short.
const QRegularExpression& identityFieldPattern()
{
    static const QRegularExpression re(QStringLiteral(
        "\"(username|user_name|login|display_name|displayName|public_name|accountId|account_id|"
        "emailAddress|email|public_email|commit_email|name)\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.){1,200})\""));
    return re;
}

// Fields of GitLab's and Jira's user objects that say who someone is beyond their name: blanked in
// transcripts at the identities level (an avatar URL holds a hash of the email address).
const QRegularExpression& personalFieldPattern()
{
    static const QRegularExpression re(QStringLiteral(
        "(\"(?:extern_uid|location|organization|job_title|bio|pronouns|linkedin|twitter|skype|discord|"
        "mastodon|website_url|work_information|avatar_url|avatarUrl|timeZone|local_time)\"\\s*:\\s*\")"
        "(?:[^\"\\\\]|\\\\.)*\""));
    return re;
}

// The user part of a home folder in a path (/home/jdoe/…, C:\\Users\\jdoe\\…).
const QRegularExpression& homeFolderPattern()
{
    static const QRegularExpression re(
        QStringLiteral("(?:/home/|/Users/|[A-Za-z]:\\\\{1,2}Users\\\\{1,2})([^/\\\\\\s\"]{1,64})"));
    return re;
}

bool isIdentityAddress(const QHostAddress& address)
{
    if (address.isNull() || address.isLoopback() || address == QHostAddress(QHostAddress::AnyIPv4) ||
        address == QHostAddress(QHostAddress::AnyIPv6))
        return false;
    // GitLab.com's published egress ranges (reference/gitlab.md): documentation, not the customer.
    for (const auto& [net, prefix] :
         {std::pair{QStringLiteral("34.74.90.64"), 28}, std::pair{QStringLiteral("34.74.226.0"), 24}}) {
        if (address.isInSubnet(QHostAddress(net), prefix))
            return false;
    }
    return true;
}

// Every match's first group replaced by its pseudonym (looked up by its lowercase form).
QString replaceMatches(const QString& in, const QRegularExpression& re, const QHash<QString, QString>& forms)
{
    QString result;
    qsizetype last = 0;
    for (auto it = re.globalMatch(in); it.hasNext();) {
        const auto m = it.next();
        result += QStringView(in).mid(last, m.capturedStart(1) - last);
        result += forms.value(m.captured(1).toLower(), m.captured(1));
        last = m.capturedEnd(1);
    }
    if (last == 0)
        return in;
    result += QStringView(in).mid(last);
    return result;
}

// A pattern for each context, around the alternatives "%1".
QString contextPattern(int context)
{
    switch (context) {
    case 0: // Anywhere: as a whole; also right after a percent-encoded character ("%2F%2Fhost").
        return QStringLiteral(
            "(?:(?<![A-Za-z0-9_@%+])|(?<=%[0-9A-Fa-f]{2}))(%1)(?![A-Za-z0-9_@-]|\\.[A-Za-z0-9])");
    case 1: // UserValue
        return QStringLiteral("(?<=[\"/@\\\\])(%1)(?=[\"/?#\\s\\\\]|$)");
    case 2: // NameValue
        return QStringLiteral("(?<=O=|OU=|CN=|L=|ST=|DC=|UID=)(%1)(?=[,+/\"\\s]|$)");
    default: // HostInUrl
        return QStringLiteral("(?<=://|Host: |@)(%1)(?=[:/?#\\s\"]|$)");
    }
}

constexpr int kAlternativesPerPattern = 64;

} // namespace

QString Pseudonymizer::add(const QString& kind, const QString& key, const QStringList& forms, Context context)
{
    QString pseudonym = m_map.value(key);
    if (pseudonym.isEmpty()) {
        pseudonym = QStringLiteral("%1-%2").arg(kind).arg(++m_counts[kind]);
        m_map.insert(key, pseudonym);
    }
    QStringList all = forms;
    // The same value as it appears in a URL ("557058%3A…", "jane%40example.com").
    for (const QString& form : forms)
        all.append(QString::fromLatin1(QUrl::toPercentEncoding(form, "/")));
    for (const QString& form : std::as_const(all)) {
        const QString lower = form.toLower();
        if (form.isEmpty() || m_forms.contains(lower))
            continue;
        m_forms.insert(lower, pseudonym);
        m_byContext[int(context)].append(form);
        m_dirty = true;
    }
    return pseudonym;
}

void Pseudonymizer::learnHost(const QString& raw, bool known)
{
    QString host = raw.trimmed().toLower();
    if (host.startsWith(QLatin1String("*.")))
        host = host.mid(2);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    while (host.endsWith(QLatin1Char('.'))) // the root label: "gitlab.example.com." is the same host
        host.chop(1);
    if (host.isEmpty())
        return;
    const QHostAddress address(host);
    if (!address.isNull()) {
        // One pseudonym for every way of writing the address (2001:db8::5, 2001:0db8:0:0:0:0:0:5).
        if (isIdentityAddress(address))
            add(QStringLiteral("ip"), address.toString().toLower(), {host, address.toString()},
                Context::Anywhere);
        return;
    }
    // A manually installed app's key names the instance ("gitlab-jira-connect-<host>"): keep the
    // prefix readable, hide the host.
    static const QString connectKey = QStringLiteral("gitlab-jira-connect-");
    if (host.startsWith(connectKey))
        host = host.mid(connectKey.size());
    if (isPublicServiceHost(host))
        return;
    // The instance's own names are hosts whatever they look like ("gitlab.acme.sh", an intranet
    // "gitlab"); guessed ones must look like host names and not like file names or check ids.
    if (!known && (!host.contains(QLatin1Char('.')) || isNotAHost(host) || m_reportIds.contains(host)))
        return;
    add(QStringLiteral("host"), host, {host},
        host.contains(QLatin1Char('.')) ? Context::Anywhere : Context::HostInUrl);
}

void Pseudonymizer::learnUser(const QString& name)
{
    const QString trimmed = name.trimmed();
    // One- and two-letter names would be replaced inside ordinary words of the evidence.
    if (trimmed.size() < 3 || m_forms.contains(trimmed.toLower()))
        return;
    add(QStringLiteral("user"), QStringLiteral("user:") + trimmed.toLower(), {trimmed}, Context::UserValue);
    m_users.append(trimmed);
}

void Pseudonymizer::learnDistinguishedName(const QString& dn)
{
    // RFC 4514: attribute=value pairs separated by unescaped commas.
    static const QRegularExpression pair(QStringLiteral("(?:^|,)\\s*([A-Za-z0-9.]+)=((?:[^,\\\\]|\\\\.)*)"));
    for (auto it = pair.globalMatch(dn); it.hasNext();) {
        const auto m = it.next();
        const QString attribute = m.captured(1).toUpper();
        const QString value = m.captured(2).trimmed();
        if (value.isEmpty())
            continue;
        const bool hostLike = value.contains(QLatin1Char('.')) && !value.contains(QLatin1Char(' '));
        if (attribute == QLatin1String("CN") && hostLike) {
            learnHost(value);
        } else if (attribute == QLatin1String("EMAILADDRESS")) {
            add(QStringLiteral("email"), value.toLower(), {value}, Context::Anywhere);
        } else if (!m_forms.contains(value.toLower())) {
            // A private CA's name says whose it is ("Acme Corp Issuing CA"); so do the
            // organization, the place and an Active Directory domain.
            const QString kind = attribute == QLatin1String("CN") ? QStringLiteral("ca")
                                 : attribute == QLatin1String("O") || attribute == QLatin1String("OU")
                                     ? QStringLiteral("org")
                                 : attribute == QLatin1String("UID") ? QStringLiteral("user")
                                                                     : QStringLiteral("name");
            if (QStringList{QStringLiteral("CN"), QStringLiteral("O"), QStringLiteral("OU"),
                            QStringLiteral("L"), QStringLiteral("ST"), QStringLiteral("DC"),
                            QStringLiteral("UID")}
                    .contains(attribute))
                add(kind, kind + QLatin1Char(':') + value.toLower(), {value}, Context::NameValue);
        }
    }
}

void Pseudonymizer::learnText(const QString& text, bool serverText)
{
    for (auto it = emailPattern().globalMatch(text); it.hasNext();) {
        const QString email = it.next().captured(1);
        add(QStringLiteral("email"), email.toLower(), {email}, Context::Anywhere);
    }
    for (auto it = accountIdPattern().globalMatch(text); it.hasNext();) {
        const QString id = it.next().captured(1);
        add(QStringLiteral("account"), id.toLower(), {id}, Context::Anywhere);
    }
    for (auto it = identityFieldPattern().globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        const QString field = m.captured(1);
        const QString value = m.captured(2);
        if (field == QLatin1String("accountId") || field == QLatin1String("account_id"))
            add(QStringLiteral("account"), value.toLower(), {value}, Context::Anywhere);
        else if (field.contains(QLatin1String("mail")))
            add(QStringLiteral("email"), value.toLower(), {value}, Context::Anywhere);
        else if (field != QLatin1String("name"))
            learnUser(value);
        else if (serverText && text.contains(QLatin1String("\"username\"")))
            learnUser(value); // a GitLab user object: "name" is the person's name
    }
    for (auto it = homeFolderPattern().globalMatch(text); it.hasNext();)
        learnUser(it.next().captured(1));
    for (auto it = hostPattern(serverText).globalMatch(text); it.hasNext();)
        learnHost(it.next().captured(1));
    for (auto it = ipv4Pattern().globalMatch(text); it.hasNext();) {
        const QString candidate = it.next().captured(1);
        if (QHostAddress(candidate).protocol() == QAbstractSocket::IPv4Protocol)
            learnHost(candidate);
    }
    static const QRegularExpression digit(QStringLiteral("[0-9]"));
    for (auto it = ipv6Pattern().globalMatch(text); it.hasNext();) {
        const QString candidate = it.next().captured(1);
        const QHostAddress address(candidate);
        // Real addresses have a digit somewhere (2001:…, fe80::1); "cafe::beef" is code.
        if (address.protocol() == QAbstractSocket::IPv6Protocol && candidate.contains(digit) &&
            (candidate.contains(QLatin1String("::")) || candidate.count(QLatin1Char(':')) == 7))
            learnHost(candidate);
    }
}

void Pseudonymizer::learnEvidence(const QJsonValue& value)
{
    if (value.isString()) {
        const QString s = value.toString();
        if (s.contains(QLatin1String("CN=")) || s.contains(QLatin1String("O=")))
            learnDistinguishedName(s);
    } else if (value.isArray()) {
        for (const QJsonValue& v : value.toArray())
            learnEvidence(v);
    } else if (value.isObject()) {
        const QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            learnEvidence(it.value());
    }
}

void Pseudonymizer::learn(const Report& report)
{
    // The report's own check ids, also those of a newer version this one does not know
    // ("proxy.reachable" is not a host).
    for (const Finding& f : report.checks) {
        const QStringList parts = f.id.split(QLatin1Char('.'));
        for (int n = 2; n <= parts.size(); ++n)
            m_reportIds.insert(parts.mid(0, n).join(QLatin1Char('.')));
    }
    // Structural first, so that the instance is host-1 in every export.
    for (const QString& url : {report.url, report.publicUrl}) {
        if (!url.isEmpty())
            learnHost(QUrl(url).host(), true);
    }
    for (const Finding& f : report.checks) {
        for (const char* key : {"username", "user", "display_name"}) {
            const QJsonValue v = f.evidence.value(QLatin1String(key));
            if (v.isString())
                learnUser(v.toString());
            else if (v.isObject())
                learnUser(v.toObject().value(QStringLiteral("username")).toString());
        }
        const QString account = f.evidence.value(QStringLiteral("account_id")).toString();
        if (!account.isEmpty())
            add(QStringLiteral("account"), account.toLower(), {account}, Context::Anywhere);
        const QString email = f.evidence.value(QStringLiteral("email")).toString();
        if (!email.isEmpty())
            add(QStringLiteral("email"), email.toLower(), {email}, Context::Anywhere);
        const QString site = f.evidence.value(QStringLiteral("site")).toString();
        if (site.contains(QLatin1String("://")))
            learnHost(QUrl(site).host(), true);
        learnEvidence(f.evidence);
    }
    for (const CertificateInfo& c : report.certificates) {
        for (const QString& san : c.san)
            learnHost(san, true);
        learnDistinguishedName(c.subject);
        learnDistinguishedName(c.issuer);
    }
    // Then by pattern, over every text in the order a reader meets it.
    QJsonObject json = report.toJson();
    json.remove(QStringLiteral("certificates")); // their PEMs are dropped, their names learned above
    learnText(QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact)), false);
    for (const HttpTranscript& t : report.transcripts)
        learnText(QString::fromUtf8(t.text), true);
}

void Pseudonymizer::rebuild() const
{
    if (!m_dirty)
        return;
    m_patterns.clear();
    m_failed = false;
    for (int context = 0; context < int(Context::ContextCount); ++context) {
        QStringList forms = m_byContext.at(context);
        // Longest first, also across chunks: a longer value is replaced before a shorter one
        // inside it could be.
        std::sort(forms.begin(), forms.end(),
                  [](const QString& a, const QString& b) { return a.size() > b.size(); });
        QList<QRegularExpression> chunks;
        for (qsizetype i = 0; i < forms.size(); i += kAlternativesPerPattern) {
            QStringList escaped;
            for (const QString& form : forms.mid(i, kAlternativesPerPattern))
                escaped.append(QRegularExpression::escape(form));
            QRegularExpression re(contextPattern(context).arg(escaped.join(QLatin1Char('|'))),
                                  QRegularExpression::CaseInsensitiveOption);
            // Never match with an invalid pattern: Qt's warning would print it, identities and all.
            if (!re.isValid()) {
                m_failed = true;
                continue;
            }
            chunks.append(re);
        }
        m_patterns.append(chunks);
    }
    m_dirty = false;
}

bool Pseudonymizer::isUsable() const
{
    rebuild();
    return !m_failed;
}

QString Pseudonymizer::replace(const QString& text, bool valuesToo) const
{
    if (m_forms.isEmpty() || text.isEmpty())
        return text;
    rebuild();
    QString out = text;
    for (int context = 0; context < m_patterns.size(); ++context) {
        const bool always = context == int(Context::Anywhere) || context == int(Context::HostInUrl);
        if (!always && !valuesToo)
            continue;
        for (const QRegularExpression& re : m_patterns.at(context))
            out = replaceMatches(out, re, m_forms);
    }
    return out;
}

QString Pseudonymizer::apply(const QString& text) const
{
    // A value that is a user name as a whole (an evidence field) is replaced whole.
    for (const QString& user : m_users) {
        if (text.compare(user, Qt::CaseInsensitive) == 0)
            return m_forms.value(user.toLower());
    }
    return replace(text, true);
}

bool Pseudonymizer::containsIdentity(const QString& text) const
{
    if (m_forms.isEmpty())
        return false;
    rebuild();
    for (int context : {int(Context::Anywhere), int(Context::HostInUrl)}) {
        for (const QRegularExpression& re : m_patterns.at(context)) {
            if (re.match(text).hasMatch())
                return true;
        }
    }
    return false;
}

QString Pseudonymizer::replaceIdentities(const QString& text) const
{
    return replace(text, false);
}

QJsonValue Pseudonymizer::apply(const QJsonValue& value) const
{
    if (value.isString())
        return apply(value.toString());
    if (value.isArray()) {
        QJsonArray out;
        for (const QJsonValue& v : value.toArray())
            out.append(apply(v));
        return out;
    }
    if (value.isObject()) {
        QJsonObject out;
        const QJsonObject in = value.toObject();
        // Keys are field names of the report ("root", "user"), never identities.
        for (auto it = in.begin(); it != in.end(); ++it)
            out.insert(it.key(), apply(it.value()));
        return out;
    }
    return value;
}

void Pseudonymizer::apply(Report& report) const
{
    report.url = apply(report.url);
    report.publicUrl = apply(report.publicUrl);
    report.methodReason = apply(report.methodReason);
    for (Finding& f : report.checks) {
        // The users this finding names in its evidence, replaced as words in its own text.
        QStringList named;
        const QString evidenceText =
            QString::fromUtf8(QJsonDocument(f.evidence).toJson(QJsonDocument::Compact));
        for (const QString& user : m_users) {
            if (evidenceText.contains(QLatin1Char('"') + user + QLatin1Char('"'), Qt::CaseInsensitive))
                named.append(QRegularExpression::escape(user));
        }
        const QRegularExpression words(
            named.isEmpty() ? QStringLiteral("(?!)")
                            : QStringLiteral("(?<![\\w-])(%1)(?![\\w-])").arg(named.join(QLatin1Char('|'))),
            QRegularExpression::CaseInsensitiveOption);
        const auto text = [&](const QString& s) {
            return named.isEmpty() ? apply(s) : replaceMatches(apply(s), words, m_forms);
        };
        f.summary = text(f.summary);
        f.details = text(f.details);
        f.remedy = text(f.remedy);
        f.title = apply(f.title);
        for (QString& e : f.explains)
            e = apply(e);
        for (QString& d : f.docs)
            d = apply(d);
        f.evidence = apply(QJsonValue(f.evidence)).toObject();
    }
    for (CertificateInfo& c : report.certificates) {
        c.subject = apply(c.subject);
        c.issuer = apply(c.issuer);
        for (QString& san : c.san)
            san = apply(san);
        c.pem.clear();
    }
    for (HttpTranscript& t : report.transcripts) {
        QString text = QString::fromUtf8(t.text);
        text.replace(personalFieldPattern(), QStringLiteral("\\1[REDACTED]\""));
        t.text = apply(text).toUtf8();
    }
}

} // namespace gjd
