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
    # Hardened binaries, as Debian builds its packages: stack protector, full RELRO with immediate
    # binding, and _FORTIFY_SOURCE=2 where the optimiser makes it work (glibc warns without it).
    # The packaging test verifies them with hardening-check (devscripts).
    target_compile_options(gjd_options INTERFACE -fstack-protector-strong)
    target_compile_definitions(gjd_options INTERFACE
        $<$<CONFIG:Release,RelWithDebInfo,MinSizeRel>:_FORTIFY_SOURCE=2>)
    target_link_options(gjd_options INTERFACE -Wl,-z,relro,-z,now)
    if(GJD_SANITIZE OR GJD_FUZZ)
        target_compile_options(gjd_options INTERFACE
            -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
        target_link_options(gjd_options INTERFACE -fsanitize=address,undefined)
    endif()
endif()

# libFuzzer (tests/fuzz, scripts/fuzz.sh) exists only in clang. Coverage feedback is compiled into
# the core library alone (src/core/CMakeLists.txt), where every parser of outside input lives.
if(GJD_FUZZ)
    if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
        message(FATAL_ERROR "GJD_FUZZ=ON needs clang (libFuzzer), but the C++ compiler is "
            "${CMAKE_CXX_COMPILER_ID}. Configure a separate build directory with "
            "CC=clang CXX=clang++, as scripts/fuzz.sh does.")
    endif()
    include(CheckCXXSourceCompiles)
    set(CMAKE_REQUIRED_FLAGS -fsanitize=fuzzer)
    set(CMAKE_REQUIRED_LINK_OPTIONS -fsanitize=fuzzer)
    check_cxx_source_compiles([[
        #include <cstddef>
        #include <cstdint>
        extern "C" int LLVMFuzzerTestOneInput(const uint8_t*, size_t) { return 0; }
    ]] GJD_HAVE_LIBFUZZER)
    unset(CMAKE_REQUIRED_FLAGS)
    unset(CMAKE_REQUIRED_LINK_OPTIONS)
    if(NOT GJD_HAVE_LIBFUZZER)
        message(FATAL_ERROR "GJD_FUZZ=ON: ${CMAKE_CXX_COMPILER} cannot link with -fsanitize=fuzzer; "
            "the libFuzzer runtime is missing (Debian: apt-get install libclang-rt-14-dev).")
    endif()
endif()
