// SPDX-License-Identifier: GPL-3.0-or-later
#include "pageloader.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLibrary>

namespace gjd {

namespace {

PageHostFactory g_factory = nullptr; // set by tests, or by loading the module

PageHostModule loadModule()
{
    const QString program = QCoreApplication::applicationDirPath();
    // The build tree puts the module beside the program; an installation under lib/.
    const QStringList candidates = {
        QDir(program).filePath(QStringLiteral(GJD_PAGES_MODULE_FILE)),
        QDir::cleanPath(
            QDir(program).filePath(QStringLiteral(GJD_PAGES_MODULE_DIR "/" GJD_PAGES_MODULE_FILE))),
    };
    QString tried;
    for (const QString& path : candidates) {
        if (!QFileInfo::exists(path))
            continue;
        QLibrary library(path);
        if (!library.load()) {
            tried = library.errorString();
            continue;
        }
        // The module stays loaded: QLibrary does not unload it when `library` goes.
        using Version = const char* (*)();
        const auto version = reinterpret_cast<Version>(library.resolve("gjd_pages_version"));
        // "0.9.0/2": the version and PageHost's revision (pagehost.h).
        const char* const expected = GJD_VERSION "/" GJD_PAGES_INTERFACE;
        if (!version || qstrcmp(version(), expected) != 0) {
            tried = QCoreApplication::translate("gjd::PageLoader", "%1 belongs to version %2, not %3")
                        .arg(path, version ? QString::fromLatin1(version()) : QStringLiteral("?"),
                             QString::fromLatin1(expected));
            continue;
        }
        if (auto factory = reinterpret_cast<PageHostFactory>(library.resolve("gjd_create_page_host")))
            return {factory, QString()};
        tried = library.errorString();
    }
    if (tried.isEmpty())
        return {nullptr,
                QCoreApplication::translate("gjd::PageLoader",
                                            "This installation of GitLab Jira Doctor is incomplete: %1 is "
                                            "missing. Install the package gitlab-jira-doctor again.")
                    .arg(candidates.constLast())};
    return {nullptr,
            QCoreApplication::translate("gjd::PageLoader",
                                        "This installation of GitLab Jira Doctor is incomplete: its pages "
                                        "could not be loaded (%1). Install the package gitlab-jira-doctor "
                                        "again.")
                .arg(tried)};
}

} // namespace

void setPageHostFactory(PageHostFactory factory)
{
    g_factory = factory;
}

const PageHostModule& pageHostModule()
{
    static PageHostModule module;
    if (g_factory) { // tests
        module = {g_factory, QString()};
        return module;
    }
    static bool loaded = false;
    if (!loaded) {
        loaded = true;
        module = loadModule();
    }
    return module;
}

} // namespace gjd
