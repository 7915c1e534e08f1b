// SPDX-License-Identifier: GPL-3.0-or-later
#include "fleettargets.h"

#include "instanceurl.h"
#include "safefile.h"
#include "safetext.h"

#include <QHash>
#include <QRegularExpression>
#include <QStringDecoder>

namespace gjd {

namespace {

// Words of a line: whitespace separates, double quotes group (no escapes inside: paths and URLs
// do not need them), a word starting with # ends the line. nullopt with *error for an open quote.
std::optional<QStringList> words(const QString& line, QString* error)
{
    QStringList out;
    QString word;
    bool inWord = false;
    bool quoted = false;
    for (const QChar c : line) {
        if (quoted) {
            if (c == QLatin1Char('"'))
                quoted = false;
            else
                word += c;
            continue;
        }
        if (c.isSpace()) {
            if (inWord)
                out.append(word);
            word.clear();
            inWord = false;
            continue;
        }
        if (!inWord && c == QLatin1Char('#'))
            return out;
        inWord = true;
        if (c == QLatin1Char('"'))
            quoted = true;
        else
            word += c;
    }
    if (quoted) {
        *error = FleetTargets::tr("a double quote is not closed");
        return std::nullopt;
    }
    if (inWord)
        out.append(word);
    return out;
}

// The error for `line`, or empty when it holds a target (then *target is filled).
QString parseLine(const QString& line, FleetTarget* target)
{
    QString error;
    const auto parts = words(line, &error);
    if (!parts)
        return error;
    static const QStringList kOptions = {QStringLiteral("--public-url"), QStringLiteral("--method"),
                                         QStringLiteral("--jira-site"),  QStringLiteral("--jira-email"),
                                         QStringLiteral("--resolve"),    QStringLiteral("--ca-file")};
    for (qsizetype i = 0; i < parts->size(); ++i) {
        QString word = parts->at(i);
        if (!word.startsWith(QLatin1String("--"))) {
            // The word is not quoted back: a token pasted after the URL must not reach a report.
            if (!target->url.isEmpty())
                return FleetTargets::tr("one instance URL a line, then only options; word %1 is neither")
                    .arg(i + 1);
            target->url = word;
            continue;
        }
        QString value;
        bool hasValue = false;
        if (const qsizetype equals = word.indexOf(QLatin1Char('=')); equals > 0) {
            value = word.mid(equals + 1);
            word.truncate(equals);
            hasValue = true;
        }
        if (!kOptions.contains(word))
            return FleetTargets::tr("%1 cannot be given per instance (a line takes %2; the others go on the "
                                    "command line)")
                .arg(word, kOptions.join(QLatin1String(", ")));
        if (!hasValue) {
            if (i + 1 >= parts->size())
                return FleetTargets::tr("%1 needs a value").arg(word);
            value = parts->at(++i);
        }
        if (word == QLatin1String("--public-url")) {
            const InstanceUrl url = InstanceUrl::parse(value);
            if (!url.isValid())
                return FleetTargets::tr("invalid --public-url \"%1\": %2").arg(value, url.error());
            target->publicUrl = value;
        } else if (word == QLatin1String("--method")) {
            const QString method = value.toLower();
            if (method != QLatin1String("auto") && !methodFromId(method))
                return FleetTargets::tr("--method must be auto, marketplace, manual or proxy (got \"%1\")")
                    .arg(value);
            target->method = method;
        } else if (word == QLatin1String("--jira-site")) {
            const InstanceUrl site = InstanceUrl::parse(value);
            if (!site.isValid())
                return FleetTargets::tr("invalid --jira-site \"%1\": %2").arg(value, site.error());
            target->jiraSite = site.toString();
        } else if (word == QLatin1String("--jira-email")) {
            if (!value.contains(QLatin1Char('@')) || value.contains(QLatin1Char(' ')))
                return FleetTargets::tr("--jira-email \"%1\" is not an email address").arg(value);
            target->jiraEmail = value;
        } else if (word == QLatin1String("--resolve")) {
            QString why;
            if (!ResolveOverride::parse(value, &why))
                return why;
            target->resolve.append(value);
        } else {
            target->caFile = value;
        }
    }
    if (target->url.isEmpty())
        return FleetTargets::tr("options without an instance URL");
    const InstanceUrl url = InstanceUrl::parse(target->url);
    if (!url.isValid())
        return FleetTargets::tr("invalid URL \"%1\": %2").arg(target->url, url.error());
    if (target->jiraSite.isEmpty() != target->jiraEmail.isEmpty())
        return FleetTargets::tr("--jira-site and --jira-email go together");
    return QString();
}

} // namespace

std::optional<RunOptions> FleetTarget::runOptions(const RunOptions& base, QString* error) const
{
    RunOptions o = base;
    o.url = url;
    if (!publicUrl.isEmpty())
        o.publicUrl = publicUrl;
    if (!method.isEmpty())
        o.method = method;
    if (!jiraSite.isEmpty()) {
        o.jiraSite = jiraSite;
        o.jiraEmail = jiraEmail;
    }
    for (const QString& r : resolve) {
        const auto override = ResolveOverride::parse(r, error);
        if (!override)
            return std::nullopt;
        o.resolve.append(*override);
    }
    if (!caFile.isEmpty()) {
        QString reason;
        const auto certificates = readPemBundle(caFile, &reason);
        if (!certificates) {
            *error = QStringLiteral("--ca-file: %1").arg(reason);
            return std::nullopt;
        }
        o.extraCaCertificates = *certificates;
        o.extraCaSource = caFile;
    }
    return o;
}

FleetTargets FleetTargets::parse(const QByteArray& bytes)
{
    FleetTargets result;
    QHash<QString, int> seen; // normalised URL → line
    const QString text = QString::fromUtf8(bytes);
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const int number = int(i) + 1;
        QString line = lines.at(i);
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
        const QString trimmed = line.trimmed();
        if (trimmed.isEmpty() || trimmed.startsWith(QLatin1Char('#')))
            continue;
        // The line as reports show it: its first word (the URL as written, user info masked),
        // then "…" for the rest, which may hold what must not be repeated (a token given as an
        // option the line cannot take).
        const auto lineError = [&](const QString& why) {
            const QString first = trimmed.section(QRegularExpression(QStringLiteral("\\s+")), 0, 0);
            const QString shown = first.size() < trimmed.size() ? first + QStringLiteral(" …") : first;
            result.errors.append({number, safeText(maskUserInfo(shown), SafeFor::OneLine).left(200),
                                  safeText(maskUserInfo(why), SafeFor::OneLine)});
        };
        if (result.targets.size() >= maxTargets) {
            lineError(tr("more than %n instances in one file", nullptr, maxTargets));
            continue;
        }
        FleetTarget target;
        target.line = number;
        if (const QString why = parseLine(trimmed, &target); !why.isEmpty()) {
            lineError(why);
            continue;
        }
        const QString key = InstanceUrl::parse(target.url).toString();
        if (const auto earlier = seen.constFind(key); earlier != seen.constEnd()) {
            lineError(tr("the same instance as line %1").arg(*earlier));
            continue;
        }
        seen.insert(key, number);
        result.targets.append(target);
    }
    return result;
}

std::optional<FleetTargets> FleetTargets::read(const QString& path, QString* error)
{
    const auto bytes = readInputFile(path, maxBytes, error);
    if (!bytes)
        return std::nullopt;
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString decoded = decoder.decode(*bytes);
    if (decoder.hasError() || bytes->contains('\0')) {
        *error = tr("%1 is not a text file in UTF-8").arg(safeText(path, SafeFor::OneLine));
        return std::nullopt;
    }
    return parse(*bytes);
}

} // namespace gjd
