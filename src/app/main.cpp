// SPDX-License-Identifier: GPL-3.0-or-later
// The desktop program: application identity, translations, the main window. Nothing else.

#include "i18n.h"
#include "mainwindow.h"
#include "uisettings.h"
#include "uistyle.h"

#include <QApplication>
#include <QCommandLineParser>

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    // Same organisation as the CLI: QSettings lands in ~/.config/GitLab Jira Doctor/gitlab-jira-doctor.conf.
    QCoreApplication::setOrganizationName(QStringLiteral("GitLab Jira Doctor"));
    QCoreApplication::setApplicationName(QStringLiteral("gitlab-jira-doctor"));
    QCoreApplication::setApplicationVersion(QStringLiteral(GJD_VERSION));
    // The product name; window managers show it beside window titles. Not translated.
    QGuiApplication::setApplicationDisplayName(QStringLiteral("GitLab Jira Doctor"));
    // Matches the installed io.gitlab.GitLabJiraDoctor.desktop (Wayland app id, taskbar icon).
    QGuiApplication::setDesktopFileName(QStringLiteral(GJD_APP_ID));
    QApplication::setWindowIcon(gjd::applicationIcon());

    gjd::installTranslations(app, gjd::uisettings::language());

    QCommandLineParser parser;
    // Same sentence, same context as in the About dialog: translated once.
    parser.setApplicationDescription(QCoreApplication::translate(
        "gjd::AboutDialog",
        "Sets up the GitLab for Jira Cloud app on self-managed GitLab and finds out why it fails."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.process(app);

    gjd::MainWindow window;
    window.show();
    return QApplication::exec();
}
