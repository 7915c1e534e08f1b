// SPDX-License-Identifier: GPL-3.0-or-later
#include "exportbundle.h"

#include "clock.h"
#include "htmlformatter.h"
#include "markdownformatter.h"
#include "safefile.h"
#include "safetext.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSet>

#include <quazip/quazip.h>
#include <quazip/quazipfile.h>
#include <quazip/quazipfileinfo.h>
#include <quazip/quazipnewinfo.h>

Q_LOGGING_CATEGORY(lcExport, "gjd.export")

namespace gjd {

namespace {

const QString kManifest = QStringLiteral("manifest.json");
const QString kReportJson = QStringLiteral("report.json");
const QString kReportHtml = QStringLiteral("report.html");
const QString kReportMd = QStringLiteral("report.md");

QString sha256Hex(const QByteArray& data)
{
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

// The only paths an export has; anything else in a ZIP is refused.
const QRegularExpression& allowedPath()
{
    static const QRegularExpression re(
        QStringLiteral("^(?:report\\.json|report\\.html|report\\.md|manifest\\.json|"
                       "certificates/[A-Za-z0-9][A-Za-z0-9_-]{0,100}\\.pem|"
                       "http/[A-Za-z0-9][A-Za-z0-9._-]{0,100}\\.txt)\\z"));
    return re;
}

// Text from the file as an error message quotes it: one line without control characters (a name
// in a ZIP or a string in its JSON can hold a newline, a backspace or a terminal escape sequence),
// and not longer than `length`.
QString printable(const QString& text, qsizetype length = 120)
{
    return safeText(text.left(length), SafeFor::OneLine);
}

// A transcript's file name (without "http/" and ".txt") that the reader's layout accepts: a letter
// or digit first, then letters, digits, ".", "_" and "-", at most 90 characters, unique.
QString transcriptFileName(const QString& probeId, const QSet<QString>& taken)
{
    QString base;
    for (const QChar c : probeId.left(90))
        base += (c.isLetterOrNumber() && c.unicode() < 128) || c == QLatin1Char('.') ||
                        c == QLatin1Char('_') || c == QLatin1Char('-')
                    ? c
                    : QLatin1Char('_');
    if (base.isEmpty() || !base.at(0).isLetterOrNumber())
        base.prepend(QLatin1Char('p'));
    QString name = base;
    for (int n = 2; taken.contains(name); ++n)
        name = base + QLatin1Char('-') + QString::number(n);
    return name;
}

// Text from a file anyone can make is shown on terminals and in widgets: no control characters
// but tab and line breaks (no escape sequences that retitle a terminal or hide text), no bidi
// overrides that make text read differently from what it is.
QString withoutControls(const QString& text)
{
    return safeText(text, SafeFor::Display);
}

// Every text of the model through `f` (secrets, identities), evidence included.
template <typename F> void forEachText(Report& report, const F& f)
{
    for (QString* s :
         {&report.url, &report.publicUrl, &report.method, &report.methodSource, &report.methodReason,
          &report.toolVersion, &report.vantageOs, &report.vantageQt, &report.vantageTlsBackend})
        *s = f(*s);
    for (Finding& finding : report.checks) {
        for (QString* s : {&finding.title, &finding.summary, &finding.details, &finding.remedy})
            *s = f(*s);
        for (QString& e : finding.explains)
            e = f(e);
        for (QString& d : finding.docs)
            d = f(d);
        const QString evidence =
            QString::fromUtf8(QJsonDocument(finding.evidence).toJson(QJsonDocument::Compact));
        const QString changed = f(evidence);
        if (changed != evidence)
            finding.evidence = QJsonDocument::fromJson(changed.toUtf8()).object();
    }
    for (CertificateInfo& c : report.certificates) {
        c.subject = f(c.subject);
        c.issuer = f(c.issuer);
        for (QString& san : c.san)
            san = f(san);
    }
}

} // namespace

QList<QByteArray> ExportBundle::secretsOf(const QByteArray& gitlabToken, const QByteArray& jiraToken,
                                          const QString& jiraEmail)
{
    QList<QByteArray> out;
    if (!gitlabToken.isEmpty())
        out.append(gitlabToken);
    if (!jiraToken.isEmpty()) {
        out.append(jiraToken);
        // The Basic credentials of Jira's API, as the Authorization header carried them.
        out.append(jiraEmail.toUtf8() + ':' + jiraToken);
    }
    return out;
}

ExportBundle ExportBundle::make(const Report& source, const Options& options)
{
    ExportBundle bundle;
    bundle.m_level = options.level;
    const QDateTime createdAt = options.createdAt.isValid() ? options.createdAt : Clock::nowUtc();
    const SecretScrubber scrubber(options.secrets);

    // Secrets: every text of the model, before anything is rendered from it.
    Report report = source;
    forEachText(report, [&scrubber](const QString& s) { return scrubber.scrub(s); });
    for (HttpTranscript& t : report.transcripts)
        t.text = scrubber.scrub(t.text);

    Pseudonymizer pseudonyms;
    if (options.level == RedactionLevel::Identities) {
        pseudonyms.learn(report);
        // Fail closed: an export whose identities cannot all be replaced is not made.
        if (!pseudonyms.isUsable()) {
            bundle.m_error = tr("The export cannot be made at the identities level: the run named too many "
                                "hosts, addresses and users to replace them reliably.");
            return bundle;
        }
        pseudonyms.apply(report);
    }
    bundle.m_report = report;

    QList<BundleFile> files;
    files.append({kReportJson, QJsonDocument(report.toJson()).toJson(QJsonDocument::Indented)});
    files.append({kReportHtml, HtmlFormatter::format(report).toUtf8()});
    files.append({kReportMd, MarkdownFormatter::format(report).toUtf8()});
    int index = 0;
    for (const CertificateInfo& c : std::as_const(report.certificates)) {
        ++index;
        if (c.pem.isEmpty())
            continue;
        files.append({QStringLiteral("certificates/%1-%2.pem")
                          .arg(index, 2, 10, QLatin1Char('0'))
                          .arg(c.sha256.left(16)),
                      c.pem});
    }
    QSet<QString> transcriptNames;
    for (const HttpTranscript& t : std::as_const(report.transcripts)) {
        const QString name = transcriptFileName(t.probeId, transcriptNames);
        transcriptNames.insert(name);
        files.append({QStringLiteral("http/%1.txt").arg(name), t.text});
    }

    // The last line of defence, over the rendered bytes: nothing that looks like a secret, and
    // at the identities level no learned identity, whatever a formatter did with the text.
    for (BundleFile& file : files) {
        QString text = QString::fromUtf8(file.content);
        bool changed = false;
        if (scrubber.containsSecret(text)) {
            qCWarning(lcExport) << "secret-like text left in" << file.path << "after redaction; removed";
            text = scrubber.scrub(text);
            changed = true;
        }
        if (pseudonyms.containsIdentity(text)) {
            qCWarning(lcExport) << "identity left in" << file.path << "after redaction; replaced";
            text = pseudonyms.replaceIdentities(text);
            changed = true;
        }
        if (changed)
            file.content = text.toUtf8();
    }

    QJsonArray fileArray;
    for (const BundleFile& file : std::as_const(files))
        fileArray.append(QJsonObject{{QStringLiteral("path"), file.path},
                                     {QStringLiteral("sha256"), sha256Hex(file.content)},
                                     {QStringLiteral("size"), qint64(file.content.size())}});
    const bool pems = options.level == RedactionLevel::Secrets;
    QJsonObject certificates{{QStringLiteral("count"), qint64(report.certificates.size())},
                             {QStringLiteral("pem"), pems}};
    if (!pems)
        certificates.insert(
            QStringLiteral("note"),
            QStringLiteral("identities redaction: fingerprints, validity and pseudonymous "
                           "names only; PEM files omitted. A publicly trusted certificate can "
                           "still be looked up by its fingerprint in Certificate Transparency "
                           "logs, which show its real names."));
    QJsonObject pseudonymCounts;
    for (const char* kind : {"host", "ip", "email", "account", "user", "org", "ca"})
        pseudonymCounts.insert(QLatin1String(kind), pseudonyms.count(QLatin1String(kind)));
    QJsonObject redaction{
        {QStringLiteral("level"), redactionLevelId(options.level)},
        {QStringLiteral("removed"),
         QJsonArray{QStringLiteral("tokens"), QStringLiteral("authorization"), QStringLiteral("cookies"),
                    QStringLiteral("oauth_secrets"), QStringLiteral("jira_tokens"), QStringLiteral("jwts")}}};
    if (options.level == RedactionLevel::Identities)
        redaction.insert(QStringLiteral("pseudonyms"), pseudonymCounts);
    const QJsonObject manifest{
        {QStringLiteral("schema"), QString::fromLatin1(kExportSchema)},
        {QStringLiteral("tool"), QJsonObject{{QStringLiteral("name"), QStringLiteral("gitlab-jira-doctor")},
                                             {QStringLiteral("version"), QStringLiteral(GJD_VERSION)}}},
        {QStringLiteral("created_at"), createdAt.toUTC().toString(Qt::ISODate)},
        {QStringLiteral("redaction"), redaction},
        {QStringLiteral("collected"),
         QJsonObject{{QStringLiteral("checks"), qint64(report.checks.size())},
                     {QStringLiteral("certificates"), certificates},
                     {QStringLiteral("transcripts"), qint64(report.transcripts.size())}}},
        {QStringLiteral("files"), fileArray},
    };
    files.append({kManifest, QJsonDocument(manifest).toJson(QJsonDocument::Indented)});
    bundle.m_files = files;
    return bundle;
}

const BundleFile* ExportBundle::file(const QString& path) const
{
    for (const BundleFile& f : m_files) {
        if (f.path == path)
            return &f;
    }
    return nullptr;
}

QByteArray ExportBundle::toZip(QString* error) const
{
    if (!m_error.isEmpty()) {
        if (error)
            *error = m_error;
        return {};
    }
    QByteArray bytes;
    QBuffer buffer(&bytes);
    QuaZip zip(&buffer);
    zip.setUtf8Enabled(true);
    if (!zip.open(QuaZip::mdCreate)) {
        if (error)
            *error = tr("Could not create the ZIP archive (error %1).").arg(zip.getZipError());
        return {};
    }
    const QDateTime created = QDateTime::fromString(
        QJsonDocument::fromJson(file(kManifest) ? file(kManifest)->content : QByteArray())
            .object()
            .value(QStringLiteral("created_at"))
            .toString(),
        Qt::ISODate);
    for (const BundleFile& f : m_files) {
        QuaZipFile out(&zip);
        QuaZipNewInfo info(f.path);
        info.dateTime = (created.isValid() ? created : Clock::nowUtc()).toLocalTime();
        info.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup |
                            QFileDevice::ReadOther);
        if (!out.open(QIODevice::WriteOnly, info) || out.write(f.content) != f.content.size()) {
            if (error)
                *error =
                    tr("Could not add %1 to the ZIP archive (error %2).").arg(f.path).arg(out.getZipError());
            return {};
        }
        out.close();
        if (out.getZipError() != 0) {
            if (error)
                *error =
                    tr("Could not add %1 to the ZIP archive (error %2).").arg(f.path).arg(out.getZipError());
            return {};
        }
    }
    zip.close();
    if (zip.getZipError() != 0) {
        if (error)
            *error = tr("Could not finish the ZIP archive (error %1).").arg(zip.getZipError());
        return {};
    }
    return bytes;
}

bool ExportBundle::write(const QString& path, QString* error) const
{
    const QByteArray zip = toZip(error);
    if (zip.isEmpty())
        return false;
    const QString why = writeOutputFile(path, zip, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    if (!why.isEmpty()) {
        if (error)
            *error = why;
        return false;
    }
    return true;
}

// ---------------------------------------------------------------------------------------------

std::optional<OpenedExport> ExportReader::open(const QString& path, QString* error)
{
    const auto fail = [error](const QString& why) -> std::optional<OpenedExport> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    const QString shown = safeText(QDir::toNativeSeparators(path), SafeFor::OneLine);
    QString readError;
    const std::optional<QByteArray> read = readInputFile(path, maxFileBytes, &readError);
    if (!read)
        return fail(readError);
    const QByteArray& data = *read;
    QString why;
    auto opened = fromBytes(data, &why);
    if (!opened)
        return fail(tr("%1: %2").arg(shown, why));
    opened->path = QFileInfo(path).absoluteFilePath();
    return opened;
}

std::optional<OpenedExport> ExportReader::fromBytes(const QByteArray& data, QString* error)
{
    const auto fail = [error](const QString& why) -> std::optional<OpenedExport> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    const auto parseReport = [&](const QByteArray& json, bool bare, OpenedExport& out) -> bool {
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
        if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
            if (bare) {
                // Someone opened some other file: say that first, then what the parser found.
                fail(parseError.error != QJsonParseError::NoError
                         ? tr("This is not a troubleshooting export or report of GitLab Jira Doctor: it is "
                              "neither a ZIP archive nor JSON (%1 at byte %2).")
                               .arg(parseError.errorString())
                               .arg(parseError.offset)
                         : tr("This is not a troubleshooting export or report of GitLab Jira Doctor: it is "
                              "JSON, but not a JSON object."));
                return false;
            }
            const QString why = parseError.error != QJsonParseError::NoError
                                    ? tr("%1 at byte %2").arg(parseError.errorString()).arg(parseError.offset)
                                    : tr("not a JSON object");
            fail(tr("report.json is not valid JSON: %1.").arg(why));
            return false;
        }
        QString reportError;
        auto report = Report::fromJson(doc.object(), &reportError);
        if (!report) {
            const QString why = printable(reportError, 200);
            const bool ours = doc.object()
                                  .value(QStringLiteral("schema"))
                                  .toString()
                                  .startsWith(QLatin1String("gitlab-jira-doctor/"));
            if (bare && !ours)
                fail(tr("This is not a troubleshooting export or report of GitLab Jira Doctor: %1").arg(why));
            else
                fail(bare ? tr("The report cannot be read: %1").arg(why)
                          : tr("report.json cannot be read: %1").arg(why));
            return false;
        }
        out.report = report->safeFor(SafeFor::Display);
        return true;
    };

    OpenedExport out;
    if (!data.startsWith("PK")) {
        // A bare report.json (`check --format json --output`).
        if (data.size() > maxEntryBytes)
            return fail(tr("The file is neither a ZIP export nor a report of at most %1 MiB.")
                            .arg(maxEntryBytes / (1024 * 1024)));
        if (!parseReport(data, true, out))
            return std::nullopt;
        out.toolVersion = out.report.toolVersion;
        out.createdAt = out.report.generatedAt;
        return out;
    }

    QByteArray bytes = data;
    QBuffer buffer(&bytes);
    QuaZip zip(&buffer);
    zip.setUtf8Enabled(true);
    if (!zip.open(QuaZip::mdUnzip))
        return fail(tr("The file is not a readable ZIP archive: it is damaged or cut short (error %1).")
                        .arg(zip.getZipError()));
    const int count = zip.getEntriesCount();
    if (count < 0 || count > maxEntries)
        return fail(tr("The archive has %1 entries; an export has at most %2.").arg(count).arg(maxEntries));

    // Names and headers first: refuse before decompressing anything.
    const QList<QuaZipFileInfo64> infos = zip.getFileInfoList64();
    if (infos.size() != count)
        return fail(tr("The archive's directory cannot be read."));
    QSet<QString> seen;
    quint64 claimed = 0;
    for (const QuaZipFileInfo64& info : infos) {
        const QString name = info.name;
        const QString shownName = printable(name);
        const quint32 type = (info.externalAttr >> 16) & 0170000;
        if (type == 0120000)
            return fail(tr("The archive contains a symbolic link (%1); exports never do.").arg(shownName));
        if (name.startsWith(QLatin1Char('/')) || name.startsWith(QLatin1Char('\\')) ||
            (name.size() > 1 && name.at(1) == QLatin1Char(':')))
            return fail(tr("The archive contains an absolute path (%1).").arg(shownName));
        if (name.split(QRegularExpression(QStringLiteral("[/\\\\]"))).contains(QStringLiteral("..")))
            return fail(tr("The archive contains a path that leaves its folder (%1).").arg(shownName));
        if (name.endsWith(QLatin1Char('/')) &&
            (name == QLatin1String("certificates/") || name == QLatin1String("http/")))
            continue; // a folder entry some ZIP tools add
        if (!allowedPath().match(name).hasMatch())
            return fail(tr("The archive contains %1, which is not part of an export.").arg(shownName));
        if (seen.contains(name))
            return fail(tr("The archive contains %1 twice.").arg(shownName));
        seen.insert(name);
        if (info.uncompressedSize > quint64(maxEntryBytes))
            return fail(tr("%1 would unpack to %2 MiB; an export's files are at most %3 MiB.")
                            .arg(shownName)
                            .arg(info.uncompressedSize / (1024 * 1024))
                            .arg(maxEntryBytes / (1024 * 1024)));
        // Unpacking stops at the size a header claims (and the checksum then fails), so the sum of
        // the claims bounds the memory a hostile archive can make the reader use.
        claimed += info.uncompressedSize;
        if (claimed > quint64(maxTotalBytes))
            return fail(tr("The archive would unpack to more than %1 MiB; an export is much smaller: refused "
                           "as a ZIP bomb.")
                            .arg(maxTotalBytes / (1024 * 1024)));
        if (info.flags & 0x1)
            return fail(tr("%1 is encrypted; exports are not.").arg(shownName));
    }
    if (!seen.contains(kManifest))
        return fail(tr("The archive has no manifest.json: it is not a troubleshooting export."));
    if (!seen.contains(kReportJson))
        return fail(tr("The archive has no report.json."));

    // Then the contents, each capped as it is read: the sizes in the headers may lie.
    QHash<QString, QByteArray> contents;
    qint64 total = 0;
    for (const QuaZipFileInfo64& info : infos) {
        if (!seen.contains(info.name))
            continue;
        if (!zip.setCurrentFile(info.name))
            return fail(tr("%1 cannot be found in the archive.").arg(info.name));
        QuaZipFile in(&zip);
        if (!in.open(QIODevice::ReadOnly))
            return fail(tr("%1 cannot be unpacked (error %2).").arg(info.name).arg(in.getZipError()));
        QByteArray content;
        char chunk[64 * 1024];
        for (;;) {
            const qint64 n = in.read(chunk, sizeof chunk);
            if (n < 0)
                return fail(tr("%1 cannot be unpacked (error %2).").arg(info.name).arg(in.getZipError()));
            if (n == 0)
                break;
            content.append(chunk, n);
            total += n;
            if (content.size() > maxEntryBytes || total > maxTotalBytes)
                return fail(tr("%1 unpacks to more than its header says, or to more than an export holds: "
                               "refused as a ZIP bomb.")
                                .arg(info.name));
        }
        in.close();
        if (in.getZipError() != 0)
            return fail(tr("%1 is damaged (its checksum does not match).").arg(info.name));
        contents.insert(info.name, content);
    }

    QJsonParseError parseError;
    const QJsonDocument manifestDoc = QJsonDocument::fromJson(contents.value(kManifest), &parseError);
    if (parseError.error != QJsonParseError::NoError || !manifestDoc.isObject())
        return fail(tr("manifest.json is not valid JSON (%1).").arg(parseError.errorString()));
    const QJsonObject manifest = manifestDoc.object();
    const QString schema = manifest.value(QStringLiteral("schema")).toString();
    if (schema != QLatin1String(kExportSchema))
        return fail(tr("The export's format \"%1\" is not one this version reads (%2); a newer GitLab Jira "
                       "Doctor may read it.")
                        .arg(printable(schema, 80), QLatin1String(kExportSchema)));
    QHash<QString, QString> listed;
    for (const QJsonValue& v : manifest.value(QStringLiteral("files")).toArray()) {
        const QJsonObject o = v.toObject();
        const QString path = o.value(QStringLiteral("path")).toString();
        if (listed.contains(path))
            return fail(tr("The manifest lists %1 twice.").arg(printable(path)));
        listed.insert(path, o.value(QStringLiteral("sha256")).toString());
    }
    for (auto it = contents.cbegin(); it != contents.cend(); ++it) {
        if (it.key() == kManifest)
            continue;
        if (!listed.contains(it.key()))
            return fail(tr("%1 is not listed in the manifest.").arg(printable(it.key())));
        if (listed.value(it.key()) != sha256Hex(it.value()))
            return fail(tr("%1 does not match the sha256 in the manifest: the export was changed after it "
                           "was made.")
                            .arg(printable(it.key())));
    }
    for (auto it = listed.cbegin(); it != listed.cend(); ++it) {
        if (!contents.contains(it.key()))
            return fail(
                tr("The manifest lists %1, but the archive does not contain it.").arg(printable(it.key())));
    }

    if (!parseReport(contents.value(kReportJson), false, out))
        return std::nullopt;
    out.isBundle = true;
    out.toolVersion = printable(
        manifest.value(QStringLiteral("tool")).toObject().value(QStringLiteral("version")).toString(), 40);
    out.createdAt =
        QDateTime::fromString(manifest.value(QStringLiteral("created_at")).toString(), Qt::ISODate);
    const auto level = redactionLevelFromId(
        manifest.value(QStringLiteral("redaction")).toObject().value(QStringLiteral("level")).toString());
    if (!level)
        return fail(tr("The manifest names no known redaction level."));
    out.level = *level;
    out.certificatesOmitted = !manifest.value(QStringLiteral("collected"))
                                   .toObject()
                                   .value(QStringLiteral("certificates"))
                                   .toObject()
                                   .value(QStringLiteral("pem"))
                                   .toBool();
    // Files in the manifest's order; transcripts back into the report.
    for (const QJsonValue& v : manifest.value(QStringLiteral("files")).toArray()) {
        const QString path = v.toObject().value(QStringLiteral("path")).toString();
        out.files.append({path, contents.value(path)});
        if (path.startsWith(QLatin1String("http/")))
            out.report.transcripts.append(
                {path.mid(5).chopped(4), withoutControls(QString::fromUtf8(contents.value(path))).toUtf8()});
    }
    out.files.append({kManifest, contents.value(kManifest)});
    return out;
}

} // namespace gjd
