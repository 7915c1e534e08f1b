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
            // Atlassian API and OAuth tokens (ATATT…, ATCTT…, ATOAT…).
            {RE(QStringLiteral("\\bAT[A-Z]{3}T[0-9A-Za-z_=-]{16,}")), kRedacted},
            // JWTs (Jira Connect's lifecycle and install tokens, OAuth id tokens).
            {RE(QStringLiteral("\\beyJ[A-Za-z0-9_-]{4,}\\.eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*")),
             kRedacted},
            // Credentials in query strings.
            {RE(QStringLiteral("([?&](?:access_token|private_token|refresh_token|id_token|client_secret|"
                               "jwt|token|code|secret|password)=)[^&#\\s\"'<>]+"),
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

const QRegularExpression& hostPattern()
{
    // Lowercase only: host names in reports and URLs are lowercase (QUrl folds them), while
    // "ApplicationSetting.current" and friends in Rails snippets are not hosts.
    static const QRegularExpression re(
        QStringLiteral("(?<![A-Za-z0-9_.@-])((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]*[a-"
                       "z0-9])(?![A-Za-z0-9_@-]|\\.[A-Za-z0-9])"));
    return re;
}

const QRegularExpression& ipv4Pattern()
{
    static const QRegularExpression re(
        QStringLiteral("(?<![0-9.])((?:[0-9]{1,3}\\.){3}[0-9]{1,3})(?![0-9]|\\.[0-9]|/[0-9])"));
    return re;
}

const QRegularExpression& ipv6Pattern()
{
    static const QRegularExpression re(QStringLiteral(
        "(?<![0-9A-Fa-f:.])((?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4})(?![0-9A-Fa-f:]|/[0-9])"));
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

// Every match's first group replaced by its pseudonym, in one pass.
QString replaceMatches(const QString& in, const QRegularExpression& re, const QHash<QString, QString>& map)
{
    QString result;
    qsizetype last = 0;
    for (auto it = re.globalMatch(in); it.hasNext();) {
        const auto m = it.next();
        result += QStringView(in).mid(last, m.capturedStart(1) - last);
        result += map.value(m.captured(1).toLower(), m.captured(1));
        last = m.capturedEnd(1);
    }
    if (last == 0)
        return in;
    result += QStringView(in).mid(last);
    return result;
}

} // namespace

QString Pseudonymizer::add(const QString& kind, const QString& value)
{
    const QString key = value.toLower();
    if (const auto it = m_map.constFind(key); it != m_map.constEnd())
        return *it;
    const int n = ++m_counts[kind];
    const QString pseudonym = QStringLiteral("%1-%2").arg(kind).arg(n);
    m_map.insert(key, pseudonym);
    m_order.append(value);
    // The same value as it appears in a URL ("557058%3A…", "jane%40example.com").
    const QString encoded = QString::fromLatin1(QUrl::toPercentEncoding(value, "/"));
    if (encoded != value && !m_map.contains(encoded.toLower())) {
        m_map.insert(encoded.toLower(), pseudonym);
        m_order.append(encoded);
    }
    m_dirty = true;
    return pseudonym;
}

void Pseudonymizer::learnHost(const QString& raw)
{
    QString host = raw.trimmed().toLower();
    if (host.startsWith(QLatin1String("*.")))
        host = host.mid(2);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    if (host.isEmpty())
        return;
    const QHostAddress address(host);
    if (!address.isNull()) {
        if (isIdentityAddress(address))
            add(QStringLiteral("ip"), host);
        return;
    }
    // A manually installed app's key names the instance ("gitlab-jira-connect-<host>"): keep the
    // prefix readable, hide the host.
    static const QString connectKey = QStringLiteral("gitlab-jira-connect-");
    if (host.startsWith(connectKey))
        host = host.mid(connectKey.size());
    if (!host.contains(QLatin1Char('.')) || isPublicServiceHost(host) || isNotAHost(host) ||
        m_reportIds.contains(host))
        return;
    add(QStringLiteral("host"), host);
}

void Pseudonymizer::learnUser(const QString& name)
{
    const QString trimmed = name.trimmed();
    // One- and two-letter names would be replaced inside ordinary words of the evidence.
    if (trimmed.size() < 3 || m_map.contains(trimmed.toLower()))
        return;
    add(QStringLiteral("user"), trimmed);
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
        } else if ((attribute == QLatin1String("CN") || attribute == QLatin1String("O") ||
                    attribute == QLatin1String("OU")) &&
                   !m_map.contains(value.toLower())) {
            // A private CA's name says whose it is ("Acme Corp Issuing CA").
            add(attribute == QLatin1String("CN") ? QStringLiteral("ca") : QStringLiteral("org"), value);
            m_orgs.append(value);
        } else if (attribute == QLatin1String("EMAILADDRESS"))
            add(QStringLiteral("email"), value);
    }
}

