// SPDX-License-Identifier: GPL-3.0-or-later
// Writes the seed corpus of every fuzz target into a directory, one subdirectory per target:
//
//   export_reader/    real exports as ExportBundle makes them, bare reports, and the hostile
//                     archives of tst_exportbundle (here)
//   http_response/    responses as servers send them, split into reads (corpusseeds.cpp)
//   url_input/        instance URLs, --resolve values and address lists (corpusseeds.cpp)
//   chain_analysis/   certificate chains of a deterministic PKI (fuzzpki.h, corpusseeds.cpp)
//   descriptor/       GitLab's Connect descriptor, broken variants and non-JSON (corpusseeds.cpp)
//
// Generated at build/test time rather than checked in, so that the seeds follow the formats; the
// same bytes on every run, so that the replay tests are the same on every run.
//
//   make_corpus DIR     (existing files of the same names are replaced; others are left alone)

#include "corpusseeds.h"
#include "export/exportbundle.h"
#include "samplereport.h"
#include "zipwriter.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include <quazip/quazip.h>
#include <quazip/quazipfile.h>
#include <quazip/quazipnewinfo.h>

#include <cstdio>
#include <cstdlib>

using namespace gjd;
using gjd::fuzz::Seeds;
using gjd::test::ZipEntry;

namespace {

Finding finding(const char* id, const char* category, Status status, const QString& summary)
{
    Finding f;
    f.id = QString::fromLatin1(id);
    f.category = QString::fromLatin1(category);
    f.status = status;
    f.title = QString::fromLatin1(id);
    f.summary = summary;
    return f;
}

// Every field of the model in use, with the values redaction looks for (hosts, addresses, an
// email, an account id, a token) and text outside ASCII.
Report sampleReport()
{
    Report r = gjd::test::reportHeader(QStringLiteral("https://gitlab.acme-corp.example"),
                                       QStringLiteral("marketplace"), QStringLiteral("detected"));
    r.publicUrl = QStringLiteral("https://jira-proxy.acme-corp.example");
    r.methodReason = QStringLiteral("jira_connect_proxy_url is https://gitlab.com");

    Finding dns =
        finding("dns.public", "dns", Status::Pass,
                QStringLiteral("gitlab.acme-corp.example resolves to 203.0.113.7 and 2001:db8::7."));
    dns.evidence = QJsonObject{{QStringLiteral("a"), QJsonArray{QStringLiteral("203.0.113.7")}},
                               {QStringLiteral("aaaa"), QJsonArray{QStringLiteral("2001:db8::7")}},
                               {QStringLiteral("ttl"), 300},
                               {QStringLiteral("dnssec"), QJsonValue()}};
    dns.durationMs = 12;
    Finding chain = finding("tls.chain.complete", "tls", Status::Fail,
                            QStringLiteral("The server does not send the intermediate certificate."));
    chain.details = QStringLiteral("Zertifikatskette unvollständig — “Acme Issuing CA” fehlt. 証明書 🔒");
    chain.remedy = QStringLiteral("Configure the full chain in nginx.conf.");
    chain.docs = {QStringLiteral("https://docs.gitlab.com/omnibus/settings/ssl/")};
    chain.explains = {QStringLiteral("unable to get local issuer certificate")};
    chain.evidence = QJsonObject{
        {QStringLiteral("missing_issuer"), QStringLiteral("CN=Acme Issuing CA,O=Acme Corp")},
        {QStringLiteral("served"),
         QJsonArray{QStringLiteral("sha256:%1").arg(QString(64, QLatin1Char('b')))}},
        {QStringLiteral("depth"), 1.5},
        {QStringLiteral("nested"), QJsonObject{{QStringLiteral("ok"), false},
                                               {QStringLiteral("list"), QJsonArray{1, true, QJsonValue()}}}}};
    Finding token = finding("gitlab.token", "gitlab", Status::Warn,
                            QStringLiteral("Token of the administrator jdoe-admin."));
    token.evidence = QJsonObject{{QStringLiteral("username"), QStringLiteral("jdoe-admin")},
                                 {QStringLiteral("is_admin"), true}};
    token.prerequisites = {QStringLiteral("dns.public")};
    Finding jira = finding("jira.auth", "jira", Status::Error, QStringLiteral("Signed in as Jane Q. Doe."));
    jira.evidence = QJsonObject{
        {QStringLiteral("email"), QStringLiteral("jane.doe@acme-corp.example")},
        {QStringLiteral("account_id"), QStringLiteral("557058:f58131cb-b67d-43c7-b30d-6b58d40bd077")}};
    r.checks = {dns,
                chain,
                token,
                jira,
                finding("connect.descriptor", "connect", Status::Info, QStringLiteral("Fine.")),
                finding("manual.outbound", "manual", Status::Skip, QStringLiteral("Not a proxy setup.")),
                finding("gitlab.version", "gitlab", Status::Manual, QStringLiteral("Look by hand."))};

    CertificateInfo leaf;
    leaf.sha256 = QString(64, QLatin1Char('c'));
    leaf.subject = QStringLiteral("CN=gitlab.acme-corp.example,O=Acme Corp,C=US");
    leaf.issuer = QStringLiteral("CN=Acme Issuing CA,O=Acme Corp");
    leaf.notBefore = r.generatedAt.addDays(-10);
    leaf.notAfter = r.generatedAt.addDays(80);
    leaf.san = {QStringLiteral("gitlab.acme-corp.example"), QStringLiteral("*.acme-corp.example")};
    leaf.pem = "-----BEGIN CERTIFICATE-----\nMIIBseedPEM\n-----END CERTIFICATE-----\n";
    r.certificates.append(leaf);

    r.transcripts = {
        {QStringLiteral("api.user"),
         "# https://gitlab.acme-corp.example/api/v4/user (203.0.113.7), 12 ms\n"
         "GET /api/v4/user HTTP/1.1\r\nHost: gitlab.acme-corp.example\r\n"
         "PRIVATE-TOKEN: glpat-SEEDgitlab0123456789abcd\r\n\r\n"
         "HTTP/1.1 200 OK\r\n\r\n{\"id\":1,\"username\":\"jdoe-admin\",\"is_admin\":true}\r\n"},
        {QStringLiteral("jira.myself"),
         "# https://acme.atlassian.net/rest/api/3/myself, 80 ms\n"
         "GET /rest/api/3/myself HTTP/1.1\r\n\r\nHTTP/1.1 200 OK\r\n\r\n{}\r\n"},
    };
    return r;
}

Report smallReport()
{
    Report r;
    r.toolVersion = QStringLiteral("0.1.0");
    r.generatedAt = QDateTime(QDate(2026, 11, 24), QTime(15, 4, 5), Qt::UTC);
    r.url = QStringLiteral("https://gitlab.example");
    r.checks = {finding("dns.public", "dns", Status::Pass, QStringLiteral("Fine."))};
    return r;
}

ExportBundle bundleOf(const Report& report, RedactionLevel level)
{
    ExportBundle::Options options;
    options.level = level;
    options.secrets = ExportBundle::secretsOf("glpat-SEEDgitlab0123456789abcd", "ATATT3xSEEDjira0123456789",
                                              QStringLiteral("jane.doe@acme-corp.example"));
    options.createdAt = QDateTime(QDate(2026, 11, 24), QTime(16, 0), Qt::UTC);
    return ExportBundle::make(report, options);
}

QByteArray zipOf(const ExportBundle& bundle)
{
    QString error;
    const QByteArray zip = bundle.toZip(&error);
    if (zip.isEmpty())
        qFatal("cannot make an export: %s", qUtf8Printable(error));
    return zip;
}

// An export's entries without its manifest, for the hostile variants to start from.
QList<ZipEntry> entriesOf(const ExportBundle& bundle)
{
    QList<ZipEntry> entries;
    for (const BundleFile& f : bundle.files()) {
        if (f.path != QLatin1String("manifest.json"))
            entries.append({f.path, f.content});
    }
    return entries;
}

// The same export in the ZIP forms other tools write: entries stored uncompressed, or with
// ZIP64 headers. The reader accepts both, and they put different bytes under the fuzzer.
QByteArray rezip(const ExportBundle& bundle, bool stored, bool zip64)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    QuaZip zip(&buffer);
    zip.setZip64Enabled(zip64);
    if (!zip.open(QuaZip::mdCreate))
        qFatal("cannot create a ZIP in memory");
    for (const BundleFile& f : bundle.files()) {
        QuaZipFile out(&zip);
        QuaZipNewInfo info(f.path);
        info.dateTime = QDateTime(QDate(2026, 11, 24), QTime(16, 0));
        if (!out.open(QIODevice::WriteOnly, info, nullptr, 0, stored ? 0 : Z_DEFLATED))
            qFatal("cannot add an entry");
        out.write(f.content);
        out.close();
    }
    zip.close();
    return bytes;
}

