// SPDX-License-Identifier: GPL-3.0-or-later
#include "instanceurl.h"

#include <QHostAddress>
#include <QRegularExpression>

namespace gjd {

namespace {

// GitLab routes that are never part of a relative root: a URL copied from a page of the instance
// ("…/users/sign_in", "…/-/jira_connect/app_descriptor.json") is cut before them.
const QStringList& routeMarkers()
{
    // Matched against the path with a "/" appended, so "/admin" matches but "/administration" does not.
    static const QStringList markers{QStringLiteral("/-/"),       QStringLiteral("/users/"),
                                     QStringLiteral("/api/v4/"),  QStringLiteral("/admin/"),
                                     QStringLiteral("/explore/"), QStringLiteral("/dashboard/"),
                                     QStringLiteral("/help/"),    QStringLiteral("/oauth/")};
    return markers;
}

bool isValidHostName(const QString& ace)
{
    // LDH labels (underscores are tolerated: some internal names have them, and certificates can
    // still be checked), 1-63 characters each, 253 in all.
    static const QRegularExpression label(QStringLiteral("^[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?$"));
    if (ace.isEmpty() || ace.size() > 253)
        return false;
    const QStringList labels = ace.split(QLatin1Char('.'));
    for (const QString& l : labels) {
        if (!label.match(l).hasMatch())
            return false;
    }
    // A top-level label is never all digits (RFC 3696 §2); QUrl would read "203" or "10.1" as an
    // IPv4 address (0.0.0.203), so that the URL would change when parsed again.
    static const QRegularExpression digits(QStringLiteral("^[0-9]+$"));
    return !digits.match(labels.constLast()).hasMatch();
}

} // namespace

InstanceUrl InstanceUrl::parse(const QString& rawInput)
{
    InstanceUrl r;
    r.m_input = rawInput;
    auto fail = [&r](const char* code, const QString& text) {
        r.m_errorCode = QString::fromLatin1(code);
        r.m_error = text;
        return r;
    };
    const QString input = rawInput.trimmed();
    if (input.isEmpty())
        return fail("empty", tr("No URL given: enter the address of your GitLab instance, such as "
                                "https://gitlab.example.com."));
    for (QChar c : input) {
        if (c.isSpace() || c.category() == QChar::Other_Control)
            return fail("whitespace", tr("The URL contains spaces or control characters."));
    }

    QString text = input;
    static const QRegularExpression schemeRe(QStringLiteral("^([A-Za-z][A-Za-z0-9+.-]*)://"));
    const auto schemeMatch = schemeRe.match(text);
    QString scheme;
    if (schemeMatch.hasMatch()) {
        scheme = schemeMatch.captured(1).toLower();
    } else if (text.contains(QLatin1String("://"))) {
        return fail("bad-scheme", tr("\"%1\" is not a valid URL scheme; use https://.")
                                      .arg(text.section(QLatin1String("://"), 0, 0)));
    } else {
        static const QRegularExpression otherScheme(QStringLiteral("^[A-Za-z][A-Za-z0-9+.-]*:[^0-9]"));
        if (otherScheme.match(text).hasMatch() && !text.startsWith(QLatin1Char('[')))
            return fail("bad-scheme", tr("Only https:// URLs can be checked; \"%1:\" is not a web address.")
                                          .arg(text.section(QLatin1Char(':'), 0, 0)));
        scheme = QStringLiteral("https");
        text.prepend(QLatin1String("https://"));
        r.m_notes.append(
            {Status::Info, QStringLiteral("scheme-added"), tr("No scheme given: https:// is assumed.")});
    }
    if (scheme != QLatin1String("https") && scheme != QLatin1String("http"))
        return fail("bad-scheme",
                    tr("Only https:// URLs can be used (got %1://): Jira Cloud talks to GitLab over HTTPS.")
                        .arg(scheme));

    // user@host or user:password@host: refuse before parsing, so that "git@host:group/repo.git"
    // gets this message and not a confusing port error.
    const QString authority = text.mid(text.indexOf(QLatin1String("://")) + 3)
                                  .section(QRegularExpression(QStringLiteral("[/?#]")), 0, 0);
    if (authority.contains(QLatin1Char('@')))
        return fail("userinfo", tr("The URL contains a user name or password (user@host); remove it — "
                                   "credentials never belong in the instance URL."));

    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid())
        return fail("malformed", tr("The URL is malformed (check the host name and the port)."));
    if (!url.userInfo().isEmpty())
        return fail("userinfo", tr("The URL contains a user name or password (user@host); remove it — "
                                   "credentials never belong in the instance URL."));
    if (url.hasQuery())
        return fail("query", tr("The URL contains a query (\"?%1\"); enter only the instance address.")
                                 .arg(url.query().left(40)));
    if (url.hasFragment())
        return fail("fragment", tr("The URL contains a fragment (\"#%1\"); enter only the instance address.")
                                    .arg(url.fragment().left(40)));

