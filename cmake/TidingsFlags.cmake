# SPDX-License-Identifier: GPL-3.0-or-later
# One interface target carries every project-wide compile option, so that each
# library and executable opts in with a single link and nothing leaks to Qt's targets.
add_library(tidings_flags INTERFACE)
if(MSVC)
    # /utf-8: the sources (Chinese u"..." strings among them) are UTF-8; /Zc:__cplusplus: Qt asks it.
    target_compile_options(tidings_flags INTERFACE /W4 /permissive- /utf-8 /Zc:__cplusplus /EHsc)
    if(TIDINGS_WERROR)
        target_compile_options(tidings_flags INTERFACE /WX)
    endif()
else()
    target_compile_options(tidings_flags INTERFACE -Wall -Wextra -Wpedantic)
    # Packages get Debian's hardening (fortify, stack protector, full RELRO with BIND_NOW), as
    # debhelper would give them: the package preset turns this on.
    if(TIDINGS_DISTRO_HARDENING)
        find_program(DPKG_BUILDFLAGS dpkg-buildflags REQUIRED)
        foreach(kind CPPFLAGS CXXFLAGS LDFLAGS)
            execute_process(
                COMMAND ${CMAKE_COMMAND} -E env DEB_BUILD_MAINT_OPTIONS=hardening=+all
                        ${DPKG_BUILDFLAGS} --get ${kind}
                OUTPUT_VARIABLE flags OUTPUT_STRIP_TRAILING_WHITESPACE COMMAND_ERROR_IS_FATAL ANY)
            separate_arguments(flags UNIX_COMMAND "${flags}")
            # Debian's -O2 and -g would undo the preset's choice; the hardening is the point.
            list(FILTER flags EXCLUDE REGEX "^-O[0-9s]?$|^-g$|^-ffile-prefix-map=")
            if(kind STREQUAL LDFLAGS)
                target_link_options(tidings_flags INTERFACE ${flags})
            else()
                target_compile_options(tidings_flags INTERFACE ${flags})
            endif()
        endforeach()
    endif()
    if(TIDINGS_WERROR)
        target_compile_options(tidings_flags INTERFACE -Werror)
    endif()
endif()
target_compile_definitions(tidings_flags INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_KEYWORDS
    QT_USE_QSTRINGBUILDER
    QT_DISABLE_DEPRECATED_BEFORE=0x060400
    TIDINGS_VERSION="${PROJECT_VERSION}")
