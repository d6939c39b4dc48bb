# SPDX-License-Identifier: GPL-3.0-or-later
# portability.mingw: src/core/platform compiled for Windows for real, with MinGW-w64's
# <windows.h> (Debian: g++-mingw-w64-x86-64), warnings as errors, and linked into an .exe, so a
# wrong type, a missing header or a function absent from the import libraries fails here.
# Skipped (the "SKIP:" line, ctest's SKIP_REGULAR_EXPRESSION; CMake 3.25 has no exit code for
# -P scripts) only when that compiler is not installed.
# cmake -DSOURCE_DIR=src/core/platform -DTEST_DIR=tests/portability -DWORK_DIR=... -P this
find_program(MINGW_CXX x86_64-w64-mingw32-g++-posix x86_64-w64-mingw32-g++)
if(NOT MINGW_CXX)
    message(FATAL_ERROR
        "SKIP: x86_64-w64-mingw32-g++ is not installed (Debian package g++-mingw-w64-x86-64)")
endif()
file(GLOB sources ${SOURCE_DIR}/*.cpp)
file(MAKE_DIRECTORY ${WORK_DIR})
set(objects)
foreach(source IN LISTS sources ITEMS ${TEST_DIR}/mingw_main.cpp)
    get_filename_component(name ${source} NAME_WE)
    set(object ${WORK_DIR}/${name}.o)
    execute_process(
        COMMAND ${MINGW_CXX} -std=c++20 -Wall -Wextra -Wpedantic -Werror -O1
                -DUNICODE -D_UNICODE -I${SOURCE_DIR} -c ${source} -o ${object}
        RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "MinGW cannot compile ${source}")
    endif()
    list(APPEND objects ${object})
endforeach()
execute_process(
    COMMAND ${MINGW_CXX} -static ${objects} -ladvapi32 -o ${WORK_DIR}/platform-check.exe
    RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "MinGW cannot link the helpers into a Windows program")
endif()
message("compiled ${sources} for Windows and linked ${WORK_DIR}/platform-check.exe")
