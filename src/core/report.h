// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "finding.h"
#include "safetext.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QSslCertificate>
#include <QString>

#include <array>
#include <optional>

namespace gjd {

inline constexpr const char* kReportSchema = "gitlab-jira-doctor/report/1";

// A certificate as the report lists it: everything a reader needs without parsing the PEM.
struct CertificateInfo
{
    QString sha256; // lowercase hex of the DER
    QString subject;
    QString issuer;
    QDateTime notBefore;
    QDateTime notAfter;
    QStringList san;
    QByteArray pem;

    static CertificateInfo fromCertificate(const QSslCertificate& certificate);
    QJsonObject toJson() const;
    static CertificateInfo fromJson(const QJsonObject& object);
};

// Names and fingerprints used in findings, so every check names certificates the same way.
QString certificateFingerprint(const QSslCertificate& certificate); // "sha256:<hex>"
QString distinguishedName(const QSslCertificate& certificate, bool issuer = false);

struct Summary
{
    std::array<int, 7> counts{}; // indexed by Status
    Status verdict = Status::Pass;

    int count(Status status) const { return counts[static_cast<size_t>(status)]; }
};

// What one HTTP probe sent and received (secrets already removed by HttpExchange). Not part of
// report.json: an export carries each one as http/<probe id>.txt.
struct HttpTranscript
{
    QString probeId;
    QByteArray text;
};

struct Report
{
    // A report read from a file holds at most this many checks (the catalogue has about 50): the
    // cap keeps `diff` and the viewer fast whatever a file claims.
    static constexpr int maxChecks = 1000;

    QString toolVersion;
    QDateTime generatedAt;
    QString url;
    QString publicUrl;    // empty: none
    QString method;       // marketplace | manual | proxy
    QString methodSource; // given | detected | assumed
    QString methodReason; // how it was detected or why assumed (text output only)
    QString vantageOs;
    QString vantageQt;
    QString vantageTlsBackend;
    qint64 durationMs = 0;
    QList<Finding> checks;
    QList<CertificateInfo> certificates;
    QList<HttpTranscript> transcripts; // in the order the probes started

    Summary summary() const;
    const Finding* find(const QString& id) const;
    // What platform.install_type decided ("marketplace", "legacy-connect", "forge-native", "none"),
    // empty when it did not (skipped, or not a value this version knows: a report from elsewhere).
    QString installType() const;
    // How it was decided ("settings", "descriptor_key", "descriptor_key+endpoints"), same rules.
    QString installTypeDecidedBy() const;
    QJsonObject toJson() const;
    static std::optional<Report> fromJson(const QJsonObject& object, QString* error = nullptr);

    // What "Re-run failed" runs: every check that failed, warned or could not run (error), and
    // every skipped check that waited, directly or through other such checks, on one of them (a
    // dependant must not keep "skipped: prerequisite failed" once that prerequisite passes).
    // In report order; empty when nothing needs attention.
    QStringList rerunSelection() const;

    // Takes in a run of some checks only ("Re-run failed"): each check of `rerunIds` takes its
    // finding from `fresh` (appended when this report did not list it), the others keep theirs;
    // the transcripts of the probes that ran again replace theirs (the rest stay, new ones are
    // appended); the certificates are the fresh ones when the re-run saw any; the date is the
    // fresh one. A check of `rerunIds` that `fresh` does not list keeps its old finding.
    void mergeRerun(const Report& fresh, const QStringList& rerunIds);

    // A copy with every text made safe for `where` (safetext.h): ids, categories, titles,
    // summaries, details, remedies, docs, explains, prerequisites, evidence keys and values,
    // certificate names and transcripts. Servers and export files put text into the report; the
    // formatters for terminals and tickets (text, Markdown) and `show`/`diff` call this first, so
    // that no escape sequence, NUL or bidi override reaches a screen from any field.
    Report safeFor(SafeFor where) const;
};

} // namespace gjd
