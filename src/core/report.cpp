// SPDX-License-Identifier: GPL-3.0-or-later
#include "report.h"

#include "tls/x509handle.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonArray>
#include <QSet>

#include <openssl/x509.h>

#include <algorithm>

namespace gjd {

QString certificateFingerprint(const QSslCertificate& certificate)
{
    return QStringLiteral("sha256:") +
           QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex());
}

QString distinguishedName(const QSslCertificate& certificate, bool issuer)
{
    // RFC 2253/4514 form (most specific first), as `openssl x509 -nameopt RFC2253` and GitLab's
    // logs print it. QSslCertificate's attribute list is not in certificate order.
    X509* x = referencedX509(certificate);
    if (!x)
        return QString();
    BIO* bio = BIO_new(BIO_s_mem());
    X509_NAME_print_ex(bio, issuer ? X509_get_issuer_name(x) : X509_get_subject_name(x), 0,
                       XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB);
    char* data = nullptr;
    const long len = BIO_get_mem_data(bio, &data);
    const QString out = QString::fromUtf8(data, static_cast<int>(len));
    BIO_free(bio);
    X509_free(x);
    return out;
}

CertificateInfo CertificateInfo::fromCertificate(const QSslCertificate& certificate)
{
    CertificateInfo info;
    info.sha256 = QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex());
    info.subject = distinguishedName(certificate);
    info.issuer = distinguishedName(certificate, true);
    info.notBefore = certificate.effectiveDate().toUTC();
    info.notAfter = certificate.expiryDate().toUTC();
    const auto sans = certificate.subjectAlternativeNames();
    for (auto it = sans.cbegin(); it != sans.cend(); ++it)
        info.san.append(it.value());
    info.pem = certificate.toPem();
    return info;
}

static QString isoUtc(const QDateTime& dt)
{
    return dt.isValid() ? dt.toUTC().toString(Qt::ISODate) : QString();
}

QJsonObject CertificateInfo::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("sha256"), sha256);
    o.insert(QStringLiteral("subject"), subject);
    o.insert(QStringLiteral("issuer"), issuer);
    o.insert(QStringLiteral("not_before"), isoUtc(notBefore));
    o.insert(QStringLiteral("not_after"), isoUtc(notAfter));
    o.insert(QStringLiteral("san"), QJsonArray::fromStringList(san));
    if (!pem.isEmpty())
        o.insert(QStringLiteral("pem"), QString::fromLatin1(pem));
    return o;
}

CertificateInfo CertificateInfo::fromJson(const QJsonObject& o)
{
    CertificateInfo info;
    info.sha256 = o.value(QStringLiteral("sha256")).toString();
    info.subject = o.value(QStringLiteral("subject")).toString();
    info.issuer = o.value(QStringLiteral("issuer")).toString();
    info.notBefore = QDateTime::fromString(o.value(QStringLiteral("not_before")).toString(), Qt::ISODate);
    info.notAfter = QDateTime::fromString(o.value(QStringLiteral("not_after")).toString(), Qt::ISODate);
    const QJsonArray san = o.value(QStringLiteral("san")).toArray();
    for (const QJsonValue& v : san)
        info.san.append(v.toString());
    info.pem = o.value(QStringLiteral("pem")).toString().toLatin1();
    return info;
}

Summary Report::summary() const
{
    Summary s;
    int worst = 0;
    for (const Finding& f : checks) {
        ++s.counts[static_cast<size_t>(f.status)];
        if (f.status == Status::Fail || f.status == Status::Warn || f.status == Status::Error)
            worst = std::max(worst, severity(f.status));
    }
    // checks.md: fail if any check fails, else warn if any warns, else pass. A check that could
    // not run (error) leaves the answer open, so it counts as a warning, never as a pass.
    if (worst >= severity(Status::Fail))
        s.verdict = Status::Fail;
    else if (worst >= severity(Status::Warn))
        s.verdict = Status::Warn;
    else
        s.verdict = Status::Pass;
    return s;
}

QString Report::installType() const
{
    static const QStringList known{QStringLiteral("marketplace"), QStringLiteral("legacy-connect"),
                                   QStringLiteral("forge-native"), QStringLiteral("none")};
    const Finding* f = find(QStringLiteral("platform.install_type"));
    const QString value = f ? f->evidence.value(QStringLiteral("install_type")).toString() : QString();
    return known.contains(value) ? value : QString();
}

