// SPDX-License-Identifier: GPL-3.0-or-later
// The reference for bench/gui-benchmark.sh and bench/cold-start.sh: the smallest Qt Widgets
// program that shows a main window of the same size, and quits as the desktop program does under
// GJD_BENCH_EXIT=shown (the same code as in src/app/main.cpp).
#include <QApplication>
#include <QLabel>
#include <QMainWindow>
#include <QTimer>
#include <QWindow>

#include <chrono>
#include <cstdio>

namespace {

void reportShownAndQuit()
{
    const auto us = std::chrono::duration_cast<std::chrono::microseconds>(
        std::chrono::system_clock::now().time_since_epoch());
    std::fprintf(stderr, "gjd-bench shown %lld\n", static_cast<long long>(us.count()));
    QCoreApplication::quit();
}

class ExposeProbe final : public QObject
{
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (!m_seen && event->type() == QEvent::Expose && static_cast<QWindow*>(watched)->isExposed()) {
            m_seen = true;
            QTimer::singleShot(0, this, &reportShownAndQuit); // after the expose's paint
        }
        return false;
    }

private:
    bool m_seen = false;
};

void quitWhenExposed(QWidget& window)
{
    QWindow* handle = window.windowHandle();
    if (handle && !handle->isExposed())
        handle->installEventFilter(new ExposeProbe(&window));
    else
        QTimer::singleShot(0, &window, &reportShownAndQuit);
}

} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QMainWindow window;
    window.setCentralWidget(new QLabel(QStringLiteral("Hello"), &window));
    window.resize(900, 640);
    window.show();
    if (qgetenv("GJD_BENCH_EXIT") == "shown")
        quitWhenExposed(window);
    return QApplication::exec();
}
