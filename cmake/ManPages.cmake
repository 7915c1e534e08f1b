# Manual pages: docs/man/*.1.scd rendered with scdoc(1) and compressed as Debian ships them, into
# <build>/man, installed to share/man/man1. tests/integration/man_test.sh checks them.
find_program(GJD_SCDOC scdoc)
if(NOT GJD_SCDOC)
    message(WARNING "scdoc not found: no manual pages are built (Debian: apt-get install scdoc; "
        "scripts/install-deps.sh installs it)")
    return()
endif()

set(gjd_man_pages gitlab-jira-doctor-cli)
if(GJD_BUILD_GUI)
    list(APPEND gjd_man_pages gitlab-jira-doctor)
endif()
set(gjd_man_outputs)
foreach(page IN LISTS gjd_man_pages)
    set(source ${PROJECT_SOURCE_DIR}/docs/man/${page}.1.scd)
    set(output ${PROJECT_BINARY_DIR}/man/${page}.1.gz)
    add_custom_command(OUTPUT ${output}
        COMMAND ${CMAKE_COMMAND} -E make_directory ${PROJECT_BINARY_DIR}/man
        # gzip -n: no name or time stamp in the archive, so the same source gives the same file
        COMMAND sh -c "\"$0\" < \"$1\" | gzip -9n > \"$2\"" ${GJD_SCDOC} ${source} ${output}
        DEPENDS ${source}
        COMMENT "Rendering the manual page ${page}(1)"
        VERBATIM)
    list(APPEND gjd_man_outputs ${output})
    # Each page goes with its program's package (cmake/Packaging.cmake).
    if(page STREQUAL "gitlab-jira-doctor")
        install(FILES ${output} DESTINATION share/man/man1 COMPONENT gui)
    else()
        install(FILES ${output} DESTINATION share/man/man1 COMPONENT cli)
    endif()
endforeach()
add_custom_target(man_pages ALL DEPENDS ${gjd_man_outputs})