QString Report::installTypeDecidedBy() const
{
    static const QStringList known{QStringLiteral("settings"), QStringLiteral("descriptor_key"),
                                   QStringLiteral("descriptor_key+endpoints")};
    const Finding* f = find(QStringLiteral("platform.install_type"));
    const QString value = f && !installType().isEmpty()
                              ? f->evidence.value(QStringLiteral("decided_by")).toString()
                              : QString();
    return known.contains(value) ? value : QString();
}

const Finding* Report::find(const QString& id) const
{
    for (const Finding& f : checks) {
        if (f.id == id)
            return &f;
    }
    return nullptr;
}

QJsonObject Report::toJson() const
{
    QJsonObject root;
    root.insert(QStringLiteral("schema"), QString::fromLatin1(kReportSchema));
    root.insert(QStringLiteral("tool"),
                QJsonObject{{QStringLiteral("name"), QStringLiteral("gitlab-jira-doctor")},
                            {QStringLiteral("version"), toolVersion}});
    root.insert(QStringLiteral("generated_at"), isoUtc(generatedAt));
    root.insert(QStringLiteral("target"),
                QJsonObject{{QStringLiteral("url"), url},
                            {QStringLiteral("public_url"),
                             publicUrl.isEmpty() ? QJsonValue() : QJsonValue(publicUrl)},
                            {QStringLiteral("method"), method},
                            {QStringLiteral("method_source"), methodSource},
                            {QStringLiteral("method_reason"), methodReason}});
    root.insert(QStringLiteral("vantage"), QJsonObject{{QStringLiteral("os"), vantageOs},
                                                       {QStringLiteral("qt"), vantageQt},
                                                       {QStringLiteral("tls_backend"), vantageTlsBackend}});
    root.insert(QStringLiteral("duration_ms"), durationMs);

    const Summary s = summary();
    QJsonObject summaryObject;
    summaryObject.insert(QStringLiteral("verdict"), statusId(s.verdict));
    for (Status st : {Status::Pass, Status::Info, Status::Warn, Status::Fail, Status::Skip, Status::Manual,
                      Status::Error})
        summaryObject.insert(statusId(st), s.count(st));
    root.insert(QStringLiteral("summary"), summaryObject);

    QJsonArray checkArray;
    for (const Finding& f : checks)
        checkArray.append(f.toJson());
    root.insert(QStringLiteral("checks"), checkArray);

    QJsonArray certArray;
    for (const CertificateInfo& c : certificates)
        certArray.append(c.toJson());
    root.insert(QStringLiteral("certificates"), certArray);
    return root;
}

std::optional<Report> Report::fromJson(const QJsonObject& root, QString* error)
{
    auto fail = [error](const QString& why) -> std::optional<Report> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    if (root.value(QStringLiteral("schema")).toString() != QLatin1String(kReportSchema))
        return fail(QStringLiteral("unknown report schema \"%1\"")
                        .arg(root.value(QStringLiteral("schema")).toString().left(80)));
    Report r;
    r.toolVersion = root.value(QStringLiteral("tool")).toObject().value(QStringLiteral("version")).toString();
    r.generatedAt = QDateTime::fromString(root.value(QStringLiteral("generated_at")).toString(), Qt::ISODate);
    const QJsonObject target = root.value(QStringLiteral("target")).toObject();
    r.url = target.value(QStringLiteral("url")).toString();
    r.publicUrl = target.value(QStringLiteral("public_url")).toString();
    r.method = target.value(QStringLiteral("method")).toString();
    r.methodSource = target.value(QStringLiteral("method_source")).toString();
    r.methodReason = target.value(QStringLiteral("method_reason")).toString();
    const QJsonObject vantage = root.value(QStringLiteral("vantage")).toObject();
    r.vantageOs = vantage.value(QStringLiteral("os")).toString();
    r.vantageQt = vantage.value(QStringLiteral("qt")).toString();
    r.vantageTlsBackend = vantage.value(QStringLiteral("tls_backend")).toString();
    r.durationMs = root.value(QStringLiteral("duration_ms")).toInteger();
    const QJsonArray checkArray = root.value(QStringLiteral("checks")).toArray();
    if (checkArray.size() > maxChecks)
        return fail(QCoreApplication::translate("gjd::Report", "%1 checks; a report holds at most %2")
                        .arg(checkArray.size())
                        .arg(maxChecks));
    QSet<QString> ids;
    for (const QJsonValue& v : checkArray) {
        QString why;
        auto f = Finding::fromJson(v.toObject(), &why);
        if (!f)
            return fail(why);
        if (ids.contains(f->id))
            return fail(QCoreApplication::translate("gjd::Report", "check id %1 appears twice").arg(f->id));
        ids.insert(f->id);
        r.checks.append(*f);
    }
    const QJsonArray certArray = root.value(QStringLiteral("certificates")).toArray();
    for (const QJsonValue& v : certArray)
        r.certificates.append(CertificateInfo::fromJson(v.toObject()));
    return r;
}

