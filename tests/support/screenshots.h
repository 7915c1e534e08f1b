// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Where the GUI tests save their screenshots, and saving one: <build>/screenshots/, looked at by
// people (docs/development.md, "screenshots").

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QString>
#include <QTest>
#include <QWidget>

namespace gjd::test {

inline QString screenshotDir()
{
    return QStringLiteral(GJD_BINARY_DIR "/screenshots");
}

// Saves what `widget` shows as screenshotDir()/`name`.png, after the pending layout requests (as
// the event loop would run them first). A failed or empty file fails the test.
inline void saveScreenshot(QWidget& widget, const QString& name)
{
    QCoreApplication::processEvents();
    QVERIFY(QDir().mkpath(screenshotDir()));
    const QImage image = widget.grab().toImage();
    const QString file = QStringLiteral("%1/%2.png").arg(screenshotDir(), name);
    QVERIFY2(image.save(file), qPrintable(file));
    QVERIFY2(QFileInfo(file).size() > 2000, qPrintable(file));
}

} // namespace gjd::test
