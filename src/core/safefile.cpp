// SPDX-License-Identifier: GPL-3.0-or-later
#include "safefile.h"

#include "safetext.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/select.h>
#include <sys/stat.h>
#include <unistd.h>

namespace gjd {

namespace {

struct SafeFile
{
    Q_DECLARE_TR_FUNCTIONS(gjd::SafeFile)
};

QString shown(const QString& path)
{
    return safeText(QDir::toNativeSeparators(path), SafeFor::OneLine);
}

QString errnoText(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

// What a path is, after following links.
enum class Kind
{
    Missing,
    Regular,
    Directory,
    Writable, // a character device or a FIFO: written directly
    Other,    // a block device or a socket
    Error
};

Kind kindOf(const QByteArray& native, int* error)
{
    struct stat st;
    if (::stat(native.constData(), &st) != 0) {
        *error = errno;
        return errno == ENOENT ? Kind::Missing : Kind::Error;
    }
    if (S_ISREG(st.st_mode))
        return Kind::Regular;
    if (S_ISDIR(st.st_mode))
        return Kind::Directory;
    if (S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode))
        return Kind::Writable;
    return Kind::Other;
}

// Which of standard output and error were open when the program started (noteStandardStreams()).
bool g_streamOpen[3] = {true, true, true};

// The standard stream the path names (/dev/stdout, /dev/fd/1…), or -1. Other descriptors are
// refused: they belong to the program's own machinery (an event loop's eventfd, a socket).
int ownDescriptor(const QString& path)
{
    if (path == QLatin1String("/dev/stdout"))
        return STDOUT_FILENO;
    if (path == QLatin1String("/dev/stderr"))
        return STDERR_FILENO;
    static const QRegularExpression fd(QStringLiteral("^(?:/dev/fd|/proc/self/fd)/([0-9]{1,6})$"));
    const QRegularExpressionMatch m = fd.match(path);
    return m.hasMatch() ? m.captured(1).toInt() : -1;
}

// Why a symbolic link at `path` must not be followed, or empty.
QString symlinkRefusal(const QString& path, const QByteArray& native)
{
    struct stat link;
    if (::lstat(native.constData(), &link) != 0 || !S_ISLNK(link.st_mode))
        return QString();
    struct stat dir;
    const QByteArray folder = QFile::encodeName(QFileInfo(path).absolutePath());
    if (::stat(folder.constData(), &dir) == 0 && (dir.st_mode & S_ISVTX) && (dir.st_mode & S_IWOTH) &&
        link.st_uid != ::geteuid())
        return SafeFile::tr("%1 is a symbolic link in a world-writable folder and belongs to another user; "
                            "it is not followed. Write to another path.")
            .arg(shown(path));
    struct stat target;
    if (::stat(native.constData(), &target) != 0 && errno == ENOENT)
        return SafeFile::tr("%1 is a symbolic link to a file that does not exist; it is not followed.")
            .arg(shown(path));
    return QString();
}

QString tooLarge(const QString& path, qint64 maxBytes)
{
    if (maxBytes >= 1024 * 1024 && maxBytes % (1024 * 1024) == 0)
        return SafeFile::tr("%1 is larger than %2 MiB.").arg(shown(path)).arg(maxBytes / (1024 * 1024));
    return SafeFile::tr("%1 is larger than %2 KiB.").arg(shown(path)).arg(maxBytes / 1024);
}

QString writeAll(int fd, const QByteArray& data, const QString& path)
{
    qint64 written = 0;
    while (written < data.size()) {
        const ssize_t n = ::write(fd, data.constData() + written, size_t(data.size() - written));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && errno == EAGAIN) {
            // A FIFO whose reader is slow: wait until it takes more (blocking mode is not set
            // back, so that a reader that stops cannot hold the program in write() forever).
            fd_set set;
            FD_ZERO(&set);
            FD_SET(fd, &set);
            timeval timeout{30, 0};
            const int ready = ::select(fd + 1, nullptr, &set, nullptr, &timeout);
            if (ready < 0 && errno == EINTR)
                continue;
            if (ready <= 0)
                return SafeFile::tr("Cannot write %1: the reader took nothing for 30 seconds.")
                    .arg(shown(path));
            continue;
        }
        if (n <= 0)
            return SafeFile::tr("Cannot write %1: %2")
                .arg(shown(path), n < 0 ? errnoText(errno) : SafeFile::tr("nothing was written"));
        written += n;
    }
    return QString();
}

QString writeDirectly(const QString& path, const QByteArray& native, const QByteArray& data)
{
    // O_NONBLOCK: a FIFO without a reader fails at once (ENXIO) instead of blocking in open().
    const int fd = ::open(native.constData(), O_WRONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) {
        const int error = errno;
        if (error == ENXIO)
            return SafeFile::tr("Cannot write %1: no program is reading from it.").arg(shown(path));
        return SafeFile::tr("Cannot write %1: %2").arg(shown(path), errnoText(error));
    }
    struct stat st;
    QString why;
    if (::fstat(fd, &st) != 0 || !(S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode)))
        why = SafeFile::tr("Cannot write %1: it changed while it was opened.").arg(shown(path));
    else
        why = writeAll(fd, data, path);
    if (::close(fd) != 0 && why.isEmpty())
        why = SafeFile::tr("Cannot write %1: %2").arg(shown(path), errnoText(errno));
    return why;
}