Seeds exportReaderSeeds()
{
    const Report report = sampleReport();
    const ExportBundle full = bundleOf(report, RedactionLevel::Secrets);
    const ExportBundle small = bundleOf(smallReport(), RedactionLevel::Secrets);
    const QList<ZipEntry> valid = entriesOf(small);

    Seeds seeds;
    const auto add = [&seeds](const char* name, const QByteArray& data) {
        seeds.append({QString::fromLatin1(name), data});
    };
    add("export-secrets.zip", zipOf(full));
    add("export-identities.zip", zipOf(bundleOf(report, RedactionLevel::Identities)));
    add("export-small.zip", zipOf(small));
    add("export-stored.zip", rezip(small, true, false));
    add("export-zip64.zip", rezip(small, false, true));
    add("report.json", QJsonDocument(report.toJson()).toJson(QJsonDocument::Indented));
    add("report-small.json", QJsonDocument(smallReport().toJson()).toJson(QJsonDocument::Compact));

    add("hostile-parent-path.zip", gjd::test::zipWithManifest(gjd::test::withEntry(
                                       valid, {QStringLiteral("http/../../../tmp/evil.txt"), "x"})));
    add("hostile-backslash-path.zip", gjd::test::zipWithManifest(gjd::test::withEntry(
                                          valid, {QStringLiteral("http\\..\\..\\evil.txt"), "x"})));
    add("hostile-absolute-path.zip",
        gjd::test::zipWithManifest(gjd::test::withEntry(valid, {QStringLiteral("/tmp/gjd-evil.txt"), "x"})));
    ZipEntry link{QStringLiteral("http/link.txt"), "/etc/passwd"};
    link.symlink = true;
    add("hostile-symlink.zip", gjd::test::zipWithManifest(gjd::test::withEntry(valid, link)));
    add("hostile-unknown-entry.zip", gjd::test::zipWithManifest(gjd::test::withEntry(
                                         valid, {QStringLiteral("run-me.sh"), "#!/bin/sh\n"})));
    // 1 MiB of zeros whose headers claim 1 KiB: the checksum fails where reading stops.
    ZipEntry liar{QStringLiteral("http/bomb.txt"), QByteArray(1024 * 1024, '\0')};
    liar.claimedSize = 1024;
    add("hostile-lying-size.zip", gjd::test::zipWithManifest(gjd::test::withEntry(valid, liar)));
    ZipEntry huge{QStringLiteral("http/huge.txt"), QByteArray(1024, 'a')};
    huge.claimedSize = 2LL * 1024 * 1024 * 1024;
    add("hostile-big-claim.zip", gjd::test::zipWithManifest(gjd::test::withEntry(valid, huge)));
    add("hostile-invalid-json.zip", gjd::test::zipWithManifest(gjd::test::withContent(
                                        valid, QStringLiteral("report.json"), "{\"schema\": \"gitlab-jira")));
    add("hostile-unknown-report-schema.zip",
        gjd::test::zipWithManifest(
            gjd::test::withContent(valid, QStringLiteral("report.json"),
                                   "{\"schema\": \"gitlab-jira-doctor/report/9\", \"checks\": []}")));
    add("hostile-unknown-export-schema.zip",
        gjd::test::zipWithManifest(valid, QStringLiteral("gitlab-jira-doctor/export/7")));
    QList<ZipEntry> tampered = valid;
    tampered.append({QStringLiteral("manifest.json"), gjd::test::manifestFor(valid)});
    tampered.first().content += ' ';
    add("hostile-tampered.zip", gjd::test::makeZip(tampered));
    QList<ZipEntry> unlisted = valid;
    unlisted.append({QStringLiteral("manifest.json"), gjd::test::manifestFor(valid)});
    unlisted.append({QStringLiteral("http/extra.txt"), "x"});
    add("hostile-unlisted.zip", gjd::test::makeZip(unlisted));
    add("hostile-duplicate.zip", gjd::test::zipWithManifest(gjd::test::withEntry(valid, valid.first())));

    // The fuzzer gets past the reader's checks only from seeds the reader accepts.
    for (const auto& [name, data] : std::as_const(seeds)) {
        QString error;
        const bool accepted = ExportReader::fromBytes(data, &error).has_value();
        if (accepted != !name.startsWith(QLatin1String("hostile-"))) {
            std::fprintf(stderr, "make_corpus: the export_reader seed %s was %s: %s\n", qUtf8Printable(name),
                         accepted ? "accepted" : "refused", qUtf8Printable(error));
            std::exit(1);
        }
    }
    return seeds;
}

} // namespace