void Pseudonymizer::learnText(const QString& text, bool userObjects)
{
    for (auto it = emailPattern().globalMatch(text); it.hasNext();)
        add(QStringLiteral("email"), it.next().captured(1));
    for (auto it = accountIdPattern().globalMatch(text); it.hasNext();)
        add(QStringLiteral("account"), it.next().captured(1));
    for (auto it = identityFieldPattern().globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        const QString field = m.captured(1);
        const QString value = m.captured(2);
        if (field == QLatin1String("accountId") || field == QLatin1String("account_id"))
            add(QStringLiteral("account"), value);
        else if (field.contains(QLatin1String("mail")))
            add(QStringLiteral("email"), value);
        else if (field != QLatin1String("name"))
            learnUser(value);
        else if (userObjects && text.contains(QLatin1String("\"username\"")))
            learnUser(value); // a GitLab user object: "name" is the person's name
    }
    for (auto it = hostPattern().globalMatch(text); it.hasNext();)
        learnHost(it.next().captured(1));
    for (auto it = ipv4Pattern().globalMatch(text); it.hasNext();) {
        const QString candidate = it.next().captured(1);
        if (QHostAddress(candidate).protocol() == QAbstractSocket::IPv4Protocol)
            learnHost(candidate);
    }
    for (auto it = ipv6Pattern().globalMatch(text); it.hasNext();) {
        const QString candidate = it.next().captured(1);
        const QHostAddress address(candidate);
        if (address.protocol() == QAbstractSocket::IPv6Protocol &&
            (candidate.contains(QLatin1String("::")) || candidate.count(QLatin1Char(':')) == 7))
            learnHost(candidate);
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
            learnHost(QUrl(url).host());
    }
    for (const Finding& f : report.checks) {
        for (const char* key : {"username", "user", "display_name"}) {
            const QJsonValue v = f.evidence.value(QLatin1String(key));
            if (v.isString())
                learnUser(v.toString());
            else if (v.isObject())
                learnUser(v.toObject().value(QStringLiteral("username")).toString());
        }
        const QJsonValue account = f.evidence.value(QStringLiteral("account_id"));
        if (account.isString() && !account.toString().isEmpty())
            add(QStringLiteral("account"), account.toString());
        const QJsonValue email = f.evidence.value(QStringLiteral("email"));
        if (email.isString() && !email.toString().isEmpty())
            add(QStringLiteral("email"), email.toString());
    }
    for (const CertificateInfo& c : report.certificates) {
        for (const QString& san : c.san)
            learnHost(san);
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
    QStringList values;
    QStringList users;
    QStringList orgs;
    for (const QString& v : m_order) {
        if (m_users.contains(v))
            users.append(QRegularExpression::escape(v));
        else if (m_orgs.contains(v))
            orgs.append(QRegularExpression::escape(v));
        else
            values.append(QRegularExpression::escape(v));
    }
    const auto longestFirst = [](const QString& a, const QString& b) {
        return a.size() > b.size();
    };
    std::sort(values.begin(), values.end(), longestFirst);
    std::sort(users.begin(), users.end(), longestFirst);
    std::sort(orgs.begin(), orgs.end(), longestFirst);
    // Organisations only inside distinguished names: "OU=Platform" is an identity, the
    // "platform" category is not.
    m_orgPattern = QRegularExpression(
        orgs.isEmpty()
            ? QStringLiteral("(?!)")
            : QStringLiteral("(?<=O=|OU=|CN=)(%1)(?=[,+/\"\\s]|$)").arg(orgs.join(QLatin1Char('|'))),
        QRegularExpression::CaseInsensitiveOption);
    // A value counts only as a whole: "host.example.com" is not inside "myhost.example.com", but
    // is inside "gitlab-jira-connect-host.example.com", "*.host.example.com" and
    // "https://host.example.com:8443/".
    m_pattern = QRegularExpression(
        values.isEmpty() ? QStringLiteral("(?!)")
                         : QStringLiteral("(?<![A-Za-z0-9_@%+])(%1)(?![A-Za-z0-9_@-]|\\.[A-Za-z0-9])")
                               .arg(values.join(QLatin1Char('|'))),
        QRegularExpression::CaseInsensitiveOption);
    // User names only where they stand as a value: a JSON string, a path segment, an @mention.
    m_userPattern = QRegularExpression(
        users.isEmpty()
            ? QStringLiteral("(?!)")
            : QStringLiteral("(?<=[\"/@])(%1)(?=[\"/?#\\s]|$)").arg(users.join(QLatin1Char('|'))));
    m_dirty = false;
}

QString Pseudonymizer::apply(const QString& text) const
{
    if (m_order.isEmpty() || text.isEmpty())
        return text;
    rebuild();
    // A value that is a user name as a whole (an evidence field) is replaced whole.
    for (const QString& user : m_users) {
        if (text.compare(user, Qt::CaseInsensitive) == 0)
            return m_map.value(user.toLower());
    }
    return replaceMatches(replaceMatches(replaceMatches(text, m_pattern, m_map), m_userPattern, m_map),
                          m_orgPattern, m_map);
}

bool Pseudonymizer::containsIdentity(const QString& text) const
{
    if (m_order.isEmpty())
        return false;
    rebuild();
    return m_pattern.match(text).hasMatch();
}

QString Pseudonymizer::replaceIdentities(const QString& text) const
{
    if (m_order.isEmpty())
        return text;
    rebuild();
    return replaceMatches(text, m_pattern, m_map);
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
            return replaceMatches(apply(s), words, m_map);
        };
        f.summary = text(f.summary);
        f.details = text(f.details);
        f.remedy = text(f.remedy);
        f.title = apply(f.title);
        for (QString& e : f.explains)
            e = apply(e);
        f.evidence = apply(QJsonValue(f.evidence)).toObject();
    }
    for (CertificateInfo& c : report.certificates) {
        c.subject = apply(c.subject);
        c.issuer = apply(c.issuer);
        for (QString& san : c.san)
            san = apply(san);
        c.pem.clear();
    }
    for (HttpTranscript& t : report.transcripts)
        t.text = apply(QString::fromUtf8(t.text)).toUtf8();
}

} // namespace gjd
