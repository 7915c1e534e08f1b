# Installation layout of the desktop integration files and the Debian packages (cpack -G DEB).
#
#   cmake --build build && (cd build && cpack -G DEB)
#
# Two packages from one tree, one per install component:
#   gitlab-jira-doctor-cli  (component cli) the command-line program, its manual page and bash
#                           completion: no Qt Widgets, Gui or Svg, for CI jobs and servers
#   gitlab-jira-doctor      (component gui) the desktop program, its pages' module, the desktop
#                           integration files; depends on the CLI package of the same version
#
# Works offline. dpkg-shlibdeps computes the shared-library dependencies (Qt, OpenSSL, libc ...);
# CPACK_DEBIAN_PACKAGE_DEPENDS adds what is only loaded at run time and so invisible to it.

set(GJD_PACKAGE_MAINTAINER "GitLab Jira Doctor maintainers <gitlab-jira-doctor@users.noreply.gitlab.com>"
    CACHE STRING "Maintainer field of the Debian package")

if(GJD_BUILD_GUI)
    install(FILES ${PROJECT_SOURCE_DIR}/packaging/${GJD_APP_ID}.desktop
        DESTINATION share/applications COMPONENT gui)
    install(FILES ${PROJECT_SOURCE_DIR}/packaging/${GJD_APP_ID}.metainfo.xml
        DESTINATION share/metainfo COMPONENT gui)
    # One source for the icon: the SVG the program embeds, under the application id.
    install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/gitlab-jira-doctor.svg
        DESTINATION share/icons/hicolor/scalable/apps
        RENAME ${GJD_APP_ID}.svg COMPONENT gui)
    install(FILES ${PROJECT_SOURCE_DIR}/packaging/copyright
        DESTINATION share/doc/${PROJECT_NAME} COMPONENT gui)
endif()
# Debian policy: every package has its own /usr/share/doc/<package>/copyright, and a native
# package its changelog.gz (packaging/changelog, Debian's format; its version is the project's,
# which the packaging test checks), compressed with gzip -9n.
set(gjd_changelog ${PROJECT_BINARY_DIR}/packaging/changelog.gz)
add_custom_command(OUTPUT ${gjd_changelog}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${PROJECT_BINARY_DIR}/packaging
    COMMAND sh -c "gzip -9n < \"$0\" > \"$1\"" ${PROJECT_SOURCE_DIR}/packaging/changelog ${gjd_changelog}
    DEPENDS ${PROJECT_SOURCE_DIR}/packaging/changelog
    VERBATIM)
add_custom_target(debian_changelog ALL DEPENDS ${gjd_changelog})
install(FILES ${gjd_changelog} DESTINATION share/doc/${PROJECT_NAME}-cli COMPONENT cli)
if(GJD_BUILD_GUI)
    install(FILES ${gjd_changelog} DESTINATION share/doc/${PROJECT_NAME} COMPONENT gui)
endif()
install(FILES ${PROJECT_SOURCE_DIR}/packaging/copyright
    DESTINATION share/doc/${PROJECT_NAME}-cli COMPONENT cli)
# The JSON schemas of the reports (--format json, report.json in exports) and of diff's output,
# for tools that validate what the CLI writes.
install(FILES ${PROJECT_SOURCE_DIR}/docs/report.schema.json ${PROJECT_SOURCE_DIR}/docs/diff.schema.json
    ${PROJECT_SOURCE_DIR}/docs/fleet.schema.json
    DESTINATION share/${PROJECT_NAME}/schemas COMPONENT cli)
# Monitoring examples (docs/monitoring.md): the systemd timer and service that leave metrics for
# node_exporter, and the Prometheus alert rules.
install(FILES ${PROJECT_SOURCE_DIR}/docs/monitoring/gitlab-jira-doctor-fleet.service
    ${PROJECT_SOURCE_DIR}/docs/monitoring/gitlab-jira-doctor-fleet.timer
    ${PROJECT_SOURCE_DIR}/docs/monitoring/gitlab-jira-doctor.rules.yml
    DESTINATION share/doc/${PROJECT_NAME}-cli/examples COMPONENT cli)
