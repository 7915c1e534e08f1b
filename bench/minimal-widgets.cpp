// SPDX-License-Identifier: GPL-3.0-or-later
// The reference for bench/gui-benchmark.sh: the smallest Qt Widgets program that shows a main
// window of the same size, and quits as the desktop program does under GJD_BENCH_EXIT=shown.
#include <QApplication>
#include <QLabel>
#include <QMainWindow>
#include <QTimer>

#include <chrono>
#include <cstdio>

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QMainWindow window;
    window.setCentralWidget(new QLabel(QStringLiteral("Hello"), &window));
    window.resize(900, 640);
    window.show();
    if (qgetenv("GJD_BENCH_EXIT") == "shown") {
        QTimer::singleShot(0, &app, [] {
            const auto us = std::chrono::duration_cast<std::chrono::microseconds>(
                std::chrono::system_clock::now().time_since_epoch());
            std::fprintf(stderr, "gjd-bench shown %lld\n", static_cast<long long>(us.count()));
            QCoreApplication::quit();
        });
    }
    return QApplication::exec();
}
