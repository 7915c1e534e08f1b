// SPDX-License-Identifier: GPL-3.0-or-later
#include "progressline.h"

#include "checkrunner.h"
#include "clicommon.h"
#include "platform.h"

#include <algorithm>
#include <cstdio>

namespace gjd::cli {

namespace {

// Back to the start of the line, and erase it (ECMA-48 "erase in line"; every terminal emulator
// and the Linux console know it).
constexpr char kClearLine[] = "\r\x1b[K";

void writeRaw(const QByteArray& bytes)
{
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stderr);
    std::fflush(stderr);
}

int columns()
{
    if (const int width = platform::terminalColumns(); width > 0)
        return width;
    bool ok = false;
    const int width = qEnvironmentVariableIntValue("COLUMNS", &ok);
    return ok && width > 0 ? width : 80;
}

} // namespace

ProgressLine::ProgressLine(const CheckRunner& runner, QObject* parent)
    : QObject(parent)
    , m_runner(runner)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(100);
    connect(&m_timer, &QTimer::timeout, this, &ProgressLine::draw);
    connect(&runner, &CheckRunner::checkStarted, this, &ProgressLine::onStarted);
    connect(&runner, &CheckRunner::checkWaiting, this, &ProgressLine::onWaiting);
    connect(&runner, &CheckRunner::checkFinished, this, &ProgressLine::onFinished);
}

bool ProgressLine::wanted(bool quiet)
{
    return !quiet && platform::isTerminal(platform::Stream::Error) &&
           qgetenv("TERM") != QByteArrayLiteral("dumb");
}

void ProgressLine::start()
{
    const QStringList selected = m_runner.selectedIds();
    m_selected = QSet<QString>(selected.cbegin(), selected.cend());
    m_done = 0;
    m_running.clear();
    m_waiting.clear();
    m_active = true;
    draw();
}

void ProgressLine::show(const QString& line)
{
    const int width = columns();
    QString shown = shownOnStderr(line).simplified();
    if (shown.size() > width - 1)
        shown = shown.left(std::max(0, width - 2)) + QChar(0x2026);
    writeRaw(kClearLine + shown.toUtf8());
}

void ProgressLine::erase()
{
    writeRaw(kClearLine);
}

void ProgressLine::clear()
{
    m_active = false;
    m_timer.stop();
    if (m_shown)
        writeRaw(kClearLine);
    m_shown = false;
}

QString ProgressLine::text(int done, int total, const QString& waitingFor, int columns)
{
    // Whatever a server or the command line put into the text (a host name) is shown without
    // control characters, on one line.
    const QString waiting = shownOnStderr(waitingFor).simplified();
    // "Checks done: 12 of 45" reads right in English for every count, with %n for the languages
    // whose words change with it.
    QString line =
        waiting.isEmpty()
            ? tr("Checks done: %1 of %n", "progress on the terminal", total).arg(done)
            : tr("Checks done: %1 of %n — %2", "progress on the terminal, and what the run waits for", total)
                  .arg(QString::number(done), waiting);
    // One column short of the width: a line that fills it wraps on some terminals, and "\r" then
    // returns to the start of the second line only.
    if (line.size() > columns - 1)
        line = line.left(std::max(0, columns - 2)) + QChar(0x2026);
    return line;
}

void ProgressLine::onStarted(const QString& id)
{
    if (m_selected.contains(id) && !m_running.contains(id))
        m_running.append(id);
    schedule();
}

void ProgressLine::onWaiting(const QString& id, const QString& text)
{
    m_waiting.insert(id, text);
    schedule();
}

void ProgressLine::onFinished(const Finding& finding)
{
    if (m_selected.contains(finding.id)) {
        ++m_done;
        m_running.removeAll(finding.id);
        m_waiting.remove(finding.id);
    }
    schedule();
}

void ProgressLine::schedule()
{
    if (m_active && !m_timer.isActive())
        m_timer.start();
}

void ProgressLine::draw()
{
    if (!m_active)
        return;
    // What most of the running checks wait for (the TLS handshake that twenty TLS checks read,
    // rather than the one check that waits for the method); on a tie the check started first.
    QString waiting;
    int most = 0;
    for (const QString& id : std::as_const(m_running)) {
        const QString text = m_waiting.value(id);
        if (text.isEmpty())
            continue;
        int count = 0;
        for (const QString& other : std::as_const(m_running))
            count += m_waiting.value(other) == text;
        if (count > most) {
            most = count;
            waiting = text;
        }
    }
    const QString line = text(m_done, int(m_selected.size()), waiting, columns());
    writeRaw(kClearLine + line.toUtf8());
    m_shown = true;
}

} // namespace gjd::cli
