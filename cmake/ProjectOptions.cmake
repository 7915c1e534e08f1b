# One INTERFACE target carries the language standard, warnings and Qt defines for every
# target of the project, instead of editing CMAKE_CXX_FLAGS globally.
add_library(gjd_options INTERFACE)
add_library(gjd::options ALIAS gjd_options)

target_compile_features(gjd_options INTERFACE cxx_std_17)
set(CMAKE_CXX_EXTENSIONS OFF)

# Product code never converts char* to QString implicitly (every user-visible string goes through
# tr(), everything else through QStringLiteral/QLatin1String). Test data tables are the exception:
# targets with the GJD_TEST property may write plain literals.
target_compile_definitions(gjd_options INTERFACE
    $<$<NOT:$<BOOL:$<TARGET_PROPERTY:GJD_TEST>>>:QT_NO_CAST_FROM_ASCII>
    QT_NO_CAST_TO_ASCII
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_FOREACH
    QT_USE_QSTRINGBUILDER
    QT_STRICT_ITERATORS
    QT_DISABLE_DEPRECATED_BEFORE=0x060400
    GJD_VERSION="${PROJECT_VERSION}"
    GJD_APP_ID="${GJD_APP_ID}")

if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(gjd_options INTERFACE
        -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast
        -Wcast-align -Woverloaded-virtual -Wformat=2 -Wimplicit-fallthrough
        $<$<BOOL:${GJD_WERROR}>:-Werror>)
    if(GJD_SANITIZE)
        target_compile_options(gjd_options INTERFACE
            -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
        target_link_options(gjd_options INTERFACE -fsanitize=address,undefined)
    endif()
endif()
