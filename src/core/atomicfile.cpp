// SPDX-License-Identifier: GPL-3.0-or-later
#include "atomicfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QSaveFile>

namespace gjd {

QString writeFileAtomically(const QString& path, const QByteArray& data, QFileDevice::Permissions permissions)
{
    const QString shown = QDir::toNativeSeparators(path);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
        return QCoreApplication::translate("gjd::AtomicFile", "Cannot write %1: %2")
            .arg(shown, file.errorString());
    file.setPermissions(permissions);
    qint64 written = 0;
    while (written < data.size()) {
        const qint64 n = file.write(data.constData() + written, data.size() - written);
        if (n <= 0) {
            const QString why =
                file.errorString().isEmpty()
                    ? QCoreApplication::translate("gjd::AtomicFile", "the disk is full or the "
                                                                     "file too large")
                    : file.errorString();
            file.cancelWriting();
            return QCoreApplication::translate("gjd::AtomicFile", "Cannot write %1: %2").arg(shown, why);
        }
        written += n;
    }
    if (!file.commit())
        return QCoreApplication::translate("gjd::AtomicFile", "Cannot write %1: %2")
            .arg(shown, file.errorString());
    return QString();
}

} // namespace gjd
