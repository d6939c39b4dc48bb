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