int main(int argc, char** argv)
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: make_corpus DIR\n");
        return 2;
    }
    // Qt's TLS backend (the certificates of the chain analysis seeds) expects an application object.
    const QCoreApplication app(argc, argv);
    const QDir dir(QString::fromLocal8Bit(argv[1]));
    const QList<QPair<QString, Seeds>> targets{
        {QStringLiteral("export_reader"), exportReaderSeeds()},
        {QStringLiteral("http_response"), gjd::fuzz::httpResponseSeeds()},
        {QStringLiteral("url_input"), gjd::fuzz::urlInputSeeds()},
        {QStringLiteral("chain_analysis"), gjd::fuzz::chainAnalysisSeeds()},
        {QStringLiteral("descriptor"), gjd::fuzz::descriptorSeeds()},
    };
    qsizetype count = 0;
    for (const auto& [target, seeds] : targets) {
        if (!dir.mkpath(target)) {
            std::fprintf(stderr, "make_corpus: cannot create %s\n", qUtf8Printable(dir.filePath(target)));
            return 1;
        }
        for (const auto& [name, data] : seeds) {
            QFile file(dir.filePath(target + QLatin1Char('/') + name));
            if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(data) != data.size()) {
                std::fprintf(stderr, "make_corpus: cannot write %s\n", qUtf8Printable(file.fileName()));
                return 1;
            }
        }
        count += seeds.size();
    }
    std::printf("make_corpus: %lld seeds for %lld targets in %s\n", static_cast<long long>(count),
                static_cast<long long>(targets.size()),
                qUtf8Printable(QDir::toNativeSeparators(dir.absolutePath())));
    return 0;
}