namespace {

QJsonValue safeJson(const QJsonValue& value, SafeFor where)
{
    if (value.isString())
        return safeText(value.toString(), where);
    if (value.isArray()) {
        QJsonArray out;
        for (const QJsonValue& v : value.toArray())
            out.append(safeJson(v, where));
        return out;
    }
    if (value.isObject()) {
        QJsonObject out;
        const QJsonObject in = value.toObject();
        for (auto it = in.begin(); it != in.end(); ++it)
            out.insert(safeText(it.key(), where), safeJson(it.value(), where));
        return out;
    }
    return value;
}

} // namespace

Report Report::safeFor(SafeFor where) const
{
    Report r = *this;
    const auto safe = [where](QString& s) {
        s = safeText(s, where);
    };
    for (QString* s : {&r.toolVersion, &r.url, &r.publicUrl, &r.method, &r.methodSource, &r.methodReason,
                       &r.vantageOs, &r.vantageQt, &r.vantageTlsBackend})
        safe(*s);
    for (Finding& f : r.checks) {
        // One-line fields stay one line: an embedded break could fake report lines.
        const SafeFor line = where == SafeFor::Display ? SafeFor::OneLine : where;
        for (QString* s : {&f.id, &f.category, &f.title, &f.summary})
            *s = safeText(*s, line);
        for (QString* s : {&f.details, &f.remedy})
            safe(*s);
        for (QStringList* list : {&f.docs, &f.explains, &f.prerequisites}) {
            for (QString& s : *list)
                safe(s);
        }
        f.evidence = safeJson(f.evidence, where).toObject();
    }
    for (CertificateInfo& c : r.certificates) {
        for (QString* s : {&c.subject, &c.issuer, &c.sha256})
            safe(*s);
        for (QString& san : c.san)
            safe(san);
    }
    for (HttpTranscript& t : r.transcripts) {
        safe(t.probeId);
        t.text = safeText(QString::fromUtf8(t.text), where).toUtf8();
    }
    return r;
}

QStringList Report::rerunSelection() const
{
    QSet<QString> chosen;
    for (const Finding& f : checks) {
        if (f.status == Status::Fail || f.status == Status::Warn || f.status == Status::Error)
            chosen.insert(f.id);
    }
    if (chosen.isEmpty())
        return {};
    // Skipped dependants, to a fixed point: a chain a -> b -> c adds b, then c.
    for (bool grew = true; grew;) {
        grew = false;
        for (const Finding& f : checks) {
            if (f.status != Status::Skip || chosen.contains(f.id))
                continue;
            const bool waited = std::any_of(f.prerequisites.cbegin(), f.prerequisites.cend(),
                                            [&chosen](const QString& id) { return chosen.contains(id); });
            if (waited) {
                chosen.insert(f.id);
                grew = true;
            }
        }
    }
    QStringList ids;
    for (const Finding& f : checks) {
        if (chosen.contains(f.id) && !ids.contains(f.id))
            ids.append(f.id);
    }
    return ids;
}

void Report::mergeRerun(const Report& fresh, const QStringList& rerunIds)
{
    for (const QString& id : rerunIds) {
        const Finding* now = fresh.find(id);
        if (!now)
            continue;
        auto it = std::find_if(checks.begin(), checks.end(), [&id](const Finding& f) { return f.id == id; });
        if (it != checks.end())
            *it = *now;
        else
            checks.append(*now);
    }
    generatedAt = fresh.generatedAt;
    if (!fresh.certificates.isEmpty())
        certificates = fresh.certificates;
    for (const HttpTranscript& t : fresh.transcripts) {
        auto it = std::find_if(transcripts.begin(), transcripts.end(),
                               [&t](const HttpTranscript& old) { return old.probeId == t.probeId; });
        if (it != transcripts.end())
            *it = t;
        else
            transcripts.append(t);
    }
}

} // namespace gjd
