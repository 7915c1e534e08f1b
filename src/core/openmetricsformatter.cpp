// SPDX-License-Identifier: GPL-3.0-or-later
#include "openmetricsformatter.h"

#include "safetext.h"

#include <QStringList>

namespace gjd {

namespace {

// A label value: backslash, double quote and line feed escaped; other controls dropped.
QByteArray labelValue(const QString& text)
{
    QByteArray out;
    const QByteArray utf8 = safeText(text, SafeFor::OneLine).toUtf8();
    out.reserve(utf8.size());
    for (const char c : utf8) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '"')
            out += "\\\"";
        else if (c == '\n')
            out += "\\n";
        else
            out += c;
    }
    return out;
}

using Labels = QList<std::pair<const char*, QString>>;

QByteArray sample(const char* name, const Labels& labels, const QByteArray& value)
{
    QByteArray line = name;
    line += '{';
    for (qsizetype i = 0; i < labels.size(); ++i) {
        if (i > 0)
            line += ',';
        line += labels.at(i).first;
        line += "=\"";
        line += labelValue(labels.at(i).second);
        line += '"';
    }
    line += "} ";
    line += value;
    line += '\n';
    return line;
}

QByteArray family(const char* name, const char* help, const char* unit = nullptr)
{
    QByteArray out = QByteArray("# TYPE ") + name + " gauge\n";
    if (unit)
        out += QByteArray("# UNIT ") + name + ' ' + unit + '\n';
    out += QByteArray("# HELP ") + name + ' ' + help + '\n';
    return out;
}

QByteArray number(qint64 value)
{
    return QByteArray::number(value);
}

QByteArray seconds(qint64 milliseconds)
{
    return QByteArray::number(double(milliseconds) / 1000.0, 'f', 3);
}

} // namespace

QByteArray OpenMetricsFormatter::format(const QList<Report>& reports)
{
    // The HELP texts are part of the format, read by people writing alerts: English, like the
    // metric names, never translated.
    static const char kStatusHelp[] =
        "Status of a check: 0 pass, 1 info, 2 warn, 3 fail, 4 skip, 5 manual, 6 error.";
    QByteArray out;
    out += family("gitlab_jira_doctor_check_status", kStatusHelp);
    for (const Report& report : reports) {
        for (const Finding& f : report.checks)
            out += sample("gitlab_jira_doctor_check_status",
                          {{"instance", report.url}, {"check", f.id}, {"category", f.category}},
                          number(int(f.status)));
    }
    out += family("gitlab_jira_doctor_verdict",
                  "Verdict of the run, as gitlab_jira_doctor_check_status: 0 pass, 2 warn, 3 fail.");
    for (const Report& report : reports)
        out += sample("gitlab_jira_doctor_verdict", {{"instance", report.url}},
                      number(int(report.summary().verdict)));
    out += family("gitlab_jira_doctor_certificate_expiry_seconds",
                  "notAfter of a certificate the instance served, in seconds since the Unix epoch "
                  "(position 0 is the leaf).",
                  "seconds");
    for (const Report& report : reports) {
        for (qsizetype i = 0; i < report.certificates.size(); ++i) {
            const CertificateInfo& c = report.certificates.at(i);
            if (!c.notAfter.isValid())
                continue;
            out +=
                sample("gitlab_jira_doctor_certificate_expiry_seconds",
                       {{"instance", report.url}, {"subject", c.subject}, {"position", QString::number(i)}},
                       number(c.notAfter.toSecsSinceEpoch()));
        }
    }
    out += family("gitlab_jira_doctor_run_duration_seconds", "How long the run took.", "seconds");
    for (const Report& report : reports)
        out += sample("gitlab_jira_doctor_run_duration_seconds", {{"instance", report.url}},
                      seconds(report.durationMs));
    out += family("gitlab_jira_doctor_run_timestamp_seconds",
                  "When the run ended, in seconds since the Unix epoch.", "seconds");
    for (const Report& report : reports) {
        if (report.generatedAt.isValid())
            out += sample("gitlab_jira_doctor_run_timestamp_seconds", {{"instance", report.url}},
                          number(report.generatedAt.toSecsSinceEpoch()));
    }
    out += "# EOF\n";
    return out;
}

} // namespace gjd
