// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QFileDevice>
#include <QString>

namespace gjd {

// Writes `data` to `path` through a temporary file that is renamed over `path` only when every
// byte reached the disk: a full disk, a size limit or a crash leaves the previous file (or none),
// never a truncated one. Returns an empty string on success, else why not (translated).
//
// QSaveFile alone is not enough in Qt 6.4: with a buffered device, a short write() from the
// kernel (the usual first sign of ENOSPC or RLIMIT_FSIZE) is taken as success when the buffer is
// flushed, and commit() renames a truncated file into place. Writing unbuffered and checking the
// count catches it.
QString writeFileAtomically(const QString& path, const QByteArray& data,
                            QFileDevice::Permissions permissions = QFileDevice::ReadOwner |
                                                                   QFileDevice::WriteOwner |
                                                                   QFileDevice::ReadGroup |
                                                                   QFileDevice::ReadOther);

} // namespace gjd
