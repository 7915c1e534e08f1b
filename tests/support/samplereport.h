// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The header the tests' hand-made reports share (tool version, date, target, vantage), so that
// each test only writes the findings it is about.

#include "report.h"

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QTime>

namespace gjd::test {

inline Report reportHeader(const QString& url, const QString& method = QStringLiteral("marketplace"),
                           const QString& methodSource = QStringLiteral("assumed"))
{
    Report r;
    r.toolVersion = QStringLiteral("0.1.0");
    r.generatedAt = QDateTime(QDate(2026, 11, 24), QTime(15, 4, 5), Qt::UTC);
    r.url = url;
    r.method = method;
    r.methodSource = methodSource;
    r.vantageOs = QStringLiteral("Debian GNU/Linux 12 (bookworm)");
    r.vantageQt = QStringLiteral("6.4.2");
    r.vantageTlsBackend = QStringLiteral("openssl");
    r.durationMs = 812;
    return r;
}

} // namespace gjd::test
