// SPDX-License-Identifier: GPL-3.0-or-later
#include "finding.h"

#include "safetext.h"

#include <QCoreApplication>

#include <QJsonArray>

namespace gjd {

QString statusId(Status status)
{
    switch (status) {
    case Status::Pass:
        return QStringLiteral("pass");
    case Status::Info:
        return QStringLiteral("info");
    case Status::Warn:
        return QStringLiteral("warn");
    case Status::Fail:
        return QStringLiteral("fail");
    case Status::Skip:
        return QStringLiteral("skip");
    case Status::Manual:
        return QStringLiteral("manual");
    case Status::Error:
        return QStringLiteral("error");
    }
    return QStringLiteral("error");
}

std::optional<Status> statusFromId(const QString& id)
{
    for (Status s : {Status::Pass, Status::Info, Status::Warn, Status::Fail, Status::Skip, Status::Manual,
                     Status::Error}) {
        if (statusId(s) == id)
            return s;
    }
    return std::nullopt;
}

int severity(Status status)
{
    switch (status) {
    case Status::Pass:
        return 0;
    case Status::Info:
        return 1;
    case Status::Skip:
    case Status::Manual:
        return 2;
    case Status::Warn:
        return 3;
    case Status::Error:
        return 4;
    case Status::Fail:
        return 5;
    }
    return 5;
}

QJsonObject Finding::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("id"), id);
    o.insert(QStringLiteral("category"), category);
    o.insert(QStringLiteral("status"), statusId(status));
    o.insert(QStringLiteral("title"), title);
    o.insert(QStringLiteral("summary"), summary);
    o.insert(QStringLiteral("details"), details);
    o.insert(QStringLiteral("remedy"), remedy);
    o.insert(QStringLiteral("docs"), QJsonArray::fromStringList(docs));
    o.insert(QStringLiteral("explains"), QJsonArray::fromStringList(explains));
    o.insert(QStringLiteral("evidence"), evidence);
    o.insert(QStringLiteral("duration_ms"), durationMs);
    o.insert(QStringLiteral("requires"), QJsonArray::fromStringList(prerequisites));
    return o;
}

static QStringList stringList(const QJsonValue& value)
{
    QStringList out;
    const QJsonArray array = value.toArray();
    for (const QJsonValue& v : array)
        out.append(v.toString());
    return out;
}

bool isWellFormedCheckId(const QString& id)
{
    if (id.isEmpty() || id.size() > 64)
        return false;
    for (const QChar c : id) {
        const char16_t u = c.unicode();
        if (!((u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9') || u == u'.' || u == u'_' || u == u'-'))
            return false;
    }
    return true;
}

std::optional<Finding> Finding::fromJson(const QJsonObject& o, QString* error)
{
    Finding f;
    f.id = o.value(QStringLiteral("id")).toString();
    const auto status = statusFromId(o.value(QStringLiteral("status")).toString());
    if (f.id.isEmpty() || !status) {
        if (error)
            *error = QStringLiteral("check without id or with an unknown status");
        return std::nullopt;
    }
    if (!isWellFormedCheckId(f.id)) {
        // An id is printed as it is (show, diff, JUnit names): only what ids are made of.
        if (error)
            *error = QCoreApplication::translate(
                         "gjd::Report", "check id \"%1\" is not of [a-z0-9._-]+ (at most 64 characters)")
                         .arg(safeText(f.id.left(64), SafeFor::OneLine));
        return std::nullopt;
    }
    f.status = *status;
    f.category = o.value(QStringLiteral("category")).toString();
    f.title = o.value(QStringLiteral("title")).toString();
    f.summary = o.value(QStringLiteral("summary")).toString();
    f.details = o.value(QStringLiteral("details")).toString();
    f.remedy = o.value(QStringLiteral("remedy")).toString();
    f.docs = stringList(o.value(QStringLiteral("docs")));
    f.explains = stringList(o.value(QStringLiteral("explains")));
    f.evidence = o.value(QStringLiteral("evidence")).toObject();
    f.durationMs = o.value(QStringLiteral("duration_ms")).toInteger();
    f.prerequisites = stringList(o.value(QStringLiteral("requires")));
    return f;
}

} // namespace gjd
