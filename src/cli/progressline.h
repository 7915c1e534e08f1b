// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QTimer>

namespace gjd {
class CheckRunner;
struct Finding;
} // namespace gjd

namespace gjd::cli {

// The progress of a check run on standard error, on one line rewritten in place ("\r", then erase
// to the end of the line):
//
//   Checks done: 12 of 45 — TLS handshake with gitlab.example.com…
//
// the checks decided out of those the run reports on, and what most of the running checks wait
// for (CheckRunner::checkWaiting). Redrawn at most ten times a second, cut to the terminal's
// width so that "\r" always returns to its start, and erased by clear() before the report is
// written. Only for a terminal: wanted() says whether to show it at all.
class ProgressLine final : public QObject
{
    Q_OBJECT

public:
    explicit ProgressLine(const CheckRunner& runner, QObject* parent = nullptr);

    // Standard error is a terminal that understands the erase sequence, and --quiet was not given.
    static bool wanted(bool quiet);

    // Call right after CheckRunner::start() (the selection is known then); shows the line.
    void start();
    // Erases the line and stops drawing it; the cursor is back at the start of the empty line.
    void clear();

    // The same line for other progress (a fleet's instances): `line` fitted to the terminal,
    // over whatever was there; erase() takes it away.
    static void show(const QString& line);
    static void erase();

private:
    // The line for these numbers, shorter than `columns` characters.
    static QString text(int done, int total, const QString& waitingFor, int columns);
    void onStarted(const QString& id);
    void onWaiting(const QString& id, const QString& text);
    void onFinished(const Finding& finding);
    void schedule();
    void draw();

    const CheckRunner& m_runner;
    bool m_active = false;
    QSet<QString> m_selected;
    int m_done = 0;
    QStringList m_running;             // started, not decided, in start order
    QHash<QString, QString> m_waiting; // what each running check waits for
    QTimer m_timer;
    bool m_shown = false;
};

} // namespace gjd::cli
