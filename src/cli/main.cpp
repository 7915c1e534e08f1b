// SPDX-License-Identifier: GPL-3.0-or-later
#include "checkcommand.h"
#include "clicommon.h"
#include "clock.h"
#include "configurecommand.h"
#include "exportcommands.h"
#include "i18n.h"
#include "platform.h"
#include "safefile.h"

#include <QCoreApplication>
#include <QStringList>

#include <cstdio>
#include <cstdlib>
#include <exception>

using namespace gjd;

namespace {

// `help [COMMAND]`: the command's own --help, or the top-level help.
int help(QCoreApplication& app, const QStringList& topics)
{
    const QString topic = topics.value(0);
    if (topics.size() > 1)
        return cli::usageError(QCoreApplication::translate("cli", "help takes one command; unexpected \"%1\"")
                                   .arg(topics.at(1)));
    const QStringList helpOf{topic, QStringLiteral("--help")};
    if (topic == QLatin1String("check"))
        return CheckCommand(app).run(helpOf);
    if (topic == QLatin1String("configure"))
        return ConfigureCommand(app).run(helpOf);
    if (topic == QLatin1String("show"))
        return cli::ExportCommands::show(helpOf);
    if (topic == QLatin1String("diff"))
        return cli::ExportCommands::diff(helpOf);
    if (topic.isEmpty() || topic == QLatin1String("help") || topic == QLatin1String("--help") ||
        topic == QLatin1String("-h")) {
        cli::out(cli::topLevelHelp());
        return cli::ExitOk;
    }
    return cli::usageError(
        QCoreApplication::translate(
            "cli", "help: unknown command \"%1\"; the commands are check, configure, show and diff")
            .arg(topic));
}

} // namespace

int main(int argc, char* argv[])
{
    noteStandardStreams(); // before anything opens a descriptor
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("gitlab-jira-doctor-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("GitLab Jira Doctor"));
    QCoreApplication::setApplicationVersion(QStringLiteral(GJD_VERSION));
    installTranslations(app);
    // A reader that goes away (a FIFO, `| head`) is a write error to report, not a silent death.
    cli::platform::ignoreBrokenPipe();

    try {
        const QStringList args = QCoreApplication::arguments();
        const QString command = args.value(1);
        if (command == QLatin1String("check") || command == QLatin1String("configure")) {
            // A pinned clock that does not parse would silently fall back to today's date.
            if (const QString problem = Clock::environmentProblem(); !problem.isEmpty())
                return cli::usageError(problem);
            const int code = command == QLatin1String("check") ? CheckCommand(app).run(args.mid(1))
                                                               : ConfigureCommand(app).run(args.mid(1));
            // A system resolver call that was given up on keeps running in Qt's lookup thread, and a
            // normal exit would wait for it (up to the resolver's own timeout). Everything is
            // written and flushed by now, so leave at once.
            std::fflush(stdout);
            std::fflush(stderr);
            std::_Exit(code);
        }
        if (command == QLatin1String("show"))
            return cli::ExportCommands::show(args.mid(1));
        if (command == QLatin1String("diff"))
            return cli::ExportCommands::diff(args.mid(1));
        if (command == QLatin1String("--version") || command == QLatin1String("-v")) {
            cli::out(
                QStringLiteral("gitlab-jira-doctor-cli %1\n").arg(QCoreApplication::applicationVersion()));
            return cli::ExitOk;
        }
        if (command == QLatin1String("help"))
            return help(app, args.mid(2));
        if (command.isEmpty() || command == QLatin1String("--help") || command == QLatin1String("-h")) {
            if (command.isEmpty()) {
                cli::err(cli::topLevelHelp());
                return cli::ExitUsage;
            }
            cli::out(cli::topLevelHelp());
            return cli::ExitOk;
        }
        return cli::usageError(
            QCoreApplication::translate("cli", "unknown command \"%1\"; try --help").arg(command));
    } catch (const std::exception& e) {
        cli::err(
            QCoreApplication::translate("cli", "internal error: %1\n").arg(QString::fromLocal8Bit(e.what())));
        return cli::ExitInternal;
    }
}