QString writeAtomically(const QString& path, const QString& target, const QByteArray& data,
                        QFileDevice::Permissions permissions)
{
    QSaveFile file(target);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
        return SafeFile::tr("Cannot write %1: %2").arg(shown(path), file.errorString());
    file.setPermissions(permissions);
    qint64 written = 0;
    while (written < data.size()) {
        const qint64 n = file.write(data.constData() + written, data.size() - written);
        if (n <= 0) {
            const QString why = file.errorString().isEmpty()
                                    ? SafeFile::tr("the disk is full or the file too large")
                                    : file.errorString();
            file.cancelWriting();
            return SafeFile::tr("Cannot write %1: %2").arg(shown(path), why);
        }
        written += n;
    }
    if (!file.commit())
        return SafeFile::tr("Cannot write %1: %2").arg(shown(path), file.errorString());
    return QString();
}

} // namespace

void noteStandardStreams()
{
    for (int fd = 0; fd <= 2; ++fd) {
        if (::fcntl(fd, F_GETFD) >= 0)
            continue;
        g_streamOpen[fd] = false;
        // Keep the number taken, so that no file the program opens later becomes "standard output".
        const int null = ::open("/dev/null", fd == 0 ? O_RDONLY : O_WRONLY);
        if (null >= 0 && null != fd) {
            ::dup2(null, fd);
            ::close(null);
        }
    }
}

unsigned openStandardStreams()
{
    unsigned bits = 0;
    for (int fd = 0; fd <= 2; ++fd)
        bits |= g_streamOpen[fd] ? 1U << fd : 0U;
    return bits;
}

void setOpenStandardStreams(unsigned bits)
{
    for (int fd = 0; fd <= 2; ++fd)
        g_streamOpen[fd] = (bits & (1U << fd)) != 0;
}

QString checkOutputTarget(const QString& path)
{
    if (path.isEmpty())
        return SafeFile::tr("The output path is empty.");
    const int own = ownDescriptor(path);
    if (own >= 0) {
        if (own != STDOUT_FILENO && own != STDERR_FILENO)
            return SafeFile::tr("Cannot write %1: only standard output (/dev/stdout) and standard error "
                                "(/dev/stderr) are written by descriptor.")
                .arg(shown(path));
        if (!g_streamOpen[own] || ::fcntl(own, F_GETFL) < 0)
            return SafeFile::tr("Cannot write %1: it was closed when the program started.").arg(shown(path));
        return QString();
    }
    const QByteArray native = QFile::encodeName(path);
    if (const QString why = symlinkRefusal(path, native); !why.isEmpty())
        return why;
    int error = 0;
    switch (kindOf(native, &error)) {
    case Kind::Missing:
    case Kind::Regular: {
        // The temporary file and the rename need the folder of the file the path names.
        const QFileInfo info(QFileInfo(path).isSymLink() ? QFileInfo(path).canonicalFilePath() : path);
        const QByteArray folder = QFile::encodeName(info.absolutePath());
        struct stat st;
        if (::stat(folder.constData(), &st) != 0 || !S_ISDIR(st.st_mode))
            return SafeFile::tr("Cannot write %1: the folder %2 does not exist.")
                .arg(shown(path), shown(info.absolutePath()));
        if (::access(folder.constData(), W_OK) != 0)
            return SafeFile::tr("Cannot write %1: the folder %2 is not writable.")
                .arg(shown(path), shown(info.absolutePath()));
        return QString();
    }
    case Kind::Directory:
        return SafeFile::tr("%1 is a folder.").arg(shown(path));
    case Kind::Writable:
        if (::access(native.constData(), W_OK) != 0)
            return SafeFile::tr("Cannot write %1: %2").arg(shown(path), errnoText(errno));
        return QString();
    case Kind::Other:
        return SafeFile::tr("%1 is a block device or a socket; only a file, a character device (such as "
                            "/dev/null) or a FIFO can take a report.")
            .arg(shown(path));
    case Kind::Error:
        break;
    }
    return SafeFile::tr("Cannot write %1: %2").arg(shown(path), errnoText(error));
}