# bash completion for the CLI, where bash-completion looks for it on demand.
install(FILES ${PROJECT_SOURCE_DIR}/packaging/gitlab-jira-doctor-cli.bash-completion
    DESTINATION share/bash-completion/completions
    RENAME gitlab-jira-doctor-cli COMPONENT cli)

set(CPACK_PACKAGE_NAME ${PROJECT_NAME})
set(CPACK_PACKAGE_VENDOR "GitLab Jira Doctor contributors")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "${GJD_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGE_HOMEPAGE_URL ${PROJECT_HOMEPAGE_URL})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
# Wrapped by hand: the extended description of a .deb should keep its lines under 80 columns.
# Both packages share the synopsis (CPack 3.25 takes it from the summary); the last paragraph of
# each says what it holds.
set(gjd_description_common [=[
Helps administrators of self-managed GitLab connect their instance to Jira
Cloud through the GitLab for Jira Cloud app, and helps support staff find out
why an existing connection fails: network, TLS certificate chain, GitLab
settings and Jira checks, each with the reason and the fix, and
troubleshooting exports for support tickets.]=])
set(CPACK_DEBIAN_CLI_DESCRIPTION "${gjd_description_common}

This package contains the command-line program (gitlab-jira-doctor-cli) for
terminals, pipelines and scheduled checks: text, JSON, JUnit, Markdown and
HTML reports, configure, and troubleshooting exports. It needs no graphical
libraries.")
set(CPACK_DEBIAN_GUI_DESCRIPTION "${gjd_description_common}

This package contains the desktop program (gitlab-jira-doctor): a setup
wizard, a diagnostics pane and a viewer for troubleshooting exports.")
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)

set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL cli)
if(GJD_BUILD_GUI)
    list(APPEND CPACK_COMPONENTS_ALL gui)
endif()
set(CPACK_DEBIAN_CLI_PACKAGE_NAME ${PROJECT_NAME}-cli)
set(CPACK_DEBIAN_GUI_PACKAGE_NAME ${PROJECT_NAME})
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${GJD_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION net)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE ${PROJECT_HOMEPAGE_URL})
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Loaded at run time, so dpkg-shlibdeps cannot see them:
#   libsecret-1-0     QtKeychain's Secret Service backend (dlopen)
#   ca-certificates   the public trust store the TLS checks compare against
#   libqt6svg6        the SVG icon engine and image format plugins (the pages' icons are SVG)
# The xcb platform plugin ships in libqt6gui6 (found by dpkg-shlibdeps); Debian's qt6-qpa-plugins
# only holds the VNC and TUIO plugins, so it is not needed. The desktop program runs the checks
# of the same version of the CLI package's engine, so it pins that version.
set(CPACK_DEBIAN_CLI_PACKAGE_DEPENDS "libsecret-1-0, ca-certificates")
set(CPACK_DEBIAN_GUI_PACKAGE_DEPENDS
    "${PROJECT_NAME}-cli (= ${PROJECT_VERSION}), libsecret-1-0, ca-certificates, libqt6svg6")
# Qt's own German strings (standard buttons, --help) and the native Wayland platform plugin
# (without it Qt runs through XWayland); the programs work without either.
set(CPACK_DEBIAN_CLI_PACKAGE_RECOMMENDS "qt6-translations-l10n")
set(CPACK_DEBIAN_GUI_PACKAGE_RECOMMENDS "qt6-translations-l10n, qt6-wayland")
# Any Secret Service provider stores the remembered tokens; GNOME Keyring is the common one.
set(CPACK_DEBIAN_PACKAGE_SUGGESTS gnome-keyring)

include(CPack)
