// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Writes ZIP archives the way a hostile sender would: any entry name, symlink entries, headers
// that lie about sizes. For the tests of the export reader and its fuzz corpus.

#include <QBuffer>
#include <QByteArray>
#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <quazip/quazip.h>
#include <quazip/quazipfile.h>
#include <quazip/quazipnewinfo.h>

#include <zlib.h>

namespace gjd::test {

struct ZipEntry
{
    QString name;
    QByteArray content;
    bool symlink = false;
    // When set, the headers claim this uncompressed size (and the content is stored raw-deflated
    // as given): a zip bomb that lies, or a "2 GiB" entry without 2 GiB of test data.
    qint64 claimedSize = -1;
};

// Raw deflate (no zlib header), as a ZIP entry holds it.
inline QByteArray rawDeflate(const QByteArray& data)
{
    z_stream s{};
    deflateInit2(&s, 9, Z_DEFLATED, -15, 9, Z_DEFAULT_STRATEGY);
    QByteArray out(int(deflateBound(&s, uLong(data.size()))), Qt::Uninitialized);
    s.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.constData()));
    s.avail_in = uInt(data.size());
    s.next_out = reinterpret_cast<Bytef*>(out.data());
    s.avail_out = uInt(out.size());
    deflate(&s, Z_FINISH);
    out.resize(int(s.total_out));
    deflateEnd(&s);
    return out;
}

inline QByteArray makeZip(const QList<ZipEntry>& entries)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    QuaZip zip(&buffer);
    if (!zip.open(QuaZip::mdCreate))
        qFatal("cannot create a ZIP in memory");
    for (const ZipEntry& e : entries) {
        QuaZipNewInfo info(e.name);
        // A fixed time instead of the clock QuaZipNewInfo reads: the same archive on every run, so
        // that the fuzz corpus and its replay are the same too.
        info.dateTime = QDateTime(QDate(2026, 11, 24), QTime(16, 0));
        if (e.symlink)
            info.externalAttr = quint32(0120777) << 16;
        QuaZipFile out(&zip);
        if (e.claimedSize >= 0) {
            info.uncompressedSize = ulong(e.claimedSize);
            const QByteArray raw = rawDeflate(e.content);
            const quint32 crc = quint32(
                crc32(0, reinterpret_cast<const Bytef*>(e.content.constData()), uInt(e.content.size())));
            if (!out.open(QIODevice::WriteOnly, info, nullptr, crc, Z_DEFLATED, 9, true))
                qFatal("cannot add a raw entry");
            out.write(raw);
            out.close();
        } else {
            if (!out.open(QIODevice::WriteOnly, info))
                qFatal("cannot add an entry");
            out.write(e.content);
            out.close();
        }
    }
    zip.close();
    return bytes;
}

// A manifest that lists the entries with their true sha256 (so that the reader gets past the
// manifest and meets the problem under test).
inline QByteArray manifestFor(const QList<ZipEntry>& entries,
                              const QString& schema = QStringLiteral("gitlab-jira-doctor/export/1"))
{
    QJsonArray files;
    for (const ZipEntry& e : entries)
        files.append(QJsonObject{
            {QStringLiteral("path"), e.name},
            {QStringLiteral("sha256"),
             QString::fromLatin1(QCryptographicHash::hash(e.content, QCryptographicHash::Sha256).toHex())},
            {QStringLiteral("size"), qint64(e.content.size())}});
    const QJsonObject manifest{
        {QStringLiteral("schema"), schema},
        {QStringLiteral("tool"), QJsonObject{{QStringLiteral("name"), QStringLiteral("gitlab-jira-doctor")},
                                             {QStringLiteral("version"), QStringLiteral("0.1.0")}}},
        {QStringLiteral("created_at"), QStringLiteral("2026-11-24T15:04:05Z")},
        {QStringLiteral("redaction"), QJsonObject{{QStringLiteral("level"), QStringLiteral("secrets")}}},
        {QStringLiteral("collected"),
         QJsonObject{{QStringLiteral("certificates"), QJsonObject{{QStringLiteral("pem"), true}}}}},
        {QStringLiteral("files"), files}};
    return QJsonDocument(manifest).toJson();
}

// The ZIP of `entries` plus a manifest.json that lists them truthfully.
inline QByteArray zipWithManifest(QList<ZipEntry> entries,
                                  const QString& schema = QStringLiteral("gitlab-jira-doctor/export/1"))
{
    entries.append({QStringLiteral("manifest.json"), manifestFor(entries, schema)});
    return makeZip(entries);
}

// `entries` and one more.
inline QList<ZipEntry> withEntry(QList<ZipEntry> entries, const ZipEntry& extra)
{
    entries.append(extra);
    return entries;
}

// `entries` with the content of `path` replaced.
inline QList<ZipEntry> withContent(QList<ZipEntry> entries, const QString& path, const QByteArray& content)
{
    for (ZipEntry& entry : entries) {
        if (entry.name == path)
            entry.content = content;
    }
    return entries;
}

} // namespace gjd::test
