// SPDX-License-Identifier: GPL-3.0-or-later
#include "descriptor.h"

#include "safetext.h"

#include "http/httpexchange.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUrl>

namespace gjd {

namespace {

// A value from the descriptor, quoted in a violation: one line, no control characters, at most
// 200 characters (a violation is one line of a report, whatever the server sent).
QString quoted(const QString& value)
{
    const QString safe = safeText(value, SafeFor::OneLine);
    return safe.size() > 200 ? safe.left(200) + QChar(0x2026) : safe;
}

} // namespace

std::optional<QJsonObject> Descriptor::parseObject(const HttpResponse& response, QString* error)
{
    if (response.bodyTruncated) {
        *error = tr("The answer is larger than 1 MiB.");
        return std::nullopt;
    }
    const QByteArray body = response.body.trimmed();
    if (body.isEmpty()) {
        *error = tr("The answer is empty.");
        return std::nullopt;
    }
    if (body.startsWith('<')) {
        const bool login = body.contains("sign_in") || body.contains("Sign in");
        *error = login ? tr("The answer is an HTML sign-in page, not JSON.")
                       : tr("The answer is an HTML page, not JSON.");
        return std::nullopt;
    }
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = tr("The answer is not valid JSON (%1 at byte %2).")
                     .arg(parseError.errorString())
                     .arg(parseError.offset);
        return std::nullopt;
    }
    if (!doc.isObject()) {
        *error = tr("The answer is JSON but not an object.");
        return std::nullopt;
    }
    return doc.object();
}

QString Descriptor::keyForHost(const QString& hostAndPath)
{
    return QString(keyPrefix + hostAndPath).left(64);
}

QStringList Descriptor::violations(const QJsonObject& d)
{
    QStringList out;
    static const QRegularExpression keyPattern(QStringLiteral("^[a-zA-Z0-9._-]+$"));
    static const QRegularExpression moduleKeyPattern(QStringLiteral("^[a-zA-Z0-9-]+$"));

    const QJsonValue key = d.value(QStringLiteral("key"));
    if (!key.isString() || key.toString().isEmpty())
        out.append(tr("\"key\" is missing."));
    else if (!keyPattern.match(key.toString()).hasMatch())
        out.append(tr("\"key\" (%1) may contain only letters, digits, \".\", \"_\" and \"-\".")
                       .arg(quoted(key.toString())));
    else if (key.toString().size() > 64)
        out.append(
            tr("\"key\" is %1 characters long; Atlassian allows at most 64.").arg(key.toString().size()));

    const QJsonValue baseUrl = d.value(QStringLiteral("baseUrl"));
    if (!baseUrl.isString() || baseUrl.toString().isEmpty()) {
        out.append(tr("\"baseUrl\" is missing."));
    } else {
        const QUrl url(baseUrl.toString(), QUrl::StrictMode);
        if (!url.isValid() || url.isRelative() || url.host().isEmpty())
            out.append(tr("\"baseUrl\" (%1) is not an absolute URL.").arg(quoted(baseUrl.toString())));
        else if (url.scheme() != QLatin1String("https"))
            out.append(tr("\"baseUrl\" (%1) is not https.").arg(quoted(baseUrl.toString())));
    }

    // Missing authentication means JWT for Connect.
    const QString authType = d.value(QStringLiteral("authentication"))
                                 .toObject()
                                 .value(QStringLiteral("type"))
                                 .toString(QStringLiteral("jwt"));
    if (authType.compare(QLatin1String("jwt"), Qt::CaseInsensitive) != 0)
        out.append(tr("\"authentication.type\" is \"%1\"; GitLab's app uses jwt.").arg(quoted(authType)));
    const QJsonObject lifecycle = d.value(QStringLiteral("lifecycle")).toObject();
    if (lifecycle.value(QStringLiteral("installed")).toString().isEmpty())
        out.append(tr("\"lifecycle.installed\" is missing; JWT authentication requires it."));
    if (lifecycle.value(QStringLiteral("uninstalled")).toString().isEmpty())
        out.append(tr("\"lifecycle.uninstalled\" is missing."));

    const QJsonObject modules = d.value(QStringLiteral("modules")).toObject();
    if (modules.isEmpty()) {
        out.append(tr("\"modules\" is missing or empty."));
    } else {
        for (auto it = modules.constBegin(); it != modules.constEnd(); ++it) {
            QJsonArray entries = it.value().isArray() ? it.value().toArray() : QJsonArray{it.value()};
            for (const QJsonValue& entry : std::as_const(entries)) {
                const QString moduleKey = entry.toObject().value(QStringLiteral("key")).toString();
                if (moduleKey.isEmpty())
                    out.append(tr("Module \"%1\" has no \"key\".").arg(quoted(it.key())));
                else if (!moduleKeyPattern.match(moduleKey).hasMatch() || moduleKey.size() > 100)
                    out.append(tr("Module key \"%1\" in \"%2\" may contain only letters, digits and \"-\" "
                                  "(at most 100).")
                                   .arg(quoted(moduleKey), quoted(it.key())));
            }
        }
    }

    static const QStringList allowedScopes{
        QStringLiteral("NONE"),          QStringLiteral("READ"),
        QStringLiteral("WRITE"),         QStringLiteral("DELETE"),
        QStringLiteral("PROJECT_ADMIN"), QStringLiteral("ADMIN"),
        QStringLiteral("ACT_AS_USER"),   QStringLiteral("ACCESS_EMAIL_ADDRESSES")};
    const QJsonValue scopes = d.value(QStringLiteral("scopes"));
    if (!scopes.isUndefined() && !scopes.isArray()) {
        out.append(tr("\"scopes\" is not a list."));
    } else {
        const QJsonArray list = scopes.toArray();
        for (const QJsonValue& scope : list) {
            if (!allowedScopes.contains(scope.toString().toUpper()))
                out.append(tr("Scope \"%1\" is not one Atlassian knows.").arg(quoted(scope.toString())));
        }
    }
    return out;
}

} // namespace gjd