    const QString hostAsTyped = url.host(QUrl::FullyDecoded);
    if (hostAsTyped.isEmpty())
        return fail("no-host", tr("The URL has no host name."));

    QString host = hostAsTyped;
    const QHostAddress literal(host);
    const bool isAddress = !literal.isNull();
    if (!isAddress) {
        if (host.endsWith(QLatin1Char('.'))) {
            host.chop(1);
            r.m_notes.append({Status::Info, QStringLiteral("trailing-dot"),
                              tr("The trailing dot of the host name was removed.")});
        }
        const QString ace = QString::fromLatin1(QUrl::toAce(host)).toLower();
        if (!isValidHostName(ace))
            return fail("bad-host", tr("\"%1\" is not a valid host name.").arg(hostAsTyped));
        // QUrl already returns the ASCII form for most top-level domains, so compare with the input.
        if (ace.contains(QLatin1String("xn--")) &&
            !input.contains(QLatin1String("xn--"), Qt::CaseInsensitive)) {
            r.m_notes.append({Status::Info, QStringLiteral("idn"),
                              tr("The international host name %1 is used in its ASCII form %2.")
                                  .arg(QUrl::fromAce(ace.toLatin1()), ace)});
            r.m_inputHost = QUrl::fromAce(ace.toLatin1());
        }
        host = ace;
    } else {
        host = literal.toString();
    }
    r.m_host = host;
    if (r.m_inputHost.isEmpty())
        r.m_inputHost = hostAsTyped;

    int port = url.port(-1);
    if (port == 0)
        return fail("bad-port", tr("Port 0 is not a valid port."));
    if (scheme == QLatin1String("http")) {
        r.m_notes.append({Status::Warn, QStringLiteral("http-given"),
                          tr("The URL uses http://; it is checked as https://, which Jira Cloud requires.")});
        if (port == 80)
            port = -1;
    }
    r.m_port = port < 0 ? 443 : static_cast<quint16>(port);

    QString path = url.path(QUrl::FullyEncoded);
    path.replace(QRegularExpression(QStringLiteral("/{2,}")), QStringLiteral("/"));
    const QString normalized = QUrl(QStringLiteral("https://h") + path)
                                   .adjusted(QUrl::NormalizePathSegments)
                                   .path(QUrl::FullyEncoded);
    path = normalized;
    path.replace(QRegularExpression(QStringLiteral("/{2,}")), QStringLiteral("/"));
    for (const QString& marker : routeMarkers()) {
        const int at = QString(path + QLatin1Char('/')).indexOf(marker);
        if (at >= 0) {
            const QString cut = path.left(at);
            r.m_notes.append(
                {Status::Info, QStringLiteral("page-path"),
                 tr("\"%1\" is a page of GitLab, not part of the instance address; using \"%2\".")
                     .arg(path.mid(at), cut.isEmpty() ? QStringLiteral("/") : cut)});
            path = cut;
            break;
        }
    }
    if (path.endsWith(QLatin1Char('/'))) {
        while (path.endsWith(QLatin1Char('/')))
            path.chop(1);
        r.m_notes.append({Status::Warn, QStringLiteral("trailing-slash"),
                          tr("The trailing slash was removed: the GitLab for Jira Cloud app rejects instance "
                             "URLs that end with \"/\".")});
    }
    r.m_path = path;
    if (!path.isEmpty())
        r.m_notes.append({Status::Info, QStringLiteral("relative-root"),
                          tr("GitLab is served under the relative root %1.").arg(path)});
    return r;
}

QString InstanceUrl::hostAndPort() const
{
    const bool v6 = m_host.contains(QLatin1Char(':'));
    QString out = v6 ? QLatin1Char('[') + m_host + QLatin1Char(']') : m_host;
    if (m_port != 443)
        out += QLatin1Char(':') + QString::number(m_port);
    return out;
}

QString InstanceUrl::toString() const
{
    if (!isValid())
        return QString();
    return QStringLiteral("https://") + hostAndPort() + m_path;
}

} // namespace gjd
