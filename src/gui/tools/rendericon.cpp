// SPDX-License-Identifier: GPL-3.0-or-later
// Build tool: renders an SVG icon into PNG files of the given pixel sizes.
//
//   gjd-render-icon INPUT.svg OUTPUT-PREFIX SIZE...   writes OUTPUT-PREFIX-SIZE.png for each SIZE
//
// The start screen's icons are embedded as these PNGs, so that the window's first paint needs
// neither Qt's SVG icon engine plugin nor QtSvg (src/gui/uistyle.h, startScreenIcon()). The SVG
// files stay the one source of the artwork.
#include <QCoreApplication>
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
        QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        QPainter painter(&image);
        renderer.render(&painter);
        painter.end();
        const QString output = QStringLiteral("%1-%2.png").arg(args.at(2)).arg(size);
        if (!image.save(output, "PNG")) {
            std::fprintf(stderr, "gjd-render-icon: cannot write %s\n", qUtf8Printable(output));
            return 1;
        }
    }
    return 0;
}
