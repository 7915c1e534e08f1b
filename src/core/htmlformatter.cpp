// SPDX-License-Identifier: GPL-3.0-or-later
#include "htmlformatter.h"

#include "checks/check.h"
#include "safetext.h"
#include "textformatter.h"

#include <QJsonArray>
#include <QLocale>
#include <QUrl>

namespace gjd {

namespace {

// HTML forbids control characters and lone surrogates, and a server can send any of them: they
// become U+FFFD, so that the reader still sees that something was there.
QString esc(const QString& text)
{
    return safeText(text, SafeFor::Html).toHtmlEscaped();
}

// A scalar JSON value of the evidence as short, escaped text.
QString scalarText(const QJsonValue& v)
{
    QString text;
    if (v.isString())
        text = v.toString();
    else if (v.isBool())
        text = v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    else if (v.isDouble())
        text = QString::number(v.toDouble());
    else
        text = QStringLiteral("null");
    if (text.size() > 600)
        text = text.left(600) + QStringLiteral("…");
    return esc(text);
}

// A JSON value of the evidence as readable lines, escaped: an object as "key: value" lines, an
// array as one line per item, nested ones indented. Raw JSON has no spaces, so a viewer could
// only wrap it in the middle of a word; these lines wrap at their spaces and punctuation.
void evidenceLines(const QJsonValue& v, int depth, QStringList* lines)
{
    constexpr int maxLines = 200;
    const QString indent = QStringLiteral("&nbsp;").repeated(depth * 3);
    const auto add = [&](const QString& line) {
        if (lines->size() < maxLines)
            lines->append(indent + line);
        else if (lines->size() == maxLines)
            lines->append(indent + QStringLiteral("…"));
    };
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        if (o.isEmpty())
            add(QStringLiteral("{}"));
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (it->isObject() || it->isArray()) {
                add(QStringLiteral("%1:").arg(esc(it.key())));
                evidenceLines(*it, depth + 1, lines);
            } else {
                add(QStringLiteral("%1: %2").arg(esc(it.key()), scalarText(*it)));
            }
        }
    } else if (v.isArray()) {
        const QJsonArray a = v.toArray();
        if (a.isEmpty())
            add(QStringLiteral("[]"));
        for (const QJsonValue& item : a) {
            if (!item.isObject() && !item.isArray()) {
                add(scalarText(item));
                continue;
            }
            // An object of scalars on one line ("name: x, status: 200"); anything deeper below a bullet.
            QStringList fields;
            const QJsonObject o = item.toObject();
            bool flat = item.isObject();
            for (auto it = o.begin(); flat && it != o.end(); ++it) {
                flat = !it->isObject() && !it->isArray();
                fields.append(QStringLiteral("%1: %2").arg(esc(it.key()), scalarText(*it)));
            }
            if (flat) {
                add(QStringLiteral("• ") + fields.join(QStringLiteral(", ")));
            } else {
                add(QStringLiteral("•"));
                evidenceLines(item, depth + 1, lines);
            }
        }
    } else {
        add(scalarText(v));
    }
}

QString evidenceText(const QJsonValue& v)
{
    QStringList lines;
    evidenceLines(v, 0, &lines);
    return lines.join(QStringLiteral("<br>"));
}

QString checkTitle(const Finding& finding)
{
    if (const Check* check = findCheck(finding.id))
        return check->title();
    return finding.title.isEmpty() ? finding.id : finding.title;
}

// Status ids, not titles, name the classes: they are data, and a translation must not change the
// colours.
QString badge(Status status)
{
    return QStringLiteral("<span class=\"badge s-%1\">%2&nbsp;%3</span>")
        .arg(statusId(status), esc(TextFormatter::mark(status)), esc(TextFormatter::statusTitle(status)));
}

// No url(), @import or web font: the page must look the same offline and load nothing. Status
// colours only repeat the badge text. Closed <details> do not print, so each summary line carries
// the check's status and one-line summary on its own.
const char kStyle[] = R"css(
:root { color-scheme: light; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
       line-height: 1.45; color: #1c1c1c; background: #fff; max-width: 60rem; margin: 1.5rem auto;
       padding: 0 1rem; }