QString writeOutputFile(const QString& path, const QByteArray& data, QFileDevice::Permissions permissions)
{
    if (const QString why = checkOutputTarget(path); !why.isEmpty())
        return why;
    const int own = ownDescriptor(path);
    if (own >= 0)
        return writeAll(own, data, path);
    const QByteArray native = QFile::encodeName(path);
    int error = 0;
    switch (kindOf(native, &error)) {
    case Kind::Missing:
        return writeAtomically(path, path, data, permissions);
    case Kind::Regular: {
        // Through a link: replace the file it names and keep the link.
        const QFileInfo info(path);
        return writeAtomically(path, info.isSymLink() ? info.canonicalFilePath() : path, data, permissions);
    }
    case Kind::Writable:
        return writeDirectly(path, native, data);
    default:
        break;
    }
    // Changed between the check and here.
    return SafeFile::tr("Cannot write %1: it changed while it was written.").arg(shown(path));
}

std::optional<QByteArray> readInputFile(const QString& path, qint64 maxBytes, QString* error)
{
    const auto fail = [error](const QString& why) -> std::optional<QByteArray> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    const QByteArray native = QFile::encodeName(path);
    // The type first: opening some devices has effects of its own (a watchdog, a tape).
    struct stat before;
    if (::stat(native.constData(), &before) != 0)
        return fail(SafeFile::tr("Cannot read %1: %2").arg(shown(path), errnoText(errno)));
    if (S_ISDIR(before.st_mode))
        return fail(SafeFile::tr("%1 is a folder, not a file.").arg(shown(path)));
    if (!S_ISREG(before.st_mode))
        return fail(
            SafeFile::tr("%1 is not a regular file (a device, a FIFO or a socket); only files are read.")
                .arg(shown(path)));
    // O_NONBLOCK: should the path become a FIFO in the meantime, the open returns at once and
    // fstat refuses it.
    const int fd = ::open(native.constData(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0)
        return fail(SafeFile::tr("Cannot read %1: %2").arg(shown(path), errnoText(errno)));
    struct stat st;
    if (::fstat(fd, &st) != 0) {
        const int e = errno;
        ::close(fd);
        return fail(SafeFile::tr("Cannot read %1: %2").arg(shown(path), errnoText(e)));
    }
    if (!S_ISREG(st.st_mode)) {
        ::close(fd);
        return fail(S_ISDIR(st.st_mode)
                        ? SafeFile::tr("%1 is a folder, not a file.").arg(shown(path))
                        : SafeFile::tr("%1 is not a regular file (a device, a FIFO or a socket); "
                                       "only files are read.")
                              .arg(shown(path)));
    }
    if (st.st_size > maxBytes) {
        ::close(fd);
        return fail(tooLarge(path, maxBytes));
    }
    QByteArray data;
    data.resize(qsizetype(std::min<qint64>(st.st_size, maxBytes) + 1));
    qint64 total = 0;
    while (total < data.size()) {
        const ssize_t n = ::read(fd, data.data() + total, size_t(data.size() - total));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            const int e = errno;
            ::close(fd);
            return fail(SafeFile::tr("Cannot read %1: %2").arg(shown(path), errnoText(e)));
        }
        if (n == 0)
            break;
        total += n;
        if (total > maxBytes)
            break;
        if (total == data.size())
            data.resize(qsizetype(std::min<qint64>(maxBytes + 1, data.size() * 2)));
    }
    ::close(fd);
    if (total > maxBytes)
        return fail(tooLarge(path, maxBytes));
    data.resize(qsizetype(total));
    return data;
}

} // namespace gjd
