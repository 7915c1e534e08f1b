// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "export/redaction.h"
#include "report.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace gjd {

inline constexpr const char* kExportSchema = "gitlab-jira-doctor/export/1";

struct BundleFile
{
    QString path; // inside the ZIP: "report.json", "http/api.user.txt"…
    QByteArray content;
};

// A troubleshooting export: one ZIP a support engineer can attach to a ticket and open again.
//
//   make(report, options) ─ redact (secrets always; identities on request) ─ render:
//       report.json  report.html  report.md  certificates/*.pem  http/*.txt  manifest.json
//   files()               ─ exactly the bytes that will leave the machine (the GUI's preview)
//   write(path)           ─ the ZIP, atomically (temp file + rename); nothing half-written
//
// The manifest lists the tool version, what was collected, the redaction level and the sha256
// of every other file; the reader checks all of it.
class ExportBundle
{
    Q_DECLARE_TR_FUNCTIONS(gjd::ExportBundle)

public:
    struct Options
    {
        RedactionLevel level = RedactionLevel::Secrets;
        // Values the run used that must not appear anywhere (tokens); see secretsOf().
        QList<QByteArray> secrets;
        QDateTime createdAt; // default: now
    };

    static ExportBundle make(const Report& report, const Options& options);
    // The credentials of a run in every form a transcript could hold them.
    static QList<QByteArray> secretsOf(const QByteArray& gitlabToken, const QByteArray& jiraToken,
                                       const QString& jiraEmail);

    // Why no export can be made from this report (then files() is empty and writing fails).
    const QString& error() const { return m_error; }
    const QList<BundleFile>& files() const { return m_files; }
    const BundleFile* file(const QString& path) const;
    RedactionLevel level() const { return m_level; }
    // The report as it is in the export (redacted).
    const Report& report() const { return m_report; }

    // The ZIP in memory, or empty with *error.
    QByteArray toZip(QString* error) const;
    // Writes the ZIP to path atomically; false with a translated *error, and nothing left behind.
    bool write(const QString& path, QString* error) const;

private:
    QList<BundleFile> m_files;
    QString m_error;
    RedactionLevel m_level = RedactionLevel::Secrets;
    Report m_report;
};

// An export (or a bare report.json) read back: for `show`, `diff` and the GUI's viewer.
struct OpenedExport
{
    QString path;
    Report report;
    bool isBundle = false; // false: a bare report.json
    QString toolVersion;   // of the program that made it
    QDateTime createdAt;
    RedactionLevel level = RedactionLevel::Secrets;
    bool certificatesOmitted = false; // identities: fingerprints and validity only
    QList<BundleFile> files;          // every file of the bundle, checked against the manifest
};

// Reads exports that may come from anyone: nothing is extracted to disk, every size is capped
// while reading (never believed from the headers), only the bundle's own layout is accepted
// (no "..", absolute paths, symlinks or unknown entries), every file's sha256 must match the
// manifest, and the report must have a known schema.
class ExportReader
{
    Q_DECLARE_TR_FUNCTIONS(gjd::ExportReader)

public:
    static constexpr qint64 maxEntryBytes = 16 * 1024 * 1024;
    static constexpr qint64 maxTotalBytes = 64 * 1024 * 1024;
    static constexpr int maxEntries = 1000;
    static constexpr qint64 maxFileBytes = 256 * 1024 * 1024; // the ZIP itself

    // A ZIP export or a report.json, by content. nullopt with a translated one-line *error.
    static std::optional<OpenedExport> open(const QString& path, QString* error);
    static std::optional<OpenedExport> fromBytes(const QByteArray& data, QString* error);
};

} // namespace gjd