h1 { font-size: 1.5rem; overflow-wrap: anywhere; }
h2 { font-size: 1.2rem; border-bottom: 1px solid #ccc; padding-bottom: .2rem; margin-top: 2rem; }
h3 { font-size: 1.05rem; margin: .4rem 0; overflow-wrap: anywhere; }
h4 { font-size: .95rem; margin: .8rem 0 .2rem; }
code, pre { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace;
            font-size: .9em; overflow-wrap: anywhere; }
pre { white-space: pre-wrap; background: #f6f6f6; border: 1px solid #ddd; padding: .5rem; }
table { border-collapse: collapse; }
th, td { text-align: left; vertical-align: top; padding: .15rem .6rem .15rem 0; }
table.facts th, table.certificate th { font-weight: 600; white-space: nowrap; }
details.check { border: 1px solid #ddd; border-left-width: 4px; margin: .35rem 0; padding: .3rem .6rem; }
details.check > summary { cursor: pointer; }
details.check > .finding { margin-top: .4rem; }
.badge { display: inline-block; min-width: 4.5em; padding: 0 .35em; border: 1px solid; border-radius: 3px;
         font-weight: 700; font-size: .85em; text-transform: uppercase; text-align: center;
         -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.badge.s-pass { color: #14582f; background: #e4f4ea; }
.badge.s-info { color: #0b4a80; background: #e3effa; }
.badge.s-warn { color: #6b4500; background: #fdf1d6; }
.badge.s-fail, .badge.s-error { color: #9b1520; background: #fbe5e6; }
.badge.s-skip, .badge.s-manual { color: #444; background: #efefef; }
details.s-pass { border-left-color: #14582f; }
details.s-info { border-left-color: #0b4a80; }
details.s-warn { border-left-color: #8a5a00; }
details.s-fail, details.s-error { border-left-color: #9b1520; }
.verdict { font-size: 1.1rem; }
.muted { color: #555; }
@media print {
  body { margin: 0; max-width: none; }
  details.check { break-inside: avoid; }
  a[href]::after { content: " (" attr(href) ")"; font-size: .85em; }
  pre { break-inside: avoid; }
}
)css";

} // namespace

QString HtmlFormatter::findingHtml(const Finding& finding, const Report& report)
{
    const Finding& f = finding;
    QString html;
    html += QStringLiteral("<h3>%1</h3>").arg(esc(checkTitle(f)));
    html += QStringLiteral("<p><code>%1</code></p>").arg(esc(f.id));
    html += QStringLiteral("<p><b>%1</b> — %2</p>")
                .arg(esc(TextFormatter::statusTitle(f.status)), esc(f.summary));
    if (!f.details.isEmpty())
        html += QStringLiteral("<p>%1</p>").arg(esc(f.details));
    if (const QString who = TextFormatter::consumersLine(f); !who.isEmpty())
        html += QStringLiteral("<p class=\"consumers\"><b>%1</b></p>").arg(esc(who));
    if (!f.remedy.isEmpty())
        html += QStringLiteral("<h4>%1</h4><p>%2</p>").arg(esc(tr("How to fix")), esc(f.remedy));
    if (!f.explains.isEmpty()) {
        html += QStringLiteral("<h4>%1</h4><ul>").arg(esc(tr("Explains these errors")));
        for (const QString& e : f.explains)
            html += QStringLiteral("<li>“%1”</li>").arg(esc(e));
        html += QStringLiteral("</ul>");
    }
    html += chainHtml(f, report);
    if (!f.evidence.isEmpty()) {
        html += QStringLiteral("<h4>%1</h4><table cellspacing=\"0\" cellpadding=\"2\">")
                    .arg(esc(tr("What was probed")));
        for (auto it = f.evidence.begin(); it != f.evidence.end(); ++it) {
            // Certificates are listed once, with their PEM, in the report's certificates.
            if (it.key().contains(QLatin1String("pem")))
                continue;
            html += QStringLiteral("<tr><td valign=\"top\"><code>%1</code></td><td>%2</td></tr>")
                        .arg(esc(it.key()), evidenceText(it.value()));
        }
        html += QStringLiteral("</table>");
    }
    if (!f.prerequisites.isEmpty())
        html += QStringLiteral("<p>%1</p>")
                    .arg(esc(tr("Needs: %1").arg(f.prerequisites.join(QLatin1String(", ")))));
    if (!f.docs.isEmpty()) {
        html += QStringLiteral("<h4>%1</h4><ul>").arg(esc(tr("Documentation")));
        for (const QString& d : f.docs) {
            const QUrl url(d);
            // Only web links are links; anything else (javascript:, file:, plain http) is shown as
            // text.
            if (url.isValid() && url.scheme() == QLatin1String("https"))
                html += QStringLiteral("<li><a href=\"%1\">%2</a></li>")
                            .arg(esc(url.toString(QUrl::FullyEncoded)), esc(d));
            else
                html += QStringLiteral("<li>%1</li>").arg(esc(d));
        }
        html += QStringLiteral("</ul>");
    }
    return html;
}

// The served chain as a tree, trust anchor (or the missing issuer) at the top, leaf at the
// bottom; for the TLS checks.
QString HtmlFormatter::chainHtml(const Finding& finding, const Report& report)
{
    if (!finding.id.startsWith(QLatin1String("tls.")) || report.certificates.isEmpty())
        return QString();
    const Finding* complete = report.find(QStringLiteral("tls.chain.complete"));
    const QString missing =
        complete ? complete->evidence.value(QStringLiteral("missing_issuer")).toString() : QString();
    const QString anchor =
        complete ? complete->evidence.value(QStringLiteral("anchor")).toString() : QString();
    QString html = QStringLiteral("<h4>%1</h4>").arg(esc(tr("Certificate chain")));
    int depth = 0;
    const auto node = [&depth](const QString& content) {
        const QString indent =
            QString(depth * 4, QLatin1Char(' ')).replace(QLatin1Char(' '), QStringLiteral("&nbsp;"));
        ++depth;
        return QStringLiteral("<div style=\"font-family: monospace\">%1%2%3</div>")
            .arg(indent, depth > 1 ? QStringLiteral("└&nbsp;") : QString(), content);
    };
    if (!missing.isEmpty())
        html += node(QStringLiteral("<span style=\"color:#c01c28\"><b>%1</b></span>")
                         .arg(esc(tr("missing: %1 (the server does not send it)").arg(missing))));
    else if (!anchor.isEmpty())
        html += node(esc(tr("%1 (trust store)").arg(anchor)));
    for (int i = int(report.certificates.size()) - 1; i >= 0; --i) {
        const CertificateInfo& c = report.certificates.at(i);
        html += node(QStringLiteral("%1 <small>(%2 – %3)</small>")
                         .arg(esc(c.subject), esc(c.notBefore.date().toString(Qt::ISODate)),
                              esc(c.notAfter.date().toString(Qt::ISODate))));
    }
    return html;
}

QString HtmlFormatter::format(const Report& report)
{
    const Summary s = report.summary();
    QString h;
    h += QStringLiteral("<!DOCTYPE html>\n<html lang=\"%1\">\n<head>\n<meta charset=\"utf-8\">\n")
             .arg(esc(QLocale().bcp47Name()));
    // Belt and braces for a file that is mailed around and opened in any browser: were some text
    // ever left unescaped, it still could neither load nor run anything.
    h += QStringLiteral("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                        "style-src 'unsafe-inline'\">\n");
    h += QStringLiteral("<meta name=\"referrer\" content=\"no-referrer\">\n");
    h += QStringLiteral("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    h += QStringLiteral("<title>%1</title>\n")
             .arg(esc(tr("GitLab for Jira Cloud app diagnostics: %1").arg(report.url)));
    h +=
        QStringLiteral("<style>") + QString::fromUtf8(kStyle) + QStringLiteral("</style>\n</head>\n<body>\n");

    // Heading, verdict and the facts of the run.
    h += QStringLiteral("<header>\n<h1>%1</h1>\n")
             .arg(esc(tr("GitLab for Jira Cloud app diagnostics: %1").arg(report.url)));
    QStringList counts;
    for (Status st : {Status::Pass, Status::Info, Status::Warn, Status::Fail, Status::Skip, Status::Manual,
                      Status::Error}) {
        if (s.count(st) > 0)
            counts.append(tr("%1: %2", "status: count").arg(TextFormatter::statusTitle(st)).arg(s.count(st)));
    }
    h += QStringLiteral("<p class=\"verdict\">%1 — %2</p>\n")
             .arg(esc(tr("Verdict: %1")).arg(badge(s.verdict)), esc(counts.join(QLatin1String(", "))));

    const auto fact = [](const QString& name, const QString& value) {
        return QStringLiteral("<tr><th scope=\"row\">%1</th><td>%2</td></tr>\n").arg(esc(name), value);
    };
    h += QStringLiteral("<table class=\"facts\">\n");
    h += fact(tr("Target"), esc(report.url));
    if (!report.publicUrl.isEmpty())
        h += fact(tr("Public URL"), esc(report.publicUrl));
    const QString methodNote = !report.methodReason.isEmpty()                     ? report.methodReason
                               : report.methodSource == QLatin1String("given")    ? tr("given")
                               : report.methodSource == QLatin1String("detected") ? tr("detected")
                                                                                  : tr("assumed");
    h += fact(tr("Method"), QStringLiteral("<code>%1</code> (%2)").arg(esc(report.method), esc(methodNote)));
    if (!report.installType().isEmpty())
        h += fact(tr("Install type"),
                  QStringLiteral("<code>%1</code> (%2)")
                      .arg(esc(report.installType()),
                           esc(tr("decided from %1")
                                   .arg(TextFormatter::installTypeSource(report.installTypeDecidedBy())))));
    h += fact(tr("Generated"),
              esc(tr("GitLab Jira Doctor %1, %2")
                      .arg(report.toolVersion, report.generatedAt.toUTC().toString(Qt::ISODate))));
    h += fact(tr("Duration"), esc(tr("%1 ms").arg(report.durationMs)));
    h += fact(tr("Run from"), esc(tr("%1, Qt %2, TLS backend %3")
                                      .arg(report.vantageOs, report.vantageQt, report.vantageTlsBackend)));
    h += QStringLiteral("</table>\n</header>\n<main>\n");

    // The checks by category, in the order of the catalogue (as the text report), then any
    // category this version does not know (a report read from a newer version's export).
    const QStringList categories = Categories::idsFor(report.checks);
    for (const QString& category : std::as_const(categories)) {
        QList<const Finding*> members;
        for (const Finding& f : report.checks) {
            if (f.category == category)
                members.append(&f);
        }
        if (members.isEmpty())
            continue;
        h += QStringLiteral("<section class=\"category\">\n<h2>%1</h2>\n")
                 .arg(esc(Categories::title(category)));
        for (const Finding* f : std::as_const(members)) {
            const bool open =
                f->status == Status::Warn || f->status == Status::Fail || f->status == Status::Error;
            h += QStringLiteral("<details class=\"check s-%1\" id=\"check-%2\"%3>\n")
                     .arg(statusId(f->status), esc(f->id), open ? QStringLiteral(" open") : QString());
            const QString summary =
                f->summary.isEmpty()
                    ? QString()
                    : QStringLiteral(" — <span class=\"muted\">%1</span>").arg(esc(f->summary));
            h += QStringLiteral("<summary>%1 <code>%2</code> %3%4</summary>\n")
                     .arg(badge(f->status), esc(f->id), esc(checkTitle(*f)), summary);
            h += QStringLiteral("<div class=\"finding\">") + findingHtml(*f, report) +
                 QStringLiteral("</div>\n</details>\n");
        }
        h += QStringLiteral("</section>\n");
    }

    h += QStringLiteral("<section id=\"certificates\">\n<h2>%1</h2>\n").arg(esc(tr("Certificates")));
    if (report.certificates.isEmpty())
        h += QStringLiteral("<p>%1</p>\n").arg(esc(tr("No certificate was received.")));
    else
        h +=
            QStringLiteral("<p>%1</p>\n").arg(esc(tr("As the server sent them, its own certificate first.")));
    for (const CertificateInfo& c : report.certificates) {
        h += QStringLiteral("<article class=\"certificate\">\n<h3>%1</h3>\n<table class=\"certificate\">\n")
                 .arg(esc(c.subject));
        h += fact(tr("Subject"), esc(c.subject));
        h += fact(tr("Issuer"), esc(c.issuer));
        h += fact(tr("Valid from"), esc(c.notBefore.toUTC().toString(Qt::ISODate)));
        h += fact(tr("Valid until"), esc(c.notAfter.toUTC().toString(Qt::ISODate)));
        if (!c.san.isEmpty())
            h += fact(tr("Subject alternative names"), esc(c.san.join(QLatin1String(", "))));
        h += fact(tr("SHA-256"), QStringLiteral("<code>%1</code>").arg(esc(c.sha256)));
        h += QStringLiteral("</table>\n");
        if (!c.pem.isEmpty())
            h += QStringLiteral("<pre>%1</pre>\n").arg(esc(QString::fromLatin1(c.pem)));
        h += QStringLiteral("</article>\n");
    }
    h += QStringLiteral("</section>\n</main>\n");
    h += QStringLiteral("</body>\n</html>\n");
    return h;
}

} // namespace gjd
