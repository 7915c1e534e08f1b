// SPDX-License-Identifier: GPL-3.0-or-later
// The desktop program: application identity, translations, the main window. Nothing else.

#include "clock.h"
#include "i18n.h"
#include "mainwindow.h"
#include "safefile.h"
#include "uisettings.h"
#include "uistyle.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>
#include <QWindow>

#include <chrono>
#include <cstdio>
#include <functional>
#include <utility>

namespace {

// Calls `then` once the window's first expose has been handled (so it is painted): under X11
// the expose arrives once the server mapped the window, which is when the user sees it.
class ExposeProbe final : public QObject
{
public:
    ExposeProbe(std::function<void()> then, QObject* parent)
        : QObject(parent)
        , m_then(std::move(then))
    {
    }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (m_then && event->type() == QEvent::Expose && static_cast<QWindow*>(watched)->isExposed()) {
            QTimer::singleShot(0, this, std::exchange(m_then, {})); // after the expose's paint
        }
        return false;
    }

private:
    std::function<void()> m_then;
};

void whenExposed(QWidget& window, std::function<void()> then)
{
    QWindow* handle = window.windowHandle();
    if (handle && !handle->isExposed())
        handle->installEventFilter(new ExposeProbe(std::move(then), &window));
    else
        QTimer::singleShot(0, &window, std::move(then));
}

// GJD_BENCH_EXIT=shown, the same as in bench/minimal-widgets.cpp: the moment the window is on
// screen. Quitting also waits for background work: not counted.
void reportShownAndQuit()
{
    const auto us = std::chrono::duration_cast<std::chrono::microseconds>(
        std::chrono::system_clock::now().time_since_epoch());
    std::fprintf(stderr, "gjd-bench shown %lld\n", static_cast<long long>(us.count()));
    QCoreApplication::quit();
}

void setIdentity()
{
    // Same organisation as the CLI: QSettings lands in ~/.config/GitLab Jira Doctor/gitlab-jira-doctor.conf.
    QCoreApplication::setOrganizationName(QStringLiteral("GitLab Jira Doctor"));
    QCoreApplication::setApplicationName(QStringLiteral("gitlab-jira-doctor"));
    QCoreApplication::setApplicationVersion(QStringLiteral(GJD_VERSION));
}

// The program's command line. The descriptions are translated as it is built: build it once the
// translations are installed (or only to parse).
struct CommandLine
{
    QCommandLineParser parser;
    QCommandLineOption help;
    QCommandLineOption version;
    QCommandLineOption check;

    CommandLine()
        : help(parser.addHelpOption())
        , version(parser.addVersionOption())
        , check(QStringLiteral("check"),
                QCoreApplication::translate("main", "Open the diagnostics pane and check URL."),
                QStringLiteral("URL"))
    {
        // Same sentence, same context as in the About dialog: translated once.
        parser.setApplicationDescription(QCoreApplication::translate(
            "gjd::AboutDialog",
            "Sets up the GitLab for Jira Cloud app on self-managed GitLab and finds out why it fails."));
        parser.addOption(check);
        parser.addPositionalArgument(
            QStringLiteral("FILE"),
            QCoreApplication::translate("main", "A troubleshooting export (.zip) or report (.json) to open."),
            QStringLiteral("[FILE]"));
    }
};

// What the command line asks for that is answered before the window. QApplication connects to
// the display, and without one (a server, an ssh session) it aborts: --help and --version must
// not need it. A command line that does not parse here, such as one with Qt's own options
// (-platform offscreen), is left to QApplication and the full parser.
enum class Answer
{
    None,
    HelpOrVersion,
    HelpWithQtOptions, // --help-all
};

Answer answerWanted(int argc, char* argv[])
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    CommandLine commandLine;
    QCommandLineParser& parser = commandLine.parser;
    if (!parser.parse(arguments))
        return Answer::None;
    if (parser.isSet(QStringLiteral("help-all")))
        return Answer::HelpWithQtOptions;
    return parser.isSet(commandLine.help) || parser.isSet(commandLine.version) ? Answer::HelpOrVersion
                                                                               : Answer::None;
}

// Prints the help or the version, translated as the window would be, and exits with 0.
int printAnswer(QCoreApplication& app)
{
    setIdentity();
    gjd::installTranslations(app, gjd::uisettings::language());
    CommandLine commandLine;
    commandLine.parser.process(app); // prints, then exits
    return 0;
}

int answer(Answer answer, int argc, char* argv[])
{
    if (answer == Answer::HelpWithQtOptions) {
        // Qt's options for the display and the widgets are listed by a QApplication only; Qt's
        // "minimal" platform gives one without a display.
        qputenv("QT_QPA_PLATFORM", "minimal");
        QApplication app(argc, argv);
        return printAnswer(app);
    }
    QCoreApplication app(argc, argv);
    return printAnswer(app);
}

} // namespace

int main(int argc, char* argv[])
{
    gjd::noteStandardStreams(); // before anything opens a descriptor
    if (const Answer wanted = answerWanted(argc, argv); wanted != Answer::None)
        return answer(wanted, argc, argv);
    QApplication app(argc, argv);
    setIdentity();
    // The product name; window managers show it beside window titles. Not translated.
    QGuiApplication::setApplicationDisplayName(QStringLiteral("GitLab Jira Doctor"));
    // Matches the installed io.gitlab.GitLabJiraDoctor.desktop (Wayland app id, taskbar icon).
    QGuiApplication::setDesktopFileName(QStringLiteral(GJD_APP_ID));
    QApplication::setWindowIcon(gjd::applicationIcon());
    gjd::installStartupStyle();
    gjd::installReadablePlaceholders();

    gjd::installTranslations(app, gjd::uisettings::language());
    // The CLI refuses a malformed GJD_NOW; the desktop program runs on the system clock and says so.
    if (const QString problem = gjd::Clock::environmentProblem(); !problem.isEmpty())
        qWarning("%s", qUtf8Printable(problem));

    CommandLine commandLine;
    const QCommandLineParser& parser = commandLine.parser;
    const QCommandLineOption& check = commandLine.check;
    commandLine.parser.process(app);

    gjd::MainWindow window;
    window.show();
    // The pages and the core behind them are a module (src/gui/pagehost.h), loaded once the window
    // is on screen, after the expose's paint; loading it then also starts reading the system's CA
    // certificates in the background. Loaded before, it competes with building the window
    // (docs/benchmarks.md, "Cold start (issue 13)"). --check and FILE load it at once; a window
    // that is never exposed (another workspace) gets it after a while.
    const auto preparePages = [&window] {
        window.preparePages();
    };
    whenExposed(window, [&window, preparePages] { QTimer::singleShot(0, &window, preparePages); });
    QTimer::singleShot(std::chrono::seconds(2), &window, preparePages);
    if (parser.isSet(check))
        window.checkInstance(parser.value(check));
    else if (!parser.positionalArguments().isEmpty())
        window.openExport(parser.positionalArguments().constFirst());

    // For bench/gui-benchmark.sh and bench/cold-start.sh only: GJD_BENCH_EXIT=shown quits once
    // the window is on screen (its first expose, painted), =checked once the --check run is over.
    const QByteArray benchExit = qgetenv("GJD_BENCH_EXIT");
    if (benchExit == "shown")
        whenExposed(window, &reportShownAndQuit);
    else if (benchExit == "checked")
        window.whenCheckEnds(&QCoreApplication::quit);
    return QApplication::exec();
}
