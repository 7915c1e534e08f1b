// SPDX-License-Identifier: GPL-3.0-or-later
// Build tool: renders an SVG icon into raw pixels at the given sizes.
//
//   gjd-render-icon INPUT.svg OUTPUT-PREFIX SIZE...   writes OUTPUT-PREFIX-SIZE.rgba for each SIZE
//
// Each file holds SIZE x SIZE pixels, 4 bytes each in the order R, G, B, A, alpha premultiplied
// (QImage::Format_RGBA8888_Premultiplied: the same bytes on every CPU), rows top to bottom.
// The start screen's icons are embedded as these files, so that the window's first paint needs no
// image decoder: neither Qt's SVG icon engine plugin with QtSvg, nor QImageReader, which scans
// every image format plugin before it reads even a PNG (src/gui/uistyle.h, startScreenIcon()).
// The SVG files stay the one source of the artwork.
#include <QCoreApplication>
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>

#include <cstdio>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() < 4) {
        std::fprintf(stderr, "usage: gjd-render-icon INPUT.svg OUTPUT-PREFIX SIZE...\n");
        return 2;
    }
    QSvgRenderer renderer(args.at(1));
    if (!renderer.isValid()) {
        std::fprintf(stderr, "gjd-render-icon: cannot read %s\n", qUtf8Printable(args.at(1)));
        return 1;
    }
    for (qsizetype i = 3; i < args.size(); ++i) {
        bool ok = false;
        const int size = args.at(i).toInt(&ok);
        if (!ok || size < 1 || size > 1024) {
            std::fprintf(stderr, "gjd-render-icon: bad size %s\n", qUtf8Printable(args.at(i)));
            return 2;
        }
        QImage image(size, size, QImage::Format_RGBA8888_Premultiplied);
        image.fill(Qt::transparent);
        QPainter painter(&image);
        renderer.render(&painter);
        painter.end();
        const QString output = QStringLiteral("%1-%2.rgba").arg(args.at(2)).arg(size);
        QFile file(output);
        const qint64 bytes = qint64(size) * size * 4;
        bool written = file.open(QIODevice::WriteOnly | QIODevice::Truncate);
        for (int row = 0; written && row < size; ++row)
            written = file.write(reinterpret_cast<const char*>(image.constScanLine(row)), qint64(size) * 4) ==
                      qint64(size) * 4;
        written = written && file.size() == bytes;
        file.close();
        if (!written) {
            std::fprintf(stderr, "gjd-render-icon: cannot write %s\n", qUtf8Printable(output));
            return 1;
        }
    }
    return 0;
}
