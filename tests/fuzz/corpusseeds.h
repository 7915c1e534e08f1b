// SPDX-License-Identifier: GPL-3.0-or-later
// The seeds of the fuzz targets other than the export reader's (make_corpus.cpp has those), one
// function per target, each in the input format its target's header comment describes. Every
// function checks that its seeds still reach what they are named after (a valid descriptor has no
// violation, the full chain ends at the trust store, …) and exits with a message when one does not:
// a seed that no longer does what it says would quietly shrink what the fuzzer and the replay see.

#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace gjd::fuzz {

using Seeds = QList<QPair<QString, QByteArray>>;

Seeds httpResponseSeeds();
Seeds urlInputSeeds();
Seeds chainAnalysisSeeds();
Seeds descriptorSeeds();

} // namespace gjd::fuzz
