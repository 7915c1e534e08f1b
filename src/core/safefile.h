// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QFileDevice>
#include <QString>

#include <optional>

namespace gjd {

// Files the program writes (reports, exports) and reads (exports, PEM bundles), often as root in a
// CI container, with paths a careless or hostile hand typed. The rules (docs/design.md, "Input
// limits"):
//
// Writing `path`:
//   missing or a regular file   written to a temporary file beside it, renamed over it only when
//                               every byte reached the disk: never a truncated file
//   /dev/stdout, /dev/stderr,   written to that descriptor of this process, if it was open when
//   /dev/fd/1, /dev/fd/2 …      the program started; other descriptors are refused
//   a character device, a FIFO  written directly, never replaced (/dev/null stays a device); a
//                               FIFO nobody reads is an error, not a hang; ENOSPC (/dev/full) is
//                               an error
//   a symbolic link             followed, as a shell redirect would, to the file it names, which
//                               is replaced and the link kept; refused when it sits in a sticky
//                               world-writable folder (/tmp) and belongs to someone else (the
//                               kernel's protected_symlinks rule), or points nowhere
//   a folder, a block device,   refused
//   a socket
//
// Reading `path`: only a regular file (after following links). The type is checked before the
// open, since opening some devices has effects of their own, and again after it; the open does
// not block (a FIFO with no writer cannot hang it); at most maxBytes + 1 bytes are read, so that
// "too large" is known without reading /dev/zero to the end.
//
// Every message names the path, made safe for one line of a terminal (SafeFor::OneLine).

// Called first thing in main(): notes which of the standard streams were open, and puts /dev/null
// on a closed one, so that no descriptor the program opens later is taken for standard output.
void noteStandardStreams();

// What noteStandardStreams() found, as bits (1 standard input, 2 output, 4 error), to hand on to
// a module loaded later, which has its own copy of this file (src/gui/pagehost.h).
unsigned openStandardStreams();
void setOpenStandardStreams(unsigned bits);

// Empty when `path` can be written by writeOutputFile(), else why not (translated): checked before
// a run, so that a typo does not cost the run.
QString checkOutputTarget(const QString& path);

// Writes `data` to `path` by the rules above. Empty on success, else why not (translated).
//
// QSaveFile alone is not enough in Qt 6.4: with a buffered device, a short write() from the
// kernel (the usual first sign of ENOSPC or RLIMIT_FSIZE) is taken as success when the buffer is
// flushed, and commit() renames a truncated file into place. Writing unbuffered and checking the
// count catches it.
QString writeOutputFile(const QString& path, const QByteArray& data,
                        QFileDevice::Permissions permissions = QFileDevice::ReadOwner |
                                                               QFileDevice::WriteOwner |
                                                               QFileDevice::ReadGroup |
                                                               QFileDevice::ReadOther);

// The contents of the regular file `path`, at most maxBytes; nullopt and *error (translated, one
// line) when it is not a regular file, cannot be read, or is larger.
std::optional<QByteArray> readInputFile(const QString& path, qint64 maxBytes, QString* error);

} // namespace gjd
