// SPDX-License-Identifier: GPL-3.0-or-later
// The fuzz target of the export reader: every file `show`, `diff` and the GUI's viewer open may
// come from anyone. Linked with libFuzzer when GJD_FUZZ is on (scripts/fuzz.sh), and with
// replay_main.cpp in every test build.
//
// Besides crashes, leaks and sanitizer reports, it aborts on what would be a silent bug:
//   - a refusal without a reason, or a reason that is not one line of text (the reader's
//     contract; a file name or schema from the archive must not put a newline or a terminal
//     escape sequence on the admin's screen);
//   - a report that does not survive Report::toJson() → Report::fromJson() unchanged (what
//     `show` prints and what an export made again from an opened one contains).
//
// An input that is not a ZIP is read twice: as a bare report.json, and as the report.json of an
// otherwise valid export (correct manifest and hashes). Mutating a ZIP almost always breaks a
// checksum or a hash, so without the second reading the manifest → report path inside a bundle
// would only ever see the seeds.

#include "export/exportbundle.h"
#include "fuzzcheck.h"
#include "report.h"
#include "zipwriter.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QtGlobal>

#include <cstddef>
#include <cstdint>

namespace {

using gjd::fuzz::isOneLineOfText;

[[noreturn]] void fail(const char* what, const QString& detail)
{
    gjd::fuzz::fail("fuzz_export_reader", what, detail);
}

QString json(const QJsonObject& object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented));
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/)
{
    // QuaZip warns about every damaged archive it meets; at thousands of runs a second that
    // would bury libFuzzer's status lines and any sanitizer report.
    qInstallMessageHandler(gjd::fuzz::dropMessage);
    return 0;
}

namespace {

void readOne(const QByteArray& bytes)
{
    QString error;
    const std::optional<gjd::OpenedExport> opened = gjd::ExportReader::fromBytes(bytes, &error);
    if (!opened) {
        if (error.isEmpty())
            fail("refused without a reason", QString());
        if (!isOneLineOfText(error))
            fail("the reason for a refusal is not one line of text:", error);
        return;
    }

    const QJsonObject first = opened->report.toJson();
    QString why;
    const std::optional<gjd::Report> again = gjd::Report::fromJson(first, &why);
    if (!again)
        fail("a report the reader accepted cannot be read back from its own JSON:",
             why + QLatin1Char('\n') + json(first));
    const QJsonObject second = again->toJson();
    if (second != first)
        fail("a report changes when written and read back:",
             QStringLiteral("--- read\n") + json(first) + QStringLiteral("--- read back\n") + json(second));

    // The viewer lists the files of a bundle; report.json and manifest.json are always among them.
    if (opened->isBundle) {
        QStringList paths;
        for (const gjd::BundleFile& file : opened->files)
            paths.append(file.path);
        if (!paths.contains(QLatin1String("report.json")) || !paths.contains(QLatin1String("manifest.json")))
            fail("an export opened without its report.json or manifest.json:", paths.join(QLatin1Char(' ')));
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    // Not copied: a read past the end of the input then lands outside libFuzzer's allocation,
    // where AddressSanitizer sees it.
    const QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char*>(data), qsizetype(size));
    readOne(bytes);
    if (!bytes.startsWith("PK")) {
        QList<gjd::test::ZipEntry> entries{
            {QStringLiteral("report.json"), QByteArray(bytes.constData(), bytes.size())}};
        entries.append({QStringLiteral("manifest.json"), gjd::test::manifestFor(entries)});
        readOne(gjd::test::makeZip(entries));
    }
    return 0;
}
