# Installation layout of the desktop integration files and the Debian package (cpack -G DEB).
#
#   cmake --build build && (cd build && cpack -G DEB)
#
# Works offline. dpkg-shlibdeps computes the shared-library dependencies (Qt, OpenSSL, libc ...);
# CPACK_DEBIAN_PACKAGE_DEPENDS adds what is only loaded at run time and so invisible to it.

set(GJD_PACKAGE_MAINTAINER "GitLab Jira Doctor maintainers <gitlab-jira-doctor@users.noreply.gitlab.com>"
    CACHE STRING "Maintainer field of the Debian package")

if(GJD_BUILD_GUI)
    install(FILES ${PROJECT_SOURCE_DIR}/packaging/${GJD_APP_ID}.desktop
        DESTINATION share/applications)
    install(FILES ${PROJECT_SOURCE_DIR}/packaging/${GJD_APP_ID}.metainfo.xml
        DESTINATION share/metainfo)
    # One source for the icon: the SVG the program embeds, under the application id.
    install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/gitlab-jira-doctor.svg
        DESTINATION share/icons/hicolor/scalable/apps
        RENAME ${GJD_APP_ID}.svg)
endif()
install(FILES ${PROJECT_SOURCE_DIR}/packaging/copyright
    DESTINATION share/doc/${PROJECT_NAME})
# bash completion for the CLI, where bash-completion looks for it on demand.
install(FILES ${PROJECT_SOURCE_DIR}/packaging/gitlab-jira-doctor-cli.bash-completion
    DESTINATION share/bash-completion/completions
    RENAME gitlab-jira-doctor-cli)

set(CPACK_PACKAGE_NAME ${PROJECT_NAME})
set(CPACK_PACKAGE_VENDOR "GitLab Jira Doctor contributors")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "${GJD_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGE_HOMEPAGE_URL ${PROJECT_HOMEPAGE_URL})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
# Wrapped by hand: the extended description of a .deb should keep its lines under 80 columns.
set(CPACK_PACKAGE_DESCRIPTION [=[
Helps administrators of self-managed GitLab connect their instance to Jira
Cloud through the GitLab for Jira Cloud app, and helps support staff find out
why an existing connection fails: network, TLS certificate chain, GitLab
settings and Jira checks, each with the reason and the fix, and
troubleshooting exports for support tickets.

The package contains the desktop program (gitlab-jira-doctor) and the
command-line tool (gitlab-jira-doctor-cli) for pipelines and scheduled checks.]=])
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${GJD_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION net)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE ${PROJECT_HOMEPAGE_URL})
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Loaded at run time, so dpkg-shlibdeps cannot see them:
#   libsecret-1-0     QtKeychain's Secret Service backend (dlopen)
#   ca-certificates   the public trust store the TLS checks compare against
#   libqt6svg6        the SVG icon engine and image format plugins (every icon is SVG)
# The xcb platform plugin ships in libqt6gui6 (found by dpkg-shlibdeps); Debian's qt6-qpa-plugins
# only holds the VNC and TUIO plugins, so it is not needed.
set(gjd_runtime_depends libsecret-1-0 ca-certificates)
if(GJD_BUILD_GUI)
    list(APPEND gjd_runtime_depends libqt6svg6)
endif()
list(JOIN gjd_runtime_depends ", " CPACK_DEBIAN_PACKAGE_DEPENDS)
# Qt's own German strings (standard buttons, --help) and the native Wayland platform plugin
# (without it Qt runs through XWayland); the program works without either.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-translations-l10n, qt6-wayland")
# Any Secret Service provider stores the remembered tokens; GNOME Keyring is the common one.
set(CPACK_DEBIAN_PACKAGE_SUGGESTS gnome-keyring)

include(CPack)
